//! Entry criteria from the registry record. Illustrative values may only be drawn inside
//! these limits, so numeric criteria carry their bounds in machine-readable form too.

use serde_json::Value;

use crate::trial::json::{FromJson, Object, ObjectWriter, Path, ReadError, ToJson};
use crate::trial::provenance::Fact;

/// One eligibility criterion, in the registry's words.
#[derive(Debug, Clone, PartialEq)]
pub struct Criterion {
    pub id: String,
    pub text: Fact<String>,
    /// The numeric limits the text states, when it states any.
    pub range: Option<Range>,
}

/// An interval for one quantity at entry, e.g. CD4 count in (50, 250] cells/mm³.
#[derive(Debug, Clone, PartialEq)]
pub struct Range {
    /// An endpoint id when the criterion bounds an endpoint (`cd4`), otherwise a short name
    /// (`hiv_rna`, `art_months`, `karnofsky`).
    pub quantity: String,
    pub unit: String,
    pub lower: Option<Bound>,
    pub upper: Option<Bound>,
}

/// One end of a [`Range`].
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    pub value: Fact<f64>,
    /// Whether the bound itself is allowed (`≤`, `≥`) or not (`<`, `>`).
    pub inclusive: bool,
}

impl FromJson for Criterion {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["id", "text", "range"])?;
        Ok(Criterion { id: o.field("id")?, text: o.field("text")?, range: o.optional("range")? })
    }
}

impl ToJson for Criterion {
    fn to_json(&self) -> Value {
        ObjectWriter::new()
            .field("id", &self.id)
            .field("text", &self.text)
            .optional("range", &self.range)
            .done()
    }
}

impl FromJson for Range {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["quantity", "unit", "lower", "upper"])?;
        Ok(Range {
            quantity: o.field("quantity")?,
            unit: o.field("unit")?,
            lower: o.optional("lower")?,
            upper: o.optional("upper")?,
        })
    }
}

impl ToJson for Range {
    fn to_json(&self) -> Value {
        ObjectWriter::new()
            .field("quantity", &self.quantity)
            .field("unit", &self.unit)
            .optional("lower", &self.lower)
            .optional("upper", &self.upper)
            .done()
    }
}

impl FromJson for Bound {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["value", "inclusive"])?;
        Ok(Bound { value: o.field("value")?, inclusive: o.field("inclusive")? })
    }
}

impl ToJson for Bound {
    fn to_json(&self) -> Value {
        ObjectWriter::new().field("value", &self.value).field("inclusive", &self.inclusive).done()
    }
}
