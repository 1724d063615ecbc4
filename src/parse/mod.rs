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

use std::borrow::Cow;

use crate::config::{Config, FormatSpec};
use crate::decode::Delivery;
use crate::format::{Format, FormatError, Spans};
use serde::de::{IgnoredAny, MapAccess, Visitor};

use crate::json;

mod platform;
use crate::model::PlatformLines;
use crate::model::{Body, Value};
use platform::Platform;

/// The Lambda Python runtime's text format and its `datefmt`
/// (`awslambdaric`'s `LambdaLoggerHandler`).
pub const LAMBDA_FORMAT: &str =
    "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s";
pub const LAMBDA_DATEFMT: &str = "%Y-%m-%dT%H:%M:%S";

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

/// Python's chained-exception separators. They always stand between two
/// blank lines, which line-by-line delivery loses and we restore.
const CHAIN_SEPARATORS: [&str; 2] = [
    "The above exception was the direct cause of the following exception:",
    "During handling of the above exception, another exception occurred:",
];

/// The most text continuation lines are joined into, well under
/// Firehose's 1,000 KiB record limit once escaped and given metadata.
pub const MAX_JOINED_BYTES: usize = 256 * 1024;

const TRACEBACK: &str = "Traceback (most recent call last):";
const GROUP_TRACEBACK: &str = "  + Exception Group Traceback (most recent call last):";
const STACK: &str = "Stack (most recent call last):";

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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
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
}

/// Why a parser could not be built from the configuration.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
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

/// The parser of each log group: `LOG_GROUP_FORMATS` entries in order,
/// then the default from `PYTHON_LOG_FORMAT`. One function can serve
/// dozens of apps, each with its own format, and one app's catch-all
/// format never touches another's records.
#[derive(Debug, Clone)]
pub struct Parsers {
    groups: Vec<(Vec<String>, Parser)>,
    default: Parser,
}

impl Parsers {
    pub fn new(config: &Config) -> Result<Parsers, ParseError> {
        let groups = config
            .group_formats
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let parser =
                    Parser::with_formats(&g.formats, g.datefmt.as_deref(), config.platform_lines)
                        .map_err(|e| ParseError::Group {
                        entry: i + 1,
                        patterns: g.patterns.join(", "),
                        source: match e {
                            ParseError::Format(f) | ParseError::Datefmt(f) => f,
                            ParseError::Group { source, .. } => source,
                        },
                    })?;
                Ok((g.patterns.clone(), parser))
            })
            .collect::<Result<Vec<_>, ParseError>>()?;
        Ok(Parsers {
            groups,
            default: Parser::new(config)?,
        })
    }

    /// The parser for a log group: the first entry with a matching
    /// pattern, or the default.
    pub fn for_group(&self, log_group: &str) -> &Parser {
        self.groups
            .iter()
            .find(|(patterns, _)| {
                patterns
                    .iter()
                    .any(|p| crate::config::glob_matches(p, log_group))
            })
            .map_or(&self.default, |(_, parser)| parser)
    }
}

/// Turns deliveries into records. Built once at start-up.
#[derive(Debug, Clone)]
pub struct Parser {
    formats: Vec<Format>,
    /// Auto-detection: JSON is tried before the built-in formats.
    auto: bool,
    /// Some format begins with `message`, so any line matches it.
    catch_all: bool,
    platform: PlatformLines,
}

