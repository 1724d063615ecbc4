//! The Firehose sink: `PutRecordBatch` calls planned within the service's
//! limits (`batch`), several in flight.
//!
//! It keeps several calls in flight, reads `FailedPutCount`
//! and each entry's `ErrorCode` on every response, and resends only the
//! records that failed, in their original order. (Vector's Firehose sink
//! resends whole batches, which duplicates every record that had already
//! been accepted.) Whole-call failures are retried when retrying can help:
//! throttling, 5xx, timeouts and transport errors. Anything else, such as a
//! missing stream or denied access, stops delivery at once.
//!
//! Every retry is bounded by the deadline passed in, which inside Lambda is
//! the invocation's deadline minus a margin, so the function always gets to
//! return a clean error instead of being killed mid-retry. The SDK's own
//! retries are turned off (see `aws::firehose_client`) so this loop, which
//! knows the deadline, owns them all.

use std::ops::Range;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use aws_sdk_firehose::Client;
use aws_sdk_firehose::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_sdk_firehose::operation::describe_delivery_stream::DescribeDeliveryStreamError;
use aws_sdk_firehose::operation::put_record_batch::{PutRecordBatchError, PutRecordBatchOutput};
use aws_sdk_firehose::primitives::Blob;
use aws_sdk_firehose::types::Record;
use futures_util::stream::{self, StreamExt as _};
use tokio::time::Instant;

pub mod batch;
pub(crate) mod config;

use super::retry::{self, Attempt, Backoff, Driven};
use super::{DeliverError, Receipt};
use crate::records::Records;
use crate::report::Delivered;

/// Longest we wait for one `PutRecordBatch` response before treating the
/// call as failed and retrying. Normal calls take well under a second.
pub(crate) const CALL_TIMEOUT: Duration = Duration::from_secs(10);

/// Error codes that mean "try again later", beyond any 5xx or 429.
/// Firehose signals throttling with `ServiceUnavailableException`
/// (<https://docs.aws.amazon.com/firehose/latest/APIReference/API_PutRecordBatch.html#API_PutRecordBatch_Errors>);
/// the rest are the generic AWS throttling codes.
const TRANSIENT_CODES: &[&str] = &[
    "ServiceUnavailableException",
    "ThrottlingException",
    "Throttling",
    "TooManyRequestsException",
    "RequestLimitExceeded",
    "ProvisionedThroughputExceededException",
    "InternalFailure",
    "ServiceUnavailable",
    "RequestTimeout",
    "RequestTimeoutException",
];

/// Why the Firehose sink refused to start. Start-up stops with it, so a
/// stream that can't take what the settings ask for is found at the first
/// cold start, not at the first delivery.
#[derive(Debug, thiserror::Error)]
pub(crate) enum StartError {
    #[error("RECORD_PACKING=on is refused: cannot describe stream {stream:?}: {}", DisplayErrorContext(.source.as_ref()))]
    Describe {
        stream: String,
        source: Box<SdkError<DescribeDeliveryStreamError>>,
    },
    #[error(
        "RECORD_PACKING=on is refused: stream {0:?} has a destination other than S3, which would index a packed record as one document"
    )]
    NotS3Only(String),
}

/// Sends to one Firehose delivery stream.
pub struct FirehoseSink {
    client: Client,
    stream: String,
    max_in_flight: usize,
    backoff: Backoff,
    call_timeout: Duration,
}

/// How one call failed, as far as retrying is concerned.
#[derive(Debug, PartialEq, Eq)]
enum Failure {
    Transient(String),
    Fatal { code: String, message: String },
}

impl FirehoseSink {
    pub fn new(client: Client, stream: impl Into<String>, max_in_flight: usize) -> Self {
        FirehoseSink {
            client,
            stream: stream.into(),
            max_in_flight: max_in_flight.max(1),
            backoff: Backoff::default(),
            call_timeout: CALL_TIMEOUT,
        }
    }

