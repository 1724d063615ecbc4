//! The handler: decode → parse → shape → batch → deliver, and the
//! [`Summary`] of what happened.
//!
//! [`prepare`] is the whole CPU path and is synchronous and pure, so tests
//! and benchmarks call it directly. [`handle`] adds delivery, the only step
//! that does I/O.

use tokio::time::Instant;

use crate::batch::{self, MAX_RECORD_BYTES};
use crate::config::{Config, Oversize};
use crate::decode::{self, DecodeError, MessageType};
use crate::deliver::{DeliverError, Sink};
use crate::filter::Filter;
use crate::parse::{ParseError, Parsers};
use crate::record::{self, Body, Fit, Meta, OversizeError, Records, Schema, Source};
use crate::redact::Redactor;

/// Everything the CPU path needs, built once at start-up from the
/// configuration and shared by every invocation.
#[derive(Debug, Clone)]
pub struct Pipeline {
    pub parser: Parsers,
    pub filter: Filter,
    pub redactor: Redactor,
    pub oversize: Oversize,
    pub schema: Schema,
    pub record_packing: bool,
}

impl Pipeline {
    pub fn new(config: &Config) -> Result<Pipeline, ParseError> {
        Ok(Pipeline {
            parser: Parsers::new(config)?,
            filter: config.filter.clone(),
            redactor: config.redactor.clone(),
            oversize: config.oversize,
            schema: config.schema,
            record_packing: config.record_packing,
        })
    }
}

/// Why an invocation failed. Wraps each stage's own error.
#[derive(Debug, thiserror::Error)]
pub enum HandlerError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(transparent)]
    Oversize(#[from] OversizeError),
    #[error(transparent)]
    Deliver(#[from] DeliverError),
    #[error(transparent)]
    Transform(#[from] crate::transform::TransformError),
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
}

impl HandlerError {
    /// A stable name for the error, used as the Lambda `errorType`.
    pub fn kind(&self) -> &'static str {
        match self {
            HandlerError::Decode(e) => e.kind(),
            HandlerError::Oversize(_) => "RecordTooLarge",
            HandlerError::Deliver(e) => e.kind(),
            HandlerError::Transform(e) => e.kind(),
            HandlerError::Config(_) => "ConfigurationError",
        }
    }
}

impl From<HandlerError> for lambda_runtime::Diagnostic {
    fn from(err: HandlerError) -> Self {
        lambda_runtime::Diagnostic {
            error_type: err.kind().to_owned(),
            error_message: err.to_string(),
        }
    }
}

/// What one invocation did. Logged as one line, and as metrics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// CloudWatch events in the delivery.
    pub events: usize,
    /// Documents shaped (one per log record, more if split).
    pub records: usize,
    /// Firehose records they travel in: the same number, or fewer with
    /// `RECORD_PACKING`. `sent` and `failed` count these.
    pub firehose_records: usize,
    /// Firehose records accepted (or written to stdout).
    pub sent: usize,
    /// `PutRecordBatch` calls made, retries included.
    pub calls: usize,
    /// Records sent again after a failure.
    pub retried: usize,
    /// Records shortened to fit Firehose's record limit.
    pub truncated: usize,
    /// Records cut into several to fit Firehose's record limit.
    pub split: usize,
    /// Events dropped on purpose by configuration (`LAMBDA_PLATFORM_LINES`).
    pub dropped: usize,
    /// Records dropped by the filters (`MIN_LEVEL`, `INCLUDE_PATTERN`,
    /// `EXCLUDE_PATTERN`, `EXCLUDE_LOGGERS`).
    pub filtered: usize,
    /// Records in which redaction masked something.
    pub redacted: usize,
    /// Firehose records that were never delivered.
    pub failed: usize,
    /// Text records that no configured `PYTHON_LOG_FORMAT` matched, kept
    /// as `{"message": text}`: the sign of a wrong format or datefmt.
    pub unmatched: usize,
    /// Bit `i`: configured format `i` matched at least one record.
    pub formats_matched: u64,
    /// How many formats the delivery's log group has configured (0 for
    /// auto-detection), for the unmatched warning.
    pub formats_configured: usize,
    /// The log group of the unmatched records, for the warning.
    pub unmatched_group: String,
    /// Whether this was a CloudWatch control message.
    pub control: bool,
}

