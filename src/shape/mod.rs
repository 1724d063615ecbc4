//! Shaping: a parsed log record plus its CloudWatch metadata becomes one
//! Firehose record, a single JSON document followed by `\n`: `fit` makes it
//! fit Firehose's record limit, `ecs` holds everything of the Elastic
//! Common Schema.
//!
//! The trailing newline matters: Firehose concatenates records when it
//! writes to S3, so without it the backup bucket holds one unreadable line.
//!
//! Documents are written straight into a byte buffer rather than built as a
//! `serde_json::Value`, because this runs once per log line and a map per
//! line costs more than the parsing does.

use std::borrow::Cow;

use crate::json::{write_rfc3339_millis, write_str, write_value};
use crate::model::{Body, Schema, Value};

pub(crate) mod ecs;
pub(crate) mod exception;
mod fit;
pub(crate) mod stable;

pub(crate) use fit::{Fit, OversizeError, write_fitted};

/// The key our own metadata lives under, so it cannot collide with the
/// app's fields (a Python app never logs a `cloudwatch` attribute by itself).
pub(crate) const METADATA_KEY: &str = "cloudwatch";

/// The key for the event time. Kibana index patterns use it as time field.
pub(crate) const TIMESTAMP_KEY: &str = "@timestamp";

pub(crate) use ecs::ECS_VERSION;

/// The CloudWatch log group, stream and account a delivery came from, with
/// their JSON rendered once: every record of the delivery repeats them.
#[derive(Debug, Clone)]
pub struct Source {
    pub schema: Schema,
    /// Python: `"log_group":"…","log_stream":"…","owner":"…","event_id":`;
    /// ECS: `"ecs.version":…,"aws.cloudwatch.log_group":…,…,"event.id":`.
    rendered: Vec<u8>,
}

impl Source {
    /// Bytes the metadata adds to each record, event id excluded.
    pub(crate) fn rendered_len(&self) -> usize {
        self.rendered.len()
    }

    pub fn new(log_group: &str, log_stream: &str, owner: &str) -> Source {
        Source::with_schema(log_group, log_stream, owner, Schema::Python)
    }

    pub(crate) fn with_schema(
        log_group: &str,
        log_stream: &str,
        owner: &str,
        schema: Schema,
    ) -> Source {
        let mut rendered =
            Vec::with_capacity(log_group.len() + log_stream.len() + owner.len() + 160);
        let r = &mut rendered;
        match schema {
            Schema::Python => {
                r.extend_from_slice(b"\"log_group\":");
                write_str(r, log_group);
                r.extend_from_slice(b",\"log_stream\":");
                write_str(r, log_stream);
                r.extend_from_slice(b",\"owner\":");
                write_str(r, owner);
                r.extend_from_slice(b",\"event_id\":");
            }
            Schema::Ecs => {
                r.extend_from_slice(b"\"ecs.version\":");
                write_str(r, ECS_VERSION);
                r.extend_from_slice(b",\"cloud.provider\":\"aws\",\"cloud.account.id\":");
                write_str(r, owner);
                r.extend_from_slice(b",\"aws.cloudwatch.log_group\":");
                write_str(r, log_group);
                r.extend_from_slice(b",\"aws.cloudwatch.log_stream\":");
                write_str(r, log_stream);
                r.extend_from_slice(b",\"event.id\":");
            }
        }
        Source { schema, rendered }
    }
}

/// Where a record came from. The event id is how users find duplicates:
/// delivery is at-least-once and Firehose to OpenSearch can't set `_id`.
#[derive(Debug, Clone, Copy)]
pub struct Meta<'a> {
    pub source: &'a Source,
    pub event_id: &'a str,
    /// The CloudWatch event's own timestamp, in ms since the epoch.
    pub timestamp_ms: i64,
}

