//! The simulation lab's settings as the reader types them: each field read from its text,
//! with a message naming the field, what was typed and what it takes, so that a setting out of
//! range is stopped at the field rather than reported by the model in its own terms.

use crate::trial::decimal::parse_decimal;

/// Percentages of placebo responders the lab accepts: a model needs some responders and some
/// who never respond.
pub const CONTROL_PERCENT: (f64, f64) = (1.0, 99.0);
/// Hazard ratios the lab accepts, low dose against placebo.
pub const HAZARD_RATIO: (f64, f64) = (0.1, 20.0);

/// A number typed into `field`, within `range` (inclusive), or why not.
fn read(field: &str, text: &str, (low, high): (f64, f64), unit: &str) -> Result<f64, String> {
    let typed = text.trim();
    let takes = format!("a number from {low}{unit} to {high}{unit}");
    if typed.is_empty() {
        return Err(format!("{field}: empty; type {takes}."));
    }
    match parse_decimal(typed) {
        Some(value) if (low..=high).contains(&value) => Ok(value),
        Some(_) => Err(format!("{field}: {typed}{unit} is out of range; type {takes}.")),
        None => Err(format!("{field}: '{typed}' is not a number; type {takes}.")),
    }
}

/// The placebo arm's responders by the end of follow-up, in percent, from the field's text.
pub fn read_control_percent(text: &str) -> Result<f64, String> {
    read("Placebo responders by week 96", text, CONTROL_PERCENT, "%")
}

/// The hazard ratio of low dose against placebo, from the field's text.
pub fn read_hazard_ratio(text: &str) -> Result<f64, String> {
    read("Hazard ratio", text, HAZARD_RATIO, "")
}
