//! The command line, as ripgrep's front: low-level arguments (`lexopt`,
//! one parser per command) become a [`Command`], and a short [`run`]
//! dispatches it. Each command is a file of its own:
//!
//! - `invoke`: event files through the one dispatch Lambda uses, each
//!   outcome rendered as lines on stderr;
//! - `encode`: log files wrapped into events;
//! - `infer`: the formats auto-detection infers from log files, as a
//!   `LOG_GROUP_FORMATS` entry to pin them;
//! - `redrive`: failed-document files back into the stream, with
//!   `progress`, its bar.

mod encode;
mod infer;
mod invoke;
mod progress;
mod redrive;

use std::ffi::OsString;
use std::io::{Read as _, Write as _};
use std::process::ExitCode;

use crate::encode::{Grouping, Origin};
use crate::redrive::s3::After;

/// Why the command line could not be run: its words, its files, or the
/// configuration it runs with. Each says what to fix.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    #[error(transparent)]
    Args(#[from] lexopt::Error),
    #[error("{0}")]
    Usage(&'static str),
    #[error("unknown command {0:?}; expected invoke, encode, infer or redrive")]
    UnknownCommand(OsString),
    #[error("--timestamp {0:?} is not whole milliseconds")]
    Timestamp(String),
    #[error("--after {0:?}: expected move or delete")]
    After(String),
    #[error("{0:?} is not valid UTF-8")]
    NotUtf8(OsString),
    #[error("{name}: {source}")]
    Read {
        name: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{name}: over the {limit}-byte limit for an event")]
    TooLarge { name: String, limit: usize },
    #[error("{name}: not UTF-8 at byte {at}")]
    NotText { name: String, at: usize },
    #[error(transparent)]
    Config(#[from] crate::config::ConfigError),
    #[error(transparent)]
    Parse(#[from] crate::parse::FormatsError),
    #[error(transparent)]
    Sink(#[from] crate::sinks::StartError),
    #[error("writing stdout: {0}")]
    Stdout(#[source] std::io::Error),
}

/// The whole `--help`: every command and every option with its default.
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
    logs-to-firehose infer [--log-group G] FILE...
                                         print the Python logging formats inferred from log files
                                         (or subscription event files), as a LOG_GROUP_FORMATS
                                         entry to paste and edit (a custom field's real name)
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
    --timestamp MS     first event's time, ms since the epoch
                       [default: 1715438684000, 2024-05-11T14:44:44Z]. Each record is
                       stamped 10 ms after the one before, and every line of a record
                       with its record's millisecond, as CloudWatch stamps the lines
                       of one write: so `encode | invoke` joins lines into records
                       where a real stream would, and never records that a real
                       stream keeps apart. Where records start: as for --per-record.
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
    logs-to-firehose infer --log-group '/ecs/orders*' app.log
    logs-to-firehose redrive --bucket my-backup --dry-run | head
";

/// Runs one command line (without the program's name) to its exit code.
pub(crate) fn run(
    runtime: &tokio::runtime::Runtime,
    args: impl IntoIterator<Item = OsString>,
) -> ExitCode {
    match parse_args(args) {
        Ok(Command::Help) => print(USAGE),
        Ok(Command::Version) => print(&format!("logs-to-firehose {}\n", env!("CARGO_PKG_VERSION"))),
        Ok(Command::Invoke(files)) => runtime.block_on(invoke::run(files)),
        Ok(Command::Encode(args)) => encode::run(&args),
        Ok(Command::Infer { files, group }) => infer::run(&files, group.as_deref()),
        Ok(Command::Redrive(args)) => runtime.block_on(redrive::run(args)),
        Err(err) => {
            say(&format!("error: {err}\n\n{USAGE}"));
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
            say(&format!("error: {}", CliError::Stdout(err)));
            ExitCode::FAILURE
        }
    }
}

/// One line to stderr. If stderr itself is gone there is nowhere left to
/// say anything; the exit status still tells.
pub(crate) fn say(line: &str) {
    let mut err = std::io::stderr().lock();
    if err
        .write_all(line.as_bytes())
        .and_then(|()| err.write_all(b"\n"))
        .is_err()
    {
        // Nothing to report it to.
    }
}

fn fail(err: &dyn std::fmt::Display) -> ExitCode {
    say(&format!("error: {err}"));
    ExitCode::from(2)
}

#[derive(Debug, PartialEq)]
enum Command {
    Help,
    Version,
    Invoke(Vec<OsString>),
    Encode(EncodeArgs),
    Infer {
        files: Vec<OsString>,
        group: Option<String>,
    },
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

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, CliError> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let sub = match parser.next()? {
        None | Some(Short('h') | Long("help")) => return Ok(Command::Help),
        Some(Short('V') | Long("version")) => return Ok(Command::Version),
        Some(Value(v)) => v,
        Some(other) => return Err(other.unexpected().into()),
    };
    match sub.to_str() {
        Some("invoke") => invoke_args(&mut parser),
        Some("encode") => encode_args(&mut parser),
        Some("infer") => infer_args(&mut parser),
        Some("redrive") => redrive_args(&mut parser),
        _ => Err(CliError::UnknownCommand(sub)),
    }
}

/// `invoke`'s files.
fn invoke_args(parser: &mut lexopt::Parser) -> Result<Command, CliError> {
    use lexopt::prelude::*;
    let mut files = Vec::new();
    while let Some(arg) = parser.next()? {
        match arg {
            Value(v) => files.push(v),
            Short('h') | Long("help") => return Ok(Command::Help),
            other => return Err(other.unexpected().into()),
        }
    }
    if files.is_empty() {
        return Err(CliError::Usage(
            "invoke needs at least one FILE ('-' reads stdin)",
        ));
    }
    Ok(Command::Invoke(files))
}

/// `infer`'s files and the log group to name in its entry.
fn infer_args(parser: &mut lexopt::Parser) -> Result<Command, CliError> {
    use lexopt::prelude::*;
    let (mut files, mut group) = (Vec::new(), None);
    while let Some(arg) = parser.next()? {
        match arg {
            Value(v) => files.push(v),
            Long("log-group") => group = Some(string(parser.value()?)?),
            Short('h') | Long("help") => return Ok(Command::Help),
            other => return Err(other.unexpected().into()),
        }
    }
    if files.is_empty() {
        return Err(CliError::Usage(
            "infer needs at least one FILE ('-' reads stdin)",
        ));
    }
    Ok(Command::Infer { files, group })
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
fn redrive_args(parser: &mut lexopt::Parser) -> Result<Command, CliError> {
    use lexopt::prelude::*;
    let (mut bucket, mut stream) = (None, None);
    let mut a = RedriveArgs {
        bucket: String::new(),
        prefix: crate::redrive::FAILED_PREFIX.to_owned(),
        stream: None,
        after: After::Move,
        dry_run: false,
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("bucket") => bucket = Some(string(parser.value()?)?),
            Long("prefix") => a.prefix = string(parser.value()?)?,
            Long("stream") => stream = Some(string(parser.value()?)?),
            Long("after") => {
                a.after = match string(parser.value()?)?.as_str() {
                    "move" => After::Move,
                    "delete" => After::Delete,
                    other => return Err(CliError::After(other.to_owned())),
                }
            }
            Long("dry-run") => a.dry_run = true,
            Short('h') | Long("help") => return Ok(Command::Help),
            other => return Err(other.unexpected().into()),
        }
    }
    a.bucket = bucket.ok_or(CliError::Usage(
        "redrive needs --bucket (the stream's backup bucket)",
    ))?;
    a.stream = stream;
    Ok(Command::Redrive(a))
}

/// `encode`'s options and files.
fn encode_args(parser: &mut lexopt::Parser) -> Result<Command, CliError> {
    use lexopt::prelude::*;
    let mut a = EncodeArgs {
        files: Vec::new(),
        origin: Origin::default(),
        grouping: Grouping::PerLine,
        formats: Vec::new(),
        datefmt: None,
        payload: false,
        envelope: Envelope::Subscription,
    };
    while let Some(arg) = parser.next()? {
        match arg {
            Long("log-group") => a.origin.log_group = string(parser.value()?)?,
            Long("log-stream") => a.origin.log_stream = string(parser.value()?)?,
            Long("owner") => a.origin.owner = string(parser.value()?)?,
            Long("timestamp") => {
                let v = string(parser.value()?)?;
                a.origin.start_ms = v.parse().map_err(|_| CliError::Timestamp(v))?;
            }
            Long("per-record") => a.grouping = Grouping::PerRecord,
            Long("format") => a.formats.push(string(parser.value()?)?),
            Long("datefmt") => a.datefmt = Some(string(parser.value()?)?),
            Long("payload") => a.payload = true,
            Long("firehose") => a.envelope = Envelope::Firehose,
            Long("kinesis") => a.envelope = Envelope::Kinesis,
            Short('h') | Long("help") => return Ok(Command::Help),
            Value(v) => a.files.push(v),
            other => return Err(other.unexpected().into()),
        }
    }
    match (a.files.len(), a.envelope) {
        (0, _) => Err(CliError::Usage("encode needs a FILE ('-' reads stdin)")),
        (2.., Envelope::Subscription) => Err(CliError::Usage(
            "a subscription event holds one delivery: give one FILE, or --kinesis/--firehose for one record per FILE",
        )),
        _ => Ok(Command::Encode(a)),
    }
}

fn string(v: OsString) -> Result<String, CliError> {
    v.into_string().map_err(CliError::NotUtf8)
}

/// Reads a file or stdin (`-`), refusing more than `limit` bytes.
fn read_input(path: &OsString, limit: usize) -> Result<Vec<u8>, CliError> {
    let name = path.to_string_lossy().into_owned();
    let read = |source| CliError::Read {
        name: name.clone(),
        source,
    };
    let mut buf = Vec::new();
    let reader: Box<dyn std::io::Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(path).map_err(read)?)
    };
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(read)?;
    if buf.len() > limit {
        return Err(CliError::TooLarge { name, limit });
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Command, String> {
        parse_args(list.iter().map(OsString::from)).map_err(|e| e.to_string())
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
