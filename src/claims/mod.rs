//! The published results as machine-checkable claims.
//!
//! Each claim of the abstract is recomputed from whatever patient data the loaded bundle
//! holds (a reconstruction, or the reader's own import) and returned beside the published
//! words and numbers, with the datasets and provenance it used, so the app can show
//! "published: P = 0.004 · recomputed: P = 0.0041 (reconstructed, seed 1213186)".
//!
//! The published numbers are read from the bundle, through the ids of its tests and
//! statements; the app's readings of what the abstract leaves open are stated in each
//! module: the paired t-test for a change within an arm, Kaplan–Meier at the end of follow-up
//! with the log-rank test, one-way ANOVA at the published visits, and 5% as the level of
//! "no change" and "no significant difference".
//!
//! - [`outcome`]: the check, its figures and verdict; [`data`]: which dataset is used;
//! - [`cd4_change`]: (a)–(c); [`response`]: (d); [`among_arms`]: (e); [`format`]: numbers.

pub mod among_arms;
pub mod cd4_change;
pub mod data;
pub mod format;
pub mod outcome;
pub mod response;

pub use outcome::{Claim, ClaimCheck, DataUsed, Figure, Outcome};

use crate::trial::Bundle;

/// The level at which "no change" and "no significant difference" are read; the same reading
/// the reconstruction is built to satisfy.
pub use crate::reconstruct::targets::SIGNIFICANCE;

impl Claim {
    /// The id of the bundle's published test or statement the claim checks.
    pub fn source_id(self) -> &'static str {
        match self {
            Claim::Cd4RiseHigh => "cd4_high_w48",
            Claim::Cd4RiseLow => "cd4_low_w48",
            Claim::Cd4NoChangeControl => "cd4_control_no_change",
            Claim::ResponseLowVsControl => "response_low_vs_placebo",
            Claim::NoDifferenceAmongArms => "cd4_cd8_among_arms",
        }
    }
}

/// Check every claim against `bundle`, in the order of [`Claim::ALL`].
///
/// ```
/// use trial_explorer::claims::{check_claims, Outcome};
/// use trial_explorer::trial::default_bundle;
///
/// // The embedded bundle holds no patient data: nothing can be recomputed yet.
/// let checks = check_claims(&default_bundle().unwrap());
/// assert!(checks.iter().all(|c| matches!(c.outcome, Outcome::NotCheckable { .. })));
/// ```
pub fn check_claims(bundle: &Bundle) -> Vec<ClaimCheck> {
    Claim::ALL.iter().map(|&claim| check_claim(bundle, claim)).collect()
}

/// Check one claim against `bundle`.
pub fn check_claim(bundle: &Bundle, claim: Claim) -> ClaimCheck {
    let id = claim.source_id();
    match claim {
        Claim::Cd4RiseHigh | Claim::Cd4RiseLow => cd4_change::check_rise(bundle, claim, id),
        Claim::Cd4NoChangeControl => cd4_change::check_no_change(bundle, claim, id),
        Claim::ResponseLowVsControl => response::check_response(bundle, claim, id),
        Claim::NoDifferenceAmongArms => among_arms::check_among_arms(bundle, claim, id),
    }
}

/// The label of a visit ("Week 48"), or its id when undeclared.
fn visit_label<'a>(bundle: &'a Bundle, id: &'a str) -> &'a str {
    bundle.visits.iter().find(|v| v.id == id).map_or(id, |v| v.label.as_str())
}

/// The label of an endpoint ("CD4+ T count"), or its id.
fn endpoint_label<'a>(bundle: &'a Bundle, id: &'a str) -> &'a str {
    bundle.endpoints.iter().find(|e| e.id == id).map_or(id, |e| e.label.as_str())
}

/// The label of an arm ("Low dose"), or its id.
fn arm_label<'a>(bundle: &'a Bundle, id: &'a str) -> &'a str {
    bundle.arms.iter().find(|a| a.id == id).map_or(id, |a| a.label.as_str())
}

/// How a claim links to a published summary result, which has no id of its own.
fn result_link(endpoint: &str, arm: &str) -> String {
    format!("result:{endpoint}:{arm}")
}
