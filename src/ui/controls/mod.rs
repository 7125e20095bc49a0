//! The control bar: every choice the reader can make, as real buttons, selects and
//! checkboxes with labels, grouped by what they change. Controls that do not apply to the
//! chosen endpoint are not shown, so nothing on the bar is silently ignored.

mod arms;
mod dataset;
mod endpoint;
mod options;
mod visits;
mod weeks;

use leptos::prelude::*;

use super::state::use_state;
use crate::explore::EndpointChoice;

pub use arms::{ArmToggles, ReferenceArm};
pub use dataset::DatasetPicker;
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
    /// [`crate::trial::Visit::after_baseline`]: offered as a horizon or comparison.
    pub after_baseline: bool,
}

/// The bundle's visits, in week order.
pub fn visit_options() -> Vec<VisitOption> {
    use_state().bundle.with_untracked(|b| {
        b.visits
            .iter()
            .map(|v| VisitOption {
                id: v.id.clone(),
                label: v.label.clone(),
                week: v.week.value,
                after_baseline: v.after_baseline(),
            })
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
        <section class="controls" id="view-options" aria-label="View options">
            <EndpointPicker />
            {shown_when(is(WITH_ARMS), move || view! {
                <div class="control-row">
                    <ArmToggles />
                    <ReferenceArm />
                    <CiLevelPicker />
                    <DatasetPicker />
                </div>
            }.into_any())}
            <div class="control-row">
                {shown_when(is(RESPONSE), move || view! {
                    <WeekPicker id="horizon" label="Follow-up to week"
                        get=move |s| visit_options().into_iter().find(|v| v.week == s.horizon_weeks).map(|v| v.id).unwrap_or_default()
                        set=move |s, v| s.horizon_weeks = v.week />
                    <Switch id="show-ensemble" label="Show the range consistent with the publication"
                        get=move |s| s.show_ensemble set=move |on| state.show_ensemble(on) />
                    {move || state.ensemble_error.get().map(|m| view! { <p class="control-error" role="alert">{m}</p> })}
                }.into_any())}
                {shown_when(is(CONTINUOUS), move || view! {
                    <VisitChips />
                    <WeekPicker id="compare-visit" label="Compare at"
                        get=move |s| s.compare_visit.clone()
                        set=move |s, v| s.compare_visit = v.id.clone() />
                    <Switch id="change-from-baseline" label="Change from baseline"
                        get=move |s| s.change_from_baseline
                        set=move |on| state.choose(|s| s.change_from_baseline = on) />
                }.into_any())}
                {shown_when(is(BY_WEEK), move || view! {
                    <WeekPicker id="response-week" label="Responders by"
                        get=move |s| s.response_week.clone()
                        set=move |s, v| s.response_week = v.id.clone() />
                }.into_any())}
                <Switch id="reported-only" label="Reported only"
                    get=move |s| s.reported_only set=move |on| state.choose(|s| s.reported_only = on) />
            </div>
        </section>
    }
}

/// The controls built by `children`, shown only while `when` holds and built again each time it
/// turns true, like `<Show>`. One non-generic function instead of `<Show>`'s code per use.
fn shown_when(
    when: impl Fn() -> bool + Send + Sync + 'static,
    children: impl Fn() -> AnyView + Send + Sync + 'static,
) -> AnyView {
    shown_when_boxed(Box::new(when), Box::new(children))
}

type Condition = Box<dyn Fn() -> bool + Send + Sync>;
type Build = Box<dyn Fn() -> AnyView + Send + Sync>;

fn shown_when_boxed(when: Condition, children: Build) -> AnyView {
    let when = Memo::new(move |_| when());
    (move || when.get().then(&children)).into_any()
}
