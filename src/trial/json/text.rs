//! A JSON value as text, laid out like the bundle files (two spaces per level, as serde_json's
//! pretty printer writes it). Numbers use the standard library's shortest round-trip formatting,
//! which the page has anyway for every number on screen, rather than serde_json's writer and
//! its float tables: a float reads back as the same bits.

use super::value::{Number, Value};

/// `value` as indented JSON text.
pub fn pretty(value: &Value) -> String {
    let mut out = String::new();
    write(value, 0, &mut out);
    out
}

fn write(value: &Value, depth: usize, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&number(n)),
        Value::String(s) => string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(depth + 1, out);
                write(item, depth + 1, out);
            }
            if !items.is_empty() {
                newline(depth, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(depth + 1, out);
                string(key, out);
                out.push_str(": ");
                write(item, depth + 1, out);
            }
            if !map.is_empty() {
                newline(depth, out);
            }
            out.push('}');
        }
    }
}

fn newline(depth: usize, out: &mut String) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// A JSON number: whole numbers as they are, floats in their shortest round-trip form with a
/// `.0` when whole (`24.0`), and in exponent form when very large or small (`1e-7`, `1e+300`),
/// as serde_json writes them.
pub fn number(n: &Number) -> String {
    if let Some(whole) = n.as_u64() {
        return whole.to_string();
    }
    if let Some(whole) = n.as_i64() {
        return whole.to_string();
    }
    let x = n.as_f64();
    let magnitude = x.abs();
    if magnitude != 0.0 && !(1e-5..1e16).contains(&magnitude) {
        // serde_json writes a positive exponent with its sign (`1e+300`).
        let sign = if magnitude > 1.0 { "e+" } else { "e" };
        let text = format!("{x:e}");
        return match text.split_once('e') {
            Some((digits, exponent)) => format!("{digits}{sign}{exponent}"),
            None => text,
        };
    }
    let text = x.to_string();
    if text.contains('.') {
        text
    } else {
        text + ".0"
    }
}

/// A JSON string: quotes, backslashes and control characters escaped.
fn string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}
