//! Safety: only sentences are published. The view quotes them and lists what a harms report
//! would hold but the sources do not give, so that no count is ever made up.

use crate::trial::Bundle;

use super::published;
use super::shown::Shown;
use super::table::{Cell, TextTable};

/// Harms figures that the abstract and the registry record do not give.
pub const NOT_REPORTED: [&str; 4] = [
    "Adverse-event counts per arm (any grade)",
    "Serious adverse events per arm",
    "Withdrawals because of adverse events",
    "Deaths during follow-up",
];

/// What the safety panel shows.
#[derive(Debug, Clone, PartialEq)]
pub struct SafetyView {
    /// Published sentences about safety, and the general conclusion.
    pub statements: Vec<Shown>,
    /// What is not published, in plain words.
    pub not_reported: Vec<String>,
    /// The bundle's note on the safety endpoint.
    pub note: Option<String>,
    pub tables: Vec<TextTable>,
}

pub fn safety_view(bundle: &Bundle) -> SafetyView {
    let statements: Vec<Shown> = bundle
        .statements
        .iter()
        .filter(|s| s.endpoints.is_empty() || s.endpoints.iter().any(|e| e == "safety"))
        .map(published::statement_shown)
        .collect();
    let note = bundle.endpoints.iter().find(|e| e.id == "safety").and_then(|e| e.note.clone());
    let not_reported: Vec<String> = NOT_REPORTED.iter().map(|s| s.to_string()).collect();
    let mut published_table = TextTable::new("Published statements on safety", &["Statement"]);
    published_table.rows.extend(statements.iter().map(|s| vec![Cell::shown(s)]));
    let mut missing = TextTable::new("Not reported in the published sources", &["Item"]);
    missing.rows.extend(not_reported.iter().map(|s| vec![Cell::label(s.clone())]));
    SafetyView { statements, not_reported, note, tables: vec![published_table, missing] }
}
