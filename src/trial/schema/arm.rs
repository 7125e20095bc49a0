//! A randomized arm.

use crate::trial::json::json_object;
use crate::trial::provenance::Fact;

/// One randomized arm.
#[derive(Debug, Clone, PartialEq)]
pub struct Arm {
    /// Stable identifier used in data files and URLs (`high`, `low`, `placebo`).
    pub id: String,
    pub label: String,
    pub dose: Fact<String>,
    /// Derived for this trial: only the total of 72 is published.
    pub randomized_n: Fact<u32>,
}

json_object!(Arm { id: field, label: field, dose: field, randomized_n: field });
