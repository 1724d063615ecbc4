//! The formats inferred from one delivery's own lines, for auto-detection:
//! found the first time a line or a record that no built-in format claims
//! needs them, from every line of the delivery that could start a record.
//!
//! Built-in formats are popular programs' defaults, and some read more
//! lines than their own: SQLAlchemy's `%(asctime)s %(levelname)s %(name)s
//! %(message)s` takes a message's first word for a logger in a stream of
//! `%(asctime)s %(levelname)s %(message)s`, and the cookbook's format
//! takes `%(funcName)s:%(lineno)d - ` into the message. So the first
//! [`SAMPLE`] claimed lines of every auto-detected delivery are read as well: a
//! format inferred from those that a built-in one claims, and that reads
//! most of them differently, is tried before the built-in ones.
//!
//! A `%`-format that spells a JSON object (`{"time": "%(asctime)s", …}`)
//! is inferred where one of the delivery's events opens as its JSON lines
//! do and is no JSON. Where its keys are not python-json-logger's names
//! for its values, it reads every line of its skeleton, JSON or not, so it
//! is found before any event is read; otherwise only the lines that fail
//! as JSON.
//!
//! The result depends on the delivery alone, whenever it is asked for and
//! whatever the process saw before, so a retried delivery gives the same
//! documents (the direct path's ids depend on it). A delivery whose lines
//! every built-in format claims never pays for inference.

use std::borrow::Cow;

use super::Parser;
use super::assemble::{first_line, record_text};
use super::json_line::looks_like_json;
use super::platform::{Platform, crash_shaped};
use super::tails::{Tail, is_frame, structure};
use crate::decode::LogEvent;
use crate::format::infer::{Inferred, NEUTRAL_PREFIX, indent_below, infer, is_id, json_text};
use crate::format::{STANDARD_LEVELS, Spans};
use crate::model::Value;

/// How many of a delivery's first record-start lines are read to check
/// the built-in formats against what the lines themselves show.
pub(crate) const SAMPLE: usize = 16;

/// How many of a delivery's first events are looked at for the sample:
/// a delivery of JSON lines or platform lines has no claimed line to find.
const SAMPLE_EVENTS: usize = 4 * SAMPLE;

/// One delivery's inferred formats, once they are asked for.
pub(super) struct Inference<'d> {
    events: &'d [LogEvent<'d>],
    formats: Option<Vec<Inferred>>,
    /// Formats that read the lines a built-in format claims differently,
    /// tried before the built-in ones.
    preferred: Vec<Inferred>,
    /// The last of `preferred` is a format written as JSON text whose
    /// objects are read before JSON is (see [`json_text`]).
    json_first: bool,
}

