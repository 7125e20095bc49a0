//! The immunological-response view: cumulative probability of response per arm (1 − KM) with
//! its band and censor marks, the at-risk table, the published 95.8% / 70.8% marks, and each
//! shown arm compared with the reference arm, beside the published P where there is one.

use crate::trial::{Bundle, EventDataset, EventRecord, Provenance};

use super::binary::{compare_counts, count_responders, CountComparison, ResponderCount};
use super::data::{computed, describe_data, event_dataset, DataSource};
use super::estimate::{format_number, format_percent, format_week, Estimate};
use super::notice::{Notice, NoticeKind};
use super::published;
use super::resolve::{ArmRef, Resolved};
use super::response_tables::response_tables;
use super::selection::{CiLevel, EndpointChoice, Selection};
use super::shown::Shown;
use super::survival::{censor_at, curve, fit_curves, follow_up_ends, g_rho_p, hazard_ratio, Curve};
use super::table::TextTable;

const ENDPOINT: &str = EndpointChoice::Response.id();

/// One shown arm: its curve, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct ArmCurve {
    pub arm: ArmRef,
    pub curve: Result<Curve, String>,
}

/// A published cumulative probability, marked on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedMark {
    pub arm: ArmRef,
    /// As a fraction (0.958).
    pub probability: f64,
    /// "95.8%", with its provenance.
    pub shown: Shown,
    /// Where the mark is drawn: at the visit the value is given for, else at the end of
    /// follow-up, since the abstract names no horizon.
    pub week: f64,
    /// Whether `week` is the end of follow-up, assumed for want of a visit.
    pub week_assumed: bool,
    pub placement: String,
}

/// Numbers under the chart for one arm, one cell per risk-table week.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskRow {
    pub arm: ArmRef,
    pub cells: Vec<RiskCell>,
}

/// At one week: patients still followed, and cumulative responses and censorings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskCell {
    pub week: u32,
    pub at_risk: usize,
    pub events: usize,
    pub censored: usize,
}

/// The at-risk / events / censored table, aligned with the x-axis ticks.
#[derive(Debug, Clone, PartialEq)]
pub struct RiskTable {
    pub weeks: Vec<u32>,
    /// Arms with data only, in the order of the curves.
    pub rows: Vec<RiskRow>,
    pub provenance: Option<Provenance>,
}

/// One shown arm against the reference arm.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseComparison {
    pub arm: ArmRef,
    pub reference: ArmRef,
    pub log_rank: Result<Estimate, String>,
    pub peto_peto: Result<Estimate, String>,
    pub hazard_ratio: Result<Estimate, String>,
    /// Responders by the horizon, arm then reference.
    pub responders: Result<(ResponderCount, ResponderCount), String>,
    /// Fisher, risk difference and NNT on `responders`.
    pub at_horizon: CountComparison,
    /// The published P for this pair, e.g. "reported P = 0.004 (test not named)".
    pub published_p: Option<Shown>,
    /// Figures derived from the publication for responders by the horizon, where the bundle
    /// has them for that week (week 96: "derived 23/24 vs 17/24", and Fisher's "P ≈ 0.048"),
    /// set beside the counts and Fisher's test as on the response-at-a-week view.
    pub published_responders: Option<Shown>,
    pub published_fisher: Option<Shown>,
}

/// The log-rank P of one comparison in each ensemble member, to show how much the
/// reconstruction's freedom moves it.
#[derive(Debug, Clone, PartialEq)]
pub struct EnsembleSpread {
    pub arm: ArmRef,
    pub reference: ArmRef,
    pub p_values: Vec<f64>,
    /// "log-rank P from 0.0021 to 0.0062 across 20 reconstructions".
    pub shown: Shown,
}

/// One arm's curve in one ensemble member: cumulative probability steps only.
#[derive(Debug, Clone, PartialEq)]
pub struct EnsembleCurve {
    pub dataset: String,
    pub arm: String,
    /// (week, cumulative probability) steps, starting at (0, 0).
    pub steps: Vec<(f64, f64)>,
    pub provenance: Provenance,
}

