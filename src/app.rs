//! The process: Lambda or the command line, the async runtime, and the
//! function's own logs (`tracing`).
//!
//! Inside Lambda (`AWS_LAMBDA_RUNTIME_API` set) the configuration, the
//! pipeline, the SDK clients and the sink are built once, before the first
//! event, so an invocation pays only for its own work, and a bad
//! configuration stops the cold start with a message naming the variable.
//! Each event then goes through the one [`dispatch`], as it does for
//! `invoke`.

use std::io::Write as _;
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use lambda_runtime::{LambdaEvent, service_fn};
use serde_json::value::RawValue;
use tokio::time::Instant;

use crate::config::Config;
use crate::kinds::{InvocationError, Reply, Services, dispatch};
use crate::pipeline::Pipeline;
use crate::report::Summary;

/// The binary's `main`: the Lambda runtime when `AWS_LAMBDA_RUNTIME_API`
/// is set, the command line otherwise.
pub fn main() -> ExitCode {
    let in_lambda = std::env::var_os("AWS_LAMBDA_RUNTIME_API").is_some();
    init_tracing(in_lambda);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => {
            crate::cli::say(&format!("error: cannot start the async runtime: {err}"));
            return ExitCode::from(2);
        }
    };
    if !in_lambda {
        return crate::cli::run(&runtime, std::env::args_os().skip(1));
    }
    match runtime.block_on(serve()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = %err, "start-up failed");
            ExitCode::FAILURE
        }
    }
}

/// Logs go to stderr. Inside Lambda, JSON when the function's log format is
/// JSON (`AWS_LAMBDA_LOG_FORMAT`), at `AWS_LAMBDA_LOG_LEVEL`; `RUST_LOG`
/// overrides the level. The CLI is quiet by default: warnings and errors.
/// These are the runtime's own variables, read here rather than in
/// `config`, since logging starts before the configuration is read.
fn init_tracing(in_lambda: bool) {
    use tracing_subscriber::filter::{LevelFilter, Targets};
    use tracing_subscriber::layer::SubscriberExt as _;
    use tracing_subscriber::util::SubscriberInitExt as _;
    let default = if in_lambda {
        std::env::var("AWS_LAMBDA_LOG_LEVEL").unwrap_or_else(|_| "info".to_owned())
    } else {
        "warn".to_owned()
    };
    // RUST_LOG takes `level` or `target=level,...` directives.
    let parse = |s: &str| s.to_ascii_lowercase().parse::<Targets>().ok();
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|s| parse(&s))
        .or_else(|| parse(&default))
        .unwrap_or_else(|| Targets::new().with_default(LevelFilter::INFO));
    let json = std::env::var("AWS_LAMBDA_LOG_FORMAT").is_ok_and(|f| f.eq_ignore_ascii_case("json"));
    // The builder's own ceiling is INFO unless raised; `filter` decides.
    let builder = tracing_subscriber::fmt()
        .with_max_level(LevelFilter::TRACE)
        .with_writer(std::io::stderr)
        .with_target(false);
    if json {
        builder
            .json()
            .flatten_event(true)
            .finish()
            .with(filter)
            .init();
    } else if in_lambda {
        // CloudWatch stamps each line itself and shows no colours.
        builder
            .without_time()
            .with_ansi(false)
            .finish()
            .with(filter)
            .init();
    } else {
        use std::io::IsTerminal as _;
        builder
            .with_ansi(std::io::stderr().is_terminal())
            .finish()
            .with(filter)
            .init();
    }
}

/// Deadlines below this (2001-09-09 in ms since the epoch) are not
/// timestamps. Real Lambda sends the epoch time at which the invocation
/// times out; some local emulators (cargo-lambda 1.9's `watch` among them)
/// send the timeout itself, e.g. `600000`.
pub(crate) const PLAUSIBLE_DEADLINE_MS: u64 = 1_000_000_000_000;

/// Time left before an invocation's deadline, from the runtime's
/// `Lambda-Runtime-Deadline-Ms` and the current time, both in ms since the
/// epoch. A deadline that is really a duration is read as one, so local
/// runs under an emulator behave like Lambda; a deadline already past
/// leaves no time at all.
pub(crate) fn remaining_time(deadline_ms: u64, now_ms: u64) -> Duration {
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

impl From<InvocationError> for lambda_runtime::Diagnostic {
    fn from(err: InvocationError) -> Self {
        lambda_runtime::Diagnostic {
            error_type: err.error_type().to_owned(),
            error_message: err.to_string(),
        }
    }
}

/// Everything an invocation needs, built once.
struct Function {
    services: Services,
    margin: Duration,
    /// The metrics' dimension; Lambda sets it, and it never changes.
    name: String,
}

/// Serves the Lambda Runtime API until the runtime stops.
async fn serve() -> Result<(), lambda_runtime::Error> {
    let config = Config::from_env()?;
    let pipeline = Pipeline::new(&config)?;
    let mut services = Services::new(&config, pipeline, None);
    services.aws.warm().await;
    if let Err(why) = &services.http {
        tracing::warn!(error = %why, "no HTTPS client for the post-deploy set-up");
    }
    services.sink = (config.destination)
        .start(
            config.shaping.schema,
            config.runtime.max_in_flight,
            &services.aws,
        )
        .await?;
    if services.sink.is_none() {
        tracing::info!(
            "neither DELIVERY_STREAM_NAME nor OPENSEARCH_ENDPOINT is set: serving Firehose transformation events only"
        );
    }
    let function = Function {
        services,
        margin: config.runtime.deadline_margin,
        name: config.runtime.function_name.clone(),
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
        let outcome = dispatch(payload, &self.services, deadline).await;
        report(
            &self.name,
            &event.context.request_id,
            &outcome.summary,
            outcome.error.as_ref(),
        );
        match outcome.error {
            Some(err) => Err(err),
            None => Ok(outcome.reply),
        }
    }
}

/// One line per invocation with every count, for the operator, and the
/// same counts as CloudWatch metrics (Embedded Metric Format on stdout,
/// which Lambda ships to CloudWatch Logs; no `PutMetricData` call).
fn report(function: &str, request_id: &str, s: &Summary, error: Option<&InvocationError>) {
    s.log(
        request_id,
        error.map(|e| (e.error_type(), e as &dyn std::fmt::Display)),
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
}
