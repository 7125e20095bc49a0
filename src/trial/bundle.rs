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

use serde_json::Value;

use super::json::{FromJson, Object, ObjectWriter, Path, ReadError, ToJson};

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
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    pub schema_version: u32,
    pub trial: TrialInfo,
    pub sources: Vec<Source>,
    pub eligibility: Vec<Criterion>,
    pub arms: Vec<Arm>,
    /// In increasing week order.
    pub visits: Vec<Visit>,
    pub endpoints: Vec<Endpoint>,
    pub results: Vec<ArmResult>,
    pub tests: Vec<HypothesisTest>,
    pub statements: Vec<Statement>,
    pub patient_data: PatientData,
}

impl FromJson for Bundle {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(
            value,
            at,
            &[
                "schema_version",
                "trial",
                "sources",
                "eligibility",
                "arms",
                "visits",
                "endpoints",
                "results",
                "tests",
                "statements",
                "patient_data",
            ],
        )?;
        Ok(Bundle {
            schema_version: o.field("schema_version")?,
            trial: o.field("trial")?,
            sources: o.field("sources")?,
            eligibility: o.or_default("eligibility")?,
            arms: o.field("arms")?,
            visits: o.field("visits")?,
            endpoints: o.field("endpoints")?,
            results: o.or_default("results")?,
            tests: o.or_default("tests")?,
            statements: o.or_default("statements")?,
            patient_data: o.or_default("patient_data")?,
        })
    }
}

impl ToJson for Bundle {
    fn to_json(&self) -> Value {
        ObjectWriter::new()
            .field("schema_version", &self.schema_version)
            .field("trial", &self.trial)
            .field("sources", &self.sources)
            .field("eligibility", &self.eligibility)
            .field("arms", &self.arms)
            .field("visits", &self.visits)
            .field("endpoints", &self.endpoints)
            .field("results", &self.results)
            .field("tests", &self.tests)
            .field("statements", &self.statements)
            .field("patient_data", &self.patient_data)
            .done()
    }
}
