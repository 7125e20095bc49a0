//! A randomized arm.

use serde::{Deserialize, Serialize};

use crate::trial::provenance::Fact;

/// One randomized arm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arm {
    /// Stable identifier used in data files and URLs (`high`, `low`, `placebo`).
    pub id: String,
    pub label: String,
    pub dose: Fact<String>,
    /// Derived for this trial: only the total of 72 is published.
    pub randomized_n: Fact<u32>,
}
