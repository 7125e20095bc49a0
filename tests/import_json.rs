//! Importing the reader's own JSON bundle: its findings join the loaded bundle as imported,
//! never as reported, and a bundle that does not fit is refused with a clear message.

use serde_json::{json, Value};
use trial_explorer::reconstruct::{reconstruct, DEFAULT_SEED};
use trial_explorer::trial::import::{
    import_bundle_json, import_file, loaded_message, remove_import, MAX_BYTES,
};
use trial_explorer::trial::json::to_pretty_text;
use trial_explorer::trial::walk::provenances;
use trial_explorer::trial::{default_bundle, Bundle, Provenance};

fn loaded() -> Bundle {
    default_bundle().expect("embedded bundle is valid")
}

/// The default design with one CD4 summary and one reconstructed time-to-event dataset, all
/// claiming to be something other than imported.
fn readers_bundle() -> Value {
    let mut bundle: Value = serde_json::from_str(include_str!("../data/nct01213186.json")).unwrap();
    bundle["results"] = json!([{
        "endpoint": "cd4", "arm": "low", "visit": "w48",
        "measure": { "kind": "continuous",
            "mean": { "value": 312.0, "provenance": { "kind": "reported", "source": "abstract", "locator": "Figure 2" } },
            "sd": { "value": 80.5, "provenance": { "kind": "derived", "from": "Figure 2", "how": "error bar × √24" } } }
    }]);
    bundle["tests"] = json!([]);
    bundle["statements"] = json!([{
        "id": "mine", "endpoints": ["cd4"],
        "text": { "value": "CD4 rose", "provenance": { "kind": "reported", "source": "abstract", "locator": "here" } }
    }]);
    bundle["patient_data"] = json!({ "time_to_event": [{
        "id": "km", "endpoint": "response",
        "provenance": { "kind": "reconstructed", "method": "guess", "seed": 3 },
        "records": [{ "arm": "low", "time": 12.0, "event": true }, { "arm": "placebo", "time": 96.0, "event": false }]
    }] });
    bundle
}

/// The message for a file of `text`, read as the page reads a picked file: as bytes.
fn error(text: &str) -> String {
    error_for_bytes(text.as_bytes())
}

fn error_for_bytes(bytes: &[u8]) -> String {
    import_file(&loaded(), bytes, "mine.json", "response").map(|_| ()).expect_err("refused").to_string()
}

fn edited(edit: impl Fn(&mut Value)) -> String {
    let mut bundle = readers_bundle();
    edit(&mut bundle);
    bundle.to_string()
}

#[test]
fn imported_findings_are_marked_imported_whatever_the_file_claims() {
    let merged = import_bundle_json(&loaded(), &readers_bundle().to_string(), "mine.json").unwrap();
    let default = loaded();
    assert_eq!(merged.results.len(), default.results.len() + 1);
    assert_eq!(merged.statements.len(), default.statements.len() + 1);
    assert_eq!(merged.results[..4], default.results[..]);

    let imported = Provenance::Imported { file: "mine.json".into() };
    let new_provenances: Vec<(String, Provenance)> = provenances(&merged)
        .into_iter()
        .filter(|found| !provenances(&default).contains(found))
        .map(|found| (found.path, found.provenance))
        .collect();
    assert_eq!(
        new_provenances,
        [
            ("results[4].measure.mean".to_string(), imported.clone()),
            ("results[4].measure.sd".to_string(), imported.clone()),
            ("statements[4].text".to_string(), imported.clone()),
            ("patient_data.time_to_event[0]".to_string(), imported.clone()),
        ]
    );
    // Values are kept as the reader wrote them; ids are prefixed with the file name.
    assert_eq!(merged.statements[4].id, "mine.json:mine");
    assert_eq!(merged.statements[4].text.value, "CD4 rose");
    let events = &merged.patient_data.time_to_event[0];
    assert_eq!(events.id, "mine.json:km");
    assert_eq!(events.records.len(), 2);
    assert_eq!(events.records[1].time, 96.0);
    // The published facts are untouched: still 43 reported values.
    let reported = provenances(&merged).iter().filter(|p| p.provenance.is_reported()).count();
    assert_eq!(reported, 43);
}

#[test]
fn importing_again_replaces_and_removing_restores_the_loaded_bundle() {
    let text = readers_bundle().to_string();
    let once = import_bundle_json(&loaded(), &text, "mine.json").unwrap();
    let twice = import_bundle_json(&once, &text, "mine.json").unwrap();
    assert_eq!(twice, once);
    assert_eq!(remove_import(&twice, "mine.json"), loaded());
}

