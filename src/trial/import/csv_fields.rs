//! Splitting CSV text into lines and fields. Accepts what spreadsheets write: a UTF-8
//! byte-order mark, CRLF line ends, blank trailing lines, fields in double quotes with `""`
//! for a quote inside. Fields are trimmed.

use std::borrow::Cow;

/// The lines of `text` without the byte-order mark, line ends and trailing blank lines,
/// numbered from 1.
pub(super) fn lines(text: &str) -> Vec<(usize, &str)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<(usize, &str)> = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .collect();
    while lines.last().is_some_and(|(_, line)| line.trim().is_empty()) {
        lines.pop();
    }
    lines
}

/// The fields of one line; `Err` holds the 1-based column of a broken quoted field.
pub(super) fn fields(line: &str) -> Result<Vec<Cow<'_, str>>, usize> {
    let mut fields = Vec::new();
    let mut rest = line;
    loop {
        let column = fields.len() + 1;
        if let Some(quoted) = rest.trim_start().strip_prefix('"') {
            let (value, after) = unquote(quoted).ok_or(column)?;
            fields.push(Cow::Owned(value));
            let after = after.trim_start();
            if after.is_empty() {
                return Ok(fields);
            }
            rest = after.strip_prefix(',').ok_or(column)?;
        } else {
            match rest.split_once(',') {
                Some((field, after)) => {
                    fields.push(Cow::Borrowed(field.trim()));
                    rest = after;
                }
                None => {
                    fields.push(Cow::Borrowed(rest.trim()));
                    return Ok(fields);
                }
            }
        }
    }
}

/// The content of a quoted field (after its opening quote) and the text after its closing
/// quote; `None` when the quote is not closed.
fn unquote(quoted: &str) -> Option<(String, &str)> {
    let mut value = String::new();
    let mut chars = quoted.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '"' {
            value.push(c);
        } else if chars.peek().is_some_and(|(_, next)| *next == '"') {
            value.push('"');
            chars.next();
        } else {
            return Some((value.trim().to_string(), &quoted[i + 1..]));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_quoted_fields() {
        assert_eq!(fields("low, 12.5 ,1").unwrap(), ["low", "12.5", "1"]);
        assert_eq!(fields(r#""low","P ""7""",,"a,b""#).unwrap(), ["low", "P \"7\"", "", "a,b"]);
        assert_eq!(fields("").unwrap(), [""]);
        assert_eq!(fields("a,").unwrap(), ["a", ""]);
    }

    #[test]
    fn broken_quotes_name_their_column() {
        assert_eq!(fields(r#"low,"12"#), Err(2));
        assert_eq!(fields(r#"low,"12"x,1"#), Err(2));
    }

    #[test]
    fn lines_drop_bom_crlf_and_trailing_blanks() {
        assert_eq!(lines("\u{feff}a,b\r\n1,2\r\n\r\n  \n"), [(1, "a,b"), (2, "1,2")]);
        assert_eq!(lines("\n\n"), Vec::<(usize, &str)>::new());
    }
}
