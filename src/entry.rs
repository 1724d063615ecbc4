//! The entry point: start-up, the Lambda runtime loop, and the CLI.
//!
//! Configuration, the parser and the SDK client are built once, before the
//! first event, so an invocation pays only for its own work, and a bad
//! configuration stops the cold start with a message naming the variable.

use std::ffi::OsString;
use std::io::{Read as _, Write as _};
use std::process::ExitCode;
use std::time::{Duration, SystemTime};

use lambda_runtime::{LambdaEvent, service_fn};
use serde_json::value::RawValue;
use tokio::time::Instant;

use crate::config::Config;
use crate::decode::MAX_EVENT_BYTES;
use crate::deliver::{FirehoseSink, Sink, firehose_client, sdk_config};
use crate::encode::{self, Grouping, Origin};
use crate::handler::{self, HandlerError, Pipeline, Summary};
use crate::parse::Parsers;
use crate::transform;

/// How long `invoke` lets delivery retry one file: Lambda's longest
/// timeout, since outside Lambda there is no deadline to inherit.
pub const CLI_DEADLINE: Duration = Duration::from_secs(15 * 60);

const USAGE: &str = "\
logs-to-firehose: CloudWatch Logs subscription events → python-json-logger documents → Firehose

USAGE:
    logs-to-firehose invoke FILE...      run the handler on event files ('-' = stdin): subscription
                                         events, or Firehose transformation events (the response
                                         Lambda would return goes to stdout)
    logs-to-firehose encode [OPTIONS] FILE
                                         wrap a log file into a subscription event (on stdout)

Inside Lambda (AWS_LAMBDA_RUNTIME_API set) it serves the Lambda Runtime API.
`invoke` prints records to stdout unless DELIVERY_STREAM_NAME is set, in
which case it sends them to that Firehose stream. A summary goes to stderr.

ENCODE OPTIONS:
    --log-group G      log group to claim   [default: /aws/lambda/example]
    --log-stream S     log stream to claim
                       [default: 2024/05/11/[$LATEST]0123456789abcdef0123456789abcdef]
    --owner ID         account id to claim  [default: 123456789012]
    --timestamp MS     first event's time, ms since the epoch; each next event is
                       1 ms later            [default: 1715438684000, 2024-05-11T14:44:44Z]
    --per-record       one event per log record, as the Lambda runtime sends them:
                       a line that doesn't start a record joins the one before.
                       Where records start comes from --format/--datefmt, or else
                       from PYTHON_LOG_FORMAT/PYTHON_LOG_DATEFMT in encode's own
                       environment, or else auto-detection.
                       [default: one event per non-empty line, as ECS awslogs and
                       a StreamHandler on stdout send them]
    --format F         a Python logging format for --per-record (repeat for more)
    --datefmt D        its datefmt
    --payload          FILE is already a decompressed payload (JSON); only wrap it
    --firehose         make a Firehose transformation event (one record holding the
                       gzip payload) instead of a subscription event

EXAMPLE:
    logs-to-firehose encode app.log | logs-to-firehose invoke -
";

