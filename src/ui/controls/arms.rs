//! One toggle per arm, whose key is the arm's colour and line style on the chart, and the
//! reference-arm choice.

use leptos::prelude::*;

use super::options::select;
use crate::chart::arm_style;
use crate::ui::state::use_state;

fn arm_list() -> Vec<(String, String)> {
    use_state().bundle.with_untracked(|b| b.arms.iter().map(|a| (a.id.clone(), a.label.clone())).collect())
}

#[component]
pub fn ArmToggles() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="arm-toggles" role="group" aria-label="Arms shown">
            <span class="group-label" aria-hidden="true">"Arms"</span>
            {arm_list()
                .into_iter()
                .map(|(id, label)| {
                    let style = arm_style(&id);
                    let shown_id = id.clone();
                    let pressed = move || state.selection.with(|s| s.arms.contains(&shown_id));
                    let toggle_id = id.clone();
                    let toggle = move |_| {
                        state.choose(|s| {
                            if !s.arms.remove(&toggle_id) {
                                s.arms.insert(toggle_id.clone());
                            }
                        })
                    };
                    view! {
                        <button type="button" class="chip arm-toggle" id=format!("arm-{id}") data-arm=id.clone()
                            aria-pressed=move || pressed().to_string()
                            title=format!("{label}: {} line", style.line_name)
                            on:click=toggle>
                            <span class=format!("arm-key line-{}", style.line_name) aria-hidden="true"></span>
                            {label.clone()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
pub fn ReferenceArm() -> impl IntoView {
    let state = use_state();
    select(
        "reference-arm",
        "Compared with",
        arm_list(),
        Box::new(move || state.selection.with(|s| s.reference_arm.clone())),
        Box::new(move |id| state.choose(|s| s.reference_arm = id)),
    )
}
