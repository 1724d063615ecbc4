//! Redrive: documents OpenSearch refused, back into the delivery stream.
//!
//! Firehose retries an OpenSearch destination for `RetryDurationInSeconds`,
//! then writes the documents it could not index to S3, one JSON object per
//! line (`rawData`, `errorCode`, `errorMessage`, …;
//! <https://docs.aws.amazon.com/firehose/latest/dev/retry.html>), gzip when
//! the stream compresses. There they would stay. This module reads such a
//! file ([`parse_file`]) and turns its documents into records to send again
//! ([`records`]), each through the same type-stabilising step as live
//! traffic, so a document refused for a mapping clash is fixed on the way.
//! Pure: `s3` lists, reads and marks the files; the CLI and the scheduled
//! Lambda send with the one Firehose sink.
//!
//! An object is marked done (deleted, or moved under [`REDRIVEN_PREFIX`])
//! only after every one of its documents was accepted. A run that stops
//! half-way sends that object's documents again next time: those, and only
//! those, can arrive twice.

pub(crate) mod s3;

use std::collections::BTreeMap;

use base64::Engine as _;
use serde::Deserialize;

use crate::decode;
use crate::model::Schema;
use crate::records::Records;
use crate::shape::stable::{clash_field, stabilize_document};

/// Where `--after move` puts a file once all its documents were accepted:
/// the same key under this prefix, outside the failed-document prefix, so
/// no later run reads it again.
pub(crate) const REDRIVEN_PREFIX: &str = "redriven/";

/// Where Firehose writes the documents an OpenSearch destination refused,
/// under the bucket (and the stream's S3 prefix, if it has one).
pub(crate) const FAILED_PREFIX: &str = "AmazonOpenSearchService-failed/";

/// The largest failed-document file read: Firehose's S3 buffer is at most
/// 128 MiB
/// (<https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html>),
/// and each document is base64 in it, so twice that is more than any file
/// Firehose writes.
pub(crate) const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;

/// Why a file could not be read. The file is then left where it is, and
/// the run goes on with the next one.
#[derive(Debug, thiserror::Error)]
pub enum RedriveError {
    #[error("not valid gzip: {0}")]
    Gzip(#[source] decode::DecodeError),
    #[error("line {line}: not a failed-document record: {why}")]
    Line { line: usize, why: String },
    #[error("line {line}: rawData is not valid base64")]
    RawData { line: usize },
    #[error("not a redrive input: {0}")]
    NotAnInput(#[source] serde_json::Error),
    #[error("S3: {what}: {detail}")]
    S3 {
        what: String,
        /// The SDK's error with its context, as the SDK renders it.
        detail: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    #[error("S3: {key}: over {limit} bytes")]
    TooLarge { key: String, limit: usize },
}

impl RedriveError {
    /// A stable name for the error, used as the Lambda `errorType`.
    pub(crate) fn error_type(&self) -> &'static str {
        match self {
            RedriveError::Gzip(_)
            | RedriveError::Line { .. }
            | RedriveError::RawData { .. }
            | RedriveError::NotAnInput(_) => "InvalidRedriveInput",
            RedriveError::S3 { .. } | RedriveError::TooLarge { .. } => "RedriveS3",
        }
    }
}

/// One line of a failed-document file: the fields redrive uses.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Line {
    raw_data: String,
    #[serde(default)]
    error_code: Option<String>,
    #[serde(default)]
    error_message: Option<String>,
    /// The document's id and index, where the writer named them (the
    /// direct path does; Firehose names its own).
    #[serde(default, rename = "esDocumentId")]
    document_id: Option<String>,
    #[serde(default, rename = "esIndexName")]
    index_name: Option<String>,
}

/// A document Firehose could not deliver, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FailedDocument {
    pub error_code: String,
    pub error_message: String,
    /// The record's data as it was sent: one document.
    pub data: Vec<u8>,
    /// Its `_id` and index, when the file names them: sent again under
    /// the same id, a redriven document is never indexed twice.
    pub id: Option<(String, String)>,
}

