//! A randomized arm.

use serde_json::Value;

use crate::trial::json::{FromJson, Object, ObjectWriter, Path, ReadError, ToJson};
use crate::trial::provenance::Fact;

/// One randomized arm.
#[derive(Debug, Clone, PartialEq)]
pub struct Arm {
    /// Stable identifier used in data files and URLs (`high`, `low`, `placebo`).
    pub id: String,
    pub label: String,
    pub dose: Fact<String>,
    /// Derived for this trial: only the total of 72 is published.
    pub randomized_n: Fact<u32>,
}

impl FromJson for Arm {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["id", "label", "dose", "randomized_n"])?;
        Ok(Arm {
            id: o.field("id")?,
            label: o.field("label")?,
            dose: o.field("dose")?,
            randomized_n: o.field("randomized_n")?,
        })
    }
}

impl ToJson for Arm {
    fn to_json(&self) -> Value {
        ObjectWriter::new()
            .field("id", &self.id)
            .field("label", &self.label)
            .field("dose", &self.dose)
            .field("randomized_n", &self.randomized_n)
            .done()
    }
}
