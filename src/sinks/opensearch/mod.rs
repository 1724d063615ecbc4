//! The direct path: documents straight to OpenSearch's `_bulk` API,
//! signed with SigV4, compressed, exactly once.
//!
//! Firehose bills every record rounded up to 5 KB and indexes one document
//! per record, so for log lines of a few hundred bytes this path costs a
//! small fraction of the Firehose path (the arithmetic is in
//! `docs/figures.md`). It is the same seat as the Firehose sink: handed the
//! invocation's records and the deadline, it plans its own bodies within
//! `OPENSEARCH_BULK_BYTES`, keeps `MAX_IN_FLIGHT` in flight, and resends
//! only the items that failed, with the same backoff and deadline.
//!
//! - An item answered `409` to `create` was indexed before (a retried
//!   event): delivered, counted as a duplicate.
//! - An item refused for its types is repaired the way `redrive` repairs
//!   it (the value moves under `structured`) and sent once more, counted
//!   as coerced.
//! - An item still refused is written to `BACKUP_BUCKET` in Firehose's
//!   failed-document format under `errors/`, where `redrive` and its
//!   schedule read; without a bucket, it fails the invocation, so Lambda
//!   retries and finally parks it in the failure queue.

mod backup;
mod bulk;
pub(crate) mod config;
mod sign;

use std::borrow::Cow;
use std::io::Write as _;
use std::ops::Range;
use std::time::{Duration, SystemTime};

use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use futures_util::stream::{self, StreamExt as _};
use tokio::time::Instant;

use super::retry::{self, Attempt, Backoff};
use super::{DeliverError, Receipt};
use crate::https::{Http, HttpError};
use crate::model::Schema;
use crate::records::{Keys, Records};
use crate::report::Delivered;
use crate::shape::stable::{clash_field, stabilize_document};
use bulk::Fate;
use config::OpenSearchSettings;

pub(crate) use backup::{Backup, BackupError};

/// The largest document the direct path sends: Firehose's record limit,
/// kept on this path too, so a document reads the same by either path and
/// `redrive` moves failed documents between them unchanged. Far under the
/// smallest domain's HTTP payload limit, 10 MiB
/// (<https://docs.aws.amazon.com/opensearch-service/latest/developerguide/limits.html#network-limits>).
pub(crate) const MAX_DOCUMENT_BYTES: usize = 1000 * 1024;

/// Longest one `_bulk` call may take before it is abandoned and its items
/// sent again.
pub(crate) const CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// Sends to one OpenSearch domain or Serverless collection.
pub struct OpenSearchSink {
    http: Http,
    settings: OpenSearchSettings,
    /// The `_bulk` URL and its host, for the signature.
    url: String,
    host: String,
    region: String,
    credentials: Option<SharedCredentialsProvider>,
    schema: Schema,
    max_in_flight: usize,
    backoff: Backoff,
    call_timeout: Duration,
    backup: Option<Backup>,
}

