//! The claims panel: each published result recomputed from the loaded patient data, with
//! the verdict and the published and recomputed numbers side by side (written by
//! `share::claims_html`).

use leptos::prelude::*;

use crate::share::claims_html;
use crate::ui::state::use_state;

#[component]
pub fn ClaimsPanel() -> impl IntoView {
    let state = use_state();
    let reported_only = state.reported_only();
    view! {
        <section class="panel claims" id="claims" aria-labelledby="claims-heading">
            <h2 id="claims-heading">"Published claims, recomputed"</h2>
            <div class="claim-list" inner_html=move || state.claims.with(|c| claims_html(c, reported_only.get()))></div>
        </section>
    }
}
