//! Drawing failures, turned into a message instead of a panic.

use std::fmt;

/// A chart could not be drawn; the message comes from the backend.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError(pub String);

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the chart could not be drawn: {}", self.0)
    }
}

impl std::error::Error for ChartError {}

/// Convert any backend error into a `ChartError`.
pub(crate) fn drawing<E: std::error::Error>(e: E) -> ChartError {
    ChartError(e.to_string())
}