impl Parser {
    pub fn new(config: &Config) -> Result<Parser, ParseError> {
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
    pub fn with_formats(
        formats: &[FormatSpec],
        datefmt: Option<&str>,
        platform: PlatformLines,
    ) -> Result<Parser, ParseError> {
        let auto = formats.is_empty();
        let formats = if auto {
            AUTO_FORMATS
                .iter()
                .map(|(f, d)| Format::compile_strict(f, *d))
                .collect::<Result<Vec<_>, _>>()
                .map_err(ParseError::Format)?
        } else {
            // Surface a bad datefmt as such, not as a format error.
            crate::format::DateShape::compile(datefmt).map_err(ParseError::Datefmt)?;
            formats
                .iter()
                .map(|spec| {
                    // The runtime's own format always has its own datefmt,
                    // so it can be listed beside the app's.
                    let d = match &spec.datefmt {
                        Some(own) => {
                            crate::format::DateShape::compile(Some(own))
                                .map_err(ParseError::Datefmt)?;
                            Some(own.as_str())
                        }
                        None if spec.format == LAMBDA_FORMAT => Some(LAMBDA_DATEFMT),
                        None => datefmt,
                    };
                    Format::compile(&spec.format, d).map_err(ParseError::Format)
                })
                .collect::<Result<Vec<_>, _>>()?
        };
        Ok(Parser {
            catch_all: formats.iter().any(Format::is_catch_all),
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
    pub fn starts_record(&self, line: &str, tail: &mut Tail) -> bool {
        if line.is_empty() {
            return false;
        }
        if let Some(next) = structure(line, *tail, true) {
            *tail = next;
            return false;
        }
        *tail = Tail::None;
        (looks_like_json(line) && json_object(line).is_some())
            || Platform::classify(line).is_some()
            || self.formats.iter().any(|f| f.starts(line))
    }

    /// [`Parser::starts_record`] with its traceback state kept between
    /// calls, for `encode::messages`.
    pub fn record_starts(&self) -> impl FnMut(&str) -> bool + '_ {
        let mut tail = Tail::None;
        move |line| self.starts_record(line, &mut tail)
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
        let mut state = State {
            parser: self,
            out: emit,
            stats: ParseStats::default(),
            pending: None,
            request_id: None,
            events: &delivery.log_events,
            spans: Vec::with_capacity(16),
        };
        for (idx, event) in delivery.log_events.iter().enumerate() {
            state.event(idx, &event.message);
        }
        state.flush();
        state.stats
    }

    /// Builds one text record from its full text.
    fn record<'a>(
        &'a self,
        p: Pending<'a>,
        spans: &mut Spans,
        stats: &mut ParseStats,
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
        let body = if let Some(p) = self.is_json_record(&text) {
            plain = p;
            if let Some(rid) = request_id.filter(|_| !text.contains("\"aws_request_id\"")) {
                extra.push(("aws_request_id", Value::Str(Cow::Borrowed(rid))));
            }
            Body::Json(text)
        } else {
            let (mut fields, matched) = self.fields(text, spans);
            match matched {
                Some(i) => stats.formats_matched |= 1u64.checked_shl(i as u32).unwrap_or(0),
                None if !self.auto => stats.unmatched += 1,
                None => {}
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

    /// Splits off `exc_info` and `stack_info`, then matches the rest.
    /// Also says which format matched, if any.
    fn fields<'a>(
        &'a self,
        text: Cow<'a, str>,
        spans: &mut Spans,
    ) -> (Vec<(Cow<'a, str>, Value<'a>)>, Option<usize>) {
        let (head_end, exc, stack) = split_tails(&text);
        let head = sub(&text, 0, head_end);
        let mut fields = None;
        let mut matched = None;
        for (i, f) in self.formats.iter().enumerate() {
            if f.match_record_into(&head, spans) {
                fields = Some(f.fields(head.clone(), spans));
                matched = Some(i);
                break;
            }
        }
        let mut fields =
            fields.unwrap_or_else(|| vec![(Cow::Borrowed("message"), Value::Str(head))]);
        if let Some((a, b)) = exc {
            fields.push((Cow::Borrowed("exc_info"), Value::Str(sub(&text, a, b))));
        }
        if let Some((a, b)) = stack {
            fields.push((Cow::Borrowed("stack_info"), Value::Str(sub(&text, a, b))));
        }
        (fields, matched)
    }

    /// How many formats were configured; 0 with auto-detection.
    pub fn configured_formats(&self) -> usize {
        if self.auto { 0 } else { self.formats.len() }
    }
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

/// Lines of one record arrive at most this many milliseconds apart. A
/// record is written with one `write()`; the ECS `awslogs` driver, Fluent
/// Bit and Lambda stamp each line as they read it, so its lines carry the
/// same millisecond, or the next one when the read straddles a tick.
/// Separate records are usually further apart; when they are not, a line no
/// format recognises may be taken as part of the record before it (see the
/// crate's "Known limits").
pub const SAME_WRITE_MS: i64 = 1;

/// Where the text so far stands in Python's traceback layout, which decides
/// what the next line of a one-event-per-line stream is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Tail {
    /// Not inside a traceback.
    #[default]
    None,
    /// After a `Traceback` header or a frame: indented lines are frames,
    /// source and `^^^` markers; the first unindented line is the
    /// exception line.
    Frames,
    /// Frames that no exception line closes: `Stack (most recent call
    /// last):`, exception groups, and the Lambda runtime's crash output.
    /// An unindented line ends them.
    FramesOnly,
    /// After the exception line: a chained-exception separator may follow.
    Done,
}

/// If `line` is traceback structure after `tail`, the state after it.
/// `exception_line` is false when no exception line follows the frames
/// (the Lambda runtime puts the error before its traceback).
fn structure(line: &str, tail: Tail, exception_line: bool) -> Option<Tail> {
    let b = line.as_bytes();
    let indented = matches!(b.first(), Some(b' ' | b'\t')) || line.starts_with('\u{a0}');
    if indented {
        if is_frame(line) || line.trim_start_matches([' ', '\u{a0}']) == &GROUP_TRACEBACK[4..] {
            return Some(match tail {
                Tail::FramesOnly => Tail::FramesOnly,
                _ if line.contains(&GROUP_TRACEBACK[4..]) => Tail::FramesOnly,
                _ if exception_line => Tail::Frames,
                _ => Tail::FramesOnly,
            });
        }
        return matches!(tail, Tail::Frames | Tail::FramesOnly).then_some(tail);
    }
    match b.first() {
        Some(b'T') if line == TRACEBACK => Some(if exception_line {
            Tail::Frames
        } else {
            Tail::FramesOnly
        }),
        Some(b'S') if line == STACK => Some(Tail::FramesOnly),
        Some(b'T' | b'D') if tail != Tail::None && CHAIN_SEPARATORS.contains(&line) => {
            Some(Tail::Done)
        }
        Some(_) if tail == Tail::Frames => Some(Tail::Done),
        _ => None,
    }
}

/// An indented line that is not a frame or header: a frame's source line,
/// a `^^^` marker, or a line of an exception group's box.
fn is_source_line(line: &str) -> bool {
    matches!(line.as_bytes().first(), Some(b' ' | b'\t'))
        && !is_frame(line)
        && !line.contains(&GROUP_TRACEBACK[4..])
}

/// `  File "app.py", line 3, in f` (indented with spaces, or with the
/// Lambda runtime's non-breaking spaces).
fn is_frame(line: &str) -> bool {
    line.trim_start_matches([' ', '\t', '\u{a0}'])
        .strip_prefix("File \"")
        .is_some_and(|rest| rest.contains("\", line "))
}

/// What a record still collecting lines will take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Takes {
    /// Started by a line of a format: traceback structure, and lines no
    /// format recognises that were written with it.
    Written,
    /// A line no format recognised, or a continuation with nothing before
    /// it: traceback structure only.
    Structure,
    /// The Lambda runtime's `[ERROR] …` crash line, whose message starts
    /// at byte `at`: its traceback frames.
    Crash { at: usize },
}

/// A record still collecting lines.
struct Pending<'a> {
    event: usize,
    text: Cow<'a, str>,
    orphan: bool,
    request_id: Option<&'a str>,
    /// The last joined line was a chained-exception separator, so the next
    /// one needs its lost blank line back.
    after_separator: bool,
    takes: Takes,
    tail: Tail,
    /// Timestamp of the last line taken.
    last_ms: i64,
}

impl<'a> Pending<'a> {
    fn join(&mut self, line: &str) {
        let text = self.text.to_mut();
        let is_separator = CHAIN_SEPARATORS.contains(&line);
        text.push_str(if is_separator || self.after_separator {
            "\n\n"
        } else {
            "\n"
        });
        text.push_str(line);
        self.after_separator = is_separator;
    }
}

struct State<'a, F: FnMut(Parsed<'a>)> {
    parser: &'a Parser,
    out: F,
    stats: ParseStats,
    pending: Option<Pending<'a>>,
    /// The request id of the invocation we are inside (`START` … `END`).
    request_id: Option<&'a str>,
    /// The delivery's events, for their timestamps.
    events: &'a [crate::decode::LogEvent<'a>],
    /// Scratch space for format matches, reused across records.
    spans: Spans,
}

