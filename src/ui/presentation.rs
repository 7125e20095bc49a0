//! Presentation mode for a lecture hall: full screen, large type, controls tucked away, and
//! driven from the keyboard — → / ← walkthrough steps, 1–6 endpoints, h / l / p arms,
//! c confidence level, r reported only, Esc to leave.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;

use crate::explore::selection::{CiLevel, EndpointChoice};
use crate::teach::steps;
use crate::ui::focus::focus_soon;
use crate::ui::panels::go_to_step;
use crate::ui::state::{use_state, ExplorerState};

#[wasm_bindgen]
extern "C" {
    /// An element seen with `requestFullscreen()` returning its promise, so a refusal is
    /// handled rather than left as an unhandled rejection (web-sys drops the promise).
    #[wasm_bindgen(extends = web_sys::Element)]
    type FullscreenTarget;
    #[wasm_bindgen(method, js_name = requestFullscreen)]
    fn request_fullscreen_promise(this: &FullscreenTarget) -> js_sys::Promise;
}

/// The keys, for the on-screen help and the README.
pub const KEYS: &str =
    "→ / ← steps · 1–6 endpoints · h l p arms · c confidence level · r reported only · Esc leave";

/// Keep `<body>`'s class in step with the mode and listen for the keys while presenting.
pub fn install() {
    let state = use_state();
    // Where the reader was on the page before presenting: leaving gives it back. The page is
    // laid out anew either way, and without this the reader would land wherever the
    // presentation's scroll left them, the focused button (the one that leaves) out of sight.
    let scrolled_before = StoredValue::new(0.0);
    Effect::new(move |was: Option<bool>| {
        let presenting = state.presentation.get();
        if presenting && was != Some(true) {
            scrolled_before.set_value(window().scroll_y().unwrap_or(0.0));
        }
        if let Some(body) = document().body() {
            let _ = if presenting {
                body.class_list().add_1("presenting")
            } else {
                body.class_list().remove_1("presenting")
            };
        }
        if !presenting && document().fullscreen_element().is_some() {
            document().exit_fullscreen();
        }
        if !presenting && was == Some(true) {
            // After the frame: leaving full screen and the page's own layout come first.
            request_animation_frame(move || {
                window().scroll_to_with_x_and_y(0.0, scrolled_before.get_value())
            });
        }
        presenting
    });
    let handle = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if !state.presentation.get_untracked()
            || typing(&ev)
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.alt_key()
        {
            return;
        }
        if apply_key(state, &ev.key()) {
            ev.prevent_default();
            // A key redraws the view: a focused value in it is replaced, and the focus would
            // fall back to the page. It goes to the button that leaves presentation instead.
            request_animation_frame(|| {
                let lost = document().active_element().is_none_or(|e| e.tag_name() == "BODY");
                if lost {
                    focus_soon("present-toggle");
                }
            });
        }
    });
    on_cleanup(move || handle.remove());
}

/// Whether the key goes to a text field or a select, which keep their own keys.
fn typing(ev: &KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"))
}

/// Act on one key; `false` when the key means nothing here.
fn apply_key(state: ExplorerState, key: &str) -> bool {
    match key {
        "ArrowRight" | "ArrowLeft" => {
            let step = state.walkthrough.get_untracked().unwrap_or(0);
            // Past the last step → stays there: a lecturer's extra press must not close the
            // walkthrough (Esc and the Close button do).
            let last = steps().len() as u32;
            let next = if key == "ArrowRight" { (step + 1).min(last) } else { step.saturating_sub(1).max(1) };
            go_to_step(state, Some(next));
        }
        "1" | "2" | "3" | "4" | "5" | "6" => {
            let index = key.parse::<usize>().unwrap_or(1) - 1;
            state.choose_endpoint(EndpointChoice::ALL[index]);
            say(&state.view.with_untracked(|v| v.title.clone()));
        }
        "h" | "l" | "p" => {
            let arm = match key {
                "h" => "high",
                "l" => "low",
                _ => "placebo",
            };
            state.choose(|s| {
                if !s.arms.remove(arm) {
                    s.arms.insert(arm.to_string());
                }
            });
            let shown = state.selection.with_untracked(|s| s.arms.contains(arm));
            let label =
                state.bundle.with_untracked(|b| b.arms.iter().find(|a| a.id == arm).map(|a| a.label.clone()));
            say(&format!("{} {}", label.unwrap_or_default(), if shown { "shown" } else { "hidden" }));
        }
        "c" => {
            state.choose(|s| {
                let at = CiLevel::ALL.iter().position(|l| *l == s.ci_level).unwrap_or(0);
                s.ci_level = CiLevel::ALL[(at + 1) % CiLevel::ALL.len()];
            });
            say(&format!("{} confidence level", state.selection.with_untracked(|s| s.ci_level.label())));
        }
        "r" => {
            state.choose(|s| s.reported_only = !s.reported_only);
            let on = state.selection.with_untracked(|s| s.reported_only);
            say(if on { "Reported only: on" } else { "Reported only: off" });
        }
        "Escape" => state.presentation.set(false),
        _ => return false,
    }
    true
}

/// Says what a key changed: the lecturer's room sees the view change, a screen reader hears
/// it (the walkthrough's steps are said by the walkthrough's own region).
fn say(text: &str) {
    if let Some(region) = document().get_element_by_id("present-said") {
        region.set_text_content(Some(text));
    }
}

/// The button that enters the mode (full screen where the browser allows it).
#[component]
pub fn PresentButton() -> impl IntoView {
    let state = use_state();
    let enter = move |_| {
        state.presentation.set(true);
        if let Some(root) = document().document_element() {
            // Full screen needs the click's user activation; a refusal just leaves the window size.
            let asked = root.unchecked_ref::<FullscreenTarget>().request_fullscreen_promise();
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(asked).await;
            });
        }
    };
    // One button that changes its words, not two that replace each other: the keyboard focus
    // stays on it as the mode goes on and off.
    let toggle =
        move |ev| if state.presentation.get_untracked() { state.presentation.set(false) } else { enter(ev) };
    view! {
        <div class="present">
            <button type="button" id="present-toggle" on:click=toggle>
                {move || if state.presentation.get() { "Leave presentation (Esc)" } else { "Presentation mode" }}
            </button>
            {move || state.presentation.get().then(|| view! { <p class="present-keys" id="present-keys">{KEYS}</p> })}
            <p class="visually-hidden" id="present-said" aria-live="polite"></p>
        </div>
    }
}
