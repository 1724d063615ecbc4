//! Encoding: wrapping a log file into a CloudWatch Logs subscription event,
//! the inverse of decoding (`decode`).
//!
//! This is how the sample events in `events/` are made, and how users turn
//! their own logs into events to try the forwarder on.

use std::io::Write as _;

use base64::Engine as _;
use serde::Serialize;

/// Where the generated events claim to come from.
#[derive(Debug, Clone)]
pub struct Origin {
    pub log_group: String,
    pub log_stream: String,
    pub owner: String,
    /// Timestamp of the first event, in ms since the epoch. Later records
    /// are [`RECORD_GAP_MS`] apart, the lines of one record in its own
    /// millisecond (see [`stamps`]), so order survives sorting by time.
    pub start_ms: i64,
}

impl Default for Origin {
    fn default() -> Self {
        Origin {
            log_group: "/aws/lambda/example".to_owned(),
            log_stream: "2024/05/11/[$LATEST]0123456789abcdef0123456789abcdef".to_owned(),
            owner: "123456789012".to_owned(),
            start_ms: 1_715_438_684_000,
        }
    }
}

/// How lines become CloudWatch events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// One event per non-empty line, as the ECS `awslogs` driver and a
    /// `StreamHandler` on stdout produce. CloudWatch stores no empty
    /// event, so blank lines are skipped.
    PerLine,
    /// One event per record, with its lines joined by `\n` and a trailing
    /// `\n`, as the Lambda runtime produces. A record starts at each line
    /// for which the given rule returns true.
    PerRecord,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Payload<'a> {
    message_type: &'static str,
    owner: &'a str,
    log_group: &'a str,
    log_stream: &'a str,
    subscription_filters: [&'static str; 1],
    log_events: Vec<Event>,
}

#[derive(Serialize)]
struct Event {
    id: String,
    timestamp: i64,
    message: String,
}

/// Splits log text into event messages.
pub fn messages(
    text: &str,
    grouping: Grouping,
    mut starts_record: impl FnMut(&str) -> bool,
) -> Vec<String> {
    let lines = text.lines();
    match grouping {
        Grouping::PerLine => lines.filter(|l| !l.is_empty()).map(str::to_owned).collect(),
        Grouping::PerRecord => {
            let mut records: Vec<Vec<&str>> = Vec::new();
            for line in lines {
                match records.last_mut() {
                    Some(record) if !starts_record(line) => record.push(line),
                    _ if line.is_empty() => {}
                    _ => records.push(vec![line]),
                }
            }
            records
                .into_iter()
                .map(|mut r| {
                    while r.last().is_some_and(|l| l.is_empty()) {
                        r.pop();
                    }
                    let mut m = r.join("\n");
                    m.push('\n');
                    m
                })
                .collect()
        }
    }
}

/// How far apart `encode` stamps records: further than the parser's
/// same-write window (`SAME_WRITE_MS`, 1 ms), as separate writes of a real
/// stream are, so `encode app.log | invoke -` joins lines into records
/// exactly where a real stream would be joined, and nowhere else.
pub const RECORD_GAP_MS: i64 = 10;

/// Each event's timestamp offset from the first: every line of one record
/// (a record starts where `starts_record` says, as for
/// [`Grouping::PerRecord`]) in the record's millisecond, as CloudWatch
/// stamps the lines of one write, and records [`RECORD_GAP_MS`] apart.
/// With [`Grouping::PerRecord`] each event is a record.
pub fn stamps(
    messages: &[String],
    grouping: Grouping,
    mut starts_record: impl FnMut(&str) -> bool,
) -> Vec<i64> {
    let mut at = -RECORD_GAP_MS;
    messages
        .iter()
        .enumerate()
        .map(|(i, m)| {
            if i == 0 || grouping == Grouping::PerRecord || starts_record(m) {
                at += RECORD_GAP_MS;
            }
            at
        })
        .collect()
}

