//! Python logging format strings, compiled once into matchers.
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
//! rest strings, with padding removed.

use std::borrow::Cow;

use crate::model::Value;

/// Python's default `datefmt` plus its default `,%03d` milliseconds
/// (`logging.Formatter.default_time_format` / `default_msec_format`).
pub const PYTHON_DEFAULT_DATEFMT: &str = "%Y-%m-%d %H:%M:%S";

/// Steps one match may take before it counts as no match. A normal line
/// takes one step per token; this only stops pathological backtracking.
const STEP_BUDGET: u32 = 4096;

/// Why a format string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("format {format:?} has no fields; Python's logging.Formatter refuses it too")]
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
pub enum Kind {
    Str,
    Int,
    Float,
    Message,
    Asctime,
}

impl Kind {
    fn of(name: &str) -> Kind {
        match name {
            "lineno" | "levelno" | "process" | "thread" => Kind::Int,
            "created" | "msecs" | "relativeCreated" => Kind::Float,
            "message" => Kind::Message,
            "asctime" => Kind::Asctime,
            _ => Kind::Str,
        }
    }
}

/// Which side padding goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Right,
    Center,
}

/// One `%(name)…` or `{name…}` field of a format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    pub kind: Kind,
    /// Minimum width in characters (0 = none).
    width: usize,
    align: Align,
    fill: char,
    /// Extra restrictions used by the built-in formats of auto-detection,
    /// which must not mistake a traceback line for a log line.
    strict: bool,
}

/// A compiled piece of a format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
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

/// One piece of a date shape.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DatePart {
    /// Exactly this many ASCII digits.
    Digits(u8),
    /// One or more digits (`%s`).
    ManyDigits,
    /// A space or digit, then a digit (`%e`, `%k`, `%l`).
    SpaceDigit,
    /// One or more ASCII letters (`%a`, `%b`, `%p`, …).
    Letters,
    /// `+HHMM` or `-HHMM`, optionally `+HH:MM` (`%z`).
    Offset,
    /// One or more non-space characters (`%Z` and anything unusual).
    Word,
    Literal(char),
    /// A whole ISO 8601 timestamp, for apps whose `formatTime` writes one
    /// (see [`ISO8601_DATEFMT`]).
    Iso8601,
}

/// The `datefmt` value that stands for ISO 8601 as custom `formatTime`
/// methods write it (Airflow's `TimezoneAware`, `datetime.isoformat()`):
/// `2024-05-11T14:44:45` or with a space, optional `.123` / `,123456`
/// fractions, and an optional `Z`, `+0000` or `+00:00`. No `datefmt` can
/// describe these: `%f` isn't `time.strftime`'s, and the fraction and
/// offset come and go.
pub const ISO8601_DATEFMT: &str = "iso8601";

/// The shape of `asctime`, compiled from a `datefmt`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateShape(Vec<DatePart>);

impl DateShape {
    /// Compiles a `datefmt` (`None` is Python's default, with `,mmm`).
    pub fn compile(datefmt: Option<&str>) -> Result<DateShape, FormatError> {
        if datefmt.is_some_and(|d| d.trim().eq_ignore_ascii_case(ISO8601_DATEFMT)) {
            return Ok(DateShape(vec![DatePart::Iso8601]));
        }
        let mut parts = Vec::new();
        let fmt = datefmt.unwrap_or(PYTHON_DEFAULT_DATEFMT);
        compile_date(fmt, &mut parts, 0).map_err(|why| FormatError::BadDatefmt {
            datefmt: fmt.to_owned(),
            why,
        })?;
        if datefmt.is_none() {
            parts.extend([DatePart::Literal(','), DatePart::Digits(3)]);
        }
        Ok(DateShape(parts))
    }

