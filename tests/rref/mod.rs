//! Loading the R reference fixtures and comparing numbers with them.
#![allow(dead_code)]

use serde_json::Value;

/// Parses `tests/fixtures/<name>`.
pub fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A fixture number; the strings "Inf", "-Inf", "NaN" and "NA" become non-finite values.
pub fn num(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().expect("number"),
        Value::String(s) => match s.as_str() {
            "Inf" => f64::INFINITY,
            "-Inf" => f64::NEG_INFINITY,
            "NaN" | "NA" => f64::NAN,
            other => panic!("unexpected string {other}"),
        },
        other => panic!("not a number: {other}"),
    }
}

/// A fixture count.
pub fn int(v: &Value) -> i64 {
    v.as_i64().unwrap_or_else(|| panic!("not an integer: {v}"))
}

/// Relative difference; an expected exact zero is compared absolutely, and equal
/// non-finite values (same infinity, or both NaN) count as equal.
pub fn rel_diff(got: f64, expected: f64) -> f64 {
    if got == expected || (got.is_nan() && expected.is_nan()) {
        return 0.0;
    }
    if !got.is_finite() || !expected.is_finite() {
        return f64::INFINITY;
    }
    if expected == 0.0 {
        // Absolute 1e-14 counts as a relative 1e-12 pass.
        return got.abs() * 1e-12 / 1e-14;
    }
    ((got - expected) / expected).abs()
}

/// Asserts `got` matches `expected` to `tol` relative (an exact zero to 1e-14 absolute
/// at the default 1e-12).
#[track_caller]
pub fn assert_close(got: f64, expected: f64, tol: f64, what: &str) {
    let d = rel_diff(got, expected);
    assert!(d <= tol, "{what}: got {got:e}, R gives {expected:e} (relative difference {d:e} > {tol:e})");
}
