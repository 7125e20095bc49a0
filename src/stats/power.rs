//! Smallest effects a t-test can declare significant: with 24 patients per arm, how large a
//! standardized change must be before it can reach a given significance level.

use super::dist;
use super::StatsError;

/// The threshold effect for significance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MinimumEffect {
    /// Degrees of freedom of the t-test.
    pub df: f64,
    /// Two-sided critical value `qt(1 - α/2, df)`.
    pub t_crit: f64,
    /// Smallest standardized effect `d` with `p <= α`; `p < α` strictly iff `|d| > d_min`.
    pub d_min: f64,
}

fn check_alpha(alpha: f64, what: &str) -> Result<f64, StatsError> {
    if alpha > 0.0 && alpha < 1.0 {
        Ok(alpha)
    } else {
        Err(StatsError::InvalidParameter { what: format!("{what}: significance level"), value: alpha })
    }
}

/// Smallest standardized mean change `d = mean/sd` (of paired changes, or of one sample)
/// that a two-sided one-sample/paired t-test with `n` observations declares significant at
/// level `alpha`: `t = d √n` on `n - 1` df, so `d_min = qt(1 - α/2, n - 1) / √n`.
///
/// ```
/// use trial_explorer::stats::power::min_standardized_change;
/// let m = min_standardized_change(24, 0.001).unwrap();
/// assert!((m.t_crit - 3.767_626_804_311_824_6).abs() < 1e-13);
/// assert!((m.d_min - 0.769_063_600_983_064_9).abs() < 1e-13);
/// ```
pub fn min_standardized_change(n: usize, alpha: f64) -> Result<MinimumEffect, StatsError> {
    let what = "minimum standardized change";
    let alpha = check_alpha(alpha, what)?;
    if n < 2 {
        return Err(StatsError::TooFewObservations { what: what.to_string(), needed: 2, found: n });
    }
    let df = (n - 1) as f64;
    let t_crit = dist::qt(1.0 - alpha / 2.0, df).unwrap_or(f64::NAN);
    Ok(MinimumEffect { df, t_crit, d_min: t_crit / (n as f64).sqrt() })
}

/// Two-sample analogue: smallest standardized difference `d = (m1 - m2)/s_pooled` that
/// Student's t-test with `n1` and `n2` patients declares significant:
/// `d_min = qt(1 - α/2, n1 + n2 - 2) √(1/n1 + 1/n2)`.
///
/// ```
/// use trial_explorer::stats::power::min_standardized_difference;
/// let m = min_standardized_difference(24, 24, 0.05).unwrap();
/// assert!((m.d_min - 0.581_072_907_943_372_5).abs() < 1e-13);
/// ```
pub fn min_standardized_difference(n1: usize, n2: usize, alpha: f64) -> Result<MinimumEffect, StatsError> {
    let what = "minimum standardized difference";
    let alpha = check_alpha(alpha, what)?;
    for n in [n1, n2] {
        if n < 1 {
            return Err(StatsError::Empty { what: format!("{what}: group") });
        }
    }
    if n1 + n2 < 3 {
        return Err(StatsError::TooFewObservations { what: what.to_string(), needed: 3, found: n1 + n2 });
    }
    let df = (n1 + n2 - 2) as f64;
    let t_crit = dist::qt(1.0 - alpha / 2.0, df).unwrap_or(f64::NAN);
    Ok(MinimumEffect { df, t_crit, d_min: t_crit * (1.0 / n1 as f64 + 1.0 / n2 as f64).sqrt() })
}
