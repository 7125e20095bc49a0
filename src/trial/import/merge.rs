//! Adding imported items to a bundle. The result is a new, validated bundle; the input is
//! never changed, so a failed import leaves the app showing what it showed before.

use super::error::ImportError;
use crate::trial::bundle::Bundle;
use crate::trial::decimal::thousands;
use crate::trial::provenance::Provenance;
use crate::trial::schema::{ArmResult, HypothesisTest, PatientData, Statement};
use crate::trial::validate::validate;
use crate::trial::walk::{provenances, provenances_of, ProvenanceRef};

/// Items from one file, already tagged `Imported { file }`.
#[derive(Debug, Default)]
pub(super) struct Additions {
    pub results: Vec<ArmResult>,
    pub tests: Vec<HypothesisTest>,
    pub statements: Vec<Statement>,
    pub patient_data: PatientData,
}

/// `bundle` without what an earlier import of `file` brought in, with `additions` added.
pub(super) fn merge(bundle: &Bundle, file: &str, additions: Additions) -> Result<Bundle, ImportError> {
    let mut merged = remove_import(bundle, file);
    merged.results.extend(additions.results);
    merged.tests.extend(additions.tests);
    merged.statements.extend(additions.statements);
    let data = additions.patient_data;
    merged.patient_data.time_to_event.extend(data.time_to_event);
    merged.patient_data.continuous.extend(data.continuous);
    validate(&merged, file)?;
    Ok(merged)
}

/// What the page says once `file` is merged into `before`, giving `after`: what it brought in
/// (so a reader sees what the file added), that the views and claims now use it, and, when
/// `before` already held an import of that name, that it took that one's place (an import is
/// known by its file name, whatever endpoint it was for).
pub fn loaded_message(before: &Bundle, after: &Bundle, file: &str) -> String {
    let replaced = if holds_import(before, file) {
        format!(" It takes the place of the earlier import of {file}.")
    } else {
        String::new()
    };
    let imported = Provenance::Imported { file: file.to_string() };
    let from_file = |inside: Vec<ProvenanceRef>| inside.iter().any(|p| p.provenance == imported);
    let data = &after.patient_data;
    let sets = || {
        let events = data.time_to_event.iter().filter(|s| s.provenance == imported).map(|s| s.records.len());
        events.chain(data.continuous.iter().filter(|s| s.provenance == imported).map(|s| s.records.len()))
    };
    let mut brought = Vec::new();
    for (n, one, many) in [
        (after.results.iter().filter(|r| from_file(provenances_of(*r))).count(), "result", "results"),
        (after.tests.iter().filter(|t| from_file(provenances_of(*t))).count(), "test", "tests"),
        (
            after.statements.iter().filter(|s| from_file(provenances_of(*s))).count(),
            "statement",
            "statements",
        ),
        (sets().count(), "patient dataset", "patient datasets"),
    ] {
        if n > 0 {
            brought.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    let records = sets().sum::<usize>();
    if records > 0 {
        if let Some(last) = brought.last_mut() {
            let unit = if records == 1 { "record" } else { "records" };
            last.push_str(&format!(" ({} {unit})", thousands(records as u64)));
        }
    }
    let brought = match brought.split_last() {
        None => String::new(),
        Some((last, [])) => format!(": {last}"),
        Some((last, others)) => format!(": {} and {last}", others.join(", ")),
    };
    format!(
        "Loaded {file}{brought}. The views and the published claims now use its data, labelled imported.{replaced}"
    )
}

/// What the page says after a refused file, so that the reader knows which data stay loaded:
/// "Nothing was changed: the published facts, the reconstruction and late.csv stay loaded."
pub fn refused_message(bundle: &Bundle, why: &str) -> String {
    let end = if why.ends_with(['.', '!', '?']) { "" } else { "." };
    let mut files: Vec<String> = Vec::new();
    for found in provenances(bundle) {
        if let Provenance::Imported { file } = found.provenance {
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
    let loaded = match files.split_last() {
        None => "the published facts and the reconstruction".to_string(),
        Some((last, [])) => format!("the published facts, the reconstruction and {last}"),
        Some((last, others)) => {
            format!("the published facts, the reconstruction, {} and {last}", others.join(", "))
        }
    };
    format!("{why}{end} Nothing was changed: {loaded} stay loaded.")
}

/// Whether anything in `bundle` was imported from `file`: the same test `remove_import` keeps by.
fn holds_import(bundle: &Bundle, file: &str) -> bool {
    let imported = Provenance::Imported { file: file.to_string() };
    let from_file = |inside: Vec<ProvenanceRef>| inside.iter().any(|p| p.provenance == imported);
    let data = &bundle.patient_data;
    bundle.results.iter().any(|r| from_file(provenances_of(r)))
        || bundle.tests.iter().any(|t| from_file(provenances_of(t)))
        || bundle.statements.iter().any(|s| from_file(provenances_of(s)))
        || data.time_to_event.iter().any(|set| set.provenance == imported)
        || data.continuous.iter().any(|set| set.provenance == imported)
}

/// A copy of `bundle` without anything imported from `file`.
pub fn remove_import(bundle: &Bundle, file: &str) -> Bundle {
    let imported = Provenance::Imported { file: file.to_string() };
    let kept = |inside: Vec<ProvenanceRef>| !inside.iter().any(|p| p.provenance == imported);
    let mut bundle = bundle.clone();
    bundle.results.retain(|r| kept(provenances_of(r)));
    bundle.tests.retain(|t| kept(provenances_of(t)));
    bundle.statements.retain(|s| kept(provenances_of(s)));
    let data = &mut bundle.patient_data;
    data.time_to_event.retain(|set| set.provenance != imported);
    data.continuous.retain(|set| set.provenance != imported);
    bundle
}