/// Everything the response panel and chart show.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseView {
    pub horizon_weeks: u32,
    pub ci_level: CiLevel,
    /// The dataset behind the curves and tests; `None` when the bundle has none.
    pub data: Option<DataSource>,
    /// Whether the curves are withheld because "reported only" is on (rather than missing).
    pub curves_withheld: bool,
    pub curves: Vec<ArmCurve>,
    pub risk_table: RiskTable,
    pub published_marks: Vec<PublishedMark>,
    pub comparisons: Vec<ResponseComparison>,
    /// The k-arm log-rank test when three or more shown arms have data.
    pub overall_log_rank: Option<Result<Estimate, String>>,
    pub ensemble: Vec<EnsembleCurve>,
    pub ensemble_spread: Vec<EnsembleSpread>,
    /// Text alternatives of the chart and the comparisons.
    pub tables: Vec<TextTable>,
}

/// Build the response view; `ensemble` holds reconstruction members to overlay.
pub fn response_view(
    bundle: &Bundle,
    selection: &Selection,
    resolved: &Resolved,
    ensemble: &[EventDataset],
    notices: &mut Vec<Notice>,
) -> ResponseView {
    let horizon = f64::from(resolved.horizon_weeks);
    let level = selection.ci_level;
    let dataset = event_dataset(bundle, ENDPOINT, selection.dataset.as_deref(), notices);
    let data = dataset.map(|d| DataSource { dataset: d.id.clone(), provenance: d.provenance.clone() });
    let hidden = selection.reported_only;
    let mut published_marks = published_marks(bundle, resolved);
    // Reported only: a value the reader imported is withheld, as every unpublished one is.
    if hidden {
        published_marks.retain(|m| m.shown.provenance.is_reported());
    }
    if hidden && data.is_some() {
        notices.push(Notice::new(
            NoticeKind::Hidden,
            "Reported only: curves, the at-risk table and tests recomputed from patient-level data are hidden; the published values remain.",
        ));
    }
    let usable = dataset.filter(|_| !hidden);
    let mut view = ResponseView {
        horizon_weeks: resolved.horizon_weeks,
        ci_level: level,
        data: data.clone(),
        curves_withheld: hidden && data.is_some(),
        curves: Vec::new(),
        risk_table: RiskTable { weeks: resolved.risk_weeks.clone(), rows: Vec::new(), provenance: None },
        published_marks,
        comparisons: Vec::new(),
        overall_log_rank: None,
        ensemble: Vec::new(),
        ensemble_spread: Vec::new(),
        tables: Vec::new(),
    };
    match usable {
        Some(set) => fill_from_data(&mut view, bundle, set, resolved, level),
        None => {
            let reason = if hidden && data.is_some() {
                "hidden in reported-only mode: curves are drawn from patient-level data that is not published"
                    .to_string()
            } else {
                "not available: the bundle has no patient-level data for immunological response (it comes from the reconstruction or from an imported CSV)".to_string()
            };
            view.curves = resolved
                .arms
                .iter()
                .map(|arm| ArmCurve { arm: arm.clone(), curve: Err(no_curve_reason(bundle, arm, &reason)) })
                .collect();
            view.comparisons = resolved
                .compared_arms()
                .into_iter()
                .map(|arm| unavailable_comparison(bundle, arm, resolved, &reason))
                .filter(|c| !hidden || c.published_p.is_some())
                .collect();
        }
    }
    if let Some(note) = usable.and_then(|set| horizon_cut(set, resolved)) {
        notices.push(note);
    }
    if selection.show_ensemble {
        if hidden {
            notices.push(Notice::new(
                NoticeKind::Hidden,
                "Reported only: the reconstruction ensemble is hidden.",
            ));
        } else if ensemble.is_empty() {
            notices.push(Notice::new(
                NoticeKind::NotAvailable,
                "No reconstruction ensemble is available to overlay.",
            ));
        } else {
            add_ensemble(&mut view, ensemble, resolved, horizon, notices);
        }
    }
    for c in &mut view.comparisons {
        let (counts, fisher) = published_at_horizon(bundle, c, resolved.horizon_weeks);
        // Reported only: a derived figure is withheld like every other unpublished one.
        let keep = |s: &Shown| !hidden || s.provenance.is_reported();
        (c.published_responders, c.published_fisher) = (counts.filter(keep), fisher.filter(keep));
    }
    view.tables = response_tables(&view, hidden);
    view
}

