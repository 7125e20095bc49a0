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

use super::json::json_object;

pub use super::schema::{Arm, Source, TrialInfo};
use super::schema::{
    ArmResult, ContinuousSummary, Criterion, Endpoint, HypothesisTest, Measure, PatientData, Statement, Visit,
};

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

json_object!(Bundle {
    schema_version: field,
    trial: field,
    sources: field,
    eligibility: or_default,
    arms: field,
    visits: field,
    endpoints: field,
    results: or_default,
    tests: or_default,
    statements: or_default,
    patient_data: or_default
});

impl Bundle {
    /// The continuous summaries the bundle gives for an arm at a visit: of the level with
    /// `from` absent, of the change from visit `from` otherwise. The one lookup the views (set
    /// beside the computed means) and the claims (a change re-checked) share.
    pub fn continuous_summaries<'a>(
        &'a self,
        endpoint: &'a str,
        arm: &'a str,
        visit: &'a str,
        from: Option<&'a str>,
    ) -> impl Iterator<Item = &'a ContinuousSummary> {
        self.results
            .iter()
            .filter(move |r| r.endpoint == endpoint && r.arm == arm && r.visit.as_deref() == Some(visit))
            .filter_map(move |r| match &r.measure {
                Measure::Continuous(s) if s.baseline.as_deref() == from => Some(s.as_ref()),
                _ => None,
            })
    }
}
