//! Python logging format strings (all three styles: `%`, `{` and `$`),
//! compiled once into matchers.
//!
//! A format such as `%(asctime)s %(name)s %(levelname)-8s %(message)s`
//! becomes a list of [`Token`]s. Matching a line walks the tokens once:
//! literals are compared, `asctime` is matched by the shape its `datefmt`
//! implies (it contains spaces, so "up to the next space" would be wrong),
//! numbers by their digits, `message` greedily and other strings lazily up
//! to the next literal. A width (`%(levelname)-8s`) sets a field's minimum
//! length, so padding is never mistaken for a separator. Backtracking only
//! happens when a lazy choice fails later, and a step budget bounds it, so
//! no line can make matching slow: over budget counts as no match.
//!
//! Values are typed as python-json-logger types them: it emits the
//! `LogRecord` attributes, so `lineno`, `levelno`, `process` and `thread`
//! are integers, `created`, `msecs` and `relativeCreated` floats, and the
//! rest strings, with padding removed; a field printed with `repr()`
//! (`%(x)r`) is the value Python held (`repr`).

use std::borrow::Cow;

use crate::model::Value;

mod compile;
mod date;
pub(crate) mod infer;
mod matcher;
pub(crate) mod pydict;
mod repr;

use compile::{compile_brace, compile_dollar, compile_percent};
pub(crate) use date::DateShape;
use matcher::Walk;

/// Python's default `datefmt` plus its default `,%03d` milliseconds
/// (`logging.Formatter.default_time_format` / `default_msec_format`).
pub(crate) const PYTHON_DEFAULT_DATEFMT: &str = "%Y-%m-%d %H:%M:%S";

/// A placeholder matched but written to no document: the terminal colour
/// code a formatter writes as its own text, a different one for each level
/// (the logging cookbook's coloured formatter, dbt-bouncer's, wraps its
/// format in `\x1b[38;20m` … `\x1b[0m` for DEBUG, yellow for WARNING).
/// No `LogRecord` holds it, so python-json-logger writes no key for it;
/// inference names such a column so, and a configured format may too.
pub(crate) const COLOUR_CODE: &str = "ansi_colour";

/// Steps one match may take before it counts as no match. A normal line
/// takes one step per token; this only stops pathological backtracking.
const STEP_BUDGET: u32 = 4096;

/// Why a format string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error(
        "format {format:?} has no fields to write (Python's logging.Formatter refuses one with none; `%(ansi_colour)s` writes nothing)"
    )]
    NoFields { format: String },
    #[error("format {format:?}: bad field at byte {at}: {why}")]
    BadField {
        format: String,
        at: usize,
        why: &'static str,
    },
    #[error("datefmt {datefmt:?}: {why}")]
    BadDatefmt { datefmt: String, why: &'static str },
}

/// How a field's value is typed in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldType {
    Str,
    Int,
    Float,
    Message,
    Asctime,
}

impl FieldType {
    fn of(name: &str) -> FieldType {
        match name {
            "lineno" | "levelno" | "process" | "thread" => FieldType::Int,
            "created" | "msecs" | "relativeCreated" => FieldType::Float,
            "message" => FieldType::Message,
            "asctime" => FieldType::Asctime,
            _ => FieldType::Str,
        }
    }

    /// The kind of a field named `name` printed with conversion `conv`
    /// (`d`, `x`, `f`, `s`, …), and the base its digits are in. A custom
    /// attribute (`%(worker)d`) printed as a number can only be one, and
    /// python-json-logger writes the attribute itself: so it is typed by
    /// its conversion. A `LogRecord` attribute keeps its own type.
    fn with_conversion(name: &str, conv: char) -> (FieldType, u32) {
        let own = FieldType::of(name);
        let custom = own == FieldType::Str && !RECORD_STRINGS.contains(&name);
        let numeric = custom || matches!(own, FieldType::Int | FieldType::Float);
        match conv {
            'd' | 'i' | 'u' | 'n' if numeric => (if custom { FieldType::Int } else { own }, 10),
            'x' | 'X' if numeric && own != FieldType::Float => (FieldType::Int, 16),
            'o' if numeric && own != FieldType::Float => (FieldType::Int, 8),
            'b' if numeric && own != FieldType::Float => (FieldType::Int, 2),
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' if numeric => (FieldType::Float, 10),
            // `%c`, `%r`, `%s`, `%a` and `%x` on a float: text.
            _ if matches!(own, FieldType::Int | FieldType::Float)
                && !matches!(conv, 'd' | 'i' | 'u' | 'n' | 's' | 'r' | 'a') =>
            {
                (FieldType::Str, 10)
            }
            _ => (own, 10),
        }
    }
}

/// `LogRecord`'s own string attributes: a numeric conversion on one is an
/// error in Python, never a type.
const RECORD_STRINGS: &[&str] = &[
    "name",
    "levelname",
    "pathname",
    "filename",
    "module",
    "funcName",
    "processName",
    "threadName",
    "taskName",
    "message",
    "asctime",
    "exc_text",
    "stack_info",
];

