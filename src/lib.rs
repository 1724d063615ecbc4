//! # logs-to-firehose
//!
//! An AWS Lambda function that takes CloudWatch Logs subscription
//! deliveries of Python application logs, rebuilds every record as the JSON
//! document python-json-logger would have written inside the app, and sends
//! the documents to a Kinesis Data Firehose delivery stream, or straight to
//! OpenSearch's `_bulk` API.
//!
//! ```text
//! Lambda event ──kinds──► one door per kind of event                       pure probe
//!     ──decode──► Delivery { group, stream, owner, events[] }              pure
//!     ──parse──► Body (python-json-logger fields | JSON object)            pure
//!     ──shape──► one JSON document + '\n' per record                       pure
//!                fitted to the destination's own limits (asked of it)
//!     ──sinks──► the sink plans its own requests (Firehose: 500 / 4 MiB)   pure
//!                and sends them; one retry driver resends only what
//!                failed, until the deadline                                I/O
//!     ──report──► Summary { shaped, delivery, per_kind }
//! ```
//!
//! ## Layout
//!
//! Data flows one way, top to bottom; a module never imports one that
//! imports it.
//!
//! - `app`: the process: Lambda (`AWS_LAMBDA_RUNTIME_API` set) or the
//!   command line, the async runtime, `tracing`, the runtime loop and the
//!   invocation deadline.
//! - `cli/`: the command line, ripgrep's way: `mod` (a `Command` from
//!   low-level arguments, the usage text, the short `run`), `invoke`
//!   (renders each file's outcome), `encode`, `infer` (a log file's
//!   formats as a `LOG_GROUP_FORMATS` entry), `redrive` and its `progress`
//!   bar.
//! - `config`: environment variables → validated settings, read once and
//!   handed to each consumer as its own: `formats` (for `parse`), `shaping`
//!   (filters, redaction, layout, for the pipeline), `Runtime` (memory,
//!   time, concurrency) and the destination, read beside its sink. Every
//!   environment read but the runtime's own (in `app`) is here. `vars`
//!   holds the value readers and the error, which names the variable (and,
//!   for `LOG_GROUP_FORMATS`, the entry); it imports nothing, so sinks read
//!   their settings without importing `config`.
//! - `aws`: one `SdkConfig` and the Firehose, S3 and Secrets Manager
//!   clients, each built once.
//! - [`kinds`]: one door per kind of event, as mini-redis's `cmd/`:
//!   `Kind::of` and every probe, one contract
//!   (`handle(event, services, deadline) -> Outcome`) and the one
//!   [`kinds::dispatch`] that Lambda and `invoke` both call; `subscription`,
//!   `transform`, `kinesis`, `redrive` (the schedule's input), `setup` (the
//!   custom resource). A new kind is one file there, plus in `kinds/mod.rs`
//!   its variant, probe and arm in `Kind::of`, its arm in `dispatch`, and
//!   its error's variant in `InvocationError` (and a `Reply` variant if it
//!   answers something new).
//! - `pipeline`: built once from the settings; a subscription event, a
//!   decompressed payload or one Firehose/Kinesis record's data → shaped
//!   records, fitted to the destination's [`sinks::Limits`]. Synchronous
//!   and pure; it knows no batch and no sink.
//! - [`sinks`]: one seat per sink, as Vector's `sinks/`: a [`sinks::Sink`]
//!   is handed records and a deadline, plans its own requests within its
//!   service's limits and hands back a receipt (its counts, its error, the
//!   records not delivered). `destination`: the [`sinks::Destination`]
//!   enum, chosen once, each variant holding its sink's settings, its
//!   [`sinks::Limits`] and the sink's start; `retry`: the one retry driver
//!   (backoff, jitter, deadline, resending only what failed), each sink
//!   supplying one attempt; `firehose` (`config`, `batch`: the
//!   `PutRecordBatch` limits and planner, `mock` for tests), `opensearch`
//!   (`config` with the per-group index routing, `bulk`: action lines,
//!   bodies and the answer, pure; `sign`: SigV4; `backup`: refused
//!   documents to S3) and `stdout`. A new destination is a folder here and
//!   one `Destination` variant.
//! - `https`: the one HTTPS client beside the SDK's (the set-up's calls,
//!   OpenSearch's `_bulk`).
//! - `parse/`: a delivery's events → records: `mod` (the [`Parser`] API),
//!   `groups` (each log group's formats), `assemble` (which lines
//!   make one record), `tails` (Python's traceback layout, indented or not,
//!   `exc_info` and `stack_info`), `json_line` (JSON objects, compacted),
//!   `inference` (one delivery's inferred formats, for auto-detection),
//!   `platform` (Lambda's own lines); `boundaries` tests each record-boundary
//!   rule.
//! - `format/`: Python logging format strings: `compile` (`%`, `{` and `$`
//!   styles, conversions as types), `date` (the shape a `datefmt` gives `asctime`), `matcher`
//!   (one walk over the tokens, typed as python-json-logger types them),
//!   `repr` (a `%(x)r` field's string literal read back as Python would),
//!   `pydict` (a dict logged as the message, merged into the document as
//!   python-json-logger merges it),
//!   and `infer/`: a stream's lines → the formats that wrote them (`lex`:
//!   tokens by shape; `glued`: words that hold two fields, parted where
//!   Python's would be (`main@248`, `MainProcess-57/MainThread`); `marks`:
//!   separators beyond ASCII, colour codes and
//!   the names of code that has none (`<module>`); `levels`: the level
//!   names known, whole or cut;
//!   `layouts`: the `datefmt`s known and where a date
//!   starts; `role`: which attribute a token suggests; `known`: the
//!   names libraries log under and their modules' stems; `ids`: the
//!   shapes of ids no message's word has (a trace id, a pid in hex); `padding`: spaces
//!   that pad a value folded into it; `head`: a
//!   line's fields before the message; `foreign`: other programs' lines
//!   and values that open a message; `suffix`: those printed after it
//!   (a place in the code, the time); `build`: a group of heads → a
//!   format string; `widths`: which spaces are padding and which the
//!   format's own; `names`: which words are loggers and functions,
//!   which column is the logger's, and which is the format's own text; `numbers`: which attribute a column
//!   of numbers is; `columns`: what only a whole group shows, a logger, a
//!   process id, functions or a module right before the message;
//!   `refine`: a group's format from what all its lines show (a space
//!   after the message, a guessed logger that is a label), and each
//!   format from every line it reads (a field's one word as its text, a
//!   width from padded values); `merge`:
//!   formats that differ in one column made one, and a word one logger
//!   opens only some messages with given back to them; `lead`: a field every
//!   message leads with that the head stopped before (a thread's name,
//!   an id); `named`: formats that print a logger alone before the
//!   message, which only many lines show; `syslog`: a
//!   syslog daemon's header, which is no format; `json_text`: a
//!   `%`-format that spells a JSON object, once a line shows it is text),
//!   compiled as configured ones are.
//! - `shape/`: a body plus CloudWatch metadata → one document line; `fit`
//!   truncates or splits what is over the destination's record limit; `ecs` holds
//!   everything of `OUTPUT_SCHEMA=ecs`; `stable` the type stability.
//! - `filter`, `redact`: records dropped before delivery; secrets masked in
//!   every string value.
//! - `decode`: base64 → capped multi-member gzip → `Delivery`, borrowing
//!   strings from the decompressed payload; one error per layer.
//! - `records`: the one output buffer, record packing, and each record's
//!   key (its document id and time) when the direct path asks for them.
//! - `report`: the [`Summary`] of an invocation (`Shaped`: what the CPU
//!   path counted; `Delivered`: the sink's own counts, nested as it gave
//!   them; `PerKind`: a transformation's or a Kinesis batch's own),
//!   rendered as the log line and the metrics. It imports no sink.
//! - `glob`: log group name globs, shared by the formats and the index
//!   routing.
//! - `redrive/`, `setup/`: the pure parts of redrive (failed-document files,
//!   reshaping) and of the post-deploy set-up (the calls, the answer), with
//!   their I/O beside them (`redrive::s3`, `setup::http`).
//! - `json`: the one JSON writer for documents.
//! - `model`: the plain types every stage shares; it needs no other module.
//! - [`encode`]: the inverse of decoding, turning log files into events.
//! - `synth` (feature `testing`): deterministic synthetic deliveries for
//!   benchmarks, fuzzing and tests; never in the Lambda build.
//!
//! Only `app`, `cli`, `aws`, `https`, `kinds`, `sinks`, `redrive::s3` and
//! `setup::http` touch the async runtime, the network or the SDK;
//! everything else is synchronous code over plain data, tested in place.
//!
//! The public surface below is what the binary, the tests, the benchmarks
//! and the fuzz targets use: four namespaces and the names re-exported
//! here.

