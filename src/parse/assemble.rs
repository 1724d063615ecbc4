//! The record-assembly state machine: a delivery's events, line by line,
//! become records (one event per record, or one per physical line joined
//! back together), with Lambda's platform lines and inherited request ids.

use std::borrow::Cow;

use super::inference::Inference;
use super::json_line::{json_object, json_objects, looks_like_json};
use super::platform::{Platform, crash_shaped};
use super::tails::{CHAIN_SEPARATORS, TRACEBACK, Tail, is_source_line, structure};
use super::{ParseStats, Parsed, Parser, push_request_id, sub};
use crate::decode::Delivery;
use crate::format::Spans;
use crate::json;
use crate::model::{Body, PlatformLines, Value};

/// The most text continuation lines are joined into, well under
/// Firehose's 1,000 KiB record limit once escaped and given metadata.
pub(crate) const MAX_JOINED_BYTES: usize = 256 * 1024;

/// Lines of one record arrive at most this many milliseconds apart. A
/// record is written with one `write()`; the ECS `awslogs` driver, Fluent
/// Bit and Lambda stamp each line as they read it, so its lines carry the
/// same millisecond, or the next one when the read straddles a tick.
/// Separate records are usually further apart; when they are not, a line no
/// format recognises may be taken as part of the record before it (see the
/// crate's "Known limits").
pub(crate) const SAME_WRITE_MS: i64 = 1;

/// What a record still collecting lines will take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Takes {
    /// Started by a line of a format: traceback structure, and lines no
    /// format recognises that were written with it.
    Written,
    /// A line no format recognised, or a continuation with nothing before
    /// it: traceback structure only.
    Structure,
    /// The Lambda runtime's `[ERROR] …` crash line, whose message starts
    /// at byte `at`: its traceback frames.
    Crash { at: usize },
    /// A traceback no record wrote (the interpreter's, for an uncaught
    /// exception, or `traceback.print_exc()`): its own frames.
    Traceback,
}

/// A record still collecting lines.
pub(super) struct Pending<'a> {
    pub(super) event: usize,
    pub(super) text: Cow<'a, str>,
    pub(super) orphan: bool,
    pub(super) request_id: Option<&'a str>,
    /// The last joined line was a chained-exception separator, so the next
    /// one needs its lost blank line back.
    pub(super) after_separator: bool,
    pub(super) takes: Takes,
    pub(super) tail: Tail,
    /// Timestamp of the last line taken.
    pub(super) last_ms: i64,
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

