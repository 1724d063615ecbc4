//! `invoke FILE...`: each event file through the one [`dispatch`] that
//! Lambda serves, its [`Outcome`] rendered as lines on stderr (and, for a
//! Firehose transformation, the response on stdout, as Lambda would
//! return it).

use std::ffi::OsString;
use std::io::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use tokio::time::Instant;

use super::{CliError, fail, read_input, say};
use crate::config::Config;
use crate::decode::{DecodeError, MAX_EVENT_BYTES};
use crate::kinds::{InvocationError, Kind, Outcome, Reply, Services, SubscriptionError, dispatch};
use crate::pipeline::{Pipeline, PipelineError};
use crate::report::Summary;
use crate::sinks::Sink;

/// How long `invoke` lets delivery retry one file: Lambda's longest
/// timeout, since outside Lambda there is no deadline to inherit.
pub(crate) const CLI_DEADLINE: Duration = Duration::from_secs(15 * 60);

/// Runs every file, in order; fails if any file failed.
pub(super) async fn run(files: Vec<OsString>) -> ExitCode {
    let (config, services) = match services().await {
        Ok(s) => s,
        Err(err) => return fail(&err),
    };
    let mut failures = 0;
    for file in &files {
        if !one(file, &config, &services).await {
            failures += 1;
        }
    }
    if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The services every file runs with, built once. The SDK is loaded only
/// when there is a stream to send to, or an event that needs AWS.
async fn services() -> Result<(Config, Services), CliError> {
    let config = Config::from_env()?;
    let pipeline = Pipeline::new(&config)?;
    let mut services = Services::new(&config, pipeline, Some(Sink::Stdout));
    let (schema, in_flight) = (config.shaping.schema, config.runtime.max_in_flight);
    if let Some(sink) = config
        .destination
        .start(schema, in_flight, &services.aws)
        .await?
    {
        services.sink = Some(sink);
    }
    Ok((config, services))
}

/// Runs one event file and says what happened on stderr. `false` if it
/// failed.
async fn one(file: &OsString, config: &Config, services: &Services) -> bool {
    let name = file.to_string_lossy();
    let event = match read_input(file, MAX_EVENT_BYTES) {
        Ok(e) => e,
        Err(err) => {
            say(&format!("error: {err}"));
            return false;
        }
    };
    let outcome = dispatch(&event, services, Instant::now() + CLI_DEADLINE).await;
    let to_stdout = services.sink.as_ref().is_none_or(Sink::is_stdout);
    match outcome {
        Outcome {
            error: Some(err),
            kind,
            summary,
            ..
        } => {
            failed(&name, kind, &summary, &err, &event);
            false
        }
        Outcome { reply, summary, .. } => rendered(
            &name,
            reply,
            &summary,
            to_stdout,
            config.destination.limits().record_packing,
        ),
    }
}

/// The lines for an event that was served; `false` if the reply says some
/// of it must be tried again.
fn rendered(name: &str, reply: Reply, s: &Summary, to_stdout: bool, packing: bool) -> bool {
    match reply {
        Reply::Delivered => {
            say(&format!("{name}: {}", delivery_line(s, to_stdout, packing)));
            true
        }
        Reply::Transformed(response) => {
            let mut out = std::io::stdout().lock();
            let written = serde_json::to_writer(&mut out, &response)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"));
            match written {
                Ok(()) => {
                    say(&format!("{name}: {}", transform_line(s)));
                    true
                }
                Err(err) => {
                    say(&format!("error: {name}: {}", CliError::Stdout(err)));
                    false
                }
            }
        }
        Reply::Kinesis(response) => {
            say(&format!("{name}: {}", kinesis_line(s, to_stdout)));
            let json = serde_json::to_string(&response).unwrap_or_default();
            say(&format!("{name}: response {json}"));
            response.batch_item_failures.is_empty()
        }
        Reply::Answered(status) => {
            say(&format!("{name}: custom resource answered {status}"));
            status == "SUCCESS"
        }
        Reply::Redriven(tally) => {
            say(&format!("{name}: redrive: {}", tally.line(false)));
            tally.files_left == 0
        }
    }
}

/// The lines for an event that failed: the error and its type, the counts
/// for a delivery, and a hint where the mistake is a likely one.
fn failed(name: &str, kind: Kind, s: &Summary, err: &InvocationError, event: &[u8]) {
    if kind != Kind::Subscription {
        say(&format!("error: {name}: {err} [{}]", err.error_type()));
        return;
    }
    say(&format!(
        "error: {name}: {err} [{}] (events={} records={} sent={} failed={})",
        err.error_type(),
        s.shaped.events,
        s.shaped.records,
        s.delivery.sent,
        s.delivery.failed
    ));
    if let Some(hint) = hint(err, event) {
        say(&format!("hint: {hint}"));
    }
}

/// A likely mistake behind an error, said in a user's words: a log file
/// given to `invoke` where an event is expected.
fn hint(err: &InvocationError, event: &[u8]) -> Option<&'static str> {
    match err {
        InvocationError::Subscription(SubscriptionError::Pipeline(PipelineError::Decode(
            DecodeError::EventJson(_) | DecodeError::MissingAwslogs,
        ))) if !event.trim_ascii_start().starts_with(b"{\"awslogs\"") => Some(
            "invoke takes Lambda events, and this looks like a log file; wrap it first: \
             logs-to-firehose encode FILE | logs-to-firehose invoke -",
        ),
        _ => None,
    }
}

