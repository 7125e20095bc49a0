//! The confidence level and the on/off switches.

use leptos::prelude::*;

use crate::explore::{CiLevel, Selection};
use crate::ui::state::use_state;

/// The chosen value of a [`select`], read from the selection.
pub type Current = Box<dyn Fn() -> String + Send + Sync>;
/// What a [`select`] does with the value the reader picked.
pub type Pick = Box<dyn Fn(String) + Send + Sync>;

/// A labelled `<select>` of `(value, text)` options, with `current` marked selected. One
/// non-generic function for every picker on the bar, as `shown_when` is for their visibility.
/// Each option's `selected` is set as a property: the attribute only picks the option a select
/// starts with, and once the reader has picked, a walkthrough step or a closing walkthrough
/// setting it would leave the select showing the reader's old pick.
pub fn select(
    id: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    current: Current,
    pick: Pick,
) -> AnyView {
    let current = Memo::new(move |_| current());
    view! {
        <label class="select">
            {label} " "
            <select id=id on:change=move |ev| pick(event_target_value(&ev))>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let chosen = value.clone();
                        let selected = move || current.with(|c| *c == chosen);
                        view! { <option value=value prop:selected=selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
    .into_any()
}

#[component]
pub fn CiLevelPicker() -> impl IntoView {
    let state = use_state();
    let options = CiLevel::ALL.into_iter().map(|l| (l.label().to_string(), l.label().to_string())).collect();
    select(
        "ci-level",
        "Confidence level",
        options,
        Box::new(move || state.selection.with(|s| s.ci_level.label().to_string())),
        Box::new(move |picked| {
            if let Some(level) = CiLevel::ALL.into_iter().find(|l| l.label() == picked) {
                state.choose(|s| s.ci_level = level);
            }
        }),
    )
}

/// A labelled checkbox; `get` reads it from the selection, `set` acts on a change. Drawn by
/// one non-generic function for every switch, as [`select`] is for the pickers.
#[component]
pub fn Switch(
    id: &'static str,
    label: &'static str,
    get: impl Fn(&Selection) -> bool + Copy + Send + Sync + 'static,
    set: impl Fn(bool) + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    checkbox(id, label, Box::new(move || state.selection.with(get)), Box::new(set))
}

fn checkbox(
    id: &'static str,
    label: &'static str,
    checked: Box<dyn Fn() -> bool + Send + Sync>,
    set: Box<dyn Fn(bool) + Send + Sync>,
) -> AnyView {
    view! {
        <label class="switch">
            <input type="checkbox" id=id
                prop:checked=checked
                on:change=move |ev| set(event_target_checked(&ev)) />
            {label}
        </label>
    }
    .into_any()
}
