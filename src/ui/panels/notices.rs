//! The view's notices: what was ignored, withheld or is not available, always visible,
//! written by `share::notices_html`.

use leptos::prelude::*;

use crate::share::{added_notices, notices_html};
use crate::ui::state::use_state;

#[component]
pub fn NoticesPanel() -> impl IntoView {
    let view = use_state().view;
    // The list is rewritten whole at each change, so a live region on it would read every
    // notice again: a hidden one says only those the change adds (`share::added_notices`).
    let said = RwSignal::new(String::new());
    Effect::new(move |before: Option<Vec<String>>| {
        let now: Vec<String> = view.with(|v| v.notices.iter().map(|n| n.text.clone()).collect());
        if let Some(before) = before {
            said.set(added_notices(&before, &now));
        }
        now
    });
    view! {
        <div id="notices">
            <ul class="notices" inner_html=move || view.with(|v| notices_html(&v.notices))></ul>
            <p class="visually-hidden" id="notices-said" aria-live="polite">{move || said.get()}</p>
        </div>
    }
}
