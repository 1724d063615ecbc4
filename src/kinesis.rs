//! Kinesis Data Streams events: central logging across accounts.
//!
//! A CloudWatch Logs subscription can't invoke a Lambda in another account.
//! AWS's route for that is a logs destination in the central account in
//! front of a Kinesis data stream
//! (<https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CrossAccountSubscriptions-Kinesis.html>);
//! each stream record's data is one CloudWatch delivery, gzip-compressed,
//! exactly what a subscription event carries in `awslogs.data`. Lambda reads
//! the stream through an event source mapping and sends
//! `{"Records":[{"kinesis":{"data":…,"sequenceNumber":…},…},…]}`.
//!
//! ## What is answered, and why
//!
//! The reply is `{"batchItemFailures":[{"itemIdentifier":SEQ},…]}`
//! (`ReportBatchItemFailures`,
//! <https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-batchfailurereporting.html>).
//! Lambda retries a shard from the lowest sequence number reported, so
//! every record after it comes again whatever this function says of it.
//! Hence the rule here: the first stream record that can't be decoded, or
//! whose documents were not all accepted, is reported with every record
//! after it, and records after an undecodable one are not even sent (they
//! would only be sent twice). Records before it are done. A retry therefore
//! duplicates at most the documents of the first failed record that had
//! been accepted.

use std::borrow::Cow;
use std::ops::Range;

use base64::Engine as _;
use serde::{Deserialize, Serialize};
use tokio::time::Instant;

use crate::batch;
use crate::decode::{self, MAX_EVENT_BYTES};
use crate::deliver::Sink;
use crate::pipeline::{PREVIEW_BYTES, Pipeline, prepare_payload, preview};
use crate::records::Records;
use crate::report::Summary;

/// A Kinesis event as Lambda's event source mapping sends it.
#[derive(Debug, Deserialize)]
pub struct KinesisEvent<'a> {
    #[serde(rename = "Records", borrow)]
    pub records: Vec<KinesisEventRecord<'a>>,
}

#[derive(Debug, Deserialize)]
pub struct KinesisEventRecord<'a> {
    #[serde(borrow)]
    pub kinesis: KinesisRecord<'a>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KinesisRecord<'a> {
    #[serde(borrow)]
    pub sequence_number: Cow<'a, str>,
    #[serde(borrow)]
    pub data: Cow<'a, str>,
}

/// Why a Kinesis event was refused as a whole (its records are never
/// refused as a whole: see the module doc).
#[derive(Debug, thiserror::Error)]
pub enum KinesisError {
    #[error("event is {size} bytes, over the {limit}-byte limit")]
    EventTooLarge { size: usize, limit: usize },
    #[error("not a Kinesis event: {0}")]
    NotAnEvent(#[source] serde_json::Error),
}

impl KinesisError {
    /// A stable name for the error, used as the Lambda `errorType`.
    pub fn kind(&self) -> &'static str {
        match self {
            KinesisError::EventTooLarge { .. } => "EventTooLarge",
            KinesisError::NotAnEvent(_) => "InvalidKinesisEvent",
        }
    }
}

