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

/// Puts the keyboard focus, once the page has been drawn again, on the first of `ids` that can
/// take it (one hidden in the present layout cannot): for a button that removes itself.
pub fn focus_first_soon(ids: &'static [&'static str]) {
    request_animation_frame(move || {
        for id in ids {
            if let Some(element) =
                document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
            }
            if has_focus(id) {
                return;
            }
        }
    });
}

/// Whether the element `id` has the keyboard focus now.
pub fn has_focus(id: &str) -> bool {
    document().active_element().is_some_and(|e| e.id() == id)
}
