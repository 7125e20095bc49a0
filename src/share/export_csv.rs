//! The current tables as CSV, one value per line with its provenance, so a reader can take
//! the numbers into R or a spreadsheet without losing where each came from.

use crate::explore::table::TextTable;

/// Tidy CSV: `table,row,column,value,estimate,lower,upper,provenance`. The row is named by
/// the row's first cell; label cells other than the first still appear, with an empty
/// provenance. A table of one column (the safety statements) has no names for its rows: each
/// row's one cell is its value, and the row is its number, counted from 1. `value` is the
/// text as shown ("95.8% (95% CI 73.1 to 99.9)"); for a computed estimate, `estimate`, `lower` and `upper` are the numbers behind it, unrounded and in the
/// statistic's own unit (a proportion where the text shows a percentage), so that R or a
/// spreadsheet reads them as numbers.
pub fn tables_csv(tables: &[TextTable]) -> String {
    let mut out = String::from("table,row,column,value,estimate,lower,upper,provenance\r\n");
    for table in tables {
        let named_rows = table.columns.len() > 1;
        for (number, row) in table.rows.iter().enumerate() {
            let row_name = match row.first() {
                Some(first) if named_rows => first.text.clone(),
                _ => (number + 1).to_string(),
            };
            let row_name = row_name.as_str();
            for (i, cell) in row.iter().enumerate().skip(usize::from(named_rows)) {
                let column = table.columns.get(i).map(String::as_str).unwrap_or_default();
                let provenance = cell.provenance.as_ref().map(|p| p.label()).unwrap_or_default();
                let (estimate, interval) = cell.estimate.unwrap_or((f64::NAN, None));
                let (lower, upper) = interval.unwrap_or((f64::NAN, f64::NAN));
                let [estimate, lower, upper] = [estimate, lower, upper].map(csv_number);
                let fields = [table.caption.as_str(), row_name, column, cell.text.as_str()];
                let mut line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                line.extend([estimate, lower, upper]);
                line.push(csv_field(provenance));
                out.push_str(&line.join(","));
                out.push_str("\r\n");
            }
        }
    }
    out
}

/// A number as R and spreadsheets read it: the shortest decimal text that gives back the same
/// double ("0.9583333333333334", "0.000015"); empty when there is none (not a finite number).
fn csv_number(x: f64) -> String {
    if x.is_finite() {
        format!("{x}")
    } else {
        String::new()
    }
}

/// Quote a field when needed (RFC 4180), and defuse text a spreadsheet would run as a formula.
/// A field that is only a signed number ("-0.25", "+25.0") is left as it is: a spreadsheet
/// reads it as that number. Anything else after a sign ("-2+3+cmd|…") is defused.
pub fn csv_field(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(text);
    let text = if formula { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A decimal number and nothing else: an optional sign, digits with at most one point, and an
/// optional exponent ("1e-5").
fn is_plain_number(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let digits = mantissa.bytes().filter(u8::is_ascii_digit).count();
    let points = mantissa.bytes().filter(|&b| b == b'.').count();
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    digits > 0 && points <= 1 && digits + points == mantissa.len() && exponent_ok
}