/// Which side padding goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
    Center,
}

/// One `%(name)…` or `{name…}` field of a format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Field {
    pub name: String,
    pub kind: FieldType,
    /// Minimum width in characters (0 = none).
    width: usize,
    /// A precision (`%(levelname).1s`, `{levelname:.1}`): at most this many
    /// characters of a string were printed.
    precision: Option<usize>,
    /// The base an integer field's digits are in (`%x`: 16).
    radix: u32,
    align: Align,
    fill: char,
    /// Extra restrictions used by the built-in formats of auto-detection,
    /// which must not mistake a traceback line for a log line.
    strict: bool,
    /// Printed with `repr()` or `ascii()` (`%(x)r`, `{x!r}`, `a`, `!a`):
    /// a string shows as its literal, which python-json-logger doesn't.
    repr: bool,
}

/// A compiled piece of a format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token {
    Literal(String),
    Field(Field),
}

/// A literal's substring finders (forward for lazy fields, backward for the
/// greedy message), built once with the format.
#[derive(Clone)]
struct Finder(
    memchr::memmem::Finder<'static>,
    memchr::memmem::FinderRev<'static>,
);

impl std::fmt::Debug for Finder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Finder")
    }
}

/// A compiled format: what one `logging.Formatter(fmt, datefmt)` writes.
#[derive(Debug, Clone)]
pub struct Format {
    pub source: String,
    tokens: Vec<Token>,
    date: DateShape,
    /// Field names in python-json-logger's key order: first appearance.
    keys: Vec<String>,
    /// For each key, the index of the token where it first appears.
    key_tokens: Vec<usize>,
    /// Index of the `message` token, if any.
    message: Option<usize>,
    /// For each token, a finder if it is a literal.
    finders: Vec<Option<Finder>>,
    /// Tornado's `LogFormatter` (the formats with `%(end_color)s`) ends
    /// with `formatted.replace("\n", "\n    ")`: a message's continuation
    /// lines carry an indent `msg` doesn't.
    indented: bool,
    /// For each token, whether a free-text field there splits at the last
    /// separator rather than the first (`matcher::free_text_after`),
    /// decided once here rather than on every match.
    split_last: Vec<bool>,
    /// Where a one-line walk (`starts`) ends, and whether it must reach
    /// the line's end: before `message`, or, when the message is on the
    /// next line (`%(name)s :\n  %(message)s`), before the literal's line
    /// break, at the end of the line. Decided here, so no walk branches.
    starts_end: usize,
    starts_whole: bool,
    /// Whether the format opens with `%(ansi_colour)s`: a walk then starts
    /// past the line's colour codes, which a lazy field would cut at the
    /// `[` inside them (`\x1b[32m[%(asctime)s`).
    colour_lead: bool,
}

/// Splits the literal right before `message` at its first line break
/// (`" :\n  "` into `" :"` and `"\n  "`), where it has one and text
/// stands before the break: that format's head is a line of its own
/// (Nautobot's `%(name)s :\n  %(message)s`), which `starts` matches whole.
fn split_message_below(tokens: &mut Vec<Token>) {
    let Some(m) = tokens
        .iter()
        .position(|t| matches!(t, Token::Field(f) if f.kind == FieldType::Message))
    else {
        return;
    };
    let Some(Token::Literal(lit)) = m.checked_sub(1).map(|j| &mut tokens[j]) else {
        return;
    };
    let Some(cut) = lit.find('\n').filter(|&c| c > 0) else {
        return;
    };
    let below = lit.split_off(cut);
    tokens.insert(m, Token::Literal(below));
}

/// Where `starts` stops: before `message`, or before the line break that
/// `split_message_below` split off, so the head's line is matched whole.
fn starts_end(tokens: &[Token], message: Option<usize>) -> usize {
    match message {
        None => tokens.len(),
        Some(m) => match m.checked_sub(1).map(|j| &tokens[j]) {
            Some(Token::Literal(l)) if l.starts_with('\n') && m >= 2 => m - 1,
            _ => m,
        },
    }
}

/// The indent Tornado's `LogFormatter` puts before each continuation line.
const TORNADO_INDENT: &str = "    ";

/// Where each field of a match lies in the text, by token index.
pub(crate) type Spans = Vec<(usize, usize, usize)>;

impl Format {
    /// Compiles a `%`-style or `{`-style logging format.
    pub fn compile(fmt: &str, datefmt: Option<&str>) -> Result<Format, FormatError> {
        Self::compile_with(fmt, datefmt, false)
    }

    /// Compiles a built-in format for auto-detection, where field shapes
    /// are stricter (`levelname` is upper case, `name` has no spaces) so
    /// that traceback lines such as `KeyError: 'x'` aren't taken for logs.
    pub fn compile_strict(fmt: &str, datefmt: Option<&str>) -> Result<Format, FormatError> {
        Self::compile_with(fmt, datefmt, true)
    }