impl<'d> Inference<'d> {
    pub(super) fn new(events: &'d [LogEvent<'d>], parser: &Parser) -> Self {
        if !parser.auto {
            return Inference {
                events,
                formats: None,
                preferred: Vec::new(),
                json_first: false,
            };
        }
        let mut preferred = preferred(events, parser);
        let json = json_text(texts(events), Some(true));
        let json_first = json.is_some();
        preferred.extend(json);
        Inference {
            events,
            formats: None,
            preferred,
            json_first,
        }
    }

    /// Whether `text`, which may parse as JSON, is a line of a format
    /// written as JSON text, to be read as that format says.
    pub(super) fn claims_json(&self, text: &str) -> bool {
        self.json_first
            && self
                .preferred
                .last()
                .is_some_and(|f| f.compiled.starts(text))
    }

    /// Whether a format read before the built-in ones starts a record at
    /// `line`.
    pub(super) fn prefers(&self, line: &str) -> bool {
        self.preferred.iter().any(|f| f.compiled.starts(line))
    }

    /// The fields a format read before the built-in ones gives a record
    /// head, if one matches.
    pub(super) fn preferred_fields<'t>(
        &self,
        head: &Cow<'t, str>,
        spans: &mut Spans,
    ) -> Option<Vec<(Cow<'t, str>, Value<'t>)>> {
        owned_fields(&self.preferred, head, spans)
    }

    /// The formats, inferred on the first call.
    pub(super) fn formats(&mut self, parser: &Parser) -> &[Inferred] {
        let events = self.events;
        self.formats.get_or_insert_with(|| {
            let mut found = infer(candidates(events, parser));
            indent_below(&mut found, line_pairs(events));
            found.extend(json_text(texts(events), Some(false)));
            found
        })
    }

    /// The formats inferred so far, without inferring: for the places that
    /// must not set inference off (a traceback's lines, which every
    /// delivery with an exception has).
    pub(super) fn known(&self) -> impl Iterator<Item = &Inferred> {
        self.preferred
            .iter()
            .chain(self.formats.as_deref().unwrap_or_default())
    }

    /// Whether an inferred format recognises `line` as a record's start.
    pub(super) fn starts(&mut self, parser: &Parser, line: &str) -> bool {
        self.formats(parser).iter().any(|f| f.compiled.starts(line))
    }

    /// The fields of a record head that an inferred format matches, with
    /// its keys owned (they outlive this delivery's formats).
    pub(super) fn fields<'t>(
        &mut self,
        parser: &Parser,
        head: &Cow<'t, str>,
        spans: &mut Spans,
    ) -> Option<Vec<(Cow<'t, str>, Value<'t>)>> {
        owned_fields(self.formats(parser), head, spans)
    }

    /// The formats inferred, as `PYTHON_LOG_FORMAT` and its datefmt, for
    /// the function's log.
    pub(super) fn into_formats(self) -> Vec<(String, Option<String>)> {
        self.preferred
            .into_iter()
            .chain(self.formats.unwrap_or_default())
            .map(|f| (f.format, f.datefmt))
            .collect()
    }
}

/// The fields of the first of `formats` that matches a record head, with
/// its keys owned (they outlive this delivery's formats).
fn owned_fields<'t>(
    formats: &[Inferred],
    head: &Cow<'t, str>,
    spans: &mut Spans,
) -> Option<Vec<(Cow<'t, str>, Value<'t>)>> {
    let f = formats
        .iter()
        .find(|f| f.compiled.match_record_into(head, spans))?;
    let fields = f.compiled.fields(head.clone(), spans);
    Some(
        fields
            .into_iter()
            .map(|(k, v)| (Cow::Owned(k.into_owned()), v))
            .collect(),
    )
}