impl<'a, F: FnMut(Parsed<'a>)> State<'a, F> {
    fn flush(&mut self) {
        let Some(p) = self.pending.take() else { return };
        let rec = match p.takes {
            Takes::Crash { at } => {
                let (event, rid) = (p.event, p.request_id);
                self.crash(event, sub(&p.text, at, p.text.len()), rid)
            }
            _ => self.parser.record(p, &mut self.spans, &mut self.stats),
        };
        (self.out)(rec);
    }

    /// Starts a record with `text`, the first line(s) of event `idx`.
    fn start(&mut self, idx: usize, text: Cow<'a, str>, takes: Takes, orphan: bool, tail: Tail) {
        self.flush();
        self.pending = Some(Pending {
            event: idx,
            text,
            orphan,
            request_id: self.request_id,
            after_separator: false,
            takes,
            tail,
            last_ms: self.events[idx].timestamp,
        });
    }

    fn event(&mut self, idx: usize, message: &'a str) {
        // A trailing newline means a runtime that writes whole records.
        let line_oriented = !message.ends_with('\n');
        let stripped = strip_one_newline(message);
        let first = first_line(stripped);

        if let Some(platform) = Platform::classify(first) {
            self.flush();
            match platform {
                // The runtime's crash line, one event per line: its
                // traceback follows in the next events.
                Platform::Error {
                    request_id: None,
                    at,
                } if line_oriented && first.len() == stripped.len() => {
                    let takes = Takes::Crash { at };
                    self.start(idx, Cow::Borrowed(stripped), takes, false, Tail::None);
                }
                _ => self.platform(idx, platform, stripped),
            }
            return;
        }
        if looks_like_json(first) && self.parser.drops_json_platform(stripped) {
            self.flush();
            self.stats.dropped += 1;
            return;
        }
        if stripped.starts_with('{') && self.json_event(idx, stripped, first) {
            return;
        }
        let text = normalize_newlines(stripped);
        if !line_oriented {
            // The event is the whole record; nothing can join it.
            self.start(idx, text, Takes::Written, false, Tail::None);
            self.flush();
            return;
        }
        self.line(idx, first, text);
    }

    /// A JSON object is a whole record and never takes continuation lines.
    /// An event holding a pretty-printed object, or several objects one
    /// after another, gives one compact document per object. Returns
    /// whether the event was taken as JSON.
    fn json_event(&mut self, idx: usize, stripped: &'a str, first: &'a str) -> bool {
        if first.len() == stripped.len() {
            let Some(plain) = self.parser.is_json_record(stripped) else {
                return false;
            };
            self.flush();
            let rid = self.request_id;
            let mut extra = Vec::new();
            if let Some(rid) = rid.filter(|_| !stripped.contains("\"aws_request_id\"")) {
                extra.push(("aws_request_id", Value::Str(Cow::Borrowed(rid))));
            }
            (self.out)(Parsed {
                body: Body::Json(Cow::Borrowed(stripped)),
                extra,
                event: idx,
                plain,
            });
            return true;
        }
        let Some(objects) = json_objects(stripped) else {
            return false;
        };
        self.flush();
        let n = objects.len();
        for object in objects {
            let mut extra = Vec::new();
            if let Some(rid) = self
                .request_id
                .filter(|_| !object.contains("\"aws_request_id\""))
            {
                extra.push(("aws_request_id", Value::Str(Cow::Borrowed(rid))));
            }
            let plain = json_object(&object).unwrap_or(false);
            (self.out)(Parsed {
                body: Body::Json(Cow::Owned(object)),
                extra,
                event: idx,
                plain,
            });
        }
        self.stats.json_extra += n - 1;
        true
    }

    /// One line of a one-event-per-line stream: traceback structure
    /// continues the record; a line of a format starts one; any other line
    /// joins a record of a format only when written with it, and is
    /// otherwise a record of its own.
    fn line(&mut self, idx: usize, first: &'a str, text: Cow<'a, str>) {
        let ms = self.events[idx].timestamp;
        let (tail, exception_line) = match &self.pending {
            Some(p) => (p.tail, !matches!(p.takes, Takes::Crash { .. })),
            None => (Tail::None, true),
        };
        let next = structure(first, tail, exception_line).filter(|_| {
            // An indented source line gives way to a format whose records
            // start with padding (`%(levelname)8s`); frames, headers and the
            // exception line never do.
            !(is_source_line(first) && self.parser.format_starts(first))
        });
        if let Some(next) = next {
            if self.pending.is_none() {
                // Its record began in an earlier delivery.
                self.stats.orphans += 1;
                self.start(idx, text, Takes::Structure, true, next);
            } else {
                self.join(idx, &text, next, ms);
            }
            return;
        }
        if self.parser.format_starts(first) {
            self.start(idx, text, Takes::Written, false, Tail::None);
            return;
        }
        let written_with = self.pending.as_ref().is_some_and(|p| {
            p.takes == Takes::Written && ms >= p.last_ms && ms - p.last_ms <= SAME_WRITE_MS
        });
        if written_with {
            self.join(idx, &text, Tail::None, ms);
            return;
        }
        // A catch-all format claims the line, and may take the lines written
        // with it; otherwise it is plain text.
        let takes = if self.parser.catch_all {
            Takes::Written
        } else {
            Takes::Structure
        };
        self.start(idx, text, takes, false, Tail::None);
    }

    /// Adds a line to the pending record. A record grown past the cap is
    /// flushed, and the line goes on in a continuation record that takes
    /// what the record took: a format that never matches (a wrong
    /// `PYTHON_LOG_FORMAT`) must not fold a whole delivery into one record
    /// that is then truncated.
    fn join(&mut self, idx: usize, text: &str, tail: Tail, ms: i64) {
        let Some(p) = &mut self.pending else { return };
        if p.text.len() + text.len() >= MAX_JOINED_BYTES {
            let takes = p.takes;
            self.stats.orphans += 1;
            self.start(idx, Cow::Owned(text.to_owned()), takes, true, tail);
            return;
        }
        p.join(text);
        p.tail = tail;
        p.last_ms = ms;
        self.stats.joined += 1;
    }

    /// The `ERROR` record of a timeout or a runtime crash, whose message
    /// is `text`.
    fn crash(&mut self, idx: usize, text: Cow<'a, str>, request_id: Option<&'a str>) -> Parsed<'a> {
        let mut fields = vec![(
            Cow::Borrowed("levelname"),
            Value::Str(Cow::Borrowed("ERROR")),
        )];
        let text = match text {
            Cow::Borrowed(t) => normalize_newlines(t),
            owned => owned,
        };
        fields.extend(self.parser.fields(text, &mut self.spans).0);
        push_request_id(&mut fields, request_id.or(self.request_id));
        Parsed {
            body: Body::Fields(fields),
            extra: Vec::new(),
            event: idx,
            plain: true,
        }
    }

    fn platform(&mut self, idx: usize, platform: Platform<'a>, text: &'a str) {
        match platform {
            Platform::Start(rid) => self.request_id = Some(rid),
            Platform::End(_) => self.request_id = None,
            _ => {}
        }
        let rid = self.request_id;
        let record = match (self.parser.platform, platform) {
            // Timeouts and crashes are always kept, as ERROR records, so
            // they can be found whatever the mode.
            (_, Platform::Error { request_id, at }) => {
                let rec = self.crash(idx, Cow::Borrowed(&text[at..]), request_id);
                (self.out)(rec);
                return;
            }
            (PlatformLines::Keep, _) => {
                let mut fields = vec![(
                    Cow::Borrowed("message"),
                    Value::Str(normalize_newlines(text)),
                )];
                if let Some(r) = rid {
                    fields.push((
                        Cow::Borrowed("aws_request_id"),
                        Value::Str(Cow::Borrowed(r)),
                    ));
                }
                Body::Fields(fields)
            }
            (PlatformLines::Report, Platform::Report(report)) => {
                let mut t = Vec::with_capacity(24);
                json::write_rfc3339_millis(&mut t, self.events[idx].timestamp);
                let time = String::from_utf8(t).unwrap_or_default();
                Body::Fields(vec![
                    (Cow::Borrowed("time"), Value::Str(Cow::Owned(time))),
                    (
                        Cow::Borrowed("type"),
                        Value::Str(Cow::Borrowed("platform.report")),
                    ),
                    (
                        Cow::Borrowed("record"),
                        Value::Raw(Cow::Owned(report.to_json())),
                    ),
                ])
            }
            (
                _,
                Platform::Start(_) | Platform::End(_) | Platform::InitStart | Platform::Report(_),
            ) => {
                self.stats.dropped += 1;
                return;
            }
        };
        (self.out)(Parsed {
            body: record,
            extra: Vec::new(),
            event: idx,
            // The REPORT record's own `record` object is what the
            // templates map; nothing to move.
            plain: true,
        });
    }
}

