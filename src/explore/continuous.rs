//! CD4, CD8 and the CD4/CD8 ratio: per arm and visit n, mean, SD and t interval (of the
//! values, or of the change from baseline); the paired test of the comparison visit against
//! baseline in each arm; Welch's test between each arm and the reference; one-way ANOVA when
//! three arms are shown. Published P bounds and sentences sit beside them.

use std::collections::BTreeMap;

use crate::reconstruct::targets::SIGNIFICANCE;
use crate::stats::anova::one_way_anova;
use crate::stats::means::GroupSummary;
use crate::stats::ttest::{paired_t_test, welch_t_test_values};
use crate::trial::{Bundle, ContinuousSummary, Fact, MeasurementDataset, Provenance};

use super::data::{computed, measurement_dataset, DataSource};
use super::estimate::{format_interval, format_number, format_p, not_computable, reads_as_zero, Estimate};
use super::notice::{Notice, NoticeKind};
use super::published;
use super::resolve::{ArmRef, Resolved, VisitRef};
use super::selection::{CiLevel, EndpointChoice, Selection};
use super::shown::Shown;
use super::table::TextTable;

/// n, mean with its t interval, and SD at one visit.
#[derive(Debug, Clone, PartialEq)]
pub struct MeanSummary {
    pub n: usize,
    pub mean: Estimate,
    pub sd: Estimate,
}

/// One arm at one visit.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitSummary {
    pub visit: VisitRef,
    pub summary: Result<MeanSummary, String>,
}

/// One arm across the shown visits.
#[derive(Debug, Clone, PartialEq)]
pub struct ArmSeries {
    pub arm: ArmRef,
    pub points: Vec<VisitSummary>,
}

/// The comparison visit against baseline within one arm (paired t-test).
#[derive(Debug, Clone, PartialEq)]
pub struct WithinArmTest {
    pub arm: ArmRef,
    pub visit: VisitRef,
    pub mean_change: Result<Estimate, String>,
    pub p: Result<Estimate, String>,
    /// Published P bounds and sentences for this arm and visit.
    pub published: Vec<Shown>,
    /// A summary of this change the bundle gives ("mean 80.0, SD 50.0, n 24"), such as one a
    /// reader digitised from the paper; the claims are checked on it.
    pub given_change: Option<Shown>,
}

/// One arm against the reference at the comparison visit (Welch's t-test).
#[derive(Debug, Clone, PartialEq)]
pub struct BetweenArmsTest {
    pub arm: ArmRef,
    pub reference: ArmRef,
    /// Arm minus reference, with the Welch interval.
    pub difference: Result<Estimate, String>,
    pub p: Result<Estimate, String>,
}

/// A summary the bundle gives for an arm at a visit, such as a mean digitised from the paper:
/// set beside the means the view computes, never taken for one of them.
#[derive(Debug, Clone, PartialEq)]
pub struct GivenSummary {
    pub arm: ArmRef,
    pub visit: VisitRef,
    /// The mean (or mean change), where given, and as written: drawn on the chart.
    pub mean: Option<(f64, String)>,
    /// "mean 231.5, SD 60.2, n 24", with the provenance of its first value.
    pub shown: Shown,
}

/// Everything the continuous panel and chart show.
#[derive(Debug, Clone, PartialEq)]
pub struct ContinuousView {
    pub endpoint: EndpointChoice,
    pub label: String,
    pub unit: Option<String>,
    pub change_from_baseline: bool,
    pub baseline: Option<VisitRef>,
    pub compare_visit: Option<VisitRef>,
    pub ci_level: CiLevel,
    pub data: Option<DataSource>,
    pub arms: Vec<ArmSeries>,
    pub within_arm: Vec<WithinArmTest>,
    pub between_arms: Vec<BetweenArmsTest>,
    /// One-way ANOVA across the shown arms at the comparison visit, when three are shown.
    pub anova: Option<Result<Estimate, String>>,
    /// Published sentences comparing the arms ("no significant changes … among the three arms").
    pub published_among_arms: Vec<Shown>,
    /// Summaries the bundle gives for the arms and visits shown, levels or changes from the
    /// view's baseline as the view shows.
    pub given: Vec<GivenSummary>,
    pub tables: Vec<TextTable>,
}

