//! The legend of how provenance looks on the page: reported values plain, derived marked "≈",
//! and a badge naming every other kind, with the explanation in a tooltip. The values
//! themselves are written by `share::html::push_value` and, in the header,
//! `share::header_html::push_fact`.

use leptos::prelude::*;

/// The legend that says what each provenance kind means.
#[component]
pub fn ProvenanceLegend() -> impl IntoView {
    view! {
        <dl class="provenance-legend" aria-label="What the value styles mean">
            <dt><span class="value value-reported">"plain"</span></dt>
            <dd>"reported: stated in the published abstract or registry record"</dd>
            <dt><span class="value value-derived">"≈ derived"</span></dt>
            <dd>"derived: computed from reported values by a stated rule (hover for the rule)"</dd>
            <dt><span class="legend-badge legend-reconstructed">"reconstructed"</span></dt>
            <dd>"reconstructed: pseudo-patient data chosen to satisfy every published number; not published"</dd>
            <dt><span class="legend-badge legend-illustrative">"illustrative"</span></dt>
            <dd>"illustrative: plausible but constrained by nothing published"</dd>
            <dt><span class="legend-badge legend-imported">"imported"</span></dt>
            <dd>"imported: from a reader's own file; the app cannot vouch for it"</dd>
        </dl>
    }
}
