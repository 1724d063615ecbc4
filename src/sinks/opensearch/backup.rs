//! Documents OpenSearch refused for good, kept in the backup bucket in
//! Firehose's failed-document format
//! (<https://docs.aws.amazon.com/firehose/latest/dev/retry.html>): one JSON
//! object per line with `rawData` (the document, base64), `errorCode`,
//! `errorMessage`, `esDocumentId` and `esIndexName`, under `errors/`, where
//! `redrive` and its schedule read.

use aws_sdk_s3::error::DisplayErrorContext;
use aws_sdk_s3::primitives::ByteStream;
use base64::Engine as _;

use super::{Items, RefusedItem};

/// Where refused documents are written under the bucket: inside the
/// `errors/` prefix the redrive schedule reads, apart from Firehose's own.
pub(crate) const BACKUP_PREFIX: &str = "errors/opensearch-failed/";

/// The bucket refused documents go to.
pub(crate) struct Backup {
    pub(crate) s3: aws_sdk_s3::Client,
    pub(crate) bucket: String,
}

/// Why refused documents could not be written.
#[derive(Debug, thiserror::Error)]
#[error("writing {key} to s3://{bucket}: {detail}")]
pub struct BackupError {
    bucket: String,
    key: String,
    detail: String,
    #[source]
    source: Box<dyn std::error::Error + Send + Sync>,
}

impl Backup {
    /// Writes every refused document in one object.
    pub(super) async fn write(
        &self,
        refused: &[RefusedItem],
        items: &Items<'_>,
    ) -> Result<(), BackupError> {
        let now = super::now_ms();
        let key = key(now, fastrand::u64(..));
        let body = lines(refused, items, now);
        self.s3
            .put_object()
            .bucket(&self.bucket)
            .key(&key)
            .content_type("application/x-ndjson")
            .body(ByteStream::from(body))
            .send()
            .await
            .map(|_| {
                tracing::warn!(documents = refused.len(), bucket = %self.bucket, key, "documents OpenSearch refused were written to the backup bucket, for redrive");
            })
            .map_err(|e| BackupError {
                bucket: self.bucket.clone(),
                key: key.clone(),
                detail: DisplayErrorContext(&e).to_string(),
                source: Box::new(e),
            })
    }
}

/// `errors/opensearch-failed/YYYY/MM/DD/HH/logs-to-firehose-<ms>-<hex>`, as
/// Firehose names its own by the hour.
fn key(now_ms: i64, nonce: u64) -> String {
    let mut t = Vec::with_capacity(24);
    crate::json::write_rfc3339_millis(&mut t, now_ms);
    let t = String::from_utf8_lossy(&t);
    format!(
        "{BACKUP_PREFIX}{}/{}/{}/{}/logs-to-firehose-{now_ms}-{nonce:016x}",
        &t[0..4],
        &t[5..7],
        &t[8..10],
        &t[11..13]
    )
}

/// The failed-document lines for the refused items.
fn lines(refused: &[RefusedItem], items: &Items<'_>, now_ms: i64) -> Vec<u8> {
    let mut out = String::new();
    for r in refused {
        let (action, doc) = items.item(r.item);
        let target: serde_json::Value = serde_json::from_slice(action).unwrap_or_default();
        let target = target
            .as_object()
            .and_then(|o| o.values().next())
            .cloned()
            .unwrap_or_default();
        let line = serde_json::json!({
            "attemptsMade": 1,
            "arrivalTimestamp": now_ms,
            "errorCode": r.code,
            "errorMessage": r.reason,
            "attemptEndingTimestamp": now_ms,
            "rawData": base64::engine::general_purpose::STANDARD.encode(doc),
            "subsequenceNumber": 0,
            "esDocumentId": target.get("_id").and_then(|v| v.as_str()).unwrap_or_default(),
            "esTypeName": "",
            "esIndexName": target.get("_index").and_then(|v| v.as_str()).unwrap_or_default(),
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backup_keys_are_by_the_hour_under_the_prefix_redrive_reads() {
        assert_eq!(
            key(1_715_438_684_000, 255),
            "errors/opensearch-failed/2024/05/11/14/logs-to-firehose-1715438684000-00000000000000ff"
        );
    }
}
