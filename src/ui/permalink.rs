//! The page state lives in the URL: read once at start (`share::from_query`, which never fails
//! and names what it ignored), written back with `history.replaceState` on every change, so
//! the address bar is always a permalink to exactly this view.

use leptos::prelude::*;

use crate::share::{from_query, to_query, PageState};
use crate::teach::steps;
use crate::ui::state::use_state;

/// Apply the link the page was opened with, then keep the URL in step with the state.
pub fn sync_with_url() {
    let state = use_state();
    let search = window().location().search().unwrap_or_default();
    let (page, notices) = state.bundle.with_untracked(|b| from_query(&search, b, steps().len() as u32));
    state.link_notices.set(notices.into_iter().map(|n| n.text).collect());
    let wants_range = page.selection.show_ensemble;
    state.selection.set(page.selection);
    state.walkthrough.set(page.walkthrough_step);
    state.presentation.set(page.presentation);
    if wants_range {
        state.show_ensemble(true);
    }
    Effect::new(move |_| {
        let page = PageState {
            selection: state.selection.get(),
            walkthrough_step: state.walkthrough.get(),
            presentation: state.presentation.get(),
        };
        let query = to_query(&page);
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&query));
        }
    });
}

/// What the link asked for but could not be used: a visible, dismissible notice.
#[component]
pub fn LinkNotices() -> impl IntoView {
    let state = use_state();
    move || {
        let notices = state.link_notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <aside class="link-notices" id="link-notices" role="alert">
                    <p>"Parts of the link were ignored; the defaults stand in for them:"</p>
                    <ul>{notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                    <button type="button" id="dismiss-link-notices" on:click=move |_| state.link_notices.set(Vec::new())>
                        "Dismiss"
                    </button>
                </aside>
            }
        })
    }
}

/// "Copy link": the current URL to the clipboard, and shown for copying by hand when the
/// browser refuses clipboard access.
#[component]
pub fn CopyLink() -> impl IntoView {
    let copied = RwSignal::new(None::<(String, &'static str)>);
    let copy = move |_| {
        let href = window().location().href().unwrap_or_default();
        let promise = window().navigator().clipboard().write_text(&href);
        leptos::task::spawn_local(async move {
            let said = match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => "Copied: ",
                Err(_) => "The browser did not allow copying; copy this link: ",
            };
            copied.set(Some((href, said)));
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" id="copy-link" on:click=copy>"Copy link to this view"</button>
            {move || copied.get().map(|(href, said)| view! {
                <label class="copied">{said} <input type="text" readonly id="permalink" prop:value=href /></label>
            })}
        </div>
    }
}
