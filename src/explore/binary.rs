//! Responders counted by a week, and two arms compared on those counts: Fisher's exact test,
//! the risk difference with Newcombe's interval and the number needed to treat. Shared by the
//! response view (at the horizon) and the response-by-week view.

use crate::stats::fisher::fisher_exact;
use crate::stats::proportions::TwoByTwo;
use crate::stats::risk::{number_needed, risk_difference, NntInterval};
use crate::trial::{BinaryCount, EventRecord, Provenance};

use super::estimate::{format_number, format_p, not_computable, Estimate};
use super::selection::CiLevel;
use super::shown::Shown;

/// Patients of one arm by a week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponderCount {
    /// Responded at or before the week.
    pub responded: u32,
    /// Responded, or followed to the week without responding: the denominator.
    pub followed: u32,
    /// Censored before the week without a response: their outcome by the week is unknown, so
    /// they are left out of the denominator (and the view says how many).
    pub censored_before: u32,
}

impl ResponderCount {
    /// A count as the bundle publishes (or derives) it: nobody is left out of its denominator.
    pub fn published(count: &BinaryCount) -> Self {
        ResponderCount { responded: count.events.value, followed: count.n.value, censored_before: 0 }
    }

    /// "23/24".
    pub fn fraction(&self) -> String {
        format!("{}/{}", self.responded, self.followed)
    }
}

/// Count the responders of `arm` by `week`.
pub fn count_responders(records: &[EventRecord], arm: &str, week: f64) -> ResponderCount {
    let mut count = ResponderCount { responded: 0, followed: 0, censored_before: 0 };
    for r in records.iter().filter(|r| r.arm == arm) {
        if r.event && r.time <= week {
            count.responded += 1;
            count.followed += 1;
        } else if r.time < week {
            count.censored_before += 1;
        } else {
            count.followed += 1;
        }
    }
    count
}

/// Two arms compared on their counts; each figure says why when it cannot be computed.
#[derive(Debug, Clone, PartialEq)]
pub struct CountComparison {
    /// Two-sided P of Fisher's exact test.
    pub fisher: Result<Estimate, String>,
    /// Arm minus reference, as a fraction, with Newcombe's interval.
    pub risk_difference: Result<Estimate, String>,
    /// Number needed to treat for one more responder, from the risk difference.
    pub number_needed: Result<Shown, String>,
}

impl CountComparison {
    /// The same reason for every figure (no data, hidden in reported-only mode).
    pub fn unavailable(reason: &str) -> Self {
        CountComparison {
            fisher: Err(reason.to_string()),
            risk_difference: Err(reason.to_string()),
            number_needed: Err(reason.to_string()),
        }
    }
}

/// Compare `arm` (`x1/n1`) with `reference` (`x2/n2`); `provenance(how)` gives each figure's
/// provenance from the method that made it.
pub fn compare_counts(
    arm: (&str, ResponderCount),
    reference: (&str, ResponderCount),
    level: CiLevel,
    provenance: impl Fn(&str) -> Provenance,
) -> CountComparison {
    // Everyone of an arm censored before the week: nobody is counted, and the reason names
    // the arm (the engine's would say "group 1").
    if let Some((name, _)) = [&arm, &reference].into_iter().find(|(_, count)| count.followed == 0) {
        return CountComparison::unavailable(&format!(
            "not computable: every {name} patient was censored before the week, so none is counted"
        ));
    }
    let table = match TwoByTwo::new(
        arm.1.responded.into(),
        arm.1.followed.into(),
        reference.1.responded.into(),
        reference.1.followed.into(),
    ) {
        Ok(t) => t,
        Err(e) => return CountComparison::unavailable(&not_computable(&e)),
    };
    // With nobody responding, or everybody, in both arms together, every table with these
    // margins is the same one: the conditional odds ratio is not defined (R prints 0 for it).
    let responded = arm.1.responded + reference.1.responded;
    let odds_ratio = |or: f64| match responded {
        0 => "odds ratio not estimable: no responders in either arm".to_string(),
        r if r == arm.1.followed + reference.1.followed => {
            "odds ratio not estimable: every patient in both arms responded".to_string()
        }
        _ => format!("odds ratio {}", format_number(or, 2)),
    };
    let fisher = fisher_exact(&table, level.value())
        .map(|f| {
            Estimate::new(
                f.p_value,
                None,
                format!("{} ({})", format_p(f.p_value), odds_ratio(f.odds_ratio)),
                provenance("Fisher's exact test, two-sided"),
            )
        })
        .map_err(|e| not_computable(&e));
    let risk_difference = risk_difference(&table, level.value())
        .map(|rd| {
            let pp = |x: f64| format_number(100.0 * x, 1);
            Estimate::new(
                rd.estimate,
                Some((rd.newcombe.lower, rd.newcombe.upper)),
                format!(
                    "{}{} percentage points ({} CI {} to {})",
                    if rd.estimate > 0.0 { "+" } else { "" },
                    pp(rd.estimate),
                    level.label(),
                    pp(rd.newcombe.lower),
                    pp(rd.newcombe.upper)
                ),
                provenance("risk difference with Newcombe's hybrid score interval"),
            )
        })
        .map_err(|e| not_computable(&e));
    let number_needed = number_needed(&table, level.value())
        .map(|nnt| Shown {
            text: describe_nnt(&nnt, arm.0, reference.0, level),
            provenance: provenance(
                "number needed to treat, 1 / risk difference, limits from Newcombe's interval",
            ),
        })
        .map_err(|e| not_computable(&e));
    CountComparison { fisher, risk_difference, number_needed }
}

fn describe_nnt(
    nnt: &crate::stats::risk::NumberNeeded,
    arm: &str,
    reference: &str,
    level: CiLevel,
) -> String {
    if !nnt.estimate.is_finite() {
        return "no difference in responders: NNT not defined (∞)".to_string();
    }
    let who = if nnt.estimate > 0.0 { arm } else { reference };
    let patients = if nnt.estimate_ceiling == 1.0 { "patient" } else { "patients" };
    let head = format!("{} {patients} for one more responder with {who}", nnt.estimate_ceiling);
    match nnt.interval() {
        NntInterval::Bounded { lower, upper } => {
            let (near, far) = (lower.abs().min(upper.abs()), lower.abs().max(upper.abs()));
            format!("{head} ({} CI {} to {})", level.label(), format_number(near, 1), format_number(far, 1))
        }
        NntInterval::ThroughInfinity { group1_more_from, group2_more_from } => format!(
            "{head} ({} CI from {} for more responders with {arm}, through ∞, to {} for more with {reference})",
            level.label(),
            format_number(group1_more_from, 1),
            format_number(group2_more_from, 1)
        ),
    }
}