/// Values by arm, then patient, then visit.
type ByPatient<'a> = BTreeMap<&'a str, BTreeMap<&'a str, BTreeMap<&'a str, f64>>>;

/// Build the view for a continuous endpoint.
pub fn continuous_view(
    bundle: &Bundle,
    selection: &Selection,
    resolved: &Resolved,
    notices: &mut Vec<Notice>,
) -> ContinuousView {
    let endpoint = selection.endpoint;
    let meta = bundle.endpoints.iter().find(|e| e.id == endpoint.id());
    let unit = meta.and_then(|e| e.unit.clone());
    let change = selection.change_from_baseline;
    // Counts to 0.1 cell; a ratio to 0.01, and its changes and differences, which are a few
    // hundredths, to 0.001.
    let (level_decimals, change_decimals) = if unit.is_some() { (1, 1) } else { (2, 3) };
    let point_decimals = if change { change_decimals } else { level_decimals };
    let hidden = selection.reported_only;
    let dataset = measurement_dataset(bundle, endpoint.id(), selection.dataset.as_deref(), notices);
    let data = dataset.map(|d| DataSource { dataset: d.id.clone(), provenance: d.provenance.clone() });
    if hidden && data.is_some() {
        notices.push(Notice::new(
            NoticeKind::Hidden,
            "Reported only: means, intervals and tests recomputed from patient-level data are hidden; the published findings remain.",
        ));
    }
    let reason = if hidden && data.is_some() {
        "hidden in reported-only mode: computed from patient-level data that is not published".to_string()
    } else {
        format!(
            "not available: the bundle has no patient-level {} data (no means or spreads are published)",
            endpoint.id()
        )
    };
    let usable = dataset.filter(|_| !hidden);
    if resolved.visits.is_empty() {
        notices.push(Notice::new(NoticeKind::Ignored, "No visit is selected; turn on at least one visit."));
    }
    let baseline_id = resolved.baseline.as_ref().map(|v| v.id.clone());
    let mut visits = resolved.visits.clone();
    if change {
        let before = visits.len();
        visits.retain(|v| Some(&v.id) != baseline_id.as_ref());
        if visits.len() < before {
            notices.push(Notice::new(
                NoticeKind::Note,
                "Change from baseline is zero at baseline, so the baseline visit is not shown.",
            ));
        }
    }
    let by_patient = usable.map(group_by_patient);
    let sample = |arm: &str, visit: &str| -> Vec<f64> {
        by_patient.as_ref().map_or_else(Vec::new, |m| {
            values_at(m, arm, visit, change.then_some(baseline_id.as_deref()).flatten())
        })
    };
    // The points are levels or changes as the reader chose; tests report changes and differences.
    let fmt = |x: f64| format_number(x, point_decimals);
    let difference_fmt = |x: f64| format_number(x, change_decimals);
    let unit_suffix = unit.as_ref().map_or(String::new(), |u| format!(" {u}"));

    let arms: Vec<ArmSeries> = resolved
        .arms
        .iter()
        .map(|arm| ArmSeries {
            arm: arm.clone(),
            points: visits
                .iter()
                .map(|visit| VisitSummary {
                    visit: visit.clone(),
                    summary: match usable {
                        None => Err(reason.clone()),
                        Some(set) => {
                            summarise(&sample(&arm.id, &visit.id), selection.ci_level, &set.provenance, &fmt)
                        }
                    },
                })
                .collect(),
        })
        .collect();

    let mut within_arm = Vec::new();
    if let (Some(base), Some(visit)) = (&resolved.baseline, &resolved.compare_visit) {
        for arm in &resolved.arms {
            // A summary of this change the bundle gives (a reader's digitised mean change) is
            // set beside the computed one, as the claims check it.
            let given_change = bundle
                .continuous_summaries(endpoint.id(), &arm.id, &visit.id, Some(&base.id))
                .find_map(|s| given_shown(s, &difference_fmt))
                .filter(|s| !hidden || s.provenance.is_reported());
            let mut shown: Vec<Shown> =
                published::within_arm(bundle, endpoint.id(), &arm.id, &base.id, &visit.id)
                    .map(published::p_beside)
                    .into_iter()
                    .chain(
                        published::within_arm_statements(bundle, endpoint.id(), &arm.id, &base.id, &visit.id)
                            .map(published::statement_shown),
                    )
                    .collect();
            if hidden {
                shown.retain(|s| s.provenance.is_reported());
                if shown.is_empty() && given_change.is_none() {
                    continue;
                }
            }
            let (mean_change, p) = match (usable, &by_patient) {
                (Some(set), Some(m)) if visit.id != base.id => paired(
                    m,
                    &arm.id,
                    &base.id,
                    &visit.id,
                    selection.ci_level,
                    &set.provenance,
                    &difference_fmt,
                    &unit_suffix,
                ),
                (Some(_), _) => (
                    Err("the comparison visit is the baseline".to_string()),
                    Err("the comparison visit is the baseline".to_string()),
                ),
                _ => (Err(reason.clone()), Err(reason.clone())),
            };
            within_arm.push(WithinArmTest {
                arm: arm.clone(),
                visit: visit.clone(),
                mean_change,
                p,
                published: shown,
                given_change,
            });
        }
    }

    let mut between_arms = Vec::new();
    let mut anova = None;
    if let (Some(set), Some(visit)) = (usable, &resolved.compare_visit) {
        if let Some(reference) = &resolved.reference {
            let reference_values = sample(&reference.id, &visit.id);
            for arm in resolved.compared_arms() {
                let values = sample(&arm.id, &visit.id);
                let test = welch_t_test_values(&values, &reference_values, selection.ci_level.value());
                let (difference, p) = match test {
                    Ok(t) => (
                        Ok(Estimate::new(
                            t.estimate,
                            Some((t.ci.lower, t.ci.upper)),
                            format!(
                                "{}{unit_suffix} {}",
                                signed(t.estimate, &difference_fmt),
                                format_interval(
                                    selection.ci_level.label(),
                                    (t.ci.lower, t.ci.upper),
                                    difference_fmt
                                )
                            ),
                            computed(&set.provenance, "difference in means with Welch's interval"),
                        )),
                        Ok(Estimate::new(
                            t.p_value,
                            None,
                            format!(
                                "{} (Welch t = {} on {} df)",
                                format_p(t.p_value),
                                format_number(t.t, 2),
                                format_number(t.df, 1)
                            ),
                            computed(&set.provenance, "Welch's two-sample t-test"),
                        )),
                    ),
                    Err(e) => (Err(not_computable(&e)), Err(not_computable(&e))),
                };
                between_arms.push(BetweenArmsTest {
                    arm: arm.clone(),
                    reference: reference.clone(),
                    difference,
                    p,
                });
            }
        }
        if resolved.arms.len() >= 3 {
            let samples: Vec<Vec<f64>> = resolved.arms.iter().map(|a| sample(&a.id, &visit.id)).collect();
            let slices: Vec<&[f64]> = samples.iter().map(Vec::as_slice).collect();
            anova = Some(
                one_way_anova(&slices)
                    .map(|a| {
                        Estimate::new(
                            a.p_value,
                            None,
                            format!(
                                "{} (F = {} on {} and {} df)",
                                format_p(a.p_value),
                                format_number(a.f, 2),
                                a.df_between,
                                a.df_within
                            ),
                            computed(&set.provenance, "one-way ANOVA"),
                        )
                    })
                    .map_err(|e| not_computable(&e)),
            );
        }
    }
    let published_among_arms: Vec<Shown> = published::between_arms_statements(bundle, endpoint.id())
        .map(published::statement_shown)
        .filter(|s| !hidden || s.provenance.is_reported())
        .collect();
    let mut given = Vec::new();
    let from = change.then_some(baseline_id.as_deref()).flatten();
    for arm in &resolved.arms {
        for visit in &visits {
            for summary in bundle.continuous_summaries(endpoint.id(), &arm.id, &visit.id, from) {
                let Some(shown) = given_shown(summary, &fmt) else { continue };
                if hidden && !shown.provenance.is_reported() {
                    continue;
                }
                let mean = summary.mean.as_ref().map(|m| (m.value, fmt(m.value)));
                given.push(GivenSummary { arm: arm.clone(), visit: visit.clone(), mean, shown });
            }
        }
    }
    let mut view = ContinuousView {
        endpoint,
        label: meta.map_or_else(|| endpoint.id().to_string(), |e| e.label.clone()),
        unit,
        change_from_baseline: change,
        baseline: resolved.baseline.clone(),
        compare_visit: resolved.compare_visit.clone(),
        ci_level: selection.ci_level,
        data,
        arms,
        within_arm,
        between_arms,
        anova,
        published_among_arms,
        given,
        tables: Vec::new(),
    };
    if let (true, Some(Ok(anova))) = (view.changes_differ_among_arms(), &view.anova) {
        notices.push(among_arms_reading(&anova.shown));
    }
    view.tables = super::continuous_tables::continuous_tables(&view);
    view
}

