//! Tests as published: what was compared, the method if it is named, the statistic if it is
//! given, and P exactly as printed.

use serde_json::Value;

use super::p_value::PublishedP;
use crate::trial::json::{FromJson, Object, ObjectWriter, Path, ReadError, ToJson};
use crate::trial::provenance::Fact;

/// One hypothesis test.
#[derive(Debug, Clone, PartialEq)]
pub struct HypothesisTest {
    pub id: String,
    pub endpoint: String,
    pub comparison: Comparison,
    /// Absent when the source does not name the test.
    pub method: Option<Fact<String>>,
    pub statistic: Option<Fact<f64>>,
    pub p: Fact<PublishedP>,
    /// The finding in the source's words.
    pub claim: Option<Fact<String>>,
    /// What a reader should know when reading this test (e.g. what the source leaves out).
    pub note: Option<String>,
}

/// What a test or statement compares.
#[derive(Debug, Clone, PartialEq)]
pub enum Comparison {
    /// One arm, a later visit against an earlier one ("week 48 versus baseline").
    WithinArm { arm: String, from: String, to: String },
    /// Two or more arms, at a visit when the source says which.
    BetweenArms { arms: Vec<String>, visit: Option<String> },
}

impl FromJson for HypothesisTest {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(
            value,
            at,
            &["id", "endpoint", "comparison", "method", "statistic", "p", "claim", "note"],
        )?;
        Ok(HypothesisTest {
            id: o.field("id")?,
            endpoint: o.field("endpoint")?,
            comparison: o.field("comparison")?,
            method: o.optional("method")?,
            statistic: o.optional("statistic")?,
            p: o.field("p")?,
            claim: o.optional("claim")?,
            note: o.optional("note")?,
        })
    }
}

impl ToJson for HypothesisTest {
    fn to_json(&self) -> Value {
        ObjectWriter::new()
            .field("id", &self.id)
            .field("endpoint", &self.endpoint)
            .field("comparison", &self.comparison)
            .optional("method", &self.method)
            .optional("statistic", &self.statistic)
            .field("p", &self.p)
            .optional("claim", &self.claim)
            .optional("note", &self.note)
            .done()
    }
}

impl FromJson for Comparison {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::any(value, at)?;
        if o.kind(&["within_arm", "between_arms"])? == 0 {
            o.only(&["kind", "arm", "from", "to"])?;
            Ok(Comparison::WithinArm { arm: o.field("arm")?, from: o.field("from")?, to: o.field("to")? })
        } else {
            o.only(&["kind", "arms", "visit"])?;
            Ok(Comparison::BetweenArms { arms: o.field("arms")?, visit: o.optional("visit")? })
        }
    }
}

impl ToJson for Comparison {
    fn to_json(&self) -> Value {
        match self {
            Comparison::WithinArm { arm, from, to } => ObjectWriter::new()
                .field("kind", "within_arm")
                .field("arm", arm)
                .field("from", from)
                .field("to", to),
            Comparison::BetweenArms { arms, visit } => {
                ObjectWriter::new().field("kind", "between_arms").field("arms", arms).optional("visit", visit)
            }
        }
        .done()
    }
}
