//! Type-stable documents: no document carries a value that the shipped
//! index templates (`opensearch/`) would reject.
//!
//! One index holds every app's JSON lines, so the same key can be text in
//! one app and an object in another (Powertools' `logger.info({...})` writes
//! `message` as an object). With `index.mapping.ignore_malformed`, which the
//! templates set, OpenSearch indexes a document whose scalar field holds the
//! wrong kind of value and only skips that field; but a scalar where the
//! mapping has an object, or an object where a later document has a scalar,
//! rejects the whole document. Checked on a real OpenSearch 2.19 node:
//! objects sent to `keyword` and `long` fields are skipped, a string sent
//! to an object field is refused.
//!
//! So objects never stand where a scalar may: an object (or an array holding
//! one) at a top-level key becomes its JSON text there, and the structure
//! is kept, searchable, under [`STRUCTURED_KEY`] (a `flat_object` in the
//! templates) by the same key. The keys the templates map as objects
//! (`cloudwatch`, `record`, … and the ECS roots) keep objects, and a scalar
//! there moves under [`STRUCTURED_KEY`]. An app's own `structured` key
//! moves there too. Deterministic and lossless; documents that were
//! already fine are written byte for byte as before.

use std::borrow::Cow;
use std::sync::LazyLock;

use memchr::memmem::Finder;
use serde_json::value::RawValue;

use crate::json;
use crate::model::{Body, Schema};

/// Where the structure of coerced values is kept: a `flat_object` field in
/// the shipped templates, searchable by path (`structured.message.order`).
pub const STRUCTURED_KEY: &str = "structured";

/// Top-level keys the python-json-logger template maps as objects.
const PYTHON_OBJECTS: &[&str] = &["cloudwatch", "record", "split", STRUCTURED_KEY];

/// Top-level keys the ECS template maps as objects: the roots of its dotted
/// fields.
const ECS_OBJECTS: &[&str] = &[
    "log",
    "error",
    "process",
    "faas",
    "event",
    "aws",
    "cloud",
    "ecs",
    "record",
    "split",
    STRUCTURED_KEY,
];

fn object_keys(schema: Schema) -> &'static [&'static str] {
    match schema {
        Schema::Python => PYTHON_OBJECTS,
        Schema::Ecs => ECS_OBJECTS,
    }
}

/// Quoted key names, found by one SIMD scan each, so a flat line that
/// names none of them is never parsed here.
static FINDERS: LazyLock<Vec<(&'static str, Finder<'static>)>> = LazyLock::new(|| {
    let mut keys: Vec<&'static str> = PYTHON_OBJECTS.to_vec();
    keys.extend(ECS_OBJECTS);
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .map(|k| (k, Finder::new(format!("\"{k}\"").into_bytes().leak())))
        .collect()
});

/// Makes a JSON line's body type-stable; `true` if anything moved (the
/// record is counted as `coerced`). Text records need nothing: their
/// values are scalars under keys of Python's `LogRecord`.
pub fn stabilize(body: &mut Body<'_>, schema: Schema) -> bool {
    let Body::Json(text) = body else {
        return false;
    };
    if !may_need(text, schema) {
        return false;
    }
    match rewrite(text, schema) {
        Some(new) => {
            *body = Body::Json(Cow::Owned(new));
            true
        }
        None => false,
    }
}

/// Cheap screen: a nested object or array, or one of the object keys named.
fn may_need(text: &str, schema: Schema) -> bool {
    let b = text.as_bytes();
    if memchr::memchr2(b'{', b'[', b.get(1..).unwrap_or_default()).is_some() {
        return true;
    }
    let keys = object_keys(schema);
    FINDERS
        .iter()
        .any(|(k, f)| keys.contains(k) && f.find(b).is_some())
}

/// Whether a JSON value is, or holds at its top, an object.
fn structured(raw: &str) -> bool {
    match raw.as_bytes().first() {
        Some(b'{') => true,
        Some(b'[') => serde_json::from_str::<Vec<&RawValue>>(raw)
            .is_ok_and(|items| items.iter().any(|v| v.get().starts_with('{'))),
        _ => false,
    }
}

