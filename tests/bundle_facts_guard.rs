//! The published-facts guard: every value the default bundle marks as reported must be on
//! `data/reported_facts.json`, whose every wording must be in `data/FACTS.md`.

mod json_common;

use json_common::theirs;
use serde::Deserialize;
use serde_json::Value;
use trial_explorer::trial::walk::provenances;
use trial_explorer::trial::{default_bundle, Bundle, Measure, Provenance};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsList {
    #[allow(dead_code)]
    about: String,
    facts: Vec<Listed>,
}

/// One published value: where the bundle may hold it, from which source, in which words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Listed {
    field: String,
    source: String,
    value: Value,
    wording: String,
    /// Why the value may differ from the words (e.g. "baseline is week 0").
    reading: Option<String>,
}

fn listed() -> Vec<Listed> {
    let list: FactsList = serde_json::from_str(include_str!("../data/reported_facts.json"))
        .expect("data/reported_facts.json parses");
    list.facts
}

/// `results[3].measure.mean` → `results[*].measure.mean`.
fn field_pattern(path: &str) -> String {
    let mut out = String::new();
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push_str("[*]");
            }
            ']' => in_index = false,
            _ if in_index => {}
            _ => out.push(c),
        }
    }
    out
}

/// JSON equality with numbers compared by value (`50` equals `50.0`).
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(v, w)| same_value(v, w))
        }
        _ => a == b,
    }
}

/// Reported values of `bundle` that no entry covers, as `path = value (source)`.
fn unlisted(bundle: &Bundle, list: &[Listed]) -> Vec<String> {
    provenances(bundle)
        .into_iter()
        .filter_map(|found| {
            let Provenance::Reported { source, .. } = &found.provenance else {
                return None;
            };
            let value = found.value.as_ref().map_or(Value::Null, theirs);
            let pattern = field_pattern(&found.path);
            let covered = list.iter().any(|entry| {
                entry.field == pattern && &entry.source == source && same_value(&entry.value, &value)
            });
            (!covered).then(|| format!("{} = {value} ({source})", found.path))
        })
        .collect()
}

/// Markdown emphasis removed and whitespace collapsed, so wrapped lines still match.
fn normalize(text: &str) -> String {
    text.replace(['*', '`'], "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `number` appears in `text` as a whole number, not inside a longer one.
fn mentions_number(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(at, _)| {
        let extends_back = text[..at].chars().next_back().is_some_and(|c| c.is_ascii_digit() || c == '.');
        let mut after = text[at + number.len()..].chars();
        let next = after.next();
        let extends_on = next.is_some_and(|c| c.is_ascii_digit())
            || (next == Some('.') && after.next().is_some_and(|c| c.is_ascii_digit()));
        !extends_back && !extends_on
    })
}

/// The value as it would be written in prose: `72`, `95.8`, the text of a P value.
fn spelled(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => {
            let x = n.as_f64()?;
            Some(if x.fract() == 0.0 { format!("{}", x as i64) } else { format!("{x}") })
        }
        Value::Object(map) => map.get("text").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

#[test]
fn every_reported_value_in_the_default_bundle_is_a_published_fact() {
    let bundle = default_bundle().expect("embedded bundle is valid");
    let reported = provenances(&bundle).iter().filter(|p| p.provenance.is_reported()).count();
    // The walk must reach every fact: 12 trial, 11 eligibility, 3 dose, 3 visit, 4 result,
    // 6 test and 4 statement values are reported.
    assert_eq!(reported, 43);
    assert_eq!(unlisted(&bundle, &listed()), Vec::<String>::new());
}

#[test]
fn every_listed_wording_is_in_the_published_facts() {
    let facts = normalize(include_str!("../data/FACTS.md"));
    let missing: Vec<String> = listed()
        .into_iter()
        .map(|entry| entry.wording)
        .filter(|wording| !facts.contains(&normalize(wording)))
        .collect();
    assert_eq!(missing, Vec::<String>::new());
}

#[test]
fn every_listed_value_is_spelled_out_in_its_wording_or_explained() {
    let unexplained: Vec<String> = listed()
        .iter()
        .filter(|entry| entry.reading.is_none())
        .filter(|entry| {
            let Some(spelled) = spelled(&entry.value) else {
                return true;
            };
            let wording = normalize(&entry.wording);
            match entry.value {
                Value::Number(_) => !mentions_number(&wording, &spelled),
                _ => !wording.contains(&normalize(&spelled)),
            }
        })
        .map(|entry| format!("{} = {}", entry.field, entry.value))
        .collect();
    assert_eq!(unexplained, Vec::<String>::new());
}

#[test]
fn the_copy_of_the_published_facts_matches_the_shared_one_when_present() {
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/trial/FACTS.md");
    match std::fs::read_to_string(&shared) {
        Ok(text) => assert_eq!(text, include_str!("../data/FACTS.md")),
        Err(_) => eprintln!("{} not found; data/FACTS.md not compared", shared.display()),
    }
}

#[test]
fn the_guard_catches_values_marked_reported_that_are_not_published() {
    let reported =
        |locator: &str| Provenance::Reported { source: "abstract".into(), locator: locator.into() };
    type Mutation = fn(&mut Bundle, Provenance);
    let cases: Vec<(&str, Mutation, &str)> = vec![
        (
            "24 per arm is derived, not published",
            |b, p| b.arms[0].randomized_n.provenance = p,
            "arms[0].randomized_n = 24 (abstract)",
        ),
        (
            "a reported percentage changed",
            |b, _| {
                let Measure::CumulativeProbability(c) = &mut b.results[0].measure else {
                    unreachable!("results[0] is the low-dose cumulative probability")
                };
                c.percent.value = 95.9;
            },
            "results[0].measure.percent = 95.9 (abstract)",
        ),
        (
            "a derived count marked reported",
            |b, p| {
                let Measure::Binary(count) = &mut b.results[2].measure else {
                    unreachable!("results[2] is the low-dose binary count")
                };
                count.events.provenance = p;
            },
            "results[2].measure.events = 23 (abstract)",
        ),
        (
            "a published value credited to the wrong source",
            |b, p| b.trial.registry_id.provenance = p,
            "trial.registry_id = \"NCT01213186\" (abstract)",
        ),
        (
            "a published number in the wrong place",
            |b, _| b.trial.enrolled.value = 24,
            "trial.enrolled = 24 (abstract)",
        ),
        (
            "a reworded statement",
            |b, _| b.statements[0].text.value = "hUC-MSC treatment was safe".into(),
            "statements[0].text = \"hUC-MSC treatment was safe\" (abstract)",
        ),
        (
            "an illustrative visit marked reported",
            |b, p| b.visits[1].week.provenance = p,
            "visits[1].week = 12 (abstract)",
        ),
    ];
    let list = listed();
    for (what, mutate, expected) in cases {
        let mut bundle = default_bundle().expect("embedded bundle is valid");
        mutate(&mut bundle, reported("somewhere"));
        assert_eq!(unlisted(&bundle, &list), vec![expected.to_string()], "{what}");
    }
}

#[test]
fn numbers_are_matched_whole() {
    assert!(mentions_number("Follow-up 96 weeks.", "96"));
    assert!(mentions_number("95.8% vs 70.8%, P = 0.004", "95.8"));
    assert!(!mentions_number("CD4 count ≤ 250", "25"));
    assert!(!mentions_number("P = 0.004", "0.00"));
    assert!(mentions_number("ends at 2016.", "2016"));
}
