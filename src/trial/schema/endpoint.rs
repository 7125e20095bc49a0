//! What was measured. The kind decides which results and patient data fit the endpoint.

use serde::{Deserialize, Serialize};

/// One endpoint. Ids used by the app: `response`, `response_week`, `cd4`, `cd8`,
/// `cd4_cd8_ratio`, `safety`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Endpoint {
    pub id: String,
    pub label: String,
    /// Display unit (`cells/mm³`); absent for ratios and events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub kind: EndpointKind,
    /// What a reader should know before reading numbers for it, e.g. that a definition is
    /// not published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The shape of an endpoint's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndpointKind {
    /// A measurement per patient and visit (cell counts, ratios).
    Continuous,
    /// Time until an event, possibly censored.
    TimeToEvent,
    /// Whether an event happened by a given visit.
    Binary,
    /// Only published sentences, no numbers (safety).
    Statement,
}

impl EndpointKind {
    /// Words for messages: "time to event", "continuous", …
    pub fn describe(self) -> &'static str {
        match self {
            EndpointKind::Continuous => "continuous",
            EndpointKind::TimeToEvent => "time to event",
            EndpointKind::Binary => "binary",
            EndpointKind::Statement => "statement",
        }
    }
}
