//! JSON text to a [`Value`], with syntax errors located by line and column and worded as
//! serde_json words them ("EOF while parsing an object", "key must be a string"), which many
//! readers have met before, except where its words mislead or name its own workings (nesting,
//! an unpaired surrogate). The page reads JSON only here, so its own reader replaces a general
//! library and its code in the WebAssembly.
//!
//! Hostile files are bounded: nesting deeper than [`MAX_DEPTH`] is refused rather than
//! overflowing the stack, and a key repeated in one object is refused rather than one of its
//! values silently winning.

use std::collections::BTreeSet;

use super::value::{Map, Number, Value};
use crate::trial::decimal::parse_decimal;

/// Arrays and objects nested deeper than this are refused (serde_json refuses this deep).
pub const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, and where: `line` and `column` count from 1, the column in
/// characters; at the end of the text, the place of its last character.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The JSON document `text`.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut parser = Parser { text, bytes: text.as_bytes(), at: 0, depth: 0 };
    let value = parser.value()?;
    parser.skip_space();
    if parser.at < parser.bytes.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

/// The line and column (from 1, the column in characters) of the character at byte `at` of
/// `text`; at the end of the text, of its last character.
pub fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let here = usize::from(at < text.len());
    (1 + before.bytes().filter(|&b| b == b'\n').count(), before[line_start..].chars().count() + here)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to read.
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// `message` at the next character, or at the text's last one when none is left.
    fn error(&self, message: impl Into<String>) -> SyntaxError {
        self.error_at(self.at, message)
    }

    fn error_at(&self, at: usize, message: impl Into<String>) -> SyntaxError {
        let (line, column) = line_and_column(self.text, at);
        SyntaxError { line, column, message: message.into() }
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        self.skip_space();
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'"') => {
                self.at += 1;
                self.string().map(Value::String)
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.nested(Parser::array),
            Some(b'{') => self.nested(Parser::object),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        for &expected in word.as_bytes() {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a value")),
                Some(b) if b == expected => self.at += 1,
                Some(_) => return Err(self.error("expected ident")),
            }
        }
        Ok(value)
    }

    /// An array or object, one level deeper.
    fn nested(&mut self, read: fn(&mut Self) -> Result<Value, SyntaxError>) -> Result<Value, SyntaxError> {
        if self.depth == MAX_DEPTH {
            // At the bracket one level too deep, in words a reader knows (serde_json says
            // "recursion limit exceeded", a level sooner).
            return Err(self.error(format!("arrays and objects nested more than {MAX_DEPTH} deep")));
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    /// A string's text, after its opening quote, up to and past its closing one.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let mut out = String::new();
        let mut run = self.at;
        loop {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    out.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(&self.text[run..self.at]);
                    self.at += 1;
                    out.push(self.escape()?);
                    run = self.at;
                }
                Some(b) if b < 0x20 => {
                    return Err(self.error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                Some(_) => self.at += 1,
            }
        }
    }

    /// The character an escape stands for, after its backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let c = match self.peek() {
            None => return Err(self.error("EOF while parsing a string")),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                return self.unicode_escape();
            }
            Some(_) => return Err(self.error("invalid escape")),
        };
        self.at += 1;
        Ok(c)
    }

    /// `\uXXXX`, after its `u`: a character, or a pair of surrogates for one.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.peek() {
                        Some(b) if b == expected => self.at += 1,
                        // serde_json says "unexpected end of hex escape", which misleads: the
                        // escape is whole, its pair is missing.
                        Some(_) => return Err(self.error("lone leading surrogate in hex escape")),
                        None => return Err(self.eof_in_string()),
                    }
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error_at(self.at - 1, "lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            // A trailing surrogate with no leading one before it, placed where serde_json places
            // it, at the escape's last digit.
            0xDC00..=0xDFFF => {
                return Err(self.error_at(self.at - 1, "lone trailing surrogate in hex escape"))
            }
            code => code,
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))
    }

    fn eof_in_string(&self) -> SyntaxError {
        self.error_at(self.bytes.len(), "EOF while parsing a string")
    }

    /// Four hex digits; a bad one is placed, as serde_json places it, at the fourth.
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let Some(group) = self.bytes.get(self.at..self.at + 4) else {
            return Err(self.eof_in_string());
        };
        let mut code = 0;
        for &b in group {
            match char::from(b).to_digit(16) {
                Some(digit) => code = code * 16 + digit,
                None => return Err(self.error_at(self.at + 3, "invalid escape")),
            }
        }
        self.at += 4;
        Ok(code)
    }

    /// A number in JSON's grammar: `-`, then `0` or digits not starting with 0, then an
    /// optional fraction and exponent.
    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            None => return Err(self.error("EOF while parsing a value")),
            Some(_) => return Err(self.error("invalid number")),
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            self.required_digits()?;
            whole = false;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            self.required_digits()?;
            whole = false;
        }
        let text = &self.text[start..self.at];
        if whole {
            // Whole numbers too large for 64 bits are read as floats, as serde_json reads them.
            let exact = if negative {
                // "-0" is the float −0, as serde_json reads it, not the whole number 0.
                text.parse().ok().filter(|&n: &i64| n != 0).map(Number::Negative)
            } else {
                text.parse().ok().map(Number::Whole)
            };
            if let Some(n) = exact {
                return Ok(Value::Number(n));
            }
        }
        match parse_decimal(text) {
            Some(x) if x.is_finite() => Ok(Value::Number(Number::Float(x))),
            // Placed, as serde_json places it, at the number's last character.
            _ => Err(self.error_at(self.at - 1, "number out of range")),
        }
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }

    /// At least one digit, as after a point or an exponent's `e`.
    fn required_digits(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            None => Err(self.error("EOF while parsing a value")),
            Some(_) => Err(self.error("invalid number")),
        }
    }

    fn array(&mut self) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        match self.peek() {
            None => return Err(self.error("EOF while parsing a list")),
            Some(b']') => {
                self.at += 1;
                return Ok(Value::Array(items));
            }
            Some(_) => {}
        }
        loop {
            items.push(self.value()?);
            self.skip_space();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_space();
                    if self.peek() == Some(b']') {
                        return Err(self.error("trailing comma"));
                    }
                }
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error("EOF while parsing a list")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self) -> Result<Value, SyntaxError> {
        self.at += 1;
        let mut map = Map::new();
        let mut keys = BTreeSet::new();
        self.skip_space();
        match self.peek() {
            None => return Err(self.error("EOF while parsing an object")),
            Some(b'}') => {
                self.at += 1;
                return Ok(Value::Object(map));
            }
            Some(_) => {}
        }
        let mut after_comma = false;
        loop {
            let key_at = self.at;
            match self.peek() {
                Some(b'"') => self.at += 1,
                None if after_comma => return Err(self.error("EOF while parsing a value")),
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("key must be a string")),
            }
            let key = self.string()?;
            if !keys.insert(key.clone()) {
                return Err(self.error_at(key_at, format!("duplicate key `{key}`")));
            }
            self.skip_space();
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `:`")),
            }
            let value = self.value()?;
            map.push(key, value);
            self.skip_space();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_space();
                    if self.peek() == Some(b'}') {
                        return Err(self.error("trailing comma"));
                    }
                    after_comma = true;
                }
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(map));
                }
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }
}