/// The formats inferred from the first [`SAMPLE`] lines a built-in format
/// claims that read most of those lines otherwise than the built-in does.
fn preferred(events: &[LogEvent<'_>], parser: &Parser) -> Vec<Inferred> {
    let claimed: Vec<&str> = events
        .iter()
        .take(SAMPLE_EVENTS)
        .map(|e| first_line(record_text(&e.message)))
        .filter(|l| !l.is_empty() && !looks_like_json(l) && parser.format_starts(l))
        .take(SAMPLE)
        .collect();
    if claimed.is_empty() {
        return Vec::new();
    }
    let found = infer(claimed.iter().copied());
    if found.is_empty() {
        return found;
    }
    // Which built-in format reads each line, and where, found once.
    let claims: Vec<Option<(usize, Spans)>> = claimed
        .iter()
        .map(|line| {
            parser
                .formats
                .iter()
                .enumerate()
                .find_map(|(at, b)| b.match_record(line).map(|s| (at, s)))
        })
        .collect();
    found
        .into_iter()
        .filter(|f| disagrees(f, parser, &claimed, &claims))
        .collect()
}

/// Whether `f` matches most of the `lines` a built-in format claims, and
/// reads most of those better than the built-in does (`better`); or, on
/// most of the lines one built-in format claims, reads what that one
/// leaves at its message's start as attributes only a format prints
/// (`more_before`: a stream of two programs, the awslogs agent's `… -
/// %(process)d - %(threadName)s - %(message)s` beside cfn-init's lines,
/// which another built-in claims);
/// or matches most of the lines one built-in format claims, where that one
/// reads a level name as the logger (`%(asctime)s %(name)s %(levelname)s`
/// on DNF's `… DEBUG DNF version: 4.24.0`), which no logger is called:
/// a stream of two programs has lines that different built-in formats
/// claim, and `f` need only be the format of one's. `claims` holds which
/// built-in format reads each line, and its spans.
fn disagrees(
    f: &Inferred,
    parser: &Parser,
    lines: &[&str],
    claims: &[Option<(usize, Spans)>],
) -> bool {
    // Per built-in format: lines it claims, those `f` matches too, those
    // `f` reads better, and those where the built-in reads a level as
    // the logger.
    let mut per = vec![Tally::default(); parser.formats.len()];
    for (&line, claim) in lines.iter().zip(claims) {
        let Some((at, theirs)) = claim else {
            continue;
        };
        let t = &mut per[*at];
        t.claimed += 1;
        let Some(ours) = f.compiled.match_record(line) else {
            continue;
        };
        t.both += 1;
        let a = f.compiled.fields(Cow::Borrowed(line), &ours);
        let b = parser.formats[*at].fields(Cow::Borrowed(line), theirs);
        t.better += usize::from(better(&a, &b));
        t.more += usize::from(more_before(&a, &b));
        t.misread += usize::from(level_as_name(&b));
    }
    let (both, differ) = per
        .iter()
        .fold((0, 0), |(n, d), t| (n + t.both, d + t.better));
    // It must be the format of most of the sample, or of most of one
    // built-in's lines, not of a few messages that happen to start with
    // a date.
    let most = |t: &Tally| t.both * 2 > t.claimed && t.more * 2 > t.both;
    (both * 2 > lines.len() && differ * 2 > both)
        || per.iter().any(|t| most(t) || t.misread * 2 > t.claimed)
}

/// What `disagrees` counts per built-in format.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    claimed: usize,
    both: usize,
    better: usize,
    more: usize,
    misread: usize,
}

/// Whether the inferred fields `a` are the built-in `b`'s and more, the
/// more all attributes only a format prints (`evident`), read from the
/// start of `b`'s message: `… - INFO - 2714 - MainThread - msg`, which
/// `%(asctime)s - %(name)s - %(levelname)s - %(message)s` reads whole as
/// a message. A field read from its end may be the message's own text
/// (`BEGIN (implicit)`).
fn more_before(a: &Fields<'_>, b: &Fields<'_>) -> bool {
    a.len() > b.len()
        && b.iter().all(|(k, _)| has(a, k))
        && a.iter().all(|(k, _)| has(b, k) || evident(k))
        && from_start(a, b)
}

/// Whether the inferred message `a` has is the end of the built-in's
/// `b`: what `a` reads more, it reads from the start of `b`'s message.
fn from_start(a: &Fields<'_>, b: &Fields<'_>) -> bool {
    match (get(a, "message"), get(b, "message")) {
        (Some(m), Some(whole)) => whole.len() > m.len() && whole.ends_with(m.as_str()),
        _ => false,
    }
}

/// A line's fields as a format reads them.
type Fields<'a> = [(Cow<'a, str>, Value<'a>)];

fn has(set: &Fields<'_>, k: &str) -> bool {
    set.iter().any(|(x, _)| x == k)
}

fn get(set: &Fields<'_>, k: &str) -> Option<String> {
    set.iter().find_map(|(x, v)| match v {
        Value::Str(s) if x == k => Some(s.to_string()),
        _ => None,
    })
}

