//! Two-sided confidence intervals and the confidence level that defines them.

use super::StatsError;

/// A two-sided confidence interval `[lower, upper]`.
///
/// Limits can be infinite where the method says so (an odds-ratio upper limit when the
/// observed table is at the edge of its support, for instance).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower limit.
    pub lower: f64,
    /// Upper limit.
    pub upper: f64,
}

impl Interval {
    /// Whether `value` lies within the closed interval.
    ///
    /// ```
    /// use trial_explorer::stats::interval::Interval;
    /// let ci = Interval { lower: 0.5, upper: f64::INFINITY };
    /// assert!(ci.contains(0.5) && ci.contains(1e300) && !ci.contains(0.4));
    /// ```
    pub fn contains(&self, value: f64) -> bool {
        self.lower <= value && value <= self.upper
    }
}

/// Checks that a confidence level lies strictly between 0 and 1; `context` names the
/// estimate whose interval is requested, so the message says where the bad level came from.
pub(crate) fn check_level(level: f64, context: &str) -> Result<f64, StatsError> {
    if level > 0.0 && level < 1.0 {
        Ok(level)
    } else {
        Err(StatsError::InvalidParameter { what: format!("{context}: confidence level"), value: level })
    }
}
