//! A mocked Firehose (aws-smithy-mocks) for the tests of what sits on the
//! sink: it answers each `PutRecordBatch` record by record, as Firehose
//! does, refusing the records a test picks.

use aws_sdk_firehose::Client;
use aws_sdk_firehose::operation::put_record_batch::PutRecordBatchOutput;
use aws_sdk_firehose::types::PutRecordBatchResponseEntry;
use aws_smithy_mocks::{MockResponse, RuleMode, mock, mock_client};

/// A response in which the records whose data satisfies `fail` failed
/// with `ServiceUnavailableException`, and the rest were accepted.
pub(crate) fn partial_output(data: &[String], fail: impl Fn(&str) -> bool) -> PutRecordBatchOutput {
    let entries: Vec<_> = data
        .iter()
        .map(|d| {
            if fail(d) {
                PutRecordBatchResponseEntry::builder()
                    .error_code("ServiceUnavailableException")
                    .error_message("Slow down.")
                    .build()
            } else {
                PutRecordBatchResponseEntry::builder()
                    .record_id("ok")
                    .build()
            }
        })
        .collect();
    let failed = entries.iter().filter(|e| e.error_code().is_some()).count();
    PutRecordBatchOutput::builder()
        .failed_put_count(failed as i32)
        .set_request_responses(Some(entries))
        .build()
        .unwrap()
}

/// A client whose Firehose refuses every record `refuse` picks, every
/// time, and hands each record it accepts to `accepted`.
pub(crate) fn refusing_client(
    refuse: impl Fn(&str) -> bool + Send + Sync + 'static,
    accepted: impl Fn(&str) + Send + Sync + 'static,
) -> Client {
    let rule = mock!(Client::put_record_batch).then_compute_response(move |input| {
        let data: Vec<String> = input
            .records()
            .iter()
            .map(|r| String::from_utf8_lossy(r.data().as_ref()).into_owned())
            .collect();
        for d in data.iter().filter(|d| !refuse(d)) {
            accepted(d);
        }
        MockResponse::Output(partial_output(&data, &refuse))
    });
    mock_client!(aws_sdk_firehose, RuleMode::MatchAny, &[&rule], |b| b
        .retry_config(
            aws_sdk_firehose::config::retry::RetryConfig::disabled()
        ))
}
