//! Claims (a)–(c): CD4 count at week 48 against baseline within one arm, by the paired
//! t-test on the patients measured at both visits (the abstract names no test; the paired
//! t-test is the usual one for a change within patients), or from a summary of the change
//! (mean, SD, n) given in the bundle, such as one digitised from the paper.

use super::data::{change_summary, change_summary_named, measurements, paired, used_measurements};
use super::format::p_value;
use super::outcome::{not_checkable, Claim, ClaimCheck, DataUsed, Draft, Figure};
use super::{visit_label, SIGNIFICANCE};
use crate::stats::ttest::{paired_t_test, paired_t_test_from_summary};
use crate::stats::StatsError;
use crate::trial::{Bundle, Comparison, PValue};

/// What the paired test must show.
enum Expect {
    /// A rise with P inside the published P's bounds.
    Rise(PValue),
    /// No significant change.
    NoChange,
}

/// A published within-arm test of a rise: (a) high dose, (b) low dose.
pub fn check_rise(bundle: &Bundle, claim: Claim, test_id: &str) -> ClaimCheck {
    let links = vec![test_id.to_string()];
    let Some(test) = bundle.tests.iter().find(|t| t.id == test_id) else {
        let why = format!("the bundle has no published test '{test_id}'");
        return not_checkable(claim, links, String::new(), why);
    };
    let claim_text = test.claim.as_ref().map_or(test.id.as_str(), |c| c.value.as_str());
    // The published P is in the figures beside it (and in the abstract's sentence).
    let published = claim_text.to_string();
    let Comparison::WithinArm { arm, from, to } = &test.comparison else {
        let why = format!("test '{test_id}' does not compare two visits within one arm");
        return not_checkable(claim, links, published, why);
    };
    let expect = Expect::Rise(test.p.value.p);
    let draft = check_change(bundle, &test.endpoint, arm, from, to, &test.p.value.text, expect);
    draft.finish(claim, links, published)
}

/// A published statement of no change within an arm: (c) the control arm.
pub fn check_no_change(bundle: &Bundle, claim: Claim, statement_id: &str) -> ClaimCheck {
    let links = vec![statement_id.to_string()];
    let Some(statement) = bundle.statements.iter().find(|s| s.id == statement_id) else {
        let why = format!("the bundle has no published statement '{statement_id}'");
        return not_checkable(claim, links, String::new(), why);
    };
    let published = statement.text.value.clone();
    let (Some(Comparison::WithinArm { arm, from, to }), Some(endpoint)) =
        (&statement.comparison, statement.endpoints.first())
    else {
        let why = format!("statement '{statement_id}' does not compare two visits within one arm");
        return not_checkable(claim, links, published, why);
    };
    let reading = format!("no significant change (read as P ≥ {SIGNIFICANCE})");
    let draft = check_change(bundle, endpoint, arm, from, to, &reading, Expect::NoChange);
    draft.finish(claim, links, published)
}

fn check_change(
    bundle: &Bundle,
    endpoint: &str,
    arm: &str,
    from: &str,
    to: &str,
    published_p: &str,
    expect: Expect,
) -> Draft {
    let mut draft = Draft::default();
    // A summary of the change given in the bundle (a mean change with its SD and n, digitised
    // from the paper) is what the paper says; patient-level data are used where there is none.
    let (test, n, provenance) = if let Some(summary) = change_summary(bundle, endpoint, arm, from, to) {
        let tested = summary.and_then(|(changes, provenance)| {
            draft.used(DataUsed {
                dataset: format!("result:{endpoint}:{arm}"),
                endpoint: endpoint.to_string(),
                provenance: provenance.clone(),
            });
            paired_t_test_from_summary(&changes, 0.95)
                .map(|test| (test, changes.n(), provenance.clone()))
                .map_err(|e| format!("{}: {}", change_summary_named(arm, from, to), e.reason()))
        });
        match tested {
            Ok(tested) => tested,
            Err(why) => {
                draft.missing.push(why);
                return draft;
            }
        }
    } else {
        let set = match measurements(bundle, endpoint) {
            Ok(set) => set,
            Err(why) => {
                draft.missing.push(why);
                return draft;
            }
        };
        draft.used(used_measurements(set));
        let (before, after) = paired(set, arm, from, to);
        match paired_t_test(&after, &before, 0.95) {
            Ok(test) => (test, before.len(), set.provenance.clone()),
            Err(e) => {
                draft.missing.push(match e {
                    StatsError::Empty { .. } | StatsError::TooFewObservations { .. } => format!(
                        "dataset '{}' has {} patients of arm '{arm}' measured at both '{from}' and '{to}'; the paired test needs 2",
                        set.id,
                        before.len()
                    ),
                    other => format!("dataset '{}', arm '{arm}': {other}", set.id),
                });
                return draft;
            }
        }
    };
    let when = format!("{} vs {}", visit_label(bundle, to), visit_label(bundle, from));
    let (published_change, change_agrees, p_agrees) = match expect {
        Expect::Rise(p) => {
            let (low, high) = p.bounds();
            ("an increase".to_string(), Some(test.estimate > 0.0), low <= test.p_value && test.p_value < high)
        }
        Expect::NoChange => ("no change (no size given)".to_string(), None, test.p_value >= SIGNIFICANCE),
    };
    draft.figures.push(Figure {
        what: format!("mean change, {when}"),
        published: published_change,
        recomputed: format!("{:+.1} (n = {n})", test.estimate),
        value: test.estimate,
        provenance: provenance.clone(),
        agrees: change_agrees,
    });
    draft.figures.push(Figure {
        what: format!("paired t-test, {when}"),
        published: published_p.to_string(),
        recomputed: p_value(test.p_value),
        value: test.p_value,
        provenance,
        agrees: Some(p_agrees),
    });
    draft
}
