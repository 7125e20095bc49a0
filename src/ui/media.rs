//! Media queries followed as signals: the system's colour scheme for the theme, and a phone's
//! width for the chart's drawing size.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A phone held upright, where the chart is drawn at `chart::PHONE_SIZE`: its column is then
/// at most about 410 px wide, where the desktop drawing's type would shrink below 7 px. (Wider
/// screens keep the desktop drawing: stretched to a 570 px column the phone's drawing would be
/// over 800 px tall.)
pub const PHONE_SCREEN: &str = "(max-width: 480px)";

/// Set `signal` to whether `query` matches, now and whenever that changes.
pub fn follow_media(query: &str, signal: RwSignal<bool>) {
    let Ok(Some(list)) = window().match_media(query) else { return };
    signal.set(list.matches());
    let changed =
        Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(move |ev: web_sys::MediaQueryListEvent| {
            signal.set(ev.matches());
        });
    let _ = list.add_event_listener_with_callback("change", changed.as_ref().unchecked_ref());
    // The page lives as long as the listener; there is nothing to remove it for.
    changed.forget();
}
