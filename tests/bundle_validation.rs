//! Every validation rule, one broken bundle each, with the exact message a reader sees.

use serde_json::{json, Value};
use trial_explorer::trial::{
    default_bundle, parse_bundle, validate, BundleError, ContinuousSummary, CurveScale, EventDataset,
    EventRecord, Fact, Measure, PValue, Provenance, StepCurve, StepPoint,
};

fn default_json() -> Value {
    serde_json::from_str(include_str!("../data/nct01213186.json")).expect("bundle parses")
}

fn at<'v>(bundle: &'v mut Value, pointer: &str) -> &'v mut Value {
    bundle.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer} exists in the default bundle"))
}

fn illustrative(value: Value) -> Value {
    json!({ "value": value, "provenance": { "kind": "illustrative", "why": "a test value" } })
}

fn reconstructed() -> Value {
    json!({ "kind": "reconstructed", "method": "test procedure", "seed": 7 })
}

/// A CD4 result for the low-dose arm at week 48 with the given measure.
fn push_cd4_result(bundle: &mut Value, measure: Value) {
    at(bundle, "/results")
        .as_array_mut()
        .expect("results is a list")
        .push(json!({ "endpoint": "cd4", "arm": "low", "visit": "w48", "measure": measure }));
}

fn push_curve(bundle: &mut Value, scale: &str, points: Value) {
    at(bundle, "/results")
        .as_array_mut()
        .expect("results is a list")
        .push(json!({ "endpoint": "response", "arm": "high", "measure": {
            "kind": "step_curve", "scale": scale, "points": illustrative(points) } }));
}

fn set_events(bundle: &mut Value, records: Value) {
    bundle["patient_data"] = json!({ "time_to_event": [
        { "id": "km", "endpoint": "response", "provenance": reconstructed(), "records": records }
    ] });
}

fn set_measurements(bundle: &mut Value, records: Value) {
    bundle["patient_data"] = json!({ "continuous": [
        { "id": "cd4", "endpoint": "cd4", "provenance": reconstructed(), "records": records }
    ] });
}

type Edit = Box<dyn Fn(&mut Value)>;

fn set(pointer: &'static str, value: Value) -> Edit {
    Box::new(move |b| *at(b, pointer) = value.clone())
}

