//! Serialize → parse gives the same bundle, for the default bundle and for one that uses
//! every part of the schema.

mod json_common;

use json_common::theirs;
use trial_explorer::reconstruct::{reconstruct, DEFAULT_SEED};
use trial_explorer::trial::json::{from_value, parse, pretty, to_pretty_text, ToJson, Value};
use trial_explorer::trial::{
    default_bundle, parse_bundle, ArmResult, BinaryCount, Bundle, Comparison, ContinuousSummary, CurveScale,
    EndpointKind, EventDataset, EventRecord, Fact, HypothesisTest, Measure, Measurement, MeasurementDataset,
    PValue, Provenance, PublishedP, Statement, StepCurve, StepPoint,
};

fn illustrative<T>(value: T) -> Fact<T> {
    Fact { value, provenance: Provenance::Illustrative { why: "round-trip test".into() } }
}

fn reconstructed<T>(value: T) -> Fact<T> {
    Fact {
        value,
        provenance: Provenance::Reconstructed { method: "test reconstruction".into(), seed: 20_130_501 },
    }
}

/// The default bundle plus one of everything the default bundle does not use.
fn full_bundle() -> Bundle {
    let mut b = default_bundle().expect("embedded bundle is valid");
    b.results.push(ArmResult {
        endpoint: "cd4".into(),
        arm: "high".into(),
        visit: Some("w48".into()),
        measure: Measure::Continuous(Box::new(ContinuousSummary {
            baseline: Some("w0".into()),
            n: Some(reconstructed(24)),
            mean: Some(reconstructed(-12.25)),
            sd: Some(reconstructed(61.3)),
            median: Some(illustrative(0.1 + 0.2)),
            q1: Some(illustrative(-40.0)),
            q3: Some(illustrative(35.5)),
        })),
    });
    b.results.push(ArmResult {
        endpoint: "cd8".into(),
        arm: "placebo".into(),
        visit: Some("w96".into()),
        measure: Measure::Continuous(Box::new(ContinuousSummary {
            median: Some(illustrative(812.0)),
            ..ContinuousSummary::default()
        })),
    });
    for (arm, scale, points) in [
        ("high", CurveScale::CumulativeIncidence, [(0.0, 0.0), (12.5, 0.25), (96.0, 0.9)]),
        ("high", CurveScale::Survival, [(0.0, 1.0), (12.5, 0.75), (96.0, 0.1)]),
    ] {
        b.results.push(ArmResult {
            endpoint: "response".into(),
            arm: arm.into(),
            visit: None,
            measure: Measure::StepCurve(StepCurve {
                scale,
                points: illustrative(
                    points.iter().map(|&(time, probability)| StepPoint { time, probability }).collect(),
                ),
            }),
        });
    }
    b.results.push(ArmResult {
        endpoint: "response_week".into(),
        arm: "high".into(),
        visit: Some("w48".into()),
        measure: Measure::Binary(BinaryCount {
            events: Fact { value: 20, provenance: Provenance::Imported { file: "mine.csv".into() } },
            n: illustrative(24),
        }),
    });
    b.tests.push(HypothesisTest {
        id: "anova_cd4".into(),
        endpoint: "cd4".into(),
        comparison: Comparison::BetweenArms {
            arms: vec!["high".into(), "low".into(), "placebo".into()],
            visit: Some("w48".into()),
        },
        method: Some(illustrative("one-way ANOVA".into())),
        statistic: Some(illustrative(-2.5e-3)),
        p: illustrative(PublishedP {
            text: "P = 0.31".into(),
            p: PValue::Exact { value: 0.31, decimals: 2 },
        }),
        claim: None,
        note: None,
    });
    b.statements.push(Statement {
        id: "note".into(),
        endpoints: vec![],
        comparison: None,
        text: illustrative("a sentence with \"quotes\", commas and ünïcödé".into()),
        note: Some("line\nbreak".into()),
    });
    b.patient_data.time_to_event.push(EventDataset {
        id: "km".into(),
        endpoint: "response".into(),
        provenance: Provenance::Reconstructed { method: "test".into(), seed: u64::MAX },
        records: vec![
            EventRecord { arm: "low".into(), time: 1.0 / 3.0, event: true },
            EventRecord { arm: "placebo".into(), time: 96.0, event: false },
        ],
    });
    b.patient_data.continuous.push(MeasurementDataset {
        id: "cd4".into(),
        endpoint: "cd4".into(),
        provenance: Provenance::Imported { file: "cd4 values.csv".into() },
        records: vec![Measurement {
            arm: "low".into(),
            patient: "P 1".into(),
            visit: "w0".into(),
            value: 187.5,
        }],
    });
    b
}

#[test]
fn the_default_bundle_round_trips() {
    let bundle = default_bundle().unwrap();
    let text = to_pretty_text(&bundle);
    assert_eq!(parse_bundle(&text, "out.json").unwrap(), bundle);
}

#[test]
fn a_bundle_using_every_part_of_the_schema_round_trips() {
    let bundle = full_bundle();
    for text in [theirs(&bundle.to_json()).to_string(), to_pretty_text(&bundle)] {
        let parsed = parse_bundle(&text, "out.json").unwrap();
        assert_eq!(parsed, bundle);
        // Floats survive to the last bit.
        let Measure::Continuous(summary) = &parsed.results[4].measure else {
            panic!("results[4] is continuous");
        };
        assert_eq!(summary.median.as_ref().unwrap().value.to_bits(), (0.1f64 + 0.2).to_bits());
        assert_eq!(parsed.patient_data.time_to_event[0].records[0].time, 1.0 / 3.0);
    }
}