/// A CloudWatch-style event id: 56 decimal digits, unique per event.
pub fn event_id(timestamp_ms: i64, index: usize) -> String {
    format!("{:020}{:036}", timestamp_ms.unsigned_abs(), index)
}

/// Builds the decompressed payload JSON of a `DATA_MESSAGE`, its events
/// 1 ms apart.
pub fn payload(origin: &Origin, messages: Vec<String>) -> Vec<u8> {
    let offsets: Vec<i64> = (0..messages.len() as i64).collect();
    payload_at(origin, messages, &offsets)
}

/// [`payload`] with each event's timestamp offset given ([`stamps`]).
pub fn payload_at(origin: &Origin, messages: Vec<String>, offsets: &[i64]) -> Vec<u8> {
    let log_events = messages
        .into_iter()
        .zip(offsets)
        .enumerate()
        .map(|(i, (message, offset))| {
            let timestamp = origin.start_ms + offset;
            Event {
                id: event_id(timestamp, i),
                timestamp,
                message,
            }
        })
        .collect();
    let payload = Payload {
        message_type: "DATA_MESSAGE",
        owner: &origin.owner,
        log_group: &origin.log_group,
        log_stream: &origin.log_stream,
        subscription_filters: ["logs-to-firehose"],
        log_events,
    };
    serde_json::to_vec(&payload).unwrap_or_default()
}

/// Wraps payload bytes as the Lambda event: gzip, then padded base64, as
/// CloudWatch does. The gzip header carries no timestamp, so the same input
/// always gives the same event.
pub fn event(payload: &[u8]) -> Vec<u8> {
    let data = gzip_base64(payload);
    let mut out = Vec::with_capacity(data.len() + 32);
    out.extend_from_slice(b"{\"awslogs\":{\"data\":\"");
    out.extend_from_slice(data.as_bytes());
    out.extend_from_slice(b"\"}}\n");
    out
}

fn gzip_base64(payload: &[u8]) -> String {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = gz.write_all(payload);
    let compressed = gz.finish().unwrap_or_default();
    base64::engine::general_purpose::STANDARD.encode(compressed)
}

/// The stream a Firehose transformation sample claims to come from.
pub const SAMPLE_STREAM_ARN: &str = "arn:aws:firehose:us-east-1:123456789012:deliverystream/logs";

/// Wraps payloads as a Firehose data-transformation event, one record per
/// payload, as Firehose sends a log group's subscription deliveries to its
/// transformation Lambda (each record's data is the gzip payload).
pub fn firehose_event(payloads: &[Vec<u8>], stream_arn: &str) -> Vec<u8> {
    let records: Vec<serde_json::Value> = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| {
            serde_json::json!({
                "recordId": format!("{i:056}"),
                "approximateArrivalTimestamp": 1_715_438_684_000i64 + i as i64,
                "data": gzip_base64(p),
            })
        })
        .collect();
    let event = serde_json::json!({
        "invocationId": "00000000-0000-0000-0000-000000000000",
        "deliveryStreamArn": stream_arn,
        "region": stream_arn.split(':').nth(3).unwrap_or("us-east-1"),
        "records": records,
    });
    let mut out = serde_json::to_vec(&event).unwrap_or_default();
    out.push(b'\n');
    out
}

/// The stream a Kinesis sample claims to come from.
pub const SAMPLE_KINESIS_ARN: &str = "arn:aws:kinesis:us-east-1:123456789012:stream/central-logs";

