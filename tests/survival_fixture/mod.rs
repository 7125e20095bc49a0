//! Reading the R reference fixtures (`tests/fixtures/*.json`) for the survival tests.
#![allow(dead_code)] // each test crate uses a different subset

use serde_json::Value;

/// Parses `tests/fixtures/<name>.json`.
pub fn load(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A fixture number: `None` for R's NA / NaN, infinities for "Inf" / "-Inf".
pub fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) if s == "Inf" => Some(f64::INFINITY),
        Value::String(s) if s == "-Inf" => Some(f64::NEG_INFINITY),
        Value::String(s) if s == "NA" || s == "NaN" => None,
        other => panic!("not a fixture number: {other}"),
    }
}

/// A fixture number that must be finite.
pub fn f(v: &Value) -> f64 {
    num(v).unwrap_or_else(|| panic!("expected a number, found {v}"))
}

pub fn floats(v: &Value) -> Vec<f64> {
    v.as_array().expect("array").iter().map(f).collect()
}

/// Relative tolerance for closed-form quantities (fixtures README).
pub const REL: f64 = 1e-12;
/// Absolute tolerance near zero.
pub const ABS: f64 = 1e-14;

/// `got` agrees with `want` to `rel` relative or `ABS` absolute; infinities must match exactly.
pub fn close_to(got: f64, want: f64, rel: f64) -> bool {
    if want.is_infinite() || got.is_infinite() {
        return got == want;
    }
    (got - want).abs() <= ABS.max(rel * want.abs())
}

#[track_caller]
pub fn assert_close(got: f64, want: f64, what: &str) {
    assert_close_rel(got, want, REL, what);
}

#[track_caller]
pub fn assert_close_rel(got: f64, want: f64, rel: f64, what: &str) {
    assert!(close_to(got, want, rel), "{what}: got {got:e}, expected {want:e} (rel tol {rel:e})");
}

/// Compares an optional value (None = R's NA / NaN) with a fixture entry.
#[track_caller]
pub fn assert_opt(got: Option<f64>, want: &Value, what: &str) {
    match (got.filter(|g| !g.is_nan()), num(want)) {
        (None, None) => {}
        (Some(g), Some(w)) => assert_close(g, w, what),
        (g, w) => panic!("{what}: got {g:?}, expected {w:?}"),
    }
}

/// The survival data of a fixture: times, event flags, and the named column as group labels
/// numbered in the order of `levels`.
pub struct Data {
    pub times: Vec<f64>,
    pub events: Vec<bool>,
    columns: Value,
}

impl Data {
    pub fn of(fixture: &Value) -> Data {
        let data = &fixture["data"];
        let columns = data["columns"].clone();
        let times = floats(&columns[data["time_column"].as_str().unwrap()]);
        let events =
            floats(&columns[data["status_column"].as_str().unwrap()]).iter().map(|&s| s == 1.0).collect();
        Data { times, events, columns }
    }

    /// Column values as strings (numbers printed as R prints them, e.g. "1").
    pub fn column(&self, name: &str) -> Vec<String> {
        self.columns[name]
            .as_array()
            .unwrap_or_else(|| panic!("no column {name}"))
            .iter()
            .map(|v| match v {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect()
    }

    /// Labels 0.. for `column`, numbered in the order of `levels`.
    pub fn labels(&self, column: &str, levels: &[String]) -> Vec<usize> {
        self.column(column)
            .iter()
            .map(|v| levels.iter().position(|l| l == v).unwrap_or_else(|| panic!("level {v}")))
            .collect()
    }
}

/// "x=Maintained" -> ("x", "Maintained").
pub fn split_stratum(name: &str) -> (String, String) {
    let (column, level) = name.split_once('=').unwrap_or_else(|| panic!("stratum {name}"));
    (column.to_string(), level.to_string())
}
