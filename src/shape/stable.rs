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

use serde_json::value::RawValue;
use std::borrow::Cow;

use crate::json;
use crate::model::{Body, Schema, Value};

/// Where the structure of coerced values is kept: a `flat_object` field in
/// the shipped templates, searchable by path (`structured.message.order`).
pub(crate) const STRUCTURED_KEY: &str = "structured";

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

/// Makes a JSON line's body type-stable; `true` if anything moved (the
/// record is counted as `coerced`). Only called for records the parser
/// did not find plain (`Parsed::plain`): text records and flat JSON lines
/// never get here.
pub(crate) fn stabilize(body: &mut Body<'_>, schema: Schema) -> bool {
    match body {
        Body::Json(text) => match rewrite(text, schema, &[]) {
            Some(new) => {
                *body = Body::Json(Cow::Owned(new));
                true
            }
            None => false,
        },
        // A JSON line as ECS fields: nested values are raw JSON.
        Body::Fields(fields) => stabilize_fields(fields, schema),
    }
}

/// A whole document, as the function wrote it, made type-stable for
/// `redrive`: `None` when nothing needs to move. `clashes` are top-level
/// keys OpenSearch refused a scalar for because the index maps them as
/// objects (a document indexed before type stability, or another writer,
/// fixed the mapping): their values move under `structured` too. A
/// document this function already made stable keeps its `structured`
/// object, so redriving it again never nests `structured` in itself.
pub(crate) fn stabilize_document(text: &str, schema: Schema, clashes: &[&str]) -> Option<String> {
    let already = json::top_level(text)?
        .iter()
        .any(|(key, raw)| key == STRUCTURED_KEY && raw.get().starts_with('{'));
    if already {
        return clashes
            .iter()
            .any(|c| *c != STRUCTURED_KEY)
            .then(|| move_into_structured(text, clashes))
            .flatten();
    }
    rewrite(text, schema, clashes)
}

/// `clashes` moved into an existing `structured` object.
fn move_into_structured(text: &str, clashes: &[&str]) -> Option<String> {
    let fields = json::top_level(text)?;
    let (moved, kept): (Vec<_>, Vec<_>) = fields
        .iter()
        .partition(|(key, _)| key != STRUCTURED_KEY && clashes.contains(&key.as_ref()));
    if moved.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() + 16);
    let mut o = json::Object::open(&mut out);
    for (key, raw) in &kept {
        if key == STRUCTURED_KEY {
            let inner = json::top_level(raw.get())?;
            o.object(STRUCTURED_KEY, |s| {
                for (k, r) in inner
                    .iter()
                    .filter(|(k, _)| !moved.iter().any(|(m, _)| m == k))
                {
                    s.raw(k, r.get());
                }
                for (k, r) in &moved {
                    s.raw(k, r.get());
                }
            });
        } else {
            o.raw(key, raw.get());
        }
    }
    o.close();
    String::from_utf8(out).ok()
}

/// [`stabilize`] for a body already split into fields (`OUTPUT_SCHEMA=ecs`
/// turns JSON lines into fields, nested values kept as raw JSON).
fn stabilize_fields(fields: &mut Vec<(Cow<'_, str>, Value<'_>)>, schema: Schema) -> bool {
    let objects = object_keys(schema);
    let mut moved: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    while i < fields.len() {
        let (key, value) = &fields[i];
        let object_key = objects.contains(&key.as_ref());
        let raw = match value {
            Value::Raw(r) => Some(r.as_ref()),
            _ => None,
        };
        let structured_value = raw.is_some_and(structured);
        if key == STRUCTURED_KEY || (object_key && !raw.is_some_and(|r| r.starts_with('{'))) {
            let (key, value) = fields.remove(i);
            moved.push((key.into_owned(), value_json(&value)));
            continue;
        }
        if !object_key && structured_value {
            let raw = raw.unwrap_or_default().to_owned();
            fields[i].1 = Value::Str(Cow::Owned(raw.clone()));
            moved.push((fields[i].0.to_string(), raw));
        }
        i += 1;
    }
    if moved.is_empty() {
        return false;
    }
    let mut out = Vec::new();
    let mut o = json::Object::open(&mut out);
    for (key, raw) in &moved {
        o.raw(key, raw);
    }
    o.close();
    let object = String::from_utf8(out).unwrap_or_default();
    fields.push((
        Cow::Borrowed(STRUCTURED_KEY),
        Value::Raw(Cow::Owned(object)),
    ));
    true
}

/// A value as JSON text.
fn value_json(value: &Value<'_>) -> String {
    let mut out = Vec::new();
    json::write_value(&mut out, value);
    String::from_utf8(out).unwrap_or_default()
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
fn rewrite(text: &str, schema: Schema, clashes: &[&str]) -> Option<String> {
    let fields = json::top_level(text)?;
    let objects = object_keys(schema);
    let mut moved: Vec<(&str, &str)> = Vec::new();
    let mut kept: Vec<(&str, Cow<'_, str>)> = Vec::with_capacity(fields.len());
    for (key, raw) in &fields {
        let (key, raw): (&str, &str) = (key, raw.get());
        let object_key = objects.contains(&key);
        if key == STRUCTURED_KEY || (object_key && !raw.starts_with('{')) || clashes.contains(&key)
        {
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

/// The top-level field OpenSearch refused a scalar for because the index
/// maps it as an object, from its error message: "object mapping for
/// [detail] tried to parse field [detail] as object, but found a concrete
/// value". Nested fields (`a.b`) are left alone: the function's own nested
/// keys never clash.
pub(crate) fn clash_field(message: &str) -> Option<&str> {
    const HEAD: &str = "object mapping for [";
    const TAIL: &str = "as object, but found a concrete value";
    if !message.contains(TAIL) {
        return None;
    }
    let start = message.find(HEAD)? + HEAD.len();
    let field = &message[start..start + message[start..].find(']')?];
    (!field.is_empty() && !field.contains('.')).then_some(field)
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
    fn string_fields_are_never_touched_even_when_they_hold_json_text() {
        let mut body = Body::Fields(vec![(
            Cow::Borrowed("message"),
            Value::Str(Cow::Borrowed("{\"a\":1}")),
        )]);
        assert!(!stabilize(&mut body, Schema::Python));
    }

    #[test]
    fn ecs_fields_of_a_json_line_are_stabilised_the_same_way() {
        let mut body = Body::Fields(vec![
            (
                Cow::Borrowed("log.level"),
                Value::Str(Cow::Borrowed("info")),
            ),
            (
                Cow::Borrowed("message"),
                Value::Raw(Cow::Borrowed("{\"order\":1}")),
            ),
            (Cow::Borrowed("log"), Value::Str(Cow::Borrowed("a line"))),
        ]);
        assert!(stabilize(&mut body, Schema::Ecs));
        let Body::Fields(fields) = &body else {
            unreachable!()
        };
        assert_eq!(fields[1].1, Value::Str(Cow::Borrowed("{\"order\":1}")));
        assert!(fields.iter().all(|(k, _)| k != "log"));
        let (key, Value::Raw(structured)) = fields.last().unwrap() else {
            panic!("no structured field")
        };
        assert_eq!(key, "structured");
        let v: serde_json::Value = serde_json::from_str(structured).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"message": {"order": 1}, "log": "a line"})
        );
    }
}
