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
        describe_data(&self.provenance)
    }
}

/// Data of `provenance` in the reader's words ("reconstructed data", "imported data
/// (mine.csv)"), rather than by the dataset's id.
pub fn describe_data(provenance: &Provenance) -> String {
    match provenance {
        Provenance::Imported { file } => format!("imported data ({file})"),
        other => format!("{} data", other.label()),
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

/// Move the reader's dataset choice, if any, from `selection` to the end of `set_aside` (the
/// walkthrough does this before showing a step's own view, so the pick is not lost).
pub fn set_aside_dataset(selection: &mut Selection, set_aside: &mut Vec<String>) {
    if let Some(current) = selection.dataset.take() {
        set_aside.retain(|d| *d != current);
        set_aside.push(current);
    }
}

/// Show `endpoint`. The reader's dataset choice goes into `set_aside`, and the choice last set
/// aside that the new endpoint can use comes back: a CD4 import picked, then CD8 viewed (its
/// own latest data, without a notice), then CD4 again shows the picked import. Response at a
/// week keeps the response's choice, as it analyses the same events. Without such a choice the
/// view analyses its latest data.
pub fn switch_endpoint(
    bundle: &Bundle,
    selection: &mut Selection,
    endpoint: EndpointChoice,
    set_aside: &mut Vec<String>,
) {
    set_aside_dataset(selection, set_aside);
    selection.endpoint = endpoint;
    let usable = dataset_choices(bundle, endpoint);
    selection.dataset = set_aside.iter().rev().find(|d| usable.iter().any(|u| &u.dataset == *d)).cloned();
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
