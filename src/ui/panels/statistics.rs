//! The statistics panel: each test and estimate of the view with its provenance, set beside
//! the published figure for the same comparison (written by `share::statistics_html`).

use leptos::prelude::*;

use crate::explore::{no_statistics_reason, published_findings, statistics};
use crate::share::statistics_html;
use crate::ui::state::use_state;

#[component]
pub fn StatisticsPanel() -> impl IntoView {
    let view = use_state().view;
    let body = Memo::new(move |_| {
        view.with(|v| statistics_html(&statistics(v), &published_findings(v), no_statistics_reason(v)))
    });
    view! {
        <section class="panel statistics" id="statistics" aria-labelledby="statistics-heading">
            <h2 id="statistics-heading">"Statistics"</h2>
            <div class="statistics-body" inner_html=move || body.get()></div>
        </section>
    }
}
