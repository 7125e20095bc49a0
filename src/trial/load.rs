//! Parsing and validating a bundle, and the default bundle embedded in the app.

use std::collections::HashSet;

use super::bundle::{Bundle, SCHEMA_VERSION};
use super::error::BundleError;
use super::provenance::Provenance;

/// The published results of NCT01213186, embedded at compile time so the app needs no network.
const DEFAULT_BUNDLE_JSON: &str = include_str!("../../data/nct01213186.json");
/// The name under which errors in the embedded bundle are reported.
const DEFAULT_BUNDLE_NAME: &str = "data/nct01213186.json";

/// The embedded default bundle, parsed and validated.
pub fn default_bundle() -> Result<Bundle, BundleError> {
    parse_bundle(DEFAULT_BUNDLE_JSON, DEFAULT_BUNDLE_NAME)
}

/// Parse and validate a bundle; `file` names the input in error messages.
pub fn parse_bundle(text: &str, file: &str) -> Result<Bundle, BundleError> {
    let bundle: Bundle = serde_json::from_str(text).map_err(|e| BundleError::Parse {
        file: file.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    validate(&bundle, file)?;
    Ok(bundle)
}

/// Check the rules serde cannot express: version, unique ids, known sources.
pub fn validate(bundle: &Bundle, file: &str) -> Result<(), BundleError> {
    let invalid = |field: &str, message: String| BundleError::Invalid {
        file: file.to_string(),
        field: field.to_string(),
        message,
    };
    if bundle.schema_version != SCHEMA_VERSION {
        return Err(invalid(
            "schema_version",
            format!("this app reads version {SCHEMA_VERSION}, found {}", bundle.schema_version),
        ));
    }
    let sources: HashSet<&str> = bundle.sources.iter().map(|s| s.id.as_str()).collect();
    let check_source = |field: &str, p: &Provenance| match p {
        Provenance::Reported { source, .. } if !sources.contains(source.as_str()) => Err(invalid(
            &format!("{field}.provenance.source"),
            format!("unknown source '{source}'; declare it under \"sources\""),
        )),
        _ => Ok(()),
    };
    let t = &bundle.trial;
    check_source("trial.registry_id", &t.registry_id.provenance)?;
    check_source("trial.title", &t.title.provenance)?;
    check_source("trial.design", &t.design.provenance)?;
    check_source("trial.enrolled", &t.enrolled.provenance)?;
    check_source("trial.enrolment_period", &t.enrolment_period.provenance)?;
    check_source("trial.follow_up_weeks", &t.follow_up_weeks.provenance)?;
    if bundle.arms.is_empty() {
        return Err(invalid("arms", "at least one arm is needed".into()));
    }
    let mut ids = HashSet::new();
    for (i, arm) in bundle.arms.iter().enumerate() {
        if arm.id.trim().is_empty() {
            return Err(invalid(&format!("arms[{i}].id"), "an arm id must not be empty".into()));
        }
        if !ids.insert(arm.id.as_str()) {
            return Err(invalid(&format!("arms[{i}].id"), format!("duplicate arm id '{}'", arm.id)));
        }
        check_source(&format!("arms[{i}].dose"), &arm.dose.provenance)?;
        check_source(&format!("arms[{i}].randomized_n"), &arm.randomized_n.provenance)?;
    }
    Ok(())
}

/// Total planned size across arms, for charts that show allocation.
pub fn planned_total(bundle: &Bundle) -> u32 {
    bundle.arms.iter().map(|a| a.randomized_n.value).sum()
}
