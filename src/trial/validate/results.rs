//! Rules for summary results: references resolve, the measure fits the endpoint, and the
//! numbers are possible (counts within n, probabilities within 0–1, curves monotone).

use super::Check;
use crate::trial::bundle::Bundle;
use crate::trial::error::BundleError;
use crate::trial::provenance::Fact;
use crate::trial::rules::probability_problem;
use crate::trial::schema::{ArmResult, BinaryCount, ContinuousSummary, CurveScale, Measure, StepCurve};

pub(super) fn check_results(check: &Check, bundle: &Bundle) -> Result<(), BundleError> {
    for (i, result) in bundle.results.iter().enumerate() {
        check_result(check, &format!("results[{i}]"), result)?;
    }
    Ok(())
}

fn check_result(check: &Check, at: &str, result: &ArmResult) -> Result<(), BundleError> {
    let kind = check.at(&format!("{at}.endpoint"), check.catalog.endpoint(&result.endpoint))?;
    check.at(&format!("{at}.arm"), check.catalog.arm(&result.arm))?;
    let week = match &result.visit {
        Some(visit) => Some(check.at(&format!("{at}.visit"), check.catalog.visit(visit))?),
        None => None,
    };
    let measure_at = format!("{at}.measure");
    if result.measure.endpoint_kind() != kind {
        return check.fail(
            measure_at,
            format!(
                "a {} does not fit endpoint '{}', which is {}",
                result.measure.describe(),
                result.endpoint,
                kind.describe()
            ),
        );
    }
    match &result.measure {
        Measure::Continuous(summary) => check_continuous(check, at, week, summary),
        Measure::Binary(count) => {
            if week.is_none() {
                return check
                    .fail(format!("{at}.visit"), "a binary count needs the visit at which it was counted");
            }
            check_binary(check, &measure_at, count)
        }
        Measure::CumulativeProbability(cumulative) => {
            let percent = cumulative.percent.value;
            if !(0.0..=100.0).contains(&percent) {
                return check.fail(
                    format!("{measure_at}.percent"),
                    format!("must be a percentage between 0 and 100, found {percent}"),
                );
            }
            Ok(())
        }
        Measure::StepCurve(curve) => check_curve(check, &measure_at, curve),
    }
}

fn check_continuous(
    check: &Check,
    at: &str,
    week: Option<u32>,
    summary: &ContinuousSummary,
) -> Result<(), BundleError> {
    let measure_at = format!("{at}.measure");
    let is_change = summary.baseline.is_some();
    if let Some(baseline) = &summary.baseline {
        let field = format!("{measure_at}.baseline");
        let from = check.at(&field, check.catalog.visit(baseline))?;
        let Some(to) = week else {
            return check
                .fail(format!("{at}.visit"), "a change from baseline needs the visit it is measured at");
        };
        if from >= to {
            return check.fail(
                field,
                format!(
                    "the baseline visit '{baseline}' (week {from}) must come before the visit (week {to})"
                ),
            );
        }
    }
    let location =
        [("mean", &summary.mean), ("median", &summary.median), ("q1", &summary.q1), ("q3", &summary.q3)];
    if location.iter().all(|(_, v)| v.is_none()) && summary.sd.is_none() {
        return check.fail(measure_at, "a continuous summary needs at least one of mean, sd, median, q1, q3");
    }
    if let Some(n) = &summary.n {
        if n.value == 0 {
            return check.fail(format!("{measure_at}.n"), "must be at least 1, found 0");
        }
    }
    for (name, value) in location {
        if let Some(value) = value {
            check.summary_value(&format!("{measure_at}.{name}"), value.value, is_change)?;
        }
    }
    if let Some(sd) = &summary.sd {
        check.summary_value(&format!("{measure_at}.sd"), sd.value, false)?;
    }
    let value = |v: &Option<Fact<f64>>| v.as_ref().map(|f| f.value);
    let ordered = [
        ("q1", "first quartile", value(&summary.q1)),
        ("median", "median", value(&summary.median)),
        ("q3", "third quartile", value(&summary.q3)),
    ];
    for (i, (field, name, low)) in ordered.iter().enumerate() {
        for (_, other, high) in &ordered[i + 1..] {
            if let (Some(low), Some(high)) = (low, high) {
                if low > high {
                    return check.fail(
                        format!("{measure_at}.{field}"),
                        format!("the {name} {low} is above the {other} {high}"),
                    );
                }
            }
        }
    }
    Ok(())
}

fn check_binary(check: &Check, at: &str, count: &BinaryCount) -> Result<(), BundleError> {
    let (events, n) = (count.events.value, count.n.value);
    if n == 0 {
        return check.fail(format!("{at}.n"), "must be at least 1, found 0");
    }
    if events > n {
        return check.fail(format!("{at}.events"), format!("{events} events exceed n = {n}"));
    }
    Ok(())
}

fn check_curve(check: &Check, at: &str, curve: &StepCurve) -> Result<(), BundleError> {
    let points = &curve.points.value;
    if points.is_empty() {
        return check.fail(format!("{at}.points.value"), "a step curve needs at least one point");
    }
    for (k, point) in points.iter().enumerate() {
        let field = format!("{at}.points.value[{k}]");
        check.number(&format!("{field}.time"), point.time, false)?;
        if let Some(problem) = probability_problem(point.probability) {
            return check.fail(format!("{field}.probability"), problem);
        }
        let Some(before) = k.checked_sub(1).map(|j| points[j]) else {
            continue;
        };
        if point.time <= before.time {
            return check.fail(
                format!("{field}.time"),
                format!("times must increase along the curve: {} follows {}", point.time, before.time),
            );
        }
        let (wrong_way, direction) = match curve.scale {
            CurveScale::Survival => (point.probability > before.probability, "rise"),
            CurveScale::CumulativeIncidence => (point.probability < before.probability, "fall"),
        };
        if wrong_way {
            return check.fail(
                format!("{field}.probability"),
                format!(
                    "a {} curve cannot {direction}: {} follows {}",
                    curve.scale.describe(),
                    point.probability,
                    before.probability
                ),
            );
        }
    }
    Ok(())
}
