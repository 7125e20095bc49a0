//! Entry criteria from the registry record. Illustrative values may only be drawn inside
//! these limits, so numeric criteria carry their bounds in machine-readable form too.

use serde::{Deserialize, Serialize};

use crate::trial::provenance::Fact;

/// One eligibility criterion, in the registry's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub text: Fact<String>,
    /// The numeric limits the text states, when it states any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<Range>,
}

/// An interval for one quantity at entry, e.g. CD4 count in (50, 250] cells/mm³.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// An endpoint id when the criterion bounds an endpoint (`cd4`), otherwise a short name
    /// (`hiv_rna`, `art_months`, `karnofsky`).
    pub quantity: String,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lower: Option<Bound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upper: Option<Bound>,
}

/// One end of a [`Range`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bound {
    pub value: Fact<f64>,
    /// Whether the bound itself is allowed (`≤`, `≥`) or not (`<`, `>`).
    pub inclusive: bool,
}
