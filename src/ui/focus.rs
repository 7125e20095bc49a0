//! Moving the keyboard focus where a pressed button is replaced or disabled, so that a keyboard
//! user is not sent back to the top of the page.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Puts the keyboard focus on the element `id` once the page has been drawn again (the button
/// that takes over from the one pressed).
pub fn focus_soon(id: &'static str) {
    request_animation_frame(move || {
        if let Some(button) =
            document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = button.focus();
        }
    });
}

/// Whether the element `id` has the keyboard focus now.
pub fn has_focus(id: &str) -> bool {
    document().active_element().is_some_and(|e| e.id() == id)
}
