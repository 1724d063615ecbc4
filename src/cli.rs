//! The binary's front: Lambda or the command line, then `invoke` and
//! `encode`, each a short function, as in ripgrep's `main.rs`.

use std::ffi::OsString;
use std::io::{Read as _, Write as _};
use std::process::ExitCode;
use std::time::Duration;

use tokio::time::Instant;

use crate::config::Config;
use crate::decode::MAX_EVENT_BYTES;
use crate::deliver::{Sink, firehose_client, firehose_sink, sdk_config};
use crate::encode::{self, Grouping, Origin};
use crate::kinesis;
use crate::lambda::Kind;
use crate::parse::Parsers;
use crate::pipeline::Pipeline;
use crate::redrive::s3::{After, Plan};
use crate::subscription::{self, SubscriptionError};
use crate::transform;

/// How long `invoke` lets delivery retry one file: Lambda's longest
/// timeout, since outside Lambda there is no deadline to inherit.
pub const CLI_DEADLINE: Duration = Duration::from_secs(15 * 60);

const USAGE: &str = "\
logs-to-firehose: CloudWatch Logs subscription events → python-json-logger documents → Firehose

USAGE:
    logs-to-firehose invoke FILE...      run the handler on event files ('-' = stdin): subscription
                                         events; Firehose transformation events (the response
                                         Lambda would return goes to stdout); Kinesis events (the
                                         batchItemFailures response goes to stderr); CloudFormation
                                         custom resource requests (the post-deploy set-up, answered
                                         at their ResponseURL); the redrive schedule's input
    logs-to-firehose redrive --bucket B [OPTIONS]
                                         send the documents OpenSearch refused (Firehose's
                                         failed-document files in S3) back into the stream,
                                         type-stabilised; see REDRIVE OPTIONS
    logs-to-firehose encode [OPTIONS] FILE...
                                         wrap log files into an event (on stdout): one FILE for a
                                         subscription event, one stream record per FILE with
                                         --firehose or --kinesis

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
                       gzip payload per FILE) instead of a subscription event
    --kinesis          make a Kinesis Data Streams event, as the central account's
                       stream gives it (one stream record holding the gzip payload
                       per FILE) instead of a subscription event

REDRIVE OPTIONS:
    --bucket B         the stream's backup bucket, where Firehose writes the documents it
                       could not deliver (required)
    --prefix P         where the failed-document files are under the bucket
                       [default: AmazonOpenSearchService-failed/]
    --stream S         the delivery stream to send them to [default: DELIVERY_STREAM_NAME]
    --after move|delete
                       what becomes of a file once every one of its documents was accepted:
                       moved under redriven/ (same key), or deleted   [default: move]
                       A file with any document not accepted stays, and the next run sends
                       all its documents again: those can arrive twice, no others.
    --dry-run          send nothing and mark nothing: print the documents that would be
                       sent (reshaped) on stdout, and the error codes found, with counts
    A progress bar goes to stderr when it is a terminal; a summary line always.
    OUTPUT_SCHEMA picks the type-stabilising rules, as for live traffic.

EXAMPLES:
    logs-to-firehose encode app.log | logs-to-firehose invoke -
    logs-to-firehose redrive --bucket my-backup --dry-run | head
";

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
        Err(err) => return fail(&format!("cannot start the async runtime: {err}")),
    };
    if in_lambda {
        return match runtime.block_on(crate::lambda::run()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                tracing::error!(error = %err, "start-up failed");
                ExitCode::FAILURE
            }
        };
    }
    match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Help) => print(USAGE),
        Ok(Command::Version) => print(&format!("logs-to-firehose {}\n", env!("CARGO_PKG_VERSION"))),
        Ok(Command::Invoke(files)) => runtime.block_on(invoke(files)),
        Ok(Command::Encode(args)) => encode_cmd(args),
        Ok(Command::Redrive(args)) => runtime.block_on(redrive_cmd(args)),
        Err(msg) => {
            say(&format!("error: {msg}\n\n{USAGE}"));
            ExitCode::from(2)
        }
    }
}

/// Writes to stdout; a closed or full stdout is an error, not ignored.
fn print(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            say(&format!("error: writing stdout: {err}"));
            ExitCode::FAILURE
        }
    }
}

/// One line to stderr. If stderr itself is gone there is nowhere left to
/// say anything; the exit status still tells.
fn say(line: &str) {
    let mut err = std::io::stderr().lock();
    if err
        .write_all(line.as_bytes())
        .and_then(|()| err.write_all(b"\n"))
        .is_err()
    {
        // Nothing to report it to.
    }
}

