//! Where a number comes from. Every value that can reach the screen carries one, because
//! only the abstract and the registry record are published: a reader must always be able
//! to tell a published number from one the app derived, reconstructed or made up to
//! illustrate a point.

use super::json::{json_object, json_tagged};

/// The origin of one value. In JSON, an object tagged by `kind` (`"reported"`, …).
#[derive(Debug, Clone, PartialEq)]
pub enum Provenance {
    /// Stated in a published source (`source` is an id from the bundle's `sources`).
    Reported { source: String, locator: String },
    /// Computed from reported values by a stated rule.
    Derived { from: String, how: String },
    /// Chosen by a documented deterministic procedure so that every published constraint holds.
    Reconstructed { method: String, seed: u64 },
    /// Plausible but constrained by nothing published; shown only to make a chart readable.
    Illustrative { why: String },
    /// Brought in by the reader from their own file (a digitisation, a reanalysis). The app
    /// cannot vouch for such values, whatever the file claims about them, so they get their
    /// own kind and are never shown as published.
    Imported { file: String },
}

impl Provenance {
    /// A one-word label for badges and legends.
    pub fn label(&self) -> &'static str {
        match self {
            Provenance::Reported { .. } => "reported",
            Provenance::Derived { .. } => "derived",
            Provenance::Reconstructed { .. } => "reconstructed",
            Provenance::Illustrative { .. } => "illustrative",
            Provenance::Imported { .. } => "imported",
        }
    }

    /// Whether the value is stated in a published source.
    pub fn is_reported(&self) -> bool {
        matches!(self, Provenance::Reported { .. })
    }

    /// The provenance a value made from this one and `other` carries: it is only as published
    /// as its less published part, so a reported provenance yields to the other.
    pub fn least_published<'a>(&'a self, other: &'a Provenance) -> &'a Provenance {
        if self.is_reported() {
            other
        } else {
            self
        }
    }

    /// A sentence for footnotes and tooltips: where the value comes from.
    pub fn explain(&self) -> String {
        match self {
            Provenance::Reported { source, locator } => format!("Reported in {source} ({locator})"),
            Provenance::Derived { from, how } => format!("Derived from {from}: {how}"),
            Provenance::Reconstructed { method, seed } => {
                format!("Reconstructed ({method}, seed {seed}); not a published value")
            }
            Provenance::Illustrative { why } => format!("Illustrative only: {why}"),
            Provenance::Imported { file } => {
                format!("Imported by the reader from {file}; not a published value")
            }
        }
    }
}

/// A value together with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact<T> {
    pub value: T,
    pub provenance: Provenance,
}

json_tagged!(Provenance {
    Reported = "reported" { source: field, locator: field },
    Derived = "derived" { from: field, how: field },
    Reconstructed = "reconstructed" { method: field, seed: field },
    Illustrative = "illustrative" { why: field },
    Imported = "imported" { file: field },
});

json_object!(Fact<T> { value: field, provenance: field });

#[cfg(test)]
mod tests {
    use super::Provenance;

    #[test]
    fn a_value_made_from_two_is_as_published_as_its_less_published_part() {
        let reported = Provenance::Reported { source: "abstract".into(), locator: "Results".into() };
        let derived = Provenance::Derived { from: "72 patients".into(), how: "72 / 3".into() };
        let other = Provenance::Reported { source: "registry".into(), locator: "Design".into() };
        assert_eq!(reported.least_published(&derived), &derived);
        assert_eq!(derived.least_published(&reported), &derived);
        assert_eq!(reported.least_published(&other), &other);
    }
}