/// How much of an event a DEBUG log shows.
pub const PREVIEW_BYTES: usize = 256;

/// The first `max` bytes of `bytes` as text, saying how much was left out.
pub fn preview(bytes: &[u8], max: usize) -> String {
    let shown = String::from_utf8_lossy(&bytes[..bytes.len().min(max)]).into_owned();
    match bytes.len().checked_sub(max) {
        Some(more) if more > 0 => format!("{shown}…[{more} more bytes]"),
        _ => shown,
    }
}

/// Deadlines below this (2001-09-09 in ms since the epoch) are not
/// timestamps. Real Lambda sends the epoch time at which the invocation
/// times out; some local emulators (cargo-lambda 1.9's `watch` among them)
/// send the timeout itself, e.g. `600000`.
pub const PLAUSIBLE_DEADLINE_MS: u64 = 1_000_000_000_000;

/// Time left before an invocation's deadline, from the runtime's
/// `Lambda-Runtime-Deadline-Ms` and the current time, both in ms since the
/// epoch. A deadline that is really a duration is read as one, so local
/// runs under an emulator behave like Lambda; a deadline already past
/// leaves no time at all.
pub fn remaining_time(deadline_ms: u64, now_ms: u64) -> std::time::Duration {
    let ms = if deadline_ms < PLAUSIBLE_DEADLINE_MS {
        deadline_ms
    } else {
        deadline_ms.saturating_sub(now_ms)
    };
    std::time::Duration::from_millis(ms)
}

/// The CloudWatch metric namespace the summary counts are published in.
pub const METRICS_NAMESPACE: &str = "LogsToFirehose";

impl Summary {
    /// The counts as one CloudWatch Embedded Metric Format document
    /// (<https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html>),
    /// with the function name as the only dimension so the metrics stay
    /// cheap however many log groups feed the function.
    pub fn emf(&self, function: &str, timestamp_ms: i64, failed_invocation: bool) -> String {
        let counts = [
            ("Events", self.events),
            ("Records", self.records),
            ("FirehoseRecords", self.firehose_records),
            ("Sent", self.sent),
            ("Calls", self.calls),
            ("Retried", self.retried),
            ("Truncated", self.truncated),
            ("Split", self.split),
            ("Dropped", self.dropped),
            ("Filtered", self.filtered),
            ("Redacted", self.redacted),
            ("Unmatched", self.unmatched),
            ("Failed", self.failed),
            ("FailedInvocations", usize::from(failed_invocation)),
        ];
        let mut metrics = Vec::with_capacity(counts.len());
        let mut doc = serde_json::Map::new();
        doc.insert("FunctionName".into(), function.into());
        for (name, value) in counts {
            metrics.push(serde_json::json!({"Name": name, "Unit": "Count"}));
            doc.insert(name.into(), value.into());
        }
        doc.insert(
            "_aws".into(),
            serde_json::json!({
                "Timestamp": timestamp_ms,
                "CloudWatchMetrics": [{
                    "Namespace": METRICS_NAMESPACE,
                    "Dimensions": [["FunctionName"]],
                    "Metrics": metrics,
                }],
            }),
        );
        serde_json::Value::Object(doc).to_string()
    }
}

impl Summary {
    /// The warning for a delivery in which some configured format matched
    /// nothing while records went unmatched: the sign of a wrong format or
    /// `datefmt`. It names the idle formats by position (from 1, as listed
    /// in `PYTHON_LOG_FORMAT`). `None` when every format matched something:
    /// the unmatched records are then plain output such as `print()`, and
    /// only counted.
    pub fn unmatched_warning(&self, configured: usize) -> Option<String> {
        if self.unmatched == 0 || configured == 0 {
            return None;
        }
        let idle: Vec<String> = (0..configured.min(64))
            .filter(|&i| self.formats_matched & (1u64 << i) == 0)
            .map(|i| (i + 1).to_string())
            .collect();
        let which = match idle.len() {
            0 => return None,
            n if n == configured => format!(
                "no format (of {configured}) matched any record: check the formats and datefmt (PYTHON_LOG_FORMAT, or the group's LOG_GROUP_FORMATS entry)"
            ),
            _ => format!(
                "formats {} (of {configured}) matched no record",
                idle.join(", ")
            ),
        };
        Some(format!(
            "{} records of log group {:?} matched no configured format and were kept as plain messages; {which}",
            self.unmatched, self.unmatched_group
        ))
    }

