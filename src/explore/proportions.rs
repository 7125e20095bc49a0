//! Response by a chosen week: responders per arm with Wilson intervals, and each arm against
//! the reference by Fisher's exact test and the risk difference. The counts come from the
//! patient-level response data when there is some; otherwise from the counts derived from the
//! published percentages (23/24 and 17/24 at week 96), which lets the reader set Fisher's
//! P ≈ 0.048 beside the published Kaplan–Meier P = 0.004 without any reconstruction.

use crate::stats::proportions::{wilson_interval, Proportion};
use crate::trial::{Bundle, Provenance};

use super::binary::{compare_counts, count_responders, CountComparison, ResponderCount};
use super::data::{computed, describe_data, event_dataset, DataSource};
use super::estimate::{format_interval, format_percent, not_computable, Estimate};
use super::notice::{Notice, NoticeKind};
use super::published;
use super::resolve::{ArmRef, Resolved, VisitRef};
use super::selection::{CiLevel, EndpointChoice, Selection};
use super::shown::Shown;
use super::table::{Cell, TextTable};

const ENDPOINT: &str = EndpointChoice::ResponseWeek.id();

/// An arm's count with the provenance of its numbers, or why there is none.
type CountOutcome = Result<(ResponderCount, Provenance), String>;

/// Where the counts come from.
#[derive(Debug, Clone, PartialEq)]
pub enum CountSource {
    /// Counted in a patient-level response dataset.
    Patients(DataSource),
    /// The bundle's counts for the week (derived from published percentages).
    BundleCounts,
}

/// One arm's responders.
#[derive(Debug, Clone, PartialEq)]
pub struct ArmProportion {
    pub arm: ArmRef,
    pub count: Result<ResponderCount, String>,
    /// The proportion with its Wilson interval.
    pub proportion: Result<Estimate, String>,
    /// The bundle's count for this arm and week ("derived 23/24", value 23/24), beside a
    /// count from data.
    pub published: Option<Estimate>,
}

/// One arm against the reference.
#[derive(Debug, Clone, PartialEq)]
pub struct ProportionComparison {
    pub arm: ArmRef,
    pub reference: ArmRef,
    pub counts: CountComparison,
    /// A published or derived test of this pair at this week ("derived P ≈ 0.048").
    pub published_p: Option<Shown>,
}

/// Everything the response-by-week panel and chart show.
#[derive(Debug, Clone, PartialEq)]
pub struct ProportionsView {
    pub visit: Option<VisitRef>,
    pub ci_level: CiLevel,
    pub source: Option<CountSource>,
    pub arms: Vec<ArmProportion>,
    pub comparisons: Vec<ProportionComparison>,
    pub tables: Vec<TextTable>,
}

