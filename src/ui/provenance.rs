//! How provenance looks on the page: reported values plain, derived marked "≈", and a
//! badge naming every other kind, with the explanation in a tooltip and the legend.

use leptos::prelude::*;

use crate::explore::Shown;

/// One value with its provenance cue. In "reported only" mode unpublished values are withheld.
#[component]
pub fn ShownValue(value: Shown, #[prop(into)] reported_only: Signal<bool>) -> impl IntoView {
    let kind = value.provenance.label();
    let explain = value.provenance.explain();
    let reported = value.provenance.is_reported();
    let text = value.text.clone();
    let hidden_text = value.reported_only_text();
    view! {
        <span class=format!("value value-{kind}") title=explain.clone() data-provenance=kind>
            {move || {
                if reported_only.get() && !reported {
                    hidden_text.clone()
                } else if kind == "derived" {
                    format!("≈ {text}")
                } else {
                    text.clone()
                }
            }}
            {(!reported).then(|| view! { <span class=format!("badge badge-{kind}")>{kind}</span> })}
        </span>
    }
}

/// The legend that says what each provenance kind means.
#[component]
pub fn ProvenanceLegend() -> impl IntoView {
    view! {
        <dl class="provenance-legend" aria-label="What the value styles mean">
            <dt><span class="value value-reported">"plain"</span></dt>
            <dd>"reported: stated in the published abstract or registry record"</dd>
            <dt><span class="value value-derived">"≈ derived"</span></dt>
            <dd>"derived: computed from reported values by a stated rule (hover for the rule)"</dd>
            <dt><span class="badge badge-reconstructed">"reconstructed"</span></dt>
            <dd>"reconstructed: pseudo-patient data chosen to satisfy every published number; not published"</dd>
            <dt><span class="badge badge-illustrative">"illustrative"</span></dt>
            <dd>"illustrative: plausible but constrained by nothing published"</dd>
        </dl>
    }
}
