//! JSON-line probes: whether a line is one JSON object readers can parse
//! (and whether it is plain, in the same pass), and an event's several
//! or pretty-printed objects made compact.

use serde::de::{IgnoredAny, MapAccess, Visitor};

/// The JSON objects of an event that holds one or more, possibly
/// pretty-printed, each made compact (whitespace outside strings removed,
/// keys and numbers exactly as written). `None` if the text is anything
/// else, or nests too deeply for readers.
pub(super) fn json_objects(text: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let stream =
        serde_json::Deserializer::from_str(text).into_iter::<&serde_json::value::RawValue>();
    for value in stream {
        let raw = value.ok()?.get();
        if !raw.starts_with('{') || !nesting_within(raw, MAX_JSON_DEPTH) {
            return None;
        }
        out.push(compact_json(raw));
    }
    (!out.is_empty()).then_some(out)
}

/// Valid JSON without the whitespace between tokens.
pub(super) fn compact_json(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let (mut in_str, mut escaped) = (false, false);
    for c in raw.chars() {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_str = c == '"';
            out.push(c);
        }
    }
    out
}

pub(super) fn looks_like_json(s: &str) -> bool {
    s.as_bytes().first() == Some(&b'{') && s.trim_end().ends_with('}')
}

/// `Some(plain)` if `s` is one JSON object that readers can parse (see
/// [`MAX_JSON_DEPTH`]); `plain` as in [`Parsed::plain`], learned in the
/// same pass that validates it.
pub(super) fn json_object(s: &str) -> Option<bool> {
    use serde::de::Deserializer as _;
    let mut de = serde_json::Deserializer::from_str(s);
    let plain = de.deserialize_map(Top).ok()?;
    de.end().ok()?;
    nesting_within(s, MAX_JSON_DEPTH).then_some(plain)
}

/// A top-level object: whether every value is a scalar under a key
/// not reserved for objects.
pub(super) struct Top;
impl<'de> Visitor<'de> for Top {
    type Value = bool;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut plain = true;
        while let Some(reserved) = map.next_key_seed(Key)? {
            let scalar = map.next_value::<Scalar>()?.0;
            plain &= scalar && !reserved;
        }
        Ok(plain)
    }
}
/// A key: whether the templates reserve it for objects.
pub(super) struct Key;
impl<'de> serde::de::DeserializeSeed<'de> for Key {
    type Value = bool;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_str(self)
    }
}
impl<'de> Visitor<'de> for Key {
    type Value = bool;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E>(self, key: &str) -> Result<bool, E> {
        Ok(crate::model::reserved_object_key(key))
    }
}
/// A value: whether it is a scalar (nested values are skipped over).
pub(super) struct Scalar(bool);
impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}
pub(super) struct ScalarVisitor;
impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Scalar, E> {
        Ok(Scalar(true))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Scalar, E> {
        Ok(Scalar(true))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Scalar, E> {
        Ok(Scalar(true))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Scalar, E> {
        Ok(Scalar(true))
    }
    fn visit_str<E>(self, _: &str) -> Result<Scalar, E> {
        Ok(Scalar(true))
    }
    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar(true))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar(false))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar(false))
    }
}

/// JSON nested deeper than this is kept as text, not passed through.
/// serde_json skips over any depth but reads back fewer than 128 levels,
/// and OpenSearch's parser has its own limit; a hostile line must not make
/// a document no reader can parse.
pub(crate) const MAX_JSON_DEPTH: usize = 100;

/// Whether valid JSON text nests at most `max` levels. Counting brackets
/// first settles almost every line at SIMD speed; only text with more
/// brackets than `max` is walked, skipping strings.
pub(super) fn nesting_within(s: &str, max: usize) -> bool {
    let b = s.as_bytes();
    if memchr::memchr2_iter(b'[', b'{', b).nth(max).is_none() {
        return true;
    }
    let (mut depth, mut in_str, mut escaped) = (0usize, false, false);
    for &c in b {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return false;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    true
}
