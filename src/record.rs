//! Shaping: a parsed log record plus its CloudWatch metadata becomes one
//! Firehose record, a single JSON document followed by `\n`.
//!
//! The trailing newline matters: Firehose concatenates records when it
//! writes to S3, so without it the backup bucket holds one unreadable line.
//!
//! Documents are written straight into a byte buffer rather than built as a
//! `serde_json::Value`, because this runs once per log line and a map per
//! line costs more than the parsing does.

use std::borrow::Cow;
use std::io::Write as _;

/// The key our own metadata lives under, so it cannot collide with the
/// app's fields (a Python app never logs a `cloudwatch` attribute by itself).
pub const METADATA_KEY: &str = "cloudwatch";

/// The key for the event time. Kibana index patterns use it as time field.
pub const TIMESTAMP_KEY: &str = "@timestamp";

/// A typed value, typed as python-json-logger would type it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Str(Cow<'a, str>),
    Int(i64),
    Float(f64),
    Bool(bool),
    Null,
    /// Text that is already valid JSON (an object or number taken verbatim).
    Raw(Cow<'a, str>),
}

/// What the parser made of one log record, before metadata is added.
#[derive(Debug, Clone, PartialEq)]
pub enum Body<'a> {
    /// Ordered key/value pairs, as python-json-logger would emit them.
    Fields(Vec<(Cow<'a, str>, Value<'a>)>),
    /// A JSON object logged by the app, passed through with its own keys.
    /// Holds the object's text; it was validated by the parser.
    Json(Cow<'a, str>),
}

/// Where a record came from. The event id is how users find duplicates:
/// delivery is at-least-once and Firehose to OpenSearch can't set `_id`.
#[derive(Debug, Clone, Copy)]
pub struct Meta<'a> {
    pub log_group: &'a str,
    pub log_stream: &'a str,
    pub owner: &'a str,
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
        write_str(out, TIMESTAMP_KEY);
        out.push(b':');
        out.push(b'"');
        write_rfc3339_millis(out, meta.timestamp_ms);
        out.push(b'"');
        out.push(b',');
    }
    let meta_key: &str = if has_key(METADATA_KEY) {
        "cloudwatch_forwarder"
    } else {
        METADATA_KEY
    };
    write_str(out, meta_key);
    out.extend_from_slice(b":{\"log_group\":");
    write_str(out, meta.log_group);
    out.extend_from_slice(b",\"log_stream\":");
    write_str(out, meta.log_stream);
    out.extend_from_slice(b",\"owner\":");
    write_str(out, meta.owner);
    out.extend_from_slice(b",\"event_id\":");
    write_str(out, meta.event_id);
    out.extend_from_slice(b"}}\n");
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

/// Writes a JSON string literal with escaping.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    // serde_json's escaper is table-driven and copies unescaped runs whole.
    // Writing into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

fn write_value(out: &mut Vec<u8>, value: &Value<'_>) {
    match value {
        Value::Str(s) => write_str(out, s),
        Value::Int(n) => {
            let _ = write!(out, "{n}");
        }
        Value::Float(f) if f.is_finite() => {
            // Python's json writes integral floats as `123.0`; keep the type.
            if f.fract() == 0.0 && f.abs() < 1e16 {
                let _ = write!(out, "{f:.1}");
            } else {
                let _ = write!(out, "{f}");
            }
        }
        // JSON has no NaN or infinity; python-json-logger would write
        // invalid JSON here, we write null instead.
        Value::Float(_) | Value::Null => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        Value::Raw(text) => out.extend_from_slice(text.as_bytes()),
    }
}

/// Formats ms since the epoch as RFC 3339 UTC with milliseconds, e.g.
/// `2024-05-11T14:44:44.123Z`. Hand-written because this runs per record
/// and needs no time zone database.
pub fn write_rfc3339_millis(out: &mut Vec<u8>, ms: i64) {
    let secs = ms.div_euclid(1000);
    let millis = ms.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let sod = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let _ = write!(
        out,
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        sod / 3600,
        sod % 3600 / 60,
        sod % 60
    );
}

/// Days since 1970-01-01 to (year, month, day) in the proleptic Gregorian
/// calendar (Howard Hinnant's `civil_from_days`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    const META: Meta<'static> = Meta {
        log_group: "/aws/lambda/app",
        log_stream: "stream",
        owner: "123456789012",
        event_id: "3719",
        timestamp_ms: 1_715_438_684_123,
    };

    fn record(body: &Body<'_>) -> serde_json::Value {
        let mut out = Vec::new();
        write_record(body, &[], &META, &mut out);
        assert_eq!(out.last(), Some(&b'\n'));
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1);
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn timestamps_are_rfc3339_utc_with_milliseconds() {
        let fmt = |ms| {
            let mut out = Vec::new();
            write_rfc3339_millis(&mut out, ms);
            String::from_utf8(out).unwrap()
        };
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
        write_record(&body, &[], &META, &mut out);
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
        write_record(&Body::Json(text.into()), &[], &META, &mut out);
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s.matches("@timestamp").count(), 1);
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["@timestamp"], "2020-01-01T00:00:00Z");
        assert_eq!(v["cloudwatch"], "mine");
        assert_eq!(v["cloudwatch_forwarder"]["event_id"], "3719");
    }

    #[test]
    fn non_finite_floats_become_null_so_the_document_stays_valid() {
        let v = record(&Body::Fields(vec![("x".into(), Value::Float(f64::NAN))]));
        assert!(v["x"].is_null());
    }
}
