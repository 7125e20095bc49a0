//! The page: loads the embedded bundle and its reconstruction once, then lays out the header,
//! the control bar, the chart, the statistics and claims panels and the provenance footnote.

use leptos::prelude::*;

use super::controls::ControlBar;
use super::media::{follow_media, PHONE_SCREEN};
use super::overview::TrialHeader;
use super::panels::{
    ClaimsPanel, ExportPanel, ImportPanel, MainChart, SimulationPanel, StatisticsPanel, WalkthroughPanel,
};
use super::permalink::{sync_with_url, CopyLink, LinkNotices};
use super::presentation::{self, PresentButton};
use super::provenance::{ProvenanceLegend, ValueSource};
use super::state::ExplorerState;
use super::theme::{self, ThemeSwitch};
use crate::explore::overview;
use crate::reconstruct::{reconstruct, DEFAULT_SEED};
use crate::trial::{default_bundle, Bundle};

/// The bundle the explorer analyses: the published facts plus the default reconstruction.
fn load() -> Result<Bundle, String> {
    let published = default_bundle().map_err(|e| format!("The trial data could not be read: {e}"))?;
    reconstruct(&published, DEFAULT_SEED)
        .map_err(|e| format!("The pseudo-patient data could not be reconstructed: {e}"))
}

/// Root component. A bundle that fails to load is shown as a message, never a blank page.
#[component]
pub fn App() -> impl IntoView {
    match load() {
        Ok(bundle) => view! { <Explorer bundle=bundle /> }.into_any(),
        Err(error) => view! {
            <main class="load-error" role="alert">
                <h1>"The trial data could not be loaded"</h1>
                <p>{error}</p>
            </main>
        }
        .into_any(),
    }
}

#[component]
fn Explorer(bundle: Bundle) -> impl IntoView {
    let sources: Vec<String> = bundle.sources.iter().map(|s| s.citation.clone()).collect();
    let at_a_glance = overview(&bundle);
    let state = ExplorerState::new(bundle);
    provide_context(state);
    sync_with_url();
    presentation::install();
    theme::install();
    follow_media(PHONE_SCREEN, state.phone_screen);
    view! {
        <TrialHeader overview=at_a_glance sources=sources.clone() reported_only=state.reported_only() />
        <main>
            <LinkNotices />
            <div class="teach-bar">
                <WalkthroughPanel />
                <CopyLink />
                <PresentButton />
                <ThemeSwitch />
            </div>
            <ControlBar />
            <div class="workspace">
                <section class="panel chart-panel" id="view" aria-labelledby="view-title">
                    <MainChart />
                </section>
                <StatisticsPanel />
            </div>
            <ClaimsPanel />
            <SimulationPanel />
            <ImportPanel />
            <ExportPanel />
        </main>
        <footer class="provenance">
            <h2>"How to read the values"</h2>
            <ProvenanceLegend />
            <h2>"Sources"</h2>
            <ul class="sources">{sources.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
        </footer>
        <ValueSource />
    }
}
