//! Entry criteria from the registry record. Illustrative values may only be drawn inside
//! these limits, so numeric criteria carry their bounds in machine-readable form too.

use crate::trial::json::json_object;
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

json_object!(Criterion { id: field, text: field, range: optional });

json_object!(Range { quantity: field, unit: field, lower: optional, upper: optional });

json_object!(Bound { value: field, inclusive: field });
