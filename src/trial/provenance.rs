//! Where a number comes from. Every value that can reach the screen carries one, because
//! only the abstract and the registry record are published: a reader must always be able
//! to tell a published number from one the app derived, reconstructed or made up to
//! illustrate a point.

use serde_json::Value;

use super::json::{FromJson, Object, ObjectWriter, Path, ReadError, ToJson};

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

const KINDS: [&str; 5] = ["reported", "derived", "reconstructed", "illustrative", "imported"];

impl FromJson for Provenance {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::any(value, at)?;
        let kind = o.kind(&KINDS)?;
        let fields: &[&str] = match kind {
            0 => &["kind", "source", "locator"],
            1 => &["kind", "from", "how"],
            2 => &["kind", "method", "seed"],
            3 => &["kind", "why"],
            _ => &["kind", "file"],
        };
        o.only(fields)?;
        Ok(match kind {
            0 => Provenance::Reported { source: o.field("source")?, locator: o.field("locator")? },
            1 => Provenance::Derived { from: o.field("from")?, how: o.field("how")? },
            2 => Provenance::Reconstructed { method: o.field("method")?, seed: o.field("seed")? },
            3 => Provenance::Illustrative { why: o.field("why")? },
            _ => Provenance::Imported { file: o.field("file")? },
        })
    }
}

impl ToJson for Provenance {
    fn to_json(&self) -> Value {
        let tagged = ObjectWriter::new().field("kind", self.label());
        match self {
            Provenance::Reported { source, locator } => {
                tagged.field("source", source).field("locator", locator)
            }
            Provenance::Derived { from, how } => tagged.field("from", from).field("how", how),
            Provenance::Reconstructed { method, seed } => tagged.field("method", method).field("seed", seed),
            Provenance::Illustrative { why } => tagged.field("why", why),
            Provenance::Imported { file } => tagged.field("file", file),
        }
        .done()
    }
}

impl<T: FromJson> FromJson for Fact<T> {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["value", "provenance"])?;
        Ok(Fact { value: o.field("value")?, provenance: o.field("provenance")? })
    }
}

impl<T: ToJson> ToJson for Fact<T> {
    fn to_json(&self) -> Value {
        ObjectWriter::new().field("value", &self.value).field("provenance", &self.provenance).done()
    }
}