    /// Length in bytes of the date at the start of `s`, if there is one.
    fn match_len(&self, s: &str) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = 0;
        for part in &self.0 {
            match part {
                DatePart::Digits(n) => {
                    let n = *n as usize;
                    if b.len() < i + n || !b[i..i + n].iter().all(u8::is_ascii_digit) {
                        return None;
                    }
                    i += n;
                }
                DatePart::ManyDigits => i += run(&b[i..], |c| c.is_ascii_digit(), 1)?,
                DatePart::SpaceDigit => {
                    if b.len() < i + 2
                        || !(b[i] == b' ' || b[i].is_ascii_digit())
                        || !b[i + 1].is_ascii_digit()
                    {
                        return None;
                    }
                    i += 2;
                }
                DatePart::Letters => i += run(&b[i..], |c| c.is_ascii_alphabetic(), 1)?,
                DatePart::Word => i += run(&b[i..], |c| !c.is_ascii_whitespace(), 1)?,
                DatePart::Offset => {
                    let rest = &b[i..];
                    if rest.len() < 5 || !(rest[0] == b'+' || rest[0] == b'-') {
                        return None;
                    }
                    let hh = &rest[1..3];
                    let (mm, len) = if rest[3] == b':' {
                        (rest.get(4..6)?, 6)
                    } else {
                        (&rest[3..5], 5)
                    };
                    if !hh.iter().chain(mm).all(u8::is_ascii_digit) {
                        return None;
                    }
                    i += len;
                }
                DatePart::Iso8601 => i += iso8601_len(&b[i..])?,
                DatePart::Literal(c) => {
                    let mut buf = [0; 4];
                    let lit = c.encode_utf8(&mut buf).as_bytes();
                    if !b[i..].starts_with(lit) {
                        return None;
                    }
                    i += lit.len();
                }
            }
        }
        Some(i)
    }
}

/// Length of the ISO 8601 timestamp at the start of `b` (see
/// [`ISO8601_DATEFMT`]).
fn iso8601_len(b: &[u8]) -> Option<usize> {
    // YYYY-MM-DD?HH:MM:SS
    const SHAPE: &[u8; 19] = b"dddd-dd-dd?dd:dd:dd";
    if b.len() < SHAPE.len() {
        return None;
    }
    for (&c, &want) in b.iter().zip(SHAPE) {
        let ok = match want {
            b'd' => c.is_ascii_digit(),
            b'?' => c == b'T' || c == b' ',
            _ => c == want,
        };
        if !ok {
            return None;
        }
    }
    let mut i = SHAPE.len();
    if matches!(b.get(i), Some(b'.' | b',')) {
        let n = run(&b[i + 1..], |c| c.is_ascii_digit(), 1)?;
        i += 1 + n.min(9);
    }
    match b.get(i) {
        Some(b'Z') => i += 1,
        Some(b'+' | b'-') => {
            let hh = b.get(i + 1..i + 3)?;
            if !hh.iter().all(u8::is_ascii_digit) {
                return None;
            }
            i += 3;
            let colon = usize::from(b.get(i) == Some(&b':'));
            if let Some(mm) = b.get(i + colon..i + colon + 2)
                && mm.iter().all(u8::is_ascii_digit)
            {
                i += colon + 2;
            }
        }
        _ => {}
    }
    Some(i)
}

/// Length of the run of bytes matching `pred` at the start, if at least `min`.
fn run(b: &[u8], pred: impl Fn(u8) -> bool, min: usize) -> Option<usize> {
    let n = b.iter().take_while(|&&c| pred(c)).count();
    (n >= min).then_some(n)
}

fn compile_date(fmt: &str, parts: &mut Vec<DatePart>, depth: u8) -> Result<(), &'static str> {
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            parts.push(DatePart::Literal(c));
            continue;
        }
        let Some(mut d) = chars.next() else {
            return Err("ends with a lone %");
        };
        // glibc modifiers: %-d, %_d, %0d, %Ey, %Od change padding or locale.
        let mut unpadded = false;
        while matches!(d, '-' | '_' | '0' | '^' | '#' | 'E' | 'O') {
            unpadded |= matches!(d, '-' | '_');
            d = chars.next().ok_or("ends inside a directive")?;
        }
        // In the C locale, which Lambda uses, composites expand like this.
        let composite = match d {
            'c' => Some("%a %b %e %H:%M:%S %Y"),
            'D' | 'x' => Some("%m/%d/%y"),
            'T' | 'X' => Some("%H:%M:%S"),
            'R' => Some("%H:%M"),
            'F' => Some("%Y-%m-%d"),
            'r' => Some("%I:%M:%S %p"),
            _ => None,
        };
        if let Some(expansion) = composite {
            if depth > 2 {
                return Err("nested too deeply");
            }
            compile_date(expansion, parts, depth + 1)?;
            continue;
        }
        parts.push(match d {
            _ if unpadded && d.is_ascii_alphabetic() => DatePart::ManyDigits,
            'Y' | 'G' => DatePart::Digits(4),
            'm' | 'd' | 'H' | 'M' | 'S' | 'I' | 'y' | 'U' | 'W' | 'V' | 'C' | 'g' => {
                DatePart::Digits(2)
            }
            'j' => DatePart::Digits(3),
            'u' | 'w' => DatePart::Digits(1),
            'e' | 'k' | 'l' => DatePart::SpaceDigit,
            's' => DatePart::ManyDigits,
            'a' | 'A' | 'b' | 'B' | 'h' | 'p' | 'P' => DatePart::Letters,
            'z' => DatePart::Offset,
            'n' => DatePart::Literal('\n'),
            't' => DatePart::Literal('\t'),
            '%' => DatePart::Literal('%'),
            _ => DatePart::Word,
        });
    }
    Ok(())
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
}