/// The document of a traceback no record wrote: an `ERROR` record, so
/// it is found with the errors, whose message is the exception line (the
/// last at the margin: the one raised) and whose `exc_info` is the whole
/// traceback, as `formatException` would give it.
fn traceback_record(p: Pending<'_>) -> Parsed<'_> {
    let text = match p.text {
        Cow::Borrowed(t) => normalize_newlines(t),
        owned => owned,
    };
    let raised = text
        .lines()
        .rev()
        .find(|l| !l.is_empty() && !l.starts_with([' ', '\t']))
        .unwrap_or_default()
        .to_owned();
    let mut fields = vec![
        (
            Cow::Borrowed("levelname"),
            Value::Str(Cow::Borrowed("ERROR")),
        ),
        (Cow::Borrowed("message"), Value::Str(Cow::Owned(raised))),
        (Cow::Borrowed("exc_info"), Value::Str(text)),
    ];
    push_request_id(&mut fields, p.request_id);
    Parsed {
        body: Body::Fields(fields),
        extra: Vec::new(),
        event: p.event,
        plain: true,
    }
}

/// Every event of `delivery`, in order, into records handed to `emit`.
pub(super) fn run<'a>(
    parser: &'a Parser,
    delivery: &'a Delivery<'a>,
    emit: impl FnMut(Parsed<'a>),
) -> ParseStats {
    let mut state = State {
        parser,
        out: emit,
        stats: ParseStats::default(),
        pending: None,
        request_id: None,
        events: &delivery.log_events,
        spans: Vec::with_capacity(16),
        inference: Inference::new(&delivery.log_events, parser),
    };
    for (idx, event) in delivery.log_events.iter().enumerate() {
        state.event(idx, &event.message);
    }
    state.flush();
    let mut stats = state.stats;
    stats.inferred_formats = state.inference.into_formats();
    stats
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
    /// The formats inferred from the delivery, once a line needs them.
    inference: Inference<'a>,
}

impl<'a, F: FnMut(Parsed<'a>)> State<'a, F> {
    fn flush(&mut self) {
        let Some(p) = self.pending.take() else { return };
        let rec = match p.takes {
            Takes::Crash { at } => {
                let (event, rid) = (p.event, p.request_id);
                self.crash(event, sub(&p.text, at, p.text.len()), rid)
            }
            Takes::Traceback => traceback_record(p),
            _ => self
                .parser
                .record(p, &mut self.spans, &mut self.stats, &mut self.inference),
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
        // `record_text`, with the newline test made once.
        let mut stripped = strip_one_newline(message);
        if let Some(b'\n' | b'\r') = stripped.as_bytes().first() {
            stripped = past_breaks(stripped, !line_oriented);
        }
        let first = first_line(stripped);

        if let Some(platform) = Platform::classify(first).filter(|p| !self.format_claims(p, first))
        {
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
        if stripped.starts_with('{')
            && !self.inference.claims_json(first)
            && self.json_event(idx, stripped, first)
        {
            return;
        }
        // `first` ends at the first `\n` or `\r`: when it is the whole
        // text, there is none to rewrite, and no second scan looks.
        let text = if first.len() == stripped.len() {
            Cow::Borrowed(stripped)
        } else {
            normalize_newlines(stripped)
        };
        if !line_oriented {
            // The event is the whole record; nothing can join it. One that
            // is a traceback alone the interpreter printed.
            let takes = if first == TRACEBACK {
                Takes::Traceback
            } else {
                Takes::Written
            };
            self.start(idx, text, takes, false, Tail::None);
            self.flush();
            return;
        }
        self.line(idx, first, text);
    }

    /// Whether a format reads an `[ERROR] ` line the runtime's crash rule
    /// would claim: a configured format that starts it always, a built-in
    /// or inferred one unless it is shaped as the runtime writes a crash
    /// (`[ERROR] KeyError: 'x'`), which stays a crash record.
    fn format_claims(&mut self, platform: &Platform<'_>, first: &str) -> bool {
        if !matches!(
            platform,
            Platform::Error {
                request_id: None,
                ..
            }
        ) {
            return false;
        }
        if !self.parser.auto {
            return self.parser.format_starts(first);
        }
        !crash_shaped(first)
            && (self.parser.format_starts(first) || self.inference.starts(self.parser, first))
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
        let next = structure(first, tail, exception_line).filter(|next| {
            // An indented source line gives way to a format whose records
            // start with padding (`%(levelname)8s`); frames and headers never
            // do. A line where the exception line would be gives way to a
            // record a format strictly recognises: stacks without one exist.
            let source = is_source_line(first);
            let exception = matches!((tail, next), (Tail::Frames(_), Tail::Done(_)))
                && !CHAIN_SEPARATORS.contains(&first.trim_start());
            let known = |exception: bool| {
                self.inference
                    .known()
                    .any(|f| !(exception && f.logger_only) && f.compiled.starts(first))
            };
            let gives_way = (source && (self.parser.format_starts(first) || known(false)))
                || (exception && (self.parser.strictly_starts(first) || known(true)));
            !gives_way
        });
        if let Some(next) = next {
            if self.own_traceback(first, ms) {
                self.start(idx, text, Takes::Traceback, false, next);
                return;
            }
            if self.pending.is_none() {
                // Its record began in an earlier delivery.
                self.stats.orphans += 1;
                self.start(idx, text, Takes::Structure, true, next);
            } else {
                self.join(idx, &text, next, ms);
            }
            return;
        }
        if self.starts(first) {
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
        // A line no format that can tell recognises: a record of a
        // catch-all format (`%(message)s`), or plain text. Either way it is a
        // record of its own that takes only traceback structure: a busy
        // service writes many catch-all records in one millisecond, so
        // timing must not join them.
        self.start(idx, text, Takes::Structure, false, Tail::None);
    }

    /// Whether a line starts a record of a format that can tell: a
    /// built-in or configured one, or (auto-detection only) one inferred
    /// from the delivery, inferred here the first time it is needed.
    fn starts(&mut self, line: &str) -> bool {
        self.parser.format_starts(line)
            || (self.parser.auto
                && (self.inference.prefers(line) || self.inference.starts(self.parser, line)))
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

    /// Whether a traceback header at the margin starts a traceback no
    /// record wrote: right after another traceback's exception line with
    /// no chaining separator between (a new one, not a cause), or after a
    /// whole record's line written in an earlier millisecond (a record and
    /// its traceback are one `write()`, so the interpreter printed this
    /// one). Under a burst every line shares a millisecond, and the
    /// traceback joins the record before it (Known limits).
    fn own_traceback(&self, first: &str, ms: i64) -> bool {
        let Some(p) = &self.pending else {
            return false;
        };
        if first != TRACEBACK || p.orphan {
            return false;
        }
        let back_to_back = matches!(p.tail, Tail::Done(0)) && !p.after_separator;
        let earlier = p.tail == Tail::None
            && matches!(p.takes, Takes::Written | Takes::Structure)
            && ms > p.last_ms + SAME_WRITE_MS;
        back_to_back || earlier
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
        fields.extend(
            self.parser
                .fields(text, &mut self.spans, &mut self.inference)
                .0,
        );
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

/// An event's text as a record: without the newline a whole-record
/// runtime ends it with, nor the blank lines before it: a format that
/// starts with a line break (Prowler's `"\n%(asctime)s …"`) writes one
/// before every record. A message that itself starts with a blank line,
/// in a format that starts with it (`%(message)s`), loses that line.
pub(crate) fn record_text(message: &str) -> &str {
    let stripped = strip_one_newline(message);
    if let Some(b'\n' | b'\r') = stripped.as_bytes().first() {
        return past_breaks(stripped, message.ends_with('\n'));
    }
    stripped
}

/// A record's text past the line breaks before it (`record_text`), out
/// of line, as few records have them: the carriage return that starts it
/// (sqlmap's `"\r[%(asctime)s] …"` rewrites a terminal's line, and `\r`
/// is a line break to this parser; `\r\n` is a blank line), then, for
/// `whole` records, the blank lines.
#[cold]
#[inline(never)]
fn past_breaks(s: &str, whole: bool) -> &str {
    let s = match s.as_bytes() {
        [b'\r', next, ..] if *next != b'\n' => &s[1..],
        _ => s,
    };
    if whole {
        return s.trim_start_matches('\n');
    }
    s
}

/// Strips the one trailing newline (`\n` or `\r\n`) a handler adds. A
/// `\r` alone at the end stays: a line of an event per line whose
/// message broke it with `\r\n` (an HTTP request's dump), which the
/// record keeps as it was written.
pub(crate) fn strip_one_newline(s: &str) -> &str {
    match s.strip_suffix('\n') {
        Some(s) => s.strip_suffix('\r').unwrap_or(s),
        None => s,
    }
}

/// Older Lambda runtimes separated lines with `\r`; make every `\r` that
/// no `\n` follows a `\n`, copying only when there is a `\r`. A `\r\n`
/// is a message's own (an HTTP request's headers) and stays, so its
/// lines are read apart as any others.
pub(super) fn normalize_newlines(s: &str) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    // One that ends the text ends a line the next event goes on from.
    let lone = |at: usize| at + 1 < bytes.len() && bytes[at + 1] != b'\n';
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('\r') {
        out.push_str(&rest[..at]);
        let kept = rest[at + 1..].is_empty() || rest[at + 1..].starts_with('\n');
        out.push(if kept { '\r' } else { '\n' });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The first line, ending at `\n` or at the `\r` of older runtimes.
pub(super) fn first_line(s: &str) -> &str {
    match memchr::memchr2(b'\n', b'\r', s.as_bytes()) {
        Some(end) => &s[..end],
        None => s,
    }
}