    fn compile_with(fmt: &str, datefmt: Option<&str>, strict: bool) -> Result<Format, FormatError> {
        // Python is told the style; here the string tells it: `%(name)`
        // fields, else `$name` ones, else `{name}` ones.
        let mut tokens = if compile::is_dollar(fmt) {
            compile_dollar(fmt)?
        } else if fmt.contains("%(") || !fmt.contains('{') {
            compile_percent(fmt)?
        } else {
            compile_brace(fmt)?
        };
        // Merge adjacent literals; they come from `%%` and `{{`.
        let mut merged: Vec<Token> = Vec::with_capacity(tokens.len());
        for t in tokens.drain(..) {
            match (merged.last_mut(), t) {
                (Some(Token::Literal(a)), Token::Literal(b)) => a.push_str(&b),
                (_, Token::Literal(b)) if b.is_empty() => {}
                (_, t) => merged.push(t),
            }
        }
        split_message_below(&mut merged);
        let mut keys: Vec<String> = Vec::new();
        let mut key_tokens = Vec::new();
        let mut message = None;
        for (i, t) in merged.iter_mut().enumerate() {
            if let Token::Field(f) = t {
                f.strict = strict;
                if f.kind == FieldType::Message && message.is_none() {
                    message = Some(i);
                }
                if !keys.contains(&f.name) && f.name != COLOUR_CODE {
                    keys.push(f.name.clone());
                    key_tokens.push(i);
                }
            }
        }
        let head_end = starts_end(&merged, message);
        if keys.is_empty() {
            return Err(FormatError::NoFields {
                format: fmt.to_owned(),
            });
        }
        Ok(Format {
            source: fmt.to_owned(),
            date: DateShape::compile(datefmt)?,
            finders: merged
                .iter()
                .map(|t| match t {
                    Token::Literal(l) => Some(Finder(
                        memchr::memmem::Finder::new(l.as_bytes()).into_owned(),
                        memchr::memmem::FinderRev::new(l.as_bytes()).into_owned(),
                    )),
                    Token::Field(_) => None,
                })
                .collect(),
            keys,
            key_tokens,
            message,
            indented: fmt.contains("%(end_color)s"),
            starts_end: head_end,
            starts_whole: message.is_none_or(|m| head_end < m),
            colour_lead: matches!(merged.first(), Some(Token::Field(f)) if f.name == COLOUR_CODE),
            split_last: (0..merged.len())
                .map(|i| match &merged[i] {
                    Token::Field(f) => matcher::free_text_after(&merged, i, f),
                    Token::Literal(_) => false,
                })
                .collect(),
            tokens: merged,
        })
    }

    /// Whether the format begins with `message`, so every line "starts" a
    /// record of it (`%(message)s`: gunicorn's access log, Django's
    /// console handler). Such a format can't tell where a record starts;
    /// the parser weighs other evidence for it.
    pub(crate) fn is_catch_all(&self) -> bool {
        self.message == Some(0)
    }

    /// Whether `line` begins a record of this format: every token before
    /// `message` matches (all of them when there is no message field).
    /// Only looks at one line.
    pub fn starts(&self, line: &str) -> bool {
        let mut spans = Vec::new();
        Walk::new(self, self.starts_end, line, &mut spans, self.starts_whole).run()
    }

    /// Matches a whole record text (which may span lines, inside `message`
    /// only) and returns its fields' spans.
    pub fn match_record(&self, text: &str) -> Option<Spans> {
        let mut spans = Vec::with_capacity(self.keys.len());
        self.match_record_into(text, &mut spans).then_some(spans)
    }

    /// Like [`Format::match_record`], into a buffer the caller reuses, so
    /// the hot path allocates nothing here.
    pub(crate) fn match_record_into(&self, text: &str, spans: &mut Spans) -> bool {
        spans.clear();
        Walk::new(self, self.tokens.len(), text, spans, true).run()
    }

    /// The fields this format reads on `line`, if it reads it at all:
    /// what inference asks of a candidate format, one line at a time (the
    /// hot path reuses its spans through [`Format::match_record_into`]).
    pub fn read<'k, 't>(&'k self, line: &'t str) -> Option<Vec<(Cow<'k, str>, Value<'t>)>> {
        let spans = self.match_record(line)?;
        Some(self.fields(Cow::Borrowed(line), &spans))
    }