/// Where each field of a match lies in the text, by token index.
pub type Spans = Vec<(usize, usize, usize)>;

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
        let mut tokens = if fmt.contains("%(") || !fmt.contains('{') {
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
        let mut keys: Vec<String> = Vec::new();
        let mut key_tokens = Vec::new();
        let mut message = None;
        for (i, t) in merged.iter_mut().enumerate() {
            if let Token::Field(f) = t {
                f.strict = strict;
                if f.kind == Kind::Message && message.is_none() {
                    message = Some(i);
                }
                if !keys.contains(&f.name) {
                    keys.push(f.name.clone());
                    key_tokens.push(i);
                }
            }
        }
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
            tokens: merged,
            keys,
            key_tokens,
            message,
        })
    }

    /// Whether the format begins with `message`, so every line "starts" a
    /// record of it (`%(message)s`: gunicorn's access log, Django's
    /// console handler). Such a format can't tell where a record starts;
    /// the parser weighs other evidence for it.
    pub fn is_catch_all(&self) -> bool {
        self.message == Some(0)
    }

    /// The tokens, for tests and diagnostics.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Whether `line` begins a record of this format: every token before
    /// `message` matches (all of them when there is no message field).
    /// Only looks at one line.
    pub fn starts(&self, line: &str) -> bool {
        let end = self.message.unwrap_or(self.tokens.len());
        let mut spans = Vec::new();
        Walk::new(self, end, line, &mut spans, end == self.tokens.len()).at(0, 0)
    }

    /// Matches a whole record text (which may span lines, inside `message`
    /// only) and returns its fields' spans.
    pub fn match_record(&self, text: &str) -> Option<Spans> {
        let mut spans = Vec::with_capacity(self.keys.len());
        self.match_record_into(text, &mut spans).then_some(spans)
    }

    /// Like [`Format::match_record`], into a buffer the caller reuses, so
    /// the hot path allocates nothing here.
    pub fn match_record_into(&self, text: &str, spans: &mut Spans) -> bool {
        spans.clear();
        Walk::new(self, self.tokens.len(), text, spans, true).at(0, 0)
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
                Kind::Int => typed_int(raw),
                Kind::Float => typed_float(raw),
                _ if raw == "None" && NULLABLE.contains(&key.as_str()) => Value::Null,
                _ => Value::Str(match &text {
                    Cow::Borrowed(t) => Cow::Borrowed(&t[a + ra..a + rb]),
                    Cow::Owned(_) => Cow::Owned(raw.to_owned()),
                }),
            };
            out.push((Cow::Borrowed(key.as_str()), value));
        }
        out
    }
}

/// One match in progress: tokens `..end` of `format` against `text`
/// (to its end when `whole`), pushing field spans, within a step budget.
struct Walk<'f, 't, 's> {
    format: &'f Format,
    end: usize,
    text: &'t str,
    spans: &'s mut Spans,
    budget: u32,
    whole: bool,
}

impl<'f, 't, 's> Walk<'f, 't, 's> {
    fn new(
        format: &'f Format,
        end: usize,
        text: &'t str,
        spans: &'s mut Spans,
        whole: bool,
    ) -> Self {
        Walk {
            format,
            end,
            text,
            spans,
            budget: STEP_BUDGET,
            whole,
        }
    }

    /// Whether tokens `i..end` match the text from `pos`.
    fn at(&mut self, i: usize, pos: usize) -> bool {
        if self.budget == 0 {
            return false;
        }
        self.budget -= 1;
        if i == self.end {
            return !self.whole || pos == self.text.len();
        }
        match &self.format.tokens[i] {
            Token::Literal(lit) => {
                self.text[pos..].starts_with(lit.as_str()) && self.at(i + 1, pos + lit.len())
            }
            Token::Field(f) => self.field(i, f, pos),
        }
    }

