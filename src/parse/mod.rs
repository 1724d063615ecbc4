//! Line parsing: the events of a delivery become records, each the fields
//! python-json-logger would have written for it inside the app.
//!
//! ## How records are found
//!
//! Records arrive in two ways, and both give the same documents:
//!
//! - **One event per record** (the Lambda runtime): the event holds the
//!   whole record, with embedded `\n` (or `\r` from older runtimes) and one
//!   trailing `\n`. Such an event is always a record of its own, so
//!   `print()` lines between log records stay separate.
//! - **One event per physical line** (the ECS `awslogs` driver, a
//!   `StreamHandler` on stdout): events carry no trailing newline. An event
//!   whose line doesn't start a record (no format matches its beginning) is
//!   joined to the record before it in the same delivery. CloudWatch stores
//!   no empty events, so the blank lines around Python's chained-exception
//!   separators are restored. A continuation with nothing before it in the
//!   delivery (a record cut across two deliveries) is kept as a record of
//!   its own, marked `"continuation": true`.
//!
//! ## How a record is read
//!
//! A line `Traceback (most recent call last):` starts `exc_info`, and a line
//! `Stack (most recent call last):` starts `stack_info`, as
//! `logging.Formatter.format` appends them after the message. The text
//! before them is matched against the configured formats in order; the
//! first that matches gives the fields. JSON objects pass through with
//! their own keys. Anything else becomes `{"message": text}`: nothing is
//! dropped for not matching.
//!
//! Lambda's own platform lines (`START`, `END`, `REPORT`, timeouts, runtime
//! crashes) are handled per `LAMBDA_PLATFORM_LINES`, and lines inside an
//! invocation that carry no request id inherit it from its `START`.

mod assemble;
mod groups;
mod inference;
mod json_line;
mod platform;
mod tails;

use std::borrow::Cow;

use crate::config::{Config, FormatSpec};
use crate::decode::Delivery;
use crate::format::{Format, FormatError, Spans};
use crate::model::PlatformLines;
use crate::model::{Body, Value};
use assemble::Pending;
#[cfg(test)]
pub(crate) use assemble::SAME_WRITE_MS;
pub(crate) use groups::GroupParsers;
use inference::Inference;
use json_line::{json_object, looks_like_json};
use platform::Platform;
use tails::{Tail, split_tails, structure};

/// The Lambda Python runtime's text format and its `datefmt`
/// (`awslambdaric`'s `LambdaLoggerHandler`).
pub(crate) const LAMBDA_FORMAT: &str =
    "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s";
pub(crate) const LAMBDA_DATEFMT: &str = "%Y-%m-%dT%H:%M:%S";

/// Formats recognised when `PYTHON_LOG_FORMAT` is unset, tried in order.
pub const AUTO_FORMATS: &[(&str, Option<&str>)] = &[
    (LAMBDA_FORMAT, Some(LAMBDA_DATEFMT)),
    // The seed services' format.
    (
        "%(asctime)s %(name)s %(levelname)s %(message)s",
        Some("%Y-%m-%dT%H:%M:%S%z"),
    ),
    // The logging cookbook's format, with Python's default datefmt.
    ("%(asctime)s - %(name)s - %(levelname)s - %(message)s", None),
    // `logging.basicConfig()`'s default.
    ("%(levelname)s:%(name)s:%(message)s", None),
    // Popular programs' own defaults, read from their source:
    // gunicorn's error log (`gunicorn.glogging.Logger.error_fmt`, `datefmt`),
    (
        "%(asctime)s [%(process)d] [%(levelname)s] %(message)s",
        Some("[%Y-%m-%d %H:%M:%S %z]"),
    ),
    // Flask's `default_handler`,
    (
        "[%(asctime)s] %(levelname)s in %(module)s: %(message)s",
        None,
    ),
    // the "verbose" formatter of Django's logging documentation
    // (`{levelname} {asctime} {module} {process:d} {thread:d} {message}`,
    // `style="{"`), copied into a great many projects' settings,
    // Celery's `worker_task_log_format` and `worker_log_format`,
    (
        "[%(asctime)s: %(levelname)s/%(processName)s] %(task_name)s[%(task_id)s]: %(message)s",
        None,
    ),
    (
        "[%(asctime)s: %(levelname)s/%(processName)s] %(message)s",
        None,
    ),
    // SQLAlchemy's echo handler,
    ("%(asctime)s %(levelname)s %(name)s %(message)s", None),
    // and `boto3.set_stream_logger`.
    ("%(asctime)s %(name)s [%(levelname)s] %(message)s", None),
];

