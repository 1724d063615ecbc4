//! The direct path's settings: `OPENSEARCH_ENDPOINT` and what goes with
//! it, read and checked at start-up with the rest of the configuration,
//! and which index each log group's documents go to.

use crate::glob::glob_matches;
use crate::vars::{ConfigError, Get, invalid, number, on_off};

/// Which AWS service a request to OpenSearch is signed for (SigV4's
/// service name).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signing {
    /// An OpenSearch Service domain: `es`.
    Domain,
    /// An OpenSearch Serverless collection: `aoss`.
    Serverless,
}

impl Signing {
    pub fn service(self) -> &'static str {
        match self {
            Signing::Domain => "es",
            Signing::Serverless => "aoss",
        }
    }
}

/// The direct path's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSearchSettings {
    /// The domain's or collection's base URL, without a trailing slash:
    /// `https://` before a bare host name; `http://` for local tests.
    pub endpoint: String,
    /// `OPENSEARCH_SERVICE` (`es` or `aoss`), or else told from the host:
    /// `*.aoss.amazonaws.com` is a Serverless collection.
    pub signing: Signing,
    /// `OPENSEARCH_INDEX`: daily indices are `<index>-YYYY-MM-DD`, by each
    /// event's own time, as the Firehose path's rotation names them.
    pub index: String,
    /// `OPENSEARCH_BULK_BYTES`: the most a `_bulk` body holds, before
    /// compression.
    pub max_bulk_bytes: usize,
    /// `OPENSEARCH_GZIP`: compress request bodies (on by default).
    pub gzip: bool,
    /// `OPENSEARCH_DOCUMENT_IDS`: send each document with `create` and its
    /// own `_id`, exactly once (on by default). Off sends `index` without
    /// an id, at least once, for targets that refuse ids (OpenSearch
    /// Serverless time series collections).
    pub ids: bool,
    /// `BACKUP_BUCKET`: where documents OpenSearch keeps refusing are
    /// written, in Firehose's failed-document format under `errors/`, for
    /// `redrive`. Without it such a document fails the invocation.
    pub backup_bucket: Option<String>,
    /// `LOG_GROUP_FORMATS` entries, in order: the first whose patterns
    /// match a log group names its index prefix (`None`: `index`).
    pub routes: Vec<Route>,
}

/// One `LOG_GROUP_FORMATS` entry's say over where its log groups'
/// documents go: each app its own daily index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// Log group name globs (`*`, `?`).
    pub patterns: Vec<String>,
    /// The index prefix instead of `OPENSEARCH_INDEX`; `None` keeps it.
    pub index: Option<String>,
}

impl OpenSearchSettings {
    /// The index prefix for a log group's documents: the first entry that
    /// matches the group decides (as it decides the group's formats), and
    /// `OPENSEARCH_INDEX` serves the rest.
    pub(crate) fn index_for(&self, log_group: &str) -> &str {
        self.routes
            .iter()
            .find(|r| r.patterns.iter().any(|p| glob_matches(p, log_group)))
            .and_then(|r| r.index.as_deref())
            .unwrap_or(&self.index)
    }
}

/// Default for [`OpenSearchSettings::max_bulk_bytes`]: half the smallest HTTP
/// request payload limit of any OpenSearch Service instance type (10 MiB,
/// <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/limits.html#network-limits>),
/// and within the 5–15 MiB OpenSearch suggests for a bulk request.
pub(crate) const DEFAULT_BULK_BYTES: usize = 5 * 1024 * 1024;

/// The smallest HTTP request payload limit of an OpenSearch Service
/// domain, 10 MiB; `OPENSEARCH_BULK_BYTES` may not be set above it without
/// the larger instances' 100 MiB.
/// <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/limits.html#network-limits>
pub(crate) const MAX_BULK_BYTES: usize = 100 * 1024 * 1024;

/// The index name's default, the same as the Firehose path's `IndexName`.
pub(crate) const DEFAULT_INDEX: &str = "logs";

/// What an index name prefix may be: OpenSearch's index name rules, with
/// room for the `-YYYY-MM-DD` the day adds.
pub(crate) const INDEX_PREFIX_RULE: &str =
    "expected a lower-case index name prefix: a-z 0-9 - _ . (not first), at most 200 characters";

pub(crate) fn index_prefix_ok(index: &str) -> bool {
    !index.is_empty()
        && index.len() <= 200
        && index
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
        && !index.starts_with(['-', '_', '.'])
}

/// `OPENSEARCH_ENDPOINT` and the settings that go with it; `None`
/// without it.
pub(crate) fn read(get: &impl Get) -> Result<Option<OpenSearchSettings>, ConfigError> {
    let Some(v) = get("OPENSEARCH_ENDPOINT") else {
        return Ok(None);
    };
    let raw = v.trim().trim_end_matches('/');
    let endpoint = if raw.starts_with("https://") || raw.starts_with("http://") {
        raw.to_owned()
    } else {
        format!("https://{raw}")
    };
    let host = endpoint.split_once("://").map_or("", |(_, h)| h);
    if host.is_empty() || host.contains('/') || host.contains(char::is_whitespace) {
        return Err(invalid(
            "OPENSEARCH_ENDPOINT",
            &v,
            "expected the domain's or collection's endpoint: https://HOST (http:// only for local tests), with no path",
        ));
    }
    let signing = match get("OPENSEARCH_SERVICE").as_deref().map(str::trim) {
        None if host.ends_with(".aoss.amazonaws.com") => Signing::Serverless,
        None | Some("es") => Signing::Domain,
        Some("aoss") => Signing::Serverless,
        Some(other) => return Err(invalid("OPENSEARCH_SERVICE", other, "expected es or aoss")),
    };
    let index = get("OPENSEARCH_INDEX").map_or(DEFAULT_INDEX.to_owned(), |i| i.trim().to_owned());
    if !index_prefix_ok(&index) {
        return Err(invalid("OPENSEARCH_INDEX", &index, INDEX_PREFIX_RULE));
    }
    let mut os = OpenSearchSettings {
        endpoint,
        signing,
        index,
        max_bulk_bytes: DEFAULT_BULK_BYTES,
        gzip: true,
        ids: true,
        backup_bucket: get("BACKUP_BUCKET").map(|b| b.trim().to_owned()),
        routes: Vec::new(),
    };
    if let Some(v) = get("OPENSEARCH_BULK_BYTES") {
        os.max_bulk_bytes = number(&v, 64 * 1024..=MAX_BULK_BYTES).ok_or_else(|| {
            invalid(
                "OPENSEARCH_BULK_BYTES",
                &v,
                "expected bytes from 65536 to 104857600 (the domain's HTTP payload limit: 10 MiB on the smallest instances)",
            )
        })?;
    }
    if let Some(v) = get("OPENSEARCH_GZIP") {
        os.gzip = on_off("OPENSEARCH_GZIP", &v)?;
    }
    if let Some(v) = get("OPENSEARCH_DOCUMENT_IDS") {
        os.ids = on_off("OPENSEARCH_DOCUMENT_IDS", &v)?;
    }
    Ok(Some(os))
}
