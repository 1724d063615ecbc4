//! Inside Lambda: start-up, the runtime loop, the invocation deadline, and
//! dispatch by kind of event.
//!
//! Configuration, the parser and the SDK client are built once, before the
//! first event, so an invocation pays only for its own work, and a bad
//! configuration stops the cold start with a message naming the variable.

use std::io::Write as _;
use std::time::{Duration, SystemTime};

use lambda_runtime::{LambdaEvent, service_fn};
use serde::Serialize;
use serde_json::value::RawValue;
use tokio::time::Instant;

use crate::config::{Config, ConfigError};
use crate::deliver::{Sink, firehose_client, firehose_sink, sdk_config};
use crate::kinesis::{self, KinesisError};
use crate::pipeline::Pipeline;
use crate::redrive::{self, RedriveError};
use crate::report::Summary;
use crate::setup::{self, SetupError};
use crate::subscription::{self, SubscriptionError};
use crate::transform::{self, TransformError};

/// Why an invocation failed: each kind of event's own error, or the
/// configuration. Its [`InvocationError::kind`] is the Lambda `errorType`.
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
    pub fn kind(&self) -> &'static str {
        match self {
            InvocationError::Subscription(e) => e.kind(),
            InvocationError::Transform(e) => e.kind(),
            InvocationError::Kinesis(e) => e.kind(),
            InvocationError::Setup(e) => e.kind(),
            InvocationError::Redrive(e) => e.kind(),
            InvocationError::Config(_) => "ConfigurationError",
        }
    }
}

impl From<InvocationError> for lambda_runtime::Diagnostic {
    fn from(err: InvocationError) -> Self {
        lambda_runtime::Diagnostic {
            error_type: err.kind().to_owned(),
            error_message: err.to_string(),
        }
    }
}

/// What an invocation returns: `null` for a subscription delivery, the
/// response for a Firehose transformation, the `batchItemFailures` for a
/// Kinesis batch.
#[derive(Serialize)]
#[serde(untagged)]
enum Reply {
    Delivered(()),
    Transformed(transform::Response),
    Kinesis(kinesis::Response),
}

/// Deadlines below this (2001-09-09 in ms since the epoch) are not
/// timestamps. Real Lambda sends the epoch time at which the invocation
/// times out; some local emulators (cargo-lambda 1.9's `watch` among them)
/// send the timeout itself, e.g. `600000`.
pub const PLAUSIBLE_DEADLINE_MS: u64 = 1_000_000_000_000;

