//! Checking a [`Selection`] against the bundle. Nothing here fails: ids the bundle does not
//! know are left out, out-of-range numbers are brought into range, and each such change
//! becomes a notice the view shows.

use crate::trial::{Bundle, Provenance};

use super::notice::{Notice, NoticeKind};
use super::selection::Selection;

/// An arm the view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ArmRef {
    pub id: String,
    pub label: String,
}

/// A visit the view uses.
#[derive(Debug, Clone, PartialEq)]
pub struct VisitRef {
    pub id: String,
    pub label: String,
    pub week: u32,
    /// Only baseline, week 48 and week 96 are published visits.
    pub provenance: Provenance,
}

/// The selection in bundle terms, with what had to be changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// Arms shown, in the bundle's order.
    pub arms: Vec<ArmRef>,
    /// `None` when the reference arm is unknown or not shown: then nothing is compared.
    pub reference: Option<ArmRef>,
    /// Visits shown for continuous endpoints, in week order.
    pub visits: Vec<VisitRef>,
    pub baseline: Option<VisitRef>,
    pub compare_visit: Option<VisitRef>,
    pub response_week: Option<VisitRef>,
    pub horizon_weeks: u32,
    /// Visit weeks up to the horizon: the columns of the at-risk table and the x-axis ticks.
    pub risk_weeks: Vec<u32>,
    pub notices: Vec<Notice>,
}

impl Resolved {
    /// The shown arms other than the reference, each to be compared with it.
    pub fn compared_arms(&self) -> Vec<&ArmRef> {
        match &self.reference {
            Some(reference) => self.arms.iter().filter(|a| a.id != reference.id).collect(),
            None => Vec::new(),
        }
    }
}

/// Resolve `selection` against `bundle`.
pub fn resolve(bundle: &Bundle, selection: &Selection) -> Resolved {
    let mut notices = Vec::new();
    let known_arms: Vec<&str> = bundle.arms.iter().map(|a| a.id.as_str()).collect();
    for id in selection.arms.iter().filter(|id| !known_arms.contains(&id.as_str())) {
        notices.push(Notice::new(
            NoticeKind::Ignored,
            format!("Unknown arm '{id}' ignored; the arms are {}.", known_arms.join(", ")),
        ));
    }
    let arms: Vec<ArmRef> = bundle
        .arms
        .iter()
        .filter(|a| selection.arms.contains(&a.id))
        .map(|a| ArmRef { id: a.id.clone(), label: a.label.clone() })
        .collect();
    if arms.is_empty() {
        notices.push(Notice::new(NoticeKind::Ignored, "No arm is selected; turn on at least one arm."));
    }
    let reference = resolve_reference(bundle, selection, &arms, &mut notices);

    let visit_ref = |v: &crate::trial::Visit| VisitRef {
        id: v.id.clone(),
        label: v.label.clone(),
        week: v.week.value,
        provenance: v.week.provenance.clone(),
    };
    let find_visit = |id: &str| bundle.visits.iter().find(|v| v.id == id).map(visit_ref);
    for id in selection.visits.iter().filter(|id| find_visit(id).is_none()) {
        notices.push(Notice::new(NoticeKind::Ignored, format!("Unknown visit '{id}' ignored.")));
    }
    let visits: Vec<VisitRef> =
        bundle.visits.iter().filter(|v| selection.visits.contains(&v.id)).map(visit_ref).collect();
    let baseline = bundle.visits.iter().min_by_key(|v| v.week.value).map(visit_ref);
    let last_visit = bundle.visits.iter().max_by_key(|v| v.week.value).map(visit_ref);
    let mut visit_or_last = |id: &str, what: &str| match find_visit(id) {
        Some(v) => Some(v),
        None => {
            let fallback = last_visit.clone();
            let instead = fallback.as_ref().map_or("nothing".to_string(), |v| v.label.clone());
            notices.push(Notice::new(
                NoticeKind::Ignored,
                format!("Unknown visit '{id}' for the {what}; using {instead} instead."),
            ));
            fallback
        }
    };
    let compare_visit = visit_or_last(&selection.compare_visit, "comparison visit");
    let response_week = visit_or_last(&selection.response_week, "response week");

    let follow_up = bundle.trial.follow_up_weeks.value.max(1);
    let horizon_weeks = if (1..=follow_up).contains(&selection.horizon_weeks) {
        selection.horizon_weeks
    } else {
        notices.push(Notice::new(
            NoticeKind::Ignored,
            format!(
                "Horizon of {} weeks is outside the follow-up (1 to {follow_up} weeks); using {follow_up} weeks.",
                selection.horizon_weeks
            ),
        ));
        follow_up
    };
    // Validation keeps the visits in strictly increasing week order, so these are sorted.
    let risk_weeks: Vec<u32> =
        bundle.visits.iter().map(|v| v.week.value).filter(|w| *w <= horizon_weeks).collect();

    Resolved {
        arms,
        reference,
        visits,
        baseline,
        compare_visit,
        response_week,
        horizon_weeks,
        risk_weeks,
        notices,
    }
}

fn resolve_reference(
    bundle: &Bundle,
    selection: &Selection,
    arms: &[ArmRef],
    notices: &mut Vec<Notice>,
) -> Option<ArmRef> {
    let wanted = &selection.reference_arm;
    let Some(arm) = bundle.arms.iter().find(|a| &a.id == wanted) else {
        notices.push(Notice::new(
            NoticeKind::Ignored,
            format!("Unknown reference arm '{wanted}'; no comparisons are made. Choose a reference arm."),
        ));
        return None;
    };
    if arms.iter().any(|a| &a.id == wanted) {
        Some(ArmRef { id: arm.id.clone(), label: arm.label.clone() })
    } else {
        notices.push(Notice::new(
            NoticeKind::NotAvailable,
            format!(
                "The reference arm ({}) is not shown, so no comparisons are made; turn it on to compare.",
                arm.label
            ),
        ));
        None
    }
}
