//! The dataset picker: shown when the chosen endpoint has more than one dataset (the
//! reconstruction and the reader's imports), so the reader can go back to any of them.

use leptos::prelude::*;

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
        let latest = choices.last().map(|d| d.dataset.clone());
        (choices.len() > 1).then(|| {
            view! {
                <label class="select">
                    "Data "
                    <select id="dataset"
                        on:change=move |ev| {
                            let picked = event_target_value(&ev);
                            state.choose(|s| s.dataset = Some(picked));
                        }>
                        {choices
                            .into_iter()
                            .map(|d| {
                                let id = d.dataset.clone();
                                let latest = latest.clone();
                                // No choice yet means the latest dataset.
                                let selected = move || {
                                    state.selection.with(|s| s.dataset.as_ref().or(latest.as_ref()) == Some(&id))
                                };
                                view! { <option value=d.dataset.clone() selected=selected>{d.describe()}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
            }
        })
    }
}
