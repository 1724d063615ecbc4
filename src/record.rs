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

use crate::json::{write_rfc3339_millis, write_str, write_value};
pub use crate::model::{Body, Schema, Value};

/// Every record of an invocation, back to back in one buffer (each ends
/// with `\n`), with where each ends. One allocation instead of one per
/// record: less memory, and stdout gets them in a single write.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Records {
    data: Vec<u8>,
    ends: Vec<usize>,
}

impl Records {
    pub fn with_capacity(bytes: usize, records: usize) -> Records {
        Records {
            data: Vec::with_capacity(bytes),
            ends: Vec::with_capacity(records),
        }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Record `i`, `\n` included.
    pub fn get(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.data[start..self.ends[i]]
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[u8]> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Every record, concatenated, as Firehose writes them to S3.
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }

    /// Every record, concatenated, without copying them.
    pub fn into_bytes(self) -> Vec<u8> {
        self.data
    }

    /// Appends a finished record.
    pub fn push(&mut self, record: &[u8]) {
        self.data.extend_from_slice(record);
        self.ends.push(self.data.len());
    }

    /// The same bytes as fewer, larger records: consecutive records joined,
    /// newline-delimited, into records of at most `limit` bytes
    /// (`RECORD_PACKING`). Nothing is copied; only the boundaries change.
    /// A record already over `limit` stays alone.
    pub fn packed(self, limit: usize) -> Records {
        let mut ends = Vec::with_capacity(self.data.len() / limit.max(1) + 1);
        let mut start = 0;
        let mut prev = 0;
        for &end in &self.ends {
            if end - start > limit && prev > start {
                ends.push(prev);
                start = prev;
            }
            prev = end;
        }
        if prev > start {
            ends.push(prev);
        }
        Records {
            data: self.data,
            ends,
        }
    }

    /// Where the next record starts; write it into [`Records::buffer`],
    /// then [`Records::commit`] or [`Records::rollback`].
    fn start(&self) -> usize {
        self.data.len()
    }

    fn buffer(&mut self) -> &mut Vec<u8> {
        &mut self.data
    }

    fn commit(&mut self) {
        self.ends.push(self.data.len());
    }

    fn rollback(&mut self, start: usize) {
        self.data.truncate(start);
    }
}

impl FromIterator<Vec<u8>> for Records {
    fn from_iter<I: IntoIterator<Item = Vec<u8>>>(iter: I) -> Records {
        let mut r = Records::default();
        for rec in iter {
            r.push(&rec);
        }
        r
    }
}

/// The key our own metadata lives under, so it cannot collide with the
/// app's fields (a Python app never logs a `cloudwatch` attribute by itself).
pub const METADATA_KEY: &str = "cloudwatch";

/// The key for the event time. Kibana index patterns use it as time field.
pub const TIMESTAMP_KEY: &str = "@timestamp";

/// The ECS version our ECS documents follow.
pub const ECS_VERSION: &str = "8.11.0";

/// The CloudWatch log group, stream and account a delivery came from, with
/// their JSON rendered once: every record of the delivery repeats them.
#[derive(Debug, Clone)]
pub struct Source {
    pub log_group: String,
    pub log_stream: String,
    pub owner: String,
    pub schema: Schema,
    /// Python: `"log_group":"…","log_stream":"…","owner":"…","event_id":`;
    /// ECS: `"ecs.version":…,"aws.cloudwatch.log_group":…,…,"event.id":`.
    rendered: Vec<u8>,
}

impl Source {
    /// Bytes the metadata adds to each record, event id excluded.
    pub fn rendered_len(&self) -> usize {
        self.rendered.len()
    }

    pub fn new(log_group: &str, log_stream: &str, owner: &str) -> Source {
        Source::with_schema(log_group, log_stream, owner, Schema::Python)
    }