/// Reads one failed-document file: gzip or plain, one JSON object per
/// line, blank lines skipped.
pub(crate) fn parse_file(bytes: &[u8]) -> Result<Vec<FailedDocument>, RedriveError> {
    let text = decode::gunzip_if_gzip(bytes, MAX_FILE_BYTES).map_err(RedriveError::Gzip)?;
    let mut docs = Vec::new();
    for (i, line) in text.split(|&b| b == b'\n').enumerate() {
        if line.trim_ascii().is_empty() {
            continue;
        }
        let parsed: Line = serde_json::from_slice(line).map_err(|e| RedriveError::Line {
            line: i + 1,
            why: e.to_string(),
        })?;
        let data = base64::engine::general_purpose::STANDARD
            .decode(parsed.raw_data.trim())
            .map_err(|_| RedriveError::RawData { line: i + 1 })?;
        docs.push(FailedDocument {
            error_code: parsed.error_code.unwrap_or_else(|| "unknown".to_owned()),
            error_message: parsed.error_message.unwrap_or_default(),
            data,
            id: parsed
                .document_id
                .filter(|id| !id.is_empty())
                .map(|id| (id, parsed.index_name.unwrap_or_default())),
        });
    }
    Ok(docs)
}

/// What a redrive did, or (`--dry-run`) would do.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Files read, and files whose every document was accepted and that
    /// were marked done.
    pub files: usize,
    pub files_done: usize,
    /// Files left in place: unreadable, or some document not accepted.
    pub files_left: usize,
    pub documents: usize,
    /// Documents reshaped on the way (`TYPE_STABLE`'s step).
    pub coerced: usize,
    pub sent: usize,
    pub failed: usize,
    /// Why OpenSearch refused them: error code → documents.
    pub error_codes: BTreeMap<String, usize>,
}

impl Tally {
    /// The error codes, most frequent first, as `code=N` pairs.
    pub(crate) fn error_summary(&self) -> String {
        let mut codes: Vec<(&String, &usize)> = self.error_codes.iter().collect();
        codes.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        codes
            .iter()
            .map(|(code, n)| format!("{code}={n}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The counts a Lambda invocation reports as metrics.
    pub(crate) fn summary(&self) -> crate::report::Summary {
        crate::report::Summary {
            delivery: crate::report::Delivered {
                sent: self.sent,
                failed: self.failed,
                coerced: self.coerced,
                ..crate::report::Delivered::default()
            },
            ..crate::report::Summary::default()
        }
    }

    /// The final line on stderr.
    pub(crate) fn line(&self, dry_run: bool) -> String {
        let verb = if dry_run { "would send" } else { "sent" };
        format!(
            "files={} done={} left={} documents={} coerced={} {verb}={} failed={} errors: {}",
            self.files,
            self.files_done,
            self.files_left,
            self.documents,
            self.coerced,
            self.sent,
            self.failed,
            if self.error_codes.is_empty() {
                "none".to_owned()
            } else {
                self.error_summary()
            }
        )
    }
}

/// The records to send for one file's documents, one document each, in
/// order, every one type-stabilised for `schema` (counted in `coerced`).
pub(crate) fn records(docs: &[FailedDocument], schema: Schema, tally: &mut Tally) -> Records {
    let mut out = Records::with_capacity(docs.iter().map(|d| d.data.len() + 1).sum(), docs.len());
    for doc in docs {
        *tally.error_codes.entry(doc.error_code.clone()).or_default() += 1;
        tally.documents += 1;
        let text = String::from_utf8_lossy(&doc.data);
        let text = text.trim_end_matches(['\n', '\r']);
        let clash = clash_field(&doc.error_message);
        let clashes: Vec<&str> = clash.iter().copied().collect();
        let mut line = match stabilize_document(text, schema, &clashes) {
            Some(fixed) => {
                tally.coerced += 1;
                fixed.into_bytes()
            }
            None => text.as_bytes().to_vec(),
        };
        line.push(b'\n');
        match &doc.id {
            Some((id, index)) => out.push_named(&line, id, index),
            None => out.push(&line),
        }
    }
    out
}

#[cfg(test)]
mod tests;