/// A parsed record, with the index of the CloudWatch event it started in
/// (its timestamp and id become the record's).
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<'a> {
    pub body: Body<'a>,
    /// Keys we add after the app's own: the inherited request id and the
    /// continuation marker.
    pub extra: Vec<(&'static str, Value<'a>)>,
    pub event: usize,
    /// Only scalar values, under no key the index templates keep for
    /// objects: nothing for type stability to do. Text records always are;
    /// a JSON object is told while it is validated, in the same pass.
    pub plain: bool,
}

/// Counts the parser reports alongside its records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParseStats {
    /// Events dropped on purpose by configuration (`START`, `END`, …).
    pub dropped: usize,
    /// Events joined into the record before them.
    pub joined: usize,
    /// Continuations with no record before them in the delivery.
    pub orphans: usize,
    /// Records beyond the first from events that held several JSON
    /// objects one after another.
    pub json_extra: usize,
    /// Text records that no configured format matched, kept as
    /// `{"message": text}`. Always 0 with auto-detection, where plain
    /// `print()` lines are expected.
    pub unmatched: usize,
    /// Bit `i` is set when configured format `i` matched at least one
    /// record (formats past the 64th are not tracked).
    pub formats_matched: u64,
    /// Records whose fields came from a format inferred from the
    /// delivery's own lines (auto-detection only).
    pub inferred: usize,
    /// The formats inferred for the delivery, as `PYTHON_LOG_FORMAT` and
    /// `PYTHON_LOG_DATEFMT` would say them, most lines first.
    pub inferred_formats: Vec<(String, Option<String>)>,
}