/// Whether fields `a` (inferred) read a line better than `b` (built-in):
/// `b` has a key the line doesn't show (a message's first word taken for
/// a logger), or `a` has `LogRecord` attributes more, which `b` leaves in
/// the message. Where both name the same keys, or other ones (a program's
/// own fields, a datefmt with brackets inside asctime), the built-in
/// format knows the program better.
fn better(a: &Fields<'_>, b: &Fields<'_>) -> bool {
    let a_in_b = a.iter().all(|(k, _)| has(b, k));
    let b_in_a = b.iter().all(|(k, _)| has(a, k));
    // The attributes `a` has more must show themselves (`shown`): a bare
    // word read as a function or logger may be the message's first word.
    let extra: Vec<&str> = a
        .iter()
        .filter(|(k, _)| !has(b, k))
        .map(|(k, _)| k.as_ref())
        .collect();
    // A line number is never a message's own (no message opens with
    // `"/code/x.py:2434"`); a field the format names neutrally beside it
    // is one too where all of them come before the message, which the
    // built-in leaves whole (SimpleLogin's `… - %(funcName)s() -
    // %(message_id)s - %(message)s`, the cookbook's format on it).
    let standard = || {
        extra.iter().all(|k| shown(a, b, k))
            || (extra.contains(&"lineno")
                && (extra.iter().all(|k| !k.starts_with(NEUTRAL_PREFIX)) || from_start(a, b)))
    };
    // Or it read a bracketed id as the logger (`%(levelname)s
    // [%(request_id)s] %(name)s:` on `INFO [ec59…] app: ok`).
    let bracketed_name = get(b, "name").is_some_and(|n| {
        n.len() > 2 && n.starts_with(['[', '(', '<', '{']) && n.ends_with([']', ')', '>', '}'])
    });
    // Or its bracketed "logger" is a field the inferred format names
    // (`[%(process)d]` on `… [66] WARNING …`).
    let only_name = || b.iter().all(|(k, _)| has(a, k) || k == "name");
    // Or its "logger" is no logger's name but what the inferred format
    // reads as another field: a thread's name (`MainThread`), or a piece
    // of a timestamp (`INFO:2024-10-08T19:15:10+0000:…` read by
    // `%(levelname)s:%(name)s:%(message)s`), as no logger starts with a
    // digit.
    let not_a_logger = || {
        get(b, "name").is_some_and(|n| {
            n.starts_with(|c: char| c.is_ascii_digit())
                || extra
                    .iter()
                    .any(|k| get(a, k).as_deref() == Some(n.as_str()))
                || pid_as_name(a, &n)
        })
    };
    let renamed = a.len() == b.len()
        && !extra.is_empty()
        && only_name()
        && ((bracketed_name && extra.iter().all(|k| evident(k)))
            || (extra.iter().all(|k| evident(k) || *k == "asctime") && not_a_logger()));
    // Or it took the message's first word for the logger where the app
    // prints a location after the message (`%(message)s
    // (%(filename)s:%(lineno)d)`, `%(message)s:%(pathname)s:…`), which the
    // inferred format reads: the built-in's logger and message, joined by
    // its space or colon, are the message, then the location.
    let first_word = || {
        get(a, "message").is_some_and(|m| {
            [' ', ':'].into_iter().any(|sep| {
                rejoined(b, sep)
                    .and_then(|whole| whole.strip_prefix(m.as_str()).map(str::to_owned))
                    .is_some_and(|rest| rest.starts_with([' ', ':']))
            })
        })
    };
    (a_in_b && a.len() + 1 == b.len() && name_misread(a, b))
        || (!extra.is_empty()
            && only_name()
            && extra.iter().all(|k| shown(a, b, k))
            && first_word())
        || (b_in_a && a.len() > b.len() && (bracketed_name || standard()))
        || (a_in_b && b_in_a && (unbracketed(a, b, bracketed_name) || separated(a, b)))
        || renamed
        || (b_in_a && glued_before_message(a, b, &extra))
}

