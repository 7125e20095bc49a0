//! Errors from reading or validating a bundle: each names what is wrong and where.

use std::fmt;

/// Why a bundle could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum BundleError {
    /// The text is not valid JSON for the schema; `line`/`column` locate it.
    Parse { file: String, line: usize, column: usize, message: String },
    /// The JSON parsed but breaks a rule; `field` is a path like `arms[1].id`.
    Invalid { file: String, field: String, message: String },
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::Parse { file, line, column, message } => {
                write!(f, "{file}, line {line}, column {column}: {message}")
            }
            BundleError::Invalid { file, field, message } => write!(f, "{file}, field {field}: {message}"),
        }
    }
}

impl std::error::Error for BundleError {}
