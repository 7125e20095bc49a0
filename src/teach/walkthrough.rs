//! The guided walkthrough: design, eligibility, response curves, why timing matters, CD4 at
//! week 48, CD4/CD8, what the abstract leaves open, safety. Captions quote the bundle's
//! published and derived facts and the view's recomputed numbers; the only prose typed here
//! explains how to read them.

use std::collections::BTreeSet;

use crate::explore::selection::{arm_set, EndpointChoice};
use crate::explore::view::{View, ViewBody};
use crate::explore::{ContinuousView, DataSource, Selection, Shown};
use crate::trial::{Bundle, Provenance};

/// One step: a title and the view it opens.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub title: &'static str,
    pub selection: Selection,
}

/// The view to show once the walkthrough closes on the step whose view is `step`: the reader's
/// own view from before it opened (`before`), so that a lecturer who closes it is back where
/// the room was, unless the reader has changed the step's view since (`now`), in which case
/// the view they made stays. `None` keeps the view as it is.
pub fn view_after_walkthrough(
    before: Option<Selection>,
    step: &Selection,
    now: &Selection,
) -> Option<Selection> {
    before.filter(|_| now == step)
}

/// A step's caption: prose built from published facts, and the recomputed numbers it quotes,
/// each with its provenance so the page can badge them.
#[derive(Debug, Clone, PartialEq)]
pub struct Caption {
    pub text: String,
    pub numbers: Vec<(String, Shown)>,
}

fn arms(ids: &[&str]) -> BTreeSet<String> {
    arm_set(ids.iter().copied())
}

/// The steps in order. Step `i` of the page is `steps()[i - 1]`.
pub fn steps() -> Vec<Step> {
    let base = Selection::default();
    let low_vs_placebo = Selection { arms: arms(&["low", "placebo"]), ..base.clone() };
    vec![
        Step { title: "The design", selection: base.clone() },
        Step { title: "Who was eligible", selection: base.clone() },
        Step { title: "The response curves", selection: low_vs_placebo.clone() },
        Step {
            title: "Why timing matters",
            selection: Selection { endpoint: EndpointChoice::ResponseWeek, ..low_vs_placebo.clone() },
        },
        Step {
            title: "CD4 at week 48",
            selection: Selection {
                endpoint: EndpointChoice::Cd4,
                change_from_baseline: true,
                ..base.clone()
            },
        },
        Step {
            title: "CD4/CD8 ratio",
            selection: Selection { endpoint: EndpointChoice::Cd4Cd8Ratio, ..base.clone() },
        },
        Step {
            title: "What the abstract does not tell us",
            selection: Selection { show_ensemble: true, ..low_vs_placebo },
        },
        Step {
            title: "Safety as reported",
            selection: Selection { endpoint: EndpointChoice::Safety, ..base },
        },
    ]
}