/// The binary's `main`: everything `main.rs` would otherwise hold.
pub fn main() -> ExitCode {
    let in_lambda = std::env::var_os("AWS_LAMBDA_RUNTIME_API").is_some();
    init_tracing(in_lambda);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => return fail(&format!("cannot start the async runtime: {err}")),
    };
    if in_lambda {
        return match runtime.block_on(run_lambda()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                tracing::error!(error = %err, "start-up failed");
                ExitCode::FAILURE
            }
        };
    }
    match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Help) => {
            let _ = std::io::stdout().write_all(USAGE.as_bytes());
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            let _ = writeln!(
                std::io::stdout(),
                "logs-to-firehose {}",
                env!("CARGO_PKG_VERSION")
            );
            ExitCode::SUCCESS
        }
        Ok(Command::Invoke(files)) => runtime.block_on(invoke(files)),
        Ok(Command::Encode(args)) => encode_cmd(args),
        Err(msg) => {
            let _ = writeln!(std::io::stderr(), "error: {msg}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn fail(msg: &str) -> ExitCode {
    let _ = writeln!(std::io::stderr(), "error: {msg}");
    ExitCode::from(2)
}

/// Logs go to stderr. Inside Lambda, JSON when the function's log format is
/// JSON (`AWS_LAMBDA_LOG_FORMAT`), at `AWS_LAMBDA_LOG_LEVEL`; `RUST_LOG`
/// overrides the level. The CLI is quiet by default: warnings and errors.
fn init_tracing(in_lambda: bool) {
    use tracing_subscriber::filter::{LevelFilter, Targets};
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
    use tracing_subscriber::layer::SubscriberExt as _;
    use tracing_subscriber::util::SubscriberInitExt as _;
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

async fn run_lambda() -> Result<(), lambda_runtime::Error> {
    let config = Config::from_env()?;
    let pipeline = Pipeline::new(&config)?;
    let sdk = sdk_config().await;
    let client = firehose_client(&sdk);
    // Subscription events go to DELIVERY_STREAM_NAME. Without it the
    // function serves only as a Firehose transformation, which answers the
    // invoking stream and needs no stream of its own.
    let sink = match &config.delivery_stream {
        Some(stream) => {
            let firehose = FirehoseSink::new(client.clone(), stream.clone(), config.max_in_flight);
            if config.record_packing {
                firehose
                    .check_s3_only()
                    .await
                    .map_err(|why| format!("RECORD_PACKING=on is refused: {why}"))?;
            }
            Some(Sink::Firehose(firehose))
        }
        None => {
            tracing::info!(
                "DELIVERY_STREAM_NAME is unset: serving Firehose transformation events only"
            );
            None
        }
    };
    let margin = config.deadline_margin;
    let max_in_flight = config.max_in_flight;
    // The metrics' dimension; Lambda sets it, and it never changes.
    let function = std::env::var("AWS_LAMBDA_FUNCTION_NAME").unwrap_or_default();
    let function = function.as_str();
    let (pipeline, sink, client) = (&pipeline, &sink, &client);
    lambda_runtime::run(service_fn(
        move |event: LambdaEvent<Box<RawValue>>| async move {
            let now_ms = SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as u64);
            let remaining = handler::remaining_time(event.context.deadline, now_ms);
            let deadline = Instant::now() + remaining.saturating_sub(margin);
            tracing::debug!(
                remaining_ms = remaining.as_millis() as u64,
                "invocation deadline"
            );
            let request_id = event.context.request_id.as_str();
            let payload = event.payload.get().as_bytes();
            if transform::is_firehose_event(payload) {
                let (summary, result) =
                    handler::handle_transformation(payload, pipeline, async || client.clone(), max_in_flight, deadline)
                        .await;
                let result = result.and_then(|json| {
                    RawValue::from_string(json)
                        .map_err(|e| HandlerError::Transform(transform::TransformError::Response(e)))
                });
                report(function, request_id, &summary, result.as_ref().err());
                return result;
            }
            let Some(sink) = sink else {
                let err = HandlerError::Config(crate::config::ConfigError::Missing {
                    var: "DELIVERY_STREAM_NAME",
                    why: "subscription events are sent to it (only Firehose transformation events work without it)",
                });
                report(function, request_id, &Summary::default(), Some(&err));
                return Err(err);
            };
            let (summary, result) = handler::handle(payload, pipeline, sink, deadline).await;
            report(function, request_id, &summary, result.as_ref().err());
            result.map(|()| null())
        },
    ))
    .await
}

/// The JSON `null` a subscription invocation returns.
fn null() -> Box<RawValue> {
    RawValue::NULL.to_owned()
}

/// One line per invocation with every count, for the operator, and the
/// same counts as CloudWatch metrics (Embedded Metric Format on stdout,
/// which Lambda ships to CloudWatch Logs; no `PutMetricData` call).
fn report(function: &str, request_id: &str, s: &Summary, error: Option<&handler::HandlerError>) {
    macro_rules! summary {
        ($level:ident, $($extra:tt)*) => {
            tracing::$level!(
                request_id, events = s.events, records = s.records,
                firehose_records = s.firehose_records, sent = s.sent,
                calls = s.calls, retried = s.retried, truncated = s.truncated,
                split = s.split, dropped = s.dropped, filtered = s.filtered,
                redacted = s.redacted, unmatched = s.unmatched,
                failed = s.failed, $($extra)*
            )
        };
    }
    match error {
        None => summary!(info, control = s.control, "invocation summary"),
        Some(err) => summary!(error, error_type = err.kind(), error = %err, "invocation failed"),
    }
    let now_ms = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    let mut line = s.emf(function, now_ms, error.is_some());
    line.push('\n');
    let _ = std::io::stdout().lock().write_all(line.as_bytes());
}

#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Version,
    Invoke(Vec<OsString>),
    Encode(EncodeArgs),
}

