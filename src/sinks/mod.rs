//! Where documents go: one seat per sink, as Vector's `sinks/`.
//!
//! A sink is handed an invocation's records, in order, and the deadline.
//! It plans its own requests within its own service's limits (Firehose:
//! 500 records and 4 MiB a call), sends them through the one retry driver
//! (`retry`), which resends only what failed until the deadline, and says
//! in a `Receipt` its counts and exactly which records were not
//! delivered. Callers never see batches or a sink's constants: the
//! pipeline shapes by [`Limits`], asked of the [`Destination`] chosen at
//! start-up. A new destination is a folder here (its settings, its
//! requests, its one attempt), one `Destination` variant, one `Sink`
//! variant, and its CLI and template wiring; nothing above this module
//! changes.
//!
//! - `destination`: which sink the settings name, its limits, its start.
//! - `retry`: backoff with full jitter, the deadline, the attempt budget.
//!
//! - `firehose`: `PutRecordBatch`, partial-failure retries with backoff
//!   and jitter, the `RECORD_PACKING` destination check.
//! - `opensearch`: `_bulk`, signed with SigV4, exactly once by `_id`,
//!   repairing type clashes and backing up what stays refused.
//! - `stdout`: one record per line, for `invoke` without a destination.

mod destination;
pub mod firehose;
pub(crate) mod opensearch;
mod retry;
mod stdout;

use tokio::time::Instant;

use crate::records::Records;
use crate::report::Delivered;

pub use destination::{Destination, Limits};
pub use firehose::FirehoseSink;
pub use firehose::config::FirehoseSettings;
pub use opensearch::OpenSearchSink;
pub use opensearch::config::{OpenSearchSettings, Route, Signing};
pub use retry::Backoff;

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
    pub(crate) fn error_type(&self) -> &'static str {
        match self {
            DeliverError::Rejected { .. } => "FirehoseRejected",
            DeliverError::Exhausted { .. } => "DeliveryIncomplete",
            DeliverError::Stdout(_) => "StdoutFailed",
            DeliverError::Refused { .. } => "OpenSearchRejected",
            DeliverError::Backup(_) => "BackupFailed",
        }
    }
}

/// What a sink hands back: its counts, the error that stopped it, and
/// which records were not delivered.
#[derive(Debug, Default)]
pub(crate) struct Receipt {
    /// `sent + backed_up + failed` always equals the records given.
    pub counts: Delivered,
    pub error: Option<DeliverError>,
    /// The indices of the records not delivered, ascending: `failed` of
    /// them. A Kinesis invocation maps them back to the stream records they
    /// came from, to report those as `batchItemFailures`.
    pub unsent: Vec<usize>,
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
    /// never loses count: the receipt says how many records were and
    /// weren't delivered, and which.
    pub(crate) async fn deliver(&self, records: Records, deadline: Instant) -> Receipt {
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

impl Receipt {
    /// Closes the count of `total` records: any the sink lost track of are
    /// failed (and, not knowing which, all are taken as unsent), and
    /// failures with no error of their own get one saying why, from `last`.
    fn close(&mut self, total: usize, last: Option<String>, what: &str) {
        let c = &mut self.counts;
        let missing = unaccounted(total, c.sent + c.backed_up, c.failed);
        if missing > 0 {
            c.failed += missing;
            self.unsent = (0..total).collect();
        }
        if c.failed > 0 && self.error.is_none() {
            self.error = Some(DeliverError::Exhausted {
                failed: c.failed,
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
