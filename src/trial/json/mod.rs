//! The bundle's JSON form: the text parsed by the page's own reader ([`parse`]) into a
//! [`Value`], and the schema read from and written to values by hand.
//!
//! The text is parsed once into a `Value` (syntax errors with their line and column);
//! [`FromJson`] then reads each section, naming the field path of anything missing, unknown or
//! of the wrong type, and [`ToJson`] builds the `Value` that export and the provenance walk use.
//! Derived serde code would be one large monomorphised deserializer per type, and in the
//! browser build it weighed several times what these few readers do.

mod object;
mod parse;
mod read;
mod text;
mod value;
mod write;

pub(crate) use object::{json_object, json_tagged};
pub use parse::{line_and_column, parse, SyntaxError, MAX_DEPTH};
pub use read::{Object, Path, ReadError};
pub use text::pretty;
pub use value::{Map, Number, Value};
pub use write::ObjectWriter;

/// A schema type read from a parsed JSON value.
pub trait FromJson: Sized {
    /// Read `value`, found at `at` in the document.
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError>;
}

/// A schema type as a JSON value, the way a bundle file writes it.
pub trait ToJson {
    fn to_json(&self) -> Value;
}

/// Read a whole document (or a part of one, as its own root).
pub fn from_value<T: FromJson>(value: &Value) -> Result<T, ReadError> {
    T::from_json(value, &Path::ROOT)
}

/// The item as indented JSON text, the way the bundle files are written.
pub fn to_pretty_text<T: ToJson>(item: &T) -> String {
    pretty(&item.to_json())
}