/// The reply Lambda reads with `ReportBatchItemFailures`.
#[derive(Debug, Default, Serialize, PartialEq, Eq)]
pub struct Response {
    #[serde(rename = "batchItemFailures")]
    pub batch_item_failures: Vec<ItemFailure>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ItemFailure {
    #[serde(rename = "itemIdentifier")]
    pub item_identifier: String,
}

/// Whether an event is a Kinesis event, told from its keys as the other
/// kinds are: `Records` holding `kinesis` entries.
pub fn is_kinesis_event(event: &[u8]) -> bool {
    if memchr::memmem::find(event, b"\"kinesis\"").is_none() {
        return false;
    }
    #[derive(Deserialize)]
    struct Probe {
        #[serde(rename = "Records", default)]
        records: Option<Vec<ProbeRecord>>,
    }
    #[derive(Deserialize)]
    struct ProbeRecord {
        #[serde(default)]
        kinesis: Option<serde::de::IgnoredAny>,
    }
    match serde_json::from_slice::<Probe>(event) {
        Ok(Probe {
            records: Some(records),
        }) => records.first().is_some_and(|r| r.kinesis.is_some()),
        _ => false,
    }
}

/// The documents of an event's stream records, gathered into one set of
/// batches, and which stream record each came from.
#[derive(Debug, Default)]
pub struct Gathered {
    pub records: Records,
    pub batches: Vec<Range<usize>>,
    /// Stream record `k`'s documents end (exclusive) at `ends[k]`. Only
    /// records before the first undecodable one are here.
    pub ends: Vec<usize>,
    /// Every stream record's sequence number, in order.
    pub sequence_numbers: Vec<String>,
    pub summary: Summary,
}

/// Decodes and shapes every stream record, in order, up to the first that
/// can't be decoded. Pure: sending is `handle`'s job.
pub fn gather(event: &[u8], pipeline: &Pipeline) -> Result<Gathered, KinesisError> {
    if event.len() > MAX_EVENT_BYTES {
        return Err(KinesisError::EventTooLarge {
            size: event.len(),
            limit: MAX_EVENT_BYTES,
        });
    }
    let event: KinesisEvent<'_> =
        serde_json::from_slice(event).map_err(KinesisError::NotAnEvent)?;
    let mut g = Gathered {
        sequence_numbers: event
            .records
            .iter()
            .map(|r| r.kinesis.sequence_number.clone().into_owned())
            .collect(),
        ..Gathered::default()
    };
    g.summary.stream_records = event.records.len();
    for record in &event.records {
        match stream_record(&record.kinesis.data, pipeline) {
            Ok(prepared) => {
                g.summary.add(&prepared.summary);
                g.records.append(prepared.records);
                g.ends.push(g.records.len());
            }
            Err(why) => {
                tracing::warn!(
                    sequence_number = %record.kinesis.sequence_number,
                    error = %why,
                    "stream record could not be decoded; it and the records after it are reported for retry"
                );
                break;
            }
        }
    }
    // "A control message" describes the event only if nothing else came.
    g.summary.control &= g.records.is_empty();
    g.summary.firehose_records = g.records.len();
    let sizes: Vec<usize> = g.records.iter().map(<[u8]>::len).collect();
    g.batches = batch::plan(&sizes);
    Ok(g)
}

/// One stream record's data (base64 of the gzip delivery; also accepted
/// uncompressed) through the pipeline.
fn stream_record(data: &str, pipeline: &Pipeline) -> Result<crate::pipeline::Prepared, String> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .map_err(|e| format!("record data is not valid base64: {e}"))?;
    let payload =
        decode::gunzip_if_gzip(&bytes, pipeline.max_payload_bytes()).map_err(|e| e.to_string())?;
    prepare_payload(&payload, pipeline).map_err(|e| e.to_string())
}

/// The stream records to report: the first one not done, and every one
/// after it (see the module doc). A record is done when it was decoded and
/// none of its documents is among `unsent` (ascending indices).
pub fn item_failures(
    ends: &[usize],
    sequence_numbers: &[String],
    unsent: &[usize],
) -> Vec<ItemFailure> {
    let first_unsent_record = unsent
        .first()
        .map_or(ends.len(), |&doc| ends.partition_point(|&end| end <= doc));
    sequence_numbers
        .iter()
        .skip(first_unsent_record)
        .map(|seq| ItemFailure {
            item_identifier: seq.clone(),
        })
        .collect()
}

/// Runs one Kinesis invocation: gathers every stream record's documents,
/// sends them, and answers which stream records Lambda must retry. A
/// delivery failure is answered, not raised, so Lambda retries only from
/// the first failed record.
pub async fn handle(
    event: &[u8],
    pipeline: &Pipeline,
    sink: &Sink,
    deadline: Instant,
) -> (Summary, Result<Response, KinesisError>) {
    let g = match gather(event, pipeline) {
        Ok(g) => g,
        Err(err) => {
            tracing::debug!(event = %preview(event, PREVIEW_BYTES), "event that failed");
            return (Summary::default(), Err(err));
        }
    };
    let Gathered {
        records,
        batches,
        ends,
        sequence_numbers,
        mut summary,
    } = g;
    summary.warn();
    let report = sink.deliver(records, batches, deadline).await;
    summary.delivered(&report);
    if let Some(err) = &report.error {
        tracing::error!(error = %err, kind = err.kind(), "documents not delivered; their stream records are reported for retry");
    }
    let failures = item_failures(&ends, &sequence_numbers, &report.unsent);
    summary.item_failures = failures.len();
    (
        summary,
        Ok(Response {
            batch_item_failures: failures,
        }),
    )
}

#[cfg(test)]
mod tests;
