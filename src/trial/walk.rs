//! Every provenance in a bundle, with the path and value it belongs to.
//!
//! The walk runs over the bundle's JSON form, so a fact added to any section of the schema is
//! found without touching this file: validation (sources exist) and the published-facts guard
//! can never miss one. Patient records carry no provenance of their own (their dataset does),
//! so they are left out of the walk to keep it cheap for large datasets.

use super::bundle::Bundle;
use super::json::{from_value, FromJson, ToJson, Value};
use super::provenance::Provenance;
use super::schema::{EventDataset, MeasurementDataset, PatientData};

/// One place in a bundle that carries a provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvenanceRef {
    /// Path of the object holding the provenance, like `results[3].measure.mean`.
    pub path: String,
    /// The fact's value as JSON; `None` for a dataset, whose provenance covers its records.
    pub value: Option<Value>,
    pub provenance: Provenance,
}

/// All provenances in the bundle, in document order (the order a bundle file lists them).
pub fn provenances(bundle: &Bundle) -> Vec<ProvenanceRef> {
    let skeleton = Bundle {
        schema_version: bundle.schema_version,
        trial: bundle.trial.clone(),
        sources: bundle.sources.clone(),
        eligibility: bundle.eligibility.clone(),
        arms: bundle.arms.clone(),
        visits: bundle.visits.clone(),
        endpoints: bundle.endpoints.clone(),
        results: bundle.results.clone(),
        tests: bundle.tests.clone(),
        statements: bundle.statements.clone(),
        patient_data: without_records(&bundle.patient_data),
    };
    provenances_of(&skeleton)
}

/// All provenances inside one item of a bundle, with paths relative to the item.
pub fn provenances_of<T: ToJson>(item: &T) -> Vec<ProvenanceRef> {
    let mut found = Vec::new();
    collect(&item.to_json(), String::new(), &mut found);
    found
}

/// A copy of `item` with every provenance inside it replaced by `provenance`.
pub fn retagged<T: ToJson + FromJson>(item: &T, provenance: &Provenance) -> T {
    let mut json = item.to_json();
    replace_provenances(&mut json, &provenance.to_json());
    // Swapping one valid provenance for another keeps the item valid for its own type.
    from_value(&json).unwrap_or_else(|e| panic!("a retagged item converts back: {}", e.message))
}

fn replace_provenances(json: &mut Value, provenance: &Value) {
    match json {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                if key == "provenance" {
                    *child = provenance.clone();
                } else {
                    replace_provenances(child, provenance);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                replace_provenances(item, provenance);
            }
        }
        _ => {}
    }
}

fn without_records(data: &PatientData) -> PatientData {
    PatientData {
        time_to_event: data
            .time_to_event
            .iter()
            .map(|d| EventDataset {
                id: d.id.clone(),
                endpoint: d.endpoint.clone(),
                provenance: d.provenance.clone(),
                records: Vec::new(),
            })
            .collect(),
        continuous: data
            .continuous
            .iter()
            .map(|d| MeasurementDataset {
                id: d.id.clone(),
                endpoint: d.endpoint.clone(),
                provenance: d.provenance.clone(),
                records: Vec::new(),
            })
            .collect(),
    }
}

fn collect(json: &Value, path: String, found: &mut Vec<ProvenanceRef>) {
    match json {
        Value::Object(map) => {
            if let Some(provenance) = map.get("provenance").and_then(|p| from_value::<Provenance>(p).ok()) {
                found.push(ProvenanceRef {
                    path: path.clone(),
                    value: map.get("value").cloned(),
                    provenance,
                });
            }
            for (key, child) in map.iter() {
                if key != "provenance" {
                    let child_path = if path.is_empty() { key.clone() } else { format!("{path}.{key}") };
                    collect(child, child_path, found);
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect(item, format!("{path}[{i}]"), found);
            }
        }
        _ => {}
    }
}
