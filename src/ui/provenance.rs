//! How provenance looks on the page: reported values plain, derived marked "≈", and a
//! badge naming every other kind, with the explanation in a tooltip and the legend.

use leptos::prelude::*;

use crate::explore::Shown;

/// The text as displayed (`share::html::marked`: derived values are marked "≈").
fn marked(shown: &Shown) -> String {
    crate::share::html::marked(&shown.text, &shown.provenance)
}

/// One value with its provenance cue. In "reported only" mode unpublished values are withheld,
/// badge included.
#[component]
pub fn ShownValue(value: Shown, #[prop(into)] reported_only: Signal<bool>) -> impl IntoView {
    let kind = value.provenance.label();
    let explain = value.provenance.explain();
    let reported = value.provenance.is_reported();
    let text = marked(&value);
    let hidden_text = value.reported_only_text();
    let withheld = move || reported_only.get() && !reported;
    view! {
        <span class=format!("value value-{kind}") title=explain data-provenance=kind>
            {move || if withheld() { hidden_text.clone() } else { text.clone() }}
            {move || (!reported && !withheld()).then(|| badge(kind))}
        </span>
    }
}

/// A value of a view that is already filtered for "reported only": text, badge, and the
/// exact text and provenance in a tooltip. Focusable, so keyboard users reach the tooltip.
pub fn value_view(shown: &Shown) -> impl IntoView {
    let kind = shown.provenance.label();
    let title = format!("{} — {}", shown.text, shown.provenance.explain());
    view! {
        <span class=format!("value value-{kind}") title=title data-provenance=kind tabindex="0">
            {marked(shown)}
            {(!shown.provenance.is_reported()).then(|| badge(kind))}
        </span>
    }
}

fn badge(kind: &'static str) -> impl IntoView {
    view! { <span class=format!("badge badge-{kind}")>{kind}</span> }
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
            <dt><span class="legend-badge legend-reconstructed">"reconstructed"</span></dt>
            <dd>"reconstructed: pseudo-patient data chosen to satisfy every published number; not published"</dd>
            <dt><span class="legend-badge legend-illustrative">"illustrative"</span></dt>
            <dd>"illustrative: plausible but constrained by nothing published"</dd>
            <dt><span class="legend-badge legend-imported">"imported"</span></dt>
            <dd>"imported: from a reader's own file; the app cannot vouch for it"</dd>
        </dl>
    }
}
