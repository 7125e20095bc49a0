//! Patient-level data: none is published for this trial. Datasets come from the
//! reconstruction module (`Reconstructed`) or from the reader's own files (`Imported`); each
//! dataset carries one provenance for all its rows.

use crate::trial::json::json_object;
use crate::trial::provenance::Provenance;

/// All patient-level datasets of a bundle.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PatientData {
    pub time_to_event: Vec<EventDataset>,
    pub continuous: Vec<MeasurementDataset>,
}

impl PatientData {
    /// Rows across all datasets.
    pub fn record_count(&self) -> usize {
        self.time_to_event.iter().map(|d| d.records.len()).sum::<usize>()
            + self.continuous.iter().map(|d| d.records.len()).sum::<usize>()
    }
}

/// Times to event for one time-to-event endpoint (CSV `arm,time,event`).
#[derive(Debug, Clone, PartialEq)]
pub struct EventDataset {
    pub id: String,
    pub endpoint: String,
    pub provenance: Provenance,
    pub records: Vec<EventRecord>,
}

/// One patient's follow-up.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    pub arm: String,
    /// Weeks since baseline to the event, or to the last visit when censored.
    pub time: f64,
    /// `true` for an observed event, `false` for censoring.
    pub event: bool,
}

/// Measurements of one continuous endpoint (CSV `arm,patient,visit,value`).
#[derive(Debug, Clone, PartialEq)]
pub struct MeasurementDataset {
    pub id: String,
    pub endpoint: String,
    pub provenance: Provenance,
    pub records: Vec<Measurement>,
}

/// One patient's value at one visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    pub arm: String,
    pub patient: String,
    /// A visit id.
    pub visit: String,
    pub value: f64,
}

json_object!(PatientData { time_to_event: or_default, continuous: or_default });

json_object!(EventDataset { id: field, endpoint: field, provenance: field, records: field });

json_object!(EventRecord { arm: field, time: field, event: field });

json_object!(MeasurementDataset { id: field, endpoint: field, provenance: field, records: field });

json_object!(Measurement { arm: field, patient: field, visit: field, value: field });
