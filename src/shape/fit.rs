//! Making a record fit Firehose's record limit: truncate or split its
//! longest string value, or refuse it (`OVERSIZE`).

use std::borrow::Cow;

use super::{Meta, write_record};
use crate::model::{Body, Value};
use crate::records::Records;

/// Marks a shortened value; says how much was cut so no one mistakes it for
/// the whole text.
fn truncation_marker(cut: usize) -> String {
    format!("…[truncated {cut} bytes]")
}

/// What fitting a record into Firehose's record limit did.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Fit {
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
pub(crate) fn write_fitted(
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
        Value::Raw(Cow::Owned(split_marker(99_999, 99_999))),
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

/// `{"index":i,"count":n}`: which part of a split record this is.
fn split_marker(index: usize, count: usize) -> String {
    let mut out = Vec::with_capacity(32);
    let mut o = crate::json::Object::open(&mut out);
    o.raw("index", &index.to_string())
        .raw("count", &count.to_string());
    o.close();
    // Digits and ASCII keys only.
    String::from_utf8(out).unwrap_or_default()
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
            extra.push(("split", Value::Raw(Cow::Owned(split_marker(i + 1, count)))));
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
            let Some(entries) = crate::json::top_level(text) else {
                return vec![(Cow::Borrowed("message"), Value::Str(Cow::Borrowed(text)))];
            };
            entries
                .into_iter()
                .map(|(k, raw)| {
                    let v = match serde_json::from_str::<String>(raw.get()) {
                        Ok(s) => Value::Str(Cow::Owned(s)),
                        Err(_) => Value::Raw(Cow::Borrowed(raw.get())),
                    };
                    (k, v)
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
mod tests {
    use super::*;
    use crate::model::Oversize;
    use crate::shape::Source;

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
