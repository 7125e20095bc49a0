//! Rules for tests and statements: references resolve, comparisons make sense, and a P value's
//! structure agrees with its published text.

use std::collections::HashSet;

use super::Check;
use crate::trial::bundle::Bundle;
use crate::trial::error::BundleError;
use crate::trial::schema::{Comparison, EndpointKind, PValue, PublishedP, MAX_P_DECIMALS};

pub(super) fn check_tests(check: &Check, bundle: &Bundle) -> Result<(), BundleError> {
    check.unique_ids("tests", "test", bundle.tests.iter().map(|t| t.id.as_str()))?;
    for (i, test) in bundle.tests.iter().enumerate() {
        let at = format!("tests[{i}]");
        let kind = check.at(&format!("{at}.endpoint"), check.catalog.endpoint(&test.endpoint))?;
        if kind == EndpointKind::Statement {
            return check.fail(
                format!("{at}.endpoint"),
                format!("a test needs an endpoint with data; '{}' is a statement endpoint", test.endpoint),
            );
        }
        check_comparison(check, &format!("{at}.comparison"), &test.comparison)?;
        if let Some(statistic) = &test.statistic {
            check.number(&format!("{at}.statistic"), statistic.value, true)?;
        }
        check_p(check, &format!("{at}.p.value"), &test.p.value)?;
    }
    Ok(())
}

pub(super) fn check_statements(check: &Check, bundle: &Bundle) -> Result<(), BundleError> {
    check.unique_ids("statements", "statement", bundle.statements.iter().map(|s| s.id.as_str()))?;
    for (i, statement) in bundle.statements.iter().enumerate() {
        let at = format!("statements[{i}]");
        for (k, endpoint) in statement.endpoints.iter().enumerate() {
            check.at(&format!("{at}.endpoints[{k}]"), check.catalog.endpoint(endpoint))?;
        }
        if let Some(comparison) = &statement.comparison {
            check_comparison(check, &format!("{at}.comparison"), comparison)?;
        }
        if statement.text.value.trim().is_empty() {
            return check.fail(format!("{at}.text"), "must not be empty");
        }
    }
    Ok(())
}

fn check_comparison(check: &Check, at: &str, comparison: &Comparison) -> Result<(), BundleError> {
    match comparison {
        Comparison::WithinArm { arm, from, to } => {
            check.at(&format!("{at}.arm"), check.catalog.arm(arm))?;
            let from_week = check.at(&format!("{at}.from"), check.catalog.visit(from))?;
            let to_week = check.at(&format!("{at}.to"), check.catalog.visit(to))?;
            if from_week >= to_week {
                return check.fail(
                    format!("{at}.to"),
                    format!(
                        "the later visit '{to}' (week {to_week}) must come after '{from}' (week {from_week})"
                    ),
                );
            }
        }
        Comparison::BetweenArms { arms, visit } => {
            let mut seen = HashSet::new();
            for (k, arm) in arms.iter().enumerate() {
                let field = format!("{at}.arms[{k}]");
                check.at(&field, check.catalog.arm(arm))?;
                if !seen.insert(arm) {
                    return check.fail(field, format!("arm '{arm}' is listed twice"));
                }
            }
            if arms.len() < 2 {
                return check.fail(
                    format!("{at}.arms"),
                    format!("a comparison between arms needs at least two arms, found {}", arms.len()),
                );
            }
            if let Some(visit) = visit {
                check.at(&format!("{at}.visit"), check.catalog.visit(visit))?;
            }
        }
    }
    Ok(())
}

/// The structure must be a possible P value, and reading the text must give that structure.
fn check_p(check: &Check, at: &str, published: &PublishedP) -> Result<(), BundleError> {
    let field = format!("{at}.p");
    match published.p {
        PValue::Exact { value, decimals } => {
            if !(0.0..=1.0).contains(&value) {
                return check.fail(field, format!("P must be between 0 and 1, found {value}"));
            }
            if decimals > MAX_P_DECIMALS {
                return check.fail(
                    field,
                    format!("at most {MAX_P_DECIMALS} decimals can be published, found {decimals}"),
                );
            }
            let scale = 10f64.powi(decimals as i32);
            if ((value * scale).round() / scale - value).abs() > 1e-12 {
                return check.fail(field, format!("{value} has more than {decimals} decimals"));
            }
        }
        PValue::LessThan { bound } => {
            if !(bound > 0.0 && bound <= 1.0) {
                return check.fail(
                    field,
                    format!("the bound of 'P < …' must be above 0 and at most 1, found {bound}"),
                );
            }
        }
    }
    let text = &published.text;
    match PValue::parse(text) {
        None => check.fail(
            format!("{at}.text"),
            format!("cannot read '{text}'; write P as published, e.g. 'P = 0.004' or 'P < 0.001'"),
        ),
        Some(read) if read != published.p => check.fail(
            format!("{at}.text"),
            format!("'{text}' does not match the structured value, which reads {}", published.p.describe()),
        ),
        Some(_) => Ok(()),
    }
}
