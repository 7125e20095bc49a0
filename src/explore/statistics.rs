//! The statistics panel's lines: every test and estimate of a view, one per line, each with
//! the published figure it is set beside. Built here so that the panel only lays out text.

use super::estimate::Estimate;
use super::notice::NoticeKind;
use super::shown::Shown;
use super::view::{View, ViewBody};

/// One statistic: what is compared, which statistic, this data's value (or why there is
/// none) and the published figure for the same comparison, when there is one.
#[derive(Debug, Clone, PartialEq)]
pub struct StatLine {
    /// "Low dose vs Placebo", "High dose: Week 48 vs Baseline", "All shown arms".
    pub subject: String,
    /// "Log-rank P", "Fisher's exact P at week 96".
    pub statistic: String,
    /// This data's figure with its provenance, or why there is none.
    pub shown: Result<Shown, String>,
    /// The number itself, for tests and exact-value tooltips.
    pub value: Option<f64>,
    pub published: Option<Shown>,
}

impl StatLine {
    fn new(
        subject: &str,
        statistic: &str,
        estimate: &Result<Estimate, String>,
        published: Option<&Shown>,
    ) -> Self {
        StatLine {
            subject: subject.to_string(),
            statistic: statistic.to_string(),
            shown: estimate.as_ref().map(|e| e.shown.clone()).map_err(Clone::clone),
            value: estimate.as_ref().ok().map(|e| e.value),
            published: published.cloned(),
        }
    }
}

/// The published sentences a view sets beside its tests without a test of their own
/// (e.g. "no significant changes … among the three arms").
pub fn published_findings(view: &View) -> Vec<Shown> {
    match &view.body {
        ViewBody::Continuous(v) => v.published_among_arms.clone(),
        // Safety's statements are the view itself, shown in the chart's place.
        _ => Vec::new(),
    }
}

/// What the statistics panel says when `view` has neither a test nor a published finding:
/// why, for this view, rather than one sentence for every case.
pub fn no_statistics_reason(view: &View) -> &'static str {
    match &view.body {
        ViewBody::Safety(_) => "No tests: only sentences are published for this endpoint.",
        ViewBody::Unavailable(_) => "No tests: this view has no data to test.",
        // Reported only: tests of unpublished data are left out, and none is published here.
        _ if view.comparable && view.notices.iter().any(|n| n.kind == NoticeKind::Hidden) => {
            "No tests: with reported only on, only published tests are listed, and none is published for this view."
        }
        // The view's notice says which: the reference arm hidden, or only one arm shown.
        _ => "No tests: a comparison needs the reference arm and at least one other arm shown.",
    }
}

/// Every test and estimate of `view`, in the order of its comparisons.
pub fn statistics(view: &View) -> Vec<StatLine> {
    let mut lines = Vec::new();
    match &view.body {
        ViewBody::Response(v) => {
            let week = v.horizon_weeks;
            for c in &v.comparisons {
                let subject = format!("{} vs {}", c.arm.label, c.reference.label);
                let published = c.published_p.as_ref();
                lines.push(StatLine::new(&subject, "Log-rank P", &c.log_rank, published));
                lines.push(StatLine::new(&subject, "Peto–Peto P", &c.peto_peto, None));
                lines.push(StatLine::new(&subject, "Hazard ratio (Cox)", &c.hazard_ratio, None));
                let fisher = format!("Fisher's exact P, responders by week {week}");
                lines.push(StatLine::new(
                    &subject,
                    &fisher,
                    &c.at_horizon.fisher,
                    c.published_fisher.as_ref(),
                ));
                let difference = format!("Risk difference by week {week}");
                lines.push(StatLine::new(&subject, &difference, &c.at_horizon.risk_difference, None));
            }
            if let Some(overall) = &v.overall_log_rank {
                lines.push(StatLine::new("All shown arms", "Log-rank P (k arms)", overall, None));
            }
            for s in &v.ensemble_spread {
                let subject = format!("{} vs {}", s.arm.label, s.reference.label);
                lines.push(StatLine {
                    subject,
                    statistic: "Log-rank P across reconstructions".to_string(),
                    shown: Ok(s.shown.clone()),
                    value: None,
                    published: None,
                });
            }
        }
        ViewBody::Continuous(v) => {
            for t in &v.within_arm {
                let baseline = v.baseline.as_ref().map_or("baseline", |b| b.label.as_str());
                let subject = format!("{}: {} vs {baseline}", t.arm.label, t.visit.label);
                lines.push(StatLine::new(&subject, "Mean change", &t.mean_change, t.given_change.as_ref()));
                lines.push(StatLine::new(&subject, "Paired t-test P", &t.p, t.published.first()));
            }
            let at = v.compare_visit.as_ref().map_or(String::new(), |c| format!(" at {}", c.label));
            for t in &v.between_arms {
                let subject = format!("{} vs {}{at}", t.arm.label, t.reference.label);
                lines.push(StatLine::new(&subject, "Difference in means", &t.difference, None));
                lines.push(StatLine::new(&subject, "Welch t-test P", &t.p, None));
            }
            if let Some(anova) = &v.anova {
                lines.push(StatLine::new(&format!("All shown arms{at}"), "One-way ANOVA P", anova, None));
            }
        }
        ViewBody::Proportions(v) => {
            let week = v.visit.as_ref().map_or("the chosen week".to_string(), |w| w.label.clone());
            for c in &v.comparisons {
                let subject = format!("{} vs {}", c.arm.label, c.reference.label);
                let fisher = format!("Fisher's exact P by {week}");
                lines.push(StatLine::new(&subject, &fisher, &c.counts.fisher, c.published_p.as_ref()));
                let difference = format!("Risk difference by {week}");
                lines.push(StatLine::new(&subject, &difference, &c.counts.risk_difference, None));
            }
        }
        ViewBody::Safety(_) | ViewBody::Unavailable(_) => {}
    }
    lines
}