/// The page's own saved bundle holds the published facts and the reconstruction: imported as it
/// is, nothing is new; with the reader's additions, only those are imported, so no published
/// sentence or number shows twice; a published value edited in it is refused at its field, as
/// it would sit unseen beside the loaded one.
#[test]
fn a_saved_bundle_imports_only_what_the_reader_added() {
    let shown = reconstruct(&loaded(), DEFAULT_SEED).unwrap();
    let saved = to_pretty_text(&shown);
    assert_eq!(
        import_bundle_json(&shown, &saved, "nct01213186-bundle.json").unwrap_err().to_string(),
        "nct01213186-bundle.json: everything in the bundle is loaded already, as it is (a bundle saved by this page holds the published facts and the reconstruction); add results, tests, statements or patient data it lacks, e.g. values digitised from the paper, and import it again"
    );
    let refusal = |field: &str, what: &str| {
        format!("mine.json, field {field}: the loaded bundle already has {what}, with other values; an import can add findings but not change the loaded ones, so leave it as it was or remove it")
    };
    let original: Value = serde_json::from_str(&saved).unwrap();
    let mut edited = original.clone();
    let at = edited["results"]
        .as_array()
        .unwrap()
        .iter()
        .position(|r| r["endpoint"] == "response" && r["arm"] == "low")
        .expect("the published low-dose response");
    edited["results"][at]["measure"]["percent"]["value"] = json!(91.7);
    assert_eq!(
        error_with(&shown, &edited),
        refusal(&format!("results[{at}]"), "this result (endpoint 'response', arm 'low'; reported)")
    );
    // Added at a visit, the low-dose probability would still be shown as the published one,
    // which the views look up by arm alone: refused too.
    let mut at_a_visit = original.clone();
    let mut digitised = original["results"][at].clone();
    digitised["visit"] = json!("w48");
    digitised["measure"]["percent"]["value"] = json!(66.7);
    at_a_visit["results"].as_array_mut().unwrap().push(digitised);
    let last = at_a_visit["results"].as_array().unwrap().len() - 1;
    assert_eq!(
        error_with(&shown, &at_a_visit),
        refusal(
            &format!("results[{last}]"),
            "this result (endpoint 'response', arm 'low', visit 'w48'; reported)"
        )
    );
    let mut edited = original.clone();
    edited["tests"][0]["p"]["value"] =
        json!({ "text": "P = 0.01", "p": { "kind": "exact", "value": 0.01, "decimals": 2 } });
    let test_id = original["tests"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(
        error_with(&shown, &edited),
        refusal("tests[0]", &format!("a test of the same comparison ('{test_id}'; reported)"))
    );
    // The published log-rank comparison with its arms in the other order is the same test.
    let mut reversed = original.clone();
    let tests = original["tests"].as_array().unwrap();
    let mut test = tests.iter().find(|t| t["id"] == "response_low_vs_placebo").unwrap().clone();
    test["id"] = json!("mine");
    test["comparison"]["arms"] = json!(["placebo", "low"]);
    reversed["tests"].as_array_mut().unwrap().push(test);
    assert_eq!(
        error_with(&shown, &reversed),
        refusal(
            &format!("tests[{}]", tests.len()),
            "a test of the same comparison ('response_low_vs_placebo'; reported)"
        )
    );

    // What the abstract does not give is added: a CD4 mean at week 48, and a sentence.
    let mut added = original.clone();
    added["results"].as_array_mut().unwrap().push(json!({
        "endpoint": "cd4", "arm": "low", "visit": "w48",
        "measure": { "kind": "continuous",
            "mean": { "value": 312.0, "provenance": { "kind": "illustrative", "why": "read off Figure 2" } } }
    }));
    added["statements"].as_array_mut().unwrap().push(json!({
        "id": "mine", "endpoints": ["response"],
        "text": { "value": "read off the figure", "provenance": { "kind": "illustrative", "why": "mine" } }
    }));
    let merged = import_bundle_json(&shown, &added.to_string(), "mine.json").unwrap();
    assert_eq!(merged.results.len(), shown.results.len() + 1);
    assert_eq!(merged.tests, shown.tests);
    assert_eq!(merged.statements.len(), shown.statements.len() + 1);
    assert_eq!(merged.statements.last().unwrap().id, "mine.json:mine");
    assert_eq!(merged.patient_data, shown.patient_data);
    let imported = Provenance::Imported { file: "mine.json".into() };
    let paths: Vec<String> =
        provenances(&merged).into_iter().filter(|p| p.provenance == imported).map(|p| p.path).collect();
    let (result, statement) = (shown.results.len(), shown.statements.len());
    assert_eq!(paths, [format!("results[{result}].measure.mean"), format!("statements[{statement}].text")]);
    // The page says what the file brought in.
    assert_eq!(
        loaded_message(&shown, &merged, "mine.json"),
        "Loaded mine.json: 1 result and 1 statement. The views and the published claims now use its data, labelled imported."
    );
    // Saved again with the import and loaded again under its name, the page is as it was: the
    // reader's value and sentence stay, and ids are not prefixed twice.
    let again = import_bundle_json(&merged, &to_pretty_text(&merged), "mine.json").unwrap();
    assert_eq!(again, merged);
}

fn error_with(loaded: &Bundle, bundle: &Value) -> String {
    import_bundle_json(loaded, &bundle.to_string(), "mine.json").map(|_| ()).expect_err("refused").to_string()
}

#[test]
fn bom_and_crlf_are_accepted() {
    let text =
        format!("\u{feff}{}", serde_json::to_string_pretty(&readers_bundle()).unwrap().replace('\n', "\r\n"));
    let merged = import_bundle_json(&loaded(), &text, "mine.json").unwrap();
    assert_eq!(merged.patient_data.time_to_event.len(), 1);
}

#[test]
fn each_bundle_that_does_not_fit_gets_its_own_message() {
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty file", " \r\n".into(), "mine.json: the file is empty; expected a JSON bundle like data/nct01213186.json"),
        ("not JSON", "{".into(), "mine.json, line 1, column 1: EOF while parsing an object"),
        ("a CSV file", "arm,time,event\nlow,1,1".into(), "mine.json, line 1, column 1: expected value"),
        ("older format", edited(|b| b["schema_version"] = json!(1)), "mine.json, field schema_version: this app reads bundle version 2, found 1; convert the file to version 2"),
        (
            "invalid in itself",
            edited(|b| b["results"][0]["arm"] = json!("mid")),
            "mine.json, field results[0].arm: unknown arm 'mid'; known arms: high, low, placebo",
        ),
        (
            "another trial",
            edited(|b| b["trial"]["registry_id"]["value"] = json!("NCT00000000")),
            "mine.json: the bundle is for trial NCT00000000, not NCT01213186; import a bundle for NCT01213186",
        ),
        (
            "an arm the loaded bundle lacks",
            edited(|b| {
                b["arms"].as_array_mut().unwrap().push(json!({ "id": "mid", "label": "Mid dose",
                    "dose": { "value": "1.0", "provenance": { "kind": "illustrative", "why": "mine" } },
                    "randomized_n": { "value": 0, "provenance": { "kind": "illustrative", "why": "mine" } } }));
            }),
            "mine.json, field arms[3].id: unknown arm 'mid'; known arms: high, low, placebo",
        ),
        (
            "a visit the loaded bundle lacks",
            edited(|b| {
                b["visits"].as_array_mut().unwrap().insert(1, json!({ "id": "w6", "label": "Week 6",
                    "week": { "value": 6, "provenance": { "kind": "illustrative", "why": "mine" } } }));
            }),
            "mine.json, field visits[1].id: unknown visit 'w6'; known visits: w0 (week 0), w12 (week 12), w24 (week 24), w36 (week 36), w48 (week 48), w60 (week 60), w72 (week 72), w84 (week 84), w96 (week 96)",
        ),
        (
            "a visit at another week",
            edited(|b| b["visits"][1]["week"]["value"] = json!(10)),
            "mine.json, field visits[1].week: visit 'w12' is week 12 in the loaded bundle, not week 10",
        ),
        (
            "an endpoint of another kind",
            edited(|b| b["endpoints"][4]["kind"] = json!("binary")),
            "mine.json, field endpoints[4].kind: endpoint 'cd4_cd8_ratio' is continuous in the loaded bundle, not binary",
        ),
        (
            "an endpoint the loaded bundle lacks",
            edited(|b| {
                b["endpoints"].as_array_mut().unwrap().push(json!({ "id": "weight", "label": "Weight", "kind": "continuous" }));
            }),
            "mine.json, field endpoints[6].id: unknown endpoint 'weight'; known endpoints: response, response_week, cd4, cd8, cd4_cd8_ratio, safety",
        ),
        (
            "a step curve, which no view draws",
            edited(|b| {
                b["results"].as_array_mut().unwrap().push(json!({ "endpoint": "response", "arm": "high",
                    "measure": { "kind": "step_curve", "scale": "cumulative_incidence",
                        "points": { "value": [{ "time": 0.0, "probability": 0.0 }, { "time": 48.0, "probability": 0.5 }],
                            "provenance": { "kind": "illustrative", "why": "Figure 3" } } } }));
            }),
            "mine.json, field results[1].measure: this page draws no step curve from a bundle; give the curve's value at a visit as a cumulative probability, or the patients' times as a CSV file (arm,time,event)",
        ),
        (
            "one result twice, the views showing only the first",
            edited(|b| {
                let mut again = b["results"][0].clone();
                again["measure"]["mean"]["value"] = json!(330.0);
                b["results"].as_array_mut().unwrap().push(again);
            }),
            "mine.json, field results[1]: repeats results[0] (endpoint 'cd4', arm 'low', visit 'w48'; a continuous summary); the views show one of them, so keep one",
        ),
        (
            "one test twice, its arms in the other order",
            edited(|b| {
                let published: Value = serde_json::from_str(include_str!("../data/nct01213186.json")).unwrap();
                let mut test = published["tests"][0].clone();
                test["id"] = json!("mine");
                test["comparison"] = json!({ "kind": "between_arms", "arms": ["high", "placebo"], "visit": "w48" });
                let mut reversed = test.clone();
                reversed["id"] = json!("again");
                reversed["comparison"]["arms"] = json!(["placebo", "high"]);
                b["tests"] = json!([test, reversed]);
            }),
            "mine.json, field tests[1]: repeats tests[0] ('mine', endpoint 'cd4'), a test of the same comparison; the views show one of them, so keep one",
        ),
        (
            "nothing to import",
            edited(|b| {
                b["results"] = json!([]);
                b["statements"] = json!([]);
                b.as_object_mut().unwrap().remove("patient_data");
            }),
            "mine.json: the bundle has no results, tests, statements or patient data to import; add some under \"results\", \"tests\", \"statements\" or \"patient_data\"",
        ),
    ];
    for (what, text, expected) in cases {
        assert_eq!(error(&text), expected, "{what}");
    }
    assert_eq!(
        error_for_bytes(b"{\n  \"schema_version\": 2,\n  \"note\": \"caf\xe9\"\n}"),
        "mine.json, line 3, character 15: the byte 0xE9 there is not UTF-8 text, as when the file is saved as Latin-1; save it as UTF-8 and load it again",
        "Latin-1 text"
    );
}

