//! Survival engine speed: Kaplan–Meier by arm, log-rank and Cox (Efron) on two arms with
//! exponential times (hazard ratio 0.7) and 20% random censoring, n = 1e3 … 1e6.
//!
//! Run with `cargo bench --bench survival`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};
use trial_explorer::stats::cox::{cox_ph, Ties};
use trial_explorer::stats::km::kaplan_meier_by_group;
use trial_explorer::stats::logrank::log_rank;

/// SplitMix64: small, deterministic, good enough to draw benchmark data.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform on (0, 1).
    fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
}

struct Trial {
    times: Vec<f64>,
    events: Vec<bool>,
    groups: Vec<usize>,
}

fn simulate(n: usize) -> Trial {
    let mut rng = SplitMix64(20_100_913 + n as u64);
    let mut trial =
        Trial { times: Vec::with_capacity(n), events: Vec::with_capacity(n), groups: Vec::with_capacity(n) };
    for i in 0..n {
        let group = i % 2;
        let rate = if group == 0 { 1.0 } else { 0.7 };
        trial.times.push(-rng.uniform().ln() / rate);
        trial.events.push(rng.uniform() >= 0.2);
        trial.groups.push(group);
    }
    trial
}

fn survival(c: &mut Criterion) {
    let mut group = c.benchmark_group("survival");
    group.sampling_mode(SamplingMode::Flat).sample_size(10).warm_up_time(Duration::from_millis(500));
    for n in [1_000, 10_000, 100_000, 1_000_000] {
        let trial = simulate(n);
        group.measurement_time(Duration::from_secs(if n >= 1_000_000 { 4 } else { 2 }));
        group.bench_with_input(BenchmarkId::new("kaplan_meier_by_group", n), &trial, |b, t| {
            b.iter(|| kaplan_meier_by_group(black_box(&t.times), &t.events, &t.groups).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("log_rank", n), &trial, |b, t| {
            b.iter(|| log_rank(black_box(&t.times), &t.events, &t.groups, 0.0).unwrap())
        });
        group.bench_with_input(BenchmarkId::new("cox_ph_efron", n), &trial, |b, t| {
            b.iter(|| cox_ph(black_box(&t.times), &t.events, &t.groups, Ties::Efron).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, survival);
criterion_main!(benches);
