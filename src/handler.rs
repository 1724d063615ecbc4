//! The handler: decode → parse → shape → batch → deliver, and the
//! [`Summary`] of what happened.
//!
//! [`prepare`] is the whole CPU path and is synchronous and pure, so tests
//! and benchmarks call it directly. [`handle`] adds delivery, the only step
//! that does I/O.

use tokio::time::Instant;

use crate::batch;
use crate::decode::{self, DecodeError, MessageType};
use crate::deliver::{DeliverError, Sink};
use crate::parse::Parser;
use crate::record::{self, Meta};

/// Why an invocation failed. Wraps each stage's own error.
#[derive(Debug, thiserror::Error)]
pub enum HandlerError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(transparent)]
    Deliver(#[from] DeliverError),
}

impl HandlerError {
    /// A stable name for the error, used as the Lambda `errorType`.
    pub fn kind(&self) -> &'static str {
        match self {
            HandlerError::Decode(e) => e.kind(),
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
    /// Events dropped on purpose by configuration.
    pub dropped: usize,
    /// Records that were never delivered.
    pub failed: usize,
    /// Whether this was a CloudWatch control message.
    pub control: bool,
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
pub fn prepare(event: &[u8], parser: &Parser) -> Result<Prepared, HandlerError> {
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
        let mut out = Vec::with_capacity(event.message.len() + 256);
        record::write_record(&p.body, &p.extra, &meta, &mut out);
        records.push(out);
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
    sink: &Sink,
    deadline: Instant,
) -> (Summary, Result<(), HandlerError>) {
    let prepared = match prepare(event, parser) {
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