    /// Checks that the stream delivers only to S3, where a record holding
    /// many newline-delimited documents is still one line per document.
    /// OpenSearch, Splunk or HTTP destinations would index a packed record
    /// as one document, so `RECORD_PACKING` is refused for them.
    pub(crate) async fn check_s3_only(&self) -> Result<(), StartError> {
        let described = self
            .client
            .describe_delivery_stream()
            .delivery_stream_name(&self.stream)
            .send()
            .await
            .map_err(|e| StartError::Describe {
                stream: self.stream.clone(),
                source: Box::new(e),
            })?;
        let destinations = described
            .delivery_stream_description()
            .map(|d| d.destinations())
            .unwrap_or_default();
        let s3_only = !destinations.is_empty()
            && destinations.iter().all(|d| {
                (d.extended_s3_destination_description().is_some()
                    || d.s3_destination_description().is_some())
                    && d.amazonopensearchservice_destination_description()
                        .is_none()
                    && d.elasticsearch_destination_description().is_none()
                    && d.amazon_open_search_serverless_destination_description()
                        .is_none()
                    && d.splunk_destination_description().is_none()
                    && d.http_endpoint_destination_description().is_none()
                    && d.redshift_destination_description().is_none()
                    && d.snowflake_destination_description().is_none()
                    && d.iceberg_destination_description().is_none()
            });
        if s3_only {
            Ok(())
        } else {
            Err(StartError::NotS3Only(self.stream.clone()))
        }
    }

    /// Changes the call timeout (`CALL_TIMEOUT`, 10 s); fault tests use a short one.
    pub fn with_call_timeout(mut self, timeout: Duration) -> Self {
        self.call_timeout = timeout;
        self
    }

    pub fn with_backoff(mut self, backoff: Backoff) -> Self {
        self.backoff = backoff;
        self
    }

    /// Sends every record in `PutRecordBatch` calls planned within
    /// Firehose's limits, several in flight, each resending only its
    /// failed records until the deadline (`retry::drive`).
    pub(super) async fn deliver(&self, records: Records, deadline: Instant) -> Receipt {
        let total = records.len();
        let batches = calls(&records);
        let stop = AtomicBool::new(false);
        let (records, stop) = (&records, &stop);
        let results: Vec<(Delivered, Driven)> = stream::iter(batches)
            .map(|batch| async move {
                let mut counts = Delivered::default();
                let attempt = async |pending: &[usize], remaining: Duration, n: u32| {
                    self.attempt(records, pending, remaining, n, &mut counts)
                        .await
                };
                let driven = retry::drive(
                    &self.backoff,
                    deadline,
                    batch.collect(),
                    Some(stop),
                    attempt,
                )
                .await;
                (counts, driven)
            })
            .buffer_unordered(self.max_in_flight)
            .collect()
            .await;

        let mut receipt = Receipt::default();
        let mut last = None;
        for (counts, driven) in results {
            let c = &mut receipt.counts;
            c.sent += counts.sent;
            c.calls += counts.calls;
            c.retried += driven.retried;
            c.failed += driven.unsent.len();
            if receipt.error.is_none() {
                receipt.error = driven.error;
            }
            last = last.or(driven.last);
            receipt.unsent.extend(driven.unsent);
        }
        receipt.unsent.sort_unstable();
        // Records the batching didn't cover (it always covers them all)
        // are counted as failed rather than silently forgotten, and, not
        // knowing which, every record is taken as unsent.
        receipt.close(total, last, "records");
        receipt
    }

    /// One `PutRecordBatch` call (attempt `n`) with the records at
    /// `pending`, waiting at most `remaining` (or the call timeout). Counts
    /// what was accepted; the records that failed go again, in order,
    /// unless retrying can't help. Each attempt builds its request from
    /// the record bytes, so a retry carries exactly the records that
    /// failed.
    async fn attempt(
        &self,
        records: &Records,
        pending: &[usize],
        remaining: Duration,
        n: u32,
        counts: &mut Delivered,
    ) -> Attempt {
        counts.calls += 1;
        let request: Result<Vec<Record>, _> = pending
            .iter()
            .map(|&i| {
                Record::builder()
                    .data(Blob::new(records.get(i).to_vec()))
                    .build()
            })
            .collect();
        let Ok(request) = request else {
            // Kept pending, so counted as failed.
            return Attempt::Stop {
                items: pending.to_vec(),
                why: Some("could not build the request".to_owned()),
                error: None,
            };
        };
        let call = self
            .client
            .put_record_batch()
            .delivery_stream_name(&self.stream)
            .set_records(Some(request))
            .send();
        let wait = remaining.min(self.call_timeout);
        let (again, why) = match tokio::time::timeout(wait, call).await {
            Ok(Ok(output)) => {
                let failed = failed_entries(&output, pending.len());
                counts.sent += pending.len() - failed.len();
                if failed.is_empty() {
                    return Attempt::done();
                }
                let why = describe_entry_failures(&output, failed.len());
                // Entries share the request's indices: keep those that failed, in order.
                (failed.iter().map(|&k| pending[k]).collect(), why)
            }
            Ok(Err(err)) => match classify(&err) {
                Failure::Transient(why) => (pending.to_vec(), why),
                Failure::Fatal { code, message } => {
                    tracing::error!(%code, %message, "Firehose refused the call; not retrying");
                    return Attempt::Stop {
                        items: pending.to_vec(),
                        why: None,
                        error: Some(DeliverError::Rejected { code, message }),
                    };
                }
            },
            Err(_) => (pending.to_vec(), format!("no response within {wait:?}")),
        };
        tracing::warn!(records = again.len(), attempt = n, error = %why, "Firehose call failed; will retry");
        Attempt::Again {
            items: again,
            wait: Some(why),
        }
    }
}

