//! Reading parsed JSON: field paths, objects with a closed set of fields, and the primitive
//! values of the schema. Messages follow serde's wording ("invalid type: string \"x\",
//! expected u32") so that a reader who knows one knows the other.

use super::value::{Map, Value};

use super::text::number;
use super::FromJson;

/// Where a value sits in the document, e.g. `results[3].measure.mean`. Each step borrows its
/// parent, so a path costs nothing until an error renders it.
#[derive(Clone, Copy)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Path<'a> {
    /// The document itself.
    pub const ROOT: Path<'static> = Path { parent: None, step: Step::Root };

    /// The member `key` of the object at this path.
    pub fn key(&'a self, key: &'a str) -> Path<'a> {
        Path { parent: Some(self), step: Step::Key(key) }
    }

    /// Item `index` of the array at this path.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path { parent: Some(self), step: Step::Index(index) }
    }

    /// The path as written in messages; the document itself is "(top level)".
    pub fn render(&self) -> String {
        let mut text = String::new();
        self.write(&mut text);
        if text.is_empty() {
            text.push_str("(top level)");
        }
        text
    }

    fn write(&self, text: &mut String) {
        if let Some(parent) = self.parent {
            parent.write(text);
        }
        match self.step {
            Step::Root => {}
            Step::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Step::Index(index) => {
                text.push('[');
                text.push_str(&index.to_string());
                text.push(']');
            }
        }
    }

    /// An error at this path.
    pub fn error(&self, message: impl Into<String>) -> ReadError {
        ReadError { path: self.render(), message: message.into() }
    }

    /// `value` is not of the type `expected` names.
    pub fn wrong_type(&self, value: &Value, expected: &str) -> ReadError {
        self.error(format!("invalid type: {}, expected {expected}", unexpected(value)))
    }

    /// A string naming one of `options` (a unit enum or a `kind` tag); gives its index.
    pub fn choice(&self, value: &Value, options: &[&str]) -> Result<usize, ReadError> {
        let Value::String(text) = value else {
            return Err(self.wrong_type(value, "a string"));
        };
        options.iter().position(|o| o == text).ok_or_else(|| {
            self.error(format!("unknown variant `{text}`, expected one of {}", quoted(options)))
        })
    }
}

/// A value of the wrong shape, or a field missing or unknown, at a path.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    pub path: String,
    pub message: String,
}

/// An object of the document whose fields are read one by one.
pub struct Object<'v, 'p> {
    map: &'v Map,
    at: &'p Path<'p>,
}

impl<'v, 'p> Object<'v, 'p> {
    /// `value` must be an object holding no field outside `fields`.
    pub fn read(value: &'v Value, at: &'p Path<'p>, fields: &[&str]) -> Result<Self, ReadError> {
        let object = Object::any(value, at)?;
        object.only(fields)?;
        Ok(object)
    }

    /// `value` must be an object; its fields are checked later with [`Object::only`] (a
    /// tagged object's fields depend on its `kind`).
    pub fn any(value: &'v Value, at: &'p Path<'p>) -> Result<Self, ReadError> {
        match value {
            Value::Object(map) => Ok(Object { map, at }),
            other => Err(at.wrong_type(other, "an object")),
        }
    }

    /// No field outside `fields`: a misspelt field must not be silently ignored.
    pub fn only(&self, fields: &[&str]) -> Result<(), ReadError> {
        match self.map.keys().find(|key| !fields.contains(&key.as_str())) {
            Some(key) => Err(self
                .at
                .key(key)
                .error(format!("unknown field `{key}`, expected one of {}", quoted(fields)))),
            None => Ok(()),
        }
    }

    /// No field outside `kind` and `fields`: the fields of a tagged object's variant.
    pub fn only_tagged(&self, fields: &[&str]) -> Result<(), ReadError> {
        let mut allowed = Vec::with_capacity(fields.len() + 1);
        allowed.push("kind");
        allowed.extend_from_slice(fields);
        self.only(&allowed)
    }