/// A given summary's values in words, "mean 231.5, SD 60.2, median 220, Q1 180, Q3 260, n 24",
/// with the provenance of its first value; `None` when it gives none.
fn given_shown(summary: &ContinuousSummary, fmt: &dyn Fn(f64) -> String) -> Option<Shown> {
    let mut parts = Vec::new();
    let mut provenance = None;
    let mut add = |name: &str, fact: Option<&Fact<f64>>| {
        if let Some(fact) = fact {
            parts.push(format!("{name} {}", fmt(fact.value)));
            provenance.get_or_insert_with(|| fact.provenance.clone());
        }
    };
    add("mean", summary.mean.as_ref());
    add("SD", summary.sd.as_ref());
    add("median", summary.median.as_ref());
    add("Q1", summary.q1.as_ref());
    add("Q3", summary.q3.as_ref());
    if let Some(n) = &summary.n {
        parts.push(format!("n {}", n.value));
        provenance.get_or_insert_with(|| n.provenance.clone());
    }
    Some(Shown { text: parts.join(", "), provenance: provenance? })
}

impl ContinuousView {
    /// Whether the shown changes from baseline differ between the arms (one-way ANOVA below
    /// the significance level) beside a published sentence of no changes among the arms: the
    /// two then need the reading the view's note gives (`among_arms_reading`).
    pub fn changes_differ_among_arms(&self) -> bool {
        let differ = matches!(&self.anova, Some(Ok(a)) if a.value < SIGNIFICANCE);
        self.change_from_baseline && !self.published_among_arms.is_empty() && differ
    }
}