/// Whether the one field the inferred fields `a` read more is glued to the
/// message by a colon, where the built-in `b` leaves it at its message's
/// start (VulnWhisperer's `%(levelname)s:%(name)s:%(funcName)s:%(message)s`,
/// `INFO:root:main:No section …`, read by basicConfig's format): a format
/// writes `%(funcName)s:%(message)s`, where a message's own label has a
/// space after its colon (`Error: …`).
fn glued_before_message(a: &Fields<'_>, b: &Fields<'_>, extra: &[&str]) -> bool {
    let ([k], Some(m), Some(whole)) = (extra, get(a, "message"), get(b, "message")) else {
        return false;
    };
    let Some(v) = get(a, k) else {
        return false;
    };
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    !v.is_empty()
        && v.chars().all(word)
        && m.starts_with(|c: char| !c.is_whitespace())
        && whole
            .strip_prefix(v.as_str())
            .and_then(|r| r.strip_prefix(':'))
            == Some(m.as_str())
}

/// The text a built-in format split into a logger and a message, joined
/// again by `sep`: where the logger was the message's first word, the
/// message the line holds.
fn rejoined(b: &Fields<'_>, sep: char) -> Option<String> {
    Some(format!("{}{sep}{}", get(b, "name")?, get(b, "message")?))
}

/// Whether a built-in's "logger" `n` is `P` and the process id the
/// inferred fields `a` read (cfn-init's `P%(process)d`).
fn pid_as_name(a: &Fields<'_>, n: &str) -> bool {
    let pid = a.iter().find_map(|(k, v)| match v {
        Value::Int(p) if k == "process" => Some(*p),
        _ => None,
    });
    pid.is_some_and(|p| n.strip_prefix('P') == Some(p.to_string().as_str()))
}

/// Attributes only a format prints: a line number, a file, a thread.
fn evident(k: &str) -> bool {
    matches!(
        k,
        "lineno"
            | "filename"
            | "pathname"
            | "threadName"
            | "processName"
            | "thread"
            | "process"
            | "created"
            | "levelno"
            | "msecs"
    )
}

/// Whether key `k`, which the inferred fields `a` have and the built-in
/// `b` lack, shows itself: an evident attribute; a request id kept under
/// a neutral key (a UUID is never a message's first word); a function
/// split from the logger the built-in read whole (`%(name)s.%(funcName)s`);
/// a field after the message (` (%(funcName)s)`) that the built-in format
/// leaves at the end of its message, or a bracketed one before it that
/// the built-in leaves at its start; or, where the group's lines showed a
/// column of functions, one before it (`%(name)s %(funcName)s
/// %(message)s`). Cheapest first: most lines stop at the first.
fn shown(a: &Fields<'_>, b: &Fields<'_>, k: &str) -> bool {
    let id = || k.starts_with(NEUTRAL_PREFIX) && get(a, k).is_some_and(|v| is_id(&v));
    let pair = || {
        k == "funcName"
            && get(a, "name")
                .zip(get(a, "funcName"))
                .is_some_and(|(n, f)| get(b, "name") == Some(format!("{n}.{f}")))
    };
    let beside = || {
        let (Some(m), Some(whole), Some(v)) = (get(a, "message"), get(b, "message"), get(a, k))
        else {
            return false;
        };
        // After it, or glued by a colon (`%(message)s:%(pathname)s:…`)
        // where the built-in took the message's first word for the logger.
        let after = whole
            .strip_prefix(m.as_str())
            .is_some_and(|rest| rest.starts_with(' ') && rest.contains(v.as_str()))
            || rejoined(b, ':').is_some_and(|joined| {
                joined
                    .strip_prefix(m.as_str())
                    .is_some_and(|rest| rest.starts_with(':') && rest.contains(v.as_str()))
            });
        // Bracketed before the message (`{%(module)s.%(funcName)s} - `).
        let before = || {
            whole.strip_suffix(m.as_str()).is_some_and(|lead| {
                lead.trim_start().starts_with(['[', '(', '{', '<']) && lead.contains(v.as_str())
            })
        };
        after || before() || (k == "funcName" && whole == format!("{v} {m}"))
    };
    evident(k) || id() || pair() || beside()
}

