//! Words that hold two fields glued, which the lexer parts where Python's
//! fields would be: a place in the code and its line (`main@248`,
//! `|L175`), a process's name and its id, a logger and its level, a name
//! and the thread's after a `/`.

use super::levels::{LEVELS, is_cut_level};
use super::lex::{Class, Tok};
use super::marks::{all_digits, is_name};

/// The marks after which an `L` glued to a number is the format's letter
/// before a line (`|L175`), not a word's.
const LINE_MARKS: [&str; 4] = ["|", ":", "[", "("];

/// Whether a format's text ends with a mark and the `L` of a line after it
/// (`|L` in `|L%(lineno)d]`).
pub(super) fn line_letter(text: &str) -> bool {
    text.strip_suffix('L')
        .is_some_and(|m| LINE_MARKS.iter().any(|k| m.ends_with(k)))
}

/// A word with a `/` that parts two fields: `MainProcess-57/MainThread`,
/// `Image-1-64/MainThread` (a process's name and its id before the
/// thread's, indi-allsky's `%(processName)s-%(process)d/%(threadName)s`),
/// `INFO/MainProcess` (Celery's), `MainProcess/MainThread`, and a host or
/// a logger before a level (`ip-10-0-3-7/INFO/locust.main`,
/// `timesketch.tasks/INFO`). Pushes the first and returns where lexing
/// goes on; `None` for any other word.
pub(super) fn slashed<'a>(
    s: &'a str,
    i: usize,
    w: &'a str,
    toks: &mut Vec<Tok<'a>>,
) -> Option<usize> {
    let (left, rest) = w.split_once('/')?;
    if left.is_empty() {
        return None;
    }
    // A level after the `/` (Locust's `ip-10-0-3-7/INFO/locust.main`,
    // Timesketch's `%(name)s/%(levelname)s`): the word before it is a
    // host's or a logger's, whatever its digits.
    let level_next = rest
        .split_once('/')
        .is_some_and(|(l, _)| LEVELS.contains(&l))
        || LEVELS.contains(&rest);
    if !level_next && let Some(name) = named_pid(left) {
        let at = split_off(s, i, name, Class::Word, toks);
        let slash = i + left.len();
        toks.push(Tok {
            class: Class::Int,
            text: &s[at..slash],
        });
        toks.push(Tok {
            class: Class::Punct,
            text: &s[slash..=slash],
        });
        return Some(slash + 1);
    }
    let process =
        |l: &str| l == "MainProcess" || l.contains("Process-") || l.contains("PoolWorker-");
    if LEVELS.contains(&left) || is_cut_level(left) || process(left) {
        let class = if process(left) {
            Class::Word
        } else {
            Class::Level
        };
        return Some(split_off(s, i, left, class, toks));
    }
    level_next.then(|| split_off(s, i, left, Class::Word, toks))
}

/// `main@248`: a place in the code and its line, which `@` parts as `:`
/// does (mpp-solar's `%(funcName)s@%(lineno)d`, `%(filename)s@`): the
/// place and the `@` pushed, and where the line's digits start.
pub(super) fn at_line<'a>(
    s: &'a str,
    i: usize,
    w: &'a str,
    toks: &mut Vec<Tok<'a>>,
) -> Option<usize> {
    // Most words end in a letter: no search for them.
    if !w.as_bytes().last().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    // `|L175]`: an `L` glued to a line's number, right after a mark
    // (Soularr's `[%(levelname)s|%(module)s|L%(lineno)d]`), is the
    // format's own letter, as GitHub writes a line.
    let marked = || {
        toks.last()
            .is_some_and(|t| t.class == Class::Punct && LINE_MARKS.contains(&t.text))
    };
    if w.starts_with('L') && w.len() <= 7 && all_digits(&w[1..]) && marked() {
        toks.push(Tok {
            class: Class::Punct,
            text: &s[i..i + 1],
        });
        return Some(i + 1);
    }
    let (left, line) = w.rsplit_once('@')?;
    let digits = line.len() <= 6 && all_digits(line);
    (digits && !left.is_empty() && !left.contains('@'))
        .then(|| split_off(s, i, left, Class::Word, toks))
}

/// Pushes `left`, the start of the word at `i`, as a token of `class`,
/// and the one character after it; returns where lexing goes on.
pub(super) fn split_off<'a>(
    s: &'a str,
    i: usize,
    left: &'a str,
    class: Class,
    toks: &mut Vec<Tok<'a>>,
) -> usize {
    let at = i + left.len();
    toks.push(Tok { class, text: left });
    toks.push(Tok {
        class: Class::Punct,
        text: &s[at..at + 1],
    });
    at + 1
}

/// Two fields in one word, the first pushed with the character between
/// them, lexing going on at the second: a logger and its level
/// (`kafka.conn.INFO`, the Prometheus exporters' `%(name)s.%(levelname)s`),
/// the main process's name and its id (`MainProcess-48211`, Globus
/// Compute's `%(processName)s-%(process)d`; Python numbers only the names
/// it makes up, `Process-2`, `Thread-3`), or a thread's name and its id
/// (`TQS-139886964971072`, `%(threadName)s-%(thread)d`). `None` for any
/// other word.
pub(super) fn glued_field<'a>(
    s: &'a str,
    i: usize,
    w: &'a str,
    toks: &mut Vec<Tok<'a>>,
) -> Option<usize> {
    let b = w.as_bytes();
    let left = if b.last().is_some_and(u8::is_ascii_uppercase) {
        let (left, level) = w.rsplit_once('.')?;
        (!left.is_empty() && LEVELS.contains(&level)).then_some(left)?
    } else if b.last().is_some_and(u8::is_ascii_digit) {
        let (left, id) = w.rsplit_once('-')?;
        let main = matches!(left, "MainProcess" | "MainThread");
        // A thread's id has nine digits or more (`TQS-139886964971072`).
        let thread = id.len() >= 9 && is_name(left);
        ((main || thread) && all_digits(id)).then_some(left)?
    } else {
        return None;
    };
    Some(split_off(s, i, left, Class::Word, toks))
}

/// The process's name in `name-pid`: the main process's, or one
/// numbered already (`Image-1-64`), as Python numbers a name only once
/// (`Process-1`, then `Process-1:2` for its child).
fn named_pid(w: &str) -> Option<&str> {
    if !w.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (name, id) = w.rsplit_once('-')?;
    // A word of letters numbered once (`ForkPoolWorker-3`): no host's
    // name (`ip-10-0-3-7/INFO`).
    let numbered = name.split_once('-').is_some_and(|(n, d)| {
        n.starts_with(|c: char| c.is_ascii_alphabetic())
            && n.bytes().all(|c| c.is_ascii_alphabetic() || c == b'_')
            && all_digits(d)
    });
    (all_digits(id) && (name == "MainProcess" || numbered)).then_some(name)
}