fn cases() -> Vec<(&'static str, Edit, &'static str)> {
    vec![
        (
            "another format version",
            set("/schema_version", json!(1)),
            "schema_version: this app reads bundle version 2, found 1; convert the file to version 2",
        ),
        (
            "no format version",
            Box::new(|b| {
                b.as_object_mut().unwrap().remove("schema_version");
            }),
            "schema_version: missing; add \"schema_version\": 2",
        ),
        (
            "duplicate source",
            set("/sources/1/id", json!("abstract")),
            "sources[1].id: duplicate source id 'abstract'",
        ),
        (
            "unknown source",
            set("/trial/title/provenance/source", json!("paper")),
            "trial.title.provenance.source: unknown source 'paper'; declare it under \"sources\"",
        ),
        (
            "empty locator",
            set("/trial/title/provenance/locator", json!(" ")),
            "trial.title.provenance.locator: must not be empty; say where the source states the value",
        ),
        (
            "empty derivation",
            set("/arms/0/randomized_n/provenance/how", json!("")),
            "arms[0].randomized_n.provenance.how: must not be empty; state the derivation",
        ),
        (
            "empty illustrative reason",
            set("/visits/1/week/provenance/why", json!("")),
            "visits[1].week.provenance.why: must not be empty; say why the value is shown",
        ),
        (
            "duplicate arm",
            set("/arms/1/id", json!("high")),
            "arms[1].id: duplicate arm id 'high'",
        ),
        (
            "empty arm id",
            set("/arms/0/id", json!("")),
            "arms[0].id: the arm id must not be empty",
        ),
        (
            "no arms",
            set("/arms", json!([])),
            "arms: at least one arm is needed",
        ),
        (
            "arm sizes that do not add up",
            set("/arms/0/randomized_n/value", json!(20)),
            "arms: randomized_n adds up to 68 over the arms, but trial.enrolled is 72",
        ),
        (
            "duplicate visit",
            set("/visits/2/id", json!("w12")),
            "visits[2].id: duplicate visit id 'w12'",
        ),
        (
            "visits out of order",
            set("/visits/1/week/value", json!(60)),
            "visits[2].week: visits must be listed in increasing week order: week 24 follows week 60",
        ),
        (
            "visit after follow-up",
            set("/visits/8/week/value", json!(120)),
            "visits[8].week: week 120 is after the end of the 96-week follow-up",
        ),
        (
            "duplicate endpoint",
            set("/endpoints/3/id", json!("cd4")),
            "endpoints[3].id: duplicate endpoint id 'cd4'",
        ),
        (
            "duplicate criterion",
            set("/eligibility/1/id", json!("hiv")),
            "eligibility[1].id: duplicate criterion id 'hiv'",
        ),
        (
            "crossed eligibility bounds",
            set("/eligibility/2/range/lower/value/value", json!(300)),
            "eligibility[2].range: the lower bound 300 is above the upper bound 250",
        ),
        (
            "result for an unknown endpoint",
            set("/results/0/endpoint", json!("cd3")),
            "results[0].endpoint: unknown endpoint 'cd3'; known endpoints: response, response_week, cd4, cd8, cd4_cd8_ratio, safety",
        ),
        (
            "result for an unknown arm",
            set("/results/0/arm", json!("medium")),
            "results[0].arm: unknown arm 'medium'; known arms: high, low, placebo",
        ),
        (
            "result at an unknown visit",
            set("/results/2/visit", json!("w50")),
            "results[2].visit: unknown visit 'w50'; known visits: w0 (week 0), w12 (week 12), w24 (week 24), w36 (week 36), w48 (week 48), w60 (week 60), w72 (week 72), w84 (week 84), w96 (week 96)",
        ),
        (
            "measure that does not fit the endpoint",
            set("/results/0/endpoint", json!("cd4")),
            "results[0].measure: a cumulative probability does not fit endpoint 'cd4', which is continuous",
        ),
        (
            "more events than patients",
            set("/results/2/measure/events/value", json!(25)),
            "results[2].measure.events: 25 events exceed n = 24",
        ),
        (
            "binary count of nobody",
            set("/results/2/measure/n/value", json!(0)),
            "results[2].measure.n: must be at least 1, found 0",
        ),
        (
            "binary count without a visit",
            Box::new(|b| {
                at(b, "/results/2").as_object_mut().unwrap().remove("visit");
            }),
            "results[2].visit: a binary count needs the visit at which it was counted",
        ),
        (
            "percentage above 100",
            set("/results/0/measure/percent/value", json!(120)),
            "results[0].measure.percent: must be a percentage between 0 and 100, found 120",
        ),
        (
            "negative mean",
            Box::new(|b| {
                push_cd4_result(b, json!({ "kind": "continuous", "mean": illustrative(json!(-5)) }))
            }),
            "results[4].measure.mean: must not be negative, found -5",
        ),
        (
            "negative SD",
            Box::new(|b| {
                push_cd4_result(b, json!({ "kind": "continuous", "baseline": "w0",
                    "mean": illustrative(json!(-5)), "sd": illustrative(json!(-1)) }))
            }),
            "results[4].measure.sd: must not be negative, found -1",
        ),
        (
            "empty continuous summary",
            Box::new(|b| {
                push_cd4_result(b, json!({ "kind": "continuous", "n": illustrative(json!(24)) }))
            }),
            "results[4].measure: a continuous summary needs at least one of mean, sd, median, q1, q3",
        ),
        (
            "continuous summary of nobody",
            Box::new(|b| {
                push_cd4_result(b, json!({ "kind": "continuous", "n": illustrative(json!(0)),
                    "mean": illustrative(json!(300)) }))
            }),
            "results[4].measure.n: must be at least 1, found 0",
        ),
        (
            "quartiles out of order",
            Box::new(|b| {
                push_cd4_result(b, json!({ "kind": "continuous",
                    "q1": illustrative(json!(300)), "median": illustrative(json!(250)) }))
            }),
            "results[4].measure.q1: the first quartile 300 is above the median 250",
        ),
        (
            "median above the third quartile",
            Box::new(|b| {
                push_cd4_result(b, json!({ "kind": "continuous",
                    "median": illustrative(json!(400)), "q3": illustrative(json!(350)) }))
            }),
            "results[4].measure.median: the median 400 is above the third quartile 350",
        ),
        (
            "change from a later visit",
            Box::new(|b| {
                push_cd4_result(b, json!({ "kind": "continuous", "baseline": "w96",
                    "mean": illustrative(json!(30)) }))
            }),
            "results[4].measure.baseline: the baseline visit 'w96' (week 96) must come before the visit (week 48)",
        ),
        (
            "step times that go back",
            Box::new(|b| {
                push_curve(b, "cumulative_incidence", json!([
                    { "time": 0, "probability": 0 }, { "time": 24, "probability": 0.3 },
                    { "time": 12, "probability": 0.5 }]))
            }),
            "results[4].measure.points.value[2].time: times must increase along the curve: 12 follows 24",
        ),
        (
            "step times that repeat",
            Box::new(|b| {
                push_curve(b, "survival", json!([
                    { "time": 12, "probability": 0.9 }, { "time": 12, "probability": 0.8 }]))
            }),
            "results[4].measure.points.value[1].time: times must increase along the curve: 12 follows 12",
        ),
        (
            "cumulative incidence that falls",
            Box::new(|b| {
                push_curve(b, "cumulative_incidence", json!([
                    { "time": 0, "probability": 0.2 }, { "time": 12, "probability": 0.1 }]))
            }),
            "results[4].measure.points.value[1].probability: a cumulative-incidence curve cannot fall: 0.1 follows 0.2",
        ),
        (
            "survival that rises",
            Box::new(|b| {
                push_curve(b, "survival", json!([
                    { "time": 0, "probability": 0.8 }, { "time": 12, "probability": 0.9 }]))
            }),
            "results[4].measure.points.value[1].probability: a survival curve cannot rise: 0.9 follows 0.8",
        ),
        (
            "probability above 1",
            Box::new(|b| {
                push_curve(b, "survival", json!([{ "time": 0, "probability": 1.5 }]))
            }),
            "results[4].measure.points.value[0].probability: must be a probability between 0 and 1, found 1.5",
        ),
        (
            "negative step time",
            Box::new(|b| {
                push_curve(b, "survival", json!([{ "time": -1, "probability": 1 }]))
            }),
            "results[4].measure.points.value[0].time: must not be negative, found -1",
        ),
        (
            "curve without points",
            Box::new(|b| push_curve(b, "survival", json!([]))),
            "results[4].measure.points.value: a step curve needs at least one point",
        ),
        (
            "duplicate test",
            set("/tests/1/id", json!("cd4_high_w48")),
            "tests[1].id: duplicate test id 'cd4_high_w48'",
        ),
        (
            "test on a statement endpoint",
            set("/tests/0/endpoint", json!("safety")),
            "tests[0].endpoint: a test needs an endpoint with data; 'safety' is a statement endpoint",
        ),
        (
            "P above 1",
            Box::new(|b| {
                *at(b, "/tests/2/p/value") =
                    json!({ "text": "P = 1.5", "p": { "kind": "exact", "value": 1.5, "decimals": 1 } })
            }),
            "tests[2].p.value.p: P must be between 0 and 1, found 1.5",
        ),
        (
            "P with more decimals than stated",
            set("/tests/2/p/value/p/value", json!(0.0042)),
            "tests[2].p.value.p: 0.0042 has more than 3 decimals",
        ),
        (
            "P bound of zero",
            set("/tests/0/p/value/p/bound", json!(0)),
            "tests[0].p.value.p: the bound of 'P < …' must be above 0 and at most 1, found 0",
        ),
        (
            "P text that disagrees with its value",
            set("/tests/2/p/value/text", json!("P = 0.005")),
            "tests[2].p.value.text: 'P = 0.005' does not match the structured value, which reads P = 0.004",
        ),
        (
            "P text that rounds differently",
            set("/tests/2/p/value/text", json!("P = 0.0040")),
            "tests[2].p.value.text: 'P = 0.0040' does not match the structured value, which reads P = 0.004",
        ),
        (
            "P bound given as a value",
            set("/tests/0/p/value/text", json!("P = 0.001")),
            "tests[0].p.value.text: 'P = 0.001' does not match the structured value, which reads P < 0.001",
        ),
        (
            "P text that cannot be read",
            set("/tests/2/p/value/text", json!("P is small")),
            "tests[2].p.value.text: cannot read 'P is small'; write P as published, e.g. 'P = 0.004' or 'P < 0.001'",
        ),
        (
            "within-arm comparison backwards",
            set("/tests/0/comparison/from", json!("w96")),
            "tests[0].comparison.to: the later visit 'w48' (week 48) must come after 'w96' (week 96)",
        ),
        (
            "within-arm comparison of an unknown arm",
            set("/tests/0/comparison/arm", json!("medium")),
            "tests[0].comparison.arm: unknown arm 'medium'; known arms: high, low, placebo",
        ),
        (
            "between-arm comparison of one arm",
            set("/tests/2/comparison/arms", json!(["low"])),
            "tests[2].comparison.arms: a comparison between arms needs at least two arms, found 1",
        ),
        (
            "arm compared with itself",
            set("/tests/2/comparison/arms", json!(["low", "low"])),
            "tests[2].comparison.arms[1]: arm 'low' is listed twice",
        ),
        (
            "duplicate statement",
            set("/statements/1/id", json!("safety")),
            "statements[1].id: duplicate statement id 'safety'",
        ),
        (
            "statement about an unknown endpoint",
            set("/statements/2/endpoints/1", json!("cd3")),
            "statements[2].endpoints[1]: unknown endpoint 'cd3'; known endpoints: response, response_week, cd4, cd8, cd4_cd8_ratio, safety",
        ),
        (
            "empty statement",
            set("/statements/0/text/value", json!("")),
            "statements[0].text: must not be empty",
        ),
        (
            "event times for a continuous endpoint",
            Box::new(|b| {
                set_events(b, json!([{ "arm": "low", "time": 12, "event": true }]));
                *at(b, "/patient_data/time_to_event/0/endpoint") = json!("cd4");
            }),
            "patient_data.time_to_event[0].endpoint: time to event records need a time to event endpoint; 'cd4' is continuous",
        ),
        (
            "dataset without records",
            Box::new(|b| set_events(b, json!([]))),
            "patient_data.time_to_event[0].records: a dataset needs at least one record",
        ),
        (
            "negative event time",
            Box::new(|b| {
                set_events(b, json!([{ "arm": "low", "time": 12, "event": true },
                                     { "arm": "low", "time": -2, "event": false }]))
            }),
            "patient_data.time_to_event[0].records[1].time: must not be negative, found -2",
        ),
        (
            // Far past it, every earlier time would become one tie (R's `aeqSurv` tolerance is
            // relative to the mean time) and the curves would collapse.
            "event time after the end of follow-up",
            Box::new(|b| {
                set_events(b, json!([{ "arm": "low", "time": 96, "event": true },
                                     { "arm": "low", "time": 1e20, "event": false }]))
            }),
            "patient_data.time_to_event[0].records[1].time: week 100000000000000000000 is after the end of the 96-week follow-up; give a time from 0 to 96 weeks",
        ),
        (
            // A CSV's 1 for an event, written into a bundle: the message says what JSON takes.
            "event written as 1",
            Box::new(|b| set_events(b, json!([{ "arm": "low", "time": 12, "event": 1 }]))),
            "patient_data.time_to_event[0].records[0].event: invalid type: integer `1`, expected true or false",
        ),
        (
            "event time in an unknown arm",
            Box::new(|b| set_events(b, json!([{ "arm": "mid", "time": 12, "event": true }]))),
            "patient_data.time_to_event[0].records[0].arm: unknown arm 'mid'; known arms: high, low, placebo",
        ),
        (
            "dataset credited to an unknown source",
            Box::new(|b| {
                set_events(b, json!([{ "arm": "low", "time": 12, "event": true }]));
                *at(b, "/patient_data/time_to_event/0/provenance") =
                    json!({ "kind": "reported", "source": "figure 2", "locator": "KM plot" });
            }),
            "patient_data.time_to_event[0].provenance.source: unknown source 'figure 2'; declare it under \"sources\"",
        ),
        (
            "duplicate dataset id",
            Box::new(|b| {
                set_events(b, json!([{ "arm": "low", "time": 12, "event": true }]));
                let events = at(b, "/patient_data/time_to_event/0").clone();
                at(b, "/patient_data/time_to_event").as_array_mut().unwrap().push(events);
            }),
            "patient_data.time_to_event[1].id: duplicate dataset id 'km'",
        ),
        (
            "two values for one patient and visit",
            Box::new(|b| {
                set_measurements(b, json!([
                    { "arm": "low", "patient": "P1", "visit": "w0", "value": 200 },
                    { "arm": "low", "patient": "P1", "visit": "w48", "value": 260 },
                    { "arm": "low", "patient": "P1", "visit": "w48", "value": 270 }]))
            }),
            "patient_data.continuous[0].records[2]: patient 'P1' already has a value at visit 'w48' (records[1]); keep one row per patient and visit",
        ),
        (
            "patient in two arms",
            Box::new(|b| {
                set_measurements(b, json!([
                    { "arm": "low", "patient": "P1", "visit": "w0", "value": 200 },
                    { "arm": "high", "patient": "P1", "visit": "w48", "value": 260 }]))
            }),
            "patient_data.continuous[0].records[1]: patient 'P1' is in arm 'high' here but in arm 'low' at records[0]; a patient belongs to one arm",
        ),
        (
            "measurement at an unknown visit",
            Box::new(|b| {
                set_measurements(b, json!([{ "arm": "low", "patient": "P1", "visit": "w50", "value": 200 }]))
            }),
            "patient_data.continuous[0].records[0].visit: unknown visit 'w50'; known visits: w0 (week 0), w12 (week 12), w24 (week 24), w36 (week 36), w48 (week 48), w60 (week 60), w72 (week 72), w84 (week 84), w96 (week 96)",
        ),
        (
            "measurement without a patient",
            Box::new(|b| {
                set_measurements(b, json!([{ "arm": "low", "patient": " ", "visit": "w0", "value": 200 }]))
            }),
            "patient_data.continuous[0].records[0].patient: must not be empty",
        ),
        (
            "negative measurement",
            Box::new(|b| {
                set_measurements(b, json!([{ "arm": "low", "patient": "P1", "visit": "w0", "value": -3.5 }]))
            }),
            "patient_data.continuous[0].records[0].value: must not be negative, found -3.5",
        ),
        (
            "absurdly large measurement",
            Box::new(|b| {
                set_measurements(b, json!([{ "arm": "low", "patient": "P1", "visit": "w0", "value": 2e13 }]))
            }),
            "patient_data.continuous[0].records[0].value: must be at most 1e12, found 2e13",
        ),
        (
            "absurdly large summary mean",
            Box::new(|b| push_cd4_result(b, json!({ "kind": "continuous", "mean": illustrative(json!(1.7e308)) }))),
            "results[4].measure.mean: must be at most 1e12, found 1.7e308",
        ),
        (
            "absurdly large change from baseline",
            Box::new(|b| {
                push_cd4_result(b, json!({ "kind": "continuous", "baseline": "w0", "mean": illustrative(json!(-3e12)) }))
            }),
            "results[4].measure.mean: must be between -1e12 and 1e12, found -3e12",
        ),
    ]
}

