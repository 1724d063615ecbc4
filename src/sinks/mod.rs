//! Where documents go: one seat per sink, as Vector's `sinks/`.
//!
//! A sink is handed an invocation's records, in order, and the deadline.
//! It plans its own requests within its own service's limits (Firehose:
//! 500 records and 4 MiB a call), sends them, resends only what failed
//! until the deadline, and says in a `Report` exactly which records were
//! not delivered. Callers never see batches, so a sink with other limits
//! (an OpenSearch `_bulk` body) is one more file here, and nothing above
//! this module changes.
//!
//! - `firehose`: `PutRecordBatch`, partial-failure retries with backoff
//!   and jitter, the `RECORD_PACKING` destination check.
//! - `opensearch`: `_bulk`, signed with SigV4, exactly once by `_id`,
//!   repairing type clashes and backing up what stays refused.
//! - `stdout`: one record per line, for `invoke` without a destination.

mod destination;
pub mod firehose;
pub(crate) mod opensearch;
mod stdout;

use std::time::Duration;

use tokio::time::Instant;

use crate::records::Records;

pub use destination::{Destination, Limits};
pub use firehose::FirehoseSink;
pub use firehose::config::FirehoseSettings;
pub use opensearch::OpenSearchSink;
pub use opensearch::config::{OpenSearchSettings, Route, Signing};

/// Why records were not delivered.
#[derive(Debug, thiserror::Error)]
pub enum DeliverError {
    #[error("Firehose rejected the call with {code}, which retrying cannot fix: {message}")]
    Rejected { code: String, message: String },
    #[error(
        "{failed} records were not delivered before the retry budget ran out; last error: {last}"
    )]
    Exhausted { failed: usize, last: String },
    #[error("could not write records to stdout: {0}")]
    Stdout(#[source] std::io::Error),
    #[error("OpenSearch refused {code}, which retrying cannot fix: {message}")]
    Refused { code: String, message: String },
    #[error("documents OpenSearch refused could not be kept for redrive: {0}")]
    Backup(#[source] opensearch::BackupError),
}

impl DeliverError {
    /// A stable name for the error, used as the Lambda `errorType`.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            DeliverError::Rejected { .. } => "FirehoseRejected",
            DeliverError::Exhausted { .. } => "DeliveryIncomplete",
            DeliverError::Stdout(_) => "StdoutFailed",
            DeliverError::Refused { .. } => "OpenSearchRejected",
            DeliverError::Backup(_) => "BackupFailed",
        }
    }
}

/// What a delivery did. `sent + backed_up + failed` always equals the
/// records given.
#[derive(Debug, Default)]
pub(crate) struct Report {
    pub sent: usize,
    pub failed: usize,
    /// Of `sent`: documents already indexed (OpenSearch's `409` to
    /// `create`), from a retried event or a redrive.
    pub duplicates: usize,
    /// Documents repaired for a type clash and sent again (OpenSearch).
    pub coerced: usize,
    /// Documents refused for good and kept in the backup bucket for
    /// `redrive` (OpenSearch).
    pub backed_up: usize,
    pub calls: usize,
    pub retried: usize,
    pub error: Option<DeliverError>,
    /// The indices of the records not delivered, ascending: `failed` of
    /// them. A Kinesis invocation maps them back to the stream records they
    /// came from, to report those as `batchItemFailures`.
    pub unsent: Vec<usize>,
}

/// Exponential backoff with full jitter: attempt `n` waits a random time in
/// `[0, min(cap, base * 2^n)]`, which spreads out retries from the many
/// concurrent Lambdas that a throttled service serves
/// (<https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/>).
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub base: Duration,
    pub cap: Duration,
    /// Calls per batch at most, first one included. Bounds the cost of a
    /// persistent per-record failure even when the deadline is far away.
    pub max_attempts: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            base: Duration::from_millis(100),
            cap: Duration::from_secs(5),
            max_attempts: 15,
        }
    }
}

impl Backoff {
    /// The wait before retry number `retry` (1 for the first retry).
    pub(crate) fn delay(&self, retry: u32) -> Duration {
        let ceiling = self
            .base
            .saturating_mul(1u32.checked_shl(retry.min(31)).unwrap_or(u32::MAX))
            .min(self.cap);
        ceiling.mul_f64(fastrand::f64())
    }
}

/// Where records go.
pub enum Sink {
    /// One record per line on stdout: the CLI's default, needing no AWS.
    Stdout,
    Firehose(FirehoseSink),
    OpenSearch(Box<OpenSearchSink>),
}

impl Sink {
    /// Sends every record, planning the requests itself. Never panics and
    /// never loses count: the report says how many records were and
    /// weren't delivered, and which.
    pub(crate) async fn deliver(&self, records: Records, deadline: Instant) -> Report {
        match self {
            Sink::Stdout => stdout::write(&records),
            Sink::Firehose(sink) => sink.deliver(records, deadline).await,
            Sink::OpenSearch(sink) => sink.deliver(records, deadline).await,
        }
    }

    /// Whether records are printed rather than sent, for the CLI's lines.
    pub(crate) fn is_stdout(&self) -> bool {
        matches!(self, Sink::Stdout)
    }
}

/// Why the sink the settings ask for could not start. Start-up stops with
/// it, naming what to fix.
#[derive(Debug, thiserror::Error)]
pub(crate) enum StartError {
    #[error(transparent)]
    Firehose(#[from] firehose::StartError),
    #[error("OPENSEARCH_ENDPOINT: no HTTPS client: no TLS roots: {0}")]
    Https(#[source] std::io::Error),
}

impl Report {
    /// Closes the count of `total` records: any the sink lost track of are
    /// failed (and, not knowing which, all are taken as unsent), and
    /// failures with no error of their own get one saying why, from `last`.
    fn close(&mut self, total: usize, last: Option<String>, what: &str) {
        let missing = unaccounted(total, self.sent + self.backed_up, self.failed);
        if missing > 0 {
            self.failed += missing;
            self.unsent = (0..total).collect();
        }
        if self.failed > 0 && self.error.is_none() {
            self.error = Some(DeliverError::Exhausted {
                failed: self.failed,
                last: last.unwrap_or_else(|| format!("{what} were not sent")),
            });
        }
    }
}

/// Records neither sent nor failed. Should the counts ever claim more
/// records than there are, that is logged as the bug it is, never an
/// arithmetic overflow that aborts the function mid-delivery.
fn unaccounted(total: usize, sent: usize, failed: usize) -> usize {
    let counted = sent.saturating_add(failed);
    if counted > total {
        tracing::error!(
            total,
            sent,
            failed,
            "delivery counted more records than it was given"
        );
    }
    total.saturating_sub(counted)
}
