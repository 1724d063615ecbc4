//! The handler: decode → parse → shape → batch → deliver, and the
//! [`Summary`] of what happened.
//!
//! [`prepare`] is the whole CPU path and is synchronous and pure, so tests
//! and benchmarks call it directly. [`handle`] adds delivery, the only step
//! that does I/O.

use tokio::time::Instant;

use crate::batch::{self, MAX_RECORD_BYTES};
use crate::config::Oversize;
use crate::decode::{self, DecodeError, MessageType};
use crate::deliver::{DeliverError, Sink};
use crate::parse::Parser;
use crate::record::{self, Fit, Meta, OversizeError};

/// Why an invocation failed. Wraps each stage's own error.
#[derive(Debug, thiserror::Error)]
pub enum HandlerError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(transparent)]
    Oversize(#[from] OversizeError),
    #[error(transparent)]
    Deliver(#[from] DeliverError),
}

impl HandlerError {
    /// A stable name for the error, used as the Lambda `errorType`.
    pub fn kind(&self) -> &'static str {
        match self {
            HandlerError::Decode(e) => e.kind(),
            HandlerError::Oversize(_) => "RecordTooLarge",
            HandlerError::Deliver(e) => e.kind(),
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// CloudWatch events in the delivery.
    pub events: usize,
    /// Records shaped for Firehose.
    pub records: usize,
    /// Records Firehose accepted (or that were written to stdout).
    pub sent: usize,
    /// `PutRecordBatch` calls made, retries included.
    pub calls: usize,
    /// Records sent again after a failure.
    pub retried: usize,
    /// Records shortened to fit Firehose's record limit.
    pub truncated: usize,
    /// Records cut into several to fit Firehose's record limit.
    pub split: usize,
    /// Events dropped on purpose by configuration.
    pub dropped: usize,
    /// Records that were never delivered.
    pub failed: usize,
    /// Whether this was a CloudWatch control message.
    pub control: bool,
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
            ("Sent", self.sent),
            ("Calls", self.calls),
            ("Retried", self.retried),
            ("Truncated", self.truncated),
            ("Split", self.split),
            ("Dropped", self.dropped),
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

/// The CPU half of an invocation: the records to send, in order, and the
/// batches to send them in.
#[derive(Debug, Default)]
pub struct Prepared {
    pub records: Vec<Vec<u8>>,
    pub batches: Vec<std::ops::Range<usize>>,
    pub summary: Summary,
}

/// Decodes, parses and shapes one event into records and batches.
pub fn prepare(
    event: &[u8],
    parser: &Parser,
    oversize: Oversize,
) -> Result<Prepared, HandlerError> {
    let payload = decode::decompress(event)?;
    let delivery = decode::parse_delivery(&payload)?;
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
    let (parsed, stats) = parser.parse(&delivery);
    summary.dropped = stats.dropped;
    let mut records = Vec::with_capacity(parsed.len());
    for p in &parsed {
        let event = &delivery.log_events[p.event];
        let meta = Meta {
            log_group: &delivery.log_group,
            log_stream: &delivery.log_stream,
            owner: &delivery.owner,
            event_id: &event.id,
            timestamp_ms: event.timestamp,
        };
        match record::write_fitted(
            &p.body,
            &p.extra,
            &meta,
            oversize,
            MAX_RECORD_BYTES,
            &mut records,
        )? {
            Fit::Whole => {}
            Fit::Truncated => {
                summary.truncated += 1;
                tracing::warn!(event_id = %event.id, "record over the Firehose record limit was truncated");
            }
            Fit::Split(parts) => {
                summary.split += 1;
                tracing::warn!(event_id = %event.id, parts, "record over the Firehose record limit was split");
            }
        }
    }
    summary.records = records.len();
    let sizes: Vec<usize> = records.iter().map(Vec::len).collect();
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
    parser: &Parser,
    oversize: Oversize,
    sink: &Sink,
    deadline: Instant,
) -> (Summary, Result<(), HandlerError>) {
    let prepared = match prepare(event, parser, oversize) {
        Ok(p) => p,
        Err(err) => return (Summary::default(), Err(err)),
    };
    let mut summary = prepared.summary;
    let report = sink
        .deliver(prepared.records, prepared.batches, deadline)
        .await;
    summary.sent = report.sent;
    summary.calls = report.calls;
    summary.retried = report.retried;
    summary.failed = report.failed;
    match report.error {
        Some(err) => (summary, Err(HandlerError::Deliver(err))),
        None => (summary, Ok(())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
