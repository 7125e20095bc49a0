//! Times to immunological response for the arms whose response probability is published.
//!
//! Responses are detected at visits, so every event time is a visit week after baseline;
//! patients who never respond are censored at the end of follow-up and nobody earlier, so the
//! Kaplan–Meier probability at the horizon is the plain proportion (23/24, 17/24).
//!
//! The procedure, for one seed:
//! 1. *Proposal.* Each arm gets a per-visit response hazard drawn at random (higher for the
//!    arm with more responders, see [`FAST_HAZARD`] and [`SLOW_HAZARD`]); each responder's
//!    visit is a geometric draw with that hazard, truncated to the follow-up visits.
//! 2. *Repair walk.* While the log-rank P is outside the published window, one randomly
//!    chosen responder moves by one visit: earlier in the faster arm or later in the slower
//!    arm when the arms must separate more (P too large), the reverse when P is too small.
//!    After [`MAX_STEPS`] moves without success the proposal is abandoned and a new one drawn
//!    from the same stream, so the result stays a function of the seed alone.
//! 3. *Confirmation.* A candidate inside the window is re-tested with the statistics
//!    engine's own log-rank test (`stats::logrank::log_rank`, R's `survdiff`); only its
//!    verdict accepts. The walk screens with a closed form on the visit-by-arm count table,
//!    which is the same statistic for data tied at visits, at a fraction of the cost: the
//!    ensemble draws hundreds of seeds in the browser.
//!
//! Different seeds give different hazards and walks, so the ensemble shows how much timing
//! the published numbers leave open.

use super::error::ReconstructError;
use super::rng::Rng;
use super::targets::{ResponderCount, Targets};
use crate::stats::dist::pchisq_upper;
use crate::stats::logrank::log_rank;
use crate::trial::EventRecord;

/// Per-visit response hazard of the arm with the larger share of responders: illustrative,
/// wide enough that the ensemble spans early and late responders.
pub const FAST_HAZARD: (f64, f64) = (0.15, 0.60);
/// Per-visit response hazard of the other arm.
pub const SLOW_HAZARD: (f64, f64) = (0.03, 0.30);
/// Moves of the repair walk before a proposal is abandoned.
pub const MAX_STEPS: u32 = 200;
/// Proposals before the reconstruction gives up.
pub const MAX_PROPOSALS: u32 = 2_000;

/// The stream of a seed that the response data are drawn from.
pub(super) const RESPONSE_STREAM: u64 = 1;

/// A response reconstruction and what it took.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseDraw {
    /// One record per patient of the two compared arms, arm by arm in the test's order.
    pub records: Vec<EventRecord>,
    /// The engine's log-rank P (rho = 0) between the two arms.
    pub p_value: f64,
    /// Proposals drawn, counting the accepted one.
    pub proposals: u32,
}

/// One arm's responders, each as the index of the visit (after baseline) of response.
#[derive(Debug, Clone)]
struct ArmTiming {
    target: ResponderCount,
    visit_of: Vec<usize>,
}

/// Sort visit indices by counting them: they are few and small, and a general sort of
/// `usize` would be one more copy of the sorting code in the page.
fn sort_visits(visit_of: &mut [usize]) {
    let mut counts = vec![0usize; visit_of.iter().max().map_or(0, |m| m + 1)];
    for &k in visit_of.iter() {
        counts[k] += 1;
    }
    let sorted = counts.iter().enumerate().flat_map(|(k, &n)| std::iter::repeat_n(k, n));
    for (slot, k) in visit_of.iter_mut().zip(sorted) {
        *slot = k;
    }
}

impl ArmTiming {
    fn propose(rng: &mut Rng, target: &ResponderCount, visits: usize, hazard: (f64, f64)) -> ArmTiming {
        let q = rng.between(hazard.0, hazard.1);
        let mut visit_of: Vec<usize> =
            (0..target.responders).map(|_| truncated_geometric(rng, q, visits)).collect();
        sort_visits(&mut visit_of);
        ArmTiming { target: target.clone(), visit_of }
    }

    /// Responders at each visit.
    fn counts(&self, visits: usize) -> Vec<u32> {
        let mut counts = vec![0u32; visits];
        for &k in &self.visit_of {
            counts[k] += 1;
        }
        counts
    }

    fn records<'a>(&'a self, weeks: &'a [u32], horizon: u32) -> impl Iterator<Item = EventRecord> + 'a {
        let arm = &self.target.arm;
        let censored = self.target.n - self.target.responders;
        let responders = self.visit_of.iter().map(move |&k| EventRecord {
            arm: arm.clone(),
            time: f64::from(weeks[k]),
            event: true,
        });
        let rest = (0..censored).map(move |_| EventRecord {
            arm: arm.clone(),
            time: f64::from(horizon),
            event: false,
        });
        responders.chain(rest)
    }
}

/// A visit index in `0..visits`: the first visit at which a draw with probability `q`
/// succeeds, drawn again until it falls within follow-up (the patient is a responder).
fn truncated_geometric(rng: &mut Rng, q: f64, visits: usize) -> usize {
    loop {
        if let Some(k) = (0..visits).find(|_| rng.uniform() < q) {
            return k;
        }
    }
}

