//! Matching a line against a compiled format: one walk over the tokens,
//! dates and numbers by their shape, `message` greedily, other strings
//! lazily up to the next literal, within a step budget.

use super::date::{DateShape, run};
use super::{Align, COLOUR_CODE, Field, FieldType, Format, STEP_BUDGET, Spans, Token};

/// One match in progress: tokens `..end` of `format` against `text`
/// (to its end when `whole`), pushing field spans, within a step budget.
pub(super) struct Walk<'f, 't, 's> {
    format: &'f Format,
    end: usize,
    text: &'t str,
    spans: &'s mut Spans,
    budget: u32,
    whole: bool,
}

impl<'f, 't, 's> Walk<'f, 't, 's> {
    pub(super) fn new(
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
    /// Walks the whole format from the line's start, past its colour codes
    /// first where the format opens with them.
    #[inline(always)]
    pub(super) fn run(&mut self) -> bool {
        if self.format.colour_lead {
            return self.past_colour();
        }
        self.at(0, 0)
    }

    /// `run` past the colour codes that open the line, out of line.
    #[inline(never)]
    fn past_colour(&mut self) -> bool {
        let Some(n) = colour_run_len(self.text.as_bytes()) else {
            return false;
        };
        self.spans.push((0, 0, n));
        self.at(1, n)
    }

    pub(super) fn at(&mut self, i: usize, pos: usize) -> bool {
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
            if f.kind == FieldType::Message {
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
            Some(Token::Literal(lit))
                if f.kind == FieldType::Message || self.format.split_last[i] =>
            {
                self.last_before(i, f, pos, mark, min, lit.len())
            }
            Some(Token::Literal(lit)) => self.lazy_before(i, f, pos, mark, min, lit.len()),
            Some(Token::Field(_)) => {
                let limit = limit();
                self.adjacent(i, f, pos, mark, min, limit)
            }
        }
    }

    /// A free-text field up to the literal after it, the last occurrence
    /// first: `message` anywhere (it may span lines), a custom field on
    /// its line and only where its value is one.
    fn last_before(
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
        let message = f.kind == FieldType::Message;
        let rest = &self.text[pos..];
        let end = if message {
            rest.len()
        } else {
            memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())
        };
        let hay = &rest.as_bytes()[..end];
        let mut cut = hay.len();
        while let Some(q) = finder.1.rfind(&hay[..cut]) {
            if q < min {
                return false;
            }
            if (message || f.value_ok(&rest[..q])) && self.take(i, pos, mark, q) {
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
            if memchr::memchr(b'\n', &hay[..q]).is_some() {
                return false;
            }
            // A repr'd string ends with its closing quote, and the
            // separator may stand inside it (`'a - b' - msg`).
            if !f.value_ok(&rest[..q]) {
                if !f.repr {
                    return false;
                }
                from = q + 1;
                continue;
            }
            // `Thread-3 (worker)` is one thread name (Python 3.10+).
            if f.name == "threadName" && thread_target_len(rest).is_some_and(|n| n > q) {
                from = q + 1;
                continue;
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
        let greedy = f.kind == FieldType::Message;
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

/// Whether field `i` is a custom one (no `LogRecord` attribute, whose
/// shapes are known) followed by whitespace and another free-text
/// field that something else follows: then nothing says where the
/// first ends, and the split is at the last separator that lets the
/// line match (`%(request)s %(message)s %(status)d` on `GET /b done
/// 201`). Before a message that ends the line, or after a separator
/// with punctuation (`[%(request_id)s] %(message)s (%(funcName)s)`),
/// a custom field (an id) ends at the first: the message is the text
/// that has separators in it.
pub(super) fn free_text_after(tokens: &[Token], i: usize, f: &Field) -> bool {
    let spaced = matches!(tokens.get(i + 1),
        Some(Token::Literal(l)) if !l.is_empty() && l.bytes().all(|c| c == b' ' || c == b'\t'));
    if !spaced {
        return false;
    }
    let free = |t: Option<&Token>| match t {
        Some(Token::Field(g)) => match g.kind {
            FieldType::Message => i + 3 < tokens.len(),
            FieldType::Str => !g.repr && !super::RECORD_STRINGS.contains(&g.name.as_str()),
            _ => false,
        },
        _ => false,
    };
    f.kind == FieldType::Str
        && !f.repr
        && !super::RECORD_STRINGS.contains(&f.name.as_str())
        && free(tokens.get(i + 2))
}

/// Length of `Thread-3 (worker)` at the start of `s`: the name Python
/// 3.10+ gives a thread with a target, which has a space in it. Shared
/// with inference, which reads it as one token.
pub(super) fn thread_target_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("Thread-")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest[digits..].strip_prefix(" (")?;
    let name = after
        .bytes()
        .take_while(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
        .count();
    (digits > 0 && name > 0 && after.as_bytes().get(name) == Some(&b')'))
        .then_some("Thread-".len() + digits + 2 + name + 1)
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

/// The length of the ANSI colour code (SGR) `b` starts with: ESC, `[`,
/// digits and semicolons, `m`.
pub(super) fn ansi_len(b: &[u8]) -> Option<usize> {
    let body = b
        .get(2..)?
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == b';');
    let n = 2 + body.count();
    (b.starts_with(b"\x1b[") && b.get(n) == Some(&b'm')).then_some(n + 1)
}

/// The length of the colour codes `b` starts with, one at least: what
/// `%(ansi_colour)s` reads. Out of line: the hot walk over other fields
/// stays as small as it was.
#[inline(never)]
fn colour_run_len(b: &[u8]) -> Option<usize> {
    let mut n = 0;
    while let Some(len) = b.get(n..).and_then(ansi_len) {
        n += len;
    }
    (n > 0).then_some(n)
}

impl Field {
    /// For fields with a fixed shape (dates and numbers): `Some(Some(len))`
    /// if `rest` starts with one, `Some(None)` if it doesn't. `None` for free
    /// text.
    fn fixed_len(&self, rest: &str, date: &DateShape) -> Option<Option<usize>> {
        match self.kind {
            FieldType::Asctime => Some(date.match_len(rest)),
            FieldType::Int | FieldType::Float => Some(self.number_len(rest)),
            FieldType::Str | FieldType::Message => None,
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
            if self.radix != 10 && matches!(b.get(i..i + 2), Some(b"0x" | b"0X" | b"0o" | b"0b")) {
                i += 2;
            }
            let radix = self.radix;
            let digits = run(&b[i..], |c| char::from(c).is_digit(radix), 1)?;
            i += digits;
            if self.kind == FieldType::Float {
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
    pub(super) fn unpad_range(&self, v: &str) -> (usize, usize) {
        if self.width == 0
            || (self.fill == '0' && matches!(self.kind, FieldType::Int | FieldType::Float))
        {
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
    /// `levelname` must look like a level in every format: a standard name
    /// (or one lower-cased), Python's `Level N`, or an upper-case word such
    /// as a custom `NOTICE`.
    /// Strict (built-in) formats also refuse spaces in `name` and
    /// `aws_request_id`.
    fn value_ok(&self, v: &str) -> bool {
        let v = self.unpad(v);
        match self.name.as_str() {
            "levelname" => is_level_name(v),
            "name" if self.strict => {
                // A logger name: no spaces, something alphanumeric in it,
                // and not a word of a message's `word: ` (`billing:`) or a
                // separator (`-`); nor another field an app's own format
                // put there: a bracketed one (`[MainThread]`, `[21]`), a
                // number (a process id), a place in the code (`api:239`,
                // `app.py:12`: `%(module)s:%(lineno)d` before the message)
                // or ids (`1f6:7f4e2b9c3740`, `%(process)x:%(thread)x`),
                // which start or end with a digit, as few names do.
                // Nor a request's or trace's id (Sematic's `%(request_id)s`
                // before `[%(levelname)s]`): no logger is named so.
                let b = v.as_bytes();
                !v.is_empty()
                    && !v.contains(char::is_whitespace)
                    && (b.len() < 16 || !super::infer::is_id(v))
                    && v.bytes().any(|c| c.is_ascii_alphanumeric())
                    && !v.ends_with([':', ','])
                    && !v.starts_with(['[', '(', '<', '{'])
                    && !v.bytes().all(|c| c.is_ascii_digit())
                    && !((b[0].is_ascii_digit() || b[b.len() - 1].is_ascii_digit())
                        && memchr::memchr(b':', b).is_some_and(|at| ids_or_place(v, at)))
            }
            "aws_request_id" if self.strict => !v.is_empty() && !v.contains(char::is_whitespace),
            _ if self.repr && v.starts_with(['\'', '"']) => super::repr::literal(v).is_some(),
            // `LogRecord`'s own names are never empty (the root logger is
            // `root`); an indented source line must not read as one.
            "name" | "filename" | "pathname" | "threadName" | "processName" => !v.is_empty(),
            // A file's stem: no space, and no `:` (an exception line,
            // `TimeoutError: …`, is not a record of `%(module)s %(message)s`).
            "module" => !v.is_empty() && !v.contains([' ', '\t', ':']),
            // A function's name (a code object's) has no dot or space, so
            // `%(name)s.%(funcName)s` splits a dotted logger at its last
            // dot.
            "funcName" => !v.is_empty() && !v.contains(['.', ' ']),
            // Colour codes only, so it never swallows text it would not
            // write.
            COLOUR_CODE => colour_run_len(v.as_bytes()) == Some(v.len()),
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
    if b.first().is_some_and(u8::is_ascii_lowercase) {
        return super::LOWER_LEVELS.contains(&v);
    }
    !b.is_empty()
        && b[0].is_ascii_uppercase()
        && b.iter()
            .all(|&c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_' || c == b'-')
}

/// Whether `v`, with its first `:` at `at`, is a place in the code
/// (`api:239`, a line number last) or ids (`1f6:7f4e2b9c3740`, a hex
/// number first: one decimal digit at least, as a word of the letters
/// alone, `cafe`, may be a name). Only names with a colon pay for this.
fn ids_or_place(v: &str, at: usize) -> bool {
    let b = v.as_bytes();
    let first = &b[..at];
    let hex = first.iter().any(u8::is_ascii_digit) && first.iter().all(u8::is_ascii_hexdigit);
    let last = memchr::memrchr(b':', b).map_or(b.len(), |k| k + 1);
    let line = last < b.len() && b[last..].iter().all(u8::is_ascii_digit);
    hex || line
}