/// Whether the built-in fields `b` took the message's first word for the
/// logger, or read a level name as the logger (`%(asctime)s %(name)s
/// %(levelname)s` on `… INFO GET /x`).
fn name_misread(a: &Fields<'_>, b: &Fields<'_>) -> bool {
    let split = match (get(a, "message"), get(b, "name"), get(b, "message")) {
        (Some(m), Some(n), Some(rest)) => m == format!("{n} {rest}"),
        _ => false,
    };
    split || level_as_name(b)
}

/// Whether a format reads a standard level name as the logger's.
fn level_as_name(b: &Fields<'_>) -> bool {
    get(b, "name").is_some_and(|n| STANDARD_LEVELS.contains(&n.as_str()))
}

/// The same fields, but the inferred format keeps the brackets out of the
/// logger's name (`[%(name)s]`).
fn unbracketed(a: &Fields<'_>, b: &Fields<'_>, bracketed_name: bool) -> bool {
    match (get(a, "name"), get(b, "name")) {
        (Some(x), Some(y)) => bracketed_name && y.len() == x.len() + 2 && y[1..y.len() - 1] == x,
        _ => false,
    }
}

/// The same fields, but the built-in message starts with the separator
/// the app's format puts before it (`[%(levelname)s] - %(message)s` read
/// by boto3's `[%(levelname)s] %(message)s`).
fn separated(a: &Fields<'_>, b: &Fields<'_>) -> bool {
    match (get(a, "message"), get(b, "message")) {
        (Some(x), Some(y)) => SEPARATORS
            .iter()
            .any(|s| y.strip_prefix(s).and_then(|r| r.strip_prefix(' ')) == Some(x.as_str())),
        _ => false,
    }
}

/// What formats put between their fields and the message.
const SEPARATORS: [&str; 7] = ["-", "|", ":", ">", "/", "::", "->"];

/// Each event's text, without the newline a whole-record runtime ends it
/// with.
fn texts<'d>(events: &'d [LogEvent<'d>]) -> impl Iterator<Item = &'d str> + Clone {
    events.iter().map(|e| record_text(&e.message))
}

/// Each line of a delivery with the line after it, inside an event or
/// across two (a runtime that sends each line as an event of its own).
fn line_pairs<'d>(events: &'d [LogEvent<'d>]) -> impl Iterator<Item = (&'d str, &'d str)> {
    let lines = texts(events).flat_map(str::lines);
    lines.clone().zip(lines.skip(1))
}

/// The lines of a delivery that could start a record of a format nothing
/// else knows: each event's first line, when it is a [`candidate`].
fn candidates<'d>(events: &'d [LogEvent<'d>], parser: &'d Parser) -> impl Iterator<Item = &'d str> {
    events
        .iter()
        .map(|e| first_line(record_text(&e.message)))
        .filter(|first| candidate(first, parser))
}

/// An `[ERROR] ` line not shaped as the runtime's crash line: an app's
/// `[%(levelname)s]`-led format at its ERROR level.
fn is_app_error_line(line: &str) -> bool {
    line.starts_with("[ERROR] ") && !crash_shaped(line)
}

/// Whether a line could start a record of a format nothing else knows: it
/// is not blank, JSON, traceback structure, a platform line or a built-in
/// format's.
pub(super) fn candidate(line: &str, parser: &Parser) -> bool {
    !(line.trim().is_empty()
        || looks_like_json(line)
        || is_frame(line)
        || structure(line, Tail::None, true).is_some()
        || (Platform::classify(line).is_some() && !is_app_error_line(line))
        || parser.format_starts(line))
}
