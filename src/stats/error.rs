//! Typed errors: the engine never panics on bad input, it says what is wrong and where.

use std::fmt;

/// Why a statistic could not be computed.
#[derive(Debug, Clone, PartialEq)]
pub enum StatsError {
    /// A group (or the whole input) has no observations.
    Empty { what: String },
    /// Input slices that must be parallel have different lengths.
    LengthMismatch { what: String, expected: usize, found: usize },
    /// A value is NaN, infinite or outside its allowed range.
    InvalidValue { what: String, index: usize, value: f64 },
    /// A parameter (level, df, n, …) is outside its domain.
    InvalidParameter { what: String, value: f64 },
    /// The statistic is undefined for this data (e.g. zero variance).
    Undefined { what: String },
    /// A count (events or group size) is negative.
    NegativeCount { what: String, value: i64 },
    /// More events than subjects in a group.
    CountExceedsTotal { what: String, count: i64, total: i64 },
    /// Fewer observations than the statistic needs (e.g. a variance from one value).
    TooFewObservations { what: String, needed: usize, found: usize },
    /// Every observation is censored, but the quantity is driven by events.
    NoEvents { what: String },
    /// A test or model comparing groups was given fewer than two of them.
    TooFewGroups { what: String, found: usize },
    /// A group label below the largest one has no subjects, so groups would be misnumbered.
    EmptyGroup { what: String, group: usize },
    /// A group has nobody at risk at any event time, so it carries no information.
    NotAtRisk { what: String, group: usize },
    /// An iterative fit did not settle (e.g. an infinite hazard ratio).
    NotConverged { what: String, iterations: usize },
}

impl StatsError {
    /// Why, in a reader's words: the message without the engine's name for the statistic
    /// (`log_rank: …`), which the views give in their own words beside it. The cause stays
    /// ("one-way ANOVA: no variation within groups: undefined for these data").
    pub fn reason(&self) -> String {
        let text = self.to_string();
        match text.split_once(": ") {
            Some((name, rest)) if name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') => {
                rest.to_string()
            }
            _ => text,
        }
    }

    /// [`StatsError::reason`] with the groups named: `names[g]` for group `g`, where a group has
    /// nobody at risk or no subjects ("Placebo has nobody at risk at any event time").
    pub fn reason_naming(&self, names: &[&str]) -> String {
        match self {
            StatsError::NotAtRisk { group, .. } if *group < names.len() => {
                format!("{} has nobody at risk at any event time", names[*group])
            }
            StatsError::EmptyGroup { group, .. } if *group < names.len() => {
                format!("{} has no subjects", names[*group])
            }
            _ => self.reason(),
        }
    }
}

impl fmt::Display for StatsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatsError::Empty { what } => write!(f, "{what}: no observations"),
            StatsError::LengthMismatch { what, expected, found } => {
                write!(f, "{what}: expected {expected} values, found {found}")
            }
            StatsError::InvalidValue { what, index, value } => {
                write!(f, "{what}: invalid value {value} at position {index}")
            }
            StatsError::InvalidParameter { what, value } => {
                write!(f, "{what}: parameter out of range ({value})")
            }
            StatsError::Undefined { what } => write!(f, "{what}: undefined for these data"),
            StatsError::NegativeCount { what, value } => {
                write!(f, "{what}: count cannot be negative ({value})")
            }
            StatsError::CountExceedsTotal { what, count, total } => {
                write!(f, "{what}: {count} events exceed the group size {total}")
            }
            StatsError::TooFewObservations { what, needed, found } => {
                write!(f, "{what}: needs at least {needed} observations, found {found}")
            }
            StatsError::NoEvents { what } => {
                write!(f, "{what}: no events, every observation is censored")
            }
            StatsError::TooFewGroups { what, found } => {
                write!(f, "{what}: needs at least 2 groups, found {found}")
            }
            StatsError::EmptyGroup { what, group } => {
                write!(f, "{what}: group {group} has no subjects")
            }
            StatsError::NotAtRisk { what, group } => {
                write!(f, "{what}: group {group} has nobody at risk at any event time")
            }
            StatsError::NotConverged { what, iterations } => write!(
                f,
                "{what}: did not converge in {iterations} iterations (a hazard ratio may be infinite)"
            ),
        }
    }
}

impl std::error::Error for StatsError {}
