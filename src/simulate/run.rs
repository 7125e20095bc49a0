//! Running many simulated trials, in chunks, and summarising their P values.

use crate::reconstruct::rng::Rng;
use crate::stats::StatsError;

use super::model::ArmModel;
use super::table_log_rank::table_log_rank_p;

/// The most trials one run may simulate (the page's budget is 10,000 in under a second).
pub const MAX_TRIALS: u32 = 10_000;
/// Number of bins of the P-value histogram, on a log10 scale from 1e-6 to 1.
pub const HISTOGRAM_BINS: usize = 24;
const LOG10_P_FLOOR: f64 = -6.0;

/// What to simulate.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulationSpec {
    /// Patients per arm.
    pub per_arm: u32,
    /// Control (group 0) and treated (group 1) response models, one hazard per visit.
    pub arms: [ArmModel; 2],
    /// Trials to simulate, 1 to `MAX_TRIALS`.
    pub trials: u32,
    /// Significance level for the power.
    pub alpha: f64,
    /// The published P, to say how often a replay is at least as extreme.
    pub published_p: Option<f64>,
    pub seed: u64,
}

impl SimulationSpec {
    /// Check the spec before any work is done.
    pub fn validate(&self) -> Result<(), StatsError> {
        let bad = |what: &str, value: f64| {
            Err(StatsError::InvalidParameter { what: format!("simulation: {what}"), value })
        };
        if self.per_arm < 2 || self.per_arm > 10_000 {
            return bad("patients per arm (2 to 10,000)", self.per_arm as f64);
        }
        if self.trials == 0 || self.trials > MAX_TRIALS {
            return bad("number of trials (1 to 10,000)", self.trials as f64);
        }
        if !(self.alpha > 0.0 && self.alpha < 1.0) {
            return bad("alpha", self.alpha);
        }
        let visits = self.arms[0].hazards.len();
        if visits == 0 || self.arms[1].hazards.len() != visits {
            return Err(StatsError::LengthMismatch {
                what: "simulation: hazards per visit of the two arms".into(),
                expected: visits,
                found: self.arms[1].hazards.len(),
            });
        }
        for arm in &self.arms {
            if let Some(h) = arm.hazards.iter().find(|h| !(0.0..=1.0).contains(*h)) {
                return bad("hazard (0 to 1)", *h);
            }
        }
        Ok(())
    }
}

/// A run in progress: call [`Simulator::step`] until it reports done; stop calling to cancel.
#[derive(Debug, Clone)]
pub struct Simulator {
    spec: SimulationSpec,
    rng: Rng,
    p_values: Vec<f64>,
    /// Trials with no event at all, where the test is undefined.
    untestable: u32,
    at_risk: [Vec<u32>; 2],
    events: [Vec<u32>; 2],
}

impl Simulator {
    /// Start a run; the spec is validated here.
    pub fn new(spec: SimulationSpec) -> Result<Simulator, StatsError> {
        spec.validate()?;
        let visits = spec.arms[0].hazards.len();
        Ok(Simulator {
            rng: Rng::stream(spec.seed, 0x5157),
            p_values: Vec::with_capacity(spec.trials as usize),
            untestable: 0,
            at_risk: [vec![0; visits], vec![0; visits]],
            events: [vec![0; visits], vec![0; visits]],
            spec,
        })
    }

    /// Trials simulated so far.
    pub fn done(&self) -> u32 {
        self.p_values.len() as u32 + self.untestable
    }

    /// The P values of the tested trials so far, in the order simulated.
    pub fn p_values(&self) -> &[f64] {
        &self.p_values
    }

    /// Whether every trial has been simulated.
    pub fn finished(&self) -> bool {
        self.done() >= self.spec.trials
    }

    /// Simulate up to `chunk` more trials; returns the number done so far.
    pub fn step(&mut self, chunk: u32) -> u32 {
        let target = (self.done() + chunk).min(self.spec.trials);
        while self.done() < target {
            match self.one_trial() {
                Some(p) => self.p_values.push(p),
                None => self.untestable += 1,
            }
        }
        self.done()
    }