#[test]
fn provenance_serializes_as_a_tagged_object() {
    let cases = [
        (
            Provenance::Reported { source: "abstract".into(), locator: "Results".into() },
            r#"{"kind":"reported","source":"abstract","locator":"Results"}"#,
        ),
        (
            Provenance::Derived { from: "a".into(), how: "b".into() },
            r#"{"kind":"derived","from":"a","how":"b"}"#,
        ),
        (
            Provenance::Reconstructed { method: "m".into(), seed: 7 },
            r#"{"kind":"reconstructed","method":"m","seed":7}"#,
        ),
        (Provenance::Illustrative { why: "w".into() }, r#"{"kind":"illustrative","why":"w"}"#),
        (Provenance::Imported { file: "f.csv".into() }, r#"{"kind":"imported","file":"f.csv"}"#),
    ];
    for (provenance, json) in cases {
        assert_eq!(theirs(&provenance.to_json()).to_string(), json);
        assert_eq!(from_value::<Provenance>(&parse(json).unwrap()), Ok(provenance));
    }
}

#[test]
fn imported_provenance_reads_as_the_readers_own_data() {
    let imported = Provenance::Imported { file: "km.csv".into() };
    assert_eq!(imported.label(), "imported");
    assert!(!imported.is_reported());
    assert_eq!(imported.explain(), "Imported by the reader from km.csv; not a published value");
}

#[test]
fn bundles_are_written_as_serde_json_writes_them() {
    for bundle in [
        default_bundle().unwrap(),
        full_bundle(),
        reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap(),
    ] {
        let json = bundle.to_json();
        assert_eq!(pretty(&json), serde_json::to_string_pretty(&theirs(&json)).unwrap());
    }
}

#[test]
fn extreme_floats_are_written_so_that_they_read_back_to_the_bit() {
    for x in [
        1e-300,
        1e300,
        -1e300,
        5e-324,
        f64::MAX,
        -0.0,
        0.1 + 0.2,
        1.0 / 3.0,
        1e-7,
        123456789012345680.0,
        -2.5e-6,
    ]
    .into_iter()
    // Either side of where the exponent form starts and ends.
    .chain([1e16, 9999999999999998.0, 1e-5, 9.999999999999999e-6, -1e-5])
    {
        let text = pretty(&Value::Array(vec![Value::from(x)]));
        let back: Vec<f64> = serde_json::from_str(&text).unwrap();
        assert_eq!(back[0].to_bits(), x.to_bits(), "{x} written as {text}");
        assert_eq!(text, serde_json::to_string_pretty(&serde_json::json!([x])).unwrap(), "{x}");
    }
    assert_eq!(
        pretty(&parse(r#"{ "a": [24.0, -1, "q\"\n\u0001"], "b": {} , "c": [] }"#).unwrap()),
        "{\n  \"a\": [\n    24.0,\n    -1,\n    \"q\\\"\\n\\u0001\"\n  ],\n  \"b\": {},\n  \"c\": []\n}"
    );
}

/// Each provenance kind is written with the tag its label names, and read back the same.
#[test]
fn each_provenance_kind_is_written_with_its_label() {
    let kinds = [
        Provenance::Reported { source: "abstract".into(), locator: "Results".into() },
        Provenance::Derived { from: "23/24".into(), how: "ratio".into() },
        Provenance::Reconstructed { method: "response_times".into(), seed: 7 },
        Provenance::Illustrative { why: "layout".into() },
        Provenance::Imported { file: "late.csv".into() },
    ];
    for provenance in kinds {
        let json = provenance.to_json();
        assert_eq!(
            json.as_object().and_then(|o| o.get("kind")?.as_str()),
            Some(provenance.label()),
            "{provenance:?}"
        );
        assert_eq!(from_value::<Provenance>(&json).unwrap(), provenance);
    }
}

/// Each endpoint kind and curve scale is written in its JSON spelling and read back the same;
/// the spellings are the schema's, so a bundle written before stays readable.
#[test]
fn endpoint_kinds_and_curve_scales_keep_their_json_spelling() {
    let kinds: Vec<_> = EndpointKind::ALL.iter().map(|k| theirs(&k.to_json())).collect();
    assert_eq!(kinds, ["continuous", "time_to_event", "binary", "statement"]);
    for kind in EndpointKind::ALL {
        assert_eq!(from_value::<EndpointKind>(&kind.to_json()).unwrap(), kind);
    }
    let scales: Vec<_> = CurveScale::ALL.iter().map(|s| theirs(&s.to_json())).collect();
    assert_eq!(scales, ["survival", "cumulative_incidence"]);
    for scale in CurveScale::ALL {
        assert_eq!(from_value::<CurveScale>(&scale.to_json()).unwrap(), scale);
    }
    let wrong = from_value::<CurveScale>(&"hazard".to_json()).unwrap_err();
    assert!(wrong.message.contains("expected one of `survival`, `cumulative_incidence`"), "{wrong:?}");
}