/// The object rewritten, or `None` when nothing needs to move.
fn rewrite(text: &str, schema: Schema) -> Option<String> {
    let fields = top_level(text)?;
    let objects = object_keys(schema);
    let mut moved: Vec<(&str, &str)> = Vec::new();
    let mut kept: Vec<(&str, Cow<'_, str>)> = Vec::with_capacity(fields.len());
    for (key, raw) in &fields {
        let (key, raw): (&str, &str) = (key, raw.get());
        let object_key = objects.contains(&key);
        if key == STRUCTURED_KEY || (object_key && !raw.starts_with('{')) {
            moved.push((key, raw));
        } else if !object_key && structured(raw) {
            moved.push((key, raw));
            // The JSON text of the value, as a string, where it was.
            let mut quoted = Vec::with_capacity(raw.len() + 8);
            json::write_str(&mut quoted, raw);
            kept.push((key, Cow::Owned(String::from_utf8(quoted).ok()?)));
        } else {
            kept.push((key, Cow::Borrowed(raw)));
        }
    }
    if moved.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 2);
    let mut o = json::Object::open(&mut out);
    for (key, raw) in &kept {
        o.raw(key, raw);
    }
    o.object(STRUCTURED_KEY, |s| {
        for (key, raw) in &moved {
            s.raw(key, raw);
        }
    });
    o.close();
    String::from_utf8(out).ok()
}

/// A JSON object's top-level keys and raw values, in order.
fn top_level(text: &str) -> Option<Vec<(Cow<'_, str>, &RawValue)>> {
    struct Fields;
    impl<'de> serde::de::Visitor<'de> for Fields {
        type Value = Vec<(Cow<'de, str>, &'de RawValue)>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                out.push((key, map.next_value::<&'de RawValue>()?));
            }
            Ok(out)
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    serde::Deserializer::deserialize_map(&mut de, Fields).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stable(text: &str, schema: Schema) -> (bool, serde_json::Value, String) {
        let mut body = Body::Json(Cow::Owned(text.to_owned()));
        let changed = stabilize(&mut body, schema);
        let Body::Json(out) = body else {
            unreachable!()
        };
        (
            changed,
            serde_json::from_str(&out).unwrap(),
            out.into_owned(),
        )
    }

    #[test]
    fn a_flat_line_is_untouched_byte_for_byte() {
        let line = r#"{"message": "ok", "n": 1, "tags": ["a", "b"]}"#;
        let (changed, _, out) = stable(line, Schema::Python);
        assert!(!changed);
        assert_eq!(out, line);
    }

    #[test]
    fn an_object_message_becomes_its_json_text_and_its_structure_is_kept() {
        let (changed, v, _) = stable(
            r#"{"level":"INFO","message":{"order":"A-1","total":19.99},"service":"cart"}"#,
            Schema::Python,
        );
        assert!(changed);
        assert_eq!(v["message"], r#"{"order":"A-1","total":19.99}"#);
        assert_eq!(v["structured"]["message"]["total"], 19.99);
        assert_eq!(v["service"], "cart", "other keys stay, in order");
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["level", "message", "service", "structured"]);
    }

    #[test]
    fn arrays_of_objects_move_and_arrays_of_scalars_stay() {
        let (changed, v, _) = stable(r#"{"items":[{"sku":1}],"ids":[1,2]}"#, Schema::Python);
        assert!(changed);
        assert_eq!(v["items"], r#"[{"sku":1}]"#);
        assert_eq!(v["structured"]["items"][0]["sku"], 1);
        assert_eq!(v["ids"], serde_json::json!([1, 2]));
    }

    #[test]
    fn a_scalar_where_the_template_has_an_object_moves_under_structured() {
        let (changed, v, _) = stable(r#"{"cloudwatch":"mine","record":5,"x":1}"#, Schema::Python);
        assert!(changed);
        assert!(v.get("cloudwatch").is_none() && v.get("record").is_none());
        assert_eq!(v["structured"]["cloudwatch"], "mine");
        assert_eq!(v["structured"]["record"], 5);
        // An ECS root in ECS mode, not in the python-json-logger schema.
        let (changed, v, _) = stable(r#"{"log":"a line","message":"m"}"#, Schema::Ecs);
        assert!(changed);
        assert_eq!(v["structured"]["log"], "a line");
        let (changed, _, _) = stable(r#"{"log":"a line","message":"m"}"#, Schema::Python);
        assert!(!changed);
    }

    #[test]
    fn an_apps_own_structured_key_moves_inside_ours() {
        let (_, v, _) = stable(
            r#"{"structured":"plain","message":{"a":1}}"#,
            Schema::Python,
        );
        assert_eq!(v["structured"]["structured"], "plain");
        assert_eq!(v["structured"]["message"]["a"], 1);
    }

    #[test]
    fn text_records_are_never_touched() {
        let mut body = Body::Fields(vec![(
            Cow::Borrowed("message"),
            crate::model::Value::Str(Cow::Borrowed("{\"a\":1}")),
        )]);
        assert!(!stabilize(&mut body, Schema::Python));
    }
}
