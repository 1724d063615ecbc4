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

use serde::{Deserialize, Serialize};
use tokio::time::Instant;

use super::{Kind, Outcome, Reply, Services};
use crate::decode::MAX_EVENT_BYTES;
use crate::pipeline::{PREVIEW_BYTES, Pipeline, prepare_record, preview};
use crate::records::Records;
use crate::report::Summary;

/// A Kinesis event as Lambda's event source mapping sends it.
#[derive(Debug, Deserialize)]
pub(crate) struct KinesisEvent<'a> {
    #[serde(rename = "Records", borrow)]
    pub records: Vec<KinesisEventRecord<'a>>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct KinesisEventRecord<'a> {
    #[serde(borrow)]
    pub kinesis: KinesisRecord<'a>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct KinesisRecord<'a> {
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
    pub(crate) fn error_type(&self) -> &'static str {
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

/// The documents of an event's stream records, gathered into one buffer,
/// and which stream record each came from.
#[derive(Debug, Default)]
pub(crate) struct Gathered {
    pub records: Records,
    /// Stream record `k`'s documents end (exclusive) at `ends[k]`. Only
    /// records before the first undecodable one are here.
    pub ends: Vec<usize>,
    /// Every stream record's sequence number, in order.
    pub sequence_numbers: Vec<String>,
    pub summary: Summary,
}

/// Decodes and shapes every stream record, in order, up to the first that
/// can't be decoded. Pure: sending is `handle`'s job.
pub(crate) fn gather(event: &[u8], pipeline: &Pipeline) -> Result<Gathered, KinesisError> {
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
    g.summary.kinesis_mut().stream_records = event.records.len();
    for record in &event.records {
        match prepare_record(&record.kinesis.data, pipeline) {
            Ok(prepared) => {
                g.summary.shaped.add(&prepared.summary.shaped);
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
    g.summary.shaped.control &= g.records.is_empty();
    g.summary.shaped.outgoing = g.records.len();
    Ok(g)
}

/// The stream records to report: the first one not done, and every one
/// after it (see the module doc). A record is done when it was decoded and
/// none of its documents is among `unsent` (ascending indices).
pub(crate) fn item_failures(
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
pub(super) async fn handle(event: &[u8], services: &Services, deadline: Instant) -> Outcome {
    let sink = match services.sink() {
        Ok(sink) => sink,
        Err(err) => return Outcome::new(Kind::Kinesis, Summary::default(), Err(err)),
    };
    let g = match gather(event, &services.pipeline) {
        Ok(g) => g,
        Err(err) => {
            tracing::debug!(event = %preview(event, PREVIEW_BYTES), "event that failed");
            return Outcome::new(Kind::Kinesis, Summary::default(), Err(err));
        }
    };
    let Gathered {
        records,
        ends,
        sequence_numbers,
        mut summary,
    } = g;
    summary.warn();
    let report = sink.deliver(records, deadline).await;
    summary.delivery = report.counts;
    if let Some(err) = &report.error {
        tracing::error!(error = %err, kind = err.error_type(), "documents not delivered; their stream records are reported for retry");
    }
    let failures = item_failures(&ends, &sequence_numbers, &report.unsent);
    summary.kinesis_mut().item_failures = failures.len();
    let response = Response {
        batch_item_failures: failures,
    };
    Outcome::new(
        Kind::Kinesis,
        summary,
        Ok::<_, KinesisError>(Reply::Kinesis(response)),
    )
}

#[cfg(test)]
mod tests;
