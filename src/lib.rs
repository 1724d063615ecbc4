//! # logs-to-firehose
//!
//! An AWS Lambda function that takes CloudWatch Logs subscription
//! deliveries of Python application logs, rebuilds every record as the JSON
//! document python-json-logger would have written inside the app, and sends
//! the documents to a Kinesis Data Firehose delivery stream.
//!
//! ```text
//! Lambda event ──decode──► Delivery { group, stream, owner, events[] }     pure
//!     ──parse──► Body (python-json-logger fields | JSON object)            pure
//!     ──shape──► one JSON document + '\n' per record                       pure
//!     ──batch──► PutRecordBatch-sized ranges (500 / 4 MiB / 1,000 KiB)     pure
//!     ──deliver► Firehose, resending only failed records, until deadline   I/O
//! ```
//!
//! ## Layout
//!
//! Data flows one way, top to bottom; a module never imports one that
//! imports it.
//!
//! - `model`: the plain types every stage shares (`Value`, `Body`,
//!   `Schema`, `Oversize`, `PlatformLines`, each setting enum with its
//!   `FromStr`); it needs no other module.
//! - `json`: the one JSON writer: string literals, typed values, RFC 3339
//!   times, a small object writer, and the length of a string once
//!   serialised. Documents, the `REPORT` record and split markers are
//!   written with it; the transformation response and the metrics are
//!   serialised by serde.
//! - `config`: environment variables → typed settings, read once; errors
//!   name the variable (and, for `LOG_GROUP_FORMATS`, the entry).
//! - `decode`: base64 → capped multi-member gzip → `Delivery`, borrowing
//!   strings from the decompressed payload; one error per layer.
//! - `format/`: Python logging format strings: `compile` (`%` and `{`
//!   styles), `date` (the shape a `datefmt` gives `asctime`), `matcher`
//!   (one walk over the tokens, typed as python-json-logger types them).
//! - `parse/`: a delivery's events → records: which lines make one record,
//!   `exc_info`/`stack_info`, JSON pass-through, auto-detection, each log
//!   group's formats; `platform` reads Lambda's own lines.
//! - `filter`, `redact`: records dropped before delivery; secrets masked in
//!   every string value.
//! - `records`: the one output buffer, and record packing.
//! - `shape/`: a body plus CloudWatch metadata → one document line; `fit`
//!   truncates or splits what is over Firehose's record limit; `ecs` holds
//!   everything of `OUTPUT_SCHEMA=ecs`.
//! - `batch`: `PutRecordBatch` limits as constants, and the split of
//!   records into calls.
//! - `report`: the `Summary` of an invocation, defined once, rendered as
//!   the log line, the metrics and the CLI's lines.
//! - `pipeline`: built once from the settings; payload → shaped records and
//!   batches. Synchronous and pure.
//! - `deliver`: the stdout and Firehose sinks, partial-failure retries with
//!   backoff and jitter bounded by the deadline, and the one constructor
//!   from settings that Lambda and the CLI share.
//! - `subscription`, `transform`, `kinesis`: one module per kind of event
//!   (subscription deliveries; Firehose transformation events with their
//!   typed response and guarded re-ingest; Kinesis Data Streams records
//!   from a central account's logs destination, answered with
//!   `batchItemFailures`). Each depends on `pipeline` and `deliver`, never
//!   on another; a new kind of event is one more module beside them.
//! - `redrive/`: documents OpenSearch refused, from Firehose's
//!   failed-document files back into the stream: the pure file reading and
//!   reshaping, `s3` (list, read, mark done, the loop) and `scheduled` (the
//!   template's schedule, one more kind of event).
//! - `setup/`: the post-deploy set-up as a CloudFormation custom resource
//!   (one more kind of event): the pure calls and answer, and `http`
//!   (Secrets Manager, the domain, the response URL, within the deadline).
//! - `lambda`: the runtime loop, the deadline, dispatch by kind of event
//!   (`Kind::of`, which `invoke` asks too),
//!   and the error that wraps each kind's own.
//! - `cli`: `invoke`, `encode` and `redrive`, and the binary's `main`.
//! - [`encode`]: the inverse of decoding, turning log files into events.
//! - `synth` (feature `testing`): deterministic synthetic deliveries for
//!   benchmarks, fuzzing and tests; never in the Lambda build.
//!
//! Only `deliver`, `subscription`, `transform`, `kinesis`, `redrive::s3`,
//! `redrive::scheduled`, `setup::http`, `lambda` and `cli` touch the async
//! runtime, the network or the SDK; everything else is synchronous code over
//! plain data, tested in place.
//!
//! The public surface below is what the binary, the tests, the benchmarks
//! and the fuzz targets use.

#![forbid(unsafe_code)]

mod app;
mod aws;
pub mod batch;
mod cli;
mod config;
mod decode;
mod filter;
mod format;
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

pub mod encode;
#[cfg(any(test, feature = "testing"))]
pub mod synth;

pub use app::main;
pub use config::Config;
pub use decode::{Delivery, MAX_DECOMPRESSED_BYTES, decompress, parse_delivery};
pub use format::Format;
pub use model::{Body, Oversize, PlatformLines, Value};
pub use parse::{AUTO_FORMATS, Parser};
pub use pipeline::{Pipeline, prepare};
pub use report::Summary;
pub use shape::{Meta, Source, write_record};
