//! The header (trial at a glance) and the arms table.

use leptos::prelude::*;

use super::provenance::ShownValue;
use crate::chart::arm_style;
use crate::explore::{ArmRow, Overview};

/// Title, registry id, design and key facts.
#[component]
pub fn TrialHeader(overview: Overview, #[prop(into)] reported_only: Signal<bool>) -> impl IntoView {
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
        </header>
    }
}

/// One row per arm: key (colour and line style), dose, planned size.
#[component]
pub fn ArmsTable(arms: Vec<ArmRow>, #[prop(into)] reported_only: Signal<bool>) -> impl IntoView {
    view! {
        <table class="arms" id="arms-table">
            <caption>"Arms"</caption>
            <thead><tr><th scope="col">"Arm"</th><th scope="col">"Dose"</th><th scope="col">"Planned patients"</th></tr></thead>
            <tbody>
                {arms
                    .into_iter()
                    .map(|arm| {
                        let style = arm_style(&arm.id);
                        view! {
                            <tr data-arm=arm.id.clone()>
                                <th scope="row">
                                    <span class=format!("arm-key line-{}", style.line_name) data-color=style.css aria-hidden="true"></span>
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