/// The log-rank P (rho = 0) for two arms from responders per visit; censoring only at the
/// last visit, where the censored are still at risk. The same arithmetic as R's
/// `survdiff` with tied event times: hypergeometric variance at each visit.
fn count_table_p(fast: &[u32], n_fast: u32, slow: &[u32], n_slow: u32) -> f64 {
    let (mut at_risk_fast, mut at_risk_slow) = (f64::from(n_fast), f64::from(n_slow));
    let (mut observed_minus_expected, mut variance) = (0.0, 0.0);
    for (&d_fast, &d_slow) in fast.iter().zip(slow) {
        let (d_fast, d_slow) = (f64::from(d_fast), f64::from(d_slow));
        let d = d_fast + d_slow;
        let n = at_risk_fast + at_risk_slow;
        if d > 0.0 {
            observed_minus_expected += d_fast - d * at_risk_fast / n;
            if n > 1.0 {
                variance += d * (at_risk_fast / n) * (at_risk_slow / n) * (n - d) / (n - 1.0);
            }
        }
        at_risk_fast -= d_fast;
        at_risk_slow -= d_slow;
    }
    if variance <= 0.0 {
        return 1.0;
    }
    pchisq_upper(observed_minus_expected * observed_minus_expected / variance, 1.0).unwrap_or(1.0)
}

/// The engine's log-rank P for the records of two arms (group 0 = `first`).
pub(super) fn engine_p(records: &[EventRecord], first: &str) -> Result<f64, ReconstructError> {
    let times: Vec<f64> = records.iter().map(|r| r.time).collect();
    let events: Vec<bool> = records.iter().map(|r| r.event).collect();
    let groups: Vec<usize> = records.iter().map(|r| usize::from(r.arm != first)).collect();
    Ok(log_rank(&times, &events, &groups, 0.0)?.p_value)
}

/// Draw response data for `seed` that satisfy the targets.
pub fn draw_response(targets: &Targets, seed: u64) -> Result<ResponseDraw, ReconstructError> {
    let weeks = targets.event_weeks();
    let horizon = targets.horizon();
    let visits = weeks.len();
    let target = &targets.response;
    let (low, high) = target.p_window;
    let [first, second] = &target.arms;
    // The arm with the larger share of responders is the one that responds sooner.
    let first_is_fast = u64::from(first.responders) * u64::from(second.n)
        >= u64::from(second.responders) * u64::from(first.n);
    let (fast_target, slow_target) = if first_is_fast { (first, second) } else { (second, first) };

    let mut rng = Rng::stream(seed, RESPONSE_STREAM);
    let mut last_p = f64::NAN;
    for proposal in 1..=MAX_PROPOSALS {
        let mut fast = ArmTiming::propose(&mut rng, fast_target, visits, FAST_HAZARD);
        let mut slow = ArmTiming::propose(&mut rng, slow_target, visits, SLOW_HAZARD);
        for _ in 0..=MAX_STEPS {
            let mut p =
                count_table_p(&fast.counts(visits), fast_target.n, &slow.counts(visits), slow_target.n);
            if low <= p && p < high {
                // Records in time order within each arm, for readable exports.
                sort_visits(&mut fast.visit_of);
                sort_visits(&mut slow.visit_of);
                let (a, b) = if first_is_fast { (&fast, &slow) } else { (&slow, &fast) };
                let records: Vec<EventRecord> =
                    a.records(&weeks, horizon).chain(b.records(&weeks, horizon)).collect();
                p = engine_p(&records, &first.arm)?;
                if low <= p && p < high {
                    return Ok(ResponseDraw { records, p_value: p, proposals: proposal });
                }
            }
            last_p = p;
            step(&mut rng, &mut fast, &mut slow, visits, p >= high);
        }
    }
    Err(ReconstructError::Exhausted {
        what: format!("log-rank P {last_p:.2e} outside [{low}, {high})"),
        attempts: MAX_PROPOSALS,
    })
}

/// One move of the repair walk: `separate` moves a faster-arm responder one visit earlier or
/// a slower-arm responder one visit later; otherwise the reverse. The responder is chosen
/// uniformly among those who can move that way.
fn step(rng: &mut Rng, fast: &mut ArmTiming, slow: &mut ArmTiming, visits: usize, separate: bool) {
    let last = visits - 1;
    let fast_earlier = separate;
    let can_move = |k: usize, earlier: bool| if earlier { k > 0 } else { k < last };
    let fast_movable = fast.visit_of.iter().filter(|&&k| can_move(k, fast_earlier)).count();
    let slow_movable = slow.visit_of.iter().filter(|&&k| can_move(k, !fast_earlier)).count();
    if fast_movable + slow_movable == 0 {
        return;
    }
    let pick = rng.index(fast_movable + slow_movable);
    let (arm, earlier, nth) = if pick < fast_movable {
        (fast, fast_earlier, pick)
    } else {
        (slow, !fast_earlier, pick - fast_movable)
    };
    if let Some(k) = arm.visit_of.iter_mut().filter(|k| can_move(**k, earlier)).nth(nth) {
        if earlier {
            *k -= 1;
        } else {
            *k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_visits;

    #[test]
    fn counting_visits_sorts_as_a_general_sort_does() {
        for visits in
            [vec![], vec![0], vec![3, 0, 3, 1, 8, 0, 2, 2], vec![5; 4], vec![8, 7, 6, 5, 4, 3, 2, 1, 0]]
        {
            let mut counted = visits.clone();
            sort_visits(&mut counted);
            let mut sorted = visits;
            sorted.sort();
            assert_eq!(counted, sorted);
        }
    }
}
