//! The published constraints, read from the bundle rather than written into the code, so a
//! corrected bundle (another arm size, another P value) gives a reconstruction that fits it.
//!
//! How the bundle is read:
//! - arm sizes: each arm's `randomized_n`;
//! - responders: each published cumulative probability of the time-to-event endpoint
//!   `response`, turned into the one count out of the arm size that rounds to it at the
//!   published precision (95.8% of 24 → 23). Arms without one get no response data;
//! - response timing: the published test between two arms on `response`, whose rounded P
//!   gives the window the log-rank P must fall in (P = 0.004 → [0.0035, 0.0045));
//! - CD4 rises: within-arm tests on `cd4` published as `P < bound`;
//! - no CD4 change: within-arm statements on `cd4` (a sentence with no P value, "no change"),
//!   read as a paired P of at least [`SIGNIFICANCE`];
//! - no difference among arms: between-arm statements, read as P of at least
//!   [`SIGNIFICANCE`] for every continuous endpoint they name, at every visit;
//! - baseline CD4: the eligibility range for quantity `cd4`.

use super::error::ReconstructError;
use crate::trial::{Bundle, Comparison, EndpointKind, Measure, PValue};

/// The endpoint ids the reconstruction fills.
pub const RESPONSE: &str = "response";
pub const CD4: &str = "cd4";
pub const CD8: &str = "cd8";
pub const RATIO: &str = "cd4_cd8_ratio";

/// The level at which a published "no change" or "no significant difference" is read: the
/// conventional two-sided 5%. The abstract states no level; this is the app's reading.
pub const SIGNIFICANCE: f64 = 0.05;

/// Every constraint the reconstruction must satisfy.
#[derive(Debug, Clone, PartialEq)]
pub struct Targets {
    pub arms: Vec<ArmSize>,
    /// In increasing week order; the first is baseline.
    pub visits: Vec<VisitWeek>,
    pub response: ResponseTarget,
    pub cd4_baseline: EligibleRange,
    pub within_arm: Vec<WithinArm>,
    /// Continuous endpoints on which no pair of arms, and no one-way ANOVA, may differ at
    /// P < [`SIGNIFICANCE`] at any visit.
    pub no_difference: Vec<String>,
}

/// One arm and its size.
#[derive(Debug, Clone, PartialEq)]
pub struct ArmSize {
    pub id: String,
    pub n: u32,
}

/// One visit on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitWeek {
    pub id: String,
    pub week: u32,
    /// Whether a published source names the visit (weeks 0, 48, 96); the others are the
    /// bundle's illustrative grid.
    pub published: bool,
}

/// What the response data must show.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseTarget {
    /// The published test's id.
    pub test: String,
    /// The two compared arms, with the responders each must have.
    pub arms: [ResponderCount; 2],
    /// `[low, high)`: where the log-rank P must fall.
    pub p_window: (f64, f64),
}

/// Responders out of the arm size.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponderCount {
    pub arm: String,
    pub responders: u32,
    pub n: u32,
}

/// A range of baseline values allowed by eligibility.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EligibleRange {
    pub lower: Option<(f64, bool)>,
    pub upper: Option<(f64, bool)>,
}

impl EligibleRange {
    /// Whether `value` meets both bounds (each inclusive or not, as the criterion says).
    pub fn contains(&self, value: f64) -> bool {
        let above = match self.lower {
            Some((bound, true)) => value >= bound,
            Some((bound, false)) => value > bound,
            None => true,
        };
        let below = match self.upper {
            Some((bound, true)) => value <= bound,
            Some((bound, false)) => value < bound,
            None => true,
        };
        above && below
    }
}

/// A within-arm comparison of CD4 between two visits.
#[derive(Debug, Clone, PartialEq)]
pub struct WithinArm {
    /// The published test or statement it comes from.
    pub source: String,
    pub arm: String,
    pub from: String,
    pub to: String,
    pub expect: PairedExpectation,
}

/// What a paired t-test on the change must give.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PairedExpectation {
    /// A rise (positive mean change) with P below the bound.
    RiseBelow(f64),
    /// No significant change: P at least this level.
    NoChange(f64),
}

impl Targets {
    /// Read the constraints from `bundle`.
    pub fn from_bundle(bundle: &Bundle) -> Result<Targets, ReconstructError> {
        for endpoint in [RESPONSE, CD4, CD8, RATIO] {
            if !bundle.endpoints.iter().any(|e| e.id == endpoint) {
                return Err(ReconstructError::MissingEndpoint { endpoint });
            }
        }
        let arms: Vec<ArmSize> =
            bundle.arms.iter().map(|a| ArmSize { id: a.id.clone(), n: a.randomized_n.value }).collect();
        if let Some(arm) = arms.iter().find(|a| a.n < 2) {
            return Err(ReconstructError::ArmTooSmall { arm: arm.id.clone(), n: arm.n });
        }
        let visits: Vec<VisitWeek> = bundle
            .visits
            .iter()
            .map(|v| VisitWeek { id: v.id.clone(), week: v.week.value, published: v.is_published() })
            .collect();
        if visits.len() < 2 {
            return Err(ReconstructError::NoFollowUpVisits);
        }
        Ok(Targets {
            response: response_target(bundle, &arms)?,
            cd4_baseline: baseline_range(bundle)?,
            within_arm: within_arm(bundle, &arms)?,
            no_difference: no_difference(bundle),
            arms,
            visits,
        })
    }

