//! Fuzzing the parsers a reader can feed: the bundle JSON, patient CSV files and the whole
//! pipeline after an import. Bounded here (PROPTEST_CASES, default 256 per property) and run
//! longer by `scripts/fuzz.sh`. The properties: no panic, and a refused input changes nothing.

use std::sync::OnceLock;

use proptest::prelude::*;
use trial_explorer::claims::check_claims;
use trial_explorer::explore::selection::EndpointChoice;
use trial_explorer::explore::{compute, Selection};
use trial_explorer::reconstruct::{reconstruct, DEFAULT_SEED};
use trial_explorer::trial::import::{import_bundle_json, import_file, import_patient_csv};
use trial_explorer::trial::{default_bundle, parse_bundle, Bundle};

const DEFAULT_JSON: &str = include_str!("../data/nct01213186.json");

fn loaded() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap())
}

/// Every view of every endpoint, and the claims, on a bundle: must not panic.
fn exercise(bundle: &Bundle) {
    let _ = check_claims(bundle);
    for endpoint in EndpointChoice::ALL {
        for reported_only in [false, true] {
            let selection = Selection { endpoint, reported_only, ..Selection::default() };
            let _ = compute(bundle, &selection);
        }
    }
}

/// Edit a text at a few places: delete a span, insert a snippet, or repeat a span.
fn mutate(text: &str, edits: &[(usize, usize, u8, String)]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for (at, len, kind, snippet) in edits {
        if bytes.is_empty() {
            break;
        }
        let at = at % bytes.len();
        let end = (at + len % 64).min(bytes.len());
        match kind % 3 {
            0 => {
                bytes.drain(at..end);
            }
            1 => {
                bytes.splice(at..at, snippet.bytes());
            }
            _ => {
                let span = bytes[at..end].to_vec();
                bytes.splice(at..at, span);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn edits() -> impl Strategy<Value = Vec<(usize, usize, u8, String)>> {
    proptest::collection::vec(
        (
            any::<usize>(),
            any::<usize>(),
            any::<u8>(),
            prop_oneof![
                Just("null".to_string()),
                Just("-1e999".to_string()),
                Just("\"\u{feff}<script>alert(1)</script>\"".to_string()),
                Just("{}".to_string()),
                Just("[]".to_string()),
                Just(",".to_string()),
                "\\PC{0,8}",
            ],
        ),
        1..4,
    )
}

proptest! {
    #[test]
    fn any_text_as_a_bundle_never_panics(text in "\\PC{0,300}") {
        let _ = parse_bundle(&text, "fuzz.json");
    }

    #[test]
    fn an_edited_default_bundle_loads_or_is_refused_cleanly(edits in edits()) {
        let text = mutate(DEFAULT_JSON, &edits);
        if let Ok(bundle) = parse_bundle(&text, "edited.json") {
            exercise(&bundle);
        }
    }

    #[test]
    fn an_edited_bundle_import_merges_or_changes_nothing(edits in edits()) {
        let before = loaded().clone();
        let text = mutate(DEFAULT_JSON, &edits);
        match import_bundle_json(&before, &text, "edited.json") {
            Ok(merged) => exercise(&merged),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
        prop_assert_eq!(&before, loaded());
    }

    /// A picked file is bytes: a CSV with any bytes spliced in (Latin-1 letters, cut
    /// multibyte letters, a byte-order mark), read as the page reads it.
    #[test]
    fn any_bytes_in_a_file_import_or_are_refused_cleanly(
        spliced in proptest::collection::vec((any::<usize>(), proptest::collection::vec(any::<u8>(), 0..4)), 0..4),
        json in any::<bool>()
    ) {
        let mut bytes = b"arm,time,event\nlow,12,1\nplacebo,96,0\n".to_vec();
        for (at, splice) in &spliced {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, splice.iter().copied());
        }
        let file = if json { "bytes.json" } else { "bytes.csv" };
        let before = loaded().clone();
        match import_file(&before, &bytes, file, "response") {
            Ok(merged) => exercise(&merged),
            Err(e) => prop_assert!(e.to_string().starts_with(file)),
        }
        prop_assert_eq!(&before, loaded());
    }

    #[test]
    fn any_event_csv_imports_or_is_refused_cleanly(
        rows in proptest::collection::vec(
            (prop_oneof![Just("low"), Just("placebo"), Just("high"), Just("ultra"), Just("")],
             prop_oneof![Just("12".to_string()), Just("96".to_string()), Just("-3".to_string()), Just("NaN".to_string()), Just("1e308".to_string()), "[0-9.eE+-]{0,6}"],
             prop_oneof![Just("0"), Just("1"), Just("2"), Just("yes")]),
            0..60),
        crlf in any::<bool>(), bom in any::<bool>()
    ) {
        let newline = if crlf { "\r\n" } else { "\n" };
        let mut text = String::from(if bom { "\u{feff}arm,time,event" } else { "arm,time,event" });
        for (arm, time, event) in &rows {
            text.push_str(newline);
            text.push_str(&format!("{arm},{time},{event}"));
        }
        let before = loaded().clone();
        match import_patient_csv(&before, &text, "events.csv", "response") {
            Ok(merged) => exercise(&merged),
            Err(e) => prop_assert!(e.to_string().contains("events.csv")),
        }
        prop_assert_eq!(&before, loaded());
    }

    #[test]
    fn any_measurement_csv_imports_or_is_refused_cleanly(
        rows in proptest::collection::vec(
            (prop_oneof![Just("low"), Just("placebo"), Just("high"), Just("x")],
             "[a-z0-9]{0,3}",
             prop_oneof![Just("w0"), Just("w48"), Just("w96"), Just("w7"), Just("48")],
             prop_oneof![Just("150".to_string()), Just("-1".to_string()), Just("inf".to_string()), "[0-9.eE+-]{0,6}"]),
            0..60),
        endpoint in prop_oneof![Just("cd4"), Just("cd8"), Just("cd4_cd8_ratio"), Just("safety"), Just("nope")]
    ) {
        let mut text = String::from("arm,patient,visit,value");
        for (arm, patient, visit, value) in &rows {
            text.push_str(&format!("\n{arm},{patient},{visit},{value}"));
        }
        let before = loaded().clone();
        match import_patient_csv(&before, &text, "cells.csv", endpoint) {
            Ok(merged) => exercise(&merged),
            Err(e) => prop_assert!(e.to_string().contains("cells.csv")),
        }
        prop_assert_eq!(&before, loaded());
    }
}

/// A JSON bundle of summaries with any numbers (huge, tiny, negative, levels and changes at any
/// visit, a cumulative probability at any visit), added to the exported bundle: it imports or
/// is refused naming the file, and every view it loads into is drawn, at the page's size and
/// a phone's, without a panic or an endless axis (an imported mean of 1.7e308 once froze the
/// means chart).
fn summary_results() -> impl Strategy<Value = Vec<serde_json::Value>> {
    // Mostly numbers a figure could give, now and then one no figure could.
    let number = prop_oneof![
        8 => 0.0f64..500.0,
        2 => -500.0f64..500.0,
        1 => 0.0f64..1e12,
        1 => Just(1e12),
        1 => Just(0.0),
        1 => Just(5e-324),
        1 => Just(1.7e308),
        1 => -1e13f64..1e13
    ];
    let visit = prop_oneof![Just("w0"), Just("w12"), Just("w48"), Just("w96")];
    let arm = prop_oneof![Just("high"), Just("low"), Just("placebo")];
    let endpoint = prop_oneof![Just("cd4"), Just("cd8"), Just("cd4_cd8_ratio"), Just("response")];
    let n = prop_oneof![9 => 1u32..30, 1 => Just(0u32)];
    let one = (endpoint, arm, visit, any::<bool>(), number.clone(), number, n);
    proptest::collection::vec(one, 0..12).prop_map(|rows| {
        let fact = |value: f64| serde_json::json!({ "value": value, "provenance": { "kind": "illustrative", "why": "fuzz" } });
        let mut seen = std::collections::HashSet::new();
        rows.into_iter()
            .filter_map(|(endpoint, arm, visit, change, mean, sd, n)| {
                // The loaded bundle has the low-dose and control probabilities; a file may add the high dose's.
                let arm = if endpoint == "response" { "high" } else { arm };
                let baseline = (change && visit != "w0" && endpoint != "response").then_some("w0");
                // One finding per key: a repeat is refused, and that refusal is tested elsewhere.
                let key = (endpoint, arm, if endpoint == "response" { "" } else { visit }, baseline);
                if !seen.insert(key) {
                    return None;
                }
                let measure = if endpoint == "response" {
                    serde_json::json!({ "kind": "cumulative_probability", "percent": fact(mean.abs().min(100.0)) })
                } else {
                    let mut m = serde_json::json!({ "kind": "continuous", "mean": fact(mean), "sd": fact(sd.abs()),
                        "n": { "value": n, "provenance": { "kind": "illustrative", "why": "fuzz" } } });
                    if let Some(b) = baseline {
                        m["baseline"] = serde_json::json!(b);
                    }
                    m
                };
                Some(serde_json::json!({ "endpoint": endpoint, "arm": arm, "visit": visit, "measure": measure }))
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn any_summaries_import_and_draw_or_are_refused_cleanly(results in summary_results()) {
        use trial_explorer::chart::{ChartStyle, PHONE_SIZE, SCREEN_SIZE};
        let before = loaded().clone();
        let mut file: serde_json::Value = serde_json::from_str(&trial_explorer::trial::json::to_pretty_text(&before)).unwrap();
        file["results"].as_array_mut().unwrap().extend(results);
        match import_bundle_json(&before, &file.to_string(), "summaries.json") {
            Ok(merged) => {
                exercise(&merged);
                for endpoint in [EndpointChoice::Response, EndpointChoice::Cd4, EndpointChoice::Cd4Cd8Ratio] {
                    for change_from_baseline in [false, true] {
                        let view = compute(&merged, &Selection { endpoint, change_from_baseline, ..Selection::default() });
                        for size in [SCREEN_SIZE, PHONE_SIZE] {
                            prop_assert!(trial_explorer::share::view_svg(&view, size, &ChartStyle::SCREEN).is_ok());
                        }
                    }
                }
            }
            Err(e) => prop_assert!(e.to_string().contains("summaries.json"), "{e}"),
        }
        prop_assert_eq!(&before, loaded());
    }
}
