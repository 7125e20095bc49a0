//! The reader's own JSON bundle: its results, tests, statements and patient data are added
//! to the loaded bundle. Its design sections must agree with the loaded ones (same trial,
//! known arms, visits at the same weeks, endpoints of the same kind), since imported data
//! are shown beside the published numbers on the same axes.

use super::error::ImportError;
use super::limits::check_bytes;
use super::merge::{merge, remove_import, Additions};
use crate::trial::bundle::Bundle;
use crate::trial::catalog::Catalog;
use crate::trial::error::BundleError;
use crate::trial::load::parse_bundle;
use crate::trial::provenance::Provenance;
use crate::trial::schema::{ArmResult, Measure};
use crate::trial::walk::provenances_of;
use crate::trial::walk::retagged;

/// Add the findings of the JSON bundle `text` to `bundle`, giving a new bundle. Every value
/// taken from the file becomes `Imported { file }`, and ids of tests, statements and
/// datasets are prefixed with `file:` so they cannot clash with the loaded ones. Findings and
/// datasets the loaded bundle already holds as they are (a bundle saved by the page holds
/// them all) are left out. The byte cap also bounds the rows: a JSON record takes more than
/// 20 bytes.
pub fn import_bundle_json(bundle: &Bundle, text: &str, file: &str) -> Result<Bundle, ImportError> {
    check_bytes(text.len(), file)?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ImportError::Empty {
            file: file.to_string(),
            expected: "a JSON bundle like data/nct01213186.json".to_string(),
        });
    }
    let mut theirs = parse_bundle(text, file)?;
    check_same_design(bundle, &theirs, file)?;
    check_shown(&theirs, file)?;
    if is_empty(&theirs) {
        return Err(ImportError::NothingToImport { file: file.to_string() });
    }
    // Compared with what stays loaded: an earlier import of the same name gives way to this one.
    let staying = remove_import(bundle, file);
    check_no_changes(&staying, &theirs, file)?;
    check_no_repeats(&theirs, file)?;
    drop_loaded(&mut theirs, &staying);
    if is_empty(&theirs) {
        return Err(ImportError::NothingNew { file: file.to_string() });
    }
    merge(bundle, file, imported_findings(theirs, file))
}

fn is_empty(bundle: &Bundle) -> bool {
    bundle.results.is_empty()
        && bundle.tests.is_empty()
        && bundle.statements.is_empty()
        && bundle.patient_data.record_count() == 0
}

/// An import adds what the loaded bundle lacks; it cannot change what it has. A result for an
/// endpoint, arm and visit the loaded bundle already has, with other numbers, or a test of a
/// comparison it already has, with another P, would sit beside the loaded one unseen (the
/// views show the first), so the reader who edited a published value in a saved bundle would
/// see nothing change: it is refused, at its field, instead.
fn check_no_changes(loaded: &Bundle, theirs: &Bundle, file: &str) -> Result<(), ImportError> {
    let refuse = |field: String, what: String| -> ImportError {
        BundleError::invalid(
            file,
            field,
            format!("the loaded bundle already has {what}, with other values; an import can add findings but not change the loaded ones, so leave it as it was or remove it"),
        )
        .into()
    };
    // Matched as the views look them up (`ArmResult::same_for_views`, `HypothesisTest::same_for_views`).
    for (i, r) in theirs.results.iter().enumerate() {
        if let Some(l) =
            loaded.results.iter().find(|l| l.same_for_views(r)).filter(|_| !loaded.results.contains(r))
        {
            let what = format!("this result ({}; {})", result_named(r), kind_of(l));
            return Err(refuse(format!("results[{i}]"), what));
        }
    }
    for (i, t) in theirs.tests.iter().enumerate() {
        if let Some(l) =
            loaded.tests.iter().find(|l| l.same_for_views(t)).filter(|_| !loaded.tests.contains(t))
        {
            let what = format!("a test of the same comparison ('{}'; {})", l.id, l.p.provenance.label());
            return Err(refuse(format!("tests[{i}]"), what));
        }
    }
    Ok(())
}

/// Every finding imported must be one a view shows: a step curve is drawn by none, so it
/// would load unseen under "Loaded …". Refused at its field, with what to give instead.
fn check_shown(theirs: &Bundle, file: &str) -> Result<(), ImportError> {
    match theirs.results.iter().position(|r| matches!(r.measure, Measure::StepCurve(_))) {
        Some(i) => Err(BundleError::invalid(
            file,
            format!("results[{i}].measure"),
            "this page draws no step curve from a bundle; give the curve's value at a visit as a cumulative probability, or the patients' times as a CSV file (arm,time,event)",
        )
        .into()),
        None => Ok(()),
    }
}