    /// Field `i` taking `len` bytes from `pos`, then the rest.
    fn take(&mut self, i: usize, pos: usize, mark: usize, len: usize) -> bool {
        self.spans.truncate(mark);
        self.spans.push((i, pos, pos + len));
        self.at(i + 1, pos + len)
    }

    fn field(&mut self, i: usize, f: &Field, pos: usize) -> bool {
        let rest = &self.text[pos..];
        let mark = self.spans.len();
        match f.fixed_len(rest, &self.format.date) {
            Some(Some(len)) => return self.take(i, pos, mark, len),
            Some(None) => return false,
            None => {}
        }
        // Free text: message (greedy, may span lines) or a string field
        // (lazy, one line).
        let Some(min) = byte_len_of_chars(rest, f.width) else {
            return false;
        };
        if min > rest.len() {
            return false;
        }
        // Only `message` may span lines. For other fields, where the line
        // ends is looked up only when needed.
        let limit = || {
            if f.kind == Kind::Message {
                rest.len()
            } else {
                memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())
            }
        };
        let last = i + 1 == self.end;
        match self.format.tokens.get(i + 1).filter(|_| !last) {
            None if self.whole => {
                // The last token takes the rest.
                let limit = limit();
                limit == rest.len() && f.value_ok(&rest[..limit]) && self.take(i, pos, mark, limit)
            }
            None => {
                // Prefix check: the field is last before `message` with
                // nothing between; any valid start will do.
                let limit = limit();
                (min.max(1)..=limit.min(min + 64))
                    .find(|&e| rest.is_char_boundary(e) && f.value_ok(&rest[..e]))
                    .is_some_and(|e| self.take(i, pos, mark, e))
            }
            Some(Token::Literal(lit)) if f.kind == Kind::Message => {
                self.message_before(i, pos, mark, min, lit.len())
            }
            Some(Token::Literal(lit)) => self.lazy_before(i, f, pos, mark, min, lit.len()),
            Some(Token::Field(_)) => {
                let limit = limit();
                self.adjacent(i, f, pos, mark, min, limit)
            }
        }
    }

    /// `message` up to the literal after it: the last occurrence first.
    fn message_before(
        &mut self,
        i: usize,
        pos: usize,
        mark: usize,
        min: usize,
        lit_len: usize,
    ) -> bool {
        let Some(finder) = &self.format.finders[i + 1] else {
            return false;
        };
        let hay = &self.text.as_bytes()[pos..];
        let mut cut = hay.len();
        while let Some(q) = finder.1.rfind(&hay[..cut]) {
            if q < min {
                break;
            }
            if self.take(i, pos, mark, q) {
                return true;
            }
            if self.budget == 0 || q == 0 {
                return false;
            }
            cut = q + lit_len - 1;
        }
        false
    }

    /// A string field up to the literal after it, on its line: the first
    /// occurrence first.
    fn lazy_before(
        &mut self,
        i: usize,
        f: &Field,
        pos: usize,
        mark: usize,
        min: usize,
        lit_len: usize,
    ) -> bool {
        let Some(finder) = &self.format.finders[i + 1] else {
            return false;
        };
        let rest = &self.text[pos..];
        let hay = rest.as_bytes();
        let single = (lit_len == 1).then(|| finder.0.needle()[0]);
        let mut from = min;
        loop {
            let found = match single {
                Some(b) => memchr::memchr(b, &hay[from..]),
                None => finder.0.find(&hay[from..]),
            };
            let Some(q) = found.map(|q| from + q) else {
                return false;
            };
            // A field other than message ends on its line.
            if memchr::memchr(b'\n', &hay[..q]).is_some() || !f.value_ok(&rest[..q]) {
                return false;
            }
            if self.take(i, pos, mark, q) {
                return true;
            }
            if self.budget == 0 {
                return false;
            }
            from = q + rest[q..].chars().next().map_or(1, char::len_utf8);
        }
    }

    /// Adjacent fields: every split, lazily (greedy for message), within
    /// the step budget.
    fn adjacent(
        &mut self,
        i: usize,
        f: &Field,
        pos: usize,
        mark: usize,
        min: usize,
        limit: usize,
    ) -> bool {
        if min > limit {
            return false;
        }
        let rest = &self.text[pos..];
        let greedy = f.kind == Kind::Message;
        for k in 0..=limit - min {
            let e = if greedy { limit - k } else { min + k };
            if !rest.is_char_boundary(e) || !f.value_ok(&rest[..e]) {
                continue;
            }
            if self.take(i, pos, mark, e) {
                return true;
            }
            if self.budget == 0 {
                return false;
            }
        }
        false
    }
}

