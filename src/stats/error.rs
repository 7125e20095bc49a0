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
    /// What failed: the statistic, and the input where one is to blame (`"log_rank: times"`).
    pub fn what(&self) -> &str {
        match self {
            StatsError::Empty { what }
            | StatsError::LengthMismatch { what, .. }
            | StatsError::InvalidValue { what, .. }
            | StatsError::InvalidParameter { what, .. }
            | StatsError::Undefined { what }
            | StatsError::NegativeCount { what, .. }
            | StatsError::CountExceedsTotal { what, .. }
            | StatsError::TooFewObservations { what, .. }
            | StatsError::NoEvents { what }
            | StatsError::TooFewGroups { what, .. }
            | StatsError::EmptyGroup { what, .. }
            | StatsError::NotAtRisk { what, .. }
            | StatsError::NotConverged { what, .. } => what,
        }
    }

    /// Why, without [`StatsError::what`]: the views name the statistic in their own words
    /// beside it, where the engine's name for it (`log_rank`) would mean nothing to a reader.
    pub fn reason(&self) -> String {
        match self {
            StatsError::Empty { .. } => "no observations".to_string(),
            StatsError::LengthMismatch { expected, found, .. } => {
                format!("expected {expected} values, found {found}")
            }
            StatsError::InvalidValue { index, value, .. } => {
                format!("invalid value {value} at position {index}")
            }
            StatsError::InvalidParameter { value, .. } => format!("parameter out of range ({value})"),
            StatsError::Undefined { .. } => "undefined for these data".to_string(),
            StatsError::NegativeCount { value, .. } => format!("count cannot be negative ({value})"),
            StatsError::CountExceedsTotal { count, total, .. } => {
                format!("{count} events exceed the group size {total}")
            }
            StatsError::TooFewObservations { needed, found, .. } => {
                format!("needs at least {needed} observations, found {found}")
            }
            StatsError::NoEvents { .. } => "no events, every observation is censored".to_string(),
            StatsError::TooFewGroups { found, .. } => format!("needs at least 2 groups, found {found}"),
            StatsError::EmptyGroup { group, .. } => format!("group {group} has no subjects"),
            StatsError::NotAtRisk { group, .. } => {
                format!("group {group} has nobody at risk at any event time")
            }
            StatsError::NotConverged { iterations, .. } => {
                format!("did not converge in {iterations} iterations (a hazard ratio may be infinite)")
            }
        }
    }
}

impl fmt::Display for StatsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.what(), self.reason())
    }
}

impl std::error::Error for StatsError {}