/// Wraps payloads as the Kinesis event Lambda's event source mapping sends
/// for a stream fed by a CloudWatch Logs destination: one stream record per
/// payload, each record's data the gzip payload, as the destination writes
/// it
/// (<https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html>).
pub fn kinesis_event(payloads: &[Vec<u8>], stream_arn: &str) -> Vec<u8> {
    let region = stream_arn.split(':').nth(3).unwrap_or("us-east-1");
    let records: Vec<serde_json::Value> = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let sequence = format!("4959{i:052}");
            serde_json::json!({
                "kinesis": {
                    "kinesisSchemaVersion": "1.0",
                    "partitionKey": format!("{i}"),
                    "sequenceNumber": sequence,
                    "data": gzip_base64(p),
                    "approximateArrivalTimestamp": 1_715_438_684.0 + i as f64,
                },
                "eventSource": "aws:kinesis",
                "eventVersion": "1.0",
                "eventID": format!("shardId-000000000000:{sequence}"),
                "eventName": "aws:kinesis:record",
                "invokeIdentityArn": "arn:aws:iam::123456789012:role/logs-to-firehose",
                "awsRegion": region,
                "eventSourceARN": stream_arn,
            })
        })
        .collect();
    let mut out =
        serde_json::to_vec(&serde_json::json!({ "Records": records })).unwrap_or_default();
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode;

    fn never(_: &str) -> bool {
        false
    }

    #[test]
    fn per_line_skips_blank_lines_because_cloudwatch_stores_no_empty_event() {
        let m = messages("a\n\nb\r\nc", Grouping::PerLine, never);
        assert_eq!(m, ["a", "b", "c"]);
    }

    #[test]
    fn per_record_joins_continuation_lines_and_ends_each_record_with_a_newline() {
        let starts = |l: &str| l.starts_with('[');
        let text = "[INFO] one\n[ERROR] two\nTraceback (most recent call last):\n  File \"x\"\n\nValueError\n\n[INFO] three\n";
        let m = messages(text, Grouping::PerRecord, starts);
        assert_eq!(
            m,
            [
                "[INFO] one\n",
                "[ERROR] two\nTraceback (most recent call last):\n  File \"x\"\n\nValueError\n",
                "[INFO] three\n"
            ]
        );
    }

    #[test]
    fn records_are_stamped_apart_and_the_lines_of_one_record_share_its_millisecond() {
        let lines: Vec<String> = ["INFO a", "  detail", "INFO b", "INFO c"]
            .map(String::from)
            .into();
        let starts = |l: &str| l.starts_with("INFO");
        assert_eq!(
            stamps(&lines, Grouping::PerLine, starts),
            [0, 0, RECORD_GAP_MS, 2 * RECORD_GAP_MS]
        );
        assert_eq!(
            stamps(&lines[..2], Grouping::PerRecord, starts),
            [0, RECORD_GAP_MS]
        );
        // Wider than the parser's same-write window, so records stay apart.
        const { assert!(RECORD_GAP_MS > crate::parse::SAME_WRITE_MS) };
    }

    #[test]
    fn an_encoded_event_decodes_back_to_the_same_messages() {
        let origin = Origin::default();
        let event = event(&payload(&origin, vec!["a\tb".into(), "ü \"q\"".into()]));
        let bytes = decode::decompress(&event).unwrap();
        let d = decode::parse_delivery(&bytes).unwrap();
        assert_eq!(d.log_group, origin.log_group);
        assert_eq!(d.log_events[1].message, "ü \"q\"");
        assert_eq!(d.log_events[1].timestamp, origin.start_ms + 1);
        assert_eq!(d.log_events[1].id.len(), 56);
    }

    #[test]
    fn an_encoded_event_is_read_the_same_by_aws_lambda_events() {
        // An independent decoder agrees with ours about what we encode.
        let event = event(&payload(&Origin::default(), vec!["hello".into()]));
        let parsed: aws_lambda_events::cloudwatch_logs::LogsEvent =
            serde_json::from_slice(&event).unwrap();
        assert_eq!(parsed.aws_logs.data.log_events[0].message, "hello");
        assert_eq!(parsed.aws_logs.data.message_type, "DATA_MESSAGE");
    }

    #[test]
    fn encoding_is_deterministic() {
        let p = payload(&Origin::default(), vec!["x".into()]);
        assert_eq!(event(&p), event(&p));
    }
}
