//! Published findings that come without numbers ("safe and well tolerated", "no change in the
//! control arm"). The app shows them verbatim beside the numbers they speak about.

use serde_json::Value;

use super::hypothesis_test::Comparison;
use crate::trial::json::{FromJson, Object, ObjectWriter, Path, ReadError, ToJson};
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

impl FromJson for Statement {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["id", "endpoints", "comparison", "text", "note"])?;
        Ok(Statement {
            id: o.field("id")?,
            endpoints: o.or_default("endpoints")?,
            comparison: o.optional("comparison")?,
            text: o.field("text")?,
            note: o.optional("note")?,
        })
    }
}

impl ToJson for Statement {
    fn to_json(&self) -> Value {
        ObjectWriter::new()
            .field("id", &self.id)
            .field("endpoints", &self.endpoints)
            .optional("comparison", &self.comparison)
            .field("text", &self.text)
            .optional("note", &self.note)
            .done()
    }
}
