//! Text alternatives: every chart's numbers as table rows, each value cell keeping its
//! provenance, so that a screen-reader user (or a reader who wants the digits) gets what the
//! chart shows.

use crate::trial::Provenance;

use super::estimate::Estimate;
use super::shown::Shown;

/// One cell: a label or message (no provenance) or a value (with its provenance).
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub provenance: Option<Provenance>,
    /// For a computed estimate, the number behind the text, unrounded and in the statistic's
    /// own unit (a proportion where the text shows a percentage), with its confidence limits:
    /// the CSV export writes them in columns of their own for R or a spreadsheet.
    pub estimate: Option<(f64, Option<(f64, f64)>)>,
}

impl Cell {
    /// A row label, column label or message.
    pub fn label(text: impl Into<String>) -> Self {
        Cell { text: text.into(), provenance: None, estimate: None }
    }

    pub fn value(text: impl Into<String>, provenance: &Provenance) -> Self {
        Cell { text: text.into(), provenance: Some(provenance.clone()), estimate: None }
    }

    pub fn shown(shown: &Shown) -> Self {
        Cell { text: shown.text.clone(), provenance: Some(shown.provenance.clone()), estimate: None }
    }

    /// A computed estimate: its text and provenance, and the number behind them.
    pub fn estimate(estimate: &Estimate) -> Self {
        Cell { estimate: Some((estimate.value, estimate.interval)), ..Cell::shown(&estimate.shown) }
    }

    /// An estimate, or the reason it is missing.
    pub fn outcome(outcome: &Result<Estimate, String>) -> Self {
        match outcome {
            Ok(e) => Cell::estimate(e),
            Err(reason) => Cell::label(reason.clone()),
        }
    }

    /// A published value beside a computed one, or "none published".
    pub fn published(shown: Option<&Shown>) -> Self {
        shown.map_or_else(|| Cell::label("none published"), Cell::shown)
    }
}

/// A captioned table; components render it as-is.
#[derive(Debug, Clone, PartialEq)]
pub struct TextTable {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl TextTable {
    pub fn new(caption: impl Into<String>, columns: &[&str]) -> Self {
        TextTable {
            caption: caption.into(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// The texts of one row, for tests and plain-text export.
    pub fn row_texts(&self, row: usize) -> Vec<&str> {
        self.rows.get(row).map(|r| r.iter().map(|c| c.text.as_str()).collect()).unwrap_or_default()
    }
}