/// String fields that Python sets to `None` when the information is off
/// (`logging.logThreads = False` etc., or outside an asyncio task).
const NULLABLE: &[&str] = &["taskName", "processName", "threadName"];

fn typed_int(raw: &str) -> Value<'static> {
    raw.parse::<i64>().map_or(Value::Null, Value::Int)
}

fn typed_float(raw: &str) -> Value<'static> {
    raw.parse::<f64>().map_or(Value::Null, Value::Float)
}

/// Length of a float's fraction and exponent after its integer digits.
fn float_tail_len(b: &[u8]) -> usize {
    let mut i = 0;
    if b.first() == Some(&b'.') {
        i += 1 + run(&b[1..], |c| c.is_ascii_digit(), 0).unwrap_or(0);
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'-' || b[j] == b'+') {
            j += 1;
        }
        if let Some(n) = run(&b[j..], |c| c.is_ascii_digit(), 1) {
            i = j + n;
        }
    }
    i
}

/// Byte length of the first `n` chars of `s`, if it has that many.
fn byte_len_of_chars(s: &str, n: usize) -> Option<usize> {
    if n == 0 {
        return Some(0);
    }
    match s.char_indices().nth(n) {
        Some((i, _)) => Some(i),
        None => (s.chars().count() == n).then_some(s.len()),
    }
}

impl Field {
    /// For fields with a fixed shape (dates and numbers): `Some(Some(len))`
    /// if `rest` starts with one, `Some(None)` if it doesn't. `None` for free
    /// text.
    fn fixed_len(&self, rest: &str, date: &DateShape) -> Option<Option<usize>> {
        match self.kind {
            Kind::Asctime => Some(date.match_len(rest)),
            Kind::Int | Kind::Float => Some(self.number_len(rest)),
            Kind::Str | Kind::Message => None,
        }
    }

    /// Matches a padded number: fill, sign, digits (and for floats a
    /// fraction and exponent), fill, with the padded length equal to the
    /// width unless the number alone is wider. `None` also matches, as
    /// Python writes it for `process`/`thread` when they are off.
    fn number_len(&self, rest: &str) -> Option<usize> {
        let b = rest.as_bytes();
        // The fill as bytes: `{lineno:é>6}` pads with a two-byte character,
        // and widths count characters.
        let mut buf = [0; 4];
        let fill = self.fill.encode_utf8(&mut buf).as_bytes();
        let mut i = 0;
        let mut lead = 0;
        if self.width > 0 && self.align != Align::Left && fill != b"0" {
            while b[i..].starts_with(fill) {
                i += fill.len();
                lead += 1;
            }
        }
        let start = i;
        if b[i..].starts_with(b"None") {
            i += 4;
        } else {
            if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
                i += 1;
            }
            let digits = run(&b[i..], |c| c.is_ascii_digit(), 1)?;
            i += digits;
            if self.kind == Kind::Float {
                i += float_tail_len(&b[i..]);
            }
        }
        // Sign, digits and `None` are ASCII: bytes are characters.
        let value_len = i - start;
        let mut chars = lead + value_len;
        if self.align != Align::Right && chars < self.width {
            let pad = self.width - chars;
            let tail = b.get(i..i + pad * fill.len())?;
            if !tail.chunks(fill.len()).all(|c| c == fill) {
                return None;
            }
            i += tail.len();
            chars += pad;
        }
        let padded_ok = chars == self.width.max(value_len) || (self.width == 0 && lead == 0);
        padded_ok.then_some(i)
    }

    /// Removes padding from a matched value.
    fn unpad<'t>(&self, v: &'t str) -> &'t str {
        let (a, b) = self.unpad_range(v);
        &v[a..b]
    }

    /// The byte range of a matched value without its padding. Zero fill on
    /// numbers is left for the number parser, which reads `007` as 7.
    fn unpad_range(&self, v: &str) -> (usize, usize) {
        if self.width == 0 || (self.fill == '0' && matches!(self.kind, Kind::Int | Kind::Float)) {
            return (0, v.len());
        }
        let start = match self.align {
            Align::Right | Align::Center => v.len() - v.trim_start_matches(self.fill).len(),
            Align::Left => 0,
        };
        let end = match self.align {
            Align::Left | Align::Center => v.trim_end_matches(self.fill).len(),
            Align::Right => v.len(),
        };
        (start, end.max(start))
    }

    /// Checks on a candidate value that keep a continuation line (say
    /// `ValueError: x`) from being read as the start of a record.
    ///
    /// `levelname` must look like a level in every format: a standard name,
    /// Python's `Level N`, or an upper-case word such as a custom `NOTICE`.
    /// Strict (built-in) formats also refuse spaces in `name` and
    /// `aws_request_id`.
    fn value_ok(&self, v: &str) -> bool {
        let v = self.unpad(v);
        match self.name.as_str() {
            "levelname" => is_level_name(v),
            "name" | "aws_request_id" if self.strict => {
                !v.is_empty() && !v.contains(char::is_whitespace)
            }
            _ => true,
        }
    }
}

