//! Survival engine speed, natively: Kaplan–Meier by arm, log-rank and Cox (Efron) on two arms
//! with exponential times (hazard ratio 0.7) and 20% random censoring, n = 1e3 … 1e6; and the
//! click (everything recomputed when the reader changes a choice) on 72 patients in three arms.
//! The data and the calls are `benches/support/workload.rs`, shared with the browser benchmark.
//!
//! Run with `cargo bench --bench survival` (profile `bench`: opt-level 3), or `scripts/bench.sh`
//! to run it with the browser benchmark and regenerate `BENCHMARKS.md`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};

#[path = "support/workload.rs"]
mod workload;

use workload::{click, click_trial, cox_efron, km, logrank, simulate, SIZES};

fn survival(c: &mut Criterion) {
    let mut group = c.benchmark_group("survival");
    group.sampling_mode(SamplingMode::Flat).sample_size(10).warm_up_time(Duration::from_millis(500));
    for n in SIZES {
        let trial = simulate(n);
        group.measurement_time(Duration::from_secs(if n >= 1_000_000 { 4 } else { 2 }));
        group.bench_with_input(BenchmarkId::new("kaplan_meier_by_group", n), &trial, |b, t| {
            b.iter(|| km(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("log_rank", n), &trial, |b, t| {
            b.iter(|| logrank(black_box(t)))
        });
        group.bench_with_input(BenchmarkId::new("cox_ph_efron", n), &trial, |b, t| {
            b.iter(|| cox_efron(black_box(t)))
        });
    }
    group.finish();
}

fn click_72(c: &mut Criterion) {
    let trial = click_trial();
    let mut group = c.benchmark_group("click");
    group.sample_size(30).warm_up_time(Duration::from_millis(500)).measurement_time(Duration::from_secs(2));
    group.bench_function("all", |b| b.iter(|| click(black_box(&trial))));
    group.finish();
}

criterion_group!(benches, survival, click_72);
criterion_main!(benches);
