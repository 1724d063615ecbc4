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
use std::sync::atomic::{AtomicBool, Ordering};
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

use super::{Backoff, DeliverError, Report};
use crate::records::Records;

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
    Fatal {
        code: String,
        message: String,
    },
    /// The request could not even be built; retrying can't help.
    Unsendable(String),
}

#[derive(Default)]
struct BatchReport {
    sent: usize,
    failed: usize,
    calls: usize,
    retried: usize,
    fatal: Option<DeliverError>,
    last: Option<String>,
    /// The records of the batch still not accepted.
    unsent: Vec<usize>,
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
    /// failed records until the deadline.
    pub(super) async fn deliver(&self, records: Records, deadline: Instant) -> Report {
        let total = records.len();
        let batches = plan(&records);
        let stop = AtomicBool::new(false);
        let records = &records;
        let stop = &stop;
        let results: Vec<BatchReport> = stream::iter(batches)
            .map(|batch| self.send_batch(records, batch.collect(), deadline, stop))
            .buffer_unordered(self.max_in_flight)
            .collect()
            .await;

        let mut report = Report::default();
        let mut last = None;
        for r in results {
            report.sent += r.sent;
            report.failed += r.failed;
            report.calls += r.calls;
            report.retried += r.retried;
            if report.error.is_none() {
                report.error = r.fatal;
            }
            last = last.or(r.last);
            report.unsent.extend(r.unsent);
        }
        report.unsent.sort_unstable();
        // Records the batching didn't cover (it always covers them all)
        // are counted as failed rather than silently forgotten, and, not
        // knowing which they are, every record is taken as unsent.
        report.close(total, last, "records");
        report
    }

    /// One `PutRecordBatch` call with the records at `pending`, waiting at
    /// most `remaining` (or the call timeout). Counts what was accepted and
    /// leaves in `pending` only the records that failed, in order. `None`
    /// when nothing is left to send.
    async fn call(
        &self,
        records: &Records,
        pending: &mut Vec<usize>,
        remaining: Duration,
        report: &mut BatchReport,
    ) -> Option<Failure> {
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
            return Some(Failure::Unsendable(
                "could not build the request".to_owned(),
            ));
        };
        let call = self
            .client
            .put_record_batch()
            .delivery_stream_name(&self.stream)
            .set_records(Some(request))
            .send();
        let wait = remaining.min(self.call_timeout);
        match tokio::time::timeout(wait, call).await {
            Ok(Ok(output)) => {
                let failed = failed_entries(&output, pending.len());
                report.sent += pending.len() - failed.len();
                if failed.is_empty() {
                    pending.clear();
                    return None;
                }
                let summary = describe_entry_failures(&output, failed.len());
                // Entries share the request's indices: keep those that failed, in order.
                *pending = failed.iter().map(|&k| pending[k]).collect();
                Some(Failure::Transient(summary))
            }
            Ok(Err(err)) => Some(classify(&err)),
            Err(_) => Some(Failure::Transient(format!("no response within {wait:?}"))),
        }
    }

    /// Sends one batch (the records at `pending`) until every record is
    /// accepted, the deadline or the attempt budget runs out, or Firehose
    /// refuses the call for good. Each attempt builds its request from the
    /// record bytes, so a retry carries exactly the records that failed.
    async fn send_batch(
        &self,
        records: &Records,
        mut pending: Vec<usize>,
        deadline: Instant,
        stop: &AtomicBool,
    ) -> BatchReport {
        let mut report = BatchReport::default();
        let mut attempt = 0u32;
        while !pending.is_empty() {
            if stop.load(Ordering::Relaxed) {
                report.last = Some("delivery stopped after a fatal error".to_owned());
                break;
            }
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                report
                    .last
                    .get_or_insert_with(|| "deadline reached".to_owned());
                break;
            }
            report.calls += 1;
            attempt += 1;
            let Some(failure) = self
                .call(records, &mut pending, remaining, &mut report)
                .await
            else {
                break;
            };
            match failure {
                Failure::Fatal { code, message } => {
                    stop.store(true, Ordering::Relaxed);
                    tracing::error!(%code, %message, "Firehose refused the call; not retrying");
                    report.fatal = Some(DeliverError::Rejected { code, message });
                    break;
                }
                Failure::Transient(why) => {
                    tracing::warn!(records = pending.len(), attempt, error = %why, "Firehose call failed; will retry");
                    report.last = Some(why);
                }
                Failure::Unsendable(why) => {
                    report.last = Some(why);
                    break;
                }
            }
            if attempt >= self.backoff.max_attempts {
                break;
            }
            let delay = self.backoff.delay(attempt);
            if Instant::now() + delay >= deadline {
                report.last = report.last.map(|l| format!("{l} (deadline reached)"));
                break;
            }
            tokio::time::sleep(delay).await;
            report.retried += pending.len();
        }
        report.failed = pending.len();
        report.unsent = pending;
        report
    }
}

/// The calls to make: consecutive records within Firehose's per-call limits.
fn plan(records: &Records) -> Vec<Range<usize>> {
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