/// Why a `_bulk` request could not be signed. Retried: credentials can be
/// refreshed by the next attempt.
#[derive(Debug, thiserror::Error)]
enum SignatureError {
    #[error("no AWS credentials to sign the _bulk request with")]
    NoCredentials,
    #[error("AWS credentials: {0}")]
    Credentials(#[from] aws_credential_types::provider::error::CredentialsError),
    #[error(transparent)]
    Sign(#[from] sign::SignError),
}

/// How one `_bulk` call ended, for all its items.
enum Call {
    /// The answer, item by item.
    Answered(Vec<Fate>),
    /// Worth sending every item again: no answer, `429`, `5xx`.
    Again(String),
    /// Refused for good (access denied, a body over the domain's limit):
    /// delivery stops.
    Fatal { code: String, message: String },
}

impl OpenSearchSink {
    pub(crate) fn new(
        http: Http,
        settings: OpenSearchSettings,
        sdk: &aws_config::SdkConfig,
        schema: Schema,
        max_in_flight: usize,
        backup: Option<Backup>,
    ) -> OpenSearchSink {
        let host = settings
            .endpoint
            .split_once("://")
            .map_or("", |(_, h)| h)
            .to_owned();
        OpenSearchSink {
            url: format!("{}/_bulk", settings.endpoint),
            host,
            region: sdk.region().map_or("us-east-1", |r| r.as_ref()).to_owned(),
            credentials: sdk.credentials_provider(),
            http,
            settings,
            schema,
            max_in_flight: max_in_flight.max(1),
            backoff: Backoff::default(),
            call_timeout: CALL_TIMEOUT,
            backup,
        }
    }

    pub fn with_backoff(mut self, backoff: Backoff) -> Self {
        self.backoff = backoff;
        self
    }

    /// Sends every record; see the module doc for what becomes of each.
    pub(super) async fn deliver(&self, records: Records, deadline: Instant) -> Receipt {
        let total = records.len();
        let mut items = Items::new(&records, records.keys(), &self.settings);
        let mut receipt = Receipt::default();
        let counts = &mut receipt.counts;
        let round = async |pending: &[usize], remaining: Duration, _: u32| {
            self.round(&mut items, pending, remaining, counts).await
        };
        let driven = retry::drive(&self.backoff, deadline, (0..total).collect(), None, round).await;
        receipt.counts.retried += driven.retried;
        receipt.error = driven.error;
        self.finish(items, driven.unsent, driven.last, total, receipt)
            .await
    }

    /// One round: the pending items in bodies, several in flight. Counts
    /// what was delivered; the items to send again go again (in order),
    /// waiting first if any failed rather than was repaired, unless
    /// OpenSearch refused a call for good.
    async fn round(
        &self,
        items: &mut Items<'_>,
        pending: &[usize],
        remaining: Duration,
        counts: &mut Delivered,
    ) -> Attempt {
        let sizes: Vec<usize> = pending.iter().map(|&i| items.size(i)).collect();
        let bodies = bulk::bodies(&sizes, self.settings.max_bulk_bytes);
        counts.calls += bodies.len();
        let wait = remaining.min(self.call_timeout);
        let shared = &*items;
        let answers: Vec<(Range<usize>, Call)> = stream::iter(bodies)
            .map(|range| async move {
                let body = shared.body(&pending[range.clone()]);
                let n = range.len();
                (range, self.call(body, n, wait).await)
            })
            .buffer_unordered(self.max_in_flight)
            .collect()
            .await;
        let (mut again, mut why, mut fatal) = (Vec::new(), None, None);
        for (range, call) in answers {
            let ids = &pending[range];
            match call {
                Call::Answered(fates) => {
                    for (&i, fate) in ids.iter().zip(fates) {
                        match items.settle(i, fate, self.schema, counts) {
                            Settled::Done => {}
                            Settled::Again(w) => {
                                why = Some(w);
                                again.push(i);
                            }
                            Settled::Repaired => again.push(i),
                        }
                    }
                }
                Call::Again(w) => {
                    tracing::warn!(items = ids.len(), error = %w, "_bulk call failed; will retry");
                    why = Some(w);
                    again.extend_from_slice(ids);
                }
                Call::Fatal { code, message } => {
                    fatal = Some((code, message));
                    again.extend_from_slice(ids);
                }
            }
        }
        again.sort_unstable();
        match fatal {
            Some((code, message)) => {
                tracing::error!(%code, %message, "OpenSearch refused the call; not retrying");
                Attempt::Stop {
                    items: again,
                    why: None,
                    error: Some(DeliverError::Refused { code, message }),
                }
            }
            None => Attempt::Again {
                items: again,
                wait: why,
            },
        }
    }

    /// One `_bulk` call of `n` items: compressed unless turned off,
    /// signed, bounded by `wait`.
    async fn call(&self, body: Vec<u8>, n: usize, wait: Duration) -> Call {
        let body = if self.settings.gzip {
            gzip(&body)
        } else {
            body
        };
        let mut headers = vec![
            ("host", self.host.clone()),
            ("content-type", "application/x-ndjson".to_owned()),
        ];
        if self.settings.gzip {
            headers.push(("content-encoding", "gzip".to_owned()));
        }
        let signed = match self.signature(&headers, &body).await {
            Ok(s) => s,
            Err(why) => return Call::Again(why.to_string()),
        };
        let mut all: Vec<(&str, String)> = headers;
        all.extend(signed.iter().map(|(k, v)| (k.as_str(), v.clone())));
        match self.http.send("POST", &self.url, &all, body, wait).await {
            Ok((200, answer)) => Call::Answered(bulk::fates(&answer, n)),
            Ok((status, answer)) => status_failure(status, &answer),
            Err(e @ HttpError::Request(_)) => Call::Fatal {
                code: "InvalidRequest".to_owned(),
                message: e.to_string(),
            },
            Err(e) => Call::Again(e.to_string()),
        }
    }

    /// The signature headers, with the role's credentials (cached by the
    /// SDK's provider) at the time of sending.
    async fn signature(
        &self,
        headers: &[(&str, String)],
        body: &[u8],
    ) -> Result<Vec<(String, String)>, SignatureError> {
        let Some(provider) = &self.credentials else {
            return Err(SignatureError::NoCredentials);
        };
        let credentials = provider.provide_credentials().await?;
        let signer = sign::Signer {
            credentials: &credentials,
            region: &self.region,
            service: self.settings.signing.service(),
        };
        Ok(signer.headers("POST", &self.url, headers, body, SystemTime::now())?)
    }

    /// Items refused for good go to the backup bucket; what is still
    /// pending failed. Counts and the error.
    async fn finish(
        &self,
        items: Items<'_>,
        mut pending: Vec<usize>,
        last: Option<String>,
        total: usize,
        mut receipt: Receipt,
    ) -> Receipt {
        if !items.refused.is_empty() {
            match &self.backup {
                Some(backup) => match backup.write(&items.refused, &items).await {
                    Ok(()) => receipt.counts.backed_up += items.refused.len(),
                    Err(err) => {
                        tracing::error!(error = %err, documents = items.refused.len(), "refused documents could not be backed up");
                        pending.extend(items.refused.iter().map(|r| r.item));
                        receipt.error.get_or_insert(DeliverError::Backup(err));
                    }
                },
                None => {
                    let first = &items.refused[0];
                    tracing::error!(documents = items.refused.len(), code = %first.code, reason = %first.reason, "OpenSearch refused documents and BACKUP_BUCKET is unset");
                    pending.extend(items.refused.iter().map(|r| r.item));
                    receipt.error.get_or_insert(DeliverError::Refused {
                        code: first.code.clone(),
                        message: format!(
                            "{} documents refused (set BACKUP_BUCKET to keep them for redrive): {}",
                            items.refused.len(),
                            first.reason
                        ),
                    });
                }
            }
        }
        pending.sort_unstable();
        receipt.counts.failed = pending.len();
        receipt.unsent = pending;
        receipt.close(total, last, "documents");
        receipt
    }
}

/// A whole call answered with a status other than 200.
fn status_failure(status: u16, answer: &[u8]) -> Call {
    let text = String::from_utf8_lossy(&answer[..answer.len().min(300)]).into_owned();
    match status {
        429 | 500..=599 => Call::Again(format!("HTTP {status}: {text}")),
        413 => Call::Fatal {
            code: "RequestEntityTooLarge".to_owned(),
            message: format!(
                "the _bulk body is over the domain's HTTP payload limit; lower OPENSEARCH_BULK_BYTES: {text}"
            ),
        },
        _ => Call::Fatal {
            code: format!("HTTP{status}"),
            message: text,
        },
    }
}

fn gzip(body: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 4),
        flate2::Compression::fast(),
    );
    // Writing to a Vec can't fail.
    if gz.write_all(body).is_err() {
        return body.to_vec();
    }
    gz.finish().unwrap_or_else(|_| body.to_vec())
}

