//! Text to the clipboard. `navigator.clipboard` exists only in a secure context (https, or the
//! reader's own machine); from a plain-http server elsewhere it is undefined, and calling it
//! would throw out of the click with nothing said, so its absence is a refusal like any other.

use leptos::prelude::window;
use wasm_bindgen_futures::JsFuture;

/// Ask the browser to put `text` on the clipboard, in the click that asks for it (a browser
/// allows it only then); `None` where there is no clipboard to write to.
pub fn write_text(text: &str) -> Option<JsFuture> {
    let navigator = window().navigator();
    let present = js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    present.then(|| JsFuture::from(navigator.clipboard().write_text(text)))
}

/// Whether the browser put the text on the clipboard.
pub async fn written(asked: Option<JsFuture>) -> bool {
    match asked {
        Some(promise) => promise.await.is_ok(),
        None => false,
    }
}
