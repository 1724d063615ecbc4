//! What a format prints after the message: a place in the code
//! (` (app.py:42)`, ` [views:42]`, ` - handle:42`, `:/app/x.py:42`), a
//! function or thread in brackets, or the time (` [%(asctime)s]`). Read
//! from the line's end, before its head, so the message's own words are
//! never taken for a field.

use super::head::{HEAD_BYTES, Head, Part};
use super::lex::{Class, lex};
use super::marks::{all_digits, angle_word, ansi_len};
use super::role::{Role, is_identifier, is_thread_name, role};

/// Adds the message's place and the location printed after it.
pub(super) fn push_suffix<'a>(head: &mut Head<'a>, suffix: &'a str) {
    head.parts.push(Part::Message);
    head.texts.push("");
    head.roles.push(None);
    let toks = lex(suffix, HEAD_BYTES);
    for (k, t) in toks.iter().enumerate() {
        // `in`, `at` before the location are the format's own words.
        let lead = toks.get(k + 1).is_some_and(|n| n.class == Class::Space);
        // A lone word in the suffix's brackets is a function (` (%(funcName)s)`):
        // the logger's name leads a line, it doesn't end one.
        let r = match role(&toks, k) {
            Some(Role::NameSlot) => Some(Role::FuncName),
            r => r,
        }
        .or_else(|| {
            let word = t.class == Class::Word && is_identifier(t.text);
            word.then_some(if lead { Role::Key } else { Role::FuncName })
        });
        let (part, r) = match t.class {
            Class::Space => (Part::Space, None),
            Class::Punct => (Part::Lit(t.text.to_owned()), None),
            Class::Int => (Part::Int, r),
            Class::Date(l) => (Part::Date(l), Some(Role::Asctime)),
            Class::Msecs => (Part::Msecs, Some(Role::Msecs)),
            _ => (Part::Word, r),
        };
        head.parts.push(part);
        head.texts.push(t.text);
        head.roles.push(r);
    }
}

/// Where a location printed after the message starts (the space before
/// it): ` (app.py:42)`, ` [views:42]`, ` [in /app/x.py:42]`, ` {x.py:42}`,
/// ` (handle)`, ` [MainThread]`, ` - handle:42`, or the `"` closing a
/// `msg="…"`. What is inside brackets must be one location, maybe after
/// `in` or `at`: a message's own bracketed words have spaces or other
/// shapes.
pub(super) fn suffix_start(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let close = *b.last()?;
    if let Some(at) = colour_end(line) {
        // A location before the reset (dbterd's `%(message)s
        // (%(filename)s:%(lineno)d)\x1b[0m`) starts the suffix.
        return Some(suffix_start(&line[..at]).unwrap_or(at));
    }
    if close == b'"' {
        return line[..line.len() - 1]
            .contains("=\"")
            .then_some(line.len() - 1);
    }
    let open = match close {
        b')' => b'(',
        b']' => b'[',
        b'}' => b'{',
        _ => return dash_location(line).or_else(|| colon_location(line)),
    };
    let p = memchr::memrchr(open, &b[..b.len() - 1])?;
    if p == 0 || b[p - 1] != b' ' {
        return None;
    }
    let inner = &line[p + 1..line.len() - 1];
    let inner = inner
        .strip_prefix("in ")
        .or_else(|| inner.strip_prefix("at "))
        .unwrap_or(inner);
    // A separator of its own before the bracket (ADF's
    // `%(message)s | (%(filename)s:%(lineno)d)`).
    let start = match &line[..p - 1] {
        l if l.ends_with(" |") || l.ends_with(" -") => p - 3,
        _ => p - 1,
    };
    (location(inner) || timestamp(inner)).then_some(start)
}

/// Where the colour code that closes a line starts, on a line a colour
/// code opens: a formatter that colours its whole output (Ganga's
/// `ColourFormatter`, `\x1b[0;33mWARNING  …\x1b[0;0m`) ends every line so,
/// and the reset is no part of the message.
fn colour_end(line: &str) -> Option<usize> {
    if !line.starts_with("\x1b[") {
        return None;
    }
    closing_code(line).filter(|&at| at > 0)
}

/// Where a colour code that ends `s` starts.
fn closing_code(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.last() != Some(&b'm') {
        return None;
    }
    let at = memchr::memrchr(0x1b, b)?;
    (ansi_len(&b[at..]) == Some(b.len() - at)).then_some(at)
}

/// Whether a suffix is a bracketed timestamp (` [2024-05-11 14:44:48]`),
/// maybe before the colour code that closes a coloured line.
pub(super) fn timed(suffix: &str) -> bool {
    suffix[..closing_code(suffix).unwrap_or(suffix.len())]
        .trim_start_matches([' ', '|', '-'])
        .strip_prefix(['[', '('])
        .and_then(|s| s.strip_suffix([']', ')']))
        .is_some_and(timestamp)
}

/// A timestamp alone, maybe with its milliseconds: ` [%(asctime)s]` after
/// the message (Conan 1's `%(message)s [%(asctime)s]`).
fn timestamp(s: &str) -> bool {
    let toks = lex(s, HEAD_BYTES);
    match toks.as_slice() {
        [d] => matches!(d.class, Class::Date(_)),
        [d, sep, ms] => {
            matches!(d.class, Class::Date(_))
                && matches!(sep.text, "." | ",")
                && ms.class == Class::Msecs
        }
        _ => false,
    }
}

/// ` - handle:42` at the end of a line (with a line number: ` - word`
/// ends many a message).
fn dash_location(line: &str) -> Option<usize> {
    let p = line.rfind(" - ")?;
    let place = &line[p + 3..];
    (place.contains(':') && location(place)).then_some(p)
}

/// `:/app/x.py:handle:42` or `:/app/x.py:42` glued to the end of a line
/// (Dispatch's `%(levelname)s:%(message)s:%(pathname)s:%(funcName)s:
/// %(lineno)d`): an absolute path to a Python file, no message's words.
fn colon_location(line: &str) -> Option<usize> {
    let p = line.rfind(":/")?;
    let (path, after) = line[p + 1..].split_once(".py:")?;
    let placed = match after.split_once(':') {
        Some((function, n)) => is_identifier(function) && all_digits(n),
        None => all_digits(after),
    };
    (placed && !path.contains([' ', ':'])).then_some(p)
}

/// `app.py:42`, `/app/x.py:42`, `views:42`, `handle`, `MainThread`: one
/// place in the code, nothing else.
fn location(s: &str) -> bool {
    let (place, line) = match s.rsplit_once(':') {
        Some((p, n)) if all_digits(n) => (p, true),
        _ => (s, false),
    };
    let file = place.ends_with(".py") && !place.contains(' ');
    // `<module>`: the function of code at a module's top level.
    let code = place.starts_with('<') && angle_word(place.as_bytes()) == Some(place.len());
    file || is_thread_name(place)
        || (is_identifier(place) && (line || place.len() > 2))
        || (code && line)
}