    /// The `kind` tag of a tagged object, as an index into `kinds`.
    pub fn kind(&self, kinds: &[&str]) -> Result<usize, ReadError> {
        let at = self.at.key("kind");
        let value = self.map.get("kind").ok_or_else(|| at.error("missing field `kind`"))?;
        at.choice(value, kinds)
    }

    /// A required field.
    pub fn field<T: FromJson>(&self, key: &str) -> Result<T, ReadError> {
        let value = self.map.get(key).ok_or_else(|| self.missing(key))?;
        T::from_json(value, &self.at.key(key))
    }

    /// A field that may be absent or `null`.
    pub fn optional<T: FromJson>(&self, key: &str) -> Result<Option<T>, ReadError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => T::from_json(value, &self.at.key(key)).map(Some),
        }
    }

    /// A field that takes its default when absent.
    pub fn or_default<T: FromJson + Default>(&self, key: &str) -> Result<T, ReadError> {
        match self.map.get(key) {
            None => Ok(T::default()),
            Some(value) => T::from_json(value, &self.at.key(key)),
        }
    }

    fn missing(&self, key: &str) -> ReadError {
        self.at.key(key).error(format!("missing field `{key}`"))
    }
}

/// `` `a`, `b`, `c` `` for messages.
fn quoted(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// What a value is, in serde's words: `string "x"`, ``integer `5` ``, `map`. The string is
/// quoted as it is, not escaped: `Debug` formatting would bring in Unicode tables.
fn unexpected(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Number(n) if n.is_f64() => format!("floating point `{}`", number(n)),
        Value::Number(n) => format!("integer `{}`", number(n)),
        Value::String(s) => format!("string \"{s}\""),
        Value::Array(_) => "sequence".to_string(),
        Value::Object(_) => "map".to_string(),
    }
}

impl FromJson for String {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        match value {
            Value::String(s) => Ok(s.clone()),
            other => Err(at.wrong_type(other, "a string")),
        }
    }
}

impl FromJson for bool {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        match value {
            Value::Bool(b) => Ok(*b),
            // "true or false", not serde's "a boolean": a CSV's 1 and 0 are what a reader may
            // have written instead.
            other => Err(at.wrong_type(other, "true or false")),
        }
    }
}

impl FromJson for f64 {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        value.as_f64().ok_or_else(|| at.wrong_type(value, "f64"))
    }
}

impl FromJson for u64 {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        unsigned(value, at, "u64", u64::MAX)
    }
}

impl FromJson for u32 {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        unsigned(value, at, "u32", u32::MAX.into()).map(|n| n as u32)
    }
}

/// A whole number from 0 to `max`; `name` is the Rust type, as serde names it.
fn unsigned(value: &Value, at: &Path, name: &str, max: u64) -> Result<u64, ReadError> {
    let Value::Number(n) = value else {
        return Err(at.wrong_type(value, name));
    };
    if n.is_f64() {
        return Err(at.wrong_type(value, name));
    }
    match n.as_u64() {
        Some(whole) if whole <= max => Ok(whole),
        _ => Err(at.error(format!("invalid value: integer `{}`, expected {name}", number(n)))),
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let mut out = Vec::new();
        each_item(value, at, &mut |item, at| {
            out.push(T::from_json(item, at)?);
            Ok(())
        })?;
        Ok(out)
    }
}

/// Call `read` on each item of the array `value`; the one loop every list shares.
fn each_item(
    value: &Value,
    at: &Path,
    read: &mut dyn FnMut(&Value, &Path) -> Result<(), ReadError>,
) -> Result<(), ReadError> {
    let Value::Array(items) = value else {
        return Err(at.wrong_type(value, "a sequence"));
    };
    for (i, item) in items.iter().enumerate() {
        read(item, &at.index(i))?;
    }
    Ok(())
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        T::from_json(value, at).map(Box::new)
    }
}
