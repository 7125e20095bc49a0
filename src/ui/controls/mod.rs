//! The control bar: every choice the reader can make, as real buttons, selects and
//! checkboxes with labels, grouped by what they change. Controls that do not apply to the
//! chosen endpoint are not shown, so nothing on the bar is silently ignored.

mod arms;
mod endpoint;
mod options;
mod visits;
mod weeks;

use leptos::prelude::*;

use super::state::use_state;
use crate::explore::EndpointChoice;

pub use arms::{ArmToggles, ReferenceArm};
pub use endpoint::EndpointPicker;
pub use options::{CiLevelPicker, Switch};
pub use visits::VisitChips;
pub use weeks::WeekPicker;

/// A visit as the controls list it: id, label and week.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitOption {
    pub id: String,
    pub label: String,
    pub week: u32,
}

/// The bundle's visits, in week order.
pub fn visit_options() -> Vec<VisitOption> {
    use_state().bundle.with_untracked(|b| {
        b.visits
            .iter()
            .map(|v| VisitOption { id: v.id.clone(), label: v.label.clone(), week: v.week.value })
            .collect()
    })
}

#[component]
pub fn ControlBar() -> impl IntoView {
    let state = use_state();
    let endpoint = Memo::new(move |_| state.selection.with(|s| s.endpoint));
    let is = move |choices: &'static [EndpointChoice]| move || choices.contains(&endpoint.get());
    const RESPONSE: &[EndpointChoice] = &[EndpointChoice::Response];
    const CONTINUOUS: &[EndpointChoice] =
        &[EndpointChoice::Cd4, EndpointChoice::Cd8, EndpointChoice::Cd4Cd8Ratio];
    const BY_WEEK: &[EndpointChoice] = &[EndpointChoice::ResponseWeek];
    const WITH_ARMS: &[EndpointChoice] = &[
        EndpointChoice::Response,
        EndpointChoice::Cd4,
        EndpointChoice::Cd8,
        EndpointChoice::Cd4Cd8Ratio,
        EndpointChoice::ResponseWeek,
    ];
    view! {
        <section class="controls" aria-label="View options">
            <EndpointPicker />
            <Show when=is(WITH_ARMS)>
                <div class="control-row">
                    <ArmToggles />
                    <ReferenceArm />
                    <CiLevelPicker />
                </div>
            </Show>
            <div class="control-row">
                <Show when=is(RESPONSE)>
                    <WeekPicker id="horizon" label="Follow-up to week" from_week=12
                        get=move |s| format!("w{}", s.horizon_weeks)
                        set=move |s, v| s.horizon_weeks = v.week />
                    <Switch id="show-ensemble" label="Show the range consistent with the publication"
                        get=move |s| s.show_ensemble set=move |on| state.show_ensemble(on) />
                    {move || state.ensemble_error.get().map(|m| view! { <p class="control-error" role="alert">{m}</p> })}
                </Show>
                <Show when=is(CONTINUOUS)>
                    <VisitChips />
                    <WeekPicker id="compare-visit" label="Compare at" from_week=12
                        get=move |s| s.compare_visit.clone()
                        set=move |s, v| s.compare_visit = v.id.clone() />
                    <Switch id="change-from-baseline" label="Change from baseline"
                        get=move |s| s.change_from_baseline
                        set=move |on| state.choose(|s| s.change_from_baseline = on) />
                </Show>
                <Show when=is(BY_WEEK)>
                    <WeekPicker id="response-week" label="Responders by" from_week=12
                        get=move |s| s.response_week.clone()
                        set=move |s, v| s.response_week = v.id.clone() />
                </Show>
                <Switch id="reported-only" label="Reported only"
                    get=move |s| s.reported_only set=move |on| state.choose(|s| s.reported_only = on) />
            </div>
        </section>
    }
}
