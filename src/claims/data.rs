//! Which patient data a claim is recomputed from, and the values it needs.
//!
//! A bundle may hold several datasets for one endpoint: the reconstruction and the reader's
//! imports, which are appended after it. A claim is checked against the *last* dataset of its
//! endpoint, so the reader's own file takes precedence over the reconstruction, and the
//! check reports which dataset (and provenance) it used.

use std::collections::HashMap;

use super::outcome::DataUsed;
use crate::stats::means::GroupSummary;
use crate::trial::{Bundle, EventDataset, MeasurementDataset, Provenance};

/// The last continuous dataset for `endpoint`, or why there is none.
pub fn measurements<'a>(bundle: &'a Bundle, endpoint: &str) -> Result<&'a MeasurementDataset, String> {
    bundle.patient_data.continuous.iter().rev().find(|d| d.endpoint == endpoint).ok_or_else(|| {
        format!(
            "no patient-level data for '{endpoint}': load a reconstruction or import a CSV file (arm,patient,visit,value)"
        )
    })
}

/// A summary of the change in `arm` from visit `from` to `to` given in the bundle, with its
/// mean, SD and n (a reader's values digitised from the paper): the changes' summary for the
/// paired t-test and the mean's provenance, or why that summary cannot be tested (n = 1); the
/// claim then says so rather than fall back on other data while the view shows the summary.
pub fn change_summary<'a>(
    bundle: &'a Bundle,
    endpoint: &'a str,
    arm: &'a str,
    from: &'a str,
    to: &'a str,
) -> Option<Result<(GroupSummary, &'a Provenance), String>> {
    bundle.continuous_summaries(endpoint, arm, to, Some(from)).find_map(|s| {
        let (n, mean, sd) = (s.n.as_ref()?, s.mean.as_ref()?, s.sd.as_ref()?);
        let what = change_summary_named(arm, from, to);
        Some(
            GroupSummary::labelled(n.value as usize, mean.value, sd.value, &what)
                .map(|changes| (changes, &mean.provenance))
                .map_err(|e| e.to_string()),
        )
    })
}

/// A change summary named for a message: "the summary of the change from 'w0' to 'w48' in arm
/// 'high'".
pub fn change_summary_named(arm: &str, from: &str, to: &str) -> String {
    format!("the summary of the change from '{from}' to '{to}' in arm '{arm}'")
}

/// The last time-to-event dataset for `endpoint`, or why there is none.
pub fn events<'a>(bundle: &'a Bundle, endpoint: &str) -> Result<&'a EventDataset, String> {
    bundle.patient_data.time_to_event.iter().rev().find(|d| d.endpoint == endpoint).ok_or_else(|| {
        format!(
            "no patient-level data for '{endpoint}': load a reconstruction or import a CSV file (arm,time,event)"
        )
    })
}

pub fn used_measurements(set: &MeasurementDataset) -> DataUsed {
    DataUsed { dataset: set.id.clone(), endpoint: set.endpoint.clone(), provenance: set.provenance.clone() }
}

pub fn used_events(set: &EventDataset) -> DataUsed {
    DataUsed { dataset: set.id.clone(), endpoint: set.endpoint.clone(), provenance: set.provenance.clone() }
}

/// Values of the patients of `arm` measured at both visits: `(at from, at to)`, patient by
/// patient in the order of the dataset. Patients missing either visit are left out.
pub fn paired(set: &MeasurementDataset, arm: &str, from: &str, to: &str) -> (Vec<f64>, Vec<f64>) {
    let in_arm = || set.records.iter().filter(move |r| r.arm == arm);
    let later: HashMap<&str, f64> =
        in_arm().filter(|r| r.visit == to).map(|r| (r.patient.as_str(), r.value)).collect();
    in_arm()
        .filter(|r| r.visit == from)
        .filter_map(|r| later.get(r.patient.as_str()).map(|&after| (r.value, after)))
        .unzip()
}

/// The values of `arm` at `visit`.
pub fn at_visit(set: &MeasurementDataset, arm: &str, visit: &str) -> Vec<f64> {
    set.records.iter().filter(|r| r.arm == arm && r.visit == visit).map(|r| r.value).collect()
}
