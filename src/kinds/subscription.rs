//! CloudWatch Logs subscription events: `{"awslogs":{"data":…}}` → the
//! pipeline → the sink. It depends on the pipeline and the sinks, never on
//! another kind.

use tokio::time::Instant;

use super::{Kind, Outcome, Reply, Services};
use crate::pipeline::{PREVIEW_BYTES, PipelineError, prepare, preview};
use crate::report::Summary;
use crate::sinks::DeliverError;

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
    pub(crate) fn error_type(&self) -> &'static str {
        match self {
            SubscriptionError::Pipeline(e) => e.error_type(),
            SubscriptionError::Deliver(e) => e.error_type(),
        }
    }
}

/// Runs one delivery end to end. `deadline` bounds every retry.
pub(super) async fn handle(event: &[u8], services: &Services, deadline: Instant) -> Outcome {
    let sink = match services.sink() {
        Ok(sink) => sink,
        Err(err) => return Outcome::new(Kind::Subscription, Summary::default(), Err(err)),
    };
    let prepared = match prepare(event, &services.pipeline) {
        Ok(p) => p,
        Err(err) => {
            // Logs may hold secrets, so the event itself is only shown at
            // DEBUG, and only its beginning.
            tracing::debug!(event = %preview(event, PREVIEW_BYTES), "event that failed");
            let err = SubscriptionError::from(err);
            return Outcome::new(Kind::Subscription, Summary::default(), Err(err));
        }
    };
    let mut summary = prepared.summary;
    summary.warn();
    let mut report = sink.deliver(prepared.records, deadline).await;
    summary.delivery = report.counts;
    let result = match report.error.take() {
        Some(err) => Err(SubscriptionError::from(err)),
        None => Ok(Reply::Delivered),
    };
    Outcome::new(Kind::Subscription, summary, result)
}
