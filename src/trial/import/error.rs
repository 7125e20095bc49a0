//! Why an import failed: each error names the file, the line and column or field, what is
//! wrong, and what to do about it.

use std::fmt;

use super::limits::{MAX_BYTES, MAX_ROWS};
use crate::trial::decimal::thousands;
use crate::trial::error::BundleError;

/// Why the reader's file could not be imported. The loaded bundle is unchanged.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// More text than [`MAX_BYTES`].
    TooLarge { file: String, bytes: usize },
    /// More patient rows than [`MAX_ROWS`].
    TooManyRows { file: String, rows: usize },
    /// Nothing but whitespace; `expected` says what the file should hold.
    Empty { file: String, expected: String },
    /// A CSV file with a header and no rows.
    NoRows { file: String },
    /// The endpoint chosen for a CSV file is not in the bundle.
    UnknownEndpoint { file: String, message: String },
    /// The endpoint chosen for a CSV file has no patient-level form (binary, statement).
    NotPatientLevel { file: String, endpoint: String, kind: &'static str },
    /// The CSV header does not name the expected columns.
    Header { file: String, endpoint: String, expected: String, found: String },
    /// A blank line with rows after it.
    BlankLine { file: String, line: usize },
    /// A quoted field that is not closed, or text after its closing quote.
    Quote { file: String, line: usize, column: usize },
    /// A row with more or fewer fields than the header.
    FieldCount { file: String, line: usize, expected: usize, found: usize, header: String },
    /// One cell cannot be read; `name` is its column's header.
    Cell { file: String, line: usize, column: usize, name: &'static str, problem: String },
    /// A row that conflicts with an earlier one (same patient and visit, or another arm).
    Row { file: String, line: usize, problem: String },
    /// A JSON bundle that does not parse or validate, or does not fit the loaded one.
    Bundle(BundleError),
    /// A JSON bundle for another trial.
    OtherTrial { file: String, found: String, expected: String },
    /// A JSON bundle without results, tests, statements or patient data.
    NothingToImport { file: String },
    /// A JSON bundle whose findings and datasets are all loaded already, as they are.
    NothingNew { file: String },
    /// Bytes that are not UTF-8 text, at the first `byte` that is not, its place counted in
    /// characters (a CSV's "column" is a field).
    NotUtf8 { file: String, line: usize, character: usize, byte: u8 },
    /// UTF-16 text, known by its byte-order mark (`first`, the file's first two bytes).
    Utf16 { file: String, first: [u8; 2] },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { file, bytes } => write!(
                f,
                "{file}: the file has {} bytes, more than the limit of {} (20 MB); import a smaller file, e.g. one endpoint at a time",
                thousands(*bytes as u64),
                thousands(MAX_BYTES as u64)
            ),
            ImportError::TooManyRows { file, rows } => write!(
                f,
                "{file}: the file has {} rows of patient data, more than the limit of {}; split it into smaller files",
                thousands(*rows as u64),
                thousands(MAX_ROWS as u64)
            ),
            ImportError::Empty { file, expected } => {
                write!(f, "{file}: the file is empty; expected {expected}")
            }
            ImportError::NoRows { file } => write!(
                f,
                "{file}: the file has a header but no rows; add one row per patient (and visit)"
            ),
            ImportError::UnknownEndpoint { file, message } => {
                write!(f, "{file}: {message}; choose one of them for this file")
            }
            ImportError::NotPatientLevel { file, endpoint, kind } => write!(
                f,
                "{file}: endpoint '{endpoint}' is a {kind} endpoint; patient-level CSV is for a time-to-event endpoint (arm,time,event) or a continuous one (arm,patient,visit,value)"
            ),
            ImportError::Header {
                file,
                endpoint,
                expected,
                found,
            } => {
                write!(
                    f,
                    "{file}, line 1: expected the columns {expected} (in any order) for endpoint '{endpoint}', found '{found}'; rename the header"
                )?;
                if !found.contains(',') && (found.contains(';') || found.contains('\t')) {
                    write!(f, " and separate fields with commas")?;
                }
                Ok(())
            }
            ImportError::BlankLine { file, line } => write!(
                f,
                "{file}, line {line}: the line is blank but rows follow it; remove the blank line"
            ),
            ImportError::Quote { file, line, column } => write!(
                f,
                "{file}, line {line}, column {column}: a quoted field is not closed, or text follows its closing quote; check the quotes"
            ),
            ImportError::FieldCount {
                file,
                line,
                expected,
                found,
                header,
            } => write!(
                f,
                "{file}, line {line}: found {found} fields, expected {expected} ({header}); check for missing or extra commas"
            ),
            ImportError::Cell {
                file,
                line,
                column,
                name,
                problem,
            } => write!(f, "{file}, line {line}, column {column} ({name}): {problem}"),
            ImportError::Row {
                file,
                line,
                problem,
            } => write!(f, "{file}, line {line}: {problem}"),
            ImportError::Bundle(error) => write!(f, "{error}"),
            ImportError::OtherTrial {
                file,
                found,
                expected,
            } => write!(
                f,
                "{file}: the bundle is for trial {found}, not {expected}; import a bundle for {expected}"
            ),
            ImportError::NothingToImport { file } => write!(
                f,
                "{file}: the bundle has no results, tests, statements or patient data to import; add some under \"results\", \"tests\", \"statements\" or \"patient_data\""
            ),
            ImportError::NothingNew { file } => write!(
                f,
                "{file}: everything in the bundle is loaded already, as it is (a bundle saved by this page holds the published facts and the reconstruction); add results, tests, statements or patient data it lacks, e.g. values digitised from the paper, and import it again"
            ),
            ImportError::NotUtf8 { file, line, character, byte } => write!(
                f,
                "{file}, line {line}, character {character}: the byte {byte:#04X} there is not UTF-8 text, as when the file is saved as Latin-1; save it as UTF-8 and load it again"
            ),
            ImportError::Utf16 { file, first: [a, b] } => write!(
                f,
                "{file}: the file is UTF-16 text (it starts with the bytes {a:#04X} {b:#04X}), as a spreadsheet's \"Unicode text\" is saved; save it as UTF-8 (\"CSV UTF-8\") and load it again"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<BundleError> for ImportError {
    fn from(error: BundleError) -> Self {
        ImportError::Bundle(error)
    }
}