fn published_marks(bundle: &Bundle, resolved: &Resolved) -> Vec<PublishedMark> {
    let follow_up = f64::from(bundle.trial.follow_up_weeks.value);
    resolved
        .arms
        .iter()
        .filter_map(|arm| {
            let (probability, provenance, visit) =
                published::cumulative_probability(bundle, ENDPOINT, &arm.id)?;
            let at_visit = visit.and_then(|v| bundle.visits.iter().find(|x| x.id == v));
            let (week, placement) = match (at_visit, provenance) {
                (Some(v), _) => {
                    let week = f64::from(v.week.value);
                    (week, format!("drawn at week {week}, the visit it is given for"))
                }
                (None, Provenance::Imported { file }) => (
                    follow_up,
                    format!("drawn at week {follow_up}, the end of follow-up: {file} names no visit for this probability"),
                ),
                (None, _) => (
                    follow_up,
                    format!("drawn at week {follow_up}, the end of follow-up: the abstract names no horizon for this probability"),
                ),
            };
            Some(PublishedMark {
                arm: arm.clone(),
                probability,
                shown: Shown { text: format_percent(probability), provenance: provenance.clone() },
                week,
                week_assumed: at_visit.is_none(),
                placement,
            })
        })
        .collect()
}

/// Why an arm has no curve: the high-dose arm's result is simply not published.
/// Why an arm has no curve; says so when the abstract gives no figure for it either.
pub(super) fn no_curve_reason(bundle: &Bundle, arm: &ArmRef, general: &str) -> String {
    if published::cumulative_probability(bundle, ENDPOINT, &arm.id).is_none() {
        format!(
            "{general}. Not reported in the published abstract: no figure is given for the {} arm",
            arm.label.to_ascii_lowercase()
        )
    } else {
        general.to_string()
    }
}

fn unavailable_comparison(
    bundle: &Bundle,
    arm: &ArmRef,
    resolved: &Resolved,
    reason: &str,
) -> ResponseComparison {
    let reference = resolved.reference.clone().expect("compared arms exist only with a reference");
    ResponseComparison {
        published_p: published_p(bundle, arm, &reference, resolved),
        arm: arm.clone(),
        reference,
        log_rank: Err(reason.to_string()),
        peto_peto: Err(reason.to_string()),
        hazard_ratio: Err(reason.to_string()),
        responders: Err(reason.to_string()),
        at_horizon: CountComparison::unavailable(reason),
        published_responders: None,
        published_fisher: None,
    }
}

/// Records of the shown arms that have any, grouped `0..k` in arm order.
fn grouped<'a>(
    records: &'a [EventRecord],
    arms: &[&ArmRef],
) -> (Vec<&'a EventRecord>, Vec<usize>, Vec<String>) {
    let with_data: Vec<String> =
        arms.iter().filter(|a| records.iter().any(|r| r.arm == a.id)).map(|a| a.id.clone()).collect();
    let mut chosen = Vec::new();
    let mut groups = Vec::new();
    for r in records {
        if let Some(g) = with_data.iter().position(|id| *id == r.arm) {
            chosen.push(r);
            groups.push(g);
        }
    }
    (chosen, groups, with_data)
}

/// Where the horizon ends follow-up early, who is cut there: patients followed past it without
/// a response by then count as censored at the horizon in the tests (`survival::censor_at`),
/// while the curves, which stop at the horizon, and the at-risk table under the chart count
/// the data as they are. The counts are the data's, so the notice names them.
fn horizon_cut(set: &EventDataset, resolved: &Resolved) -> Option<Notice> {
    let horizon = f64::from(resolved.horizon_weeks);
    let cut: Vec<String> = resolved
        .arms
        .iter()
        .filter_map(|arm| {
            let n = set.records.iter().filter(|r| r.arm == arm.id && r.time > horizon).count();
            (n > 0).then(|| format!("{} {n}", arm.label))
        })
        .collect();
    if cut.is_empty() {
        return None;
    }
    let week = resolved.horizon_weeks;
    Some(Notice::new(
        NoticeKind::Note,
        format!(
            "Follow-up is cut at week {week}: in the tests, patients followed past it without a response by then count as censored at week {week}, as if the trial had ended there ({} in the {}).",
            cut.join(", "),
            describe_data(&set.provenance)
        ),
    ))
}

