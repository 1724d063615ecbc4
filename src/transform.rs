//! The Firehose transformation entry point: the same binary as a Firehose
//! data-transformation Lambda, for log groups subscribed straight to a
//! Firehose stream.
//!
//! Each Firehose record holds one CloudWatch delivery (gzip, or already
//! decompressed when the stream decompresses). Its documents become the
//! record's new data, newline-delimited, with `Ok`; a control message is
//! `Dropped`; a record that can't be decoded is `ProcessingFailed`, which
//! Firehose writes to the bucket's `processing-failed/` prefix, and its
//! reason is logged. Since Firehose maps records one to one, this mode
//! suits S3 destinations; OpenSearch needs one document per record, which
//! the subscription mode gives.
//!
//! ## The 6 MB response limit, and the re-ingest guard
//!
//! Shaped documents are several times larger than the gzip they came in,
//! so a full batch can outgrow Lambda's 6 MB response. Records that don't
//! fit are answered `Dropped` and their *shaped* documents are put back
//! into the stream with `PutRecordBatch`, packed up to 1,000 KiB per
//! record. This is what AWS's CloudWatch Logs processor blueprint does,
//! except that the blueprint re-ingests the original record, so a record
//! whose output alone is too big loops through the stream for ever. Here
//! re-ingested data is already shaped: when it comes back it is not a
//! CloudWatch delivery, so it passes through unchanged as `Ok`, and is
//! never re-ingested again.

use std::borrow::Cow;

use base64::Engine as _;
use serde::Deserialize;

use crate::decode::{self, DecodeError, MAX_DECOMPRESSED_BYTES};
use crate::handler::{HandlerError, Pipeline, Summary, prepare_payload};
use crate::record::Records;

/// Lambda's limit on a synchronous response, which a transformation's
/// response is.
/// <https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html>
pub const MAX_RESPONSE_BYTES: usize = 6 * 1024 * 1024;

/// Room kept under [`MAX_RESPONSE_BYTES`] for the runtime's own framing.
pub const RESPONSE_MARGIN: usize = 64 * 1024;

/// A Firehose data-transformation event (`KinesisFirehoseEvent`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FirehoseEvent<'a> {
    #[serde(borrow, default)]
    pub invocation_id: Cow<'a, str>,
    #[serde(borrow)]
    pub delivery_stream_arn: Cow<'a, str>,
    #[serde(borrow)]
    pub records: Vec<FirehoseRecord<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FirehoseRecord<'a> {
    #[serde(borrow)]
    pub record_id: Cow<'a, str>,
    #[serde(borrow)]
    pub data: Cow<'a, str>,
}

