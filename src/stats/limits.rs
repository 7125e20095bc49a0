//! Confidence limits and the normal quantile behind them, shared by the survival methods.

use crate::stats::dist::qnorm;
use crate::stats::StatsError;

/// A two-sided confidence interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConfidenceLimits {
    /// Lower limit.
    pub lower: f64,
    /// Upper limit.
    pub upper: f64,
}

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