impl Parser {
    /// Whether a JSON line is a Lambda platform event this mode drops.
    pub fn drops_json_platform(&self, text: &str) -> bool {
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

/// The JSON objects of an event that holds one or more, possibly
/// pretty-printed, each made compact (whitespace outside strings removed,
/// keys and numbers exactly as written). `None` if the text is anything
/// else, or nests too deeply for readers.
fn json_objects(text: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let stream =
        serde_json::Deserializer::from_str(text).into_iter::<&serde_json::value::RawValue>();
    for value in stream {
        let raw = value.ok()?.get();
        if !raw.starts_with('{') || !nesting_within(raw, MAX_JSON_DEPTH) {
            return None;
        }
        out.push(compact_json(raw));
    }
    (!out.is_empty()).then_some(out)
}

/// Valid JSON without the whitespace between tokens.
fn compact_json(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let (mut in_str, mut escaped) = (false, false);
    for c in raw.chars() {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_str = c == '"';
            out.push(c);
        }
    }
    out
}

/// Finds where `exc_info` and `stack_info` begin: byte offset of the end of
/// the head, and the ranges of each tail.
type Tails = (usize, Option<(usize, usize)>, Option<(usize, usize)>);

fn split_tails(text: &str) -> Tails {
    // Fast path: most records are one line, and a tail needs a line of its own.
    if memchr::memchr(b'\n', text.as_bytes()).is_none() {
        return (text.len(), None, None);
    }
    let mut exc_start = None;
    let mut stack_start = None;
    let mut offset = 0;
    for line in text.split('\n') {
        let at = offset;
        offset += line.len() + 1;
        if exc_start.is_none()
            && stack_start.is_none()
            && (line == TRACEBACK || line == GROUP_TRACEBACK)
        {
            exc_start = Some(at);
        } else if stack_start.is_none() && line == STACK {
            stack_start = Some(at);
        }
    }
    // The newline before a tail belongs to neither side.
    let head = match exc_start.or(stack_start) {
        None => text.len(),
        Some(at) => at.saturating_sub(1),
    };
    let exc = exc_start.map(|a| (a, stack_start.map_or(text.len(), |s| s - 1)));
    let stack = stack_start.map(|a| (a, text.len()));
    (head, exc, stack)
}

/// Strips the one trailing newline (`\n` or `\r\n`) a handler adds.
pub fn strip_one_newline(s: &str) -> &str {
    let s = s.strip_suffix('\n').unwrap_or(s);
    s.strip_suffix('\r').unwrap_or(s)
}

/// Older Lambda runtimes separated lines with `\r`; make every line break
/// `\n`, copying only when there is a `\r`.
fn normalize_newlines(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
}

/// The first line, ending at `\n` or at the `\r` of older runtimes.
fn first_line(s: &str) -> &str {
    match memchr::memchr2(b'\n', b'\r', s.as_bytes()) {
        Some(end) => &s[..end],
        None => s,
    }
}

fn looks_like_json(s: &str) -> bool {
    s.as_bytes().first() == Some(&b'{') && s.trim_end().ends_with('}')
}

/// `Some(plain)` if `s` is one JSON object that readers can parse (see
/// [`MAX_JSON_DEPTH`]); `plain` as in [`Parsed::plain`], learned in the
/// same pass that validates it.
fn json_object(s: &str) -> Option<bool> {
    use serde::de::Deserializer as _;
    let mut de = serde_json::Deserializer::from_str(s);
    let plain = de.deserialize_map(Top).ok()?;
    de.end().ok()?;
    nesting_within(s, MAX_JSON_DEPTH).then_some(plain)
}

/// A top-level object: whether every value is a scalar under a key
/// not reserved for objects.
struct Top;
impl<'de> Visitor<'de> for Top {
    type Value = bool;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut plain = true;
        while let Some(reserved) = map.next_key_seed(Key)? {
            let scalar = map.next_value::<Scalar>()?.0;
            plain &= scalar && !reserved;
        }
        Ok(plain)
    }
}
/// A key: whether the templates reserve it for objects.
struct Key;
impl<'de> serde::de::DeserializeSeed<'de> for Key {
    type Value = bool;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_str(self)
    }
}
impl<'de> Visitor<'de> for Key {
    type Value = bool;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E>(self, key: &str) -> Result<bool, E> {
        Ok(crate::model::reserved_object_key(key))
    }
}
/// A value: whether it is a scalar (nested values are skipped over).
struct Scalar(bool);
impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}
struct ScalarVisitor;
impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Scalar, E> {
        Ok(Scalar(true))
    }
    fn visit_i64<E>(self, _: i64) -> Result<Scalar, E> {
        Ok(Scalar(true))
    }
    fn visit_u64<E>(self, _: u64) -> Result<Scalar, E> {
        Ok(Scalar(true))
    }
    fn visit_f64<E>(self, _: f64) -> Result<Scalar, E> {
        Ok(Scalar(true))
    }
    fn visit_str<E>(self, _: &str) -> Result<Scalar, E> {
        Ok(Scalar(true))
    }
    fn visit_unit<E>(self) -> Result<Scalar, E> {
        Ok(Scalar(true))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Scalar(false))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Scalar(false))
    }
}

/// JSON nested deeper than this is kept as text, not passed through.
/// serde_json skips over any depth but reads back fewer than 128 levels,
/// and OpenSearch's parser has its own limit; a hostile line must not make
/// a document no reader can parse.
pub const MAX_JSON_DEPTH: usize = 100;

/// Whether valid JSON text nests at most `max` levels. Counting brackets
/// first settles almost every line at SIMD speed; only text with more
/// brackets than `max` is walked, skipping strings.
fn nesting_within(s: &str, max: usize) -> bool {
    let b = s.as_bytes();
    if memchr::memchr2_iter(b'[', b'{', b).nth(max).is_none() {
        return true;
    }
    let (mut depth, mut in_str, mut escaped) = (0usize, false, false);
    for &c in b {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return false;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    true
}

#[cfg(test)]
mod tests;