    /// The size of arm `id`.
    pub fn arm_size(&self, id: &str) -> Option<u32> {
        self.arms.iter().find(|a| a.id == id).map(|a| a.n)
    }

    /// Weeks at which a response can be detected: every visit after baseline.
    pub fn event_weeks(&self) -> Vec<u32> {
        self.visits[1..].iter().map(|v| v.week).collect()
    }

    /// The end of follow-up (the last visit), where non-responders are censored.
    pub fn horizon(&self) -> u32 {
        self.visits[self.visits.len() - 1].week
    }

    /// The week of visit `id`, if declared.
    pub fn week_of(&self, id: &str) -> Option<u32> {
        self.visits.iter().find(|v| v.id == id).map(|v| v.week)
    }

    /// The weeks of the illustrative grid, as runs of consecutive visits: "weeks 12–36,
    /// 60–84". Empty when every visit is published.
    pub fn illustrative_weeks(&self) -> String {
        let mut runs: Vec<(u32, u32)> = Vec::new();
        let mut previous_illustrative = false;
        for visit in &self.visits {
            if visit.published {
                previous_illustrative = false;
                continue;
            }
            match runs.last_mut() {
                Some(run) if previous_illustrative => run.1 = visit.week,
                _ => runs.push((visit.week, visit.week)),
            }
            previous_illustrative = true;
        }
        let parts: Vec<String> =
            runs.iter().map(|&(a, b)| if a == b { a.to_string() } else { format!("{a}–{b}") }).collect();
        match parts.len() {
            0 => String::new(),
            1 if runs[0].0 == runs[0].1 => format!("week {}", parts[0]),
            _ => format!("weeks {}", parts.join(", ")),
        }
    }
}

fn response_target(bundle: &Bundle, arms: &[ArmSize]) -> Result<ResponseTarget, ReconstructError> {
    let mut counts = Vec::new();
    for result in bundle.results.iter().filter(|r| r.endpoint == RESPONSE) {
        let Measure::CumulativeProbability(cumulative) = &result.measure else { continue };
        let n = arms.iter().find(|a| a.id == result.arm).map(|a| a.n).ok_or_else(|| {
            ReconstructError::UnknownArm { arm: result.arm.clone(), at: format!("the '{RESPONSE}' result") }
        })?;
        let percent = cumulative.percent.value;
        let responders = count_for_percent(percent, n).ok_or_else(|| ReconstructError::NoMatchingCount {
            arm: result.arm.clone(),
            percent,
            n,
        })?;
        counts.push(ResponderCount { arm: result.arm.clone(), responders, n });
    }
    if counts.is_empty() {
        return Err(ReconstructError::NoResponseTarget { endpoint: RESPONSE.to_string() });
    }
    let test = bundle
        .tests
        .iter()
        .find(|t| {
            t.endpoint == RESPONSE
                && matches!(&t.comparison, Comparison::BetweenArms { arms, .. } if arms.len() == 2)
        })
        .ok_or_else(|| ReconstructError::NoResponseTest { endpoint: RESPONSE.to_string() })?;
    let Comparison::BetweenArms { arms: tested, .. } = &test.comparison else {
        unreachable!("the test was chosen for its between-arm comparison")
    };
    let pick = |arm: &String| counts.iter().find(|c| &c.arm == arm).cloned();
    match (pick(&tested[0]), pick(&tested[1])) {
        (Some(a), Some(b)) if counts.len() == 2 => {
            Ok(ResponseTarget { test: test.id.clone(), arms: [a, b], p_window: test.p.value.p.bounds() })
        }
        _ => Err(ReconstructError::ResponseTestArms {
            test: test.id.clone(),
            arms: tested.clone(),
            expected: counts.iter().map(|c| c.arm.clone()).collect(),
        }),
    }
}

/// The count out of `n` whose percentage, rounded to the decimals `percent` is given with,
/// equals it. With n = 24, 95.8 → 23 and 70.8 → 17. Percentages are published with at most
/// a few decimals; three are tried, the first that reproduces the printed value wins.
pub fn count_for_percent(percent: f64, n: u32) -> Option<u32> {
    let decimals = (0..=3).find(|&d| round_to(percent, d) == percent)?;
    (0..=n).find(|&k| round_to(100.0 * f64::from(k) / f64::from(n), decimals) == percent)
}