fn fill_from_data(
    view: &mut ResponseView,
    bundle: &Bundle,
    set: &EventDataset,
    resolved: &Resolved,
    level: CiLevel,
) {
    let horizon = f64::from(resolved.horizon_weeks);
    let provenance = &set.provenance;
    let arms: Vec<&ArmRef> = resolved.arms.iter().collect();
    let (records, groups, with_data) = grouped(&set.records, &arms);
    let fits = if with_data.is_empty() { Ok(Vec::new()) } else { fit_curves(&records, &groups) };
    let general = format!("no patient-level data for this arm in the {}", describe_data(provenance));
    for arm in &resolved.arms {
        let curve = match (&fits, with_data.iter().position(|id| *id == arm.id)) {
            (Ok(fits), Some(g)) => curve(&fits[g], horizon, level, provenance),
            (Err(e), Some(_)) => Err(e.clone()),
            (_, None) => Err(no_curve_reason(bundle, arm, &general)),
        };
        view.curves.push(ArmCurve { arm: arm.clone(), curve });
    }
    if let Ok(fits) = &fits {
        let weeks: Vec<f64> = resolved.risk_weeks.iter().map(|&w| f64::from(w)).collect();
        for (g, id) in with_data.iter().enumerate() {
            let Ok(rows) = fits[g].risk_table(&weeks) else { continue };
            let arm =
                resolved.arms.iter().find(|a| &a.id == id).expect("grouped arms are shown arms").clone();
            let cells = rows
                .iter()
                .zip(&resolved.risk_weeks)
                .map(|(r, &week)| RiskCell {
                    week,
                    at_risk: r.n_risk,
                    events: r.cumulative_events,
                    censored: r.cumulative_censored,
                })
                .collect();
            view.risk_table.rows.push(RiskRow { arm, cells });
        }
        view.risk_table.provenance =
            Some(computed(provenance, "numbers at risk from the patient-level data"));
    }
    if with_data.len() >= 3 {
        let (times, events) = censor_at(&records, horizon);
        let names: Vec<&str> = with_data
            .iter()
            .filter_map(|id| resolved.arms.iter().find(|a| &a.id == id).map(|a| a.label.as_str()))
            .collect();
        view.overall_log_rank = Some(g_rho_p((&times, &events, &groups), &names, 0.0, provenance));
    }
    for arm in resolved.compared_arms() {
        view.comparisons.push(compare(bundle, set, arm, resolved, level));
    }
}

fn compare(
    bundle: &Bundle,
    set: &EventDataset,
    arm: &ArmRef,
    resolved: &Resolved,
    level: CiLevel,
) -> ResponseComparison {
    let reference = resolved.reference.as_ref().expect("compared arms exist only with a reference");
    let has = |id: &str| set.records.iter().any(|r| r.arm == id);
    let missing: Vec<&str> =
        [arm, reference].iter().filter(|a| !has(&a.id)).map(|a| a.label.as_str()).collect();
    if !missing.is_empty() {
        let reason = format!("not available: no patient-level data for {}", missing.join(" or "));
        return unavailable_comparison(bundle, arm, resolved, &reason);
    }
    let horizon = f64::from(resolved.horizon_weeks);
    let pair = [reference, arm];
    let names = [reference.label.as_str(), arm.label.as_str()];
    let (records, groups, _) = grouped(&set.records, &pair);
    let (times, events) = censor_at(&records, horizon);
    let provenance = &set.provenance;
    let counts = (
        count_responders(&set.records, &arm.id, horizon),
        count_responders(&set.records, &reference.id, horizon),
    );
    let at_horizon = compare_counts((&arm.label, counts.0), (&reference.label, counts.1), level, |how| {
        computed(provenance, how)
    });
    ResponseComparison {
        arm: arm.clone(),
        reference: reference.clone(),
        log_rank: g_rho_p((&times, &events, &groups), &names, 0.0, provenance),
        peto_peto: g_rho_p((&times, &events, &groups), &names, 1.0, provenance),
        hazard_ratio: hazard_ratio(&times, &events, &groups, level, provenance),
        responders: Ok(counts),
        at_horizon,
        published_p: published_p(bundle, arm, reference, resolved),
        published_responders: None,
        published_fisher: None,
    }
}

