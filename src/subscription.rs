//! CloudWatch Logs subscription events: `{"awslogs":{"data":…}}` → the
//! pipeline → the sink. One kind of event; it depends on the pipeline and
//! the sinks, never on another kind.

use tokio::time::Instant;

use crate::deliver::{DeliverError, Sink};
use crate::pipeline::{PREVIEW_BYTES, Pipeline, PipelineError, prepare, preview};
use crate::report::Summary;

/// Why a subscription invocation failed.
#[derive(Debug, thiserror::Error)]
pub enum SubscriptionError {
    #[error(transparent)]
    Pipeline(#[from] PipelineError),
    #[error(transparent)]
    Deliver(#[from] DeliverError),
}

impl SubscriptionError {
    /// A stable name for the error, used as the Lambda `errorType`.
    pub fn kind(&self) -> &'static str {
        match self {
            SubscriptionError::Pipeline(e) => e.kind(),
            SubscriptionError::Deliver(e) => e.kind(),
        }
    }
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
) -> (Summary, Result<(), SubscriptionError>) {
    let prepared = match prepare(event, pipeline) {
        Ok(p) => p,
        Err(err) => {
            // Logs may hold secrets, so the event itself is only shown at
            // DEBUG, and only its beginning.
            tracing::debug!(event = %preview(event, PREVIEW_BYTES), "event that failed");
            return (Summary::default(), Err(err.into()));
        }
    };
    let mut summary = prepared.summary;
    summary.warn();
    let mut report = sink
        .deliver(prepared.records, prepared.batches, deadline)
        .await;
    summary.delivered(&report);
    match report.error.take() {
        Some(err) => (summary, Err(err.into())),
        None => (summary, Ok(())),
    }
}
