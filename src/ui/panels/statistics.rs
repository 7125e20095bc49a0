//! The statistics panel: each test and estimate of the view with its provenance, set beside
//! the published figure for the same comparison.

use leptos::prelude::*;

use crate::explore::{no_statistics_reason, published_findings, statistics, StatLine};
use crate::ui::provenance::value_view;
use crate::ui::state::use_state;

fn line_view(line: StatLine) -> impl IntoView {
    let value = line.value.map(|v| format!("{v}"));
    let figure = match &line.shown {
        Ok(shown) => value_view(shown).into_any(),
        Err(why) => view! { <span class="missing">{why.clone()}</span> }.into_any(),
    };
    let name = line.statistic.clone();
    view! {
        <li class="stat" data-subject=line.subject data-statistic=line.statistic data-value=value>
            <span class="stat-name">{name}</span>": " {figure}
            {line.published.map(|p| view! { <span class="published">" · "{value_view(&p)}</span> })}
        </li>
    }
}

/// A group's lines, with the figures that are missing for one same reason (and have no
/// published figure beside them) gathered into one sentence instead of a column of repeats.
fn group_view(members: Vec<StatLine>) -> impl IntoView {
    let mut shown = Vec::new();
    let mut missing: Vec<(String, Vec<String>)> = Vec::new();
    for line in members {
        match (&line.shown, &line.published) {
            (Err(why), None) => match missing.iter_mut().find(|(reason, _)| reason == why) {
                Some((_, names)) => names.push(line.statistic),
                None => missing.push((why.clone(), vec![line.statistic])),
            },
            _ => shown.push(line),
        }
    }
    view! {
        <ul class="stats">
            {shown.into_iter().map(line_view).collect_view()}
            {missing
                .into_iter()
                .map(|(why, names)| view! { <li class="stat-missing"><span class="stat-name">{names.join(", ")}</span>": " <span class="missing">{why}</span></li> })
                .collect_view()}
        </ul>
    }
}

#[component]
pub fn StatisticsPanel() -> impl IntoView {
    let view = use_state().view;
    let lines = Memo::new(move |_| view.with(statistics));
    let findings = Memo::new(move |_| view.with(published_findings));
    view! {
        <section class="panel statistics" id="statistics" aria-labelledby="statistics-heading">
            <h2 id="statistics-heading">"Statistics"</h2>
            {move || {
                let mut groups: Vec<(String, Vec<StatLine>)> = Vec::new();
                for line in lines.get() {
                    match groups.last_mut() {
                        Some((subject, members)) if *subject == line.subject => members.push(line),
                        _ => groups.push((line.subject.clone(), vec![line])),
                    }
                }
                groups
                    .into_iter()
                    .map(|(subject, members)| {
                        view! {
                            <h3 class="stat-subject">{subject}</h3>
                            {group_view(members)}
                        }
                    })
                    .collect_view()
            }}
            {move || {
                let f = findings.get();
                (!f.is_empty()).then(|| view! {
                    <h3>"Published findings"</h3>
                    <ul class="findings">{f.iter().map(|s| view! { <li>{value_view(s)}</li> }).collect_view()}</ul>
                })
            }}
            {move || (lines.with(Vec::is_empty) && findings.with(Vec::is_empty))
                .then(|| view! { <p class="missing">{view.with(no_statistics_reason)}</p> })}
        </section>
    }
}
