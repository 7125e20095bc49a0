//! Scheduled visits. Only baseline, week 48 and the end of the 96-week follow-up are named in
//! the abstract; any other visit is illustrative, and its provenance says so.

use serde_json::Value;

use crate::trial::json::{FromJson, Object, ObjectWriter, Path, ReadError, ToJson};
use crate::trial::provenance::Fact;

/// A visit on the trial's time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    /// Stable identifier used in results and CSV files (`w0`, `w48`).
    pub id: String,
    pub label: String,
    /// Weeks since baseline.
    pub week: Fact<u32>,
}

impl Visit {
    /// Whether a published source names this visit.
    pub fn is_published(&self) -> bool {
        self.week.provenance.is_reported()
    }
}

impl FromJson for Visit {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["id", "label", "week"])?;
        Ok(Visit { id: o.field("id")?, label: o.field("label")?, week: o.field("week")? })
    }
}

impl ToJson for Visit {
    fn to_json(&self) -> Value {
        ObjectWriter::new().field("id", &self.id).field("label", &self.label).field("week", &self.week).done()
    }
}
