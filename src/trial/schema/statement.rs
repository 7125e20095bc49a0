//! Published findings that come without numbers ("safe and well tolerated", "no change in the
//! control arm"). The app shows them verbatim beside the numbers they speak about.

use super::hypothesis_test::Comparison;
use crate::trial::json::json_object;
use crate::trial::provenance::Fact;

/// One published sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub id: String,
    /// Endpoint ids the sentence speaks about; empty for a general conclusion.
    pub endpoints: Vec<String>,
    pub comparison: Option<Comparison>,
    pub text: Fact<String>,
    /// How the app reads the sentence, where it is ambiguous.
    pub note: Option<String>,
}

json_object!(Statement {
    id: field,
    endpoints: or_default,
    comparison: optional,
    text: field,
    note: optional
});
