//! One declaration per schema type for both directions: [`json_object!`] for a struct written
//! as an object, [`json_tagged!`] for an enum written as an object with a `kind` tag. Each names
//! a field once, with how it is read; the list of allowed keys, the reads and the writes all
//! come from that one list, so they cannot drift apart.
//!
//! How a field is read, and so written:
//! - `field`: required; always written;
//! - `optional`: an `Option`, absent or `null` when `None`; written only when `Some`;
//! - `or_default`: its type's default when absent; always written.
//!
//! The Rust field name is the JSON key.

/// A struct as a JSON object: `FromJson` and `ToJson`, plus `FIELDS`, `read_fields` and
/// `write_fields` for an enum that writes the struct's fields beside its `kind` tag.
///
/// ```ignore
/// json_object!(Criterion { id: field, text: field, range: optional });
/// json_object!(Fact<T> { value: field, provenance: field });
/// ```
macro_rules! json_object {
    ($name:ident $(<$t:ident>)? { $($field:ident: $how:ident),* $(,)? }) => {
        impl$(<$t>)? $name$(<$t>)? {
            /// The keys, in the order they are written.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// Read the fields from an object whose keys were already checked.
            #[inline]
            pub fn read_fields(
                o: &$crate::trial::json::Object,
            ) -> Result<Self, $crate::trial::json::ReadError>
            where
                $($t: $crate::trial::json::FromJson)?
            {
                Ok($name { $($field: o.$how(stringify!($field))?),* })
            }

            /// Write the fields after whatever `w` holds already.
            #[inline]
            pub fn write_fields(
                &self,
                w: $crate::trial::json::ObjectWriter,
            ) -> $crate::trial::json::ObjectWriter
            where
                $($t: $crate::trial::json::ToJson)?
            {
                $(let w = $crate::trial::json::json_object!(@write w, $field, &self.$field, $how);)*
                w
            }
        }

        impl$(<$t: $crate::trial::json::FromJson>)? $crate::trial::json::FromJson for $name$(<$t>)? {
            fn from_json(
                value: &$crate::trial::json::Value,
                at: &$crate::trial::json::Path,
            ) -> Result<Self, $crate::trial::json::ReadError> {
                let o = $crate::trial::json::Object::read(value, at, Self::FIELDS)?;
                Self::read_fields(&o)
            }
        }

        impl$(<$t: $crate::trial::json::ToJson>)? $crate::trial::json::ToJson for $name$(<$t>)? {
            fn to_json(&self) -> $crate::trial::json::Value {
                self.write_fields($crate::trial::json::ObjectWriter::new()).done()
            }
        }
    };
    (@write $w:ident, $field:ident, $value:expr, optional) => {
        $w.optional(stringify!($field), $value)
    };
    (@write $w:ident, $field:ident, $value:expr, $how:ident) => {
        $w.field(stringify!($field), $value)
    };
}

/// An enum whose variants have named fields, as a JSON object with a `kind` tag naming the
/// variant; the tags are listed in declaration order in messages.
///
/// ```ignore
/// json_tagged!(PValue {
///     Exact = "exact" { value: field, decimals: field },
///     LessThan = "less_than" { bound: field },
/// });
/// ```
macro_rules! json_tagged {
    ($name:ident { $($variant:ident = $tag:literal { $($field:ident: $how:ident),* $(,)? }),* $(,)? }) => {
        impl $crate::trial::json::FromJson for $name {
            fn from_json(
                value: &$crate::trial::json::Value,
                at: &$crate::trial::json::Path,
            ) -> Result<Self, $crate::trial::json::ReadError> {
                let o = $crate::trial::json::Object::any(value, at)?;
                let kind = o.kind(&[$($tag),*])?;
                // The variants in order: the one at `kind`'s index is read.
                let mut index = 0;
                $(
                    if kind == index {
                        o.only_tagged(&[$(stringify!($field)),*])?;
                        return Ok($name::$variant { $($field: o.$how(stringify!($field))?),* });
                    }
                    index += 1;
                )*
                // `kind` has already refused any tag not listed.
                Err(at.error(format!("no variant at {index}")))
            }
        }

        impl $crate::trial::json::ToJson for $name {
            fn to_json(&self) -> $crate::trial::json::Value {
                match self {
                    $($name::$variant { $($field),* } => {
                        let w = $crate::trial::json::ObjectWriter::new().field("kind", $tag);
                        $(let w = $crate::trial::json::json_object!(@write w, $field, $field, $how);)*
                        w
                    })*
                }
                .done()
            }
        }
    };
}

pub(crate) use {json_object, json_tagged};