    pub fn with_schema(log_group: &str, log_stream: &str, owner: &str, schema: Schema) -> Source {
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
        Source {
            log_group: log_group.to_owned(),
            log_stream: log_stream.to_owned(),
            owner: owner.to_owned(),
            schema,
            rendered,
        }
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
    fn packing_joins_records_up_to_the_limit_exactly_and_never_splits_one() {
        let records: Records = [10usize, 20, 30, 5, 100, 1, 1]
            .iter()
            .map(|&n| vec![b'x'; n])
            .collect();
        let packed = records.clone().packed(60);
        let sizes: Vec<usize> = packed.iter().map(<[u8]>::len).collect();
        // 10+20+30 = 60 fits exactly; 5 alone before the 100 that is over;
        // the 100 alone; then 1+1.
        assert_eq!(sizes, [60, 5, 100, 2]);
        assert_eq!(packed.as_bytes(), records.as_bytes());
        assert!(Records::default().packed(60).is_empty());
    }

    #[test]
    fn non_finite_floats_become_null_so_the_document_stays_valid() {
        let v = record(&Body::Fields(vec![("x".into(), Value::Float(f64::NAN))]));
        assert!(v["x"].is_null());
    }
}

/// Marks a shortened value; says how much was cut so no one mistakes it for
/// the whole text.
fn truncation_marker(cut: usize) -> String {
    format!("…[truncated {cut} bytes]")
}

/// What fitting a record into Firehose's record limit did.
#[derive(Debug, PartialEq, Eq)]
pub enum Fit {
    /// It fit as it was.
    Whole,
    /// Its longest text was shortened, and it carries `"truncated": true`.
    Truncated,
    /// Its longest text was cut into this many records, each carrying
    /// `"split": {"index", "count"}`.
    Split(usize),
}

/// Why a record could not be made to fit.
#[derive(Debug, thiserror::Error)]
pub enum OversizeError {
    #[error(
        "record for CloudWatch event {event_id} is {size} bytes, over the {limit}-byte Firehose record limit, and OVERSIZE=fail"
    )]
    TooLarge {
        event_id: String,
        size: usize,
        limit: usize,
    },
}

