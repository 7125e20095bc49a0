//! The dataset picker: shown when the chosen endpoint has more than one dataset (the
//! reconstruction and the reader's imports), so the reader can go back to any of them.

use leptos::prelude::*;

use super::options::select;
use crate::explore::dataset_choices;
use crate::ui::state::use_state;

#[component]
pub fn DatasetPicker() -> impl IntoView {
    let state = use_state();
    let choices = Memo::new(move |_| {
        let endpoint = state.selection.with(|s| s.endpoint);
        state.bundle.with(|b| dataset_choices(b, endpoint))
    });
    move || {
        let choices = choices.get();
        // No choice yet means the latest dataset, the one the view analyses.
        let latest = choices.last().map(|d| d.dataset.clone()).unwrap_or_default();
        let options: Vec<(String, String)> =
            choices.iter().map(|d| (d.dataset.clone(), d.describe())).collect();
        (options.len() > 1).then(|| {
            select(
                "dataset",
                "Data",
                options,
                Box::new(move || {
                    state.selection.with(|s| s.dataset.clone().unwrap_or_else(|| latest.clone()))
                }),
                Box::new(move |picked| state.choose(|s| s.dataset = Some(picked))),
            )
        })
    }
}