/// Changes from baseline that differ between the arms, beside the abstract's "no significant
/// changes … among the three arms": the sentence names no test and no visit, and the claims
/// panel reads it as the arms' levels compared at each published visit. The reader is told
/// which reading holds here, so the two do not look like a contradiction nobody noticed.
/// The ANOVA's P is quoted with its provenance, as every number on screen is.
fn among_arms_reading(anova: &Shown) -> Notice {
    let (kind, p) = (anova.provenance.label(), &anova.text);
    Notice::new(
        NoticeKind::Note,
        format!(
            "The changes from baseline differ between the arms here ({kind}: one-way ANOVA {p}), while the abstract \
             reports no significant changes among the three arms. The abstract names no test and no visit for that \
             sentence: the claims panel reads it as the arms' levels compared at each published visit, which these \
             data satisfy. Read as changes from baseline, it would not hold for these data."
        ),
    )
}

fn group_by_patient(set: &MeasurementDataset) -> ByPatient<'_> {
    let mut m: ByPatient = BTreeMap::new();
    for r in &set.records {
        m.entry(r.arm.as_str())
            .or_default()
            .entry(r.patient.as_str())
            .or_default()
            .insert(r.visit.as_str(), r.value);
    }
    m
}

/// Values of `arm` at `visit`, in patient order; with `baseline`, changes from it (patients
/// measured at both only).
fn values_at(m: &ByPatient, arm: &str, visit: &str, baseline: Option<&str>) -> Vec<f64> {
    let Some(patients) = m.get(arm) else { return Vec::new() };
    patients
        .values()
        .filter_map(|visits| {
            let value = *visits.get(visit)?;
            match baseline {
                None => Some(value),
                Some(b) => visits.get(b).map(|base| value - base),
            }
        })
        .collect()
}