/// Why a parser could not be built from the configuration.
#[derive(Debug, thiserror::Error)]
pub enum FormatsError {
    #[error("PYTHON_LOG_FORMAT: {0}")]
    Format(#[source] FormatError),
    #[error("PYTHON_LOG_DATEFMT: {0}")]
    Datefmt(#[source] FormatError),
    #[error("LOG_GROUP_FORMATS entry {entry} ({patterns}): {source}")]
    Group {
        entry: usize,
        patterns: String,
        #[source]
        source: FormatError,
    },
}

/// Turns deliveries into records. Built once at start-up.
#[derive(Debug, Clone)]
pub struct Parser {
    formats: Vec<Format>,
    /// Auto-detection: JSON is tried before the built-in formats.
    auto: bool,
    /// The formats compiled strictly (upper-case `levelname`, a `name`
    /// without spaces), for the one place a line must prove it is a record:
    /// right after traceback frames, where `KeyError: 'x'` is the exception
    /// line. Auto-detection's formats are strict already.
    strict: Vec<Format>,
    platform: PlatformLines,
}

impl Parser {
    pub fn new(config: &Config) -> Result<Parser, FormatsError> {
        let config = &config.formats;
        let formats: Vec<FormatSpec> = config
            .python_formats
            .iter()
            .map(|f| FormatSpec::plain(f))
            .collect();
        Parser::with_formats(
            &formats,
            config.python_datefmt.as_deref(),
            config.platform_lines,
        )
    }

    /// A parser for one list of formats (empty: auto-detection); `datefmt`
    /// is for those that don't name their own.
    pub(crate) fn with_formats(
        formats: &[FormatSpec],
        datefmt: Option<&str>,
        platform: PlatformLines,
    ) -> Result<Parser, FormatsError> {
        let auto = formats.is_empty();
        let strict = formats
            .iter()
            .filter_map(|spec| {
                let d = spec.datefmt.as_deref().or(datefmt);
                Format::compile_strict(&spec.format, d).ok()
            })
            .filter(|f| !f.is_catch_all())
            .collect();
        let formats = if auto {
            AUTO_FORMATS
                .iter()
                .map(|(f, d)| Format::compile_strict(f, *d))
                .collect::<Result<Vec<_>, _>>()
                .map_err(FormatsError::Format)?
        } else {
            // Surface a bad datefmt as such, not as a format error.
            crate::format::DateShape::compile(datefmt).map_err(FormatsError::Datefmt)?;
            formats
                .iter()
                .map(|spec| {
                    // The runtime's own format always has its own datefmt,
                    // so it can be listed beside the app's.
                    let d = match &spec.datefmt {
                        Some(own) => {
                            crate::format::DateShape::compile(Some(own))
                                .map_err(FormatsError::Datefmt)?;
                            Some(own.as_str())
                        }
                        None if spec.format == LAMBDA_FORMAT => Some(LAMBDA_DATEFMT),
                        None => datefmt,
                    };
                    Format::compile(&spec.format, d).map_err(FormatsError::Format)
                })
                .collect::<Result<Vec<_>, _>>()?
        };
        Ok(Parser {
            strict: if auto { formats.clone() } else { strict },
            formats,
            auto,
            platform,
        })
    }

    /// Whether a line begins a record of a format that can tell: one that
    /// doesn't begin with `message`.
    fn format_starts(&self, line: &str) -> bool {
        self.formats
            .iter()
            .any(|f| !f.is_catch_all() && f.starts(line))
    }

    /// Whether a line right after traceback frames starts a record rather
    /// than being the traceback's exception line: a format that can tell
    /// recognises it strictly. A stack printed without an exception line
    /// (`traceback.format_stack()`, `stack_info`) must not swallow the
    /// record after it.
    fn strictly_starts(&self, line: &str) -> bool {
        self.strict.iter().any(|f| f.starts(line))
    }

    /// Whether a JSON-looking text is a JSON record here: it parses as an
    /// object, and no configured format that can tell (not a catch-all)
    /// claims it.
    /// `Some(plain)` when it is (see [`Parsed::plain`]).
    fn is_json_record(&self, text: &str) -> Option<bool> {
        let claimed = || {
            self.formats
                .iter()
                .any(|f| !f.is_catch_all() && f.match_record(text).is_some())
        };
        if !looks_like_json(text) || (!self.auto && claimed()) {
            return None;
        }
        json_object(text)
    }

    /// Whether `line` begins a new record when lines come without
    /// timestamps (`encode --per-record`): traceback structure never does;
    /// a JSON object, a platform line or a line of one of the formats does.
    /// `tail` carries the traceback state from line to line.
    /// `inferred` are the formats inferred from the text (auto-detection),
    /// each with whether it prints a logger alone before the message.
    pub(crate) fn starts_record(
        &self,
        line: &str,
        tail: &mut Tail,
        inferred: &[(Format, bool)],
    ) -> bool {
        if line.is_empty() {
            return false;
        }
        // As the assembler does: a record a format strictly recognises,
        // where an exception line would be, starts there; a format that
        // prints a logger alone can't tell an exception line from its own.
        let after_frames = matches!(*tail, Tail::Frames(_));
        if let Some(next) = structure(line, *tail, true).filter(|next| {
            !(after_frames
                && matches!(next, Tail::Done(_))
                && (self.strictly_starts(line)
                    || inferred.iter().any(|(f, alone)| !alone && f.starts(line))))
        }) {
            *tail = next;
            return false;
        }
        *tail = Tail::None;
        (looks_like_json(line) && json_object(line).is_some())
            || Platform::classify(line).is_some()
            || self.formats.iter().any(|f| f.starts(line))
            || inferred.iter().any(|(f, _)| f.starts(line))
    }

    /// [`Parser::starts_record`] with its traceback state kept between
    /// calls, for `encode::messages` on `text`: with auto-detection, the
    /// formats inferred from `text`'s own lines start records too.
    pub(crate) fn boundary_test(&self, text: &str) -> impl FnMut(&str) -> bool + '_ {
        let mut tail = Tail::None;
        // Configured formats behave exactly as configured: none inferred.
        let inferred: Vec<(Format, bool)> = if self.auto {
            let lines = text.lines().filter(|l| inference::candidate(l, self));
            let json = crate::format::infer::json_text(text.lines(), None);
            crate::format::infer::infer(lines)
                .into_iter()
                .chain(json)
                .map(|i| (i.compiled, i.logger_only))
                .collect()
        } else {
            Vec::new()
        };
        move |line| self.starts_record(line, &mut tail, &inferred)
    }

    /// Parses every event of a delivery, in order, into a list.
    pub fn parse<'a>(&'a self, delivery: &'a Delivery<'a>) -> (Vec<Parsed<'a>>, ParseStats) {
        let mut out = Vec::with_capacity(delivery.log_events.len());
        let stats = self.parse_each(delivery, |p| out.push(p));
        (out, stats)
    }

    /// Parses every event of a delivery, in order, handing each record to
    /// `emit` as soon as it is complete, so the caller can shape it while
    /// its text is still in cache, and no list of every parsed record is
    /// ever held.
    pub fn parse_each<'a>(
        &'a self,
        delivery: &'a Delivery<'a>,
        emit: impl FnMut(Parsed<'a>),
    ) -> ParseStats {
        assemble::run(self, delivery, emit)
    }

