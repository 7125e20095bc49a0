//! Cumulative-incidence curves (1 − Kaplan–Meier) and the time-to-event tests, from one event
//! dataset. Curves come from `kaplan_meier_by_group` on the shown arms pooled, as R's
//! `survfit(~ arm)` does, so that they line up with the log-rank test.

use crate::stats::cox::{cox_ph, Ties};
use crate::stats::km::{kaplan_meier_by_group, CiType, KaplanMeier};
use crate::stats::logrank::log_rank;
use crate::trial::{EventRecord, Provenance};

use super::estimate::{format_interval, format_number, format_p, format_percent, format_week, Estimate};
use super::selection::CiLevel;

/// One step of a cumulative-incidence curve: `probability` holds from `week` until the next
/// step. Limits are `None` where the log interval is undefined (the curve at 1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CurveStep {
    pub week: f64,
    pub probability: f64,
    pub lower: Option<f64>,
    pub upper: Option<f64>,
}

/// Patients censored at a time, drawn as "+" on the curve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CensorMark {
    pub week: f64,
    pub probability: f64,
    pub count: usize,
}

/// One arm's curve up to the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Curve {
    /// Starts at (0, 0); the last step ends the curve at the horizon or at the arm's last
    /// follow-up time, whichever comes first (the estimate is not carried past the data).
    pub steps: Vec<CurveStep>,
    pub censored: Vec<CensorMark>,
    /// Cumulative probability at the horizon with its interval.
    pub at_horizon: Estimate,
    pub provenance: Provenance,
}

/// Records with follow-up past `horizon` censored there, so that tests compare the curves
/// shown and nothing beyond them.
pub fn censor_at(records: &[&EventRecord], horizon: f64) -> (Vec<f64>, Vec<bool>) {
    records.iter().map(|r| if r.time > horizon { (horizon, false) } else { (r.time, r.event) }).unzip()
}

/// Fit one curve per group; `groups` labels records `0..k`.
pub fn fit_curves(records: &[&EventRecord], groups: &[usize]) -> Result<Vec<KaplanMeier>, String> {
    let times: Vec<f64> = records.iter().map(|r| r.time).collect();
    let events: Vec<bool> = records.iter().map(|r| r.event).collect();
    kaplan_meier_by_group(&times, &events, groups)
        .map_err(|e| format!("the curves could not be estimated: {}", e.reason()))
}

/// The drawn curve of one fit, cut at `horizon`.
pub fn curve(
    fit: &KaplanMeier,
    horizon: f64,
    level: CiLevel,
    provenance: &Provenance,
) -> Result<Curve, String> {
    let band = fit
        .cumulative_incidence_band(level.value(), CiType::Log)
        .map_err(|e| format!("the confidence band could not be computed: {}", e.reason()))?;
    let incidence = fit.cumulative_incidence();
    let mut steps = vec![CurveStep { week: 0.0, probability: 0.0, lower: Some(0.0), upper: Some(0.0) }];
    let mut censored = Vec::new();
    for i in (0..fit.len()).take_while(|&i| fit.time()[i] <= horizon) {
        let (week, probability) = (fit.time()[i], incidence[i]);
        let limits = band[i];
        if fit.n_event()[i] > 0 {
            let step = CurveStep {
                week,
                probability,
                lower: limits.map(|l| l.lower),
                upper: limits.map(|l| l.upper),
            };
            if week == 0.0 {
                steps[0] = step;
            } else {
                steps.push(step);
            }
        }
        if fit.n_censor()[i] > 0 {
            censored.push(CensorMark { week, probability, count: fit.n_censor()[i] });
        }
    }
    let last = *steps.last().expect("the curve starts with a step at week 0");
    let end = horizon.min(fit.time().last().copied().unwrap_or(0.0));
    if end > last.week {
        steps.push(CurveStep { week: end, ..last });
    }
    let interval = last.lower.zip(last.upper);
    let mut text = format_percent(last.probability);
    if let Some(limits) = interval {
        text = format!("{text} {}", format_interval(level.label(), limits, format_percent));
    }
    if end < horizon {
        text.push_str(&follow_up_ends(end));
    }
    let how = "Kaplan–Meier cumulative probability with a log-scale Greenwood interval";
    let at_horizon = Estimate::new(last.probability, interval, text, super::data::computed(provenance, how));
    Ok(Curve { steps, censored, at_horizon, provenance: provenance.clone() })
}

/// "; follow-up in this arm ends at week 48": said after an arm's value wherever the value is
/// read past the end of that arm's follow-up (at the horizon, or by the chart's readout).
pub fn follow_up_ends(end: f64) -> String {
    format!("; follow-up in this arm ends at week {}", format_week(end))
}

/// Log-rank (`rho = 0`) or Peto–Peto (`rho = 1`) P for the groups labelled `0..`, named
/// `names` (the arms) where a reason not to compute it concerns one of them.
pub fn g_rho_p(
    (times, events, groups): (&[f64], &[bool], &[usize]),
    names: &[&str],
    rho: f64,
    provenance: &Provenance,
) -> Result<Estimate, String> {
    let name = if rho == 0.0 { "log-rank test" } else { "Peto–Peto test (G-rho, rho = 1)" };
    log_rank(times, events, groups, rho)
        .map(|t| {
            Estimate::new(
                t.p_value,
                None,
                format!("{} (chi-square {} on {} df)", format_p(t.p_value), format_number(t.chisq, 2), t.df),
                super::data::computed(provenance, name),
            )
        })
        .map_err(|e| format!("not computable: {}", e.reason_naming(names)))
}

/// Hazard ratio of response of group 1 against group 0 (Cox, Efron ties) with its Wald
/// interval; above 1 means group 1 responds sooner.
pub fn hazard_ratio(
    times: &[f64],
    events: &[bool],
    groups: &[usize],
    level: CiLevel,
    provenance: &Provenance,
) -> Result<Estimate, String> {
    // In the reader's words rather than the model's ("information matrix is singular").
    let not_estimable = |_| {
        "not estimable from these data: the Cox model cannot be fitted to them (for example too few responses, or a hazard ratio that runs to 0 or infinity)".to_string()
    };
    let fit = cox_ph(times, events, groups, Ties::Efron).map_err(not_estimable)?;
    let hr = fit.hazard_ratio()[0];
    let ci = fit.hazard_ratio_ci(level.value()).map_err(not_estimable)?[0];
    let two = |x: f64| format_number(x, 2);
    Ok(Estimate::new(
        hr,
        Some((ci.lower, ci.upper)),
        format!("HR {} {}", two(hr), format_interval(level.label(), (ci.lower, ci.upper), two)),
        super::data::computed(provenance, "Cox proportional hazards, Efron ties, Wald interval"),
    ))
}
