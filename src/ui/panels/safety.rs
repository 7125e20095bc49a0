//! The safety view: the published statements and the list of what is not reported
//! (written by `share::safety_html`).

use leptos::prelude::*;

use crate::share::safety_html;
use crate::ui::state::use_state;

#[component]
pub fn SafetyStatements() -> impl IntoView {
    let view = use_state().view;
    view! { <div class="safety-view" inner_html=move || view.with(|v| v.safety().map(safety_html).unwrap_or_default())></div> }
}