#[derive(Debug, PartialEq)]
struct EncodeArgs {
    file: OsString,
    origin: Origin,
    grouping: Grouping,
    /// `--format`, in order; empty means the environment's.
    formats: Vec<String>,
    datefmt: Option<String>,
    payload: bool,
    firehose: bool,
}

impl PartialEq for Origin {
    fn eq(&self, o: &Origin) -> bool {
        (
            &self.log_group,
            &self.log_stream,
            &self.owner,
            self.start_ms,
        ) == (&o.log_group, &o.log_stream, &o.owner, o.start_ms)
    }
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let err = |e: lexopt::Error| e.to_string();
    let sub = match parser.next().map_err(err)? {
        None | Some(Short('h') | Long("help")) => return Ok(Command::Help),
        Some(Short('V') | Long("version")) => return Ok(Command::Version),
        Some(Value(v)) => v,
        Some(other) => return Err(other.unexpected().to_string()),
    };
    match sub.to_str() {
        Some("invoke") => {
            let mut files = Vec::new();
            while let Some(arg) = parser.next().map_err(err)? {
                match arg {
                    Value(v) => files.push(v),
                    Short('h') | Long("help") => return Ok(Command::Help),
                    other => return Err(other.unexpected().to_string()),
                }
            }
            if files.is_empty() {
                return Err("invoke needs at least one FILE ('-' reads stdin)".to_owned());
            }
            Ok(Command::Invoke(files))
        }
        Some("encode") => {
            let mut origin = Origin::default();
            let mut grouping = Grouping::PerLine;
            let mut payload = false;
            let mut firehose = false;
            let mut file = None;
            let (mut formats, mut datefmt) = (Vec::new(), None);
            while let Some(arg) = parser.next().map_err(err)? {
                match arg {
                    Long("log-group") => origin.log_group = string(parser.value().map_err(err)?)?,
                    Long("log-stream") => origin.log_stream = string(parser.value().map_err(err)?)?,
                    Long("owner") => origin.owner = string(parser.value().map_err(err)?)?,
                    Long("timestamp") => {
                        let v = string(parser.value().map_err(err)?)?;
                        origin.start_ms = v
                            .parse()
                            .map_err(|_| format!("--timestamp {v:?} is not whole milliseconds"))?;
                    }
                    Long("per-record") => grouping = Grouping::PerRecord,
                    Long("format") => formats.push(string(parser.value().map_err(err)?)?),
                    Long("datefmt") => datefmt = Some(string(parser.value().map_err(err)?)?),
                    Long("payload") => payload = true,
                    Long("firehose") => firehose = true,
                    Short('h') | Long("help") => return Ok(Command::Help),
                    Value(v) if file.is_none() => file = Some(v),
                    other => return Err(other.unexpected().to_string()),
                }
            }
            let file = file.ok_or("encode needs a FILE ('-' reads stdin)")?;
            Ok(Command::Encode(EncodeArgs {
                file,
                origin,
                grouping,
                formats,
                datefmt,
                payload,
                firehose,
            }))
        }
        _ => Err(format!(
            "unknown command {sub:?}; expected invoke or encode"
        )),
    }
}

