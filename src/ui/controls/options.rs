//! The confidence level and the on/off switches.

use leptos::prelude::*;

use crate::explore::{CiLevel, Selection};
use crate::ui::state::use_state;

#[component]
pub fn CiLevelPicker() -> impl IntoView {
    let state = use_state();
    view! {
        <label class="select">
            "Confidence level "
            <select id="ci-level"
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    if let Some(level) = CiLevel::ALL.into_iter().find(|l| l.label() == picked) {
                        state.choose(|s| s.ci_level = level);
                    }
                }>
                {CiLevel::ALL
                    .into_iter()
                    .map(|level| {
                        let selected = move || state.selection.with(|s| s.ci_level == level);
                        view! { <option value=level.label() selected=selected>{level.label()}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// A labelled checkbox; `get` reads it from the selection, `set` acts on a change.
#[component]
pub fn Switch(
    id: &'static str,
    label: &'static str,
    get: impl Fn(&Selection) -> bool + Copy + Send + Sync + 'static,
    set: impl Fn(bool) + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    view! {
        <label class="switch">
            <input type="checkbox" id=id
                prop:checked=move || state.selection.with(get)
                on:change=move |ev| set(event_target_checked(&ev)) />
            {label}
        </label>
    }
}