    /// Logs [`Summary::unmatched_warning`], once per invocation.
    fn warn_unmatched(&self) {
        if let Some(w) = self.unmatched_warning(self.formats_configured) {
            tracing::warn!(unmatched = self.unmatched, "{w}");
        }
    }

    /// Takes delivery's counts, and its error as the invocation's.
    fn delivered(mut self, report: crate::deliver::Report) -> (Summary, Result<(), HandlerError>) {
        self.sent = report.sent;
        self.calls = report.calls;
        self.retried = report.retried;
        self.failed = report.failed;
        match report.error {
            Some(err) => (self, Err(HandlerError::Deliver(err))),
            None => (self, Ok(())),
        }
    }
}

/// The CPU half of an invocation: the records to send, in order, and the
/// batches to send them in.
#[derive(Debug, Default)]
pub struct Prepared {
    pub records: Records,
    pub batches: Vec<std::ops::Range<usize>>,
    pub summary: Summary,
}

/// Decodes, parses and shapes one event into records and batches.
pub fn prepare(event: &[u8], pipeline: &Pipeline) -> Result<Prepared, HandlerError> {
    let payload = decode::decompress(event)?;
    prepare_payload(&payload, pipeline)
}

/// Parses and shapes one decompressed payload (the subscription JSON).
/// Shared by the subscription handler and the Firehose transformation.
pub fn prepare_payload(payload: &[u8], pipeline: &Pipeline) -> Result<Prepared, HandlerError> {
    let Pipeline {
        parser: parsers,
        filter,
        redactor,
        oversize,
        schema,
        record_packing,
    } = pipeline;
    let delivery = decode::parse_delivery(payload)?;
    let mut summary = Summary {
        events: delivery.log_events.len(),
        ..Summary::default()
    };
    if delivery.message_type == MessageType::ControlMessage {
        summary.control = true;
        return Ok(Prepared {
            summary,
            ..Prepared::default()
        });
    }
    let source = Source::with_schema(
        &delivery.log_group,
        &delivery.log_stream,
        &delivery.owner,
        *schema,
    );
    // Records are about the payload's size plus metadata per event; sizing
    // the buffer up front avoids growing (and briefly doubling) it.
    let per_event = source.rendered_len() + 96;
    let mut records = Records::with_capacity(
        payload.len() + delivery.log_events.len() * per_event,
        delivery.log_events.len(),
    );
    let mut oversize_error = None;
    let parser = parsers.for_group(&delivery.log_group);
    let stats = parser.parse_each(&delivery, |mut p| {
        if oversize_error.is_some() {
            return;
        }
        if !filter.keeps(&p.body) {
            summary.filtered += 1;
            return;
        }
        if redactor.redact_body(&mut p.body) {
            summary.redacted += 1;
        }
        if *schema == Schema::Ecs {
            p.body = crate::ecs::convert(std::mem::replace(&mut p.body, Body::Fields(Vec::new())), &mut p.extra);
        }
        let event = &delivery.log_events[p.event];
        let meta = Meta {
            source: &source,
            event_id: &event.id,
            timestamp_ms: event.timestamp,
        };
        match record::write_fitted(&p.body, &p.extra, &meta, *oversize, MAX_RECORD_BYTES, &mut records) {
            Ok(Fit::Whole) => {}
            Ok(Fit::Truncated) => {
                summary.truncated += 1;
                tracing::warn!(event_id = %event.id, "record over the Firehose record limit was truncated");
            }
            Ok(Fit::Split(parts)) => {
                summary.split += 1;
                tracing::warn!(event_id = %event.id, parts, "record over the Firehose record limit was split");
            }
            Err(err) => oversize_error = Some(err),
        }
    });
    if let Some(err) = oversize_error {
        return Err(err.into());
    }
    summary.dropped = stats.dropped;
    summary.unmatched = stats.unmatched;
    summary.formats_matched = stats.formats_matched;
    summary.formats_configured = parser.configured_formats();
    if stats.unmatched > 0 {
        summary.unmatched_group = delivery.log_group.to_string();
    }
    summary.records = records.len();
    if *record_packing {
        records = records.packed(MAX_RECORD_BYTES);
    }
    summary.firehose_records = records.len();
    let sizes: Vec<usize> = records.iter().map(<[u8]>::len).collect();
    let batches = batch::plan(&sizes);
    Ok(Prepared {
        records,
        batches,
        summary,
    })
}

