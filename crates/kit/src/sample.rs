//! Sample views for the template tests: any view that derives `Deserialize`
//! (in tests only) can be made in two shapes, [`Fill::Full`] (every option
//! set, every list with an element, every flag true, every text non-empty)
//! and [`Fill::Empty`] (nothing set, lists empty, flags false, texts empty).
//! Rendering a template in strict mode with both (`Renderer::check_views`)
//! takes both sides of most `{{#if}}` and goes into every `{{#each}}`, so
//! a key the template names and the view lacks fails in `cargo test`.

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};

/// Which shape of sample.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    Full,
    Empty,
}

/// A view of type `T` in the shape `fill`.
///
/// # Panics
/// When `T` cannot be made from a sample (an untagged enum, a map keyed by
/// something else than text): a view should not need those.
#[allow(clippy::panic, reason = "test support")]
pub fn sample<T: Deserialize<'static>>(fill: Fill) -> T {
    T::deserialize(Filler { fill, depth: 0 })
        .unwrap_or_else(|e| panic!("a sample of {}: {e}", std::any::type_name::<T>()))
}

/// How deep lists are filled: a comment's replies hold replies, once.
const MAX_DEPTH: usize = 6;

#[derive(Debug)]
pub struct SampleError(String);

impl std::fmt::Display for SampleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SampleError {}

impl de::Error for SampleError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        SampleError(msg.to_string())
    }
}

#[derive(Clone, Copy)]
struct Filler {
    fill: Fill,
    depth: usize,
}

impl Filler {
    fn full(self) -> bool {
        self.fill == Fill::Full
    }
    fn deeper(self) -> Filler {
        Filler {
            depth: self.depth + 1,
            ..self
        }
    }
    /// Lists are filled while not too deep.
    fn items(self) -> usize {
        usize::from(self.full() && self.depth < MAX_DEPTH)
    }
}

macro_rules! numbers {
    ($($method:ident => $visit:ident: $t:ty),* $(,)?) => {$(
        fn $method<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, SampleError> {
            visitor.$visit(if self.full() { 1 as $t } else { 0 as $t })
        }
    )*};
}

impl de::Deserializer<'static> for Filler {
    type Error = SampleError;

    /// A value whose type says nothing (a `serde_json::Value`): a text.
    fn deserialize_any<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, SampleError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bool<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, SampleError> {
        visitor.visit_bool(self.full())
    }

    numbers! {
        deserialize_i8 => visit_i8: i8,
        deserialize_i16 => visit_i16: i16,
        deserialize_i32 => visit_i32: i32,
        deserialize_i64 => visit_i64: i64,
        deserialize_u8 => visit_u8: u8,
        deserialize_u16 => visit_u16: u16,
        deserialize_u32 => visit_u32: u32,
        deserialize_u64 => visit_u64: u64,
        deserialize_f32 => visit_f32: f32,
        deserialize_f64 => visit_f64: f64,
    }

    fn deserialize_char<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, SampleError> {
        visitor.visit_char('x')
    }

    fn deserialize_str<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, SampleError> {
        visitor.visit_borrowed_str(if self.full() { "x" } else { "" })
    }

    fn deserialize_string<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, SampleError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, SampleError> {
        visitor.visit_borrowed_bytes(b"x")
    }

    fn deserialize_byte_buf<V: Visitor<'static>>(
        self,
        visitor: V,
    ) -> Result<V::Value, SampleError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, SampleError> {
        if self.full() && self.depth < MAX_DEPTH {
            visitor.visit_some(self.deeper())
        } else {
            visitor.visit_none()
        }
    }

    fn deserialize_unit<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, SampleError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'static>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, SampleError> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'static>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, SampleError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, SampleError> {
        visitor.visit_seq(Seq {
            filler: self.deeper(),
            left: self.items(),
        })
    }

    fn deserialize_tuple<V: Visitor<'static>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, SampleError> {
        visitor.visit_seq(Seq {
            filler: self.deeper(),
            left: len,
        })
    }

    fn deserialize_tuple_struct<V: Visitor<'static>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, SampleError> {
        self.deserialize_tuple(len, visitor)
    }

    /// A map with text keys: one entry ("x") when full.
    fn deserialize_map<V: Visitor<'static>>(self, visitor: V) -> Result<V::Value, SampleError> {
        let keys: &'static [&'static str] = if self.items() > 0 { &["x"] } else { &[] };
        visitor.visit_map(Fields {
            filler: self.deeper(),
            keys,
        })
    }

    fn deserialize_struct<V: Visitor<'static>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SampleError> {
        visitor.visit_map(Fields {
            filler: self.deeper(),
            keys: fields,
        })
    }

    /// An enum: its first variant (views use unit variants).
    fn deserialize_enum<V: Visitor<'static>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, SampleError> {
        let first = variants
            .first()
            .ok_or_else(|| SampleError("an enum without variants".into()))?;
        visitor.visit_enum((*first).into_deserializer())
    }

    fn deserialize_identifier<V: Visitor<'static>>(
        self,
        visitor: V,
    ) -> Result<V::Value, SampleError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'static>>(
        self,
        visitor: V,
    ) -> Result<V::Value, SampleError> {
        visitor.visit_unit()
    }
}

struct Seq {
    filler: Filler,
    left: usize,
}

impl de::SeqAccess<'static> for Seq {
    type Error = SampleError;

    fn next_element_seed<T: DeserializeSeed<'static>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, SampleError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(self.filler).map(Some)
    }
}

struct Fields {
    filler: Filler,
    keys: &'static [&'static str],
}

impl de::MapAccess<'static> for Fields {
    type Error = SampleError;

    fn next_key_seed<K: DeserializeSeed<'static>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, SampleError> {
        let Some((key, rest)) = self.keys.split_first() else {
            return Ok(None);
        };
        self.keys = rest;
        let key: de::value::BorrowedStrDeserializer<'static, SampleError> =
            de::value::BorrowedStrDeserializer::new(key);
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'static>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, SampleError> {
        seed.deserialize(self.filler)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, Debug, PartialEq)]
    struct Item {
        label: String,
        replies: Vec<Item>,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    struct View {
        title: &'static str,
        count: i64,
        open: bool,
        note: Option<String>,
        items: Vec<Item>,
        pair: (u8, String),
    }

    #[test]
    fn a_full_sample_has_everything_and_an_empty_one_nothing() {
        let full: View = sample(Fill::Full);
        assert_eq!(full.title, "x");
        assert_eq!((full.count, full.open), (1, true));
        assert_eq!(full.note.as_deref(), Some("x"));
        assert_eq!(full.items.len(), 1);
        assert_eq!(full.items[0].replies.len(), 1);
        assert_eq!(full.pair, (1, "x".to_string()));
        let empty: View = sample(Fill::Empty);
        assert_eq!((empty.title, empty.count, empty.open), ("", 0, false));
        assert!(empty.note.is_none() && empty.items.is_empty());
    }
}