/// Appends one record (document plus `\n`) to `out`.
///
/// Keys the app already set win over ours: a JSON line that carries its own
/// `@timestamp` keeps it, because OpenSearch rejects documents with
/// duplicate keys.
pub fn write_record(
    body: &Body<'_>,
    extra: &[(&str, Value<'_>)],
    meta: &Meta<'_>,
    out: &mut Vec<u8>,
) {
    let has_key = |key: &str| match body {
        Body::Fields(fields) => fields.iter().any(|(k, _)| k == key),
        Body::Json(text) => json_has_top_level_key(text, key),
    };
    match body {
        Body::Fields(fields) => {
            out.push(b'{');
            for (i, (key, value)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_str(out, key);
                out.push(b':');
                write_value(out, value);
            }
            if !fields.is_empty() {
                out.push(b',');
            }
        }
        Body::Json(text) => {
            // Reopen the object: write its contents without the closing brace.
            let trimmed = text.trim();
            match trimmed.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
                Some(inner) => {
                    out.push(b'{');
                    out.extend_from_slice(inner.as_bytes());
                    if !inner.trim().is_empty() {
                        out.push(b',');
                    }
                }
                // Not an object after all: keep the text as the message.
                None => {
                    out.extend_from_slice(b"{\"message\":");
                    write_str(out, trimmed);
                    out.push(b',');
                }
            }
        }
    }
    for (key, value) in extra {
        if !has_key(key) {
            write_str(out, key);
            out.push(b':');
            write_value(out, value);
            out.push(b',');
        }
    }
    if !has_key(TIMESTAMP_KEY) {
        out.extend_from_slice(b"\"@timestamp\":\"");
        write_rfc3339_millis(out, meta.timestamp_ms);
        out.extend_from_slice(b"\",");
    }
    if meta.source.schema == Schema::Ecs {
        // Dotted keys: Elasticsearch and OpenSearch read them as object
        // paths, and they can't collide with an app's own `event` string.
        out.extend_from_slice(&meta.source.rendered);
        write_str(out, meta.event_id);
        out.extend_from_slice(b"}\n");
        return;
    }
    if has_key(METADATA_KEY) {
        out.extend_from_slice(b"\"cloudwatch_forwarder\":{");
    } else {
        out.extend_from_slice(b"\"cloudwatch\":{");
    }
    out.extend_from_slice(&meta.source.rendered);
    write_str(out, meta.event_id);
    write_exception(body, out);
    out.extend_from_slice(b"}}\n");
}

/// The key, inside our metadata, for the exception a record's `exc_info`
/// raised: python-json-logger writes the traceback as one text, which
/// can't be aggregated, and its own keys must stay as it wrote them.
const EXCEPTION_KEY: &str = "exception";

/// Appends `,"exception":{"type":…,"message":…}` when the record's
/// `exc_info` is a traceback (docs/opensearch.md, "The exception type").
fn write_exception(body: &Body<'_>, out: &mut Vec<u8>) {
    let (exc_info, message);
    let raised = match body {
        Body::Fields(fields) => {
            let text = |key: &str| match fields.iter().find(|(k, _)| k == key) {
                Some((_, Value::Str(text))) => Some(&**text),
                _ => None,
            };
            let Some(traceback) = text("exc_info") else {
                return;
            };
            exception::of_record(traceback, text("message"))
        }
        Body::Json(text) => {
            if !text.contains("\"exc_info\"") {
                return;
            }
            [exc_info, message] = json_strings(text, ["exc_info", "message"]);
            let Some(traceback) = &exc_info else { return };
            exception::of_record(traceback, message.as_deref())
        }
    };
    let Some(raised) = raised else { return };
    out.push(b',');
    write_str(out, EXCEPTION_KEY);
    out.extend_from_slice(b":{\"type\":");
    write_str(out, raised.type_name);
    if let Some(message) = raised.message {
        out.extend_from_slice(b",\"message\":");
        write_str(out, cut(message, EXCEPTION_MESSAGE_BYTES));
    }
    out.push(b'}');
}

/// Most bytes of the exception's message repeated in our metadata: a copy
/// for searching, whose whole text stays in `exc_info`, so a long message
/// (a dumped payload) can't double a record's size.
const EXCEPTION_MESSAGE_BYTES: usize = 1024;

/// `text` cut to at most `max` bytes, at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The strings at a JSON object's top-level `keys` (`None` where a key is
/// missing or no string), from one parse of the object.
fn json_strings<const N: usize>(text: &str, keys: [&str; N]) -> [Option<String>; N] {
    let map: Option<std::collections::HashMap<Cow<'_, str>, &serde_json::value::RawValue>> =
        serde_json::from_str(text).ok();
    keys.map(|key| {
        let raw = map.as_ref()?.get(key)?;
        serde_json::from_str(raw.get()).ok()
    })
}

/// Whether a JSON object's text has `key` at its top level. Only called for
/// JSON lines, to avoid writing a duplicate key.
fn json_has_top_level_key(text: &str, key: &str) -> bool {
    // Cheap filter first: most lines never mention our keys at all.
    if !text.contains(key) {
        return false;
    }
    let map: Result<std::collections::HashMap<Cow<'_, str>, &serde_json::value::RawValue>, _> =
        serde_json::from_str(text);
    map.is_ok_and(|m| m.contains_key(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> &'static Source {
        static SOURCE: std::sync::OnceLock<Source> = std::sync::OnceLock::new();
        SOURCE.get_or_init(|| Source::new("/aws/lambda/app", "stream", "123456789012"))
    }

    fn meta() -> Meta<'static> {
        Meta {
            source: source(),
            event_id: "3719",
            timestamp_ms: 1_715_438_684_123,
        }
    }

    fn record(body: &Body<'_>) -> serde_json::Value {
        let mut out = Vec::new();
        write_record(body, &[], &meta(), &mut out);
        assert_eq!(out.last(), Some(&b'\n'));
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1);
        serde_json::from_slice(&out).unwrap()
    }

    fn rfc3339(ms: i64) -> String {
        let mut out = Vec::new();
        write_rfc3339_millis(&mut out, ms);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_traceback_gives_the_exception_in_our_metadata_and_a_long_message_is_cut_there_only() {
        let long = "é".repeat(EXCEPTION_MESSAGE_BYTES);
        let tb = format!(
            "Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: {long}"
        );
        let v = record(&Body::Fields(vec![
            ("message".into(), Value::Str("failed".into())),
            ("exc_info".into(), Value::Str(tb.clone().into())),
        ]));
        assert_eq!(
            v["exc_info"],
            tb.as_str(),
            "python-json-logger's key is whole"
        );
        assert_eq!(v["cloudwatch"]["exception"]["type"], "ValueError");
        let kept = v["cloudwatch"]["exception"]["message"].as_str().unwrap();
        assert_eq!(kept.len(), EXCEPTION_MESSAGE_BYTES);
        let plain = record(&Body::Fields(vec![(
            "message".into(),
            Value::Str("ok".into()),
        )]));
        assert!(plain["cloudwatch"].get("exception").is_none());
        let json = record(&Body::Json(
            r#"{"message":"m","exc_info":"Traceback (most recent call last):\nKeyError: 'k'"}"#
                .into(),
        ));
        assert_eq!(json["cloudwatch"]["exception"]["type"], "KeyError");
    }

    #[test]
    fn timestamps_are_rfc3339_utc_with_milliseconds() {
        let fmt = rfc3339;
        assert_eq!(fmt(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(fmt(1_715_438_684_123), "2024-05-11T14:44:44.123Z");
        assert_eq!(fmt(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(fmt(-1), "1969-12-31T23:59:59.999Z");
        assert_eq!(fmt(253_402_300_799_999), "9999-12-31T23:59:59.999Z");
    }

    #[test]
    fn fields_keep_their_order_and_types_and_gain_timestamp_and_metadata() {
        let body = Body::Fields(vec![
            (
                "message".into(),
                Value::Str("a \"quoted\"\ttab\nline ü".into()),
            ),
            ("lineno".into(), Value::Int(42)),
            ("msecs".into(), Value::Float(123.0)),
            ("created".into(), Value::Float(1715438684.123456)),
            ("taskName".into(), Value::Null),
        ]);
        let mut out = Vec::new();
        write_record(&body, &[], &meta(), &mut out);
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.starts_with(r#"{"message":"a \"quoted\"\ttab\nline ü","lineno":42,"msecs":123.0,"created":1715438684.123456,"taskName":null,"@timestamp":"2024-05-11T14:44:44.123Z","#),
            "{text}"
        );
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["cloudwatch"]["log_group"], "/aws/lambda/app");
        assert_eq!(v["cloudwatch"]["event_id"], "3719");
        assert_eq!(v["cloudwatch"]["owner"], "123456789012");
    }

    #[test]
    fn a_json_line_keeps_its_keys_and_gains_ours() {
        let v = record(&Body::Json(r#"{"level":"INFO","n":[1,{"a":2}]} "#.into()));
        assert_eq!(v["level"], "INFO");
        assert_eq!(v["n"][1]["a"], 2);
        assert_eq!(v["@timestamp"], "2024-05-11T14:44:44.123Z");
        assert_eq!(v["cloudwatch"]["log_stream"], "stream");
    }

    #[test]
    fn an_empty_json_object_still_gets_timestamp_and_metadata() {
        let v = record(&Body::Json("{ }".into()));
        assert_eq!(v.as_object().unwrap().len(), 2);
    }

    #[test]
    fn an_apps_own_timestamp_and_cloudwatch_keys_are_not_duplicated() {
        let text = r#"{"@timestamp":"2020-01-01T00:00:00Z","cloudwatch":"mine"}"#;
        let mut out = Vec::new();
        write_record(&Body::Json(text.into()), &[], &meta(), &mut out);
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s.matches("@timestamp").count(), 1);
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["@timestamp"], "2020-01-01T00:00:00Z");
        assert_eq!(v["cloudwatch"], "mine");
        assert_eq!(v["cloudwatch_forwarder"]["event_id"], "3719");
    }

    #[test]
    fn strings_are_escaped_exactly_as_serde_json_escapes_them() {
        let mut rng = fastrand::Rng::with_seed(5);
        let alphabet = [
            'a', '"', '\\', '\n', '\t', '\u{1}', '\u{1f}', 'é', '日', ' ', '/', '\u{7f}', '\u{8}',
            '\u{c}',
        ];
        for len in 0..200 {
            let s: String = (0..len)
                .map(|_| alphabet[rng.usize(..alphabet.len())])
                .collect();
            let mut ours = Vec::new();
            write_str(&mut ours, &s);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&s).unwrap(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn the_cached_second_is_not_reused_for_another_second() {
        let fmt = rfc3339;
        assert_eq!(fmt(1_715_438_684_999), "2024-05-11T14:44:44.999Z");
        assert_eq!(fmt(1_715_438_685_000), "2024-05-11T14:44:45.000Z");
        assert_eq!(fmt(1_715_438_684_001), "2024-05-11T14:44:44.001Z");
    }

    #[test]
    fn non_finite_floats_become_null_so_the_document_stays_valid() {
        let v = record(&Body::Fields(vec![("x".into(), Value::Float(f64::NAN))]));
        assert!(v["x"].is_null());
    }
}
