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
//!     ──record─► one JSON document + '\n' per record                       pure
//!     ──batch──► PutRecordBatch-sized ranges (500 / 4 MiB / 1,000 KiB)     pure
//!     ──deliver► Firehose, resending only failed records, until deadline   I/O
//! ```
//!
//! ## Layout
//!
//! - [`config`]: every setting, read once from environment variables;
//!   errors name the variable.
//! - [`decode`]: base64 → capped multi-member gzip → [`decode::Delivery`],
//!   borrowing strings from the decompressed payload; one error per layer.
//! - [`format`]: Python logging format strings (`%` and `{` style) and
//!   `datefmt`s, compiled once into matchers that type values as
//!   python-json-logger does.
//! - [`parse`]: a delivery's events → records: which lines make one record
//!   (JSON objects, traceback structure, format starts, and for other lines
//!   the timestamps of one write), `exc_info`/`stack_info`, JSON
//!   pass-through, auto-detection, the formats of each log group, Lambda
//!   platform lines and request ids.
//! - [`ecs`]: `OUTPUT_SCHEMA=ecs`, python-json-logger keys renamed to the
//!   Elastic Common Schema.
//! - [`filter`]: records dropped before delivery by level, message
//!   pattern or logger (`MIN_LEVEL`, `INCLUDE_PATTERN`, …).
//! - [`redact`]: built-in and custom rules, compiled into one `RegexSet`,
//!   masking matches in every string value.
//! - [`record`]: a body plus CloudWatch metadata → one JSON document line;
//!   `@timestamp`; the metadata key.
//! - [`batch`]: Firehose's `PutRecordBatch` limits as constants, and the
//!   split of records into calls.
//! - [`deliver`]: the stdout and Firehose sinks; partial-failure retries
//!   with backoff and jitter, bounded by the deadline.
//! - [`handler`]: the pipeline from event bytes to delivered records, the
//!   per-invocation [`handler::Summary`], and errors → Lambda diagnostics.
//! - [`encode`]: the inverse of decoding, turning log files into
//!   subscription events (`logs-to-firehose encode`).
//! - [`synth`]: deterministic synthetic deliveries for benchmarks and load
//!   tests; never used in Lambda.
//! - [`transform`]: the Firehose data-transformation entry point: each
//!   record's delivery → its documents, within the 6 MB response, with
//!   guarded re-ingest of what doesn't fit.
//! - [`entry`]: start-up, the Lambda runtime loop and the CLI; the only
//!   module besides [`deliver`] that touches the async runtime or the SDK.
//!
//! Everything but `deliver` and `entry` is synchronous code over plain
//! data, tested in place.

#![forbid(unsafe_code)]

pub mod batch;
pub mod config;
pub mod decode;
pub mod deliver;
pub mod ecs;
pub mod encode;
pub mod entry;
pub mod filter;
pub mod format;
pub mod handler;
mod json;
mod model;
pub mod parse;
pub mod record;
pub mod redact;
pub mod synth;
pub mod transform;