/// The calls to make: consecutive records within Firehose's per-call limits.
fn calls(records: &Records) -> Vec<Range<usize>> {
    let sizes: Vec<usize> = records.iter().map(<[u8]>::len).collect();
    batch::plan(&sizes)
}

/// Indices of the records that failed in a response. Entries share the
/// request's indices. If the response contradicts itself (a failed count
/// but no failed entry, or a short entry list), every record is retried:
/// a duplicate is better than a loss.
fn failed_entries(output: &PutRecordBatchOutput, sent: usize) -> Vec<usize> {
    let entries = output.request_responses();
    let failed: Vec<usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.error_code().is_some())
        .map(|(i, _)| i)
        .collect();
    let claimed = usize::try_from(output.failed_put_count()).unwrap_or(usize::MAX);
    if entries.len() != sent || claimed != failed.len() {
        if claimed == 0 && entries.is_empty() {
            // moto and old endpoints may omit entries on full success.
            return Vec::new();
        }
        return (0..sent).collect();
    }
    failed
}

fn describe_entry_failures(output: &PutRecordBatchOutput, failed: usize) -> String {
    let first = output
        .request_responses()
        .iter()
        .find(|e| e.error_code().is_some());
    match first {
        Some(e) => format!(
            "{failed} records failed, first with {}: {}",
            e.error_code().unwrap_or_default(),
            e.error_message().unwrap_or_default()
        ),
        None => format!("{failed} records failed"),
    }
}

/// Decides whether a failed call is worth retrying: the modeled errors
/// first, then the error code and HTTP status for everything else.
fn classify(err: &SdkError<PutRecordBatchError>) -> Failure {
    match err {
        SdkError::ServiceError(service) => {
            let status = service.raw().status().as_u16();
            let e = service.err();
            let (code, retry) = match e {
                PutRecordBatchError::ServiceUnavailableException(_) => {
                    ("ServiceUnavailableException", true)
                }
                PutRecordBatchError::ResourceNotFoundException(_) => {
                    ("ResourceNotFoundException", false)
                }
                PutRecordBatchError::InvalidArgumentException(_) => {
                    ("InvalidArgumentException", false)
                }
                PutRecordBatchError::InvalidKmsResourceException(_) => {
                    ("InvalidKMSResourceException", false)
                }
                PutRecordBatchError::InvalidSourceException(_) => ("InvalidSourceException", false),
                other => {
                    let code = other.code().unwrap_or("Unknown");
                    (
                        code,
                        status >= 500 || status == 429 || TRANSIENT_CODES.contains(&code),
                    )
                }
            };
            if retry {
                Failure::Transient(format!(
                    "{code} (HTTP {status}): {}",
                    DisplayErrorContext(err)
                ))
            } else {
                Failure::Fatal {
                    code: code.to_owned(),
                    message: e.message().unwrap_or("no message").to_owned(),
                }
            }
        }
        SdkError::ConstructionFailure(_) => Failure::Fatal {
            code: "ConstructionFailure".to_owned(),
            message: DisplayErrorContext(err).to_string(),
        },
        // Timeouts, connection errors and unreadable responses.
        _ => Failure::Transient(DisplayErrorContext(err).to_string()),
    }
}

#[cfg(test)]
pub(crate) mod mock;
#[cfg(test)]
mod tests;
