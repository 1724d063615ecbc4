//! One door per kind of event, as mini-redis's `cmd/` has one file per
//! command: every kind is told apart here (`Kind::of`), served through
//! one contract (`handle(event, services, deadline) -> Outcome`), and
//! dispatched in one place ([`dispatch`]), which Lambda and `invoke` both
//! call. Lambda serialises an [`Outcome`]'s reply; the CLI renders it.
//!
//! - `subscription`: CloudWatch Logs subscription deliveries.
//! - `transform`: Firehose data-transformation events, with their typed
//!   response and guarded re-ingest.
//! - `kinesis`: Kinesis Data Streams batches from a central account's logs
//!   destination, answered with `batchItemFailures`.
//! - `redrive`: the redrive schedule's input.
//! - `setup`: the post-deploy set-up's CloudFormation custom resource
//!   requests.
//!
//! A new kind of event is one file here, and in this file: its `Kind`
//! variant, its probe and arm in `Kind::of`, its arm in [`dispatch`], its
//! error's variant in `InvocationError` with its `error_type` arm, and a
//! `Reply` variant (with its `Serialize` arm) if it answers something new.

pub(crate) mod kinesis;
mod redrive;
mod setup;
mod subscription;
pub mod transform;

use std::sync::Arc;

use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use tokio::time::Instant;

use crate::aws::Aws;
use crate::config::{Config, ConfigError};
use crate::model::Schema;
use crate::pipeline::Pipeline;
use crate::redrive::{RedriveError, Tally};
use crate::report::Summary;
use crate::setup::SetupError;
use crate::setup::http::Http;
use crate::sinks::Sink;

pub(crate) use kinesis::KinesisError;
pub(crate) use subscription::SubscriptionError;
pub(crate) use transform::TransformError;

/// The kinds of event the function serves. Lambda and `invoke` both ask
/// `Kind::of`, so they can never tell an event apart differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A CloudFormation custom resource request: the post-deploy set-up.
    Setup,
    /// A Firehose data-transformation event.
    Transform,
    /// A Kinesis Data Streams batch (central mode).
    Kinesis,
    /// The redrive schedule's input.
    Redrive,
    /// Anything else is taken as a subscription delivery, whose decoding
    /// then says what is wrong with it.
    Subscription,
}

impl Kind {
    /// Each kind by its keys; they share none, so the order only decides
    /// which probe runs first.
    pub(crate) fn of(event: &[u8]) -> Kind {
        if is_transform(event) {
            Kind::Transform
        } else if is_kinesis(event) {
            Kind::Kinesis
        } else if is_setup(event) {
            Kind::Setup
        } else if is_redrive(event) {
            Kind::Redrive
        } else {
            Kind::Subscription
        }
    }
}

/// The event read as `P`, if it names `key` anywhere. A subscription event
/// is `{"awslogs":{"data":"<base64>"}}`, which can hold none of the other
/// kinds' keys, so most events are told apart by one scan each, never a
/// parse.
fn probe<P: DeserializeOwned>(event: &[u8], key: &str) -> Option<P> {
    memchr::memmem::find(event, key.as_bytes())?;
    serde_json::from_slice(event).ok()
}

/// A Firehose transformation event: `deliveryStreamArn`, and no `awslogs`.
fn is_transform(event: &[u8]) -> bool {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Probe {
        delivery_stream_arn: Option<IgnoredAny>,
        awslogs: Option<IgnoredAny>,
    }
    matches!(
        probe(event, "\"deliveryStreamArn\""),
        Some(Probe {
            delivery_stream_arn: Some(_),
            awslogs: None
        })
    )
}

/// A Kinesis event: `Records` whose first entry holds `kinesis` (an SQS or
/// S3 event has `Records` too).
fn is_kinesis(event: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        #[serde(rename = "Records")]
        records: Option<Vec<Entry>>,
    }
    #[derive(Deserialize)]
    struct Entry {
        kinesis: Option<IgnoredAny>,
    }
    probe::<Probe>(event, "\"kinesis\"")
        .and_then(|p| p.records)
        .is_some_and(|r| r.first().is_some_and(|e| e.kinesis.is_some()))
}

