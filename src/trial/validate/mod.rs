//! The rules the JSON form cannot express. Each broken rule is a [`BundleError::Invalid`] naming the
//! file, the field path (`results[3].measure.mean`) and what is wrong; the first one found
//! is returned.

mod design;
mod findings;
mod patient_data;
mod results;

use std::collections::HashSet;

use super::bundle::{Bundle, SCHEMA_VERSION};
use super::catalog::Catalog;
use super::error::BundleError;
use super::rules::{number_problem, summary_value_problem};

/// Check a parsed bundle; `file` names it in error messages.
pub fn validate(bundle: &Bundle, file: &str) -> Result<(), BundleError> {
    if bundle.schema_version != SCHEMA_VERSION {
        return Err(BundleError::invalid(file, "schema_version", version_message(bundle.schema_version)));
    }
    let check = Check { file, catalog: Catalog::of(bundle) };
    design::check_sources(&check, bundle)?;
    design::check_provenances(&check, bundle)?;
    design::check_arms(&check, bundle)?;
    design::check_visits(&check, bundle)?;
    design::check_endpoints(&check, bundle)?;
    design::check_eligibility(&check, bundle)?;
    results::check_results(&check, bundle)?;
    findings::check_tests(&check, bundle)?;
    findings::check_statements(&check, bundle)?;
    patient_data::check_patient_data(&check, bundle)
}

/// What to say about a bundle written for another version of the format.
pub(crate) fn version_message(found: u32) -> String {
    format!(
        "this app reads bundle version {SCHEMA_VERSION}, found {found}; convert the file to version {SCHEMA_VERSION}"
    )
}

/// The file being checked and the ids it declares.
struct Check<'a> {
    file: &'a str,
    catalog: Catalog<'a>,
}

impl Check<'_> {
    fn fail<T>(&self, field: impl Into<String>, message: impl Into<String>) -> Result<T, BundleError> {
        Err(BundleError::invalid(self.file, field, message))
    }

    /// Attach `field` to a catalog or rule message.
    fn at<T>(&self, field: &str, result: Result<T, String>) -> Result<T, BundleError> {
        result.map_err(|message| BundleError::invalid(self.file, field, message))
    }

    fn number(&self, field: &str, value: f64, may_be_negative: bool) -> Result<(), BundleError> {
        match number_problem(value, may_be_negative) {
            Some(problem) => self.fail(field, problem),
            None => Ok(()),
        }
    }

    /// A value of a summary of measurements (`rules::summary_value_problem`).
    fn summary_value(&self, field: &str, value: f64, may_be_negative: bool) -> Result<(), BundleError> {
        match summary_value_problem(value, may_be_negative) {
            Some(problem) => self.fail(field, problem),
            None => Ok(()),
        }
    }

    /// Ids of `section` must be non-empty and distinct; `what` names one item ("arm").
    fn unique_ids<'b>(
        &self,
        section: &str,
        what: &str,
        ids: impl Iterator<Item = &'b str>,
    ) -> Result<(), BundleError> {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            let field = format!("{section}[{i}].id");
            if id.trim().is_empty() {
                return self.fail(field, format!("the {what} id must not be empty"));
            }
            if !seen.insert(id) {
                return self.fail(field, format!("duplicate {what} id '{id}'"));
            }
        }
        Ok(())
    }
}
