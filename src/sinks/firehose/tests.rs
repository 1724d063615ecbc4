//! Delivery against mocked Firehose responses (aws-smithy-mocks): partial
//! failures, throttling, server errors, fatal errors and batch limits.
//! Time is paused, so backoff sleeps and deadlines cost nothing.

use std::sync::{Arc, Mutex};

use aws_sdk_firehose::operation::put_record_batch::PutRecordBatchOutput;
use aws_sdk_firehose::types::PutRecordBatchResponseEntry;
use aws_sdk_firehose::types::error::{ResourceNotFoundException, ServiceUnavailableException};
use aws_smithy_mocks::{MockResponse, RuleMode, mock, mock_client};

use super::batch::{MAX_BYTES_PER_CALL, MAX_RECORD_BYTES, MAX_RECORDS_PER_CALL};
use super::mock::partial_output;
use super::*;
use crate::sinks::unaccounted;

/// What each call carried: the records' data, in order.
type Calls = Arc<Mutex<Vec<Vec<String>>>>;

fn data_of(
    input: &aws_sdk_firehose::operation::put_record_batch::PutRecordBatchInput,
) -> Vec<String> {
    input
        .records()
        .iter()
        .map(|r| String::from_utf8_lossy(r.data().as_ref()).into_owned())
        .collect()
}

fn ok_output(n: usize) -> PutRecordBatchOutput {
    PutRecordBatchOutput::builder()
        .failed_put_count(0)
        .set_request_responses(Some(
            (0..n)
                .map(|i| {
                    PutRecordBatchResponseEntry::builder()
                        .record_id(format!("id{i}"))
                        .build()
                })
                .collect(),
        ))
        .build()
        .unwrap()
}

fn sink(client: Client) -> FirehoseSink {
    FirehoseSink::new(client, "logs", 4).with_backoff(Backoff {
        base: Duration::from_millis(50),
        cap: Duration::from_secs(2),
        max_attempts: 15,
    })
}

fn records(n: usize) -> Records {
    (0..n).map(|i| format!("r{i}").into_bytes()).collect()
}

async fn deliver(client: Client, records: Records, deadline_in: Duration) -> Receipt {
    sink(client)
        .deliver(records, Instant::now() + deadline_in)
        .await
}

/// A client that records every call and answers with `respond`.
fn recording_client(
    calls: &Calls,
    respond: impl Fn(&[String], usize) -> MockResponse<PutRecordBatchOutput, PutRecordBatchError>
    + Send
    + Sync
    + 'static,
) -> Client {
    let calls = calls.clone();
    let rule = mock!(Client::put_record_batch).then_compute_response(move |input| {
        let data = data_of(input);
        let n = {
            let mut c = calls.lock().unwrap();
            c.push(data.clone());
            c.len()
        };
        respond(&data, n)
    });
    mock_client!(aws_sdk_firehose, RuleMode::MatchAny, &[&rule], |b| b
        .retry_config(
            aws_sdk_firehose::config::retry::RetryConfig::disabled()
        ))
}

#[tokio::test(start_paused = true)]
async fn when_every_record_is_accepted_each_batch_takes_one_call() {
    let calls = Calls::default();
    let client = recording_client(&calls, |d, _| MockResponse::Output(ok_output(d.len())));
    let report = deliver(client, records(1200), Duration::from_secs(60)).await;
    assert!(report.error.is_none());
    assert_eq!(
        (
            report.counts.sent,
            report.counts.failed,
            report.counts.calls,
            report.counts.retried
        ),
        (1200, 0, 3, 0)
    );
    let calls = calls.lock().unwrap();
    let mut all: Vec<String> = calls.iter().flatten().cloned().collect();
    all.sort_by_key(|r| r[1..].parse::<usize>().unwrap());
    assert_eq!(all.len(), 1200, "each record sent exactly once");
    all.dedup();
    assert_eq!(all.len(), 1200);
}

#[tokio::test(start_paused = true)]
async fn only_the_records_that_failed_are_resent_in_their_order() {
    let calls = Calls::default();
    let client = recording_client(&calls, |d, n| {
        // First call: r1 and r3 fail. Then everything succeeds.
        MockResponse::Output(partial_output(d, |r| n == 1 && (r == "r1" || r == "r3")))
    });
    let report = deliver(client, records(5), Duration::from_secs(60)).await;
    assert!(report.error.is_none(), "{:?}", report.error);
    assert_eq!(
        (
            report.counts.sent,
            report.counts.failed,
            report.counts.calls,
            report.counts.retried
        ),
        (5, 0, 2, 2)
    );
    let calls = calls.lock().unwrap();
    assert_eq!(calls[0], ["r0", "r1", "r2", "r3", "r4"]);
    assert_eq!(calls[1], ["r1", "r3"]);
}