/// What became of one item, for the next round.
#[derive(Debug, PartialEq, Eq)]
enum Settled {
    /// Delivered, or refused for good and kept for the backup.
    Done,
    /// To send again after a wait, for this reason.
    Again(String),
    /// Repaired after a type clash: to send again at once.
    Repaired,
}

/// A document refused for good, for the backup.
pub(crate) struct RefusedItem {
    pub(crate) item: usize,
    pub(crate) code: String,
    pub(crate) reason: String,
}

/// The invocation's documents as `_bulk` items: each one's action line and
/// document (repaired in place when it clashed), and what was refused.
pub(crate) struct Items<'r> {
    actions: Records,
    docs: Vec<Cow<'r, [u8]>>,
    repaired: Vec<bool>,
    refused: Vec<RefusedItem>,
}

impl<'r> Items<'r> {
    /// The items for `records`, in the daily index of each one's time from
    /// `keys` (its log group's index, as the settings route it), under its
    /// id from `keys` when the settings send ids (else, or without keys:
    /// no `_id`, at least once).
    fn new(records: &'r Records, keys: Option<&Keys>, settings: &OpenSearchSettings) -> Items<'r> {
        let mut actions = Records::with_capacity(records.len() * 96, records.len());
        let now = now_ms();
        // Records of one delivery are consecutive: route each group once.
        let mut routed: Option<(&str, &str)> = None;
        for i in 0..records.len() {
            let (id, time, named, group) = match keys {
                Some(k) => {
                    let (id, time) = k.get(i);
                    let id = Some(id).filter(|id| settings.ids && !id.is_empty());
                    (id, time, k.index(i), k.group(i))
                }
                None => (None, now, None, None),
            };
            let index = match (group, routed) {
                (Some(g), Some((last, index))) if g == last => index,
                (Some(g), _) => {
                    let index = settings.index_for(g);
                    routed = Some((g, index));
                    index
                }
                (None, _) => settings.index.as_str(),
            };
            match named {
                Some(named) => bulk::action_into(actions.buffer(), named, id),
                None => bulk::action(actions.buffer(), index, time, id),
            }
            actions.commit();
        }
        Items {
            actions,
            docs: records.iter().map(Cow::Borrowed).collect(),
            repaired: vec![false; records.len()],
            refused: Vec::new(),
        }
    }

    fn size(&self, i: usize) -> usize {
        self.actions.get(i).len() + self.docs[i].len()
    }

    /// The body for these items: action line, then document, each.
    fn body(&self, ids: &[usize]) -> Vec<u8> {
        let mut body = Vec::with_capacity(ids.iter().map(|&i| self.size(i)).sum());
        for &i in ids {
            body.extend_from_slice(self.actions.get(i));
            body.extend_from_slice(&self.docs[i]);
        }
        body
    }

    /// The action line and document of item `i` (the document as last
    /// sent).
    pub(crate) fn item(&self, i: usize) -> (&[u8], &[u8]) {
        (self.actions.get(i), &self.docs[i])
    }

    /// Counts one item's fate, and says whether it goes again.
    fn settle(&mut self, i: usize, fate: Fate, schema: Schema, counts: &mut Delivered) -> Settled {
        match fate {
            Fate::Indexed => counts.sent += 1,
            Fate::Duplicate => {
                counts.sent += 1;
                counts.duplicates += 1;
            }
            Fate::Retry(why) => return Settled::Again(why),
            Fate::Clash { code, reason } if !self.repaired[i] => {
                let text = String::from_utf8_lossy(&self.docs[i]);
                let clashes: Vec<&str> = clash_field(&reason).into_iter().collect();
                match stabilize_document(text.trim_end(), schema, &clashes) {
                    Some(mut fixed) => {
                        fixed.push('\n');
                        self.docs[i] = Cow::Owned(fixed.into_bytes());
                        self.repaired[i] = true;
                        counts.coerced += 1;
                        return Settled::Repaired;
                    }
                    None => self.refuse(i, &code, reason),
                }
            }
            Fate::Clash { code, reason } => self.refuse(i, &code, reason),
            Fate::Refused { code, reason } => self.refuse(i, &code, reason),
        }
        Settled::Done
    }

    fn refuse(&mut self, item: usize, code: &str, reason: String) {
        self.refused.push(RefusedItem {
            item,
            code: code.to_owned(),
            reason,
        });
    }
}

fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

#[cfg(test)]
mod tests;