/// A CloudFormation custom resource request: `RequestType` and
/// `ResponseURL`.
pub(crate) fn is_setup(event: &[u8]) -> bool {
    #[derive(Deserialize)]
    #[serde(rename_all = "PascalCase")]
    struct Probe {
        request_type: Option<IgnoredAny>,
        #[serde(rename = "ResponseURL")]
        response_url: Option<IgnoredAny>,
    }
    matches!(
        probe(event, "\"ResponseURL\""),
        Some(Probe {
            request_type: Some(_),
            response_url: Some(_)
        })
    )
}

/// The redrive schedule's input: a bucket under [`redrive::KEY`].
fn is_redrive(event: &[u8]) -> bool {
    probe::<redrive::Input>(event, redrive::KEY).is_some()
}

/// Everything the kinds of event need, built once: in Lambda before the
/// first event, in the CLI before the first file.
pub struct Services {
    pub(crate) pipeline: Pipeline,
    /// `None` in a function deployed without `DELIVERY_STREAM_NAME`, which
    /// serves Firehose transformation events only; `invoke` without one
    /// prints to stdout.
    pub(crate) sink: Option<Sink>,
    pub(crate) aws: Aws,
    /// The set-up's HTTPS client. One that could not be built fails only
    /// the set-up's requests, never the start-up of a function that serves
    /// logs.
    pub(crate) http: Result<Http, Arc<std::io::Error>>,
    /// `OUTPUT_SCHEMA`, for redrive's type-stabilising.
    pub(crate) schema: Schema,
    /// `MAX_IN_FLIGHT`, for the transformation's re-ingest.
    pub(crate) max_in_flight: usize,
}

impl Services {
    /// The services for `config`, sending to `sink`. The SDK clients are
    /// built when first asked for (Lambda's start-up asks for them all).
    pub fn new(config: &Config, pipeline: Pipeline, sink: Option<Sink>) -> Services {
        Services {
            pipeline,
            sink,
            aws: Aws::new(config.runtime.local_endpoint),
            http: Http::new().map_err(Arc::new),
            schema: config.shaping.schema,
            max_in_flight: config.runtime.max_in_flight,
        }
    }

    /// The sink that subscription, Kinesis and redrive events send to.
    fn sink(&self) -> Result<&Sink, ConfigError> {
        self.sink.as_ref().ok_or(ConfigError::Missing {
            var: "DELIVERY_STREAM_NAME",
            why: "subscription and Kinesis events are sent to it (only Firehose transformation events work without it)",
        })
    }
}

