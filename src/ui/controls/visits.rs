//! Visit chips for the continuous endpoints: which visits the chart and table show.

use leptos::prelude::*;

use super::visit_options;
use crate::ui::state::use_state;

#[component]
pub fn VisitChips() -> impl IntoView {
    let state = use_state();
    let order: Vec<String> = visit_options().into_iter().map(|v| v.id).collect();
    view! {
        <div class="visit-chips" role="group" aria-label="Visits shown">
            <span class="group-label" aria-hidden="true">"Visits"</span>
            {visit_options()
                .into_iter()
                .map(|visit| {
                    let id = visit.id.clone();
                    let pressed = move || state.selection.with(|s| s.visits.contains(&id));
                    let toggle_id = visit.id.clone();
                    let order = order.clone();
                    let toggle = move |_| state.choose(|s| s.toggle_visit(&toggle_id, &order));
                    view! {
                        <button type="button" class="chip visit" id=format!("visit-{}", visit.id)
                            aria-pressed=move || pressed().to_string() on:click=toggle>
                            {visit.label}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
