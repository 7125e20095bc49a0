//! A computed number as the screen shows it: the value (for charts and tests), its interval
//! when it has one, and the text with its provenance. Formatting lives here so that every view
//! writes P values and intervals the same way.

use crate::trial::Provenance;

use super::shown::Shown;

/// A number computed in the pure core.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    pub value: f64,
    /// Confidence limits at the selected level, when the estimate has them.
    pub interval: Option<(f64, f64)>,
    pub shown: Shown,
}

impl Estimate {
    pub fn new(value: f64, interval: Option<(f64, f64)>, text: String, provenance: Provenance) -> Self {
        Estimate { value, interval, shown: Shown { text, provenance } }
    }

    /// A P value, written as [`format_p`] does.
    pub fn p_value(p: f64, provenance: Provenance) -> Self {
        Estimate::new(p, None, format_p(p), provenance)
    }
}

/// "P = 0.0031", "P = 0.0479", "P = 0.512", "P < 0.0001": four decimals below 0.1, so that a
/// value can be set beside a published "P = 0.004" or a derived "P ≈ 0.048" and read against
/// its rounding interval.
pub fn format_p(p: f64) -> String {
    if !p.is_finite() {
        "P not defined".to_string()
    } else if p < 0.0001 {
        "P < 0.0001".to_string()
    } else if p < 0.1 {
        format!("P = {p:.4}")
    } else {
        format!("P = {p:.3}")
    }
}

/// A probability as a percentage with one decimal, as the abstract writes them ("95.8%").
pub fn format_percent(p: f64) -> String {
    format!("{:.1}%", 100.0 * p)
}

/// A number with a fixed count of decimals; infinities in words.
pub fn format_number(x: f64, decimals: usize) -> String {
    if x == f64::INFINITY {
        "∞".to_string()
    } else if x == f64::NEG_INFINITY {
        "−∞".to_string()
    } else if x.is_nan() {
        "not defined".to_string()
    } else {
        let text = format!("{x:.decimals$}");
        // A small negative value rounds to "-0.00": shown without its sign, like zero.
        match text.strip_prefix('-') {
            Some(digits) if reads_as_zero(digits) => digits.to_string(),
            _ => text,
        }
    }
}

/// Whether a formatted number reads as zero ("0", "0.00"), so that it takes no sign.
pub fn reads_as_zero(text: &str) -> bool {
    text.bytes().all(|b| b == b'0' || b == b'.')
}

/// A week: "48" for whole weeks, "12.5" otherwise.
pub fn format_week(week: f64) -> String {
    if week.fract() == 0.0 {
        format!("{week:.0}")
    } else {
        format!("{week:.1}")
    }
}

/// "(95% CI 80.2% to 99.4%)" with the given formatter for the limits.
pub fn format_interval(level_label: &str, (lower, upper): (f64, f64), fmt: impl Fn(f64) -> String) -> String {
    format!("({level_label} CI {} to {})", fmt(lower), fmt(upper))
}

/// The reason a statistic is not shown, in a reader's words (`StatsError::reason`).
pub(crate) fn not_computable(e: &crate::stats::StatsError) -> String {
    format!("not computable: {}", e.reason())
}

#[cfg(test)]
mod tests {
    use super::format_number;

    #[test]
    fn a_value_that_rounds_to_zero_has_no_sign() {
        assert_eq!(format_number(-0.001, 2), "0.00");
        assert_eq!(format_number(-0.0, 1), "0.0");
        assert_eq!(format_number(-0.004, 3), "-0.004");
        assert_eq!(format_number(-12.5, 1), "-12.5");
        assert_eq!(format_number(f64::NEG_INFINITY, 1), "−∞");
    }
}