    /// Turns a match into ordered, typed key/value pairs.
    pub fn fields<'k, 't>(
        &'k self,
        text: Cow<'t, str>,
        spans: &Spans,
    ) -> Vec<(Cow<'k, str>, Value<'t>)> {
        // Room for what the parser may append: exc_info, stack_info, the
        // request id.
        let mut out = Vec::with_capacity(self.keys.len() + 3);
        for (key, &token) in self.keys.iter().zip(&self.key_tokens) {
            // First appearance wins, as in a dict built in format order.
            let Some(&(ti, a, b)) = spans.iter().find(|(ti, _, _)| *ti == token) else {
                continue;
            };
            let Token::Field(f) = &self.tokens[ti] else {
                continue;
            };
            let (ra, rb) = f.unpad_range(&text[a..b]);
            let raw = &text[a + ra..a + rb];
            let value = match f.kind {
                FieldType::Int => typed_int(raw, f.radix),
                FieldType::Float => typed_float(raw),
                FieldType::Str
                    if key == "levelname"
                        && f.precision.is_some_and(|p| raw.chars().count() == p) =>
                {
                    match expand_level(raw) {
                        Some(full) => Value::Str(Cow::Borrowed(full)),
                        None => Value::Str(Cow::Owned(raw.to_owned())),
                    }
                }
                _ if raw == "None" && NULLABLE.contains(&key.as_str()) => Value::Null,
                FieldType::Str if f.repr => match repr::literal(raw) {
                    Some(v) => Value::Str(Cow::Owned(v)),
                    None => typed_repr(raw, || text_at(&text, a + ra, a + rb)),
                },
                FieldType::Message if self.indented && raw.contains('\n') => Value::Str(
                    deindent(raw).map_or_else(|| text_at(&text, a + ra, a + rb), Cow::Owned),
                ),
                _ => Value::Str(text_at(&text, a + ra, a + rb)),
            };
            out.push((Cow::Borrowed(key.as_str()), value));
        }
        out
    }
}

/// What a field printed with `repr()` that is no string literal holds: an
/// integer or a float python-json-logger writes as a number, `None` as
/// null, `True` and `False` as booleans (a string would print quoted),
/// and anything else (`<Obj …>`) as the text.
fn typed_repr<'t>(raw: &str, text: impl FnOnce() -> Cow<'t, str>) -> Value<'t> {
    match raw {
        "None" => return Value::Null,
        "True" => return Value::Bool(true),
        "False" => return Value::Bool(false),
        _ => {}
    }
    if let Ok(n) = raw.parse::<i64>() {
        return Value::Int(n);
    }
    let float = raw.contains(['.', 'e', 'E'])
        && raw
            .bytes()
            .all(|c| c.is_ascii_digit() || b".eE+-".contains(&c));
    match raw.parse::<f64>() {
        Ok(x) if float && x.is_finite() => Value::Float(x),
        _ => Value::Str(text()),
    }
}

/// `text[a..b]`, borrowed when `text` is.
fn text_at<'t>(text: &Cow<'t, str>, a: usize, b: usize) -> Cow<'t, str> {
    match text {
        Cow::Borrowed(t) => Cow::Borrowed(&t[a..b]),
        Cow::Owned(t) => Cow::Owned(t[a..b].to_owned()),
    }
}

/// A message as it was before Tornado indented its continuation lines;
/// `None` when some line lacks the indent (then it wasn't Tornado's).
fn deindent(raw: &str) -> Option<String> {
    let mut lines = raw.split('\n');
    let mut out = lines.next()?.to_owned();
    for line in lines {
        out.push('\n');
        out.push_str(line.strip_prefix(TORNADO_INDENT)?);
    }
    Some(out)
}

/// String fields that Python sets to `None` when the information is off
/// (`logging.logThreads = False` etc., or outside an asyncio task).
const NULLABLE: &[&str] = &["taskName", "processName", "threadName"];

fn typed_int(raw: &str, radix: u32) -> Value<'static> {
    if radix == 10 {
        return raw.parse::<i64>().map_or(Value::Null, Value::Int);
    }
    let (negative, digits) = match raw.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, raw.strip_prefix('+').unwrap_or(raw)),
    };
    // `%#x` writes `0x1f`, `%#o` `0o17`.
    let digits = match digits.get(..2) {
        Some("0x" | "0X" | "0o" | "0b") => &digits[2..],
        _ => digits,
    };
    i64::from_str_radix(digits, radix)
        .map_or(Value::Null, |n| Value::Int(if negative { -n } else { n }))
}

/// The level names `logging` writes for its standard levels. Not NOTSET:
/// no record is logged at it.
pub(crate) const STANDARD_LEVELS: [&str; 5] = ["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"];

/// The standard level names lower-cased, as some formatters print them
/// (Streamlink's, bmaptool's): a `levelname` as well.
pub(crate) const LOWER_LEVELS: [&str; 5] = ["debug", "info", "warning", "error", "critical"];

/// The standard level whose name `prefix` is the start of, when just one
/// is: what `%(levelname).1s` cut to `W` was (a custom `NOTICE` cut to
/// `N` stays `N`).
fn expand_level(prefix: &str) -> Option<&'static str> {
    let mut found = STANDARD_LEVELS
        .iter()
        .filter(|l| !prefix.is_empty() && l.starts_with(prefix));
    let first = found.next()?;
    found.next().is_none().then_some(*first)
}

