//! The view's notices: what was ignored, withheld or is not available, always visible,
//! written by `share::notices_html`.

use leptos::prelude::*;

use crate::share::notices_html;
use crate::ui::state::use_state;

#[component]
pub fn NoticesPanel() -> impl IntoView {
    let view = use_state().view;
    // A screen reader hears the notices a change brings, not the whole list again: the list is
    // written anew on each change, and a live region around it read every item each time.
    let said = RwSignal::new(String::new());
    Effect::new(move |before: Option<Vec<String>>| {
        let now: Vec<String> = view.with(|v| v.notices.iter().map(|n| n.text.clone()).collect());
        if let Some(before) = before {
            let added: Vec<&str> = now.iter().filter(|t| !before.contains(t)).map(String::as_str).collect();
            said.set(added.join(" "));
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
