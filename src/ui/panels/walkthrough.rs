//! The guided walkthrough: each step sets the view and shows a caption made by
//! `teach::caption` from the bundle's facts and the numbers the view recomputed.

use leptos::prelude::*;

use crate::explore::set_aside_dataset;
use crate::share::numbers_html;
use crate::teach::{caption, steps, Step};
use crate::ui::state::{use_state, ExplorerState};

/// Open step `step` (from 1) and set its view, or close the walkthrough with `None`.
pub fn go_to_step(state: ExplorerState, step: Option<u32>) {
    let all = steps();
    let step = step.filter(|n| (1..=all.len() as u32).contains(n));
    state.walkthrough.set(step);
    if let Some(n) = step {
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
}

#[component]
pub fn WalkthroughPanel() -> impl IntoView {
    let state = use_state();
    let all: StoredValue<Vec<Step>> = StoredValue::new(steps());
    let count = all.with_value(Vec::len) as u32;
    move || match state.walkthrough.get() {
        None => view! {
            <button type="button" class="walkthrough-start" id="walkthrough-start"
                on:click=move |_| go_to_step(state, Some(1))>
                "Guided walkthrough (" {count} " steps)"
            </button>
        }
        .into_any(),
        Some(n) => {
            let index = (n - 1) as usize;
            let title = all.with_value(|s| s[index].title);
            let said = state.bundle.with(|b| state.view.with(|v| caption(index, b, v)));
            view! {
                <section class="panel walkthrough" id="walkthrough" aria-labelledby="walkthrough-title" aria-live="polite">
                    <p class="step-count">"Step " {n} " of " {count}</p>
                    <h2 id="walkthrough-title">{title}</h2>
                    <p id="walkthrough-caption">{said.text}</p>
                    {(!said.numbers.is_empty()).then(|| view! { <div inner_html=numbers_html(&said.numbers)></div> })}
                    <div class="walkthrough-nav">
                        <button type="button" id="walkthrough-prev" disabled=n == 1
                            on:click=move |_| go_to_step(state, Some(n - 1))>"← Previous"</button>
                        <button type="button" id="walkthrough-next" disabled=n == count
                            on:click=move |_| go_to_step(state, Some(n + 1))>"Next →"</button>
                        <button type="button" id="walkthrough-again" on:click=move |_| go_to_step(state, Some(n))>"Show this step"</button>
                        <button type="button" id="walkthrough-close" on:click=move |_| go_to_step(state, None)>"Close"</button>
                    </div>
                </section>
            }
            .into_any()
        }
    }
}