/// Whether `v` can be a `levelname`.
fn is_level_name(v: &str) -> bool {
    if let Some(n) = v.strip_prefix("Level ") {
        return !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit() || c == b'-');
    }
    let b = v.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_uppercase()
        && b.iter()
            .all(|&c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_' || c == b'-')
}

fn bad(fmt: &str, at: usize, why: &'static str) -> FormatError {
    FormatError::BadField {
        format: fmt.to_owned(),
        at,
        why,
    }
}

/// What follows `%(name)`: flags, width, precision, length modifiers and
/// the conversion, from byte `i`; the field and where it ends.
fn percent_spec(
    fmt: &str,
    at: usize,
    name: &str,
    mut i: usize,
) -> Result<(Field, usize), FormatError> {
    let b = fmt.as_bytes();
    let mut align = Align::Right;
    let mut fill = ' ';
    while let Some(&c) = b.get(i) {
        match c {
            b'-' => align = Align::Left,
            b'0' => fill = '0',
            b'#' | b'+' | b' ' => {}
            _ => break,
        }
        i += 1;
    }
    if align == Align::Left {
        fill = ' ';
    }
    let wstart = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    if b.get(i) == Some(&b'*') {
        return Err(bad(fmt, at, "* width needs positional arguments"));
    }
    let width = fmt[wstart..i].parse().unwrap_or(0);
    if b.get(i) == Some(&b'.') {
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
    }
    // Length modifiers are accepted and ignored by Python.
    while matches!(b.get(i), Some(b'h' | b'l' | b'L')) {
        i += 1;
    }
    let Some(&conv) = b.get(i) else {
        return Err(bad(
            fmt,
            at,
            "missing conversion character (such as s or d)",
        ));
    };
    if !b"diouxXeEfFgGcrsa".contains(&conv) {
        return Err(bad(fmt, at, "unknown conversion character"));
    }
    let mut kind = Kind::of(name);
    // A number formatted as hex, octal or a char isn't decimal text.
    if matches!(conv, b'x' | b'X' | b'o' | b'c') && matches!(kind, Kind::Int | Kind::Float) {
        kind = Kind::Str;
    }
    let field = Field {
        name: name.to_owned(),
        kind,
        width,
        align,
        fill,
        strict: false,
    };
    Ok((field, i + 1))
}

/// `%(name)[flags][width][.precision]conversion`, as Python's `%` operator
/// reads it, and `%%`.
fn compile_percent(fmt: &str) -> Result<Vec<Token>, FormatError> {
    let mut tokens = Vec::new();
    let mut lit = String::new();
    let b = fmt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let Some(off) = fmt[i..].find('%') else {
            lit.push_str(&fmt[i..]);
            break;
        };
        lit.push_str(&fmt[i..i + off]);
        let at = i + off;
        i = at + 1;
        match b.get(i) {
            Some(b'%') => {
                lit.push('%');
                i += 1;
                continue;
            }
            Some(b'(') => {}
            Some(_) => {
                return Err(bad(
                    fmt,
                    at,
                    "Python's logging needs %(name)s fields, not positional %",
                ));
            }
            None => return Err(bad(fmt, at, "ends with a lone %")),
        }
        // Python allows nested parentheses in the key; logging never uses them.
        let close = fmt[i..]
            .find(')')
            .ok_or_else(|| bad(fmt, at, "unclosed %("))?;
        let name = &fmt[i + 1..i + close];
        if name.is_empty() {
            return Err(bad(fmt, at, "empty field name"));
        }
        i += close + 1;
        let (field, next) = percent_spec(fmt, at, name, i)?;
        i = next;
        tokens.push(Token::Literal(std::mem::take(&mut lit)));
        tokens.push(Token::Field(field));
    }
    tokens.push(Token::Literal(lit));
    Ok(tokens)
}

