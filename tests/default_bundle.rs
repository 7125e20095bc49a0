//! The embedded bundle loads and says what FACTS.md says.

use trial_explorer::trial::{default_bundle, parse_bundle, planned_total, BundleError};

#[test]
fn default_bundle_loads_with_the_published_design() {
    let b = default_bundle().expect("embedded bundle is valid");
    assert_eq!(b.trial.registry_id.value, "NCT01213186");
    assert!(b.trial.registry_id.provenance.is_reported());
    assert_eq!(b.trial.enrolled.value, 72);
    assert_eq!(b.trial.follow_up_weeks.value, 96);
    let ids: Vec<&str> = b.arms.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["high", "low", "placebo"]);
    assert_eq!(planned_total(&b), 72);
    // 24 per arm is not stated in the abstract: it must be marked derived, not reported.
    for arm in &b.arms {
        assert_eq!(arm.randomized_n.value, 24);
        assert_eq!(arm.randomized_n.provenance.label(), "derived");
    }
}

#[test]
fn a_reported_value_must_name_a_declared_source() {
    let text = include_str!("../data/nct01213186.json").replacen(
        "\"source\": \"abstract\", \"locator\": \"Methods: \\\"high dose:",
        "\"source\": \"paper\", \"locator\": \"Methods: \\\"high dose:",
        1,
    );
    let err = parse_bundle(&text, "mine.json").unwrap_err();
    assert_eq!(
        err.to_string(),
        "mine.json, field arms[0].dose.provenance.source: unknown source 'paper'; declare it under \"sources\""
    );
    assert!(matches!(err, BundleError::Invalid { .. }));
}

#[test]
fn broken_json_names_line_and_column() {
    let err = parse_bundle("{\n  \"schema_version\": 1,\n  oops\n}", "bad.json").unwrap_err();
    match err {
        BundleError::Parse {
            file, line, column, ..
        } => {
            assert_eq!((file.as_str(), line, column), ("bad.json", 3, 3));
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}
