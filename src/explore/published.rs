//! The published numbers and sentences a view sets beside its own: looked up in the bundle,
//! shown with their own provenance ("reported P = 0.004", "derived P ≈ 0.048").

use crate::trial::{BinaryCount, Bundle, Comparison, HypothesisTest, Measure, Provenance, Statement};

use super::shown::Shown;

/// A published P value as it sits beside a computed one: "reported P = 0.004 (test not
/// named)". The provenance word leads, so a derived value never reads as a published one.
pub fn p_beside(test: &HypothesisTest) -> Shown {
    p_beside_noting(test, None)
}

/// [`p_beside`] with `note` added inside its parentheses: "reported P = 0.004 (test not named;
/// horizon not named, week 96 assumed)".
pub fn p_beside_noting(test: &HypothesisTest, note: Option<&str>) -> Shown {
    let p = &test.p;
    let method = test.method.as_ref().map_or("test not named", |m| m.value.as_str());
    let note = note.map(|n| format!("; {n}")).unwrap_or_default();
    Shown {
        text: format!("{} {} ({method}{note})", p.provenance.label(), p.value.text),
        provenance: p.provenance.clone(),
    }
}

/// A published sentence as the list of published facts words it, after its provenance word:
/// "reported: no change in the control arm". Not in quotation marks: the list gives some of
/// the abstract's findings in its own words (the conclusion, "safe; efficacy …"), and quotation
/// marks would claim the abstract's exact wording, which cannot be checked here.
///
/// A sentence about no endpoint is the source's general conclusion, and says so: "reported
/// conclusion: safe; …" reads apart from a finding beside it.
pub fn statement_shown(statement: &Statement) -> Shown {
    let conclusion = if statement.endpoints.is_empty() { " conclusion" } else { "" };
    Shown {
        text: format!("{}{conclusion}: {}", statement.text.provenance.label(), statement.text.value),
        provenance: statement.text.provenance.clone(),
    }
}

/// The published cumulative probability (as a fraction) of an arm for an endpoint, with the
/// visit it is given for, if any (the abstract names none; an imported one may).
pub fn cumulative_probability<'a>(
    bundle: &'a Bundle,
    endpoint: &str,
    arm: &str,
) -> Option<(f64, &'a Provenance, Option<&'a str>)> {
    bundle.results.iter().filter(|r| r.endpoint == endpoint && r.arm == arm).find_map(|r| match &r.measure {
        Measure::CumulativeProbability(c) => {
            Some((c.percent.value / 100.0, &c.percent.provenance, r.visit.as_deref()))
        }
        _ => None,
    })
}

/// Published responders out of patients for an arm at a visit.
pub fn binary_count<'a>(
    bundle: &'a Bundle,
    endpoint: &str,
    arm: &str,
    visit: &str,
) -> Option<&'a BinaryCount> {
    bundle
        .results
        .iter()
        .filter(|r| r.endpoint == endpoint && r.arm == arm && r.visit.as_deref() == Some(visit))
        .find_map(|r| match &r.measure {
            Measure::Binary(b) => Some(b),
            _ => None,
        })
}

/// A published test of exactly the arms `a` and `b`; when the test names a visit, it must be
/// `visit`.
pub fn between_arms<'a>(
    bundle: &'a Bundle,
    endpoint: &str,
    a: &str,
    b: &str,
    visit: Option<&str>,
) -> Option<&'a HypothesisTest> {
    bundle.tests.iter().find(|t| {
        t.endpoint == endpoint
            && t.comparison.is_between(a, b)
            && matches!(&t.comparison, Comparison::BetweenArms { visit: at, .. }
                if at.is_none() || at.as_deref() == visit)
    })
}

/// A published within-arm test of `to` against `from`.
pub fn within_arm<'a>(
    bundle: &'a Bundle,
    endpoint: &str,
    arm: &str,
    from: &str,
    to: &str,
) -> Option<&'a HypothesisTest> {
    bundle.tests.iter().find(|t| t.endpoint == endpoint && is_within(&t.comparison, arm, from, to))
}

/// Published sentences about `arm` between `from` and `to` ("no change in the control arm").
pub fn within_arm_statements<'a>(
    bundle: &'a Bundle,
    endpoint: &str,
    arm: &str,
    from: &str,
    to: &str,
) -> impl Iterator<Item = &'a Statement> {
    let (endpoint, arm, from, to) = (endpoint.to_string(), arm.to_string(), from.to_string(), to.to_string());
    bundle.statements.iter().filter(move |s| {
        s.endpoints.contains(&endpoint)
            && s.comparison.as_ref().is_some_and(|c| is_within(c, &arm, &from, &to))
    })
}

/// Published sentences comparing arms for an endpoint ("no significant changes … among the
/// three arms").
pub fn between_arms_statements<'a>(
    bundle: &'a Bundle,
    endpoint: &str,
) -> impl Iterator<Item = &'a Statement> {
    let endpoint = endpoint.to_string();
    bundle.statements.iter().filter(move |s| {
        s.endpoints.contains(&endpoint) && matches!(s.comparison, Some(Comparison::BetweenArms { .. }))
    })
}

fn is_within(c: &Comparison, arm: &str, from: &str, to: &str) -> bool {
    matches!(c, Comparison::WithinArm { arm: a, from: f, to: t } if a == arm && f == from && t == to)
}
