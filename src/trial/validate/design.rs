//! Rules for the design sections: sources, provenances, arms, visits, endpoints, eligibility.

use super::Check;
use crate::trial::bundle::Bundle;
use crate::trial::error::BundleError;
use crate::trial::provenance::Provenance;
use crate::trial::walk::provenances;

pub(super) fn check_sources(check: &Check, bundle: &Bundle) -> Result<(), BundleError> {
    check.unique_ids("sources", "source", bundle.sources.iter().map(|s| s.id.as_str()))
}

/// Every `Reported` value names a declared source, and no provenance leaves its explanation
/// empty: a badge without a "where from" would be worse than none.
pub(super) fn check_provenances(check: &Check, bundle: &Bundle) -> Result<(), BundleError> {
    for found in provenances(bundle) {
        let at = |key: &str| format!("{}.provenance.{key}", found.path);
        let (key, text, hint) = match &found.provenance {
            Provenance::Reported { source, locator } => {
                if !bundle.sources.iter().any(|s| &s.id == source) {
                    return check.fail(
                        at("source"),
                        format!("unknown source '{source}'; declare it under \"sources\""),
                    );
                }
                ("locator", locator, "say where the source states the value")
            }
            Provenance::Derived { from, how } => {
                if from.trim().is_empty() {
                    return check.fail(at("from"), "must not be empty; name the values it is derived from");
                }
                ("how", how, "state the derivation")
            }
            Provenance::Reconstructed { method, .. } => {
                ("method", method, "name the reconstruction procedure")
            }
            Provenance::Illustrative { why } => ("why", why, "say why the value is shown"),
            Provenance::Imported { file } => ("file", file, "name the imported file"),
        };
        if text.trim().is_empty() {
            return check.fail(at(key), format!("must not be empty; {hint}"));
        }
    }
    Ok(())
}

pub(super) fn check_arms(check: &Check, bundle: &Bundle) -> Result<(), BundleError> {
    if bundle.arms.is_empty() {
        return check.fail("arms", "at least one arm is needed");
    }
    check.unique_ids("arms", "arm", bundle.arms.iter().map(|a| a.id.as_str()))?;
    let total: u32 = bundle.arms.iter().map(|a| a.randomized_n.value).sum();
    if total != bundle.trial.enrolled.value {
        return check.fail(
            "arms",
            format!(
                "randomized_n adds up to {total} over the arms, but trial.enrolled is {}",
                bundle.trial.enrolled.value
            ),
        );
    }
    Ok(())
}

pub(super) fn check_visits(check: &Check, bundle: &Bundle) -> Result<(), BundleError> {
    check.unique_ids("visits", "visit", bundle.visits.iter().map(|v| v.id.as_str()))?;
    let follow_up = bundle.trial.follow_up_weeks.value;
    for (i, pair) in bundle.visits.windows(2).enumerate() {
        let (before, after) = (pair[0].week.value, pair[1].week.value);
        if after <= before {
            return check.fail(
                format!("visits[{}].week", i + 1),
                format!("visits must be listed in increasing week order: week {after} follows week {before}"),
            );
        }
    }
    if let Some((i, v)) = bundle.visits.iter().enumerate().find(|(_, v)| v.week.value > follow_up) {
        return check.fail(
            format!("visits[{i}].week"),
            format!("week {} is after the end of the {follow_up}-week follow-up", v.week.value),
        );
    }
    Ok(())
}

pub(super) fn check_endpoints(check: &Check, bundle: &Bundle) -> Result<(), BundleError> {
    check.unique_ids("endpoints", "endpoint", bundle.endpoints.iter().map(|e| e.id.as_str()))
}

pub(super) fn check_eligibility(check: &Check, bundle: &Bundle) -> Result<(), BundleError> {
    check.unique_ids("eligibility", "criterion", bundle.eligibility.iter().map(|c| c.id.as_str()))?;
    for (i, criterion) in bundle.eligibility.iter().enumerate() {
        let Some(range) = &criterion.range else {
            continue;
        };
        let field = format!("eligibility[{i}].range");
        for (end, bound) in [("lower", &range.lower), ("upper", &range.upper)] {
            if let Some(bound) = bound {
                check.number(&format!("{field}.{end}.value"), bound.value.value, true)?;
            }
        }
        if let (Some(lower), Some(upper)) = (&range.lower, &range.upper) {
            if lower.value.value > upper.value.value {
                return check.fail(
                    field,
                    format!(
                        "the lower bound {} is above the upper bound {}",
                        lower.value.value, upper.value.value
                    ),
                );
            }
        }
    }
    Ok(())
}
