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
    let replaced = if from_file(before, file).is_empty() {
        String::new()
    } else {
        format!(" It takes the place of the earlier import of {file}.")
    };
    let found = from_file(after, file);
    let mut brought = Vec::new();
    for (n, one, many) in [
        (found.results, "result", "results"),
        (found.tests, "test", "tests"),
        (found.statements, "statement", "statements"),
        (found.datasets, "patient dataset", "patient datasets"),
    ] {
        if n > 0 {
            brought.push(format!("{n} {}", if n == 1 { one } else { many }));
        }
    }
    if found.records > 0 {
        if let Some(datasets) = brought.last_mut() {
            let unit = if found.records == 1 { "record" } else { "records" };
            datasets.push_str(&format!(" ({} {unit})", thousands(found.records as u64)));
        }
    }
    let brought = if brought.is_empty() { String::new() } else { format!(": {}", and_list(&brought)) };
    format!(
        "Loaded {file}{brought}. The views and the published claims now use its data, labelled imported.{replaced}"
    )
}

/// What the page says after a refused file, so that the reader knows which data stay loaded:
/// "Nothing was changed: the published facts, the reconstruction and late.csv stay loaded."
pub fn refused_message(bundle: &Bundle, why: &str) -> String {
    let end = if why.ends_with(['.', '!', '?']) { "" } else { "." };
    let mut loaded = vec!["the published facts".to_string(), "the reconstruction".to_string()];
    for found in provenances(bundle) {
        if let Provenance::Imported { file } = found.provenance {
            if !loaded.contains(&file) {
                loaded.push(file);
            }
        }
    }
    format!("{why}{end} Nothing was changed: {} stay loaded.", and_list(&loaded))
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, others)) => format!("{} and {last}", others.join(", ")),
    }
}

/// What a bundle holds from one file: its findings and patient datasets, and the datasets'
/// records.
struct FromFile {
    results: usize,
    tests: usize,
    statements: usize,
    datasets: usize,
    records: usize,
}

impl FromFile {
    fn is_empty(&self) -> bool {
        self.results + self.tests + self.statements + self.datasets == 0
    }
}

/// What `bundle` holds from `file`, found by the test `remove_import` keeps by.
fn from_file(bundle: &Bundle, file: &str) -> FromFile {
    let imported = Provenance::Imported { file: file.to_string() };
    let tagged = |inside: Vec<ProvenanceRef>| inside.iter().any(|p| p.provenance == imported);
    let data = &bundle.patient_data;
    let events =
        data.time_to_event.iter().filter(|set| set.provenance == imported).map(|set| set.records.len());
    let values = data.continuous.iter().filter(|set| set.provenance == imported).map(|set| set.records.len());
    let sizes: Vec<usize> = events.chain(values).collect();
    FromFile {
        results: bundle.results.iter().filter(|r| tagged(provenances_of(*r))).count(),
        tests: bundle.tests.iter().filter(|t| tagged(provenances_of(*t))).count(),
        statements: bundle.statements.iter().filter(|s| tagged(provenances_of(*s))).count(),
        datasets: sizes.len(),
        records: sizes.iter().sum(),
    }
}

/// The files whose contents `bundle` holds, in the order first met: what a copied link, which
/// carries only the view's settings, cannot bring to whoever opens it.
pub fn imported_files(bundle: &Bundle) -> Vec<String> {
    let mut files: Vec<String> = Vec::new();
    for found in provenances(bundle) {
        if let Provenance::Imported { file } = found.provenance {
            if !files.contains(&file) {
                files.push(file);
            }
        }
    }
    files
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
