//! Effect measures for two proportions: risk difference (Newcombe hybrid score and Wald
//! intervals), risk ratio (Katz log interval), sample odds ratio (Woolf interval) and the
//! number needed to treat derived from the risk difference.

use super::contingency::prop_test_two_sample;
use super::interval::{check_level, Interval};
use super::proportions::{wilson_interval, z_two_sided, TwoByTwo};
use super::StatsError;

/// Risk difference `p1 - p2` with two intervals.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RiskDifference {
    /// `p1 - p2`.
    pub estimate: f64,
    /// Newcombe (1998, method 10) hybrid score interval, built from the two Wilson
    /// intervals; the recommended interval for small groups.
    pub newcombe: Interval,
    /// Wald interval (as `prop.test(correct = FALSE)`), for comparison.
    pub wald: Interval,
}

/// Risk difference `p1 - p2` with Newcombe's hybrid score interval — the interval the app
/// reports, since it respects `[-1, 1]` and has close to nominal coverage for 24 per arm:
/// `D - √((p1 - l1)² + (u2 - p2)²)`, `D + √((u1 - p1)² + (p2 - l2)²)` with `(lᵢ, uᵢ)` the
/// Wilson limits of each group.
///
/// ```
/// use trial_explorer::stats::proportions::TwoByTwo;
/// use trial_explorer::stats::risk::risk_difference;
/// let rd = risk_difference(&TwoByTwo::new(23, 24, 17, 24).unwrap(), 0.95).unwrap();
/// assert_eq!(rd.estimate, 0.25);
/// assert!((rd.newcombe.lower / 0.035_167_472_100_746 - 1.0).abs() < 1e-12);
/// assert!((rd.newcombe.upper / 0.452_925_506_171_228_23 - 1.0).abs() < 1e-12);
/// ```
pub fn risk_difference(table: &TwoByTwo, level: f64) -> Result<RiskDifference, StatsError> {
    let level = check_level(level, "risk difference")?;
    let (p1, p2) = (table.group1.estimate(), table.group2.estimate());
    let w1 = wilson_interval(table.group1, level)?;
    let w2 = wilson_interval(table.group2, level)?;
    let estimate = p1 - p2;
    let newcombe = Interval {
        lower: estimate - ((p1 - w1.lower).powi(2) + (w2.upper - p2).powi(2)).sqrt(),
        upper: estimate + ((w1.upper - p1).powi(2) + (p2 - w2.lower).powi(2)).sqrt(),
    };
    let wald = wald_difference(table, level);
    Ok(RiskDifference { estimate, newcombe, wald })
}

fn wald_difference(table: &TwoByTwo, level: f64) -> Interval {
    match prop_test_two_sample(table, false, level) {
        Ok(test) => test.ci,
        Err(_) => {
            // No events (or no non-events) at all: the Wald interval degenerates to the point 0.
            Interval { lower: 0.0, upper: 0.0 }
        }
    }
}

/// A ratio measure with its log-scale standard error and interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RatioEstimate {
    /// The ratio.
    pub estimate: f64,
    /// Standard error of its logarithm.
    pub se_log: f64,
    /// `exp(ln estimate ∓ z · se_log)`.
    pub ci: Interval,
}

fn log_interval(estimate: f64, se_log: f64, z: f64) -> Interval {
    let centre = estimate.ln();
    Interval { lower: (centre - z * se_log).exp(), upper: (centre + z * se_log).exp() }
}

/// Risk ratio `p1/p2` with the Katz log interval,
/// `se = √(1/x1 - 1/n1 + 1/x2 - 1/n2)`. With a zero count the values are non-finite
/// (no continuity correction is applied), as in the reference calculation.
///
/// ```
/// use trial_explorer::stats::proportions::TwoByTwo;
/// use trial_explorer::stats::risk::risk_ratio;
/// let rr = risk_ratio(&TwoByTwo::new(23, 24, 17, 24).unwrap(), 0.95).unwrap();
/// assert!((rr.estimate - 23.0 / 17.0).abs() < 1e-15);
/// assert!((rr.ci.lower / 1.032_871_544_333_539 - 1.0).abs() < 1e-12);
/// ```
pub fn risk_ratio(table: &TwoByTwo, level: f64) -> Result<RatioEstimate, StatsError> {
    let level = check_level(level, "risk ratio")?;
    let (g1, g2) = (table.group1, table.group2);
    let (x1, n1) = (g1.events() as f64, g1.size() as f64);
    let (x2, n2) = (g2.events() as f64, g2.size() as f64);
    let estimate = g1.estimate() / g2.estimate();
    let se_log = (1.0 / x1 - 1.0 / n1 + 1.0 / x2 - 1.0 / n2).sqrt();
    Ok(RatioEstimate { estimate, se_log, ci: log_interval(estimate, se_log, z_two_sided(level)) })
}

