//! What was measured. The kind decides which results and patient data fit the endpoint.

use crate::trial::json::{json_object, FromJson, Path, ReadError, ToJson, Value};
/// One endpoint. Ids used by the app: `response`, `response_week`, `cd4`, `cd8`,
/// `cd4_cd8_ratio`, `safety`.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    pub id: String,
    pub label: String,
    /// Display unit (`cells/mm³`); absent for ratios and events.
    pub unit: Option<String>,
    pub kind: EndpointKind,
    /// What a reader should know before reading numbers for it, e.g. that a definition is
    /// not published.
    pub note: Option<String>,
}

/// The shape of an endpoint's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// Every kind, in declaration order.
    pub const ALL: [EndpointKind; 4] =
        [EndpointKind::Continuous, EndpointKind::TimeToEvent, EndpointKind::Binary, EndpointKind::Statement];

    /// The kind's JSON spelling.
    pub fn id(self) -> &'static str {
        match self {
            EndpointKind::Continuous => "continuous",
            EndpointKind::TimeToEvent => "time_to_event",
            EndpointKind::Binary => "binary",
            EndpointKind::Statement => "statement",
        }
    }

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

json_object!(Endpoint { id: field, label: field, unit: optional, kind: field, note: optional });

impl FromJson for EndpointKind {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let all = EndpointKind::ALL;
        at.choice(value, &all.map(EndpointKind::id)).map(|i| all[i])
    }
}

impl ToJson for EndpointKind {
    fn to_json(&self) -> Value {
        self.id().to_json()
    }
}