#[test]
fn each_broken_rule_names_file_field_and_problem() {
    for (what, edit, expected) in cases() {
        let mut bundle = default_json();
        edit(&mut bundle);
        let err = parse_bundle(&bundle.to_string(), "mine.json").map(|_| ()).expect_err(what);
        assert!(matches!(err, BundleError::Invalid { .. }), "{what}: {err:?}");
        assert_eq!(err.to_string(), format!("mine.json, field {expected}"), "{what}");
    }
}

#[test]
fn a_change_from_baseline_may_be_negative() {
    let mut bundle = default_json();
    push_cd4_result(
        &mut bundle,
        json!({ "kind": "continuous", "baseline": "w0", "mean": illustrative(json!(-5)),
                "sd": illustrative(json!(20)), "n": illustrative(json!(24)) }),
    );
    let parsed = parse_bundle(&bundle.to_string(), "mine.json").expect("valid");
    let Measure::Continuous(summary) = &parsed.results[4].measure else {
        panic!("results[4] is continuous");
    };
    assert_eq!(summary.mean.as_ref().map(|m| m.value), Some(-5.0));
    assert_eq!(summary.baseline.as_deref(), Some("w0"));
}

#[test]
fn a_negative_count_names_its_field() {
    let mut bundle = default_json();
    *at(&mut bundle, "/arms/1/randomized_n/value") = json!(-1);
    let err = parse_bundle(&bundle.to_string(), "mine.json").unwrap_err();
    assert_eq!(
        err,
        BundleError::Invalid {
            file: "mine.json".into(),
            field: "arms[1].randomized_n.value".into(),
            message: "invalid value: integer `-1`, expected u32".into(),
        }
    );
}