/// Why a transformation event was refused as a whole.
#[derive(Debug, thiserror::Error)]
pub enum TransformError {
    #[error("not a Firehose transformation event: {0}")]
    NotAnEvent(#[source] serde_json::Error),
    #[error("deliveryStreamArn {0:?} names no delivery stream")]
    BadArn(String),
    #[error("could not build the transformation response: {0}")]
    Response(#[source] serde_json::Error),
}

impl TransformError {
    pub fn kind(&self) -> &'static str {
        match self {
            TransformError::NotAnEvent(_) => "InvalidFirehoseEvent",
            TransformError::BadArn(_) => "InvalidFirehoseEvent",
            TransformError::Response(_) => "TransformResponse",
        }
    }
}

/// Whether an event is a Firehose transformation event rather than a
/// subscription delivery, told from its keys without decoding it all.
pub fn is_firehose_event(event: &[u8]) -> bool {
    // A subscription event is `{"awslogs":{"data":"<base64>"}}`, which
    // can't hold this key, so most events are told apart by one scan.
    if memchr::memmem::find(event, b"\"deliveryStreamArn\"").is_none() {
        return false;
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Probe {
        #[serde(default)]
        delivery_stream_arn: Option<serde::de::IgnoredAny>,
        #[serde(default)]
        awslogs: Option<serde::de::IgnoredAny>,
    }
    matches!(
        serde_json::from_slice::<Probe>(event),
        Ok(Probe {
            delivery_stream_arn: Some(_),
            awslogs: None
        })
    )
}

/// The stream name in `arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME`.
pub fn stream_name(arn: &str) -> Option<&str> {
    arn.rsplit_once(":deliverystream/")
        .map(|(_, n)| n)
        .filter(|n| !n.is_empty())
}

/// What became of one record.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    /// Shaped documents, newline-delimited.
    Ok(Vec<u8>),
    /// A control message: nothing to deliver.
    Dropped,
    /// Already shaped (re-ingested by us) or not a CloudWatch delivery:
    /// passed on as it came.
    PassThrough,
    /// Could not be decoded; the reason is logged.
    Failed(String),
}

/// The response, and what must be re-ingested for it to be true.
#[derive(Debug, Default)]
pub struct Transformed {
    /// The JSON response for Firehose.
    pub response: String,
    /// The invoking stream, where re-ingested records go.
    pub stream: String,
    /// Shaped documents of records answered `Dropped` for lack of room,
    /// packed into Firehose records, to be put back into the stream.
    pub reingest: Records,
    pub summary: Summary,
    /// Records answered `Ok` (passed through included), `Dropped` and
    /// `ProcessingFailed`.
    pub ok: usize,
    pub dropped: usize,
    pub failed: usize,
    /// Records dropped from the response because it was full.
    pub overflowed: usize,
}

/// Decodes one record's data into what it holds.
fn outcome(data: &str, pipeline: &Pipeline, summary: &mut Summary) -> Outcome {
    let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(data) else {
        return Outcome::Failed("record data is not valid base64".to_owned());
    };
    let payload: Cow<'_, [u8]> = if bytes.starts_with(&[0x1f, 0x8b]) {
        match decode::gunzip_capped(&bytes, MAX_DECOMPRESSED_BYTES) {
            Ok(p) => Cow::Owned(p),
            Err(e) => return Outcome::Failed(e.to_string()),
        }
    } else {
        Cow::Borrowed(&bytes)
    };
    match prepare_payload(&payload, pipeline) {
        Ok(p) if p.summary.control => {
            summary.control = true;
            Outcome::Dropped
        }
        Ok(p) => {
            add(summary, &p.summary);
            Outcome::Ok(p.records.into_bytes())
        }
        // Not gzip and not a delivery: our own re-ingested documents, or
        // another producer's data. Passed on untouched, never re-ingested.
        Err(HandlerError::Decode(DecodeError::PayloadJson(_)))
            if !bytes.starts_with(&[0x1f, 0x8b]) =>
        {
            Outcome::PassThrough
        }
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

fn add(total: &mut Summary, s: &Summary) {
    total.events += s.events;
    total.records += s.records;
    total.truncated += s.truncated;
    total.split += s.split;
    total.dropped += s.dropped;
    total.filtered += s.filtered;
    total.redacted += s.redacted;
    total.unmatched += s.unmatched;
    total.formats_matched |= s.formats_matched;
    total.formats_configured = total.formats_configured.max(s.formats_configured);
    if total.unmatched_group.is_empty() {
        total.unmatched_group.clone_from(&s.unmatched_group);
    }
}

/// Transforms every record of the event and builds the response within
/// `limit` bytes. Pure: re-ingesting is the caller's job.
pub fn transform(
    event: &[u8],
    pipeline: &Pipeline,
    limit: usize,
) -> Result<Transformed, TransformError> {
    let event: FirehoseEvent<'_> =
        serde_json::from_slice(event).map_err(TransformError::NotAnEvent)?;
    if stream_name(&event.delivery_stream_arn).is_none() {
        return Err(TransformError::BadArn(
            event.delivery_stream_arn.into_owned(),
        ));
    }
    let mut t = Transformed {
        stream: stream_name(&event.delivery_stream_arn)
            .unwrap_or_default()
            .to_owned(),
        ..Transformed::default()
    };
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut out = String::with_capacity(limit.min(1 << 20));
    out.push_str("{\"records\":[");
    let mut overflow = Vec::new();
    for (i, record) in event.records.iter().enumerate() {
        let outcome = outcome(&record.data, pipeline, &mut t.summary);
        let (result, data): (&str, Cow<'_, str>) = match &outcome {
            Outcome::Ok(bytes) => ("Ok", Cow::Owned(b64.encode(bytes))),
            Outcome::PassThrough => ("Ok", Cow::Borrowed(&*record.data)),
            Outcome::Dropped => ("Dropped", Cow::Borrowed("")),
            Outcome::Failed(why) => {
                tracing::warn!(record_id = %record.record_id, error = %why, "record could not be transformed");
                ("ProcessingFailed", Cow::Borrowed(&*record.data))
            }
        };
        // Room for this entry and the closing bytes.
        let entry = record.record_id.len() + result.len() + data.len() + 48;
        let (result, data) = if out.len() + entry + 2 > limit {
            match outcome {
                Outcome::Ok(bytes) => {
                    overflow.push(bytes);
                    t.overflowed += 1;
                    ("Dropped", Cow::Borrowed(""))
                }
                // Our own shaped data, back from a re-ingest: never loop it
                // again. Failing it puts it in processing-failed/, not lost.
                Outcome::PassThrough | Outcome::Failed(_) => {
                    ("ProcessingFailed", Cow::Borrowed(""))
                }
                Outcome::Dropped => ("Dropped", Cow::Borrowed("")),
            }
        } else {
            (result, data)
        };
        match result {
            "Ok" => t.ok += 1,
            "Dropped" => t.dropped += 1,
            _ => t.failed += 1,
        }
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"recordId\":");
        out.push_str(&serde_json::to_string(&*record.record_id).unwrap_or_else(|_| "\"\"".into()));
        out.push_str(",\"result\":\"");
        out.push_str(result);
        out.push_str("\",\"data\":");
        // Escaped, not copied: a failed record's data is returned as it
        // came, and it need not be base64 (found by fuzzing: a control
        // character there made the response invalid JSON).
        let mut escaped = Vec::with_capacity(data.len() + 2);
        crate::json::write_str(&mut escaped, &data);
        out.push_str(&String::from_utf8_lossy(&escaped));
        out.push('}');
    }
    out.push_str("]}");
    t.response = out;
    let mut reingest = Records::default();
    for bytes in overflow {
        for doc in bytes.split_inclusive(|&b| b == b'\n') {
            reingest.push(doc);
        }
    }
    t.reingest = reingest.packed(crate::batch::MAX_RECORD_BYTES);
    t.summary.firehose_records = t.reingest.len();
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn pipeline() -> Pipeline {
        Pipeline::new(&Config::default()).unwrap()
    }

    fn firehose_event(datas: &[String]) -> Vec<u8> {
        let records: Vec<serde_json::Value> = datas
            .iter()
            .enumerate()
            .map(|(i, d)| serde_json::json!({"recordId": format!("r{i}"), "approximateArrivalTimestamp": 0, "data": d}))
            .collect();
        serde_json::json!({
            "invocationId": "inv",
            "deliveryStreamArn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/logs",
            "region": "us-east-1",
            "records": records,
        })
        .to_string()
        .into_bytes()
    }

    /// What CloudWatch puts into a Firehose record: the gzip payload.
    fn cw_record(messages: Vec<String>) -> String {
        let payload = crate::encode::payload(&crate::encode::Origin::default(), messages);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut gz, &payload).unwrap();
        base64::engine::general_purpose::STANDARD.encode(gz.finish().unwrap())
    }