/// The line for one subscription delivery. Printing to stdout makes no
/// calls, so it says `printed=` and leaves out the Firehose counts.
pub(crate) fn delivery_line(s: &Summary, to_stdout: bool, packing: bool) -> String {
    let packed = if packing {
        format!(" (packed into {} Firehose records)", s.shaped.outgoing)
    } else {
        String::new()
    };
    let delivery = if to_stdout {
        format!("printed={}", s.delivery.sent)
    } else if s.delivery.duplicates > 0 || s.delivery.backed_up > 0 {
        // The direct path's own outcomes, when it had any.
        format!(
            "sent={} calls={} retried={} duplicates={} backed_up={}",
            s.delivery.sent,
            s.delivery.calls,
            s.delivery.retried,
            s.delivery.duplicates,
            s.delivery.backed_up
        )
    } else {
        format!(
            "sent={} calls={} retried={}",
            s.delivery.sent, s.delivery.calls, s.delivery.retried
        )
    };
    format!(
        "events={} records={}{packed} {delivery} truncated={} split={} dropped={} filtered={} redacted={} coerced={} unmatched={} inferred={} failed={}{}",
        s.shaped.events,
        s.shaped.records,
        s.shaped.truncated,
        s.shaped.split,
        s.shaped.dropped,
        s.shaped.filtered,
        s.shaped.redacted,
        s.coerced(),
        s.shaped.unmatched,
        s.shaped.inferred,
        s.delivery.failed,
        if s.shaped.control {
            " (control message)"
        } else if s.shaped.own_logs > 0 {
            " (own log group: not forwarded)"
        } else {
            ""
        }
    )
}

/// The line for a Firehose transformation.
pub(crate) fn transform_line(s: &Summary) -> String {
    let t = s.transform_counts();
    format!(
        "firehose transformation: events={} records={} ok={} dropped={} processing_failed={} reingested={} failed={} filtered={} redacted={} coerced={} unmatched={} inferred={}",
        s.shaped.events,
        s.shaped.records,
        t.ok,
        t.dropped,
        t.processing_failed,
        s.delivery.sent,
        s.delivery.failed,
        s.shaped.filtered,
        s.shaped.redacted,
        s.coerced(),
        s.shaped.unmatched,
        s.shaped.inferred
    )
}

/// The line for a Kinesis event (central mode).
pub(crate) fn kinesis_line(s: &Summary, to_stdout: bool) -> String {
    let k = s.kinesis_counts();
    format!(
        "kinesis: stream_records={} item_failures={} {}",
        k.stream_records,
        k.item_failures,
        delivery_line(s, to_stdout, false)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{PerKind, TransformCounts};

    #[test]
    fn a_transformations_answers_are_in_its_line() {
        let s = Summary {
            per_kind: PerKind::Transform(TransformCounts {
                ok: 3,
                dropped: 2,
                processing_failed: 1,
            }),
            ..Summary::default()
        };
        assert!(transform_line(&s).contains("ok=3 dropped=2 processing_failed=1"));
    }
}
