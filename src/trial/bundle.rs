//! The bundle schema: the trial as published, in one JSON document.

use serde::{Deserialize, Serialize};

use super::provenance::Fact;

/// Version of the bundle format this build reads.
pub const SCHEMA_VERSION: u32 = 1;

/// Everything the app knows about the trial.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub schema_version: u32,
    pub trial: TrialInfo,
    pub sources: Vec<Source>,
    pub arms: Vec<Arm>,
}

/// A published source that `Reported` provenance can point to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub citation: String,
}

/// The trial at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrialInfo {
    pub registry_id: Fact<String>,
    pub title: Fact<String>,
    pub design: Fact<String>,
    pub enrolled: Fact<u32>,
    pub enrolment_period: Fact<String>,
    pub follow_up_weeks: Fact<u32>,
}

/// One randomized arm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arm {
    /// Stable identifier used in data files and URLs (`high`, `low`, `placebo`).
    pub id: String,
    pub label: String,
    pub dose: Fact<String>,
    pub randomized_n: Fact<u32>,
}
