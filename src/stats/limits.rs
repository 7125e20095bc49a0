//! Confidence limits and the normal quantile behind them, shared by the survival methods.

use crate::stats::dist::qnorm;
use crate::stats::StatsError;

/// The survival methods' name for [`Interval`](crate::stats::interval::Interval), the one
/// two-sided confidence interval type of the engine (same fields, same `contains`).
///
/// ```
/// use trial_explorer::stats::interval::Interval;
/// use trial_explorer::stats::limits::ConfidenceLimits;
///
/// let band: ConfidenceLimits = Interval { lower: 0.4, upper: 0.9 };
/// assert!(band.contains(0.5));
/// ```
pub type ConfidenceLimits = crate::stats::interval::Interval;

/// `qnorm(1 - (1 - level) / 2)`, written as R's `survfit` and `confint` compute it so the limits
/// agree with R to the last digits. `level` must lie strictly between 0 and 1.
pub(crate) fn two_sided_z(level: f64) -> Result<f64, StatsError> {
    if level.is_finite() && level > 0.0 && level < 1.0 {
        Ok(qnorm(1.0 - (1.0 - level) / 2.0))
    } else {
        Err(StatsError::InvalidParameter {
            what: "confidence level (must be between 0 and 1)".to_string(),
            value: level,
        })
    }
}