/// `value` rounded half away from zero to `decimals` places, as a percentage is printed.
pub fn round_to(value: f64, decimals: u32) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    (value * scale).round() / scale
}

fn baseline_range(bundle: &Bundle) -> Result<EligibleRange, ReconstructError> {
    let range = bundle
        .eligibility
        .iter()
        .filter_map(|c| c.range.as_ref())
        .find(|r| r.quantity == CD4)
        .ok_or(ReconstructError::NoBaselineRange)?;
    Ok(EligibleRange {
        lower: range.lower.as_ref().map(|b| (b.value.value, b.inclusive)),
        upper: range.upper.as_ref().map(|b| (b.value.value, b.inclusive)),
    })
}

fn within_arm(bundle: &Bundle, arms: &[ArmSize]) -> Result<Vec<WithinArm>, ReconstructError> {
    let known = |arm: &str, at: String| {
        if arms.iter().any(|a| a.id == arm) {
            Ok(())
        } else {
            Err(ReconstructError::UnknownArm { arm: arm.to_string(), at })
        }
    };
    let mut found = Vec::new();
    for test in bundle.tests.iter().filter(|t| t.endpoint == CD4) {
        if let (Comparison::WithinArm { arm, from, to }, PValue::LessThan { bound }) =
            (&test.comparison, test.p.value.p)
        {
            known(arm, format!("test '{}'", test.id))?;
            found.push(WithinArm {
                source: test.id.clone(),
                arm: arm.clone(),
                from: from.clone(),
                to: to.clone(),
                expect: PairedExpectation::RiseBelow(bound),
            });
        }
    }
    for statement in bundle.statements.iter().filter(|s| s.endpoints.iter().any(|e| e == CD4)) {
        if let Some(Comparison::WithinArm { arm, from, to }) = &statement.comparison {
            known(arm, format!("statement '{}'", statement.id))?;
            found.push(WithinArm {
                source: statement.id.clone(),
                arm: arm.clone(),
                from: from.clone(),
                to: to.clone(),
                expect: PairedExpectation::NoChange(SIGNIFICANCE),
            });
        }
    }
    Ok(found)
}

fn no_difference(bundle: &Bundle) -> Vec<String> {
    let continuous =
        |id: &str| bundle.endpoints.iter().any(|e| e.id == id && e.kind == EndpointKind::Continuous);
    let mut endpoints: Vec<String> = Vec::new();
    for statement in &bundle.statements {
        if let Some(Comparison::BetweenArms { .. }) = statement.comparison {
            for endpoint in statement.endpoints.iter().filter(|e| continuous(e)) {
                if !endpoints.contains(endpoint) {
                    endpoints.push(endpoint.clone());
                }
            }
        }
    }
    endpoints
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trial::default_bundle;

    #[test]
    fn percentages_become_counts_at_their_published_precision() {
        assert_eq!(count_for_percent(95.8, 24), Some(23));
        assert_eq!(count_for_percent(70.8, 24), Some(17));
        assert_eq!(count_for_percent(95.7, 24), None);
        assert_eq!(count_for_percent(50.0, 24), Some(12));
    }

    #[test]
    fn the_default_bundle_gives_the_published_constraints() {
        let targets = Targets::from_bundle(&default_bundle().unwrap()).unwrap();
        assert_eq!(targets.arms.iter().map(|a| a.n).collect::<Vec<_>>(), vec![24, 24, 24]);
        let response = &targets.response;
        assert_eq!(response.test, "response_low_vs_placebo");
        assert_eq!((response.arms[0].arm.as_str(), response.arms[0].responders), ("low", 23));
        assert_eq!((response.arms[1].arm.as_str(), response.arms[1].responders), ("placebo", 17));
        assert!((response.p_window.0 - 0.0035).abs() < 1e-15 && (response.p_window.1 - 0.0045).abs() < 1e-15);
        assert_eq!(targets.event_weeks(), vec![12, 24, 36, 48, 60, 72, 84, 96]);
        assert_eq!(targets.horizon(), 96);
        assert_eq!(targets.illustrative_weeks(), "weeks 12–36, 60–84");
        assert!(!targets.cd4_baseline.contains(50.0) && targets.cd4_baseline.contains(51.0));
        assert!(targets.cd4_baseline.contains(250.0) && !targets.cd4_baseline.contains(250.5));
        let within: Vec<(&str, PairedExpectation)> =
            targets.within_arm.iter().map(|w| (w.arm.as_str(), w.expect)).collect();
        assert_eq!(
            within,
            vec![
                ("high", PairedExpectation::RiseBelow(0.001)),
                ("low", PairedExpectation::RiseBelow(0.001)),
                ("placebo", PairedExpectation::NoChange(0.05)),
            ]
        );
        assert_eq!(targets.no_difference, vec!["cd4", "cd8", "cd4_cd8_ratio"]);
    }
}