#[test]
fn a_bundle_over_20_mb_is_refused_before_parsing() {
    let body = readers_bundle().to_string();
    let text = body.clone() + &" ".repeat(MAX_BYTES + 1 - body.len());
    assert_eq!(
        error(&text),
        "mine.json: the file has 20,000,001 bytes, more than the limit of 20,000,000 (20 MB); import a smaller file, e.g. one endpoint at a time"
    );
}

/// The README's example of values digitised from the paper, added to a bundle exported by the
/// page as its instructions say, loads: three results, each imported, none refused.
#[test]
fn the_readmes_digitised_example_loads_as_it_says() {
    let readme = include_str!("../README.md");
    let section =
        readme.split("## Checking the claims with values from the paper").nth(1).expect("the section");
    let example =
        section.split("```json").nth(1).and_then(|b| b.split("```").next()).expect("its JSON example");
    let shown = reconstruct(&loaded(), DEFAULT_SEED).unwrap();
    let mut exported: Value = serde_json::from_str(&to_pretty_text(&shown)).unwrap();
    let added: Value = serde_json::from_str(example).expect("the example is JSON");
    exported["results"].as_array_mut().unwrap().extend(added.as_array().unwrap().iter().cloned());
    let merged =
        import_bundle_json(&shown, &exported.to_string(), "figures.json").expect("the example loads");
    assert_eq!(
        loaded_message(&shown, &merged, "figures.json"),
        "Loaded figures.json: 3 results. The views and the published claims now use its data, labelled imported."
    );
}
