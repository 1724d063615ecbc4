//! The Firehose transformation entry point: the same binary as a Firehose
//! data-transformation Lambda, for log groups subscribed straight to a
//! Firehose stream.
//!
//! Each Firehose record holds one CloudWatch delivery (gzip, or already
//! decompressed when the stream decompresses). Its documents become the
//! record's new data, newline-delimited, with `Ok`; a control message is
//! `Dropped`; a record that can't be decoded is `ProcessingFailed`, which
//! Firehose writes to the bucket's `errors/processing-failed/` prefix (the template's `ErrorOutputPrefix`), and its
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
use serde::{Deserialize, Serialize};
use tokio::time::Instant;

use super::{Kind, Outcome, Reply, Services};
use crate::json::quoted_len;
use crate::pipeline::{PREVIEW_BYTES, Pipeline, RecordError, prepare_record, preview};
use crate::records::Records;
use crate::report::Summary;
use crate::sinks::{DeliverError, FirehoseSink, Sink};

/// Lambda's limit on a synchronous response, which a transformation's
/// response is.
/// <https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html>
pub(crate) const MAX_RESPONSE_BYTES: usize = 6 * 1024 * 1024;

/// Room kept under [`MAX_RESPONSE_BYTES`] for the runtime's own framing.
pub(crate) const RESPONSE_MARGIN: usize = 64 * 1024;

/// A Firehose data-transformation event (`KinesisFirehoseEvent`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FirehoseEvent<'a> {
    #[serde(borrow)]
    pub delivery_stream_arn: Cow<'a, str>,
    #[serde(borrow)]
    pub records: Vec<FirehoseRecord<'a>>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FirehoseRecord<'a> {
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
    /// Re-ingesting what the response had no room for failed, so the
    /// whole invocation fails and Firehose retries it.
    #[error(transparent)]
    Reingest(#[from] DeliverError),
}

impl TransformError {
    pub(crate) fn error_type(&self) -> &'static str {
        match self {
            TransformError::NotAnEvent(_) => "InvalidFirehoseEvent",
            TransformError::BadArn(_) => "InvalidFirehoseEvent",
            TransformError::Reingest(e) => e.error_type(),
        }
    }
}

/// A record's result, as Firehose reads it
/// (<https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html>).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Answer {
    Ok,
    Dropped,
    ProcessingFailed,
}

impl Answer {
    /// Bytes the name takes in the response.
    fn len(self) -> usize {
        match self {
            Answer::Ok => 2,
            Answer::Dropped => 7,
            Answer::ProcessingFailed => 16,
        }
    }
}

/// One record of the response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Answered {
    pub record_id: String,
    pub result: Answer,
    pub data: String,
}

impl Answered {
    /// Bytes this entry takes in the serialised response:
    /// `{"recordId":…,"result":"…","data":…}`.
    fn len(&self) -> usize {
        33 + quoted_len(&self.record_id) + self.result.len() + quoted_len(&self.data)
    }
}

/// The transformation's response, serialised once by whoever returns it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Response {
    pub records: Vec<Answered>,
}

/// `{"records":[` and `]}`.
const RESPONSE_FRAME: usize = 14;

/// The stream name in `arn:aws:firehose:REGION:ACCOUNT:deliverystream/NAME`.
pub(crate) fn stream_name(arn: &str) -> Option<&str> {
    arn.rsplit_once(":deliverystream/")
        .map(|(_, n)| n)
        .filter(|n| !n.is_empty())
}

/// What became of one record.
#[derive(Debug, PartialEq)]
pub(crate) enum Disposition {
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
    /// The response for Firehose.
    pub response: Response,
    /// Its serialised size in bytes.
    pub response_len: usize,
    /// The invoking stream, where re-ingested records go.
    pub stream: String,
    /// Shaped documents of records answered `Dropped` for lack of room,
    /// packed into Firehose records, to be put back into the stream.
    pub reingest: Records,
    /// The counts, answers included.
    pub summary: Summary,
    /// Records dropped from the response because it was full.
    pub overflowed: usize,
}

