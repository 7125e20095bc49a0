//! A file's bytes must be UTF-8 text. A spreadsheet saving in Latin-1 writes "é" as the one
//! byte 0xE9; read as UTF-8 by the browser, that becomes the replacement character and the
//! labels would load quietly changed. So the page reads the file's bytes, not the browser's
//! text, and refuses it at its first byte that is not UTF-8. A replacement character the file
//! itself holds, as valid UTF-8, is text like any other.

use super::error::ImportError;
use crate::trial::json::line_and_column;

/// The file's bytes as text, or where the first byte that is not UTF-8 is. UTF-16 text is
/// named as such from its byte-order mark, rather than at its first byte.
pub(super) fn decode_utf8<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, ImportError> {
    if let [first @ (0xFF | 0xFE), second @ (0xFF | 0xFE), ..] = *bytes {
        if first != second {
            return Err(ImportError::Utf16 { file: file.to_string(), first: [first, second] });
        }
    }
    let error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(error) => error,
    };
    let bad = error.valid_up_to();
    // The valid text and the bad byte, which reads as one replacement character: its place
    // is the bad byte's. Columns are counted as the readers count them, after a byte-order mark.
    let shown = String::from_utf8_lossy(&bytes[..=bad]);
    let text = shown.strip_prefix('\u{feff}').unwrap_or(&shown);
    let (line, character) = line_and_column(text, bad - (shown.len() - text.len()));
    Err(ImportError::NotUtf8 { file: file.to_string(), line, character, byte: bytes[bad] })
}
