//! Which patient-level dataset a view analyses, and the provenance of numbers computed from it.
//!
//! The published sources hold no patient data: datasets come from the reconstruction or from
//! a reader's file. A number recomputed from such data is as trustworthy as the data and no
//! more, so it takes the dataset's provenance (reconstructed stays reconstructed, imported
//! stays imported); it is never reported.

use crate::trial::{Bundle, EventDataset, MeasurementDataset, Provenance};

use super::notice::{Notice, NoticeKind};
use super::selection::{EndpointChoice, Selection};

/// The dataset behind a view's computed numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct DataSource {
    pub dataset: String,
    pub provenance: Provenance,
}

impl DataSource {
    /// "reconstructed data", "imported data (mine.csv)": for captions and legends, so that a
    /// curve drawn from such data says so on the chart itself.
    pub fn describe(&self) -> String {
        match &self.provenance {
            Provenance::Imported { file } => format!("imported data ({file})"),
            other => format!("{} data", other.label()),
        }
    }
}

/// The provenance of a number computed by `how` from data of provenance `data`.
pub fn computed(data: &Provenance, how: &str) -> Provenance {
    match data {
        Provenance::Reconstructed { .. } | Provenance::Imported { .. } | Provenance::Illustrative { .. } => {
            data.clone()
        }
        // A statistic recomputed from published or derived values is itself only derived.
        Provenance::Reported { source, locator } => {
            Provenance::Derived { from: format!("{source} ({locator})"), how: how.to_string() }
        }
        Provenance::Derived { from, .. } => Provenance::Derived { from: from.clone(), how: how.to_string() },
    }
}

/// The datasets the view of `endpoint` can analyse, in the order they were added (the last
/// is the one analysed unless the reader picks another): the reconstruction and each import.
pub fn dataset_choices(bundle: &Bundle, endpoint: EndpointChoice) -> Vec<DataSource> {
    let id = endpoint.data_endpoint();
    let data = &bundle.patient_data;
    let events = data.time_to_event.iter().filter(|d| d.endpoint == id).map(|d| source(&d.id, &d.provenance));
    let measured = data.continuous.iter().filter(|d| d.endpoint == id).map(|d| source(&d.id, &d.provenance));
    events.chain(measured).collect()
}

/// Forget the reader's dataset choice when the chosen endpoint cannot use it (a CD4 import
/// after switching to CD8), so the new view analyses its own latest data without a notice.
pub fn keep_dataset_if_usable(bundle: &Bundle, selection: &mut Selection) {
    if let Some(wanted) = &selection.dataset {
        if !dataset_choices(bundle, selection.endpoint).iter().any(|d| &d.dataset == wanted) {
            selection.dataset = None;
        }
    }
}

/// The time-to-event dataset for `endpoint`: the one named `wanted`, else the last added.
pub fn event_dataset<'a>(
    bundle: &'a Bundle,
    endpoint: &str,
    wanted: Option<&str>,
    notices: &mut Vec<Notice>,
) -> Option<&'a EventDataset> {
    let sets: Vec<&EventDataset> =
        bundle.patient_data.time_to_event.iter().filter(|d| d.endpoint == endpoint).collect();
    pick(&sets, |d| source(&d.id, &d.provenance), endpoint, wanted, notices).map(|i| sets[i])
}

fn source(id: &str, provenance: &Provenance) -> DataSource {
    DataSource { dataset: id.to_string(), provenance: provenance.clone() }
}

/// The measurement dataset for `endpoint`: the one named `wanted`, else the last added.
pub fn measurement_dataset<'a>(
    bundle: &'a Bundle,
    endpoint: &str,
    wanted: Option<&str>,
    notices: &mut Vec<Notice>,
) -> Option<&'a MeasurementDataset> {
    let sets: Vec<&MeasurementDataset> =
        bundle.patient_data.continuous.iter().filter(|d| d.endpoint == endpoint).collect();
    pick(&sets, |d| source(&d.id, &d.provenance), endpoint, wanted, notices).map(|i| sets[i])
}

fn pick<T>(
    sets: &[T],
    source: impl Fn(&T) -> DataSource,
    endpoint: &str,
    wanted: Option<&str>,
    notices: &mut Vec<Notice>,
) -> Option<usize> {
    let last = sets.len().checked_sub(1)?;
    let Some(wanted) = wanted else {
        if sets.len() > 1 {
            // In the words of the Data picker, not the datasets' ids.
            let others: Vec<String> = sets[..last].iter().map(|s| source(s).describe()).collect();
            notices.push(Notice::new(
                NoticeKind::Note,
                format!(
                    "Analysing {}, the last added; also available under Data: {}.",
                    source(&sets[last]).describe(),
                    others.join(", ")
                ),
            ));
        }
        return Some(last);
    };
    if let Some(i) = sets.iter().position(|s| source(s).dataset == wanted) {
        return Some(i);
    }
    notices.push(Notice::new(
        NoticeKind::Ignored,
        format!(
            "No dataset '{wanted}' for {endpoint}; analysing {} instead.",
            source(&sets[last]).describe()
        ),
    ));
    Some(last)
}