/// `{name[!conv][:spec]}` and `{{`/`}}`, as `str.format` reads them.
fn compile_brace(fmt: &str) -> Result<Vec<Token>, FormatError> {
    let mut tokens = Vec::new();
    let mut lit = String::new();
    let mut chars = fmt.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|p| p.1) == Some('{') => {
                chars.next();
                lit.push('{');
            }
            '}' if chars.peek().map(|p| p.1) == Some('}') => {
                chars.next();
                lit.push('}');
            }
            '}' => return Err(bad(fmt, at, "single } outside a field")),
            '{' => {
                let close = fmt[at..]
                    .find('}')
                    .ok_or_else(|| bad(fmt, at, "unclosed {"))?;
                let inner = &fmt[at + 1..at + close];
                while chars.peek().is_some_and(|&(j, _)| j <= at + close) {
                    chars.next();
                }
                let (head, spec) = inner.split_once(':').unwrap_or((inner, ""));
                let (name, conversion) = head.split_once('!').unwrap_or((head, "s"));
                // As Python's `StrFormatStyle.validate`: a wrong conversion
                // fails at start-up rather than matching nothing forever.
                if !matches!(conversion, "r" | "s" | "a") {
                    return Err(bad(fmt, at, "conversion must be !r, !s or !a"));
                }
                if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    return Err(bad(fmt, at, "field must be a name, like {levelname}"));
                }
                tokens.push(Token::Literal(std::mem::take(&mut lit)));
                tokens.push(Token::Field(brace_spec(name, spec)));
            }
            c => lit.push(c),
        }
    }
    tokens.push(Token::Literal(lit));
    Ok(tokens)
}

/// A `{name:spec}` field: fill, alignment, sign, zero padding and width,
/// as `str.format` reads them.
fn brace_spec(name: &str, spec: &str) -> Field {
    let kind = Kind::of(name);
    let numeric = matches!(kind, Kind::Int | Kind::Float);
    let (mut fill, mut align) = (' ', if numeric { Align::Right } else { Align::Left });
    let mut rest = spec;
    let mut sc = spec.chars();
    let first = sc.next();
    let second = sc.next();
    let align_of = |c: char| match c {
        '<' => Some(Align::Left),
        '>' | '=' => Some(Align::Right),
        '^' => Some(Align::Center),
        _ => None,
    };
    if let (Some(f), Some(a)) = (first, second.and_then(align_of)) {
        fill = f;
        align = a;
        rest = &spec[f.len_utf8() + 1..];
    } else if let Some(a) = first.and_then(align_of) {
        align = a;
        rest = &spec[1..];
    }
    let rest = rest.trim_start_matches(['+', '-', ' ', 'z', '#']);
    let rest = if let Some(r) = rest.strip_prefix('0') {
        if first.and_then(align_of).is_none() && second.and_then(align_of).is_none() {
            fill = '0';
            align = Align::Right;
        }
        r
    } else {
        rest
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    Field {
        name: name.to_owned(),
        kind,
        width: rest[..digits].parse().unwrap_or(0),
        align,
        fill,
        strict: false,
    }
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
    fn strict_formats_refuse_traceback_lines() {
        let f = Format::compile_strict("%(levelname)s:%(name)s:%(message)s", None).unwrap();
        assert!(f.starts("WARNING:root:careful"));
        assert!(f.starts("INFO:botocore.credentials:Found credentials"));
        assert!(!f.starts("ValueError: invalid literal"));
        assert!(!f.starts("KeyError:'x'"));
        assert!(!f.starts("ERROR: something"));
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
        ] {
            let line = format!("[{stamp}] {{dag.py:12}} INFO - started");
            let got = parse(fmt, Some("ISO8601"), &line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(got[0], ("asctime".to_owned(), s(stamp)));
            assert_eq!(got[3], ("levelname".to_owned(), s("INFO")));
        }
        for not_a_stamp in ["2024-05-11", "2024-05-11X14:44:45", "2024-05-11T14:44:45."] {
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