fn summarise(
    values: &[f64],
    level: CiLevel,
    provenance: &Provenance,
    fmt: &dyn Fn(f64) -> String,
) -> Result<MeanSummary, String> {
    if values.is_empty() {
        return Err("no measurements".to_string());
    }
    let s = GroupSummary::from_values(values).map_err(|e| not_computable(&e))?;
    let ci = if s.n() >= 2 { s.mean_ci(level.value()).ok().map(|i| (i.lower, i.upper)) } else { None };
    let mut text = fmt(s.mean());
    if let Some(ci) = ci {
        text = format!("{text} {}", format_interval(level.label(), ci, fmt));
    }
    let sd = if s.n() >= 2 { fmt(s.sd()) } else { "not defined (one patient)".to_string() };
    Ok(MeanSummary {
        n: s.n(),
        mean: Estimate::new(s.mean(), ci, text, computed(provenance, "mean with a t-based interval")),
        sd: Estimate::new(s.sd(), None, sd, computed(provenance, "sample standard deviation")),
    })
}

#[allow(clippy::too_many_arguments)]
fn paired(
    m: &ByPatient,
    arm: &str,
    base: &str,
    visit: &str,
    level: CiLevel,
    provenance: &Provenance,
    fmt: &dyn Fn(f64) -> String,
    unit: &str,
) -> (Result<Estimate, String>, Result<Estimate, String>) {
    let pairs: Vec<(f64, f64)> = m
        .get(arm)
        .map(|patients| patients.values().filter_map(|v| Some((*v.get(visit)?, *v.get(base)?))).collect())
        .unwrap_or_default();
    let (after, before): (Vec<f64>, Vec<f64>) = pairs.into_iter().unzip();
    match paired_t_test(&after, &before, level.value()) {
        Ok(t) => (
            Ok(Estimate::new(
                t.estimate,
                Some((t.ci.lower, t.ci.upper)),
                format!(
                    "{}{unit} {} (n = {})",
                    signed(t.estimate, fmt),
                    format_interval(level.label(), (t.ci.lower, t.ci.upper), fmt),
                    after.len()
                ),
                computed(provenance, "mean of per-patient changes with a t-based interval"),
            )),
            Ok(Estimate::new(
                t.p_value,
                None,
                format!("{} (paired t = {} on {} df)", format_p(t.p_value), format_number(t.t, 2), t.df),
                computed(provenance, "paired t-test"),
            )),
        ),
        Err(e) => (Err(not_computable(&e)), Err(not_computable(&e))),
    }
}

fn signed(x: f64, fmt: &dyn Fn(f64) -> String) -> String {
    let text = fmt(x);
    // A change that rounds to zero is shown as zero, not "+0.00".
    if x > 0.0 && !reads_as_zero(&text) {
        format!("+{text}")
    } else {
        text
    }
}
