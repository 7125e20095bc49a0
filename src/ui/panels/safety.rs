//! The safety view: the published statements and the list of what is not reported.

use leptos::prelude::*;

use crate::ui::provenance::value_view;
use crate::ui::state::use_state;

#[component]
pub fn SafetyStatements() -> impl IntoView {
    let view = use_state().view;
    move || {
        view.with(|v| v.safety().cloned()).map(|safety| {
            view! {
                <div class="safety" id="safety">
                    <h3>"Published on safety"</h3>
                    <ul>{safety.statements.iter().map(|s| view! { <li>{value_view(s)}</li> }).collect_view()}</ul>
                    <h3>"Not reported in the published sources"</h3>
                    <ul class="not-reported">{safety.not_reported.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}
