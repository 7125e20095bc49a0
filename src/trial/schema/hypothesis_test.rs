//! Tests as published: what was compared, the method if it is named, the statistic if it is
//! given, and P exactly as printed.

use serde::{Deserialize, Serialize};

use super::p_value::PublishedP;
use crate::trial::provenance::Fact;

/// One hypothesis test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HypothesisTest {
    pub id: String,
    pub endpoint: String,
    pub comparison: Comparison,
    /// Absent when the source does not name the test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Fact<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statistic: Option<Fact<f64>>,
    pub p: Fact<PublishedP>,
    /// The finding in the source's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<Fact<String>>,
    /// What a reader should know when reading this test (e.g. what the source leaves out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a test or statement compares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Comparison {
    /// One arm, a later visit against an earlier one ("week 48 versus baseline").
    WithinArm { arm: String, from: String, to: String },
    /// Two or more arms, at a visit when the source says which.
    BetweenArms {
        arms: Vec<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        visit: Option<String>,
    },
}