fn fail(msg: &str) -> ExitCode {
    say(&format!("error: {msg}"));
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

#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Version,
    Invoke(Vec<OsString>),
    Encode(EncodeArgs),
    Redrive(RedriveArgs),
}

#[derive(Debug, PartialEq)]
struct EncodeArgs {
    /// One delivery each; several only in a Firehose or Kinesis event.
    files: Vec<OsString>,
    origin: Origin,
    grouping: Grouping,
    /// `--format`, in order; empty means the environment's.
    formats: Vec<String>,
    datefmt: Option<String>,
    payload: bool,
    envelope: Envelope,
}

/// The kind of event `encode` wraps its deliveries in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Envelope {
    Subscription,
    Firehose,
    Kinesis,
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
        Some("encode") => encode_args(&mut parser),
        Some("redrive") => redrive_args(&mut parser),
        _ => Err(format!(
            "unknown command {sub:?}; expected invoke, encode or redrive"
        )),
    }
}

#[derive(Debug, PartialEq)]
struct RedriveArgs {
    bucket: String,
    prefix: String,
    stream: Option<String>,
    after: After,
    dry_run: bool,
}

/// `redrive`'s options.
fn redrive_args(parser: &mut lexopt::Parser) -> Result<Command, String> {
    use lexopt::prelude::*;
    let err = |e: lexopt::Error| e.to_string();
    let (mut bucket, mut stream) = (None, None);
    let mut a = RedriveArgs {
        bucket: String::new(),
        prefix: crate::redrive::FAILED_PREFIX.to_owned(),
        stream: None,
        after: After::Move,
        dry_run: false,
    };
    while let Some(arg) = parser.next().map_err(err)? {
        match arg {
            Long("bucket") => bucket = Some(string(parser.value().map_err(err)?)?),
            Long("prefix") => a.prefix = string(parser.value().map_err(err)?)?,
            Long("stream") => stream = Some(string(parser.value().map_err(err)?)?),
            Long("after") => {
                a.after = match string(parser.value().map_err(err)?)?.as_str() {
                    "move" => After::Move,
                    "delete" => After::Delete,
                    other => return Err(format!("--after {other:?}: expected move or delete")),
                }
            }
            Long("dry-run") => a.dry_run = true,
            Short('h') | Long("help") => return Ok(Command::Help),
            other => return Err(other.unexpected().to_string()),
        }
    }
    a.bucket = bucket.ok_or("redrive needs --bucket (the stream's backup bucket)")?;
    a.stream = stream;
    Ok(Command::Redrive(a))
}

