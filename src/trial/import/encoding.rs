//! A file's text must be UTF-8. The browser reads a file as UTF-8 and puts "\u{fffd}" (the
//! replacement character) where a byte is not, as a spreadsheet saving in Latin-1 leaves
//! "é"; such a file would load with its labels quietly changed, so it is refused at the first
//! such place instead.

use super::error::ImportError;
use crate::trial::json::line_and_column;

/// The replacement character a UTF-8 reader puts in place of a byte that is not UTF-8.
const REPLACEMENT: char = '\u{fffd}';

pub(super) fn check_utf8(text: &str, file: &str) -> Result<(), ImportError> {
    // Columns are counted as the readers count them, after a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(at) = text.find(REPLACEMENT) else { return Ok(()) };
    let (line, column) = line_and_column(text, at);
    Err(ImportError::NotUtf8 { file: file.to_string(), line, column })
}
