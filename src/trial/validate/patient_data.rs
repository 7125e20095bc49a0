//! Rules for patient-level datasets: each fits its endpoint and every row is possible.

use std::collections::HashSet;

use super::Check;
use crate::trial::bundle::Bundle;
use crate::trial::error::BundleError;
use crate::trial::rules::{measurement_problem, PatientRegister};
use crate::trial::schema::{EndpointKind, EventDataset, MeasurementDataset};

pub(super) fn check_patient_data(check: &Check, bundle: &Bundle) -> Result<(), BundleError> {
    let data = &bundle.patient_data;
    let mut ids = HashSet::new();
    for (i, set) in data.time_to_event.iter().enumerate() {
        let at = format!("patient_data.time_to_event[{i}]");
        check_dataset_head(check, &at, &set.id, &set.endpoint, EndpointKind::TimeToEvent, &mut ids)?;
        check_events(check, &at, set)?;
    }
    for (i, set) in data.continuous.iter().enumerate() {
        let at = format!("patient_data.continuous[{i}]");
        check_dataset_head(check, &at, &set.id, &set.endpoint, EndpointKind::Continuous, &mut ids)?;
        check_measurements(check, &at, set)?;
    }
    Ok(())
}

/// Dataset ids are unique across both kinds, and the endpoint has the dataset's kind.
fn check_dataset_head<'a>(
    check: &Check,
    at: &str,
    id: &'a str,
    endpoint: &str,
    expected: EndpointKind,
    ids: &mut HashSet<&'a str>,
) -> Result<(), BundleError> {
    if id.trim().is_empty() {
        return check.fail(format!("{at}.id"), "the dataset id must not be empty");
    }
    if !ids.insert(id) {
        return check.fail(format!("{at}.id"), format!("duplicate dataset id '{id}'"));
    }
    let field = format!("{at}.endpoint");
    let kind = check.at(&field, check.catalog.endpoint(endpoint))?;
    if kind != expected {
        return check.fail(
            field,
            format!(
                "{} records need a {} endpoint; '{endpoint}' is {}",
                expected.describe(),
                expected.describe(),
                kind.describe()
            ),
        );
    }
    Ok(())
}

fn check_events(check: &Check, at: &str, set: &EventDataset) -> Result<(), BundleError> {
    if set.records.is_empty() {
        return check.fail(format!("{at}.records"), "a dataset needs at least one record");
    }
    for (k, record) in set.records.iter().enumerate() {
        // Paths are built only on failure: datasets may hold a million rows.
        let problem = check.catalog.arm(&record.arm).err().map(|m| ("arm", m)).or_else(|| {
            check.catalog.time_problem(record.time, &record.time.to_string()).map(|m| ("time", m))
        });
        if let Some((field, message)) = problem {
            return check.fail(format!("{at}.records[{k}].{field}"), message);
        }
    }
    Ok(())
}

fn check_measurements(check: &Check, at: &str, set: &MeasurementDataset) -> Result<(), BundleError> {
    if set.records.is_empty() {
        return check.fail(format!("{at}.records"), "a dataset needs at least one record");
    }
    let mut register = PatientRegister::new();
    for (k, record) in set.records.iter().enumerate() {
        let problem = check
            .catalog
            .arm(&record.arm)
            .err()
            .map(|m| ("arm", m))
            .or_else(|| {
                record.patient.trim().is_empty().then(|| ("patient", "must not be empty".to_string()))
            })
            .or_else(|| check.catalog.visit(&record.visit).err().map(|m| ("visit", m)))
            .or_else(|| measurement_problem(record.value).map(|m| ("value", m)));
        if let Some((field, message)) = problem {
            return check.fail(format!("{at}.records[{k}].{field}"), message);
        }
        if let Err(conflict) = register.add(&record.arm, &record.patient, &record.visit, k) {
            let message =
                conflict.describe(&record.patient, &record.arm, &record.visit, |j| format!("records[{j}]"));
            return check.fail(format!("{at}.records[{k}]"), message);
        }
    }
    Ok(())
}
