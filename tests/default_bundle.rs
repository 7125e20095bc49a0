//! The embedded bundle loads and says what FACTS.md says.

use trial_explorer::trial::{
    default_bundle, parse_bundle, planned_total, BundleError, Comparison, EndpointKind, Measure, PValue,
    Provenance,
};

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
    assert_eq!(err.to_string(), "bad.json, line 3, column 3: key must be a string");
    match err {
        BundleError::Parse { file, line, column, .. } => {
            assert_eq!((file.as_str(), line, column), ("bad.json", 3, 3));
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn only_baseline_week_48_and_week_96_are_published_visits() {
    let b = default_bundle().unwrap();
    let published: Vec<u32> = b.visits.iter().filter(|v| v.is_published()).map(|v| v.week.value).collect();
    assert_eq!(published, [0, 48, 96]);
    for visit in b.visits.iter().filter(|v| !v.is_published()) {
        assert_eq!(visit.week.provenance.label(), "illustrative", "{}", visit.id);
    }
}

#[test]
fn the_endpoints_the_app_uses_are_declared_with_their_kinds() {
    let b = default_bundle().unwrap();
    let endpoints: Vec<(&str, EndpointKind)> = b.endpoints.iter().map(|e| (e.id.as_str(), e.kind)).collect();
    assert_eq!(
        endpoints,
        [
            ("response", EndpointKind::TimeToEvent),
            ("response_week", EndpointKind::Binary),
            ("cd4", EndpointKind::Continuous),
            ("cd8", EndpointKind::Continuous),
            ("cd4_cd8_ratio", EndpointKind::Continuous),
            ("safety", EndpointKind::Statement),
        ]
    );
}

#[test]
fn the_kaplan_meier_probabilities_are_reported_and_the_counts_derived() {
    let b = default_bundle().unwrap();
    let percent = |arm: &str| {
        b.results.iter().find_map(|r| match &r.measure {
            Measure::CumulativeProbability(c) if r.arm == arm && r.endpoint == "response" => {
                assert_eq!(r.visit, None, "the abstract names no horizon");
                Some((c.percent.value, c.percent.provenance.label()))
            }
            _ => None,
        })
    };
    assert_eq!(percent("low"), Some((95.8, "reported")));
    assert_eq!(percent("placebo"), Some((70.8, "reported")));
    assert_eq!(percent("high"), None, "no high-dose figure is published");

    let count = |arm: &str| {
        b.results.iter().find_map(|r| match &r.measure {
            Measure::Binary(c) if r.arm == arm => Some((r.visit.clone(), c.clone())),
            _ => None,
        })
    };
    for (arm, events) in [("low", 23), ("placebo", 17)] {
        let (visit, c) = count(arm).expect("a derived count per compared arm");
        assert_eq!(visit.as_deref(), Some("w96"));
        assert_eq!((c.events.value, c.n.value), (events, 24));
        let Provenance::Derived { how, .. } = &c.events.provenance else {
            panic!("{arm}: the count is derived, got {:?}", c.events.provenance);
        };
        assert!(how.contains("no patient was censored before responding"), "{how}");
    }
    assert!(count("high").is_none());
}

#[test]
fn no_unpublished_result_is_in_the_bundle() {
    let b = default_bundle().unwrap();
    assert!(
        b.results.iter().all(|r| !matches!(r.measure, Measure::Continuous(_) | Measure::StepCurve(_))),
        "no means, medians, spreads or curves are published"
    );
    assert_eq!(b.patient_data.record_count(), 0);
    let kinds: std::collections::BTreeSet<&str> =
        trial_explorer::trial::walk::provenances(&b).iter().map(|p| p.provenance.label()).collect();
    assert_eq!(kinds.into_iter().collect::<Vec<_>>(), ["derived", "illustrative", "reported"]);
}

#[test]
fn the_published_tests_keep_their_p_values_as_printed() {
    let b = default_bundle().unwrap();
    let tests: Vec<(&str, &str, PValue, &str)> = b
        .tests
        .iter()
        .map(|t| (t.id.as_str(), t.p.value.text.as_str(), t.p.value.p, t.p.provenance.label()))
        .collect();
    assert_eq!(
        tests,
        [
            ("cd4_high_w48", "P < 0.001", PValue::LessThan { bound: 0.001 }, "reported"),
            ("cd4_low_w48", "P < 0.001", PValue::LessThan { bound: 0.001 }, "reported"),
            ("response_low_vs_placebo", "P = 0.004", PValue::Exact { value: 0.004, decimals: 3 }, "reported"),
            ("response_week_fisher", "P ≈ 0.048", PValue::Exact { value: 0.048, decimals: 3 }, "derived"),
        ]
    );
    // The abstract names no test method; only the derived Fisher contrast has one.
    let methods: Vec<Option<&str>> =
        b.tests.iter().map(|t| t.method.as_ref().map(|m| m.value.as_str())).collect();
    assert_eq!(methods, [None, None, None, Some("Fisher's exact test, two-sided")]);
    let within = &b.tests[0].comparison;
    assert_eq!(within, &Comparison::WithinArm { arm: "high".into(), from: "w0".into(), to: "w48".into() });
}

#[test]
fn the_published_statements_are_present() {
    let b = default_bundle().unwrap();
    let statements: Vec<(&str, &str)> =
        b.statements.iter().map(|s| (s.id.as_str(), s.text.value.as_str())).collect();
    assert_eq!(
        statements,
        [
            ("safety", "hUC-MSC treatment was safe and well tolerated"),
            ("cd4_control_no_change", "no change in the control arm"),
            (
                "cd4_cd8_among_arms",
                "no significant changes in CD4/CD8+ T counts and CD4/CD8 ratios among the three arms"
            ),
            ("conclusion", "safe; efficacy on immune reconstitution needs a larger study"),
        ]
    );
    assert!(b.statements.iter().all(|s| s.text.provenance.is_reported()));
}

#[test]
fn the_eligibility_limits_are_machine_readable() {
    let b = default_bundle().unwrap();
    let cd4 = b
        .eligibility
        .iter()
        .find_map(|c| c.range.as_ref().filter(|r| r.quantity == "cd4"))
        .expect("the CD4 entry criterion has a range");
    let lower = cd4.lower.as_ref().unwrap();
    let upper = cd4.upper.as_ref().unwrap();
    assert_eq!((lower.value.value, lower.inclusive), (50.0, false));
    assert_eq!((upper.value.value, upper.inclusive), (250.0, true));
    assert_eq!(cd4.unit, "cells/mm³");
    assert_eq!(b.eligibility.len(), 6);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let text = format!("\u{feff}{}", include_str!("../data/nct01213186.json"));
    assert_eq!(parse_bundle(&text, "bom.json").unwrap(), default_bundle().unwrap());
}