/// Decodes one record's data into what it holds.
fn dispose(data: &str, pipeline: &Pipeline, summary: &mut Summary) -> Disposition {
    match prepare_record(data, pipeline) {
        Ok(p) if p.summary.shaped.control => {
            summary.shaped.control = true;
            Disposition::Dropped
        }
        Ok(p) => {
            summary.shaped.add(&p.summary.shaped);
            Disposition::Ok(p.records.into_bytes())
        }
        // Not gzip and not a delivery: our own re-ingested documents, or
        // another producer's data. Passed on untouched, never re-ingested.
        Err(RecordError::NotADelivery(_)) => Disposition::PassThrough,
        Err(e) => Disposition::Failed(e.to_string()),
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
    let Some(stream) = stream_name(&event.delivery_stream_arn) else {
        return Err(TransformError::BadArn(
            event.delivery_stream_arn.into_owned(),
        ));
    };
    let mut t = Transformed {
        stream: stream.to_owned(),
        response_len: RESPONSE_FRAME,
        ..Transformed::default()
    };
    let mut overflow = Vec::new();
    for record in &event.records {
        let fate = dispose(&record.data, pipeline, &mut t.summary);
        let mut answered = answer(&record.record_id, &record.data, &fate);
        let comma = usize::from(!t.response.records.is_empty());
        if t.response_len + comma + answered.len() > limit {
            answered.data.clear();
            answered.result = match fate {
                Disposition::Ok(bytes) => {
                    overflow.push(bytes);
                    t.overflowed += 1;
                    Answer::Dropped
                }
                // Our own shaped data, back from a re-ingest: never loop it
                // again. Failing it puts it in processing-failed/, not lost.
                Disposition::PassThrough | Disposition::Failed(_) => Answer::ProcessingFailed,
                Disposition::Dropped => Answer::Dropped,
            };
        }
        match answered.result {
            Answer::Ok => t.summary.transform_mut().ok += 1,
            Answer::Dropped => t.summary.transform_mut().dropped += 1,
            Answer::ProcessingFailed => t.summary.transform_mut().processing_failed += 1,
        }
        t.response_len += comma + answered.len();
        t.response.records.push(answered);
    }
    let mut reingest = Records::default();
    for bytes in overflow {
        for doc in bytes.split_inclusive(|&b| b == b'\n') {
            reingest.push(doc);
        }
    }
    t.reingest = reingest.packed(crate::sinks::firehose::batch::MAX_RECORD_BYTES);
    t.summary.shaped.outgoing = t.reingest.len();
    Ok(t)
}

/// A record's entry in the response, if there is room for it. A failed
/// record's data is returned as it came; it need not be base64 (found by
/// fuzzing: a control character there once made the response invalid JSON).
fn answer(record_id: &str, data: &str, fate: &Disposition) -> Answered {
    let (result, data) = match fate {
        Disposition::Ok(bytes) => (
            Answer::Ok,
            base64::engine::general_purpose::STANDARD.encode(bytes),
        ),
        Disposition::PassThrough => (Answer::Ok, data.to_owned()),
        Disposition::Dropped => (Answer::Dropped, String::new()),
        Disposition::Failed(why) => {
            tracing::warn!(record_id, error = %why, "record could not be transformed");
            (Answer::ProcessingFailed, data.to_owned())
        }
    };
    Answered {
        record_id: record_id.to_owned(),
        result,
        data,
    }
}

/// Runs one Firehose data-transformation invocation: transforms every
/// record, re-ingests into the invoking stream what the response has no
/// room for, and answers the response. If re-ingesting fails the whole
/// invocation fails, so Firehose retries it: nothing is answered `Dropped`
/// that isn't back in the stream.
pub(super) async fn handle(event: &[u8], services: &Services, deadline: Instant) -> Outcome {
    let t = match transform(
        event,
        &services.pipeline,
        MAX_RESPONSE_BYTES - RESPONSE_MARGIN,
    ) {
        Ok(t) => t,
        Err(err) => {
            tracing::debug!(event = %preview(event, PREVIEW_BYTES), "event that failed");
            return Outcome::new(Kind::Transform, Summary::default(), Err(err));
        }
    };
    let mut summary = t.summary;
    summary.warn();
    let counts = summary.transform_counts();
    if counts.processing_failed > 0 {
        tracing::warn!(
            failed = counts.processing_failed,
            "records answered ProcessingFailed"
        );
    }
    if t.reingest.is_empty() {
        return Outcome::new(
            Kind::Transform,
            summary,
            Ok::<_, TransformError>(Reply::Transformed(t.response)),
        );
    }
    tracing::info!(
        records = t.overflowed,
        firehose_records = t.reingest.len(),
        stream = %t.stream,
        "response full; re-ingesting shaped documents"
    );
    // Only now is a client needed; the CLI builds one only for this.
    let client = services.aws.firehose().await.clone();
    let sink = Sink::Firehose(FirehoseSink::new(client, t.stream, services.max_in_flight));
    let mut report = sink.deliver(t.reingest, deadline).await;
    summary.delivery = report.counts;
    let result = match report.error.take() {
        Some(err) => Err(TransformError::from(err)),
        None => Ok(Reply::Transformed(t.response)),
    };
    Outcome::new(Kind::Transform, summary, result)
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
        let v = serde_json::to_value(&t.response).unwrap();
        assert_eq!(
            t.response_len,
            serde_json::to_vec(&t.response).unwrap().len(),
            "the size kept while building is the serialised size"
        );
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
        assert!(super::super::is_transform(&firehose_event(&[])));
        assert!(!super::super::is_transform(br#"{"awslogs":{"data":"x"}}"#));
        assert!(!super::super::is_transform(b"not json"));
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
        let s = t.summary.transform_counts();
        assert_eq!(
            (s.ok, s.dropped, s.processing_failed, t.overflowed),
            (1, 1, 2, 0)
        );
        assert!(t.reingest.is_empty());
        assert_eq!(t.summary.shaped.records, 2);
    }

    #[test]
    fn what_does_not_fit_the_response_is_dropped_and_its_documents_reingested() {
        let line = |i: usize| format!("2024-05-11T14:44:44+0000 app INFO {i} {}", "x".repeat(200));
        let datas: Vec<String> = (0..4)
            .map(|r| cw_record((0..100).map(|i| line(r * 100 + i)).collect()))
            .collect();
        // Room for about two records' documents (each is ~70 KB in base64).
        let t = transform(&firehose_event(&datas), &pipeline(), 160_000).unwrap();
        assert!(t.response_len <= 160_000);
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
        let v = serde_json::to_value(&t.response).unwrap();
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