    /// Builds one text record from its full text.
    fn record<'a>(
        &'a self,
        p: Pending<'a>,
        spans: &mut Spans,
        stats: &mut ParseStats,
        inference: &mut Inference<'_>,
    ) -> Parsed<'a> {
        let Pending {
            text,
            event,
            orphan,
            request_id,
            ..
        } = p;
        let mut extra = Vec::new();
        let mut plain = true;
        let json = if inference.claims_json(&text) {
            None
        } else {
            self.is_json_record(&text)
        };
        let body = if let Some(p) = json {
            plain = p;
            if let Some(rid) = request_id.filter(|_| !text.contains("\"aws_request_id\"")) {
                extra.push(("aws_request_id", Value::Str(Cow::Borrowed(rid))));
            }
            Body::Json(text)
        } else {
            let (mut fields, matched) = self.fields(text, spans, inference);
            match matched {
                Matched::Format(i) => {
                    stats.formats_matched |= 1u64.checked_shl(i as u32).unwrap_or(0);
                }
                Matched::Inferred => stats.inferred += 1,
                Matched::None if !self.auto => stats.unmatched += 1,
                Matched::None => {}
            }
            push_request_id(&mut fields, request_id);
            Body::Fields(fields)
        };
        if orphan {
            extra.push(("continuation", Value::Bool(true)));
        }
        Parsed {
            body,
            extra,
            event,
            plain,
        }
    }

    /// Splits off `exc_info` and `stack_info`, then matches the rest:
    /// against the parser's formats, then (auto-detection only) against
    /// the formats inferred from the delivery. Also says what matched.
    fn fields<'a>(
        &'a self,
        text: Cow<'a, str>,
        spans: &mut Spans,
        inference: &mut Inference<'_>,
    ) -> (Vec<(Cow<'a, str>, Value<'a>)>, Matched) {
        let (head_end, exc, stack) = split_tails(&text);
        // A formatter's uniform indent (Tornado): read as Python wrote it.
        let flat = (exc.is_none() && stack.is_none() && head_end > 0)
            .then(|| tails::deindented(&text))
            .flatten();
        if let Some(flat) = flat {
            return self.fields(Cow::Owned(flat), spans, inference);
        }
        let head = sub(&text, 0, head_end);
        let mut fields = None;
        let mut matched = Matched::None;
        if self.auto {
            fields = inference.preferred_fields(&head, spans);
            if fields.is_some() {
                matched = Matched::Inferred;
            }
        }
        for (i, f) in self.formats.iter().enumerate().filter(|_| fields.is_none()) {
            if f.match_record_into(&head, spans) {
                fields = Some(f.fields(head.clone(), spans));
                matched = Matched::Format(i);
                break;
            }
        }
        if fields.is_none() && self.auto {
            fields = inference.fields(self, &head, spans);
            if fields.is_some() {
                matched = Matched::Inferred;
            }
        }
        let mut fields =
            fields.unwrap_or_else(|| vec![(Cow::Borrowed("message"), Value::Str(head))]);
        if matched != Matched::None {
            crate::format::pydict::merge_message(&mut fields);
        }
        for (key, tail) in [("exc_info", exc), ("stack_info", stack)] {
            if let Some((a, b)) = tail {
                crate::format::pydict::put_tail(&mut fields, key, sub(&text, a, b));
            }
        }
        (fields, matched)
    }

    /// How many formats were configured; 0 with auto-detection.
    pub(crate) fn configured_formats(&self) -> usize {
        if self.auto { 0 } else { self.formats.len() }
    }

    /// Whether a JSON line is a Lambda platform event this mode drops.
    pub(crate) fn drops_json_platform(&self, text: &str) -> bool {
        if self.platform == PlatformLines::Keep || !text.contains("\"platform.") {
            return false;
        }
        #[derive(serde::Deserialize)]
        struct Typed<'t> {
            #[serde(borrow, rename = "type")]
            kind: Option<Cow<'t, str>>,
        }
        let Ok(Typed { kind: Some(kind) }) = serde_json::from_str::<Typed<'_>>(text) else {
            return false;
        };
        match self.platform {
            PlatformLines::Drop => kind.starts_with("platform."),
            _ => matches!(
                &*kind,
                "platform.start" | "platform.end" | "platform.initStart"
            ),
        }
    }
}

/// Which format gave a record its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Matched {
    /// The parser's format `i` (configured, or built-in).
    Format(usize),
    /// A format inferred from the delivery's lines.
    Inferred,
    None,
}

/// `text[a..b]`, borrowed when `text` is.
fn sub<'a>(text: &Cow<'a, str>, a: usize, b: usize) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(t) => Cow::Borrowed(&t[a..b]),
        Cow::Owned(t) => Cow::Owned(t[a..b].to_owned()),
    }
}

fn push_request_id<'a>(fields: &mut Vec<(Cow<'a, str>, Value<'a>)>, rid: Option<&'a str>) {
    if let Some(rid) = rid.filter(|_| !fields.iter().any(|(k, _)| k == "aws_request_id")) {
        fields.push((
            Cow::Borrowed("aws_request_id"),
            Value::Str(Cow::Borrowed(rid)),
        ));
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod boundaries;
