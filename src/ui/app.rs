//! The page: loads the embedded bundle once and lays out the panels.

use leptos::prelude::*;

use super::allocation_chart::AllocationChart;
use super::overview::{ArmsTable, TrialHeader};
use super::provenance::ProvenanceLegend;
use crate::explore::{overview, Overview};
use crate::trial::default_bundle;

/// Root component. A bundle that fails validation is shown as a message, never a blank page.
#[component]
pub fn App() -> impl IntoView {
    match default_bundle() {
        Ok(bundle) => view! { <Explorer overview=overview(&bundle) sources=bundle.sources.iter().map(|s| s.citation.clone()).collect() /> }.into_any(),
        Err(error) => view! {
            <main class="load-error" role="alert">
                <h1>"The trial data could not be loaded"</h1>
                <p>{error.to_string()}</p>
            </main>
        }
        .into_any(),
    }
}

#[component]
fn Explorer(overview: Overview, sources: Vec<String>) -> impl IntoView {
    let (reported_only, set_reported_only) = signal(false);
    let allocation_reported = overview.allocation_is_reported();
    let arms = overview.arms.clone();
    view! {
        <TrialHeader overview=overview.clone() reported_only=reported_only />
        <main>
            <section class="controls" aria-label="View options">
                <label class="switch">
                    <input type="checkbox" id="reported-only"
                        prop:checked=reported_only
                        on:change=move |ev| set_reported_only.set(event_target_checked(&ev)) />
                    "Reported only"
                </label>
            </section>
            <section class="panel" aria-labelledby="arms-heading">
                <h2 id="arms-heading">"Design"</h2>
                <ArmsTable arms=arms.clone() reported_only=reported_only />
                {move || {
                    if reported_only.get() && !allocation_reported {
                        view! {
                            <p class="hidden-chart" id="allocation-hidden">
                                "The allocation chart is hidden: the arm sizes are derived, not reported."
                            </p>
                        }
                        .into_any()
                    } else {
                        view! { <AllocationChart arms=arms.clone() /> }.into_any()
                    }
                }}
            </section>
        </main>
        <footer class="provenance">
            <ProvenanceLegend />
            <h2>"Sources"</h2>
            <ul class="sources">{sources.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
        </footer>
    }
}
