//! A parsed JSON document: the few shapes the bundle's readers and writers need. Objects keep
//! their keys in document order, so an exported bundle lists its fields as the schema does.
//! Numbers keep whether they were written whole, so that `24` and `24.0` are read and written
//! as the bundle files write them.

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number: a whole number as written (`24`, `-3`), or any other number as a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A whole number from 0 up.
    Whole(u64),
    /// A negative whole number.
    Negative(i64),
    Float(f64),
}

impl Number {
    /// The number as a `u64`, when it is a whole number from 0 up.
    pub fn as_u64(&self) -> Option<u64> {
        match *self {
            Number::Whole(n) => Some(n),
            _ => None,
        }
    }

    /// The number as an `i64`, when it is a whole number that fits one.
    pub fn as_i64(&self) -> Option<i64> {
        match *self {
            Number::Whole(n) => i64::try_from(n).ok(),
            Number::Negative(n) => Some(n),
            Number::Float(_) => None,
        }
    }

    /// The number as a float (a whole number past 2^53 is rounded).
    pub fn as_f64(&self) -> f64 {
        match *self {
            Number::Whole(n) => n as f64,
            Number::Negative(n) => n as f64,
            Number::Float(x) => x,
        }
    }

    /// Whether the number is a float: written with a point or an exponent, or a whole number
    /// too large for 64 bits, or `-0`.
    pub fn is_f64(&self) -> bool {
        matches!(self, Number::Float(_))
    }
}

/// A JSON object: its members in document order. Bundle objects have a handful of keys, so a
/// list searched in order is as quick as a map and much smaller in the page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn new() -> Self {
        Map::default()
    }

    /// The member `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The member `key`, to change it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Set member `key`: in its place when the object has it, else at the end (the writer's
    /// way in; the reader refuses a repeated key).
    pub fn insert(&mut self, key: String, value: Value) {
        match self.get_mut(&key) {
            Some(old) => *old = value,
            None => self.0.push((key, value)),
        }
    }

    /// Add member `key`, which the object does not have yet.
    pub(super) fn push(&mut self, key: String, value: Value) {
        self.0.push((key, value));
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&String, &mut Value)> {
        self.0.iter_mut().map(|(k, v)| (&*k, v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Value {
    /// The value as a float, when it is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }

    /// The members, when the value is an object.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    /// The items, when the value is an array.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The text, when the value is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Self {
        Value::Number(Number::Whole(n.into()))
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Self {
        Value::Number(Number::Whole(n))
    }
}

/// NaN and infinities have no JSON form and become `null`.
impl From<f64> for Value {
    fn from(x: f64) -> Self {
        if x.is_finite() {
            Value::Number(Number::Float(x))
        } else {
            Value::Null
        }
    }
}
