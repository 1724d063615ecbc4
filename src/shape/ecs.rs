//! The Elastic Common Schema layout (`OUTPUT_SCHEMA=ecs`), so Elastic's own
//! dashboards and the Elastic Serverless Forwarder's field names work.
//!
//! A record's python-json-logger keys are renamed to their ECS fields
//! (table in the README); keys ECS has no field for stay as they are, as
//! Elastic's `ecs-logging-python` leaves extras. The CloudWatch metadata is
//! written by `shape` from a `Source` built with `Schema::Ecs`, with the
//! version below. Keys are dotted (`log.level`),
//! which Elasticsearch and OpenSearch read as object paths.

use std::borrow::Cow;

use crate::model::{Body, Value};

/// The ECS version our ECS documents follow.
pub(crate) const ECS_VERSION: &str = "8.11.0";

/// python-json-logger keys (and the Lambda JSON log format's) → ECS fields.
pub(crate) const MAPPING: &[(&str, &str)] = &[
    ("levelname", "log.level"),
    ("level", "log.level"),
    ("name", "log.logger"),
    ("logger", "log.logger"),
    ("exc_info", "error.stack_trace"),
    ("process", "process.pid"),
    ("processName", "process.name"),
    ("thread", "process.thread.id"),
    ("threadName", "process.thread.name"),
    ("filename", "log.origin.file.name"),
    ("lineno", "log.origin.file.line"),
    ("funcName", "log.origin.function"),
    ("aws_request_id", "faas.execution"),
    ("requestId", "faas.execution"),
];

fn ecs_name(key: &str) -> Option<&'static str> {
    MAPPING.iter().find(|(k, _)| *k == key).map(|(_, e)| *e)
}

fn own(v: Value<'_>) -> Value<'static> {
    match v {
        Value::Str(s) => Value::Str(Cow::Owned(s.into_owned())),
        Value::Raw(s) => Value::Raw(Cow::Owned(s.into_owned())),
        Value::Int(n) => Value::Int(n),
        Value::Float(f) => Value::Float(f),
        Value::Bool(b) => Value::Bool(b),
        Value::Null => Value::Null,
    }
}

/// Renames a record's keys to ECS. The body becomes fields (a JSON line's
/// top-level keys are renamed too; nested values are kept verbatim), and
/// `extra` keys that ECS names are folded in.
pub(crate) fn convert<'a>(body: Body<'a>, extra: &mut Vec<(&'static str, Value<'a>)>) -> Body<'a> {
    let fields: Vec<(Cow<'a, str>, Value<'a>)> = match body {
        Body::Fields(f) => f,
        json @ Body::Json(_) => super::fit::as_fields(&json)
            .into_iter()
            .map(|(k, v)| (Cow::Owned(k.into_owned()), own(v)))
            .collect(),
    };
    // The Lambda runtime's crash record keeps its exception in `message`.
    let message: Option<String> = fields
        .iter()
        .any(|(k, _)| k == "exc_info")
        .then(|| {
            fields.iter().find_map(|(k, v)| match (k.as_ref(), v) {
                ("message", Value::Str(m)) => Some(m.to_string()),
                _ => None,
            })
        })
        .flatten();
    let mut out: Vec<(Cow<'a, str>, Value<'a>)> = Vec::with_capacity(fields.len() + 3);
    let seen = |out: &Vec<(Cow<'a, str>, Value<'a>)>, key: &str| out.iter().any(|(k, _)| k == key);
    for (key, value) in fields {
        let Some(ecs) = ecs_name(&key) else {
            out.push((key, value));
            continue;
        };
        // A record with both `levelname` and `level` keeps the first.
        if seen(&out, ecs) {
            out.push((key, value));
            continue;
        }
        let value = match (ecs, value) {
            ("log.level", Value::Str(s)) => Value::Str(Cow::Owned(s.to_lowercase())),
            (_, v) => v,
        };
        if ecs == "error.stack_trace"
            && let Value::Str(trace) = &value
            && let Some(raised) = super::exception::of_record(trace, message.as_deref())
        {
            let (kind, message) = (
                raised.type_name.to_owned(),
                raised.message.map(str::to_owned),
            );
            out.push((Cow::Borrowed(ecs), value));
            out.push((Cow::Borrowed("error.type"), Value::Str(Cow::Owned(kind))));
            if let Some(m) = message {
                out.push((Cow::Borrowed("error.message"), Value::Str(Cow::Owned(m))));
            }
            continue;
        }
        out.push((Cow::Borrowed(ecs), value));
    }
    for (key, value) in std::mem::take(extra) {
        match ecs_name(key) {
            Some(ecs) if !seen(&out, ecs) => out.push((Cow::Borrowed(ecs), value)),
            Some(_) => {}
            None => extra.push((key, value)),
        }
    }
    Body::Fields(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_json_logger_keys_become_ecs_fields_and_extras_stay() {
        let body = Body::Fields(vec![
            (
                "asctime".into(),
                Value::Str("2024-05-11 14:44:44,123".into()),
            ),
            ("levelname".into(), Value::Str("WARNING".into())),
            ("name".into(), Value::Str("app.db".into())),
            ("lineno".into(), Value::Int(42)),
            ("message".into(), Value::Str("slow".into())),
            (
                "exc_info".into(),
                Value::Str("Traceback (most recent call last):\nValueError: bad".into()),
            ),
            ("tenant".into(), Value::Str("acme".into())),
        ]);
        let mut extra = vec![
            ("aws_request_id", Value::Str("r-1".into())),
            ("continuation", Value::Bool(true)),
        ];
        let Body::Fields(f) = convert(body, &mut extra) else {
            panic!()
        };
        let keys: Vec<&str> = f.iter().map(|(k, _)| &**k).collect();
        assert_eq!(
            keys,
            [
                "asctime",
                "log.level",
                "log.logger",
                "log.origin.file.line",
                "message",
                "error.stack_trace",
                "error.type",
                "error.message",
                "tenant",
                "faas.execution"
            ]
        );
        assert_eq!(f[1].1, Value::Str("warning".into()));
        assert_eq!(f[3].1, Value::Int(42));
        assert_eq!(extra, vec![("continuation", Value::Bool(true))]);
    }

    #[test]
    fn a_json_lines_top_level_keys_are_renamed_and_nested_values_kept() {
        let body = Body::Json(r#"{"level":"INFO","logger":"auth","message":"m","requestId":"r-2","ctx":{"name":"x"}}"#.into());
        let Body::Fields(f) = convert(body, &mut Vec::new()) else {
            panic!()
        };
        let keys: Vec<&str> = f.iter().map(|(k, _)| &**k).collect();
        assert_eq!(
            keys,
            [
                "log.level",
                "log.logger",
                "message",
                "faas.execution",
                "ctx"
            ]
        );
        assert_eq!(f[4].1, Value::Raw(r#"{"name":"x"}"#.into()));
    }
}
