//! A panic must never leave a dead page: the hook writes a visible message instead.

use wasm_bindgen::JsCast;

/// Element id of the message, so end-to-end tests can assert it is absent on a normal load.
pub const PANIC_MESSAGE_ID: &str = "panic-message";

/// Replace the default hook: log to the console and show the message on the page.
///
/// The shipped build (`scripts/release_env.sh`) aborts on a panic without running any hook,
/// so there it installs nothing and `assets/start_check.js` shows the alert for the trap.
pub fn install_hook() {
    if cfg!(panic = "immediate-abort") {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        let details = info.to_string();
        web_sys::console::error_1(&details.clone().into());
        show_panic_message(&details);
    }));
}

/// Put an alert at the top of the page saying the app stopped and what to do.
pub fn show_panic_message(details: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    let Ok(element) = document.create_element("div") else {
        return;
    };
    element.set_id(PANIC_MESSAGE_ID);
    let _ = element.set_attribute("role", "alert");
    element.set_text_content(Some(&format!(
        "The explorer stopped because of an internal error; reload the page to start again. Details: {details}"
    )));
    if let Ok(html) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = body.prepend_with_node_1(&html);
    }
}
