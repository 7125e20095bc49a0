//! Patient-level CSV: `arm,time,event` for a time-to-event endpoint, `arm,patient,visit,value`
//! for a continuous one. Columns may come in any order; a visit is given by id (`w48`) or by
//! week (`48`); time is in weeks since baseline; event is 1 (observed) or 0 (censored).

use std::borrow::Cow;

use super::csv_fields::{fields, lines};
use super::error::ImportError;
use super::limits::{check_bytes, check_rows};
use super::merge::{merge, Additions};
use crate::trial::bundle::Bundle;
use crate::trial::catalog::Catalog;
use crate::trial::decimal::parse_decimal;
use crate::trial::provenance::Provenance;
use crate::trial::rules::{measurement_problem, number_problem, PatientRegister};
use crate::trial::schema::{
    EndpointKind, EventDataset, EventRecord, Measurement, MeasurementDataset, PatientData,
};

/// Header of a time-to-event file.
pub const EVENT_COLUMNS: [&str; 3] = ["arm", "time", "event"];
/// Header of a continuous file.
pub const MEASUREMENT_COLUMNS: [&str; 4] = ["arm", "patient", "visit", "value"];

/// One file's rows, read and checked, tagged as imported from that file.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportedData {
    Events(EventDataset),
    Measurements(MeasurementDataset),
}

/// Read a CSV file for `endpoint` and merge it into `bundle`, giving a new bundle.
pub fn import_patient_csv(
    bundle: &Bundle,
    text: &str,
    file: &str,
    endpoint: &str,
) -> Result<Bundle, ImportError> {
    let mut patient_data = PatientData::default();
    match read_patient_csv(bundle, text, file, endpoint)? {
        ImportedData::Events(set) => patient_data.time_to_event.push(set),
        ImportedData::Measurements(set) => patient_data.continuous.push(set),
    }
    merge(bundle, file, Additions { patient_data, ..Additions::default() })
}

/// Read and check a CSV file for `endpoint` against the arms and visits of `bundle`. The
/// dataset's id is the file name.
pub fn read_patient_csv(
    bundle: &Bundle,
    text: &str,
    file: &str,
    endpoint: &str,
) -> Result<ImportedData, ImportError> {
    check_bytes(text.len(), file)?;
    let catalog = Catalog::of(bundle);
    let kind = catalog
        .endpoint(endpoint)
        .map_err(|message| ImportError::UnknownEndpoint { file: file.to_string(), message })?;
    let columns: &'static [&'static str] = match kind {
        EndpointKind::TimeToEvent => &EVENT_COLUMNS,
        EndpointKind::Continuous => &MEASUREMENT_COLUMNS,
        other => {
            return Err(ImportError::NotPatientLevel {
                file: file.to_string(),
                endpoint: endpoint.to_string(),
                kind: other.describe(),
            })
        }
    };
    let lines = lines(text);
    let Some((&(_, header), rows)) = lines.split_first() else {
        return Err(ImportError::Empty {
            file: file.to_string(),
            expected: format!("a header line '{}' and one row per patient", columns.join(",")),
        });
    };
    check_rows(rows.len(), file)?;
    let reader = RowReader::new(file, endpoint, columns, header)?;
    if rows.is_empty() {
        return Err(ImportError::NoRows { file: file.to_string() });
    }
    let provenance = Provenance::Imported { file: file.to_string() };
    Ok(match kind {
        EndpointKind::TimeToEvent => ImportedData::Events(EventDataset {
            id: file.to_string(),
            endpoint: endpoint.to_string(),
            provenance,
            records: read_events(&reader, &catalog, rows)?,
        }),
        _ => ImportedData::Measurements(MeasurementDataset {
            id: file.to_string(),
            endpoint: endpoint.to_string(),
            provenance,
            records: read_measurements(&reader, &catalog, rows)?,
        }),
    })
}

fn read_events(
    reader: &RowReader,
    catalog: &Catalog,
    rows: &[(usize, &str)],
) -> Result<Vec<EventRecord>, ImportError> {
    let mut records = Vec::with_capacity(rows.len());
    for &(line, text) in rows {
        let row = reader.row(line, text)?;
        let arm = reader.cell(&row, 0, |cell| arm(catalog, cell))?;
        let time = reader.cell(&row, 1, |cell| time(catalog, cell))?;
        let event = reader.cell(&row, 2, event)?;
        records.push(EventRecord { arm: arm.to_string(), time, event });
    }
    Ok(records)
}

