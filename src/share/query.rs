//! Splitting and percent-decoding a URL query, with limits, because the text comes from
//! whoever wrote the link.

/// One `key=value` pair, decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub key: String,
    pub value: String,
}

/// Why a pair could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A `%` not followed by two hexadecimal digits.
    BadEscape,
    /// The decoded bytes are not UTF-8 text.
    NotText,
}

/// Split `query` (with or without its leading `?`) into decoded pairs, in order. A pair that
/// cannot be decoded is returned as an error carrying its raw text, for the notice.
pub fn pairs(query: &str) -> Vec<Result<Pair, (String, DecodeError)>> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (raw_key, raw_value) = part.split_once('=').unwrap_or((part, ""));
            let key = decode(raw_key).map_err(|e| (part.to_string(), e))?;
            let value = decode(raw_value).map_err(|e| (part.to_string(), e))?;
            Ok(Pair { key, value })
        })
        .collect()
}

/// Percent-decode one component; `+` stands for a space as in form encoding.
pub fn decode(text: &str) -> Result<String, DecodeError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).ok_or(DecodeError::BadEscape)?;
                let hex = std::str::from_utf8(hex).map_err(|_| DecodeError::BadEscape)?;
                out.push(u8::from_str_radix(hex, 16).map_err(|_| DecodeError::BadEscape)?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_err(|_| DecodeError::NotText)
}

/// Percent-encode a value so that it survives in a query: ids, numbers and commas pass as they
/// are, everything else is escaped.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b',' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A short, printable excerpt of untrusted text for a notice: control characters dropped,
/// at most `max` characters, an ellipsis when cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).collect();
    if clean.chars().count() > max {
        let cut: String = clean.chars().take(max).collect();
        format!("{cut}…")
    } else {
        clean
    }
}
