//! The claims panel: each published result recomputed from the loaded patient data, with
//! the verdict and the published and recomputed numbers side by side.

use leptos::prelude::*;

use crate::claims::{Claim, ClaimCheck, Outcome};
use crate::ui::state::use_state;

/// A short heading per claim: two claims share one published sentence, so the sentence
/// alone does not tell them apart.
fn title(claim: Claim) -> &'static str {
    match claim {
        Claim::Cd4RiseHigh => "CD4 count rises by week 48: high dose",
        Claim::Cd4RiseLow => "CD4 count rises by week 48: low dose",
        Claim::Cd4NoChangeControl => "No CD4 change: placebo",
        Claim::ResponseLowVsControl => "Response: low dose vs placebo",
        Claim::NoDifferenceAmongArms => "No CD4, CD8 or ratio differences among the arms",
    }
}

fn verdict(outcome: &Outcome) -> (&'static str, String) {
    match outcome {
        Outcome::Reproduced => ("reproduced", "Reproduced".to_string()),
        Outcome::NotReproduced => ("not-reproduced", "Not reproduced".to_string()),
        Outcome::NotCheckable { why } => ("not-checkable", format!("Not checkable: {why}")),
    }
}

fn claim_view(check: ClaimCheck, reported_only: Signal<bool>) -> impl IntoView {
    let (class, text) = verdict(&check.outcome);
    view! {
        <article class="claim" data-claim=check.claim.id() data-outcome=class>
            <h3>{title(check.claim)}</h3>
            <p class="claim-source">"Published: " <q>{check.published}</q></p>
            <p class=format!("verdict verdict-{class}")>
                {move || if reported_only.get() { "Verdict hidden: it rests on unpublished data".to_string() } else { text.clone() }}
            </p>
            <table class="data figures">
                <thead><tr><th scope="col">"Figure"</th><th scope="col">"Published"</th><th scope="col">"Recomputed"</th></tr></thead>
                <tbody>
                    {check
                        .figures
                        .into_iter()
                        .map(|f| {
                            // Each recomputed number carries the provenance of the data it
                            // comes from.
                            let kind = f.provenance.label();
                            let tooltip = f.provenance.explain();
                            let recomputed = f.recomputed.clone();
                            view! {
                                <tr>
                                    <th scope="row">{f.what}</th>
                                    <td>{f.published}</td>
                                    <td>
                                        {move || {
                                            if reported_only.get() {
                                                view! { <span class="missing">"hidden (not published)"</span> }.into_any()
                                            } else {
                                                view! {
                                                    <span class=format!("value value-{kind}") tabindex="0"
                                                        title=format!("{recomputed} — {tooltip}") data-provenance=kind>
                                                        {recomputed.clone()}
                                                        <span class=format!("badge badge-{kind}")>{kind}</span>
                                                    </span>
                                                }
                                                .into_any()
                                            }
                                        }}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </article>
    }
}

#[component]
pub fn ClaimsPanel() -> impl IntoView {
    let state = use_state();
    let reported_only = state.reported_only();
    view! {
        <section class="panel claims" id="claims" aria-labelledby="claims-heading">
            <h2 id="claims-heading">"Published claims, recomputed"</h2>
            <div class="claim-list">
                {move || state.claims.get().into_iter().map(|c| claim_view(c, reported_only)).collect_view()}
            </div>
        </section>
    }
}