fn typed_float(raw: &str) -> Value<'static> {
    raw.parse::<f64>().map_or(Value::Null, Value::Float)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(
        fmt: &str,
        datefmt: Option<&str>,
        line: &str,
    ) -> Option<Vec<(String, Value<'static>)>> {
        let f = Format::compile(fmt, datefmt).unwrap();
        let spans = f.match_record(line)?;
        Some(
            f.fields(Cow::Owned(line.to_owned()), &spans)
                .into_iter()
                .map(|(k, v)| {
                    let v = match v {
                        Value::Str(s) => Value::Str(Cow::Owned(s.into_owned())),
                        Value::Int(n) => Value::Int(n),
                        Value::Float(x) => Value::Float(x),
                        Value::Null => Value::Null,
                        Value::Bool(b) => Value::Bool(b),
                        other => panic!("{other:?}"),
                    };
                    (k.into_owned(), v)
                })
                .collect(),
        )
    }

    fn s(v: &str) -> Value<'static> {
        Value::Str(Cow::Owned(v.to_owned()))
    }

    #[test]
    fn a_colour_code_placeholder_reads_only_colour_codes_and_writes_no_key() {
        let f = "%(ansi_colour)s%(levelname)s %(message)s\x1b[0m";
        let got = parse(f, None, "\x1b[1m\x1b[33mWARNING disk low\x1b[0m").unwrap();
        assert_eq!(
            got,
            [
                ("levelname".into(), s("WARNING")),
                ("message".into(), s("disk low"))
            ]
        );
        // Text before the level is no colour: not a record of it.
        assert!(parse(f, None, "worker-1 | WARNING disk low\x1b[0m").is_none());
        assert!(parse(f, None, "WARNING disk low\x1b[0m").is_none());
        // Alone, it writes nothing: no format.
        assert!(matches!(
            Format::compile("%(ansi_colour)s", None),
            Err(FormatError::NoFields { .. })
        ));
    }

    #[test]
    fn two_free_text_fields_split_at_the_last_separator_and_keep_an_empty_one() {
        let f = "[%(name)s] %(request)s %(message)s %(status)d";
        let got = parse(f, None, "[web] GET /a  200").unwrap();
        assert_eq!(got[1], ("request".into(), s("GET /a")));
        assert_eq!(got[2], ("message".into(), s("")));
        let got = parse(f, None, "[web] GET /b done 201").unwrap();
        assert_eq!(got[1], ("request".into(), s("GET /b")));
        assert_eq!(got[2], ("message".into(), s("done")));
        // Before a message that ends the line, an id ends at the first.
        let got = parse("%(rid)s %(message)s", None, "7f3a a b").unwrap();
        assert_eq!(got[0], ("rid".into(), s("7f3a")));
    }

    #[test]
    fn a_function_name_has_no_dot_so_a_dotted_logger_splits_at_its_last() {
        let got = parse(
            "[%(name)s.%(funcName)s:%(lineno)d] %(message)s",
            None,
            "[orders.tasks.run:193] done. ok",
        )
        .unwrap();
        assert_eq!(got[0], ("name".into(), s("orders.tasks")));
        assert_eq!(got[1], ("funcName".into(), s("run")));
    }

    #[test]
    fn a_repr_field_is_the_string_python_held_and_a_number_stays_a_number() {
        let f = "%(asctime)s | Flow run %(flow_run_name)r - %(message)s";
        let got = parse(f, Some("%H:%M:%S"), "10:00:00 | Flow run 'a - b' - started").unwrap();
        assert_eq!(got[1], ("flow_run_name".into(), s("a - b")));
        assert_eq!(got[2], ("message".into(), s("started")));
        let f = "{flow!r} {n!r} {none!a} {obj!r} - {message}";
        let got = parse(f, None, "\"it's\" 42 None <Flow 7> - go").unwrap();
        assert_eq!(got[0].1, s("it's"));
        assert_eq!(got[1].1, Value::Int(42));
        assert_eq!(got[2].1, Value::Null);
        assert_eq!(got[3].1, s("<Flow 7>"));
        let got = parse("%(x)a %(message)s", None, "'caf\\xe9' m").unwrap();
        assert_eq!(got[0].1, s("café"));
    }

    #[test]
    fn a_repr_field_that_prints_true_or_false_held_a_bool_and_a_quoted_one_a_string() {
        let f = "%(sampled)r %(flag)r %(text)r %(message)s";
        let got = parse(f, None, "True False 'True' go").unwrap();
        assert_eq!(got[0].1, Value::Bool(true));
        assert_eq!(got[1].1, Value::Bool(false));
        assert_eq!(got[2].1, s("True"));
    }

    #[test]
    fn tornados_indent_before_each_continuation_line_is_not_the_messages() {
        let tornado = "%(color)s[%(levelname)1.1s %(asctime)s %(module)s:%(lineno)d]%(end_color)s %(message)s";
        let got = parse(
            tornado,
            Some("%y%m%d %H:%M:%S"),
            "[I 240511 14:44:45 web:339] multi-line\n    second\n      indented",
        )
        .unwrap();
        assert_eq!(got.last().unwrap().1, s("multi-line\nsecond\n  indented"));
        // A line without the indent: not Tornado's doing, kept as it is.
        let got = parse(
            tornado,
            Some("%y%m%d %H:%M:%S"),
            "[I 240511 14:44:45 web:1] a\nb",
        )
        .unwrap();
        assert_eq!(got.last().unwrap().1, s("a\nb"));
        // Other formats keep their continuation lines' spaces.
        let got = parse("%(levelname)s %(message)s", None, "INFO a\n    b").unwrap();
        assert_eq!(got.last().unwrap().1, s("a\n    b"));
    }

    #[test]
    fn the_seed_format_splits_asctime_with_its_datefmt_shape() {
        let got = parse(
            "%(asctime)s %(name)s %(levelname)s %(message)s",
            Some("%Y-%m-%dT%H:%M:%S%z"),
            "2024-05-11T14:44:44+0000 orders.api INFO order accepted: id=1",
        )
        .unwrap();
        assert_eq!(
            got,
            [
                ("asctime".into(), s("2024-05-11T14:44:44+0000")),
                ("name".into(), s("orders.api")),
                ("levelname".into(), s("INFO")),
                ("message".into(), s("order accepted: id=1")),
            ]
        );
    }

    #[test]
    fn python_default_asctime_contains_a_space_and_milliseconds() {
        let got = parse(
            "%(asctime)s - %(name)s - %(levelname)s - %(message)s",
            None,
            "2024-05-11 14:44:44,123 - app - INFO - a - b - c",
        )
        .unwrap();
        assert_eq!(got[0].1, s("2024-05-11 14:44:44,123"));
        assert_eq!(got[3].1, s("a - b - c"));
    }

    #[test]
    fn padding_and_widths_are_removed_and_numbers_typed() {
        let got = parse(
            "%(levelname)-8s|%(lineno)5d|%(msecs)03d|%(process)d|%(created)f|%(message)s",
            None,
            "INFO    |   42|007|1234|1715438684.250000|hi",
        )
        .unwrap();
        assert_eq!(got[0].1, s("INFO"));
        assert_eq!(got[1].1, Value::Int(42));
        assert_eq!(got[2].1, Value::Float(7.0));
        assert_eq!(got[3].1, Value::Int(1234));
        assert_eq!(got[4].1, Value::Float(1715438684.25));
        assert_eq!(got[5].1, s("hi"));
    }

    #[test]
    fn a_padded_field_is_not_cut_at_a_space_inside_its_padding() {
        let got = parse("%(levelname)-8s %(message)s", None, "INFO     hello").unwrap();
        assert_eq!(got[0].1, s("INFO"));
        assert_eq!(got[1].1, s("hello"));
        let got = parse("%(levelname)-8s %(message)s", None, "CRITICAL hello").unwrap();
        assert_eq!(got[0].1, s("CRITICAL"));
        let got = parse("%(name)8s: %(message)s", None, "     app: x").unwrap();
        assert_eq!(got[0].1, s("app"));
    }

    #[test]
    fn percent_percent_is_a_literal_and_adjacent_fields_split_by_shape() {
        let got = parse(
            "%(levelname)s%(lineno)d%% %(message)s",
            None,
            "WARNING12% go",
        )
        .unwrap();
        assert_eq!(got[0].1, s("WARNING"));
        assert_eq!(got[1].1, Value::Int(12));
        assert_eq!(got[2].1, s("go"));
    }

    #[test]
    fn message_is_greedy_so_suffix_fields_find_their_last_occurrence() {
        let got = parse(
            "%(message)s [%(filename)s:%(lineno)d]",
            None,
            "a [b:1] c [app.py:42]",
        )
        .unwrap();
        assert_eq!(got[0].1, s("a [b:1] c"));
        assert_eq!(got[1].1, s("app.py"));
        assert_eq!(got[2].1, Value::Int(42));
    }

    #[test]
    fn only_message_may_span_lines() {
        let f = Format::compile("%(levelname)s %(message)s", None).unwrap();
        assert!(f.match_record("INFO one\ntwo").is_some());
        let f = Format::compile("%(message)s %(levelname)s", None).unwrap();
        assert!(f.match_record("one\ntwo INFO").is_some());
        assert!(f.match_record("one INF\nO").is_none());
    }

    #[test]
    fn the_lambda_runtime_format_is_parsed_field_by_field() {
        let got = parse(
            "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s",
            Some("%Y-%m-%dT%H:%M:%S"),
            "[INFO]\t2024-05-11T14:44:44.250Z\t8f5a6b2e\tprocessing\tdone",
        )
        .unwrap();
        assert_eq!(got[1].1, s("2024-05-11T14:44:44"));
        assert_eq!(got[2].1, Value::Float(250.0));
        assert_eq!(got[3].1, s("8f5a6b2e"));
        assert_eq!(got[4].1, s("processing\tdone"));
    }

    #[test]
    fn a_brace_field_with_an_unknown_conversion_is_refused_as_python_refuses_it() {
        assert!(Format::compile("{levelname!z} {message}", None).is_err());
        assert!(Format::compile("{levelname!} {message}", None).is_err());
        assert!(Format::compile("{levelname!r} {message!s} {name!a}", None).is_ok());
    }

    #[test]
    fn brace_style_formats_compile_with_their_alignment_and_fill() {
        let got = parse(
            "{asctime} {levelname:*^9} {name:>6}: {lineno:04d} {message}",
            None,
            "2024-05-11 14:44:44,123 **INFO***  ___ap: 0042 hi {there}",
        );
        let got = got.unwrap();
        assert_eq!(got[1].1, s("INFO"));
        assert_eq!(got[2].1, s("___ap"));
        assert_eq!(got[3].1, Value::Int(42));
        assert_eq!(got[4].1, s("hi {there}"));
    }

    #[test]
    fn keys_come_in_first_appearance_order_without_duplicates() {
        let f = Format::compile("%(name)s %(levelname)s %(name)s %(message)s", None).unwrap();
        let spans = f.match_record("a INFO a hi").unwrap();
        let keys: Vec<_> = f
            .fields(Cow::Borrowed("a INFO a hi"), &spans)
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(keys, ["name", "levelname", "message"]);
    }

    #[test]
    fn none_values_become_null_where_python_would_write_null() {
        let got = parse("%(thread)s %(taskName)s %(message)s", None, "None None hi").unwrap();
        assert_eq!(got[0].1, Value::Null);
        assert_eq!(got[1].1, Value::Null);
    }

    #[test]
    fn a_head_on_a_line_of_its_own_starts_a_record_only_as_a_whole_line() {
        let f = Format::compile("%(levelname)s %(name)s :\n  %(message)s", None).unwrap();
        assert!(f.starts("INFO nautobot.auth.login :"));
        assert!(!f.starts("INFO nautobot.auth.login : then more"));
        assert!(!f.starts("INFO nautobot.auth.login"));
        let got = parse(&f.source, None, "INFO a.b :\n  hi\n  there").unwrap();
        assert_eq!(got[1].1, Value::Str("a.b".into()));
        assert_eq!(got[2].1, Value::Str("hi\n  there".into()));
        // A strict (inferred) name has no spaces.
        let f = Format::compile_strict("%(levelname)s %(name)s\n%(message)s", None).unwrap();
        assert!(f.starts("INFO a.b"));
        assert!(!f.starts("INFO a.b c"));
    }

    #[test]
    fn invalid_python_formats_are_refused_with_the_reason() {
        for bad in [
            "%(message)",
            "%(message",
            "plain text",
            "%d %(message)s",
            "%(message)q",
            "{}",
            "x %",
        ] {
            assert!(Format::compile(bad, None).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_level_name_lower_cased_is_a_levelname_and_another_lower_case_word_is_not() {
        let f = "[%(name)s][%(levelname)s] %(message)s";
        let got = parse(f, None, "[cli][info] Found matching plugin").unwrap();
        assert_eq!(got[1], ("levelname".into(), s("info")));
        assert!(parse(f, None, "[cli][note] Found matching plugin").is_none());
        assert!(parse(f, None, "[cli][Info] Found matching plugin").is_none());
    }

    #[test]
    fn a_built_in_formats_logger_is_never_a_bracketed_field_or_a_number() {
        let f = Format::compile_strict("%(asctime)s %(name)s [%(levelname)s] %(message)s", None)
            .unwrap();
        assert!(
            f.match_record("2024-08-20 01:22:49,894 [MainThread] [INFO] scheduler:551: x")
                .is_none()
        );
        let f =
            Format::compile_strict("%(asctime)s %(levelname)s %(name)s %(message)s", None).unwrap();
        assert!(
            f.match_record("2025-05-10 12:18:17,765 INFO 112 myapp.payment Created")
                .is_none()
        );
        assert!(
            f.match_record("2025-05-10 12:18:17,765 INFO myapp.payment Created")
                .is_some()
        );
    }

    #[test]
    fn a_built_in_formats_logger_is_never_a_module_and_its_line() {
        let f =
            Format::compile_strict("%(asctime)s %(levelname)s %(name)s %(message)s", None).unwrap();
        for located in [
            "middleware:239",
            "app.py:12",
            "orders.api:run:7",
            "1f6:7f4e2b9c3740",
        ] {
            let line = format!("2025-03-08 17:36:15,477 ERROR {located} consumer assigned");
            assert!(f.match_record(&line).is_none(), "{line}");
        }
        assert!(
            f.match_record("2025-03-08 17:36:15,477 ERROR app:v2 consumer")
                .is_some()
        );
    }

    #[test]
    fn strict_formats_refuse_traceback_lines() {
        let f = Format::compile_strict("%(levelname)s:%(name)s:%(message)s", None).unwrap();
        assert!(f.starts("WARNING:root:careful"));
        assert!(f.starts("INFO:botocore.credentials:Found credentials"));
        assert!(!f.starts("ValueError: invalid literal"));
        assert!(!f.starts("KeyError:'x'"));
        assert!(!f.starts("ERROR: something"));
    }

    #[test]
    fn strict_formats_refuse_an_id_where_the_logger_goes() {
        // boto3's `%(asctime)s %(name)s [%(levelname)s]`, which Sematic's
        // `%(asctime)s %(request_id)s [%(levelname)s] %(name)s: ` would
        // otherwise fit with the request's id as the logger.
        let f = Format::compile_strict("%(asctime)s %(name)s [%(levelname)s] %(message)s", None)
            .unwrap();
        assert!(f.starts("2024-05-11 14:44:49,364 botocore.hooks [DEBUG] Event choose"));
        assert!(!f.starts("2024-05-11 14:44:49,364 000000000000000000005e3a71c29907 [INFO] x"));
        assert!(!f.starts("2024-05-11 14:44:49,364 4f9c2d1e-8a7b-4c3d-9e2f-1a2b3c4d5e6f [INFO] x"));
        // A configured format reads what it is told.
        let f = Format::compile("%(asctime)s %(name)s [%(levelname)s] %(message)s", None).unwrap();
        assert!(f.starts("2024-05-11 14:44:49,364 000000000000000000005e3a71c29907 [INFO] x"));
    }

    #[test]
    fn date_shapes_cover_common_directives() {
        let shape = |f: &str| DateShape::compile(Some(f)).unwrap();
        assert_eq!(
            shape("%d/%b/%Y:%H:%M:%S %z").match_len("11/May/2024:14:44:44 +0000 x"),
            Some(26)
        );
        assert_eq!(shape("%c").match_len("Sat May 11 14:44:44 2024"), Some(24));
        assert_eq!(shape("%s").match_len("1715438684 x"), Some(10));
        assert_eq!(shape("%H:%M:%S").match_len("14:44"), None);
    }

    #[test]
    fn a_zones_name_ends_where_a_bracket_closes_it() {
        // rotki's `[%(asctime)s]` with `%d/%m/%Y %H:%M:%S %Z`, and
        // USAspending's `(%Z)`: the bracket is the format's, not the zone's.
        let got = parse(
            "[%(asctime)s] %(levelname)s %(message)s",
            Some("%d/%m/%Y %H:%M:%S %Z"),
            "[25/05/2024 14:44:44 UTC] INFO started",
        )
        .unwrap();
        assert_eq!(got[0], ("asctime".into(), s("25/05/2024 14:44:44 UTC")));
        let shape = |f: &str| DateShape::compile(Some(f)).unwrap();
        assert_eq!(
            shape("%H:%M:%S (%Z)").match_len("14:44:55 (UTC)] x"),
            Some(14)
        );
        // A zone with no abbreviation prints its offset.
        assert_eq!(shape("%H:%M:%S %Z").match_len("14:44:55 +04 x"), Some(12));
    }

    #[test]
    fn pathological_lines_give_up_within_the_step_budget() {
        // Five adjacent lazy fields over 5,000 characters would take about
        // 5000^5 tries without the budget; with it, matching gives up.
        let f = Format::compile("%(a)s%(b)s%(c)s%(d)s%(e)sX", None).unwrap();
        let line = "a".repeat(5000);
        assert!(f.match_record(&line).is_none());
    }

    #[test]
    fn the_iso8601_datefmt_matches_what_custom_format_time_methods_write() {
        let fmt = "[%(asctime)s] {%(filename)s:%(lineno)d} %(levelname)s - %(message)s";
        for stamp in [
            "2024-05-11T14:44:45.123+0000",
            "2024-05-11T14:44:45.123456+00:00",
            "2024-05-11 14:44:45,123",
            "2024-05-11T14:44:45Z",
            "2024-05-11T14:44:45-0530",
            "2024-05-11T14:44:45",
            // The basic format (Electrum's).
            "20240511T144446.478000Z",
            "20240511T144446",
        ] {
            let line = format!("[{stamp}] {{dag.py:12}} INFO - started");
            let got = parse(fmt, Some("ISO8601"), &line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(got[0], ("asctime".to_owned(), s(stamp)));
            assert_eq!(got[3], ("levelname".to_owned(), s("INFO")));
        }
        for not_a_stamp in [
            "2024-05-11",
            "2024-05-11X14:44:45",
            "2024-05-11T14:44:45.",
            "20240511 144446",
            "20240511T1444",
        ] {
            let line = format!("[{not_a_stamp}] {{dag.py:12}} INFO - started");
            assert!(parse(fmt, Some("iso8601"), &line).is_none(), "{line}");
        }
    }

    #[test]
    fn a_fill_character_outside_ascii_pads_numbers_by_characters() {
        // Python: "{lineno:é>6}".format(lineno=42) == "éééé42".
        for (fmt, line, want) in [
            ("{lineno:é>6} {message}", "éééé42 hi", 42),
            ("{lineno:é<6} {message}", "42éééé hi", 42),
            ("{lineno:é^6} {message}", "éé42éé hi", 42),
        ] {
            let got = parse(fmt, None, line).unwrap_or_else(|| panic!("{fmt}: {line}"));
            assert_eq!(got[0], ("lineno".to_owned(), Value::Int(want)), "{fmt}");
            assert_eq!(got[1], ("message".to_owned(), s("hi")), "{fmt}");
        }
        // Truncated to a byte, `é` (U+00E9) would have matched 0xE9 bytes.
        assert!(
            parse(
                "{lineno:é>6} {message}",
                None,
                "\u{e9}\u{e9}\u{e9}\u{e9}4 hi"
            )
            .is_none()
        );
    }
}