/// Why an invocation failed: each kind of event's own error, or the
/// configuration. Its [`InvocationError::error_type`] is the Lambda `errorType`.
#[derive(Debug, thiserror::Error)]
pub enum InvocationError {
    #[error(transparent)]
    Subscription(#[from] SubscriptionError),
    #[error(transparent)]
    Transform(#[from] TransformError),
    #[error(transparent)]
    Kinesis(#[from] KinesisError),
    #[error(transparent)]
    Setup(#[from] SetupError),
    #[error(transparent)]
    Redrive(#[from] RedriveError),
    #[error(transparent)]
    Config(#[from] ConfigError),
}

impl InvocationError {
    /// A stable name for the error, used as the Lambda `errorType`.
    pub fn error_type(&self) -> &'static str {
        match self {
            InvocationError::Subscription(e) => e.error_type(),
            InvocationError::Transform(e) => e.error_type(),
            InvocationError::Kinesis(e) => e.error_type(),
            InvocationError::Setup(e) => e.error_type(),
            InvocationError::Redrive(e) => e.error_type(),
            InvocationError::Config(_) => "ConfigurationError",
        }
    }
}

/// What an invocation answers, by kind.
#[derive(Debug, Default)]
pub enum Reply {
    /// A subscription delivery: Lambda returns `null`.
    #[default]
    Delivered,
    /// A Firehose transformation: the response Firehose reads.
    Transformed(transform::Response),
    /// A Kinesis batch: the `batchItemFailures` Lambda reads.
    Kinesis(kinesis::Response),
    /// A custom resource request, answered at its `ResponseURL` with this
    /// status (`SUCCESS` or `FAILED`); Lambda returns `null`.
    Answered(&'static str),
    /// A scheduled redrive; Lambda returns `null`.
    Redriven(Tally),
}

impl serde::Serialize for Reply {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Reply::Transformed(r) => r.serialize(s),
            Reply::Kinesis(r) => r.serialize(s),
            Reply::Delivered | Reply::Answered(_) | Reply::Redriven(_) => s.serialize_unit(),
        }
    }
}

/// What one event came to: the counts (even when it failed, because they
/// matter most then), the reply, and the error if it failed.
#[derive(Debug)]
pub struct Outcome {
    pub kind: Kind,
    pub summary: Summary,
    pub reply: Reply,
    pub error: Option<InvocationError>,
}

impl Outcome {
    fn new(
        kind: Kind,
        summary: Summary,
        result: Result<Reply, impl Into<InvocationError>>,
    ) -> Outcome {
        let (reply, error) = match result {
            Ok(reply) => (reply, None),
            Err(e) => (Reply::default(), Some(e.into())),
        };
        Outcome {
            kind,
            summary,
            reply,
            error,
        }
    }
}

/// Serves one event of any kind, bounding every retry by `deadline`.
pub async fn dispatch(event: &[u8], services: &Services, deadline: Instant) -> Outcome {
    match Kind::of(event) {
        Kind::Subscription => subscription::handle(event, services, deadline).await,
        Kind::Transform => transform::handle(event, services, deadline).await,
        Kind::Kinesis => kinesis::handle(event, services, deadline).await,
        Kind::Redrive => redrive::handle(event, services, deadline).await,
        Kind::Setup => setup::handle(event, services, deadline).await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_event_is_told_apart_and_anything_else_is_a_subscription() {
        assert_eq!(Kind::of(br#"{"awslogs":{"data":"x"}}"#), Kind::Subscription);
        assert_eq!(Kind::of(b"not json"), Kind::Subscription);
        assert_eq!(
            Kind::of(
                br#"{"deliveryStreamArn":"arn:aws:firehose:r:1:deliverystream/s","records":[]}"#
            ),
            Kind::Transform
        );
        assert_eq!(
            Kind::of(br#"{"Records":[{"kinesis":{"data":"","sequenceNumber":"1"}}]}"#),
            Kind::Kinesis
        );
        assert_eq!(
            Kind::of(br#"{"RequestType":"Create","ResponseURL":"http://x"}"#),
            Kind::Setup
        );
        assert_eq!(
            Kind::of(br#"{"logsToFirehoseRedrive":{"bucket":"b"}}"#),
            Kind::Redrive
        );
    }

    #[test]
    fn the_stream_is_required_for_subscription_events_and_named_when_missing() {
        let config = Config::default();
        let services = Services::new(&config, Pipeline::new(&config).unwrap(), None);
        let err = InvocationError::from(services.sink().err().unwrap());
        assert!(
            err.to_string()
                .starts_with("DELIVERY_STREAM_NAME is required")
        );
        assert_eq!(err.error_type(), "ConfigurationError");
    }

    #[test]
    fn a_subscription_reply_is_null_and_a_transformation_reply_is_its_response() {
        assert_eq!(serde_json::to_string(&Reply::Delivered).unwrap(), "null");
        let response = transform::Response::default();
        assert_eq!(
            serde_json::to_string(&Reply::Transformed(response)).unwrap(),
            r#"{"records":[]}"#
        );
    }
}