    fn response(t: &Transformed) -> Vec<(String, String, Vec<u8>)> {
        let v: serde_json::Value = serde_json::from_str(&t.response).unwrap();
        v["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["recordId"].as_str().unwrap().to_owned(),
                    r["result"].as_str().unwrap().to_owned(),
                    base64::engine::general_purpose::STANDARD
                        .decode(r["data"].as_str().unwrap())
                        .unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn firehose_events_are_told_from_subscription_events_by_their_keys() {
        assert!(is_firehose_event(&firehose_event(&[])));
        assert!(!is_firehose_event(br#"{"awslogs":{"data":"x"}}"#));
        assert!(!is_firehose_event(b"not json"));
        assert_eq!(
            stream_name("arn:aws:firehose:eu-west-1:1:deliverystream/a-b"),
            Some("a-b")
        );
        assert_eq!(stream_name("arn:aws:kinesis:eu-west-1:1:stream/a"), None);
    }

    #[test]
    fn each_record_becomes_its_documents_a_drop_or_a_failure() {
        let control = {
            let payload = br#"{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],"logEvents":[{"id":"","timestamp":0,"message":"CWL CONTROL MESSAGE"}]}"#;
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            std::io::Write::write_all(&mut gz, payload).unwrap();
            base64::engine::general_purpose::STANDARD.encode(gz.finish().unwrap())
        };
        let datas = vec![
            cw_record(vec![
                "2024-05-11T14:44:44+0000 app INFO one".into(),
                "2024-05-11T14:44:44+0000 app INFO two".into(),
            ]),
            control,
            base64::engine::general_purpose::STANDARD.encode([0x1f, 0x8b, 0, 1, 2]),
            "%%%".to_owned(),
        ];
        let t = transform(&firehose_event(&datas), &pipeline(), MAX_RESPONSE_BYTES).unwrap();
        let r = response(&t);
        assert_eq!(
            r.iter().map(|x| x.0.as_str()).collect::<Vec<_>>(),
            ["r0", "r1", "r2", "r3"]
        );
        assert_eq!(r[0].1, "Ok");
        let docs: Vec<serde_json::Value> = r[0]
            .2
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1]["message"], "two");
        assert_eq!(
            (r[1].1.as_str(), r[2].1.as_str(), r[3].1.as_str()),
            ("Dropped", "ProcessingFailed", "ProcessingFailed")
        );
        assert_eq!((t.ok, t.dropped, t.failed, t.overflowed), (1, 1, 2, 0));
        assert!(t.reingest.is_empty());
        assert_eq!(t.summary.records, 2);
    }

    #[test]
    fn what_does_not_fit_the_response_is_dropped_and_its_documents_reingested() {
        let line = |i: usize| format!("2024-05-11T14:44:44+0000 app INFO {i} {}", "x".repeat(200));
        let datas: Vec<String> = (0..4)
            .map(|r| cw_record((0..100).map(|i| line(r * 100 + i)).collect()))
            .collect();
        // Room for about two records' documents (each is ~70 KB in base64).
        let t = transform(&firehose_event(&datas), &pipeline(), 160_000).unwrap();
        assert!(t.response.len() <= 160_000);
        let r = response(&t);
        assert_eq!(r.len(), 4, "every record is answered");
        let ok: usize = r.iter().filter(|x| x.1 == "Ok").count();
        assert!((1..4).contains(&ok), "{ok}");
        assert_eq!(t.overflowed, 4 - ok);
        // Every document is either in the response or re-ingested, once.
        let mut messages: Vec<String> = r
            .iter()
            .flat_map(|x| {
                x.2.split(|&b| b == b'\n')
                    .filter(|l| !l.is_empty())
                    .map(|l| l.to_vec())
                    .collect::<Vec<_>>()
            })
            .chain(t.reingest.iter().flat_map(|rec| {
                rec.split(|&b| b == b'\n')
                    .filter(|l| !l.is_empty())
                    .map(|l| l.to_vec())
                    .collect::<Vec<_>>()
            }))
            .map(|l| {
                serde_json::from_slice::<serde_json::Value>(&l).unwrap()["message"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        messages.sort();
        let mut want: Vec<String> = (0..400)
            .map(|i| format!("{i} {}", "x".repeat(200)))
            .collect();
        want.sort();
        assert_eq!(messages, want);
    }

    /// Found by `cargo fuzz run transform`; input:
    /// tests/fuzz-regressions/transform-control-char-in-data.
    #[test]
    fn a_record_whose_data_is_not_base64_fails_and_the_response_stays_valid_json() {
        let event = serde_json::json!({
            "deliveryStreamArn": "arn:aws:firehose:us-east-1:1:deliverystream/s",
            "records": [{"recordId": "a", "data": "\u{1}\"quoted\"\n"}],
        })
        .to_string();
        let t = transform(event.as_bytes(), &pipeline(), MAX_RESPONSE_BYTES).unwrap();
        let v: serde_json::Value = serde_json::from_str(&t.response).unwrap();
        assert_eq!(v["records"][0]["result"], "ProcessingFailed");
        assert_eq!(v["records"][0]["data"], "\u{1}\"quoted\"\n");
    }

    #[test]
    fn reingested_documents_come_back_through_untouched_and_are_never_reingested_again() {
        let docs = b"{\"message\":\"already shaped\",\"cloudwatch\":{}}\n{\"message\":\"two\"}\n";
        let data = base64::engine::general_purpose::STANDARD.encode(docs);
        let t = transform(
            &firehose_event(std::slice::from_ref(&data)),
            &pipeline(),
            MAX_RESPONSE_BYTES,
        )
        .unwrap();
        let r = response(&t);
        assert_eq!((r[0].1.as_str(), r[0].2.as_slice()), ("Ok", &docs[..]));
        // Even when the response is full, it is failed, not re-ingested.
        let t = transform(&firehose_event(&[data]), &pipeline(), 40).unwrap();
        assert_eq!(response(&t)[0].1, "ProcessingFailed");
        assert!(t.reingest.is_empty());
    }
}