/// Runs one invocation end to end. `deadline` bounds every retry.
///
/// The summary comes back even when the invocation fails, because the
/// counts matter most then.
pub async fn handle(
    event: &[u8],
    pipeline: &Pipeline,
    sink: &Sink,
    deadline: Instant,
) -> (Summary, Result<(), HandlerError>) {
    let prepared = match prepare(event, pipeline) {
        Ok(p) => p,
        Err(err) => {
            // Logs may hold secrets, so the event itself is only shown at
            // DEBUG, and only its beginning.
            tracing::debug!(event = %preview(event, PREVIEW_BYTES), "event that failed");
            return (Summary::default(), Err(err));
        }
    };
    let summary = prepared.summary;
    summary.warn_unmatched();
    let report = sink
        .deliver(prepared.records, prepared.batches, deadline)
        .await;
    summary.delivered(report)
}

/// Runs one Firehose data-transformation invocation: transforms every
/// record, re-ingests into the invoking stream what the response has no
/// room for (with the client `client` gives), and returns the response. If re-ingesting fails the whole
/// invocation fails, so Firehose retries it: nothing is answered `Dropped`
/// that isn't back in the stream.
pub async fn handle_transformation(
    event: &[u8],
    pipeline: &Pipeline,
    client: impl AsyncFnOnce() -> aws_sdk_firehose::Client,
    max_in_flight: usize,
    deadline: Instant,
) -> (Summary, Result<String, HandlerError>) {
    use crate::transform::{self, MAX_RESPONSE_BYTES, RESPONSE_MARGIN};
    let t = match transform::transform(event, pipeline, MAX_RESPONSE_BYTES - RESPONSE_MARGIN) {
        Ok(t) => t,
        Err(err) => {
            tracing::debug!(event = %preview(event, PREVIEW_BYTES), "event that failed");
            return (Summary::default(), Err(err.into()));
        }
    };
    let summary = t.summary;
    summary.warn_unmatched();
    if t.failed > 0 {
        tracing::warn!(failed = t.failed, "records answered ProcessingFailed");
    }
    if t.reingest.is_empty() {
        return (summary, Ok(t.response));
    }
    let stream = t.stream;
    tracing::info!(
        records = t.overflowed,
        firehose_records = t.reingest.len(),
        %stream,
        "response full; re-ingesting shaped documents"
    );
    let sizes: Vec<usize> = t.reingest.iter().map(<[u8]>::len).collect();
    let batches = batch::plan(&sizes);
    // Only now is a client needed; the CLI builds one only for this.
    let sink = Sink::Firehose(crate::deliver::FirehoseSink::new(
        client().await,
        stream,
        max_in_flight,
    ));
    let report = sink.deliver(t.reingest, batches, deadline).await;
    let (summary, result) = summary.delivered(report);
    (summary, result.map(|()| t.response))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn event_with(messages: Vec<String>) -> Vec<u8> {
        let origin = crate::encode::Origin::default();
        crate::encode::event(&crate::encode::payload(&origin, messages))
    }

    fn pipeline(oversize: Oversize) -> Pipeline {
        Pipeline::new(&Config {
            oversize,
            ..Config::default()
        })
        .unwrap()
    }

    #[test]
    fn a_record_over_the_firehose_limit_is_truncated_and_counted_not_dropped() {
        let big = format!(
            "2024-05-11T14:44:44+0000 app INFO {}",
            "x".repeat(MAX_RECORD_BYTES + 10)
        );
        let p = prepare(
            &event_with(vec!["small".into(), big]),
            &pipeline(Oversize::Truncate),
        )
        .unwrap();
        assert_eq!(p.summary.records, 2);
        assert_eq!(p.summary.truncated, 1);
        assert!(p.records.iter().all(|r| r.len() <= MAX_RECORD_BYTES));
        assert_eq!(p.batches, vec![0..2]);
    }

    #[test]
    fn with_record_packing_ten_thousand_documents_travel_in_a_few_records_of_the_same_bytes() {
        let messages: Vec<String> = (0..10_000)
            .map(|i| {
                format!(
                    "2024-05-11T14:44:44+0000 app INFO line {i} {}",
                    "x".repeat(250)
                )
            })
            .collect();
        let event = event_with(messages);
        let plain = prepare(&event, &pipeline(Oversize::Truncate)).unwrap();
        let mut packing = pipeline(Oversize::Truncate);
        packing.record_packing = true;
        let packed = prepare(&event, &packing).unwrap();
        assert_eq!(packed.summary.records, 10_000);
        let bytes = plain.records.as_bytes().len();
        assert_eq!(
            packed.summary.firehose_records,
            bytes.div_ceil(MAX_RECORD_BYTES)
        );
        assert_eq!(packed.records.as_bytes(), plain.records.as_bytes());
        assert!(
            packed
                .records
                .iter()
                .all(|r| r.len() <= MAX_RECORD_BYTES && r.ends_with(b"\n"))
        );
        assert_eq!(plain.summary.firehose_records, 10_000);
    }

    #[test]
    fn with_the_fail_policy_an_oversize_record_fails_the_whole_invocation() {
        let big = "y".repeat(MAX_RECORD_BYTES + 10);
        let err = prepare(&event_with(vec![big]), &pipeline(Oversize::Fail)).unwrap_err();
        assert_eq!(err.kind(), "RecordTooLarge");
    }

    #[test]
    fn a_control_message_prepares_nothing_to_send() {
        let payload = br#"{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],"logEvents":[{"id":"","timestamp":0,"message":"CWL CONTROL MESSAGE"}]}"#;
        let p = prepare(
            &crate::encode::event(payload),
            &pipeline(Oversize::Truncate),
        )
        .unwrap();
        assert!(p.summary.control);
        assert!(p.records.is_empty() && p.batches.is_empty());
    }

    #[test]
    fn a_preview_shows_only_the_beginning_and_says_how_much_is_hidden() {
        assert_eq!(preview(b"abcdef", 4), "abcd…[2 more bytes]");
        assert_eq!(preview(b"abc", 4), "abc");
        assert_eq!(preview(b"abcd", 4), "abcd");
    }

    #[test]
    fn a_real_deadline_leaves_the_time_until_it() {
        let now = 1_715_438_684_000;
        assert_eq!(remaining_time(now + 2500, now), Duration::from_millis(2500));
        assert_eq!(remaining_time(now - 1, now), Duration::ZERO);
    }

    #[test]
    fn an_emulators_relative_deadline_is_read_as_a_duration() {
        assert_eq!(
            remaining_time(600_000, 1_715_438_684_000),
            Duration::from_secs(600)
        );
    }

    #[test]
    fn the_summary_becomes_an_embedded_metric_format_document() {
        let s = Summary {
            events: 10,
            records: 9,
            sent: 8,
            failed: 1,
            dropped: 1,
            ..Summary::default()
        };
        let v: serde_json::Value = serde_json::from_str(&s.emf("fn", 1234, true)).unwrap();
        assert_eq!(v["_aws"]["Timestamp"], 1234);
        let cw = &v["_aws"]["CloudWatchMetrics"][0];
        assert_eq!(cw["Namespace"], METRICS_NAMESPACE);
        assert_eq!(cw["Dimensions"][0][0], "FunctionName");
        // Every metric named in the directive has a value in the document.
        for m in cw["Metrics"].as_array().unwrap() {
            let name = m["Name"].as_str().unwrap();
            assert!(v[name].is_number(), "{name}");
        }
        assert_eq!(v["FunctionName"], "fn");
        assert_eq!(v["Sent"], 8);
        assert_eq!(v["Failed"], 1);
        assert_eq!(v["FailedInvocations"], 1);
    }
}
