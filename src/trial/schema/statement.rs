//! Published findings that come without numbers ("safe and well tolerated", "no change in the
//! control arm"). The app shows them verbatim beside the numbers they speak about.

use serde::{Deserialize, Serialize};

use super::hypothesis_test::Comparison;
use crate::trial::provenance::Fact;

/// One published sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub id: String,
    /// Endpoint ids the sentence speaks about; empty for a general conclusion.
    #[serde(default)]
    pub endpoints: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison>,
    pub text: Fact<String>,
    /// How the app reads the sentence, where it is ambiguous.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
