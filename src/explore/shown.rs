//! A value formatted for the screen, still carrying where it came from.

use crate::trial::{Fact, Provenance};

/// Text to display plus the provenance that decides its badge, style and footnote.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub text: String,
    pub provenance: Provenance,
}

impl Shown {
    /// Format a fact with `Display`.
    pub fn from_fact<T: std::fmt::Display>(fact: &Fact<T>) -> Self {
        Shown { text: fact.value.to_string(), provenance: fact.provenance.clone() }
    }

    /// The text as it should read in "reported only" mode: unpublished values are withheld.
    pub fn reported_only_text(&self) -> String {
        if self.provenance.is_reported() {
            self.text.clone()
        } else {
            format!("not reported ({} value hidden)", self.provenance.label())
        }
    }
}