#[test]
fn an_unknown_field_names_its_path_and_the_known_fields() {
    let mut bundle = default_json();
    at(&mut bundle, "/arms/0").as_object_mut().unwrap().insert("colour".into(), json!("red"));
    let err = parse_bundle(&bundle.to_string(), "mine.json").unwrap_err();
    assert_eq!(
        err.to_string(),
        "mine.json, field arms[0].colour: unknown field `colour`, expected one of `id`, `label`, `dose`, `randomized_n`"
    );
}

#[test]
fn each_value_of_the_wrong_shape_names_its_field_path() {
    let edited = |edit: &dyn Fn(&mut Value)| {
        let mut bundle = default_json();
        edit(&mut bundle);
        bundle.to_string()
    };
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "a missing field",
            edited(&|b| {
                at(b, "/arms/2").as_object_mut().unwrap().remove("label");
            }),
            "arms[2].label: missing field `label`",
        ),
        (
            "a missing provenance field",
            edited(&|b| {
                at(b, "/trial/title/provenance").as_object_mut().unwrap().remove("locator");
            }),
            "trial.title.provenance.locator: missing field `locator`",
        ),
        (
            "a field of the other provenance kind",
            edited(&|b| {
                at(b, "/trial/title/provenance").as_object_mut().unwrap().insert("why".into(), json!("x"));
            }),
            "trial.title.provenance.why: unknown field `why`, expected one of `kind`, `source`, `locator`",
        ),
        (
            "a field of another measure",
            edited(&|b| {
                at(b, "/results/2/measure").as_object_mut().unwrap().insert("mean".into(), json!(1));
            }),
            "results[2].measure.mean: unknown field `mean`, expected one of `kind`, `events`, `n`",
        ),
        (
            "a count with its field misspelt",
            edited(&|b| {
                let measure = at(b, "/results/2/measure").as_object_mut().unwrap();
                let events = measure.remove("events").unwrap();
                measure.insert("event".into(), events);
            }),
            "results[2].measure.event: unknown field `event`, expected one of `kind`, `events`, `n`",
        ),
        (
            "a week as text",
            edited(&|b| *at(b, "/visits/0/week/value") = json!("0")),
            "visits[0].week.value: invalid type: string \"0\", expected u32",
        ),
        (
            "a count with decimals",
            edited(&|b| *at(b, "/trial/enrolled/value") = json!(72.5)),
            "trial.enrolled.value: invalid type: floating point `72.5`, expected u32",
        ),
        (
            "a dose as a number",
            edited(&|b| *at(b, "/arms/0/dose/value") = json!(5)),
            "arms[0].dose.value: invalid type: integer `5`, expected a string",
        ),
        (
            "an unknown measure",
            edited(&|b| *at(b, "/results/0/measure/kind") = json!("median")),
            "results[0].measure.kind: unknown variant `median`, expected one of `continuous`, `binary`, `cumulative_probability`, `step_curve`",
        ),
        (
            "an unknown endpoint kind",
            edited(&|b| *at(b, "/endpoints/0/kind") = json!("ordinal")),
            "endpoints[0].kind: unknown variant `ordinal`, expected one of `continuous`, `time_to_event`, `binary`, `statement`",
        ),
        (
            "a P value without its kind",
            edited(&|b| {
                at(b, "/tests/0/p/value/p").as_object_mut().unwrap().remove("kind");
            }),
            "tests[0].p.value.p.kind: missing field `kind`",
        ),
        (
            "sources as an object",
            edited(&|b| *at(b, "/sources") = json!({})),
            "sources: invalid type: map, expected a sequence",
        ),
        ("a list instead of a bundle", "[]".to_string(), "(top level): invalid type: sequence, expected an object"),
    ];
    for (what, text, expected) in cases {
        let err = parse_bundle(&text, "mine.json").unwrap_err();
        assert_eq!(err.to_string(), format!("mine.json, field {expected}"), "{what}");
    }
}