fn read_measurements(
    reader: &RowReader,
    catalog: &Catalog,
    rows: &[(usize, &str)],
) -> Result<Vec<Measurement>, ImportError> {
    let mut records = Vec::with_capacity(rows.len());
    for &(line, text) in rows {
        let row = reader.row(line, text)?;
        let arm = reader.cell(&row, 0, |cell| arm(catalog, cell))?;
        let patient = reader
            .cell(&row, 1, |cell| not_empty(cell, "every row needs a patient id").map(str::to_string))?;
        let visit = reader.cell(&row, 2, |cell| {
            not_empty(cell, "every row needs a visit")?;
            catalog.visit_by_id_or_week(cell)
        })?;
        let value = reader.cell(&row, 3, measurement)?;
        records.push(Measurement { arm: arm.to_string(), patient, visit: visit.to_string(), value });
    }
    let mut register = PatientRegister::new();
    for (record, &(line, _)) in records.iter().zip(rows) {
        if let Err(conflict) = register.add(&record.arm, &record.patient, &record.visit, line) {
            return Err(ImportError::Row {
                file: reader.file.to_string(),
                line,
                problem: conflict
                    .describe(&record.patient, &record.arm, &record.visit, |l| format!("line {l}")),
            });
        }
    }
    Ok(records)
}

fn not_empty<'c>(cell: &'c str, hint: &str) -> Result<&'c str, String> {
    if cell.is_empty() {
        Err(format!("the cell is empty; {hint}"))
    } else {
        Ok(cell)
    }
}

fn arm<'a>(catalog: &Catalog<'a>, cell: &str) -> Result<&'a str, String> {
    not_empty(cell, "every row needs an arm")?;
    catalog.arm(cell)
}

/// A patient's time: a number of weeks within the trial's follow-up, named as written when
/// it is past it.
fn time(catalog: &Catalog, cell: &str) -> Result<f64, String> {
    let time = number(cell, "give the weeks since baseline, e.g. 12.5")?;
    match catalog.time_problem(time, cell.trim()) {
        Some(problem) => Err(problem),
        None => Ok(time),
    }
}

/// A measured value: as [`number`], and no larger than any measurement could be.
fn measurement(cell: &str) -> Result<f64, String> {
    let hint = "give the measured value, e.g. 312";
    let value = number(cell, hint)?;
    match measurement_problem(value) {
        Some(problem) => Err(format!("{problem}; {hint}")),
        None => Ok(value),
    }
}

fn number(cell: &str, hint: &str) -> Result<f64, String> {
    not_empty(cell, hint)?;
    let value = parse_decimal(cell).ok_or_else(|| format!("'{cell}' is not a number; {hint}"))?;
    match number_problem(value, false) {
        Some(problem) => Err(format!("{problem}; {hint}")),
        None => Ok(value),
    }
}

fn event(cell: &str) -> Result<bool, String> {
    match cell {
        "1" => Ok(true),
        "0" => Ok(false),
        "" => Err("the cell is empty; write 1 for an event or 0 for censoring".to_string()),
        other => Err(format!("'{other}' is not 0 or 1; write 1 for an event or 0 for censoring")),
    }
}

/// Reads rows in the order of the expected columns, whatever the file's column order.
struct RowReader<'f> {
    file: &'f str,
    columns: &'static [&'static str],
    /// `position[i]`: where the expected column `columns[i]` is in the file (0-based).
    position: Vec<usize>,
}

impl<'f> RowReader<'f> {
    fn new(
        file: &'f str,
        endpoint: &str,
        columns: &'static [&'static str],
        header: &str,
    ) -> Result<Self, ImportError> {
        if header.trim().is_empty() {
            return Err(ImportError::BlankLine { file: file.to_string(), line: 1 });
        }
        let wrong_header = || ImportError::Header {
            file: file.to_string(),
            endpoint: endpoint.to_string(),
            expected: columns.join(","),
            found: header.trim().to_string(),
        };
        let names: Vec<String> = fields(header)
            .map_err(|_| wrong_header())?
            .iter()
            .map(|name| name.to_ascii_lowercase())
            .collect();
        if names.len() != columns.len() {
            return Err(wrong_header());
        }
        let position = columns
            .iter()
            .map(|column| names.iter().position(|name| name == column))
            .collect::<Option<Vec<usize>>>()
            .ok_or_else(wrong_header)?;
        Ok(RowReader { file, columns, position })
    }

    /// The fields of one data line, with its line number.
    fn row<'t>(&self, line: usize, text: &'t str) -> Result<(usize, Vec<Cow<'t, str>>), ImportError> {
        if text.trim().is_empty() {
            return Err(ImportError::BlankLine { file: self.file.to_string(), line });
        }
        let cells = fields(text).map_err(|column| ImportError::Quote {
            file: self.file.to_string(),
            line,
            column,
        })?;
        if cells.len() != self.columns.len() {
            return Err(ImportError::FieldCount {
                file: self.file.to_string(),
                line,
                expected: self.columns.len(),
                found: cells.len(),
                header: self.columns.join(","),
            });
        }
        Ok((line, cells))
    }

    /// Read the cell of expected column `index` with `read`; its error becomes a cell error.
    fn cell<T>(
        &self,
        (line, cells): &(usize, Vec<Cow<'_, str>>),
        index: usize,
        read: impl FnOnce(&str) -> Result<T, String>,
    ) -> Result<T, ImportError> {
        let at = self.position[index];
        read(&cells[at]).map_err(|problem| ImportError::Cell {
            file: self.file.to_string(),
            line: *line,
            column: at + 1,
            name: self.columns[index],
            problem,
        })
    }
}