/// The figures derived from the publication for responders of `arm` and `reference` by
/// `horizon`, when it is a visit the bundle has them for: the counts, and Fisher's test.
fn published_at_horizon(
    bundle: &Bundle,
    c: &ResponseComparison,
    horizon: u32,
) -> (Option<Shown>, Option<Shown>) {
    let Some(visit) = bundle.visits.iter().find(|v| v.week.value == horizon) else { return (None, None) };
    let endpoint = EndpointChoice::ResponseWeek.id();
    let count = |arm: &str| published::binary_count(bundle, endpoint, arm, &visit.id);
    let counts = match (count(&c.arm.id), count(&c.reference.id)) {
        (Some(a), Some(r)) => {
            let provenance = a.events.provenance.least_published(&r.events.provenance).clone();
            let (a, r) = (ResponderCount::published(a), ResponderCount::published(r));
            let text = format!("{} {} vs {}", provenance.label(), a.fraction(), r.fraction());
            Some(Shown { text, provenance })
        }
        _ => None,
    };
    let fisher = published::between_arms(bundle, endpoint, &c.arm.id, &c.reference.id, Some(&visit.id))
        .map(published::p_beside);
    (counts, fisher)
}

/// The published P of `arm` against `reference`, to set beside this view's tests. The abstract
/// names no horizon for it, and the published proportions are placed at the end of follow-up;
/// beside a test to an earlier week it says so, since the two then cover different spans.
fn published_p(bundle: &Bundle, arm: &ArmRef, reference: &ArmRef, resolved: &Resolved) -> Option<Shown> {
    let follow_up = bundle.trial.follow_up_weeks.value;
    let note =
        (resolved.horizon_weeks < follow_up).then(|| format!("horizon not named, week {follow_up} assumed"));
    let test = published::between_arms(bundle, ENDPOINT, &arm.id, &reference.id, None)?;
    Some(published::p_beside_noting(test, note.as_deref()))
}

fn add_ensemble(
    view: &mut ResponseView,
    ensemble: &[EventDataset],
    resolved: &Resolved,
    horizon: f64,
    notices: &mut Vec<Notice>,
) {
    let arms: Vec<&ArmRef> = resolved.arms.iter().collect();
    let mut spreads: Vec<Vec<f64>> = vec![Vec::new(); resolved.compared_arms().len()];
    let mut skipped = 0;
    for set in ensemble.iter().filter(|d| d.endpoint == ENDPOINT) {
        let (records, groups, with_data) = grouped(&set.records, &arms);
        let Ok(fits) = fit_curves(&records, &groups) else {
            skipped += 1;
            continue;
        };
        for (fit, arm) in fits.iter().zip(&with_data) {
            let incidence = fit.cumulative_incidence();
            let mut steps = vec![(0.0, 0.0)];
            for i in
                (0..fit.len()).take_while(|&i| fit.time()[i] <= horizon).filter(|&i| fit.n_event()[i] > 0)
            {
                steps.push((fit.time()[i], incidence[i]));
            }
            let end = horizon.min(fit.time().last().copied().unwrap_or(0.0));
            let last = *steps.last().expect("steps start at (0, 0)");
            if end > last.0 {
                steps.push((end, last.1));
            }
            view.ensemble.push(EnsembleCurve {
                dataset: set.id.clone(),
                arm: arm.clone(),
                steps,
                provenance: set.provenance.clone(),
            });
        }
        for (k, arm) in resolved.compared_arms().into_iter().enumerate() {
            let reference = resolved.reference.as_ref().expect("compared arms exist only with a reference");
            let pair = [reference, arm];
            let (records, groups, with_pair) = grouped(&set.records, &pair);
            if with_pair.len() == 2 {
                let (times, events) = censor_at(&records, horizon);
                if let Ok(p) = g_rho_p((&times, &events, &groups), &[], 0.0, &set.provenance) {
                    spreads[k].push(p.value);
                }
            }
        }
    }
    if skipped > 0 {
        notices.push(Notice::new(
            NoticeKind::Note,
            format!("{skipped} ensemble member(s) could not be drawn and were skipped."),
        ));
    }
    let provenance = ensemble[0].provenance.clone();
    for (arm, mut p_values) in resolved.compared_arms().into_iter().zip(spreads) {
        if p_values.is_empty() {
            continue;
        }
        p_values.sort_by(f64::total_cmp);
        let reference = resolved.reference.clone().expect("compared arms exist only with a reference");
        let text = format!(
            "log-rank P from {} to {} (median {}) across {} reconstructions, {} vs {}",
            format_number(p_values[0], 4),
            format_number(p_values[p_values.len() - 1], 4),
            format_number(median(&p_values), 4),
            p_values.len(),
            arm.label,
            reference.label
        );
        view.ensemble_spread.push(EnsembleSpread {
            arm: arm.clone(),
            reference,
            p_values,
            shown: Shown { text, provenance: computed(&provenance, "log-rank test in each ensemble member") },
        });
    }
}

