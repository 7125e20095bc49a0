//! The page's own JSON reader against serde_json: the same documents read to the same values,
//! and broken ones refused with serde_json's words at serde_json's line and column. Beyond
//! it: deep nesting and repeated keys are refused with a message, never a crash or a silent
//! pick.

mod json_common;

use json_common::{ours, theirs};
use proptest::prelude::*;
use trial_explorer::trial::json::{parse, pretty, MAX_DEPTH};

/// serde_json's message for `text`, without its position, and the position.
fn serde_error(text: &str) -> (String, usize, usize) {
    let e = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    (message.strip_suffix(&position).unwrap_or(&message).to_string(), e.line(), e.column())
}

fn our_error(text: &str) -> (String, usize, usize) {
    let e = parse(text).unwrap_err();
    (e.message, e.line, e.column)
}

#[test]
fn syntax_errors_are_worded_and_placed_as_serde_json_places_them() {
    let cases = [
        "",
        "   ",
        "{",
        "[",
        "[1",
        "[1,",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":1",
        "{\"a\":1,",
        "nul",
        "nux",
        "tru",
        "falsy",
        "[1,]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "[1 2]",
        "{\"a\":1 \"b\":2}",
        "\"abc",
        "\"a\\qb\"",
        "\"\\u12",
        "\"\\u12G4\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud800",
        "\"\\ud800\\",
        "\"\\ud800\\u00",
        "\"tab\there\"",
        "01",
        "-",
        "-a",
        "1.",
        "1.x",
        "1e",
        "1e+",
        "[1]x",
        "1e400",
        "{\n  \"schema_version\": 2,\n  \"arms\": [\n    1,\n  ]\n}",
        "arm,time,event\nlow,1,1",
        "\u{feff}{}",
    ];
    for text in cases {
        assert_eq!(our_error(text), serde_error(text), "{text:?}");
    }
}

/// A lead surrogate without its pair is named as such where serde_json says "unexpected end
/// of hex escape" (the escape is whole; its pair is missing), at the same place.
#[test]
fn an_unpaired_surrogate_is_named_as_such() {
    let text = "\"\\ud800\"";
    assert_eq!(our_error(text), ("lone leading surrogate in hex escape".to_string(), 1, 8));
    assert_eq!(serde_error(text), ("unexpected end of hex escape".to_string(), 1, 8));
    // A trailing surrogate alone, at its last digit as serde_json places it.
    let trailing = "\"\\udc00\"";
    assert_eq!(our_error(trailing), ("lone trailing surrogate in hex escape".to_string(), 1, 7));
    let (_, line, column) = serde_error(trailing);
    assert_eq!((line, column), (1, 7));
}

/// A column counts characters, so a line with accents is placed where the reader sees it.
#[test]
fn a_column_counts_characters_not_bytes() {
    assert_eq!(our_error("[\"é\", x]"), ("expected value".to_string(), 1, 7));
}

#[test]
fn documents_read_as_serde_json_reads_them() {
    let text = r#"{ "b": [1, -2, 3.5, 1e-7, 18446744073709551615, 18446744073709551616, -9223372036854775809],
                   "a": { "s": "q\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "t": true, "f": false, "n": null },
                   "e": [], "o": {}, "z": -0 }"#;
    let value = parse(text).unwrap();
    let expected: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(theirs(&value), expected);
    // Keys stay in document order.
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["b", "a", "e", "o", "z"]);
}

#[test]
fn nesting_deeper_than_the_limit_is_refused_without_a_crash() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(parse(&nested(MAX_DEPTH)).is_ok());
    let too_deep = "arrays and objects nested more than 128 deep".to_string();
    assert_eq!(our_error(&nested(MAX_DEPTH + 1)), (too_deep.clone(), 1, MAX_DEPTH + 1));
    // At the bracket too deep, whatever space stands between the brackets.
    let spaced = format!("{}{}", "[ ".repeat(MAX_DEPTH + 1), "] ".repeat(MAX_DEPTH + 1));
    assert_eq!(our_error(&spaced), (too_deep.clone(), 1, 2 * MAX_DEPTH + 1));
    assert_eq!(our_error(&"{\"a\":".repeat(100_000)).0, too_deep);
}

/// serde_json keeps the last of a repeated key's values; the page refuses the file instead,
/// at the repeated key, since one of the two values would be silently dropped.
#[test]
fn a_repeated_key_is_refused_where_it_is_repeated() {
    assert_eq!(our_error("{\"a\": 1,\n  \"a\": 2}"), ("duplicate key `a`".to_string(), 2, 3));
    assert_eq!(our_error("{\"a\\u0062\": 1, \"ab\": 2}").0, "duplicate key `ab`");
}

fn any_json() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::Array),
            prop::collection::vec((any::<String>(), inner), 0..8)
                .prop_map(|members| serde_json::Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Any document serde_json writes reads back to the same value, and is written again as
    /// serde_json writes it, but for the last digit of a float exactly halfway between two
    /// shortest spellings (…424.25 as …424.3 where serde_json writes …424.2; both read back
    /// to the same bits, which the first assertion checks).
    #[test]
    fn any_document_round_trips(value in any_json()) {
        let read = ours(&value);
        prop_assert_eq!(theirs(&read), value.clone());
        let (mine, serdes) = (pretty(&read), serde_json::to_string_pretty(&value).unwrap());
        // At most one place differs: a digit in both, the last of its number.
        let (a, b) = (mine.as_bytes(), serdes.as_bytes());
        let apart: Vec<usize> = (0..a.len().min(b.len())).filter(|&i| a[i] != b[i]).collect();
        let digits_apart = a.len() == b.len()
            && apart.len() <= 1
            && apart.iter().all(|&i| {
                a[i].is_ascii_digit() && b[i].is_ascii_digit() && a.get(i + 1).is_none_or(|c| !c.is_ascii_digit())
            });
        prop_assert!(digits_apart, "{} written as {}", serdes, mine);
    }

    /// Any text: the page's reader accepts what serde_json accepts and refuses the rest, with
    /// the same message where the two agree on the grammar, and never panics.
    #[test]
    fn any_text_is_accepted_or_refused_as_serde_json_does(text in "[\\[\\]{}\",:0-9eE.+\\-a-z \\\\]{0,24}") {
        match (parse(&text), serde_json::from_str::<serde_json::Value>(&text)) {
            (Ok(read), Ok(expected)) => prop_assert_eq!(theirs(&read), expected),
            (Err(e), Err(_)) if e.message.starts_with("duplicate key") => {}
            (Err(e), Err(_)) if e.message.starts_with("arrays and objects nested") => {}
            (Err(e), Err(_)) if e.message.starts_with("lone ") => {}
            (Err(_), Err(_)) => prop_assert_eq!(our_error(&text), serde_error(&text)),
            (Err(e), Ok(_)) => prop_assert!(e.message.starts_with("duplicate key"), "{:?}: {}", text, e.message),
            (Ok(_), Err(e)) => prop_assert!(false, "{:?} read, serde_json: {}", text, e),
        }
    }
}
