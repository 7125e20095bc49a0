//! The benchmark workloads, shared word for word by the native benchmark (`benches/survival.rs`)
//! and the browser benchmark (`tests/wasm_bench.rs`) through `#[path]`, so both time the same
//! calls on the same data. Not part of the library: the shipped app never sees it.
//!
//! * Large trials: two arms, exponential times with hazard ratio 0.7, 20% random censoring,
//!   n = 1e3 … 1e6 ([`SIZES`], [`simulate`]).
//! * The click: what the app recomputes when the reader changes a choice, on the trial's own
//!   size — 72 patients in three arms of 24, responses seen at 12-weekly visits up to week 96
//!   ([`click_trial`], [`click`]).

// Each includer uses a different subset of these items.
#![allow(dead_code)]

use trial_explorer::stats::cox::{cox_ph, CoxFit, Ties};
use trial_explorer::stats::fisher::{fisher_exact, FisherExactTest};
use trial_explorer::stats::km::{kaplan_meier_by_group, KaplanMeier};
use trial_explorer::stats::logrank::{log_rank, LogRank};
use trial_explorer::stats::proportions::TwoByTwo;

/// Trial sizes of the large-data benchmark.
pub const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];

/// SplitMix64: small, deterministic, identical on every target.
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform on (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
}

/// Subject-level survival data: time, event (true) or censoring (false), group label.
pub struct Trial {
    pub times: Vec<f64>,
    pub events: Vec<bool>,
    pub groups: Vec<usize>,
}

/// Two alternating arms, exponential times (rate 1 and 0.7), each subject censored with
/// probability 0.2. The seed depends only on `n`.
pub fn simulate(n: usize) -> Trial {
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

/// Kaplan–Meier curve of each arm.
pub fn km(t: &Trial) -> Vec<KaplanMeier> {
    kaplan_meier_by_group(&t.times, &t.events, &t.groups).unwrap()
}

/// Log-rank test (rho = 0).
pub fn logrank(t: &Trial) -> LogRank {
    log_rank(&t.times, &t.events, &t.groups, 0.0).unwrap()
}

/// Cox model with Efron's ties.
pub fn cox_efron(t: &Trial) -> CoxFit {
    cox_ph(&t.times, &t.events, &t.groups, Ties::Efron).unwrap()
}

/// Patients per arm and arms of the click workload (72 patients, as in the trial).
pub const CLICK_ARM_SIZE: usize = 24;
pub const CLICK_ARMS: usize = 3;

/// 72 patients in three arms of 24 (0 = high dose, 1 = low dose, 2 = placebo). Time to
/// response is exponential per arm, seen at the first 12-weekly visit after it (so times are
/// heavily tied, as in the app's data); no response by week 96 is censored at 96, and one
/// patient in ten drops out, censored at a random earlier visit.
pub fn click_trial() -> Trial {
    const RATE_PER_WEEK: [f64; CLICK_ARMS] = [0.040, 0.045, 0.015];
    let mut rng = SplitMix64(1_213_186);
    let n = CLICK_ARMS * CLICK_ARM_SIZE;
    let mut trial =
        Trial { times: Vec::with_capacity(n), events: Vec::with_capacity(n), groups: Vec::with_capacity(n) };
    for (group, rate) in RATE_PER_WEEK.into_iter().enumerate() {
        for _ in 0..CLICK_ARM_SIZE {
            let response = -rng.uniform().ln() / rate;
            let visit = (response / 12.0).ceil().max(1.0) * 12.0;
            let dropout =
                if rng.uniform() < 0.1 { (1.0 + (rng.uniform() * 7.0).floor()) * 12.0 } else { 96.0 };
            if visit <= dropout {
                trial.times.push(visit);
                trial.events.push(true);
            } else {
                trial.times.push(dropout);
                trial.events.push(false);
            }
            trial.groups.push(group);
        }
    }
    trial
}

/// Everything the app recomputes on a click, on the 72-patient data.
pub struct Click {
    pub curves: Vec<KaplanMeier>,
    pub log_rank: LogRank,
    pub peto_peto: LogRank,
    pub cox: CoxFit,
    pub fisher: FisherExactTest,
}

/// Kaplan–Meier by arm, log-rank and Peto–Peto tests across the three arms, the Cox model
/// (Efron, arm 0 the reference), and Fisher's exact test of responders by the last visit,
/// low dose versus placebo, with the counts read from the curves.
pub fn click(t: &Trial) -> Click {
    let curves = kaplan_meier_by_group(&t.times, &t.events, &t.groups).unwrap();
    let log_rank_test = log_rank(&t.times, &t.events, &t.groups, 0.0).unwrap();
    let peto_peto = log_rank(&t.times, &t.events, &t.groups, 1.0).unwrap();
    let cox = cox_ph(&t.times, &t.events, &t.groups, Ties::Efron).unwrap();
    let responders = |g: usize| curves[g].total_events() as i64;
    let size = |g: usize| curves[g].n() as i64;
    let table = TwoByTwo::new(responders(1), size(1), responders(2), size(2)).unwrap();
    let fisher = fisher_exact(&table, 0.95).unwrap();
    Click { curves, log_rank: log_rank_test, peto_peto, cox, fisher }
}
