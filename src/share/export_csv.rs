//! The current tables as CSV, one value per line with its provenance, so a reader can take
//! the numbers into R or a spreadsheet without losing where each came from.

use crate::explore::table::TextTable;

/// Tidy CSV: `table,row,column,value,provenance`. The row is named by the row's first cell;
/// label cells other than the first still appear, with an empty provenance.
pub fn tables_csv(tables: &[TextTable]) -> String {
    let mut out = String::from("table,row,column,value,provenance\r\n");
    for table in tables {
        for row in &table.rows {
            let row_name = row.first().map(|c| c.text.as_str()).unwrap_or_default();
            for (i, cell) in row.iter().enumerate().skip(1) {
                let column = table.columns.get(i).map(String::as_str).unwrap_or_default();
                let provenance = cell.provenance.as_ref().map(|p| p.label()).unwrap_or_default();
                let fields = [table.caption.as_str(), row_name, column, cell.text.as_str(), provenance];
                let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
                out.push_str(&line.join(","));
                out.push_str("\r\n");
            }
        }
    }
    out
}

/// Quote a field when needed (RFC 4180), and defuse text a spreadsheet would run as a formula.
pub fn csv_field(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '@', '\t', '\r'])
        || (text.starts_with('-') && !text[1..].starts_with(|c: char| c.is_ascii_digit() || c == '.'));
    let text = if formula { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}
