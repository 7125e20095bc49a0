//! The bundle: the trial as published, in one versioned JSON document.
//!
//! ```json
//! { "schema_version": 2,
//!   "trial": {…}, "sources": [{ "id": "abstract", "citation": "…" }],
//!   "eligibility": [...], "arms": [...], "visits": [...], "endpoints": [...],
//!   "results": [{ "endpoint": "response", "arm": "low",
//!                 "measure": { "kind": "cumulative_probability", "percent": {…} } }],
//!   "tests": [...], "statements": [...],
//!   "patient_data": { "time_to_event": [...], "continuous": [...] } }
//! ```
//! Every value sits in a `{ "value": …, "provenance": { "kind": "reported", … } }` fact.

use serde::{Deserialize, Serialize};

pub use super::schema::{Arm, Source, TrialInfo};
use super::schema::{ArmResult, Criterion, Endpoint, HypothesisTest, PatientData, Statement, Visit};

/// Version of the bundle format this build reads.
///
/// History: 1 — trial, sources, arms. 2 — adds eligibility, visits, endpoints, results, tests,
/// statements, patient data and the `imported` provenance.
pub const SCHEMA_VERSION: u32 = 2;

/// Everything the app knows about the trial.
///
/// The design sections (trial, sources, arms, visits, endpoints) are required; the findings
/// may be absent, since a reader's own bundle may carry only some of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub schema_version: u32,
    pub trial: TrialInfo,
    pub sources: Vec<Source>,
    #[serde(default)]
    pub eligibility: Vec<Criterion>,
    pub arms: Vec<Arm>,
    /// In increasing week order.
    pub visits: Vec<Visit>,
    pub endpoints: Vec<Endpoint>,
    #[serde(default)]
    pub results: Vec<ArmResult>,
    #[serde(default)]
    pub tests: Vec<HypothesisTest>,
    #[serde(default)]
    pub statements: Vec<Statement>,
    #[serde(default)]
    pub patient_data: PatientData,
}