/// `encode`'s options and files.
fn encode_args(parser: &mut lexopt::Parser) -> Result<Command, String> {
    use lexopt::prelude::*;
    let err = |e: lexopt::Error| e.to_string();
    let mut a = EncodeArgs {
        files: Vec::new(),
        origin: Origin::default(),
        grouping: Grouping::PerLine,
        formats: Vec::new(),
        datefmt: None,
        payload: false,
        envelope: Envelope::Subscription,
    };
    while let Some(arg) = parser.next().map_err(err)? {
        match arg {
            Long("log-group") => a.origin.log_group = string(parser.value().map_err(err)?)?,
            Long("log-stream") => a.origin.log_stream = string(parser.value().map_err(err)?)?,
            Long("owner") => a.origin.owner = string(parser.value().map_err(err)?)?,
            Long("timestamp") => {
                let v = string(parser.value().map_err(err)?)?;
                a.origin.start_ms = v
                    .parse()
                    .map_err(|_| format!("--timestamp {v:?} is not whole milliseconds"))?;
            }
            Long("per-record") => a.grouping = Grouping::PerRecord,
            Long("format") => a.formats.push(string(parser.value().map_err(err)?)?),
            Long("datefmt") => a.datefmt = Some(string(parser.value().map_err(err)?)?),
            Long("payload") => a.payload = true,
            Long("firehose") => a.envelope = Envelope::Firehose,
            Long("kinesis") => a.envelope = Envelope::Kinesis,
            Short('h') | Long("help") => return Ok(Command::Help),
            Value(v) => a.files.push(v),
            other => return Err(other.unexpected().to_string()),
        }
    }
    match (a.files.len(), a.envelope) {
        (0, _) => Err("encode needs a FILE ('-' reads stdin)".to_owned()),
        (2.., Envelope::Subscription) => Err(
            "a subscription event holds one delivery: give one FILE, or --kinesis/--firehose for one record per FILE"
                .to_owned(),
        ),
        _ => Ok(Command::Encode(a)),
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

/// What `invoke` runs every file with, built once.
struct Invoker {
    config: Config,
    pipeline: Pipeline,
    sink: Sink,
}

async fn invoke(files: Vec<OsString>) -> ExitCode {
    let invoker = match Invoker::new().await {
        Ok(i) => i,
        Err(msg) => return fail(&msg),
    };
    let mut failures = 0;
    for file in &files {
        if !invoker.file(file).await {
            failures += 1;
        }
    }
    if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

impl Invoker {
    async fn new() -> Result<Invoker, String> {
        let config = Config::from_env().map_err(|e| e.to_string())?;
        let pipeline = Pipeline::new(&config).map_err(|e| e.to_string())?;
        // The SDK is loaded only when there is a stream to send to.
        let sink = match &config.delivery_stream {
            None => Sink::Stdout,
            Some(_) => {
                let client = firehose_client(&sdk_config().await);
                match firehose_sink(&config, &client).await? {
                    Some(sink) => Sink::Firehose(sink),
                    None => Sink::Stdout,
                }
            }
        };
        Ok(Invoker {
            config,
            pipeline,
            sink,
        })
    }

    /// Runs one event file; says what happened on stderr. `false` if it
    /// failed.
    async fn file(&self, file: &OsString) -> bool {
        let name = file.to_string_lossy();
        let event = match read_input(file, MAX_EVENT_BYTES) {
            Ok(e) => e,
            Err(msg) => {
                say(&format!("error: {msg}"));
                return false;
            }
        };
        let deadline = Instant::now() + CLI_DEADLINE;
        match Kind::of(&event) {
            Kind::Transform => return self.transformation(&name, &event, deadline).await,
            Kind::Kinesis => return self.kinesis(&name, &event, deadline).await,
            Kind::Setup => return setup_request(&name, &event, deadline).await,
            Kind::Redrive => return self.redrive_input(&name, &event, deadline).await,
            Kind::Subscription => {}
        }
        let (s, result) = subscription::handle(&event, &self.pipeline, &self.sink, deadline).await;
        match result {
            Ok(()) => {
                let to_stdout = matches!(self.sink, Sink::Stdout);
                say(&format!(
                    "{name}: {}",
                    s.cli_line(to_stdout, self.config.record_packing)
                ));
                true
            }
            Err(err) => {
                say(&format!(
                    "error: {name}: {err} [{}] (events={} records={} sent={} failed={})",
                    err.kind(),
                    s.events,
                    s.records,
                    s.sent,
                    s.failed
                ));
                if let Some(hint) = hint(&err, &event) {
                    say(&format!("hint: {hint}"));
                }
                false
            }
        }
    }

    /// The redrive schedule's input: redrives as the scheduled function does.
    async fn redrive_input(&self, name: &str, event: &[u8], deadline: Instant) -> bool {
        let s3 = crate::redrive::s3::client(&sdk_config().await);
        let schema = self.config.schema;
        match crate::redrive::scheduled::handle(event, &s3, &self.sink, schema, deadline).await {
            Ok(t) => {
                say(&format!("{name}: redrive: {}", t.line(false)));
                t.files_left == 0
            }
            Err(err) => {
                say(&format!("error: {name}: {err} [{}]", err.kind()));
                false
            }
        }
    }

    /// A Kinesis event: documents go where a subscription's go, and the
    /// `batchItemFailures` response Lambda would return goes to stderr
    /// (stdout may hold the documents). Any failed item fails the file.
    async fn kinesis(&self, name: &str, event: &[u8], deadline: Instant) -> bool {
        let (s, result) = kinesis::handle(event, &self.pipeline, &self.sink, deadline).await;
        match result {
            Ok(response) => {
                let to_stdout = matches!(self.sink, Sink::Stdout);
                say(&format!("{name}: {}", s.cli_kinesis_line(to_stdout)));
                let json = serde_json::to_string(&response).unwrap_or_default();
                say(&format!("{name}: response {json}"));
                response.batch_item_failures.is_empty()
            }
            Err(err) => {
                say(&format!("error: {name}: {err} [{}]", err.kind()));
                false
            }
        }
    }

    /// A Firehose transformation: the response goes to stdout, as Lambda
    /// would return it. Only re-ingesting needs AWS, so the client is built
    /// only if the response overflows.
    async fn transformation(&self, name: &str, event: &[u8], deadline: Instant) -> bool {
        let client = async || firehose_client(&sdk_config().await);
        let max_in_flight = self.config.max_in_flight;
        let (s, result) =
            transform::handle(event, &self.pipeline, client, max_in_flight, deadline).await;
        let written = result
            .map_err(|e| format!("{e} [{}]", e.kind()))
            .and_then(|response| {
                let mut out = std::io::stdout().lock();
                serde_json::to_writer(&mut out, &response)
                    .map_err(|e| e.to_string())
                    .and_then(|()| out.write_all(b"\n").map_err(|e| e.to_string()))
            });
        match written {
            Ok(()) => {
                say(&format!("{name}: {}", s.cli_transform_line()));
                true
            }
            Err(msg) => {
                say(&format!("error: {name}: {msg}"));
                false
            }
        }
    }
}

/// A CloudFormation custom resource request: the set-up runs and its
/// answer goes to the request's `ResponseURL`, as in Lambda. The clients
/// are built only for this.
async fn setup_request(name: &str, event: &[u8], deadline: Instant) -> bool {
    let http = match crate::setup::http::Http::new() {
        Ok(h) => h,
        Err(msg) => {
            say(&format!("error: {name}: {msg}"));
            return false;
        }
    };
    let secrets = aws_sdk_secretsmanager::Client::new(&sdk_config().await);
    match crate::setup::http::handle(event, &secrets, &http, deadline).await {
        Ok(status) => {
            say(&format!("{name}: custom resource answered {status}"));
            status == "SUCCESS"
        }
        Err(err) => {
            say(&format!("error: {name}: {err} [{}]", err.kind()));
            false
        }
    }
}

/// `redrive`: the failed-document files under the prefix, back into the
/// stream (or, with `--dry-run`, onto stdout), file by file.
async fn redrive_cmd(args: RedriveArgs) -> ExitCode {
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => return fail(&e.to_string()),
    };
    let sdk = sdk_config().await;
    let sink = if args.dry_run {
        Sink::Stdout
    } else {
        let Some(stream) = args.stream.clone().or(config.delivery_stream.clone()) else {
            return fail("redrive needs --stream or DELIVERY_STREAM_NAME (or --dry-run)");
        };
        Sink::Firehose(crate::deliver::FirehoseSink::new(
            firehose_client(&sdk),
            stream,
            config.max_in_flight,
        ))
    };
    let plan = Plan {
        prefix: args.prefix,
        after: args.after,
        dry_run: args.dry_run,
        schema: config.schema,
        ..Plan::new(args.bucket)
    };
    let s3 = crate::redrive::s3::client(&sdk);
    let mut bar = Progress::new();
    match crate::redrive::s3::run(&s3, &sink, &plan, |t, done, all| bar.show(t, done, all)).await {
        Ok(tally) => {
            bar.finish();
            say(&format!("redrive: {}", tally.line(args.dry_run)));
            if tally.files_left > 0 && !args.dry_run {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(err) => fail(&format!("redrive: {err}")),
    }
}

/// A one-line progress bar on stderr, redrawn in place, only when stderr
/// is a terminal (a log file gets the summary alone).
struct Progress {
    tty: bool,
    drawn: bool,
}

impl Progress {
    fn new() -> Progress {
        use std::io::IsTerminal as _;
        Progress {
            tty: std::io::stderr().is_terminal(),
            drawn: false,
        }
    }

    fn show(&mut self, t: &crate::redrive::Tally, done: usize, all: usize) {
        if !self.tty || all == 0 {
            return;
        }
        const WIDTH: usize = 30;
        let filled = done * WIDTH / all;
        let line = format!(
            "\r[{}{}] {done}/{all} files, {} documents, {} failed",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            t.documents,
            t.failed
        );
        let mut err = std::io::stderr().lock();
        if err
            .write_all(line.as_bytes())
            .and_then(|()| err.flush())
            .is_ok()
        {
            self.drawn = true;
        }
    }

    fn finish(&self) {
        if self.drawn {
            say("");
        }
    }
}

/// A likely mistake behind an error, said in a user's words: a log file
/// given to `invoke` where an event is expected.
fn hint(err: &SubscriptionError, event: &[u8]) -> Option<&'static str> {
    use crate::decode::DecodeError;
    use crate::pipeline::PipelineError;
    match err {
        SubscriptionError::Pipeline(PipelineError::Decode(
            DecodeError::EventJson(_) | DecodeError::MissingAwslogs,
        )) if !event.trim_ascii_start().starts_with(b"{\"awslogs\"") => Some(
            "invoke takes Lambda events, and this looks like a log file; wrap it first: \
             logs-to-firehose encode FILE | logs-to-firehose invoke -",
        ),
        _ => None,
    }
}

fn encode_cmd(args: EncodeArgs) -> ExitCode {
    let mut payloads = Vec::with_capacity(args.files.len());
    // Each file's events follow the previous file's in time, so no two
    // deliveries of one event share an event id.
    let mut origin = args.origin.clone();
    for file in &args.files {
        match payload_of(file, &args, &origin) {
            Ok((p, events)) => {
                payloads.push(p);
                origin.start_ms += events as i64;
            }
            Err(msg) => return fail(&msg),
        }
    }
    let event = match args.envelope {
        Envelope::Subscription => encode::event(&payloads[0]),
        Envelope::Firehose => encode::firehose_event(&payloads, encode::SAMPLE_STREAM_ARN),
        Envelope::Kinesis => encode::kinesis_event(&payloads, encode::SAMPLE_KINESIS_ARN),
    };
    let mut out = std::io::stdout().lock();
    match out.write_all(&event).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(&format!("writing stdout: {err}")),
    }
}

/// One file as a delivery's payload, and how many events it made: a log
/// file split into events with the log group's formats, or (`--payload`) a
/// payload as it is.
fn payload_of(
    file: &OsString,
    args: &EncodeArgs,
    origin: &Origin,
) -> Result<(Vec<u8>, usize), String> {
    let input = read_input(
        file,
        crate::pipeline::memory_budget(crate::config::LOCAL_MEMORY_MB),
    )?;
    if args.payload {
        return Ok((input, 0));
    }
    let text = String::from_utf8(input).map_err(|e| {
        format!(
            "{}: not UTF-8 at byte {}",
            file.to_string_lossy(),
            e.utf8_error().valid_up_to()
        )
    })?;
    let mut config = Config::from_env().map_err(|e| e.to_string())?;
    if !args.formats.is_empty() {
        // --format wins over every configured format.
        config.python_formats = args.formats.clone();
        config.python_datefmt = args.datefmt.clone();
        config.group_formats.clear();
    }
    let parsers = Parsers::new(&config).map_err(|e| e.to_string())?;
    // The formats of the log group the event will claim.
    let parser = parsers.for_group(&origin.log_group);
    let messages = encode::messages(&text, args.grouping, parser.record_starts());
    let events = messages.len();
    Ok((encode::payload(origin, messages), events))
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
        assert_eq!(e.files, ["x.log"]);
    }

    #[test]
    fn unknown_commands_and_options_are_errors_not_guesses() {
        assert!(args(&["send"]).is_err());
        assert!(args(&["invoke", "--fast", "x"]).is_err());
        assert!(args(&["encode", "--timestamp", "soon", "x"]).is_err());
        assert_eq!(args(&[]).unwrap(), Command::Help);
    }

    #[test]
    fn redrive_needs_a_bucket_and_reads_every_option() {
        let Command::Redrive(r) = args(&[
            "redrive",
            "--bucket",
            "b",
            "--prefix",
            "errors/",
            "--after",
            "delete",
            "--dry-run",
            "--stream",
            "s",
        ])
        .unwrap() else {
            panic!("not redrive")
        };
        assert_eq!(
            (r.bucket.as_str(), r.prefix.as_str(), r.after, r.dry_run),
            ("b", "errors/", After::Delete, true)
        );
        assert_eq!(r.stream.as_deref(), Some("s"));
        assert!(args(&["redrive"]).unwrap_err().contains("--bucket"));
        assert!(
            args(&["redrive", "--bucket", "b", "--after", "keep"])
                .unwrap_err()
                .contains("move or delete")
        );
    }

    #[test]
    fn encode_takes_several_files_only_for_events_that_hold_several_deliveries() {
        let Command::Encode(e) = args(&["encode", "--kinesis", "a.log", "b.log"]).unwrap() else {
            panic!("not encode")
        };
        assert_eq!((e.files.len(), e.envelope), (2, Envelope::Kinesis));
        assert!(args(&["encode", "--firehose", "a.log", "b.log"]).is_ok());
        let err = args(&["encode", "a.log", "b.log"]).unwrap_err();
        assert!(err.contains("one FILE"), "{err}");
        assert!(args(&["encode"]).unwrap_err().contains("needs a FILE"));
    }
}
