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
                    let toggle = move |_| {
                        state.choose(|s| {
                            if let Some(at) = s.visits.iter().position(|v| *v == toggle_id) {
                                s.visits.remove(at);
                            } else {
                                s.visits.push(toggle_id.clone());
                                // Keep the bundle's order, so the selection reads like the axis
                                // (ids the bundle lacks first, as they were).
                                let unknown = s.visits.iter().filter(|v| !order.contains(v));
                                let known = order.iter().flat_map(|o| s.visits.iter().filter(move |v| *v == o));
                                s.visits = unknown.chain(known).cloned().collect();
                            }
                        })
                    };
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