fn string(v: OsString) -> Result<String, String> {
    v.into_string()
        .map_err(|v| format!("{v:?} is not valid UTF-8"))
}

/// Reads a file or stdin (`-`), refusing more than `limit` bytes.
fn read_input(path: &OsString, limit: usize) -> Result<Vec<u8>, String> {
    let name = path.to_string_lossy();
    let mut buf = Vec::new();
    let reader: Box<dyn std::io::Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?)
    };
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|e| format!("{name}: {e}"))?;
    if buf.len() > limit {
        return Err(format!("{name}: over the {limit}-byte limit for an event"));
    }
    Ok(buf)
}

async fn invoke(files: Vec<OsString>) -> ExitCode {
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(err) => return fail(&err.to_string()),
    };
    let pipeline = match Pipeline::new(&config) {
        Ok(p) => p,
        Err(err) => return fail(&err.to_string()),
    };
    let sink = match &config.delivery_stream {
        None => Sink::Stdout,
        Some(stream) => {
            let sdk = sdk_config().await;
            let firehose =
                FirehoseSink::new(firehose_client(&sdk), stream.clone(), config.max_in_flight);
            if config.record_packing
                && let Err(why) = firehose.check_s3_only().await
            {
                return fail(&format!("RECORD_PACKING=on is refused: {why}"));
            }
            Sink::Firehose(firehose)
        }
    };
    let mut failures = 0;
    let mut stderr = std::io::stderr();
    for file in &files {
        let name = file.to_string_lossy();
        let event = match read_input(file, MAX_EVENT_BYTES) {
            Ok(e) => e,
            Err(msg) => {
                failures += 1;
                let _ = writeln!(stderr, "error: {msg}");
                continue;
            }
        };
        let deadline = Instant::now() + CLI_DEADLINE;
        if transform::is_firehose_event(&event) {
            // A Firehose transformation: the response goes to stdout, as
            // Lambda would return it. Only re-ingesting needs AWS, so the
            // client is built only if the response overflows.
            let (s, result) = handler::handle_transformation(
                &event,
                &pipeline,
                async || firehose_client(&sdk_config().await),
                config.max_in_flight,
                deadline,
            )
            .await;
            match result {
                Ok(response) => {
                    let mut out = std::io::stdout().lock();
                    let _ = out.write_all(response.as_bytes());
                    let _ = out.write_all(b"\n");
                    let _ = writeln!(
                        stderr,
                        "{name}: firehose transformation: events={} records={} reingested={} failed={} filtered={} redacted={} unmatched={}",
                        s.events, s.records, s.sent, s.failed, s.filtered, s.redacted, s.unmatched
                    );
                }
                Err(err) => {
                    failures += 1;
                    let _ = writeln!(stderr, "error: {name}: {err} [{}]", err.kind());
                }
            }
            continue;
        }
        let (s, result) = handler::handle(&event, &pipeline, &sink, deadline).await;
        let to_stdout = matches!(sink, Sink::Stdout);
        match result {
            Ok(()) => {
                let _ = writeln!(
                    stderr,
                    "{name}: {}",
                    cli_summary(&s, to_stdout, config.record_packing)
                );
            }
            Err(err) => {
                failures += 1;
                let _ = writeln!(
                    stderr,
                    "error: {name}: {err} [{}] (events={} records={} sent={} failed={})",
                    err.kind(),
                    s.events,
                    s.records,
                    s.sent,
                    s.failed
                );
                if let Some(hint) = hint(&err, &event) {
                    let _ = writeln!(stderr, "hint: {hint}");
                }
            }
        }
    }
    if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// The CLI's line for one successful file. Printing to stdout makes no
