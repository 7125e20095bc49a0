//! Errors from reading or validating a bundle: each names what is wrong and where.

use std::fmt;

use super::json::SyntaxError;

/// Why a bundle could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum BundleError {
    /// The text is not JSON; `line`/`column` locate the error.
    Parse { file: String, line: usize, column: usize, message: String },
    /// The JSON parsed but does not fit the schema (a field missing, unknown or of the wrong
    /// type) or breaks a rule; `field` is a path like `arms[1].id`.
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

impl BundleError {
    /// A broken rule at `field` of `file`.
    pub fn invalid(file: &str, field: impl Into<String>, message: impl Into<String>) -> Self {
        BundleError::Invalid { file: file.to_string(), field: field.into(), message: message.into() }
    }

    /// A JSON syntax error, located by line and column.
    pub fn parse(file: &str, error: SyntaxError) -> Self {
        BundleError::Parse {
            file: file.to_string(),
            line: error.line,
            column: error.column,
            message: error.message,
        }
    }
}