    fn one_trial(&mut self) -> Option<f64> {
        for g in 0..2 {
            let hazards = &self.spec.arms[g].hazards;
            self.at_risk[g].iter_mut().for_each(|n| *n = 0);
            self.events[g].iter_mut().for_each(|n| *n = 0);
            for _ in 0..self.spec.per_arm {
                // Walk the visits until this patient responds; they are at risk at each visit
                // reached, and censored after the last one.
                for (i, &h) in hazards.iter().enumerate() {
                    self.at_risk[g][i] += 1;
                    if self.rng.uniform() < h {
                        self.events[g][i] += 1;
                        break;
                    }
                }
            }
        }
        table_log_rank_p([&self.at_risk[0], &self.at_risk[1]], [&self.events[0], &self.events[1]])
    }

    /// Summary of the trials simulated so far.
    pub fn summary(&self) -> SimulationSummary {
        let k = self.p_values.len();
        let significant = self.p_values.iter().filter(|&&p| p <= self.spec.alpha).count();
        let mut histogram = vec![0u32; HISTOGRAM_BINS];
        for &p in &self.p_values {
            let bin = (position(p.max(f64::MIN_POSITIVE), LOG10_P_FLOOR) * HISTOGRAM_BINS as f64) as usize;
            histogram[bin.min(HISTOGRAM_BINS - 1)] += 1;
        }
        let mut sorted = self.p_values.clone();
        sorted.sort_by(f64::total_cmp);
        let median_p = if k == 0 {
            None
        } else if k % 2 == 1 {
            Some(sorted[k / 2])
        } else {
            Some((sorted[k / 2 - 1] + sorted[k / 2]) / 2.0)
        };
        SimulationSummary {
            trials: self.done(),
            tested: k as u32,
            untestable: self.untestable,
            power: if k == 0 { None } else { Some(significant as f64 / k as f64) },
            alpha: self.spec.alpha,
            median_p,
            at_least_as_extreme_as_published: self
                .spec
                .published_p
                .filter(|_| k > 0)
                .map(|published| self.p_values.iter().filter(|&&p| p <= published).count() as f64 / k as f64),
            published_p: self.spec.published_p,
            histogram,
            log10_p_floor: LOG10_P_FLOOR,
        }
    }
}

/// What a run found.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulationSummary {
    pub trials: u32,
    /// Trials whose log-rank test was defined (at least one response).
    pub tested: u32,
    pub untestable: u32,
    /// Share of tested trials with P ≤ α.
    pub power: Option<f64>,
    pub alpha: f64,
    pub median_p: Option<f64>,
    /// Share of tested trials with P at or below the published P.
    pub at_least_as_extreme_as_published: Option<f64>,
    /// The published P the trials were set against (the spec's).
    pub published_p: Option<f64>,
    /// Counts of P values in equal bins of log10 P from `log10_p_floor` to 0 (smaller P
    /// values fall in the first bin).
    pub histogram: Vec<u32>,
    pub log10_p_floor: f64,
}

impl SimulationSummary {
    /// Where histogram bin `i` starts and ends, as log10 P.
    pub fn bin_edges(&self, i: usize) -> (f64, f64) {
        let bins = self.histogram.len() as f64;
        let at = |k: usize| self.log10_p_floor * (1.0 - k as f64 / bins);
        (at(i), at(i + 1))
    }

    /// Where `p` falls across the histogram, from 0 at its floor to 1 at P = 1; a P below the
    /// floor is counted in the first bin, and placed at 0.
    pub fn histogram_position(&self, p: f64) -> f64 {
        position(p, self.log10_p_floor)
    }
}

/// Where `p` falls on the log10 scale from `floor` (0) to P = 1 (1), clamped to that range:
/// the one formula for the histogram's bins and for marking the published P on it.
fn position(p: f64, floor: f64) -> f64 {
    ((p.log10() - floor) / -floor).clamp(0.0, 1.0)
}