/// Caption step `index` (0-based) from the bundle and the view computed for its selection.
pub fn caption(index: usize, bundle: &Bundle, view: &View) -> Caption {
    let mut numbers = Vec::new();
    let text = match (index, &view.body) {
        (0, _) => {
            let t = &bundle.trial;
            let arms: Vec<String> =
                bundle.arms.iter().map(|a| arm_with_dose(&a.label, &a.dose.value)).collect();
            format!(
                "{}. {} patients, enrolled {}, followed for {} weeks, in three arms: {}.",
                t.design.value,
                t.enrolled.value,
                t.enrolment_period.value,
                t.follow_up_weeks.value,
                arms.join(", ")
            )
        }
        (1, _) => {
            let criteria: Vec<&str> = bundle.eligibility.iter().map(|c| c.text.value.as_str()).collect();
            format!("Registry eligibility: {}.", criteria.join("; "))
        }
        (2, ViewBody::Response(v)) => {
            let marks: Vec<String> = v
                .published_marks
                .iter()
                .map(|m| {
                    // A value the reader imported is named as such: only reported ones go bare.
                    let kind = m.shown.provenance.label();
                    let note =
                        if m.shown.provenance.is_reported() { String::new() } else { format!(" ({kind})") };
                    format!("{} {}{note}", m.arm.label.to_ascii_lowercase(), m.shown.text)
                })
                .collect();
            for c in &v.comparisons {
                if let Ok(p) = &c.log_rank {
                    numbers.push((
                        format!("log-rank P, {} vs {}", c.arm.label, c.reference.label),
                        p.shown.clone(),
                    ));
                }
            }
            // The data the curves are drawn from: the reconstruction, or the reader's own.
            let drawn_from = match readers_data(v.data.as_ref()) {
                Some(data) => format!("the curves are drawn from the {data}"),
                None => "the curves are drawn from a reconstruction that matches every published number"
                    .to_string(),
            };
            format!(
                "Kaplan–Meier cumulative probability of an immunological response: {} ({}). The abstract does not define a response, name the test or give event times, so {drawn_from}.",
                marks.join(" vs "),
                published_p_text(bundle, "response").unwrap_or_else(|| "no P published".into())
            )
        }
        (3, ViewBody::Proportions(v)) => {
            let counts: Vec<String> =
                v.arms.iter().filter_map(|a| a.published.as_ref()).map(|e| bare(&e.shown)).collect();
            for c in &v.comparisons {
                if let Ok(p) = &c.counts.fisher {
                    numbers.push((
                        format!("Fisher P, {} vs {}", c.arm.label, c.reference.label),
                        p.shown.clone(),
                    ));
                }
            }
            let reported = published_p_text(bundle, "response").unwrap_or_else(|| "not published".into());
            format!(
                "The final counts alone ({}, derived from the published percentages) give Fisher's exact {}; the published Kaplan–Meier comparison gives {}. A log-rank test also uses when patients responded: earlier responses in the low-dose arm add evidence that the final counts cannot show.",
                counts.join(" vs "),
                published_p_text(bundle, "response_week").unwrap_or_else(|| "P (not available)".into()),
                reported
            )
        }
        (4, ViewBody::Continuous(v)) => {
            let mut published = Vec::new();
            for t in &v.within_arm {
                // Under "Reported change" only reported findings; the diamonds of imported summaries are
                // named after it (`values_from`).
                let said: Vec<String> =
                    t.published.iter().filter(|s| s.provenance.is_reported()).map(bare).collect();
                if !said.is_empty() {
                    published.push(format!("{}: {}", t.arm.label.to_ascii_lowercase(), said.join(", ")));
                }
                if let Ok(p) = &t.p {
                    numbers.push((
                        format!("paired P, {} {} vs baseline", t.arm.label, t.visit.label),
                        p.shown.clone(),
                    ));
                }
            }
            let mut text = format!(
                "Reported change in CD4+ T count from baseline to week 48 — {}. No means or spreads are published. {}",
                published.join("; "),
                values_from(v, "these statements")
            );
            if v.changes_differ_among_arms() {
                // Said here, so that the view's note does not read as a contradiction.
                text.push_str(
                    " So the arms' changes differ, though the abstract reports no changes among the arms: the note with this view says how that is read.",
                );
            }
            text
        }
        (5, ViewBody::Continuous(v)) => {
            if let Some(Ok(p)) = &v.anova {
                numbers.push(("ANOVA P across the three arms".to_string(), p.shown.clone()));
            }
            let said: Vec<String> = v.published_among_arms.iter().map(bare).collect();
            format!("Reported: {}. {}", said.join("; "), values_from(v, "that statement"))
        }
        (6, ViewBody::Response(v)) => {
            for s in &v.ensemble_spread {
                // The spread's own text names the comparison.
                numbers.push(("Range across the reconstructions".to_string(), s.shown.clone()));
            }
            "The abstract gives no event times, no response definition and no high-dose response probability. Each faint curve is another reconstruction that matches every published number: all are equally consistent with the abstract.".to_string()
        }
        (7, ViewBody::Safety(v)) => {
            let said: Vec<String> = v.statements.iter().map(bare).collect();
            format!(
                "Reported: {}. No adverse-event counts are published, so none are shown.",
                said.join("; ")
            )
        }
        // The reader has moved on to another endpoint since opening the step.
        _ if steps().get(index).is_some_and(|s| s.selection.endpoint != view.endpoint) => {
            "The view has changed since this step was opened; “Show this step” sets it again.".to_string()
        }
        _ => "This step's view is not available for the loaded data.".to_string(),
    };
    Caption { text, numbers }
}

/// The P of the bundle's first test of `endpoint` as printed ("P = 0.004", or a derived
/// "P ≈ 0.048").
fn published_p_text(bundle: &Bundle, endpoint: &str) -> Option<String> {
    bundle.tests.iter().find(|t| t.endpoint == endpoint).map(|t| t.p.value.text.clone())
}

/// The reader's own data behind a view, named ("imported data (km.csv)"), or `None` for the
/// reconstruction: a step says which its curves or values are drawn from.
fn readers_data(data: Option<&DataSource>) -> Option<String> {
    data.filter(|d| !matches!(d.provenance, Provenance::Reconstructed { .. })).map(DataSource::describe)
}

/// Where a continuous step's values come from, in a sentence or two: the reconstruction
/// made to satisfy `statements`, or the reader's imported data, and the diamonds of summaries
/// the bundle gives.
fn values_from(v: &ContinuousView, statements: &str) -> String {
    let mut said = match readers_data(v.data.as_ref()) {
        Some(data) => format!("The values shown are from the {data}."),
        None => format!("The values shown are reconstructed to satisfy {statements}."),
    };
    // Only summaries with a mean are drawn as diamonds.
    if let Some(given) = v.given.iter().find(|g| g.mean.is_some()) {
        said.push_str(&format!(
            " The diamonds are summaries the bundle gives ({}), not computed here.",
            given.shown.provenance.label()
        ));
    }
    said
}

/// A shown value without the provenance word the view puts in front of it ("derived 23/24").
fn bare(shown: &Shown) -> String {
    let label = shown.provenance.label();
    let text = shown.text.as_str();
    text.strip_prefix(label)
        .and_then(|rest| rest.strip_prefix(": ").or(rest.strip_prefix(' ')))
        .unwrap_or(text)
        .to_string()
}

/// "low dose (hUC-MSC 0.5 × 10^6 cells per kg body weight)", or just "placebo".
fn arm_with_dose(label: &str, dose: &str) -> String {
    let label = label.to_ascii_lowercase();
    if dose.eq_ignore_ascii_case(&label) {
        label
    } else {
        format!("{label} ({dose})")
    }
}
