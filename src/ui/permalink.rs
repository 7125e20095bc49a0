//! The page state lives in the URL: read once at start (`share::from_query`, which never fails
//! and names what it ignored), written back with `history.replaceState` after every change, so
//! the address bar is a permalink to exactly this view.
//!
//! The write waits up to [`URL_DELAY`] and takes the latest state: `replaceState` costs
//! several milliseconds in Chromium (a same-document navigation), which a toggle should not
//! wait for, and browsers ignore it when a page calls it hundreds of times in a few seconds,
//! as a reader clicking through arms can. "Copy link" and the citation build the link from the
//! state itself, so they never wait for the address bar.

use std::cell::RefCell;
use std::time::Duration;

use leptos::prelude::*;

use crate::share::{from_query, items_html, link_leaves_behind, names_view, to_query, PageState};
use crate::teach::steps;
use crate::ui::clipboard::{write_text, written};
use crate::ui::focus::focus_first_soon;
use crate::ui::panels::go_to_step;
use crate::ui::state::{use_state, ExplorerState};

/// Apply the link the page was opened with, then keep the URL in step with the state.
pub fn sync_with_url() {
    let state = use_state();
    let search = window().location().search().unwrap_or_default();
    let (page, notices) = state.bundle.with_untracked(|b| from_query(&search, b, steps().len() as u32));
    state.link_notices.set(notices.into_iter().map(|n| n.text).collect());
    state.presentation.set(page.presentation);
    let sets_view = state.bundle.with_untracked(|b| names_view(&search, b));
    match page.walkthrough_step.filter(|_| !sets_view) {
        // A step named alone opens with the step's own view. The reader came with the link,
        // so there is no earlier view of theirs to give back when the walkthrough closes.
        Some(step) => {
            go_to_step(state, Some(step));
            state.view_before_walkthrough.set_value(None);
        }
        None => {
            let wants_range = page.selection.show_ensemble;
            state.selection.set(page.selection);
            state.walkthrough.set(page.walkthrough_step);
            if wants_range {
                state.show_ensemble(true);
            }
        }
    }
    Effect::new(move |_| {
        if set_pending(current_query(&state)) {
            set_timeout(write_url, URL_DELAY);
        }
    });
    // Leaving the page for another writes the latest state into its history entry, so Back
    // returns to it (a reload within the delay keeps the address as it was). Dropping the
    // handle keeps the listener for the page's life.
    let _ = window_event_listener_untyped("pagehide", |_| write_url());
}

/// How long the address bar may lag behind the view (the end-to-end tests' `Page::search`
/// waits a little longer).
const URL_DELAY: Duration = Duration::from_millis(200);

thread_local! {
    /// The query the address bar should show, until it is written.
    static PENDING_QUERY: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Make `query` the one to write; true when nothing was waiting to be written.
fn set_pending(query: String) -> bool {
    PENDING_QUERY.with(|pending| pending.replace(Some(query)).is_none())
}

/// The link to the page as it is now, whatever the address bar says yet.
pub fn current_link(state: &ExplorerState) -> String {
    // The page's address without its query or fragment: from a static server or a file alike.
    let href = window().location().href().unwrap_or_default();
    let page = href.split(['?', '#']).next().unwrap_or_default();
    format!("{page}{}", current_query(state))
}

/// The query for the page as it is now.
fn current_query(state: &ExplorerState) -> String {
    to_query(&PageState {
        selection: state.selection.get(),
        walkthrough_step: state.walkthrough.get(),
        presentation: state.presentation.get(),
    })
}

/// Put the latest state in the address bar now, if it is not there yet.
fn write_url() {
    if let Some(query) = PENDING_QUERY.with(RefCell::take) {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&query));
        }
    }
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
                    <ul inner_html=items_html(&notices)></ul>
                    <button type="button" id="dismiss-link-notices" on:click=move |_| {
                        state.link_notices.set(Vec::new());
                        // The button goes with the notice: the focus to the next control, not the page.
                        focus_first_soon(&["walkthrough-start", "present-toggle"]);
                    }>
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
    let state = use_state();
    let copied = RwSignal::new(None::<(String, &'static str, String)>);
    let copy = move |_| {
        // The state as it is now: a click just before may not have reached the address bar.
        let href = current_link(&state);
        let left_behind = state.bundle.with_untracked(link_leaves_behind);
        // Emptied first, so a second copy is announced again by the live region.
        copied.set(None);
        set_pending(current_query(&state));
        write_url();
        let asked = write_text(&href);
        leptos::task::spawn_local(async move {
            let said = match written(asked).await {
                true => "Copied: ",
                false => "The browser did not allow copying; copy this link: ",
            };
            copied.set(Some((href, said, left_behind)));
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" id="copy-link" on:click=copy>"Copy link to this view"</button>
            // A live region in the page from the start: what the copy did is announced.
            <div class="copied-link" role="status">
                {move || copied.get().map(|(href, said, left_behind)| view! {
                    <label class="copied">{said} <input type="text" readonly id="permalink" prop:value=href /></label>
                    <p class="copy-note" id="permalink-note">{left_behind}</p>
                })}
            </div>
        </div>
    }
}
