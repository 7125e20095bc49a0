//! The guided walkthrough: each step sets the view and shows a caption made by
//! `teach::caption` from the bundle's facts and the numbers the view recomputed.

use leptos::prelude::*;

use crate::explore::set_aside_dataset;
use crate::share::numbers_html;
use crate::teach::{caption, steps, view_after_walkthrough, Step};
use crate::ui::focus::focus_soon;
use crate::ui::state::{use_state, ExplorerState};

/// Open step `step` (from 1) and set its view, or close the walkthrough with `None`. Opening
/// keeps the reader's view, and closing gives it back unless the reader changed the step's.
pub fn go_to_step(state: ExplorerState, step: Option<u32>) {
    let all = steps();
    let step = step.filter(|n| (1..=all.len() as u32).contains(n));
    let open = state.walkthrough.get_untracked();
    state.walkthrough.set(step);
    let Some(n) = step else {
        let before = state.view_before_walkthrough.try_update_value(Option::take).flatten();
        let shown = open.and_then(|n| all.get((n - 1) as usize));
        let back = shown.and_then(|s| {
            state.selection.with_untracked(|now| view_after_walkthrough(before, &s.selection, now))
        });
        if let Some(back) = back {
            state.selection.set(back);
        }
        return;
    };
    if open.is_none() {
        state.view_before_walkthrough.set_value(Some(state.selection.get_untracked()));
    }
    let selection = all[(n - 1) as usize].selection.clone();
    let range = selection.show_ensemble;
    // The step shows its view with the latest data; the reader's pick waits for its endpoint.
    let aside = state.datasets_set_aside;
    state.selection.update_untracked(|s| aside.update_value(|a| set_aside_dataset(s, a)));
    state.selection.set(selection);
    if range {
        state.show_ensemble(true);
    }
}

#[component]
pub fn WalkthroughPanel() -> impl IntoView {
    let state = use_state();
    let all: StoredValue<Vec<Step>> = StoredValue::new(steps());
    let count = all.with_value(Vec::len) as u32;
    // What a screen reader hears of a step: its place, title and caption, said by a region that
    // stays in the page, once for each step (and again only if its caption changes). The step's
    // panel is drawn anew for each step, its buttons with it, and as a live region it read
    // them out each time.
    let said = Memo::new(move |_| {
        state.walkthrough.get().map_or(String::new(), |n| {
            let index = (n - 1) as usize;
            let text = state.bundle.with(|b| state.view.with(|v| caption(index, b, v).text));
            format!("Step {n} of {count}: {}. {text}", all.with_value(|s| s[index].title))
        })
    });
    let panel = move || match state.walkthrough.get() {
        None => view! {
            <button type="button" class="walkthrough-start" id="walkthrough-start"
                on:click=move |_| {
                    go_to_step(state, Some(1));
                    focus_soon("walkthrough-next");
                }>
                "Guided walkthrough (" {count} " steps)"
            </button>
        }
        .into_any(),
        Some(n) => {
            let index = (n - 1) as usize;
            let title = all.with_value(|s| s[index].title);
            let said = state.bundle.with(|b| state.view.with(|v| caption(index, b, v)));
            view! {
                // Escape closes the walkthrough from anywhere inside it; in presentation mode
                // it leaves the presentation instead (`ui::presentation`), walkthrough kept.
                <section class="panel walkthrough" id="walkthrough" aria-labelledby="walkthrough-title"
                    on:keydown=move |ev| if ev.key() == "Escape" && !state.presentation.get_untracked() {
                        go_to_step(state, None);
                        focus_soon("walkthrough-start");
                    }>
                    <p class="step-count">"Step " {n} " of " {count}</p>
                    <h2 id="walkthrough-title">{title}</h2>
                    <p id="walkthrough-caption">{said.text}</p>
                    {(!said.numbers.is_empty()).then(|| view! { <div inner_html=numbers_html(&said.numbers)></div> })}
                    <div class="walkthrough-nav">
                        <button type="button" id="walkthrough-prev" disabled=n == 1
                            on:click=move |_| {
                                go_to_step(state, Some(n - 1));
                                if n == 2 {
                                    focus_soon("walkthrough-next");
                                }
                            }>"← Previous"</button>
                        <button type="button" id="walkthrough-next" disabled=n == count
                            on:click=move |_| {
                                go_to_step(state, Some(n + 1));
                                if n + 1 == count {
                                    focus_soon("walkthrough-prev");
                                }
                            }>"Next →"</button>
                        <button type="button" id="walkthrough-again" on:click=move |_| go_to_step(state, Some(n))>"Show this step"</button>
                        <button type="button" id="walkthrough-close" on:click=move |_| {
                            go_to_step(state, None);
                            // Presentation hides Start; its own button stays in view there.
                            focus_soon(if state.presentation.get_untracked() { "present-toggle" } else { "walkthrough-start" });
                        }>"Close"</button>
                    </div>
                </section>
            }
            .into_any()
        }
    };
    view! {
        {panel}
        <p class="visually-hidden" id="walkthrough-said" aria-live="polite">{move || said.get()}</p>
    }
}
