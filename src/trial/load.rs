//! Parsing and validating a bundle, and the default bundle embedded in the app.

use super::bundle::{Bundle, SCHEMA_VERSION};
use super::error::BundleError;
use super::json::{from_value, parse, ReadError, Value};
use super::validate::{validate, version_message};

/// The published results of NCT01213186, embedded at compile time so the app needs no network.
const DEFAULT_BUNDLE_JSON: &str = include_str!("../../data/nct01213186.json");
/// The name under which errors in the embedded bundle are reported.
pub const DEFAULT_BUNDLE_NAME: &str = "data/nct01213186.json";

/// The embedded default bundle, parsed and validated.
pub fn default_bundle() -> Result<Bundle, BundleError> {
    parse_bundle(DEFAULT_BUNDLE_JSON, DEFAULT_BUNDLE_NAME)
}

/// Parse and validate a bundle; `file` names the input in error messages. A leading UTF-8
/// byte-order mark is ignored.
pub fn parse_bundle(text: &str, file: &str) -> Result<Bundle, BundleError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let json = parse(text).map_err(|e| BundleError::parse(file, e))?;
    check_version(&json, file)?;
    let at_field = |e: ReadError| BundleError::invalid(file, e.path, e.message);
    let bundle: Bundle = from_value(&json).map_err(at_field)?;
    validate(&bundle, file)?;
    Ok(bundle)
}

/// Read the version before the rest, so that a bundle for another version of the format gets
/// "wrong version" rather than a confusing complaint about some field. A document that is not
/// an object is left to the full read, which says so.
fn check_version(json: &Value, file: &str) -> Result<(), BundleError> {
    let Some(document) = json.as_object() else {
        return Ok(());
    };
    let version = match document.get("schema_version").filter(|v| !v.is_null()) {
        Some(v) => {
            Some(from_value::<u32>(v).map_err(|e| BundleError::invalid(file, "schema_version", e.message))?)
        }
        None => None,
    };
    match version {
        None => Err(BundleError::invalid(
            file,
            "schema_version",
            format!("missing; add \"schema_version\": {SCHEMA_VERSION}"),
        )),
        Some(found) if found != SCHEMA_VERSION => {
            Err(BundleError::invalid(file, "schema_version", version_message(found)))
        }
        Some(_) => Ok(()),
    }
}

/// Total planned size across arms, for charts that show allocation.
pub fn planned_total(bundle: &Bundle) -> u32 {
    bundle.arms.iter().map(|a| a.randomized_n.value).sum()
}
