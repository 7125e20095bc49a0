//! The header (trial at a glance: design, arms and doses, size, follow-up, eligibility) and
//! the arms table, written as HTML text by `share::header_html` and written again only when
//! "reported only" changes.

use leptos::prelude::*;

use super::allocation_chart::AllocationChart;
use crate::explore::Overview;
use crate::share::header_html::{arms_table_html, fact_html, facts_html, list_html};

/// Title, registry id, design, key facts, the arms, and (folded) eligibility and allocation.
#[component]
pub fn TrialHeader(
    overview: Overview,
    /// Citations of the published sources every reported value points to.
    sources: Vec<String>,
    #[prop(into)] reported_only: Signal<bool>,
) -> impl IntoView {
    let allocation_reported = overview.allocation_is_reported();
    let allocation_caption = overview.allocation_caption();
    let title = overview.title.text.clone();
    let chart_arms = overview.arms.clone();
    let overview = StoredValue::new(overview);
    // Each part of the header as text, for the current "reported only" setting.
    let part = move |write: fn(&Overview, bool) -> String| {
        move || overview.with_value(|o| write(o, reported_only.get()))
    };
    view! {
        <header class="trial-header">
            <p class="registry-id" inner_html=part(|o, r| fact_html("ClinicalTrials.gov ", &o.registry_id, r))></p>
            <h1 id="trial-title">{title}</h1>
            <p class="design" inner_html=part(|o, r| fact_html("", &o.design, r))></p>
            <dl class="facts" inner_html=part(|o, r| {
                facts_html(&[("Patients", &o.enrolled), ("Enrolment", &o.enrolment_period), ("Follow-up", &o.follow_up)], r)
            })></dl>
            <div class="glance">
                <table class="arms" id="arms-table" inner_html=part(|o, r| arms_table_html(&o.arms, r))></table>
                <details class="design-details" id="design-details">
                    <summary>"Eligibility, allocation and sources"</summary>
                    <h2 class="sub">"Eligibility"</h2>
                    <ul class="eligibility" id="eligibility" inner_html=part(|o, r| list_html(&o.eligibility, r))></ul>
                    <h2 class="sub">"Sources"</h2>
                    <ul class="eligibility">{sources.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                    {move || {
                        if reported_only.get() && !allocation_reported {
                            view! {
                                <p class="hidden-chart" id="allocation-hidden">
                                    "The allocation chart is hidden: the arm sizes are derived, not reported."
                                </p>
                            }
                            .into_any()
                        } else {
                            view! { <AllocationChart arms=chart_arms.clone() caption=allocation_caption.clone() /> }.into_any()
                        }
                    }}
                </details>
            </div>
        </header>
    }
}
