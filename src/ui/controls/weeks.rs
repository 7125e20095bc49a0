//! A labelled select of visit weeks: the follow-up horizon, the comparison visit and the
//! response week are all chosen this way, so no control needs dragging.

use leptos::prelude::*;

use super::{visit_options, VisitOption};
use crate::explore::Selection;
use crate::ui::state::use_state;

/// `get` gives the chosen visit id from the selection; `set` writes the picked visit back. The
/// options' `selected` is a property, as in `options::select`.
#[component]
pub fn WeekPicker(
    id: &'static str,
    label: &'static str,
    /// Earliest week offered (baseline makes no sense as a horizon or comparison).
    from_week: u32,
    get: impl Fn(&Selection) -> String + Copy + Send + Sync + 'static,
    set: impl Fn(&mut Selection, &VisitOption) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    let visits: Vec<VisitOption> = visit_options().into_iter().filter(|v| v.week >= from_week).collect();
    let lookup = visits.clone();
    view! {
        <label class="select">
            {label} " "
            <select id=id
                on:change=move |ev| {
                    let picked = event_target_value(&ev);
                    if let Some(visit) = lookup.iter().find(|v| v.id == picked) {
                        state.choose(|s| set(s, visit));
                    }
                }>
                {visits
                    .into_iter()
                    .map(|v| {
                        let vid = v.id.clone();
                        let selected = move || state.selection.with(|s| get(s) == vid);
                        view! { <option value=v.id prop:selected=selected>{v.label}</option> }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}
