//! The view's notices: what was ignored, withheld or is not available, always visible,
//! written by `share::notices_html`.

use leptos::prelude::*;

use crate::share::notices_html;
use crate::ui::state::use_state;

#[component]
pub fn NoticesPanel() -> impl IntoView {
    let view = use_state().view;
    view! {
        // The live region wraps the list: a role on the <ul> itself would take away its list
        // semantics and leave the items outside any list for assistive technology.
        <div id="notices" role="status" aria-live="polite">
            <ul class="notices" inner_html=move || view.with(|v| notices_html(&v.notices))></ul>
        </div>
    }
}
