//! The legend of how provenance looks on the page: reported values plain, derived marked "≈",
//! and a badge naming every other kind, with the explanation in a tooltip. The values
//! themselves are written by `share::html::push_value` and, in the header,
//! `share::header_html::push_fact`. A tooltip shows only to a mouse, so [`ValueSource`] shows
//! the same explanation while a value has the focus: tapped on a phone, or reached with Tab.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The explanation of the focused value (its `title`: the exact text and where it comes
/// from), in a bar at the foot of the screen, empty and hidden while no value has the focus.
/// Screen readers hear the same words as the value's description, so the bar is hidden from
/// them.
#[component]
pub fn ValueSource() -> impl IntoView {
    let source = RwSignal::new(String::new());
    let show = move |value: Option<web_sys::Element>| {
        source.set(value.as_ref().and_then(|e| e.get_attribute("title")).unwrap_or_default());
        if let Some(value) = value {
            request_animation_frame(move || keep_above_the_bar(&value));
        }
    };
    let focused = window_event_listener(leptos::ev::focusin, move |ev| show(value_at(ev.target())));
    // A value tapped again, or Enter on it, after Escape: it kept its focus, so no focus event
    // brings the bar back.
    let again = move |target: Option<web_sys::EventTarget>| {
        if let Some(value) = value_at(target) {
            show(Some(value));
        }
    };
    let tapped = window_event_listener(leptos::ev::click, move |ev| again(ev.target()));
    let left = window_event_listener(leptos::ev::focusout, move |_| source.set(String::new()));
    // Escape puts the bar away, as it does a tooltip, the value keeping the focus.
    let escaped = window_event_listener(leptos::ev::keydown, move |ev| match ev.key().as_str() {
        "Escape" => source.set(String::new()),
        "Enter" => again(ev.target()),
        _ => {}
    });
    on_cleanup(move || {
        focused.remove();
        tapped.remove();
        left.remove();
        escaped.remove();
    });
    view! { <p class="value-source" id="value-source" aria-hidden="true">{move || source.get()}</p> }
}

/// The focusable value `target` is in, if any.
fn value_at(target: Option<web_sys::EventTarget>) -> Option<web_sys::Element> {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest(".value[tabindex]").ok().flatten())
}

/// Scrolls the page so that `value` is not under the bar that explains it.
fn keep_above_the_bar(value: &web_sys::Element) {
    let Some(bar) = document().get_element_by_id("value-source") else { return };
    let under = value.get_bounding_client_rect().bottom() - bar.get_bounding_client_rect().top();
    if under > 0.0 {
        window().scroll_by_with_x_and_y(0.0, under + 8.0);
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
            <dd>"derived: computed from reported values by a stated rule (hover or tap for the rule)"</dd>
            <dt><span class="legend-badge legend-reconstructed">"reconstructed"</span></dt>
            <dd>"reconstructed: pseudo-patient data chosen to satisfy every published number; not published"</dd>
            <dt><span class="legend-badge legend-illustrative">"illustrative"</span></dt>
            <dd>"illustrative: plausible but constrained by nothing published"</dd>
            <dt><span class="legend-badge legend-imported">"imported"</span></dt>
            <dd>"imported: from a reader's own file; the app cannot vouch for it"</dd>
        </dl>
    }
}