#[tokio::test(start_paused = true)]
async fn throttling_until_the_deadline_ends_in_a_clean_error_that_counts_every_record() {
    let calls = Calls::default();
    let client = recording_client(&calls, |_, _| {
        MockResponse::Error(PutRecordBatchError::ServiceUnavailableException(
            ServiceUnavailableException::builder()
                .message("Slow down.")
                .build(),
        ))
    });
    let start = Instant::now();
    let report = deliver(client, records(10), Duration::from_secs(3)).await;
    assert!(
        Instant::now() - start <= Duration::from_secs(3),
        "stopped before the deadline"
    );
    assert_eq!((report.counts.sent, report.counts.failed), (0, 10));
    assert!(
        report.counts.calls > 2,
        "retried while time allowed: {}",
        report.counts.calls
    );
    let err = report.error.unwrap();
    assert_eq!(err.error_type(), "DeliveryIncomplete");
    assert!(
        err.to_string().contains("10 records were not delivered"),
        "{err}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_server_error_is_retried_and_then_succeeds() {
    let calls = Calls::default();
    let client = recording_client(&calls, |d, n| {
        if n == 1 {
            MockResponse::Http(aws_smithy_runtime_api::http::Response::new(
                aws_smithy_runtime_api::http::StatusCode::try_from(500).unwrap(),
                aws_smithy_types::body::SdkBody::from("{\"__type\":\"InternalFailure\"}"),
            ))
        } else {
            MockResponse::Output(ok_output(d.len()))
        }
    });
    let report = deliver(client, records(3), Duration::from_secs(60)).await;
    assert!(report.error.is_none(), "{:?}", report.error);
    assert_eq!(
        (
            report.counts.sent,
            report.counts.calls,
            report.counts.retried
        ),
        (3, 2, 3)
    );
}

#[tokio::test(start_paused = true)]
async fn a_missing_stream_fails_fast_without_retrying() {
    let calls = Calls::default();
    let client = recording_client(&calls, |_, _| {
        MockResponse::Error(PutRecordBatchError::ResourceNotFoundException(
            ResourceNotFoundException::builder()
                .message("Stream logs not found.")
                .build(),
        ))
    });
    let report = deliver(client, records(3), Duration::from_secs(60)).await;
    assert_eq!(report.counts.calls, 1);
    assert_eq!((report.counts.sent, report.counts.failed), (0, 3));
    let err = report.error.unwrap();
    assert_eq!(err.error_type(), "FirehoseRejected");
    assert!(
        err.to_string().contains("ResourceNotFoundException"),
        "{err}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_response_that_contradicts_itself_resends_everything_rather_than_lose_any() {
    let calls = Calls::default();
    let client = recording_client(&calls, |d, n| {
        if n == 1 {
            // Claims one failure but marks no entry.
            MockResponse::Output(
                PutRecordBatchOutput::builder()
                    .failed_put_count(1)
                    .set_request_responses(Some(vec![]))
                    .build()
                    .unwrap(),
            )
        } else {
            MockResponse::Output(ok_output(d.len()))
        }
    });
    let report = deliver(client, records(4), Duration::from_secs(60)).await;
    assert!(report.error.is_none());
    assert_eq!(
        (
            report.counts.sent,
            report.counts.calls,
            report.counts.retried
        ),
        (4, 2, 4)
    );
}

/// Checks every call against the service's limits, as Firehose would.
fn limit_checking_client(calls: &Calls) -> Client {
    recording_client(calls, |d, _| {
        let bytes: usize = d.iter().map(String::len).sum();
        assert!(
            d.len() <= MAX_RECORDS_PER_CALL,
            "{} records in one call",
            d.len()
        );
        assert!(bytes <= MAX_BYTES_PER_CALL, "{bytes} bytes in one call");
        assert!(d.iter().all(|r| r.len() <= MAX_RECORD_BYTES));
        MockResponse::Output(ok_output(d.len()))
    })
}

#[tokio::test(start_paused = true)]
async fn batches_at_the_limits_make_the_fewest_calls_that_respect_them() {
    for (n, want_calls) in [(0, 0), (1, 1), (500, 1), (501, 2)] {
        let calls = Calls::default();
        let report = deliver(
            limit_checking_client(&calls),
            records(n),
            Duration::from_secs(60),
        )
        .await;
        assert_eq!(
            (report.counts.sent, report.counts.calls),
            (n, want_calls),
            "{n} records"
        );
    }
    // Exactly 4 MiB: four records at the record limit and the remainder.
    let mut big = vec![vec![b'a'; MAX_RECORD_BYTES]; 4];
    big.push(vec![b'b'; MAX_BYTES_PER_CALL - 4 * MAX_RECORD_BYTES]);
    let big: Records = big.into_iter().collect();
    let calls = Calls::default();
    let report = deliver(limit_checking_client(&calls), big, Duration::from_secs(60)).await;
    assert_eq!((report.counts.sent, report.counts.calls), (5, 1));
}

#[test]
fn backoff_grows_exponentially_up_to_its_cap_with_full_jitter() {
    let b = Backoff {
        base: Duration::from_millis(100),
        cap: Duration::from_secs(5),
        max_attempts: 10,
    };
    for retry in 1..40 {
        let ceiling = (Duration::from_millis(100) * 2u32.saturating_pow(retry.min(20))).min(b.cap);
        for _ in 0..20 {
            assert!(b.delay(retry) <= ceiling);
        }
    }
    // Full jitter spreads retries: not every delay is the ceiling.
    let delays: Vec<_> = (0..50).map(|_| b.delay(3)).collect();
    assert!(delays.iter().any(|d| *d < Duration::from_millis(700)));
}

fn described(destination: aws_sdk_firehose::types::DestinationDescription) -> Client {
    use aws_sdk_firehose::operation::describe_delivery_stream::DescribeDeliveryStreamOutput;
    use aws_sdk_firehose::types::{
        DeliveryStreamDescription, DeliveryStreamStatus, DeliveryStreamType,
    };
    let description = DeliveryStreamDescription::builder()
        .delivery_stream_name("logs")
        .delivery_stream_arn("arn:aws:firehose:us-east-1:123456789012:deliverystream/logs")
        .delivery_stream_status(DeliveryStreamStatus::Active)
        .delivery_stream_type(DeliveryStreamType::DirectPut)
        .version_id("1")
        .destinations(destination)
        .has_more_destinations(false)
        .build()
        .unwrap();
    let rule = mock!(Client::describe_delivery_stream).then_output(move || {
        DescribeDeliveryStreamOutput::builder()
            .delivery_stream_description(description.clone())
            .build()
    });
    mock_client!(aws_sdk_firehose, [&rule])
}

#[tokio::test]
async fn record_packing_is_allowed_for_an_s3_stream_and_refused_for_opensearch() {
    use aws_sdk_firehose::types::{
        AmazonopensearchserviceDestinationDescription, DestinationDescription,
        ExtendedS3DestinationDescription,
    };
    let s3 = DestinationDescription::builder()
        .destination_id("d-1")
        .extended_s3_destination_description(
            ExtendedS3DestinationDescription::builder()
                .role_arn("arn:aws:iam::123456789012:role/r")
                .bucket_arn("arn:aws:s3:::b")
                .buffering_hints(aws_sdk_firehose::types::BufferingHints::builder().build())
                .compression_format(aws_sdk_firehose::types::CompressionFormat::Uncompressed)
                .encryption_configuration(
                    aws_sdk_firehose::types::EncryptionConfiguration::builder().build(),
                )
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    assert!(sink(described(s3)).check_s3_only().await.is_ok());
    let opensearch = DestinationDescription::builder()
        .destination_id("d-1")
        .amazonopensearchservice_destination_description(
            AmazonopensearchserviceDestinationDescription::builder().build(),
        )
        .build()
        .unwrap();
    let err = sink(described(opensearch))
        .check_s3_only()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("other than S3"), "{err}");
}

#[test]
fn counts_that_claim_too_many_records_are_logged_not_an_overflow_abort() {
    assert_eq!(unaccounted(10, 6, 3), 1);
    assert_eq!(unaccounted(10, 6, 4), 0);
    assert_eq!(unaccounted(10, 9, 4), 0, "more than given: no underflow");
    assert_eq!(unaccounted(3, usize::MAX, 1), 0);
}

#[tokio::test(start_paused = true)]
async fn the_report_names_exactly_the_records_that_were_never_accepted() {
    let calls = Calls::default();
    // r3 and r707 always fail; they sit in different batches.
    let client = recording_client(&calls, |d, _| {
        MockResponse::Output(partial_output(d, |r| r == "r3" || r == "r707"))
    });
    let report = deliver(client, records(1200), Duration::from_secs(600)).await;
    assert_eq!((report.counts.sent, report.counts.failed), (1198, 2));
    assert_eq!(report.unsent, [3, 707]);
    assert!(report.error.is_some());
}
