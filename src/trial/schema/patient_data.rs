//! Patient-level data: none is published for this trial. Datasets come from the
//! reconstruction module (`Reconstructed`) or from the reader's own files (`Imported`); each
//! dataset carries one provenance for all its rows.

use serde_json::Value;

use crate::trial::json::{FromJson, Object, ObjectWriter, Path, ReadError, ToJson};
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

impl FromJson for PatientData {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["time_to_event", "continuous"])?;
        Ok(PatientData {
            time_to_event: o.or_default("time_to_event")?,
            continuous: o.or_default("continuous")?,
        })
    }
}

impl ToJson for PatientData {
    fn to_json(&self) -> Value {
        ObjectWriter::new()
            .field("time_to_event", &self.time_to_event)
            .field("continuous", &self.continuous)
            .done()
    }
}

impl FromJson for EventDataset {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["id", "endpoint", "provenance", "records"])?;
        Ok(EventDataset {
            id: o.field("id")?,
            endpoint: o.field("endpoint")?,
            provenance: o.field("provenance")?,
            records: o.field("records")?,
        })
    }
}

impl ToJson for EventDataset {
    fn to_json(&self) -> Value {
        ObjectWriter::new()
            .field("id", &self.id)
            .field("endpoint", &self.endpoint)
            .field("provenance", &self.provenance)
            .field("records", &self.records)
            .done()
    }
}

impl FromJson for EventRecord {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["arm", "time", "event"])?;
        Ok(EventRecord { arm: o.field("arm")?, time: o.field("time")?, event: o.field("event")? })
    }
}

impl ToJson for EventRecord {
    fn to_json(&self) -> Value {
        ObjectWriter::new()
            .field("arm", &self.arm)
            .field("time", &self.time)
            .field("event", &self.event)
            .done()
    }
}

impl FromJson for MeasurementDataset {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["id", "endpoint", "provenance", "records"])?;
        Ok(MeasurementDataset {
            id: o.field("id")?,
            endpoint: o.field("endpoint")?,
            provenance: o.field("provenance")?,
            records: o.field("records")?,
        })
    }
}

impl ToJson for MeasurementDataset {
    fn to_json(&self) -> Value {
        ObjectWriter::new()
            .field("id", &self.id)
            .field("endpoint", &self.endpoint)
            .field("provenance", &self.provenance)
            .field("records", &self.records)
            .done()
    }
}

impl FromJson for Measurement {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["arm", "patient", "visit", "value"])?;
        Ok(Measurement {
            arm: o.field("arm")?,
            patient: o.field("patient")?,
            visit: o.field("visit")?,
            value: o.field("value")?,
        })
    }
}

impl ToJson for Measurement {
    fn to_json(&self) -> Value {
        ObjectWriter::new()
            .field("arm", &self.arm)
            .field("patient", &self.patient)
            .field("visit", &self.visit)
            .field("value", &self.value)
            .done()
    }
}