/// calls, so it says `printed=` and leaves out the Firehose counts.
fn cli_summary(s: &Summary, to_stdout: bool, packing: bool) -> String {
    let packed = if packing {
        format!(" (packed into {} Firehose records)", s.firehose_records)
    } else {
        String::new()
    };
    let delivery = if to_stdout {
        format!("printed={}", s.sent)
    } else {
        format!("sent={} calls={} retried={}", s.sent, s.calls, s.retried)
    };
    format!(
        "events={} records={}{packed} {delivery} truncated={} split={} dropped={} filtered={} redacted={} unmatched={} failed={}{}",
        s.events,
        s.records,
        s.truncated,
        s.split,
        s.dropped,
        s.filtered,
        s.redacted,
        s.unmatched,
        s.failed,
        if s.control { " (control message)" } else { "" }
    )
}

/// A likely mistake behind an error, said in a user's words: a log file
/// given to `invoke` where an event is expected.
fn hint(err: &HandlerError, event: &[u8]) -> Option<&'static str> {
    use crate::decode::DecodeError;
    match err {
        HandlerError::Decode(DecodeError::EventJson(_) | DecodeError::MissingAwslogs)
            if !event.trim_ascii_start().starts_with(b"{\"awslogs\"") =>
        {
            Some(
                "invoke takes Lambda events, and this looks like a log file; wrap it first: \
                 logs-to-firehose encode FILE | logs-to-firehose invoke -",
            )
        }
        _ => None,
    }
}

fn encode_cmd(args: EncodeArgs) -> ExitCode {
    let input = match read_input(&args.file, crate::decode::MAX_DECOMPRESSED_BYTES) {
        Ok(i) => i,
        Err(msg) => return fail(&msg),
    };
    let payload = if args.payload {
        input
    } else {
        let text = match String::from_utf8(input) {
            Ok(t) => t,
            Err(e) => {
                return fail(&format!(
                    "{}: not UTF-8 at byte {}",
                    args.file.to_string_lossy(),
                    e.utf8_error().valid_up_to()
                ));
            }
        };
        let parser = match Config::from_env()
            .map(|mut c| {
                if !args.formats.is_empty() {
                    c.python_formats = args.formats.clone();
                    c.python_datefmt = args.datefmt.clone();
                }
                c
            })
            .map_err(|e| e.to_string())
            .and_then(|c| Parsers::new(&c).map_err(|e| e.to_string()))
        {
            Ok(p) => p,
            Err(msg) => return fail(&msg),
        };
        // The formats of the log group the event will claim.
        let parser = parser.for_group(&args.origin.log_group);
        let messages = encode::messages(&text, args.grouping, parser.record_starts());
        encode::payload(&args.origin, messages)
    };
    let event = if args.firehose {
        encode::firehose_event(&[payload], encode::SAMPLE_STREAM_ARN)
    } else {
        encode::event(&payload)
    };
    match std::io::stdout().write_all(&event) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(&format!("writing stdout: {err}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Command, String> {
        parse_args(list.iter().map(OsString::from))
    }

    #[test]
    fn invoke_takes_one_or_more_files_and_dash_for_stdin() {
        assert_eq!(
            args(&["invoke", "a.json", "-"]).unwrap(),
            Command::Invoke(vec!["a.json".into(), "-".into()])
        );
        assert!(args(&["invoke"]).unwrap_err().contains("at least one FILE"));
    }

    #[test]
    fn encode_reads_its_options() {
        let Command::Encode(e) = args(&[
            "encode",
            "--log-group",
            "g",
            "--log-stream=s",
            "--timestamp",
            "5",
            "--per-record",
            "x.log",
        ])
        .unwrap() else {
            panic!("not encode")
        };
        assert_eq!(e.origin.log_group, "g");
        assert_eq!(e.origin.log_stream, "s");
        assert_eq!(e.origin.start_ms, 5);
        assert_eq!(e.grouping, Grouping::PerRecord);
        assert_eq!(e.file, "x.log");
    }

    #[test]
    fn unknown_commands_and_options_are_errors_not_guesses() {
        assert!(args(&["send"]).is_err());
        assert!(args(&["invoke", "--fast", "x"]).is_err());
        assert!(args(&["encode", "--timestamp", "soon", "x"]).is_err());
        assert_eq!(args(&[]).unwrap(), Command::Help);
    }
}
