//! The header (trial at a glance: design, arms and doses, size, follow-up, eligibility) and
//! the arms table.

use leptos::prelude::*;

use super::allocation_chart::AllocationChart;
use super::provenance::ShownValue;
use crate::chart::arm_style;
use crate::explore::{ArmRow, Overview};

/// Title, registry id, design, key facts, the arms, and (folded) eligibility and allocation.
#[component]
pub fn TrialHeader(
    overview: Overview,
    /// Citations of the published sources every reported value points to.
    sources: Vec<String>,
    #[prop(into)] reported_only: Signal<bool>,
) -> impl IntoView {
    let allocation_reported = overview.allocation_is_reported();
    let arms = overview.arms.clone();
    let chart_arms = arms.clone();
    let allocation_caption = overview.allocation_caption();
    let eligibility = overview.eligibility.clone();
    view! {
        <header class="trial-header">
            <p class="registry-id">
                "ClinicalTrials.gov " <ShownValue value=overview.registry_id reported_only=reported_only />
            </p>
            <h1 id="trial-title">{overview.title.text}</h1>
            <p class="design"><ShownValue value=overview.design reported_only=reported_only /></p>
            <dl class="facts">
                <div><dt>"Patients"</dt><dd><ShownValue value=overview.enrolled reported_only=reported_only /></dd></div>
                <div><dt>"Enrolment"</dt><dd><ShownValue value=overview.enrolment_period reported_only=reported_only /></dd></div>
                <div><dt>"Follow-up"</dt><dd><ShownValue value=overview.follow_up reported_only=reported_only /></dd></div>
            </dl>
            <div class="glance">
                <ArmsTable arms=arms reported_only=reported_only />
                <details class="design-details" id="design-details">
                    <summary>"Eligibility, allocation and sources"</summary>
                    <h2 class="sub">"Eligibility"</h2>
                    <ul class="eligibility" id="eligibility">
                        {eligibility.into_iter().map(|c| view! { <li><ShownValue value=c reported_only=reported_only /></li> }).collect_view()}
                    </ul>
                    <h2 class="sub">"Sources"</h2>
                    <ul class="eligibility">{sources.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                    {move || {
                        if reported_only.get() && !allocation_reported {
                            view! {
                                <p class="hidden-chart" id="allocation-hidden">
                                    "The allocation chart is hidden: the arm sizes are derived, not reported."
                                </p>
                            }
                            .into_any()
                        } else {
                            view! { <AllocationChart arms=chart_arms.clone() caption=allocation_caption.clone() /> }.into_any()
                        }
                    }}
                </details>
            </div>
        </header>
    }
}

/// One row per arm: key (colour and line style), dose, planned size.
#[component]
pub fn ArmsTable(arms: Vec<ArmRow>, #[prop(into)] reported_only: Signal<bool>) -> impl IntoView {
    view! {
        <table class="arms" id="arms-table">
            <caption>"Arms and doses"</caption>
            <thead><tr><th scope="col">"Arm"</th><th scope="col">"Dose"</th><th scope="col">"Planned patients"</th></tr></thead>
            <tbody>
                {arms
                    .into_iter()
                    .map(|arm| {
                        let style = arm_style(&arm.id);
                        view! {
                            <tr data-arm=arm.id.clone()>
                                <th scope="row">
                                    <span class=format!("arm-key line-{}", style.line_name) aria-hidden="true"></span>
                                    {arm.label}
                                </th>
                                <td><ShownValue value=arm.dose reported_only=reported_only /></td>
                                <td><ShownValue value=arm.planned_n reported_only=reported_only /></td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