/// Two findings of one file that the views would take for each other (e.g. two week-48 CD4
/// means of the low-dose arm) cannot both be shown: the views show the first, so the second
/// would load unseen. Refused at the second, naming the first; after `check_no_changes`, whose
/// message says more when one of the two is a loaded finding. After `check_same_design`, the
/// file's arms, visits and endpoints are the loaded bundle's few, so the findings kept apart
/// are few and the search stays short however long the file.
fn check_no_repeats(theirs: &Bundle, file: &str) -> Result<(), ImportError> {
    let refuse = |field: String, what: String| -> ImportError {
        let message = format!("repeats {what}; the views show one of them, so keep one");
        BundleError::invalid(file, field, message).into()
    };
    for (j, r) in theirs.results.iter().enumerate() {
        if let Some(i) = theirs.results[..j].iter().position(|earlier| earlier.same_for_views(r)) {
            let what = format!("results[{i}] ({}; a {})", result_named(r), r.measure.describe());
            return Err(refuse(format!("results[{j}]"), what));
        }
    }
    for (j, t) in theirs.tests.iter().enumerate() {
        if let Some(i) = theirs.tests[..j].iter().position(|earlier| earlier.same_for_views(t)) {
            let what = format!(
                "tests[{i}] ('{}', endpoint '{}'), a test of the same comparison",
                theirs.tests[i].id, t.endpoint
            );
            return Err(refuse(format!("tests[{j}]"), what));
        }
    }
    Ok(())
}

/// A result named for a message: "endpoint 'cd4', arm 'low', visit 'w48'".
fn result_named(result: &ArmResult) -> String {
    let visit = result.visit.as_ref().map(|v| format!(", visit '{v}'")).unwrap_or_default();
    format!("endpoint '{}', arm '{}'{visit}", result.endpoint, result.arm)
}

/// The kind of a loaded result's first value ("reported", "imported"), for the refusal.
fn kind_of(result: &ArmResult) -> &'static str {
    provenances_of(result).first().map_or("loaded", |p| p.provenance.label())
}

/// Leave out of `theirs` every finding and dataset that `loaded` holds as it is: a bundle
/// exported by the page and edited holds all the published facts and the reconstruction too,
/// and imported again they would show each published sentence and number twice, once as
/// imported. What the reader added stays, and is imported (and, for statements and datasets,
/// what the reader changed: results and tests that would change are refused before this).
fn drop_loaded(theirs: &mut Bundle, loaded: &Bundle) {
    theirs.results.retain(|r| !loaded.results.contains(r));
    theirs.tests.retain(|t| !loaded.tests.contains(t));
    theirs.statements.retain(|s| !loaded.statements.contains(s));
    let (data, ours) = (&mut theirs.patient_data, &loaded.patient_data);
    data.time_to_event.retain(|set| !ours.time_to_event.contains(set));
    data.continuous.retain(|set| !ours.continuous.contains(set));
}

/// The trial must be the loaded one, and every arm, visit and endpoint the file declares must
/// exist in the loaded bundle with the same meaning.
fn check_same_design(ours: &Bundle, theirs: &Bundle, file: &str) -> Result<(), ImportError> {
    let (expected, found) = (&ours.trial.registry_id.value, &theirs.trial.registry_id.value);
    if expected != found {
        return Err(ImportError::OtherTrial {
            file: file.to_string(),
            found: found.clone(),
            expected: expected.clone(),
        });
    }
    let catalog = Catalog::of(ours);
    let invalid =
        |field: String, message: String| -> ImportError { BundleError::invalid(file, field, message).into() };
    for (i, arm) in theirs.arms.iter().enumerate() {
        catalog.arm(&arm.id).map_err(|message| invalid(format!("arms[{i}].id"), message))?;
    }
    for (i, visit) in theirs.visits.iter().enumerate() {
        let week = catalog.visit(&visit.id).map_err(|message| invalid(format!("visits[{i}].id"), message))?;
        if week != visit.week.value {
            return Err(invalid(
                format!("visits[{i}].week"),
                format!(
                    "visit '{}' is week {week} in the loaded bundle, not week {}",
                    visit.id, visit.week.value
                ),
            ));
        }
    }
    for (i, endpoint) in theirs.endpoints.iter().enumerate() {
        let kind = catalog
            .endpoint(&endpoint.id)
            .map_err(|message| invalid(format!("endpoints[{i}].id"), message))?;
        if kind != endpoint.kind {
            return Err(invalid(
                format!("endpoints[{i}].kind"),
                format!(
                    "endpoint '{}' is {} in the loaded bundle, not {}",
                    endpoint.id,
                    kind.describe(),
                    endpoint.kind.describe()
                ),
            ));
        }
    }
    Ok(())
}

/// The file's findings, every provenance replaced by `Imported { file }` and ids prefixed, once:
/// a bundle saved after an import of the same name holds that import's ids prefixed already.
fn imported_findings(theirs: Bundle, file: &str) -> Additions {
    let imported = Provenance::Imported { file: file.to_string() };
    let prefix = format!("{file}:");
    let prefixed = |id: &str| if id.starts_with(&prefix) { id.to_string() } else { format!("{prefix}{id}") };
    let mut additions = Additions {
        results: theirs.results.iter().map(|r| retagged(r, &imported)).collect(),
        tests: theirs.tests.iter().map(|t| retagged(t, &imported)).collect(),
        statements: theirs.statements.iter().map(|s| retagged(s, &imported)).collect(),
        patient_data: theirs.patient_data,
    };
    for test in &mut additions.tests {
        test.id = prefixed(&test.id);
    }
    for statement in &mut additions.statements {
        statement.id = prefixed(&statement.id);
    }
    let data = &mut additions.patient_data;
    for set in &mut data.time_to_event {
        set.id = prefixed(&set.id);
        set.provenance = imported.clone();
    }
    for set in &mut data.continuous {
        set.id = prefixed(&set.id);
        set.provenance = imported.clone();
    }
    additions
}
