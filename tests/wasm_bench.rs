//! Survival engine speed in headless Chromium: the workloads of `benches/survival.rs` (same data,
//! same calls: `benches/support/workload.rs`), compiled to wasm32 and timed with
//! `performance.now()`.
//!
//! A measurement, not a test: nothing here passes or fails on time. Not run by `cargo test`
//! (`test = false` in Cargo.toml); `scripts/bench.sh` runs it at opt-level 3 and at the shipped
//! profile, with `-- --nocapture` so that each result line reaches standard output:
//!
//! ```text
//! bench-result <group> <function> <n> <median ns> <min ns> <samples> <iterations per sample>
//! ```
#![cfg(target_arch = "wasm32")]

#[path = "../benches/support/workload.rs"]
mod workload;

use std::hint::black_box;

use wasm_bindgen_test::*;
use workload::{click, click_trial, cox_efron, km, logrank, simulate, SIZES};

wasm_bindgen_test_configure!(run_in_browser);

/// A sample times a batch of calls lasting at least this long, far above the browser clock's
/// coarsened resolution (0.1 ms in Chromium without cross-origin isolation).
const SAMPLE_MS: f64 = 20.0;
/// Samples per measurement: at least `MIN_SAMPLES`, more while within `BUDGET_MS`.
const MIN_SAMPLES: usize = 10;
const MAX_SAMPLES: usize = 30;
const BUDGET_MS: f64 = 2_000.0;

fn now_ms() -> f64 {
    web_sys::window().expect("window").performance().expect("performance").now()
}

/// Lets the page run its other tasks (the test runner polls it for output).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().expect("window").set_timeout_with_callback(&resolve).expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.expect("timer");
}

fn time_batch<R>(f: &mut impl FnMut() -> R, iterations: u32) -> f64 {
    let start = now_ms();
    for _ in 0..iterations {
        black_box(f());
    }
    now_ms() - start
}

/// Times `f` and prints one `bench-result` line: the median and the minimum over samples of
/// the time per call. The first batches (growing until one lasts `SAMPLE_MS`) are the warm-up.
async fn measure<R>(group: &str, function: &str, n: usize, mut f: impl FnMut() -> R) {
    let mut iterations = 1u32;
    loop {
        let elapsed = time_batch(&mut f, iterations);
        if elapsed >= SAMPLE_MS || iterations >= 1 << 24 {
            break;
        }
        let grow = (SAMPLE_MS / elapsed.max(0.1) * 1.2).clamp(2.0, 100.0);
        iterations = ((f64::from(iterations) * grow).ceil() as u32).min(1 << 24);
        next_task().await;
    }
    let mut per_call_ns = Vec::with_capacity(MAX_SAMPLES);
    let start = now_ms();
    while per_call_ns.len() < MIN_SAMPLES || (per_call_ns.len() < MAX_SAMPLES && now_ms() - start < BUDGET_MS)
    {
        next_task().await;
        per_call_ns.push(time_batch(&mut f, iterations) * 1e6 / f64::from(iterations));
    }
    per_call_ns.sort_by(f64::total_cmp);
    let len = per_call_ns.len();
    let median = if len % 2 == 1 {
        per_call_ns[len / 2]
    } else {
        (per_call_ns[len / 2 - 1] + per_call_ns[len / 2]) / 2.0
    };
    console_log!("bench-result {group} {function} {n} {median:.1} {:.1} {len} {iterations}", per_call_ns[0]);
}

#[wasm_bindgen_test]
async fn click_72_patients() {
    let trial = click_trial();
    measure("click", "all", trial.times.len(), || click(&trial)).await;
}

#[wasm_bindgen_test]
async fn survival_two_arms() {
    for n in SIZES {
        let trial = simulate(n);
        measure("survival", "kaplan_meier_by_group", n, || km(&trial)).await;
        measure("survival", "log_rank", n, || logrank(&trial)).await;
        measure("survival", "cox_ph_efron", n, || cox_efron(&trial)).await;
    }
}