#![forbid(unsafe_code)]
#![warn(unreachable_pub)]

mod app;
mod aws;
mod cli;
mod config;
mod decode;
mod filter;
mod format;
mod glob;
mod https;
mod json;
pub mod kinds;
mod model;
mod parse;
mod pipeline;
mod records;
mod redact;
mod redrive;
mod report;
mod setup;
mod shape;
pub mod sinks;
mod vars;

pub mod encode;
#[cfg(any(test, feature = "testing"))]
pub mod synth;

pub use app::main;

/// The Python `logging` formats inferred from log lines, as
/// (`PYTHON_LOG_FORMAT`, `PYTHON_LOG_DATEFMT`) pairs, most lines first,
/// then one written as JSON text that the lines show: what
/// `logs-to-firehose infer` prints and auto-detection uses. Each compiles
/// with [`Format::compile`], as a configured format would.
pub fn infer_formats<'a>(
    lines: impl IntoIterator<Item = &'a str>,
) -> Vec<(String, Option<String>)> {
    let lines: Vec<&str> = lines.into_iter().collect();
    let json = format::infer::json_text(lines.iter().copied(), None);
    format::infer::infer(lines.iter().copied())
        .into_iter()
        .chain(json)
        .map(|f| (f.format, f.datefmt))
        .collect()
}
pub use config::{Config, FormatSettings};
pub use decode::{Delivery, MAX_DECOMPRESSED_BYTES, decompress, parse_delivery};
pub use format::Format;
pub use model::{Body, Oversize, PlatformLines, Value};
pub use parse::{AUTO_FORMATS, Parser};
pub use pipeline::{Pipeline, prepare};
pub use report::Summary;
pub use shape::{Meta, Source, write_record};
