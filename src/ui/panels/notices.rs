//! The view's notices: what was ignored, withheld or is not available, always visible.

use leptos::prelude::*;

use crate::explore::NoticeKind;
use crate::ui::state::use_state;

fn kind_class(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::Ignored => "notice notice-ignored",
        NoticeKind::NotAvailable => "notice notice-not-available",
        NoticeKind::Hidden => "notice notice-hidden",
        NoticeKind::Note => "notice notice-note",
    }
}

#[component]
pub fn NoticesPanel() -> impl IntoView {
    let view = use_state().view;
    view! {
        // The live region wraps the list: a role on the <ul> itself would take away its list
        // semantics and leave the items outside any list for assistive technology.
        <div id="notices" role="status" aria-live="polite">
        <ul class="notices">
            {move || {
                view.with(|v| v.notices.clone())
                    .into_iter()
                    .map(|n| view! { <li class=kind_class(n.kind)>{n.text}</li> })
                    .collect_view()
            }}
        </ul>
        </div>
    }
}
