//! Which destination the documents go to, chosen once at start-up from
//! the settings, and what it asks of the documents it is handed.
//!
//! "At most one destination" holds by construction: one enum, one
//! variant per sink, each holding the settings its sink reads beside it
//! (`firehose/config.rs`, `opensearch/config.rs`). A new destination is
//! a folder under `sinks/` and one variant here.

use super::firehose::config::FirehoseSettings;
use super::firehose::{self, FirehoseSink};
use super::opensearch::config::{OpenSearchSettings, Route};
use super::opensearch::{self, OpenSearchSink};
use super::{Sink, StartError};
use crate::model::Schema;
use crate::vars::{ConfigError, Get};

/// Where documents go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// None configured: `invoke` prints the documents, one per line, cut
    /// as the Firehose path would cut them (packed too with
    /// `RECORD_PACKING`), and Lambda serves transformation events only.
    Stdout {
        record_packing: bool,
    },
    Firehose(FirehoseSettings),
    OpenSearch(OpenSearchSettings),
}

/// What a destination asks of the documents it is handed: the pipeline
/// shapes by these, never by a sink's own constants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest record it takes, in bytes: a document over it is
    /// truncated, split or refused, as `OVERSIZE` says.
    pub max_record_bytes: usize,
    /// Whether each document needs its key (id and time): the direct
    /// path names documents for exactly-once delivery.
    pub document_keys: bool,
    /// Whether consecutive documents are packed into records of up to
    /// `max_record_bytes` (`RECORD_PACKING`).
    pub record_packing: bool,
}

impl Default for Destination {
    fn default() -> Self {
        Destination::Stdout {
            record_packing: false,
        }
    }
}

impl Destination {
    /// The destination the variables name: Firehose with
    /// `DELIVERY_STREAM_NAME`, OpenSearch with `OPENSEARCH_ENDPOINT`, at
    /// most one of them.
    pub(crate) fn read(get: &impl Get) -> Result<Destination, ConfigError> {
        let direct = opensearch::config::read(get)?;
        let (stream, record_packing) = firehose::config::read(get)?;
        match (direct, stream) {
            (Some(_), Some(_)) => Err(ConfigError::Conflict {
                a: "DELIVERY_STREAM_NAME",
                b: "OPENSEARCH_ENDPOINT",
                why: "documents go to Firehose or straight to OpenSearch; set exactly one",
            }),
            (Some(_), None) if record_packing => Err(ConfigError::Conflict {
                a: "RECORD_PACKING",
                b: "OPENSEARCH_ENDPOINT",
                why: "packing is for S3-only Firehose streams; OpenSearch indexes one document per record",
            }),
            (Some(settings), None) => Ok(Destination::OpenSearch(settings)),
            (None, Some(stream)) => Ok(Destination::Firehose(FirehoseSettings {
                stream,
                record_packing,
            })),
            (None, None) => Ok(Destination::Stdout { record_packing }),
        }
    }

    /// What this destination asks of the documents.
    pub fn limits(&self) -> Limits {
        match self {
            Destination::Stdout { record_packing }
            | Destination::Firehose(FirehoseSettings { record_packing, .. }) => Limits {
                max_record_bytes: firehose::batch::MAX_RECORD_BYTES,
                document_keys: false,
                record_packing: *record_packing,
            },
            Destination::OpenSearch(_) => Limits {
                max_record_bytes: opensearch::MAX_DOCUMENT_BYTES,
                document_keys: true,
                record_packing: false,
            },
        }
    }

    /// Gives the destination the `LOG_GROUP_FORMATS` entries' say over
    /// where their groups' documents go (the direct path's per-app
    /// indices); the others ignore it.
    pub(crate) fn route(&mut self, routes: Vec<Route>) {
        if let Destination::OpenSearch(settings) = self {
            settings.routes = routes;
        }
    }

    /// The delivery stream, if documents go to Firehose: `redrive` sends
    /// back into it.
    pub(crate) fn stream(&self) -> Option<&str> {
        match self {
            Destination::Firehose(f) => Some(&f.stream),
            _ => None,
        }
    }

    /// Starts the sink, once, before the handler loop: `None` for stdout.
    pub(crate) async fn start(
        &self,
        schema: Schema,
        max_in_flight: usize,
        aws: &crate::aws::Aws,
    ) -> Result<Option<Sink>, StartError> {
        match self {
            Destination::Stdout { .. } => Ok(None),
            Destination::Firehose(settings) => {
                let client = aws.firehose().await.clone();
                let sink = FirehoseSink::new(client, settings.stream.clone(), max_in_flight);
                if settings.record_packing {
                    sink.check_s3_only().await?;
                }
                Ok(Some(Sink::Firehose(sink)))
            }
            Destination::OpenSearch(settings) => {
                let backup = match &settings.backup_bucket {
                    Some(bucket) => Some(opensearch::Backup {
                        s3: aws.s3().await.clone(),
                        bucket: bucket.clone(),
                    }),
                    None => None,
                };
                let http = crate::https::Http::new().map_err(StartError::Https)?;
                let sdk = aws.sdk().await;
                let sink =
                    OpenSearchSink::new(http, settings.clone(), sdk, schema, max_in_flight, backup);
                Ok(Some(Sink::OpenSearch(Box::new(sink))))
            }
        }
    }
}
