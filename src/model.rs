//! The plain types every stage shares: values as python-json-logger types
//! them, a parsed record's body, and the settings enums that more than one
//! stage reads. No logic that needs another module lives here, so any
//! module may use these without an import loop.

use std::borrow::Cow;

/// A typed value, typed as python-json-logger would type it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Str(Cow<'a, str>),
    Int(i64),
    Float(f64),
    Bool(bool),
    Null,
    /// Text that is already valid JSON (an object or number taken verbatim).
    Raw(Cow<'a, str>),
}

/// What the parser made of one log record, before metadata is added.
#[derive(Debug, Clone, PartialEq)]
pub enum Body<'a> {
    /// Ordered key/value pairs, as python-json-logger would emit them.
    Fields(Vec<(Cow<'a, str>, Value<'a>)>),
    /// A JSON object logged by the app, passed through with its own keys.
    /// Holds the object's text; it was validated by the parser.
    Json(Cow<'a, str>),
}

/// The document layout (`OUTPUT_SCHEMA`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Schema {
    /// python-json-logger's keys, our metadata under `cloudwatch`.
    #[default]
    Python,
    /// Elastic Common Schema: see `OUTPUT_SCHEMA=ecs`.
    Ecs,
}

/// What to do with a record larger than the destination's record limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Oversize {
    /// Shorten the longest text field, mark the record `truncated`.
    #[default]
    Truncate,
    /// Split the longest text field across several records.
    Split,
    /// Fail the invocation, so the whole event goes to the on-failure
    /// destination untouched.
    Fail,
}

/// How to treat Lambda's own `START`/`END`/`REPORT` lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PlatformLines {
    /// Drop `START`/`END`; turn `REPORT` into a `platform.report` record.
    #[default]
    Report,
    /// Drop all platform lines.
    Drop,
    /// Keep every platform line as a plain record.
    Keep,
}

impl std::str::FromStr for Oversize {
    type Err = &'static str;
    fn from_str(v: &str) -> Result<Oversize, &'static str> {
        match v.trim().to_ascii_lowercase().as_str() {
            "truncate" => Ok(Oversize::Truncate),
            "split" => Ok(Oversize::Split),
            "fail" => Ok(Oversize::Fail),
            _ => Err("expected truncate, split or fail"),
        }
    }
}

impl std::str::FromStr for PlatformLines {
    type Err = &'static str;
    fn from_str(v: &str) -> Result<PlatformLines, &'static str> {
        match v.trim().to_ascii_lowercase().as_str() {
            "report" => Ok(PlatformLines::Report),
            "drop" => Ok(PlatformLines::Drop),
            "keep" => Ok(PlatformLines::Keep),
            _ => Err("expected report, drop or keep"),
        }
    }
}

impl std::str::FromStr for Schema {
    type Err = &'static str;
    fn from_str(v: &str) -> Result<Schema, &'static str> {
        match v.trim().to_ascii_lowercase().as_str() {
            "python" => Ok(Schema::Python),
            "ecs" => Ok(Schema::Ecs),
            _ => Err("expected python or ecs"),
        }
    }
}

/// Top-level keys the shipped OpenSearch index templates map as objects,
/// in either schema (`opensearch/`). A JSON line that names one of them,
/// or holds any nested value, is checked by `shape::stable`; one that
/// doesn't is already type-stable.
pub(crate) fn reserved_object_key(key: &str) -> bool {
    matches!(
        key,
        "cloudwatch"
            | "record"
            | "split"
            | "structured"
            | "log"
            | "error"
            | "process"
            | "faas"
            | "event"
            | "aws"
            | "cloud"
            | "ecs"
    )
}