/// The median of sorted, non-empty values.
fn median(sorted: &[f64]) -> f64 {
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

impl ResponseView {
    /// The published (or given) values within the follow-up shown: a value placed after the
    /// horizon is not drawn, named or counted.
    pub fn marks_in_view(&self) -> impl Iterator<Item = &PublishedMark> {
        let horizon = f64::from(self.horizon_weeks);
        self.published_marks.iter().filter(move |m| m.week <= horizon)
    }

    /// Whether any arm has a curve to draw (not withheld, not missing for want of data).
    pub fn has_curves(&self) -> bool {
        self.curves.iter().any(|c| c.curve.is_ok())
    }

    /// Where the readout goes from `from` on an arrow key: forward to the next week at which a
    /// shown curve steps or ends, or back to the one before, counting week 0 and the horizon.
    /// From nowhere (`None` or not a number) as from week 0, where the slider shows it, and
    /// from past the horizon (chosen before it was brought in) as from the horizon, where the
    /// slider shows that. Past either end it stays where it is. The curves change only at these
    /// weeks, so a keyboard reader hears a new value at each key, as a pointer moved along the
    /// curves would show one.
    pub fn readout_step(&self, from: Option<f64>, forward: bool) -> f64 {
        let horizon = f64::from(self.horizon_weeks);
        let from = from.filter(|w| w.is_finite()).unwrap_or(0.0).min(horizon);
        let weeks = (self.curves.iter().filter_map(|c| c.curve.as_ref().ok()))
            .flat_map(|c| c.steps.iter().map(|s| s.week))
            .filter(|w| (0.0..=horizon).contains(w))
            .chain([0.0, horizon]);
        let step = if forward {
            weeks.filter(|&w| w > from).fold(f64::INFINITY, f64::min)
        } else {
            weeks.filter(|&w| w < from).fold(f64::NEG_INFINITY, f64::max)
        };
        if step.is_finite() {
            step
        } else {
            from
        }
    }

    /// What the curves read at `week`: for each arm with a curve, the step in effect there
    /// (cumulative probability with its interval, and the week it dates from), for the chart's
    /// readout, saying where an arm's follow-up ended before `week`. Nothing before week 0 or
    /// past the horizon.
    pub fn readout(&self, week: f64) -> Vec<(String, Shown)> {
        if !(0.0..=f64::from(self.horizon_weeks)).contains(&week) {
            return Vec::new();
        }
        let level = self.ci_level.label();
        self.curves
            .iter()
            .filter_map(|arm| {
                let curve = arm.curve.as_ref().ok()?;
                let (mut before, mut step) = (None, None);
                for s in curve.steps.iter().take_while(|s| s.week <= week) {
                    (before, step) = (step, Some(s));
                }
                let step = step?;
                let interval = match (step.lower, step.upper) {
                    (Some(l), Some(u)) => {
                        format!(" ({level} CI {} to {})", format_percent(l), format_percent(u))
                    }
                    _ => String::new(),
                };
                // A curve's last step may only mark where its follow-up ends, at the
                // probability of the step before, which is where that probability dates from;
                // past that end the curve says nothing new, and the readout says it ended.
                let from = before.filter(|b| b.probability == step.probability).unwrap_or(step).week;
                let end = curve.steps.last().map_or(week, |s| s.week);
                let ended = if end < week { follow_up_ends(end) } else { String::new() };
                let text = format!(
                    "{}{interval} from week {}{ended}",
                    format_percent(step.probability),
                    format_week(from)
                );
                Some((arm.arm.label.clone(), Shown { text, provenance: curve.provenance.clone() }))
            })
            .collect()
    }
}