/// Build the response-by-week view.
pub fn proportions_view(
    bundle: &Bundle,
    selection: &Selection,
    resolved: &Resolved,
    notices: &mut Vec<Notice>,
) -> ProportionsView {
    let level = selection.ci_level;
    let hidden = selection.reported_only;
    let Some(visit) = resolved.response_week.clone() else {
        return ProportionsView {
            visit: None,
            ci_level: level,
            source: None,
            arms: Vec::new(),
            comparisons: Vec::new(),
            tables: Vec::new(),
        };
    };
    let week = f64::from(visit.week);
    let dataset = event_dataset(
        bundle,
        EndpointChoice::ResponseWeek.data_endpoint(),
        selection.dataset.as_deref(),
        notices,
    );
    let bundle_count = |arm: &str| -> Option<(ResponderCount, Provenance, Estimate)> {
        let b = published::binary_count(bundle, ENDPOINT, arm, &visit.id)?;
        let count = ResponderCount::published(b);
        let shown = Estimate::new(
            f64::from(b.events.value) / f64::from(b.n.value.max(1)),
            None,
            format!("{} {}", b.events.provenance.label(), count.fraction()),
            b.events.provenance.clone(),
        );
        Some((count, b.events.provenance.clone(), shown))
    };
    let any_bundle_counts = resolved.arms.iter().any(|a| bundle_count(&a.id).is_some());
    let source = match (dataset, hidden) {
        (_, true) => None,
        (Some(d), false) => Some(CountSource::Patients(DataSource {
            dataset: d.id.clone(),
            provenance: d.provenance.clone(),
        })),
        (None, false) if any_bundle_counts => Some(CountSource::BundleCounts),
        (None, false) => None,
    };
    if hidden && (dataset.is_some() || any_bundle_counts) {
        notices.push(Notice::new(
            NoticeKind::Hidden,
            "Reported only: no responder count is published (the counts are derived from the published percentages), so the proportions are hidden; the published percentages are on the immunological-response view.",
        ));
    }
    let unavailable = if hidden {
        "hidden in reported-only mode: no published count".to_string()
    } else {
        format!("not available: no patient-level response data and no count for {}", visit.label)
    };

    let mut counts: Vec<(ArmRef, CountOutcome, Option<Estimate>)> = Vec::new();
    for arm in &resolved.arms {
        let from_bundle = bundle_count(&arm.id);
        let (count, published) = match (&source, dataset) {
            (Some(CountSource::Patients(_)), Some(d)) => {
                let c = count_responders(&d.records, &arm.id, week);
                let result = if c.followed == 0 && c.censored_before == 0 {
                    // No patient of the arm at all: say whether the abstract reports it.
                    let general =
                        format!("no patient-level data for this arm in the {}", describe_data(&d.provenance));
                    Err(super::response::no_curve_reason(bundle, arm, &general))
                } else if c.followed == 0 {
                    Err(format!(
                        "no patient of this arm in the {} is followed to {}",
                        describe_data(&d.provenance),
                        visit.label
                    ))
                } else {
                    Ok((c, d.provenance.clone()))
                };
                (result, from_bundle.map(|(_, _, s)| s))
            }
            (Some(CountSource::BundleCounts), _) => match from_bundle {
                Some((c, p, _)) => (Ok((c, p)), None),
                None => (
                    Err(format!(
                        "not reported in the published abstract: no figure is given for the {} arm",
                        arm.label.to_ascii_lowercase()
                    )),
                    None,
                ),
            },
            _ => (Err(unavailable.clone()), None),
        };
        counts.push((arm.clone(), count, published));
    }
    let left_out: u32 =
        counts.iter().filter_map(|(_, c, _)| c.as_ref().ok()).map(|(c, _)| c.censored_before).sum();
    if left_out > 0 {
        notices.push(Notice::new(
            NoticeKind::Note,
            format!("{left_out} patient(s) censored before {} without a response are left out of the proportions: their outcome by then is unknown.", visit.label),
        ));
    }

    let arms: Vec<ArmProportion> = counts
        .iter()
        .map(|(arm, count, published)| ArmProportion {
            arm: arm.clone(),
            count: count.as_ref().map(|(c, _)| *c).map_err(Clone::clone),
            proportion: count.as_ref().map_err(Clone::clone).and_then(|(c, p)| proportion(*c, level, p)),
            published: published.clone(),
        })
        .collect();

    let mut comparisons = Vec::new();
    if let Some(reference) = &resolved.reference {
        let find = |id: &str| counts.iter().find(|(a, _, _)| a.id == id).map(|(_, c, _)| c);
        for arm in resolved.compared_arms() {
            let published_p =
                published::between_arms(bundle, ENDPOINT, &arm.id, &reference.id, Some(&visit.id))
                    .map(published::p_beside)
                    .filter(|s| !hidden || s.provenance.is_reported());
            let result = match (find(&arm.id), find(&reference.id)) {
                (Some(Ok((a, prov))), Some(Ok((r, _)))) => {
                    compare_counts((&arm.label, *a), (&reference.label, *r), level, |how| computed(prov, how))
                }
                (Some(Err(e)), _) | (_, Some(Err(e))) => CountComparison::unavailable(e),
                _ => CountComparison::unavailable(&unavailable),
            };
            if hidden && published_p.is_none() {
                continue;
            }
            comparisons.push(ProportionComparison {
                arm: arm.clone(),
                reference: reference.clone(),
                counts: result,
                published_p,
            });
        }
    }
    let mut view = ProportionsView {
        visit: Some(visit),
        ci_level: level,
        source,
        arms,
        comparisons,
        tables: Vec::new(),
    };
    view.tables = tables(&view);
    view
}

fn proportion(count: ResponderCount, level: CiLevel, provenance: &Provenance) -> Result<Estimate, String> {
    let p = Proportion::new(count.responded.into(), count.followed.into()).map_err(|e| not_computable(&e))?;
    let ci = wilson_interval(p, level.value()).map_err(|e| not_computable(&e))?;
    Ok(Estimate::new(
        p.estimate(),
        Some((ci.lower, ci.upper)),
        format!(
            "{} = {} {}",
            count.fraction(),
            format_percent(p.estimate()),
            format_interval(level.label(), (ci.lower, ci.upper), format_percent)
        ),
        computed(provenance, "proportion with the Wilson score interval"),
    ))
}

fn tables(view: &ProportionsView) -> Vec<TextTable> {
    let at = view.visit.as_ref().map_or(String::new(), |v| format!(" by {}", v.label));
    let level = view.ci_level.label();
    let mut arms =
        TextTable::new(format!("Responders{at}"), &["Arm", &format!("Proportion ({level} CI)"), "Published"]);
    for a in &view.arms {
        arms.rows.push(vec![
            Cell::label(&a.arm.label),
            Cell::outcome(&a.proportion),
            Cell::published(a.published.as_ref().map(|e| &e.shown)),
        ]);
    }
    let mut tests = TextTable::new(
        format!("Comparisons with the reference arm{at}"),
        &["Comparison", "Statistic", "These counts", "Published"],
    );
    for c in &view.comparisons {
        let name = format!("{} vs {}", c.arm.label, c.reference.label);
        tests.rows.push(vec![
            Cell::label(&name),
            Cell::label("Fisher's exact P"),
            Cell::outcome(&c.counts.fisher),
            Cell::published(c.published_p.as_ref()),
        ]);
        tests.rows.push(vec![
            Cell::label(&name),
            Cell::label("Risk difference"),
            Cell::outcome(&c.counts.risk_difference),
            Cell::label("none published"),
        ]);
        let nnt = match &c.counts.number_needed {
            Ok(s) => Cell::shown(s),
            Err(reason) => Cell::label(reason.clone()),
        };
        tests.rows.push(vec![
            Cell::label(&name),
            Cell::label("Number needed to treat"),
            nnt,
            Cell::label("none published"),
        ]);
    }
    vec![arms, tests]
}
