//! The endpoint picker: one button per endpoint, the pressed one is shown.

use leptos::prelude::*;

use crate::explore::EndpointChoice;
use crate::ui::state::use_state;

/// Button text for an endpoint: the bundle's label (the view's heading), shortened where the
/// bundle's is long.
fn endpoint_label(choice: EndpointChoice, bundle_label: Option<String>) -> String {
    match choice {
        EndpointChoice::Response => "Immunological response".to_string(),
        _ => bundle_label.unwrap_or_else(|| choice.id().to_string()),
    }
}

#[component]
pub fn EndpointPicker() -> impl IntoView {
    let state = use_state();
    let labels: Vec<(EndpointChoice, String)> = state.bundle.with_untracked(|b| {
        EndpointChoice::ALL
            .into_iter()
            .map(|e| {
                (e, endpoint_label(e, b.endpoints.iter().find(|m| m.id == e.id()).map(|m| m.label.clone())))
            })
            .collect()
    });
    view! {
        <div class="endpoint-picker" role="group" aria-label="Endpoint">
            <span class="group-label" aria-hidden="true">"Endpoint"</span>
            {labels
                .into_iter()
                .map(|(choice, label)| {
                    let pressed = move || state.selection.with(|s| s.endpoint == choice);
                    view! {
                        <button type="button" class="chip endpoint" id=format!("endpoint-{}", choice.id())
                            aria-pressed=move || pressed().to_string()
                            on:click=move |_| state.choose_endpoint(choice)>
                            {label}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
