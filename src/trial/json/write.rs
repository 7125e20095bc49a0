//! Writing the schema as JSON values: objects field by field, leaving out absent optional
//! fields as the bundle files do.

use super::value::{Map, Value};

use super::ToJson;

/// An object being written, in field order.
#[derive(Default)]
pub struct ObjectWriter(Map);

impl ObjectWriter {
    pub fn new() -> Self {
        ObjectWriter::default()
    }

    pub fn field(mut self, key: &str, value: &(impl ToJson + ?Sized)) -> Self {
        self.0.insert(key.to_string(), value.to_json());
        self
    }

    /// Written only when present.
    pub fn optional<T: ToJson>(self, key: &str, value: &Option<T>) -> Self {
        match value {
            Some(value) => self.field(key, value),
            None => self,
        }
    }

    pub fn done(self) -> Value {
        Value::Object(self.0)
    }
}

impl ToJson for String {
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}

impl ToJson for str {
    fn to_json(&self) -> Value {
        Value::String(self.to_string())
    }
}

impl ToJson for bool {
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

impl ToJson for u32 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}

impl ToJson for u64 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}

/// NaN and infinities have no JSON form and are written as `null`, as serde_json does.
impl ToJson for f64 {
    fn to_json(&self) -> Value {
        Value::from(*self)
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn to_json(&self) -> Value {
        Value::Array(self.iter().map(ToJson::to_json).collect())
    }
}

impl<T: ToJson + ?Sized> ToJson for Box<T> {
    fn to_json(&self) -> Value {
        (**self).to_json()
    }
}