#[test]
fn values_json_cannot_carry_are_checked_too() {
    // NaN and infinity cannot be written in JSON, but a bundle built in code (a
    // reconstruction, an import) can hold them.
    let nan_mean = {
        let mut b = default_bundle().unwrap();
        b.results[0].endpoint = "cd4".into();
        b.results[0].visit = Some("w48".into());
        b.results[0].measure = Measure::Continuous(Box::new(ContinuousSummary {
            mean: Some(Fact { value: f64::NAN, provenance: Provenance::Illustrative { why: "test".into() } }),
            ..ContinuousSummary::default()
        }));
        b
    };
    let infinite_time = {
        let mut b = default_bundle().unwrap();
        b.patient_data.time_to_event.push(EventDataset {
            id: "km".into(),
            endpoint: "response".into(),
            provenance: Provenance::Reconstructed { method: "test".into(), seed: 1 },
            records: vec![EventRecord { arm: "low".into(), time: f64::INFINITY, event: true }],
        });
        b
    };
    let nan_probability = {
        let mut b = default_bundle().unwrap();
        b.results[0].measure = Measure::StepCurve(StepCurve {
            scale: CurveScale::Survival,
            points: Fact {
                value: vec![StepPoint { time: 0.0, probability: f64::NAN }],
                provenance: Provenance::Illustrative { why: "test".into() },
            },
        });
        b
    };
    let nan_p = {
        let mut b = default_bundle().unwrap();
        b.tests[2].p.value.p = PValue::Exact { value: f64::NAN, decimals: 3 };
        b
    };
    let cases = [
        (nan_mean, "results[0].measure.mean: must be a finite number, found NaN"),
        (
            infinite_time,
            "patient_data.time_to_event[0].records[0].time: must be a finite number, found inf",
        ),
        (
            nan_probability,
            "results[0].measure.points.value[0].probability: must be a probability between 0 and 1, found NaN",
        ),
        (nan_p, "tests[2].p.value.p: P must be between 0 and 1, found NaN"),
    ];
    for (bundle, expected) in cases {
        let err = validate(&bundle, "built.json").unwrap_err();
        assert_eq!(err.to_string(), format!("built.json, field {expected}"));
    }
}