/// Time left before an invocation's deadline, from the runtime's
/// `Lambda-Runtime-Deadline-Ms` and the current time, both in ms since the
/// epoch. A deadline that is really a duration is read as one, so local
/// runs under an emulator behave like Lambda; a deadline already past
/// leaves no time at all.
pub fn remaining_time(deadline_ms: u64, now_ms: u64) -> Duration {
    let ms = if deadline_ms < PLAUSIBLE_DEADLINE_MS {
        deadline_ms
    } else {
        deadline_ms.saturating_sub(now_ms)
    };
    Duration::from_millis(ms)
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// Everything an invocation needs, built once.
struct Function {
    pipeline: Pipeline,
    /// `None` without `DELIVERY_STREAM_NAME`: transformation events only.
    sink: Option<Sink>,
    client: aws_sdk_firehose::Client,
    /// The post-deploy set-up's: the master user's secret, and HTTPS. A
    /// client that could not be built fails only the set-up's requests,
    /// never the start-up of a function that serves logs.
    secrets: aws_sdk_secretsmanager::Client,
    http: Result<setup::http::Http, String>,
    /// The scheduled redrive's.
    s3: aws_sdk_s3::Client,
    schema: crate::model::Schema,
    margin: Duration,
    max_in_flight: usize,
    /// The metrics' dimension; Lambda sets it, and it never changes.
    name: String,
}

/// Serves the Lambda Runtime API until the runtime stops.
pub async fn run() -> Result<(), lambda_runtime::Error> {
    let config = Config::from_env()?;
    let pipeline = Pipeline::new(&config)?;
    let sdk = sdk_config().await;
    let client = firehose_client(&sdk);
    let secrets = aws_sdk_secretsmanager::Client::new(&sdk);
    let s3 = redrive::s3::client(&sdk);
    let http = setup::http::Http::new();
    if let Err(why) = &http {
        tracing::warn!(error = %why, "no HTTPS client for the post-deploy set-up");
    }
    let sink = firehose_sink(&config, &client).await?.map(Sink::Firehose);
    if sink.is_none() {
        tracing::info!(
            "DELIVERY_STREAM_NAME is unset: serving Firehose transformation events only"
        );
    }
    let function = Function {
        pipeline,
        sink,
        client,
        secrets,
        http,
        s3,
        schema: config.schema,
        margin: config.deadline_margin,
        max_in_flight: config.max_in_flight,
        name: std::env::var("AWS_LAMBDA_FUNCTION_NAME").unwrap_or_default(),
    };
    let function = &function;
    lambda_runtime::run(service_fn(
        move |event: LambdaEvent<Box<RawValue>>| async move { function.invoke(event).await },
    ))
    .await
}

impl Function {
    async fn invoke(&self, event: LambdaEvent<Box<RawValue>>) -> Result<Reply, InvocationError> {
        let remaining = remaining_time(event.context.deadline, now_ms());
        let deadline = Instant::now() + remaining.saturating_sub(self.margin);
        tracing::debug!(
            remaining_ms = remaining.as_millis() as u64,
            "invocation deadline"
        );
        let payload = event.payload.get().as_bytes();
        let (summary, result) = self.dispatch(payload, deadline).await;
        report(
            &self.name,
            &event.context.request_id,
            &summary,
            result.as_ref().err(),
        );
        result
    }

    /// One module per kind of event, told apart by [`Kind::of`].
    async fn dispatch(
        &self,
        payload: &[u8],
        deadline: Instant,
    ) -> (Summary, Result<Reply, InvocationError>) {
        let kind = Kind::of(payload);
        if kind == Kind::Setup {
            let r = match &self.http {
                Ok(http) => setup::http::handle(payload, &self.secrets, http, deadline).await,
                Err(why) => Err(SetupError::Answer(why.clone())),
            };
            return (
                Summary::default(),
                r.map(|_| Reply::Delivered(())).map_err(Into::into),
            );
        }
        if kind == Kind::Transform {
            let client = async || self.client.clone();
            let max = self.max_in_flight;
            let (s, r) = transform::handle(payload, &self.pipeline, client, max, deadline).await;
            return (s, r.map(Reply::Transformed).map_err(Into::into));
        }
        let Some(sink) = &self.sink else {
            return (Summary::default(), Err(missing_stream().into()));
        };
        match kind {
            Kind::Kinesis => {
                let (s, r) = kinesis::handle(payload, &self.pipeline, sink, deadline).await;
                (s, r.map(Reply::Kinesis).map_err(Into::into))
            }
            Kind::Redrive => {
                let r = redrive::scheduled::handle(payload, &self.s3, sink, self.schema, deadline)
                    .await;
                let summary = r.as_ref().map(redrive::Tally::summary).unwrap_or_default();
                (summary, r.map(|_| Reply::Delivered(())).map_err(Into::into))
            }
            _ => {
                let (s, r) = subscription::handle(payload, &self.pipeline, sink, deadline).await;
                (s, r.map(Reply::Delivered).map_err(Into::into))
            }
        }
    }
}

/// The kinds of event the function serves. Lambda and `invoke` both ask
/// [`Kind::of`], so they can never tell an event apart differently.
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
    pub fn of(event: &[u8]) -> Kind {
        if transform::is_firehose_event(event) {
            Kind::Transform
        } else if kinesis::is_kinesis_event(event) {
            Kind::Kinesis
        } else if setup::is_setup_event(event) {
            Kind::Setup
        } else if redrive::scheduled::is_redrive_event(event) {
            Kind::Redrive
        } else {
            Kind::Subscription
        }
    }
}

/// A subscription event reached a function deployed without a stream.
fn missing_stream() -> ConfigError {
    ConfigError::Missing {
        var: "DELIVERY_STREAM_NAME",
        why: "subscription and Kinesis events are sent to it (only Firehose transformation events work without it)",
    }
}

/// One line per invocation with every count, for the operator, and the
/// same counts as CloudWatch metrics (Embedded Metric Format on stdout,
/// which Lambda ships to CloudWatch Logs; no `PutMetricData` call).
fn report(function: &str, request_id: &str, s: &Summary, error: Option<&InvocationError>) {
    s.log(
        request_id,
        error.map(|e| (e.kind(), e as &dyn std::fmt::Display)),
    );
    let mut line = s.emf(function, now_ms() as i64, error.is_some());
    line.push('\n');
    if let Err(err) = std::io::stdout().lock().write_all(line.as_bytes()) {
        // The metrics are lost for this invocation, but not silently.
        tracing::error!(error = %err, "could not write the metrics to stdout");
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
    fn a_real_deadline_leaves_the_time_until_it() {
        let now = 1_715_438_684_000;
        assert_eq!(remaining_time(now + 2500, now), Duration::from_millis(2500));
        assert_eq!(remaining_time(now - 1, now), Duration::ZERO);
    }

    #[test]
    fn an_emulators_relative_deadline_is_read_as_a_duration() {
        assert_eq!(
            remaining_time(600_000, 1_715_438_684_000),
            Duration::from_secs(600)
        );
    }

    #[test]
    fn the_stream_is_required_for_subscription_events_and_named_when_missing() {
        let err = InvocationError::from(missing_stream());
        assert!(
            err.to_string()
                .starts_with("DELIVERY_STREAM_NAME is required")
        );
        assert_eq!(err.kind(), "ConfigurationError");
    }

    #[test]
    fn a_subscription_reply_is_null_and_a_transformation_reply_is_its_response() {
        assert_eq!(
            serde_json::to_string(&Reply::Delivered(())).unwrap(),
            "null"
        );
        let response = transform::Response::default();
        assert_eq!(
            serde_json::to_string(&Reply::Transformed(response)).unwrap(),
            r#"{"records":[]}"#
        );
    }
}