/// Sample (unconditional) odds ratio `x1 (n2 - x2) / ((n1 - x1) x2)` with the Woolf
/// interval, `se = √(1/a + 1/b + 1/c + 1/d)`; non-finite with a zero cell. Fisher's test
/// reports the conditional MLE instead ([`crate::stats::fisher`]).
///
/// ```
/// use trial_explorer::stats::proportions::TwoByTwo;
/// use trial_explorer::stats::risk::odds_ratio;
/// let or = odds_ratio(&TwoByTwo::new(9, 10, 3, 10).unwrap(), 0.95).unwrap();
/// assert_eq!(or.estimate, 21.0);
/// ```
pub fn odds_ratio(table: &TwoByTwo, level: f64) -> Result<RatioEstimate, StatsError> {
    let level = check_level(level, "odds ratio")?;
    let [a, c, b, d] = table.cells();
    let estimate = a * d / (b * c);
    let se_log = (1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d).sqrt();
    Ok(RatioEstimate { estimate, se_log, ci: log_interval(estimate, se_log, z_two_sided(level)) })
}

/// Number needed to treat, from the risk difference and its Newcombe interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumberNeeded {
    /// `1/(p1 - p2)`, signed: positive when group 1 has more events; `∞` when `p1 = p2`.
    pub estimate: f64,
    /// `⌈|1/(p1 - p2)|⌉`, the whole number of patients usually quoted, counted from the counts
    /// (see `whole_number_needed`).
    pub estimate_ceiling: f64,
    /// `1/L` for the Newcombe lower limit `L`.
    pub inv_lower: f64,
    /// `1/U` for the Newcombe upper limit `U`.
    pub inv_upper: f64,
    /// Whether the risk-difference interval contains 0 (`L <= 0 <= U`).
    pub ci_includes_zero: bool,
}

/// The NNT interval: a bounded range, or — when the risk difference may be zero — two rays
/// through infinity (Altman 1998).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NntInterval {
    /// Both risk-difference limits on the same side of zero: NNT in `[lower, upper]`
    /// (`1/U` to `1/L`), negative when group 2 has more events.
    Bounded { lower: f64, upper: f64 },
    /// `L <= 0 <= U`: NNT of at least `group1_more_from = 1/U` patients for group 1 having
    /// more events, through infinity, to at least `group2_more_from = 1/|L|` patients for
    /// group 2 having more events.
    ThroughInfinity { group1_more_from: f64, group2_more_from: f64 },
}

impl NumberNeeded {
    /// The interval in the form a reader can interpret.
    pub fn interval(&self) -> NntInterval {
        if self.ci_includes_zero {
            NntInterval::ThroughInfinity {
                group1_more_from: self.inv_upper,
                group2_more_from: self.inv_lower.abs(),
            }
        } else {
            NntInterval::Bounded { lower: self.inv_upper, upper: self.inv_lower }
        }
    }
}

/// Number needed to treat `1/(p1 - p2)` with limits `1/U`, `1/L` from the Newcombe
/// interval of the risk difference.
///
/// ```
/// use trial_explorer::stats::proportions::TwoByTwo;
/// use trial_explorer::stats::risk::{number_needed, NntInterval};
/// let nnt = number_needed(&TwoByTwo::new(15, 24, 9, 24).unwrap(), 0.95).unwrap();
/// assert_eq!(nnt.estimate, 4.0);
/// assert!(matches!(nnt.interval(), NntInterval::ThroughInfinity { .. }));
/// ```
pub fn number_needed(table: &TwoByTwo, level: f64) -> Result<NumberNeeded, StatsError> {
    let rd = risk_difference(table, level)?;
    let estimate = 1.0 / rd.estimate;
    Ok(NumberNeeded {
        estimate,
        estimate_ceiling: whole_number_needed(table),
        inv_lower: 1.0 / rd.newcombe.lower,
        inv_upper: 1.0 / rd.newcombe.upper,
        ci_includes_zero: rd.newcombe.lower <= 0.0 && 0.0 <= rd.newcombe.upper,
    })
}

/// `⌈|1/(x1/n1 - x2/n2)|⌉` as `n1·n2 / |x1·n2 - x2·n1|` rounded up, in whole numbers: the
/// difference of the two proportions as floats can land a hair off a whole reciprocal
/// (11/24 - 5/24 is 0.24999999999999997, whose reciprocal rounds up to 5, not 4); `∞` for equal
/// proportions. Counts whose products do not fit 64 bits (no trial's) fall back to floats.
fn whole_number_needed(table: &TwoByTwo) -> f64 {
    let (x1, n1) = (table.group1.events(), table.group1.size());
    let (x2, n2) = (table.group2.events(), table.group2.size());
    let exact = x1.checked_mul(n2).zip(x2.checked_mul(n1)).zip(n1.checked_mul(n2));
    match exact {
        Some(((a, b), product)) => match a.abs_diff(b) {
            0 => f64::INFINITY,
            difference => product.div_ceil(difference) as f64,
        },
        None => (1.0 / (table.group1.estimate() - table.group2.estimate())).abs().ceil(),
    }
}