/// Writes a record, then makes it fit in `limit` bytes by `policy` if it
/// doesn't. Appends one or more records to `records`.
///
/// A record is never dropped for its size. Truncation and splitting work
/// on the longest string value (for a JSON line, the longest top-level
/// string), so the document stays valid JSON and keeps its key order.
pub fn write_fitted(
    body: &Body<'_>,
    extra: &[(&str, Value<'_>)],
    meta: &Meta<'_>,
    policy: crate::model::Oversize,
    limit: usize,
    records: &mut Records,
) -> Result<Fit, OversizeError> {
    use crate::model::Oversize;
    let start = records.start();
    write_record(body, extra, meta, records.buffer());
    let size = records.start() - start;
    if size <= limit {
        records.commit();
        return Ok(Fit::Whole);
    }
    let out = records.buffer()[start..].to_vec();
    records.rollback(start);
    if policy == Oversize::Fail {
        return Err(OversizeError::TooLarge {
            event_id: meta.event_id.to_owned(),
            size,
            limit,
        });
    }
    let fields = as_fields(body);
    let longest = fields
        .iter()
        .enumerate()
        .filter_map(|(i, (_, v))| match v {
            Value::Str(s) => Some((i, s.len())),
            _ => None,
        })
        .max_by_key(|&(_, len)| len)
        .map(|(i, _)| i);
    let Some(longest) = longest else {
        records.push(&last_resort(&out, meta, limit));
        return Ok(Fit::Truncated);
    };
    let text = match &fields[longest].1 {
        Value::Str(t) => t.clone(),
        _ => Cow::Borrowed(""),
    };
    // Room the long value may take: the limit minus the rest of the record
    // and what the markers add.
    let mut skeleton = fields.clone();
    skeleton[longest].1 = Value::Str(Cow::Borrowed(""));
    let mut probe = Vec::new();
    let mut probe_extra: Vec<(&str, Value<'_>)> = extra.to_vec();
    probe_extra.push((
        "split",
        Value::Raw(Cow::Borrowed("{\"index\":99999,\"count\":99999}")),
    ));
    probe_extra.push(("truncated", Value::Bool(true)));
    write_record(&Body::Fields(skeleton), &probe_extra, meta, &mut probe);
    let room = limit.saturating_sub(probe.len() + 64);
    if room < 1024 {
        records.push(&last_resort(&out, meta, limit));
        return Ok(Fit::Truncated);
    }
    let fitted = Fitted {
        fields,
        longest,
        extra,
        meta,
    };
    Ok(match policy {
        Oversize::Split => fitted.split(&text, room, records),
        _ => fitted.truncate(&text, room, records),
    })
}

/// A record whose longest string value is about to be cut to fit.
struct Fitted<'f, 'a> {
    fields: Vec<(Cow<'a, str>, Value<'a>)>,
    longest: usize,
    extra: &'f [(&'f str, Value<'f>)],
    meta: &'f Meta<'f>,
}

impl Fitted<'_, '_> {
    /// The value cut across records of at most `room` bytes each, each
    /// marked `"split": {"index", "count"}`.
    fn split(mut self, text: &str, room: usize, records: &mut Records) -> Fit {
        let chunks = split_escaped(text, room);
        let count = chunks.len();
        for (i, chunk) in chunks.into_iter().enumerate() {
            self.fields[self.longest].1 = Value::Str(Cow::Owned(chunk.to_owned()));
            let mut extra: Vec<(&str, Value<'_>)> = self.extra.to_vec();
            let split = format!("{{\"index\":{},\"count\":{count}}}", i + 1);
            extra.push(("split", Value::Raw(Cow::Owned(split))));
            write_record(
                &Body::Fields(self.fields.clone()),
                &extra,
                self.meta,
                records.buffer(),
            );
            records.commit();
        }
        Fit::Split(count)
    }

    /// The value's start, within `room`, ending with the truncation
    /// marker; the record marked `"truncated": true`.
    fn truncate(mut self, text: &str, room: usize, records: &mut Records) -> Fit {
        let marker_room = room.saturating_sub(64);
        let keep = split_escaped(text, marker_room)
            .into_iter()
            .next()
            .unwrap_or("");
        let cut = text.len() - keep.len();
        self.fields[self.longest].1 =
            Value::Str(Cow::Owned(format!("{keep}{}", truncation_marker(cut))));
        let mut extra: Vec<(&str, Value<'_>)> = self.extra.to_vec();
        extra.push(("truncated", Value::Bool(true)));
        write_record(
            &Body::Fields(self.fields),
            &extra,
            self.meta,
            records.buffer(),
        );
        records.commit();
        Fit::Truncated
    }
}

/// A body as ordered fields. A JSON line's top-level values become raw JSON,
/// except strings, which are decoded so they can be shortened.
pub(crate) fn as_fields<'a>(body: &'a Body<'a>) -> Vec<(Cow<'a, str>, Value<'a>)> {
    match body {
        Body::Fields(f) => f.clone(),
        Body::Json(text) => {
            struct Entries;
            impl<'de> serde::de::Visitor<'de> for Entries {
                type Value = Vec<(String, Box<serde_json::value::RawValue>)>;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a JSON object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(
                    self,
                    mut map: A,
                ) -> Result<Self::Value, A::Error> {
                    let mut out = Vec::new();
                    while let Some(entry) = map.next_entry()? {
                        out.push(entry);
                    }
                    Ok(out)
                }
            }
            let mut de = serde_json::Deserializer::from_str(text);
            let Ok(entries) = serde::Deserializer::deserialize_map(&mut de, Entries) else {
                return vec![(Cow::Borrowed("message"), Value::Str(Cow::Borrowed(text)))];
            };
            entries
                .into_iter()
                .map(|(k, raw)| {
                    let v = match serde_json::from_str::<String>(raw.get()) {
                        Ok(s) => Value::Str(Cow::Owned(s)),
                        Err(_) => Value::Raw(Cow::Owned(raw.get().to_owned())),
                    };
                    (Cow::Owned(k), v)
                })
                .collect()
        }
    }
}

/// Cuts `s` into pieces whose JSON-escaped length is at most `room` bytes,
/// on character boundaries.
fn split_escaped(s: &str, room: usize) -> Vec<&str> {
    let mut pieces = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, c) in s.char_indices() {
        let escaped = match c {
            '"' | '\\' | '\n' | '\r' | '\t' | '\u{08}' | '\u{0c}' => 2,
            c if (c as u32) < 0x20 => 6,
            c => c.len_utf8(),
        };
        if size + escaped > room && i > start {
            pieces.push(&s[start..i]);
            start = i;
            size = 0;
        }
        size += escaped;
    }
    pieces.push(&s[start..]);
    pieces
}

/// When no single string can be shortened enough (say, a huge array of
/// numbers), keep the start of the whole document as the message.
fn last_resort(record: &[u8], meta: &Meta<'_>, limit: usize) -> Vec<u8> {
    let text = String::from_utf8_lossy(record);
    let room = limit.saturating_sub(1024).min(text.len());
    let keep = split_escaped(&text, room).into_iter().next().unwrap_or("");
    let cut = text.len() - keep.len();
    let body = Body::Fields(vec![(
        Cow::Borrowed("message"),
        Value::Str(Cow::Owned(format!("{keep}{}", truncation_marker(cut)))),
    )]);
    let mut out = Vec::with_capacity(limit);
    write_record(&body, &[("truncated", Value::Bool(true))], meta, &mut out);
    out
}

#[cfg(test)]
mod fit_tests {
    use super::*;
    use crate::model::Oversize;

    fn meta() -> Meta<'static> {
        static SOURCE: std::sync::OnceLock<Source> = std::sync::OnceLock::new();
        Meta {
            source: SOURCE.get_or_init(|| Source::new("g", "s", "o")),
            event_id: "e1",
            timestamp_ms: 0,
        }
    }
    const LIMIT: usize = 10_000;

    fn fit(
        body: &Body<'_>,
        policy: Oversize,
    ) -> (Result<Fit, OversizeError>, Vec<serde_json::Value>) {
        let mut records = Records::default();
        let r = write_fitted(body, &[], &meta(), policy, LIMIT, &mut records);
        for rec in records.iter() {
            assert!(rec.len() <= LIMIT, "{} > {LIMIT}", rec.len());
        }
        let docs = records
            .iter()
            .map(|r| serde_json::from_slice(r).unwrap())
            .collect();
        (r, docs)
    }

    fn big_fields(len: usize, ch: &str) -> Body<'static> {
        Body::Fields(vec![
            ("levelname".into(), Value::Str("INFO".into())),
            ("message".into(), Value::Str(ch.repeat(len).into())),
            ("lineno".into(), Value::Int(7)),
        ])
    }

    #[test]
    fn a_record_at_the_limit_is_left_whole() {
        let (r, docs) = fit(&big_fields(100, "a"), Oversize::Truncate);
        assert_eq!(r.unwrap(), Fit::Whole);
        assert!(docs[0].get("truncated").is_none());
    }

    #[test]
    fn truncation_shortens_the_longest_field_visibly_and_keeps_the_rest() {
        for ch in ["a", "\"", "\u{1}", "日"] {
            let (r, docs) = fit(&big_fields(30_000, ch), Oversize::Truncate);
            assert_eq!(r.unwrap(), Fit::Truncated);
            let d = &docs[0];
            assert_eq!(d["truncated"], true);
            assert_eq!(d["levelname"], "INFO");
            assert_eq!(d["lineno"], 7);
            let m = d["message"].as_str().unwrap();
            assert!(m.contains("…[truncated "), "{ch:?}");
            assert!(m.starts_with(ch));
        }
    }

    #[test]
    fn splitting_keeps_every_byte_across_numbered_records() {
        let body = big_fields(35_000, "é");
        let (r, docs) = fit(&body, Oversize::Split);
        let Fit::Split(n) = r.unwrap() else { panic!() };
        assert_eq!(n, docs.len());
        assert!(n >= 7);
        let joined: String = docs
            .iter()
            .map(|d| d["message"].as_str().unwrap())
            .collect();
        assert_eq!(joined, "é".repeat(35_000));
        for (i, d) in docs.iter().enumerate() {
            assert_eq!(d["split"]["index"], i + 1);
            assert_eq!(d["split"]["count"], n);
            assert_eq!(d["levelname"], "INFO");
        }
    }

    #[test]
    fn the_fail_policy_refuses_the_record_naming_its_event() {
        let mut records = Records::default();
        let err = write_fitted(
            &big_fields(30_000, "a"),
            &[],
            &meta(),
            Oversize::Fail,
            LIMIT,
            &mut records,
        )
        .unwrap_err();
        assert!(err.to_string().contains("e1"));
        assert!(records.is_empty());
    }

    #[test]
    fn a_json_line_keeps_its_key_order_when_truncated() {
        let text = format!(r#"{{"z":1,"big":"{}","a":[1,2]}}"#, "x".repeat(30_000));
        let body = Body::Json(text.into());
        let mut records = Records::default();
        write_fitted(&body, &[], &meta(), Oversize::Truncate, LIMIT, &mut records).unwrap();
        let s = String::from_utf8(records.get(0).to_vec()).unwrap();
        assert!(s.starts_with(r#"{"z":1,"big":"xxx"#), "{}", &s[..40]);
        assert!(s.contains(r#""a":[1,2]"#));
    }

    #[test]
    fn a_document_without_a_long_string_still_fits_as_a_truncated_message() {
        let nums: Vec<String> = (0..5000).map(|i| i.to_string()).collect();
        let text = format!(r#"{{"n":[{}]}}"#, nums.join(","));
        let (r, docs) = fit(&Body::Json(text.into()), Oversize::Truncate);
        assert_eq!(r.unwrap(), Fit::Truncated);
        assert_eq!(docs[0]["truncated"], true);
        assert!(
            docs[0]["message"]
                .as_str()
                .unwrap()
                .starts_with("{\"n\":[0,1,2")
        );
    }
}
