//! What a token of a line's head is, by its own shape and its
//! neighbours': the `LogRecord` attribute it suggests, or none.

use super::ids::{is_id, is_ipv4, thread_hex};
use super::known::is_top_logger;
use super::lex::{Class, Tok, is_cut_level, is_known_level, opens};
use super::marks::all_digits;

/// What a token's own shape (and its neighbours) says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Role {
    Asctime,
    Msecs,
    Level,
    Pathname,
    Filename,
    /// A word before `:` and a line number.
    Module,
    FuncName,
    ThreadName,
    ProcessName,
    TaskName,
    /// A dotted logger name, `root` or `__main__`.
    Name,
    /// A second dotted word of two parts after a logger's name: the
    /// module and the function (`payment.authorize`).
    ModuleFunc,
    /// A single word where a logger name goes: alone in brackets, last in
    /// the head's bracket, or before `: ` after other fields.
    NameSlot,
    Lineno,
    /// A single word after other fields that is followed by `: ` (and
    /// then the message), or stands between two copies of a separator
    /// such as ` | `: a logger name, most likely, but a message can start
    /// so too, so one line alone doesn't show it.
    NameGuess,
    /// A word right before `=`: the format's own `key=` text.
    Key,
    /// A number alone in brackets (`[31204]`): a process id, most often.
    Bracketed,
    /// Nine or more digits: a thread id.
    ThreadId,
    Created,
    RelativeCreated,
    /// A request, correlation or trace id (a UUID, or 16 or more hex
    /// digits): a custom field's value, never a message's first word.
    Id,
}

/// The role a token's shape suggests, with its neighbours to go by; `None`
/// for a token that could as well be a message's first word.
pub(super) fn role(toks: &[Tok<'_>], i: usize) -> Option<Role> {
    let mut t = toks[i];
    t.text = t.text.trim_matches(' ');
    if t.class == Class::Word && keyed_at(toks, i) {
        return Some(Role::Key);
    }
    if let Some(k) = key_before(toks, i) {
        return valued(toks[k].text, t);
    }
    let prev = i.checked_sub(1).map(|j| toks[j]);
    let next = toks.get(i + 1).copied();
    let next2 = toks.get(i + 2).copied();
    let alone = prev.is_some_and(|p| opens(&p)) && next.is_some_and(|n| pairs(prev, n));
    match t.class {
        Class::Date(_) => Some(Role::Asctime),
        Class::Msecs => Some(Role::Msecs),
        Class::Level => Some(Role::Level),
        Class::Float => float_role(t.text),
        Class::Int if spaced_line(toks, i) => Some(Role::Lineno),
        Class::Int => int_role(toks, i, prev, next, next2, alone),
        Class::Word if spaced_function(toks, i) => Some(Role::FuncName),
        // A level cut to one or two letters (`%(levelname).1s`).
        Class::Word if is_cut_level(t.text) => Some(Role::Level),
        // A level lower-cased (Streamlink's `[cli][info]`, bmaptool's
        // `info: `), in brackets of its own or before a colon.
        Class::Word
            if super::super::LOWER_LEVELS.contains(&t.text)
                && (alone
                    || next.is_some_and(|n| n.text == ":")
                        && next2.is_some_and(|n| n.class == Class::Space)) =>
        {
            Some(Role::Level)
        }
        Class::Word => {
            // Past a line number's padding (`common: 1196]`, as `role`
            // reads the number).
            // Before `|L175` as before `:175` (Soularr's `|L%(lineno)d`):
            // the lexer parts that `L` only after a mark.
            let letter = Tok {
                class: Class::Punct,
                text: "L",
            };
            if toks.get(i + 2) == Some(&letter) {
                let colon = Tok {
                    class: Class::Punct,
                    text: ":",
                };
                return word_role(t.text, prev, Some(colon), toks.get(i + 3).copied(), alone);
            }
            let next2 = if padded_line(toks, i + 1) {
                toks.get(i + 3).copied()
            } else {
                next2
            };
            word_role(t.text, prev, next, next2, alone)
        }
        Class::Space | Class::Punct => None,
    }
}

/// The role of the number at `i`, from its neighbours: a line number after
/// a place in the code, a process's id after `PID:` or a thread's name, a
/// thread's id by its length, or a bracketed number.
fn int_role(
    toks: &[Tok<'_>],
    i: usize,
    prev: Option<Tok<'_>>,
    next: Option<Tok<'_>>,
    next2: Option<Tok<'_>>,
    alone: bool,
) -> Option<Role> {
    let t = toks[i];
    let padded = i >= 2 && padded_line(toks, i - 2);
    let colon = padded || prev.is_some_and(|p| matches!(p.text, ":" | "@"));
    // Where the number would stand unpadded: right after the colon.
    let i = if padded { i - 1 } else { i };
    // `name::func::42` (Label Studio's) too.
    // An address's port is no line (IRRd's `10.0.4.17:51200: `).
    let word_at = |j: usize| {
        toks.get(j)
            .is_some_and(|t| t.class == Class::Word && !is_ipv4(t.text))
    };
    // `file.py:func():42` (KServe's, W&B's) too.
    let called =
        |j: usize| j >= 2 && toks[j].text == ")" && toks[j - 1].text == "(" && word_at(j - 2);
    let after_word = colon
        && i >= 2
        && (word_at(i - 2)
            || (toks[i - 2].text == ":" && i >= 3 && word_at(i - 3))
            || called(i - 2));
    // Before a thread's name too (subscription-manager's
    // `%(cmd_name)s:%(process)d:%(threadName)s`).
    let thread_next = next.is_some_and(|n| n.text == ":")
        && next2.is_some_and(|n| n.class == Class::Word && is_thread_name(n.text));
    if after_word
        && (toks[i - 2].text.eq_ignore_ascii_case("pid")
            || is_thread_name(toks[i - 2].text)
            || thread_next)
    {
        // `[PID:%(process)d]` (Redash's), `%(threadName)s:%(process)d`
        // (W&B's `MainThread:7`): no line of code.
        Some(Role::Bracketed)
    } else if after_word {
        Some(Role::Lineno)
    } else if t.text.trim_matches(' ').len() >= 9 {
        Some(Role::ThreadId)
    } else {
        alone.then_some(Role::Bracketed)
    }
}

/// Whether token `j` is a file's name, `app.py`.
fn file_at(toks: &[Tok<'_>], j: usize) -> bool {
    toks.get(j).is_some_and(|t| {
        let w = t.text.trim_matches(' ');
        t.class == Class::Word && w.len() > 3 && w.ends_with(".py")
    })
}

/// Whether word `i` is a function's name between a file's and a number,
/// spaced, the number then followed by no word (Hedy's `%(filename)s
/// %(funcName)s %(lineno)d <%(levelname)s>: `): a message's words after a
/// file's name go on in words (`app.py processed 7 rows`).
fn spaced_function(toks: &[Tok<'_>], i: usize) -> bool {
    let class = |j: usize| toks.get(j).map(|t| t.class);
    let ended = match class(i + 3) {
        Some(Class::Punct | Class::Level) => true,
        Some(Class::Space) => matches!(class(i + 4), Some(Class::Punct | Class::Level)),
        _ => false,
    };
    i >= 2
        && is_identifier(toks[i].text.trim_matches(' '))
        && class(i - 1) == Some(Class::Space)
        && file_at(toks, i - 2)
        && class(i + 1) == Some(Class::Space)
        && class(i + 2) == Some(Class::Int)
        && ended
}

/// Whether number `i` follows a function's name after a file's, spaced
/// (`app.py main 27`): its line. After a file's name alone a number may be
/// a message's first word; only the stream's lines together show it is a
/// line (`columns`).
fn spaced_line(toks: &[Tok<'_>], i: usize) -> bool {
    i >= 2 && toks[i - 1].class == Class::Space && spaced_function(toks, i - 2)
}

/// Whether the `:` at `colon` stands before a number padded to a width
/// and closed right after (caproto's `[… %(module)12s:%(lineno)5d]`,
/// `common: 1196]`): a line number, where a message never stands.
fn padded_line(toks: &[Tok<'_>], colon: usize) -> bool {
    let class = |j: usize| toks.get(j).map(|t| t.class);
    toks.get(colon).is_some_and(|t| t.text == ":")
        && class(colon + 1) == Some(Class::Space)
        && class(colon + 2) == Some(Class::Int)
        && toks
            .get(colon + 3)
            .is_some_and(|t| matches!(t.text, "]" | ")"))
}

/// Seconds since the epoch (`%(created)f`, or `{created}` as `str()`
/// prints it) or since start-up (`%(relativeCreated)f`).
fn float_role(text: &str) -> Option<Role> {
    let (int, frac) = text.split_once('.')?;
    match (int.len(), frac.len()) {
        (10, 1..=7) => Some(Role::Created),
        (_, 6) => Some(Role::RelativeCreated),
        _ => None,
    }
}

/// The role of a value printed after `key=`, from the key's usual names
/// (`logger=`, `level=`, `pid=`, …); `None` when the value doesn't fit.
pub(super) fn valued(key: &str, t: Tok<'_>) -> Option<Role> {
    let w = t.text;
    let key = key.to_ascii_lowercase();
    match (key.as_str(), t.class) {
        (_, Class::Date(_)) => Some(Role::Asctime),
        (_, Class::Level) => Some(Role::Level),
        (_, Class::Float) => float_role(w),
        ("logger" | "logger_name" | "name" | "log" | "n", Class::Word)
            if is_identifier(w) || is_dotted(w) =>
        {
            Some(Role::Name)
        }
        ("thread" | "threadname", Class::Word) if is_thread_name(w) => Some(Role::ThreadName),
        ("process" | "processname", Class::Word) if is_process_name(w) => Some(Role::ProcessName),
        ("pid" | "p", Class::Int) => Some(Role::Bracketed),
        // asyncio's task, or `None` outside one (`%(taskName)s`).
        ("task" | "taskname", Class::Word) if w == "None" || numbered(w, "Task-") => {
            Some(Role::TaskName)
        }
        ("tid", Class::Int) => Some(Role::ThreadId),
        ("line", Class::Int) => Some(Role::Lineno),
        ("in", Class::Word) => Some(Role::FuncName),
        ("module", Class::Word) => Some(Role::Module),
        ("func" | "function" | "funcname", Class::Word) => Some(Role::FuncName),
        // A path under any key is `%(pathname)s`: a file's name has no
        // `/` (pycsw's `file=%(pathname)s`).
        (_, Class::Word) if w.ends_with(".py") => Some(if w.starts_with('/') {
            Role::Pathname
        } else {
            Role::Filename
        }),
        _ => None,
    }
}

/// The index of the format's own key that token `i` is the value of:
/// `key=value`, `key:value` in a list, `[Label: value`, `[key value]`.
pub(super) fn key_before(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    let spaced = i >= 3 && toks[i - 1].class == Class::Space && toks[i - 2].text == ":";
    let k = if spaced { i - 3 } else { i.checked_sub(2)? };
    (toks[k].class == Class::Word && keyed_at(toks, k)).then_some(k)
}

/// Words a format writes as a label before a field's value, in brackets.
const LABELS: [&str; 10] = [
    "File", "Func", "Function", "Line", "Logger", "Module", "PID", "Process", "TID", "Thread",
];

/// Whether `w` is a word formats write as a label before a value.
pub(super) fn is_label(w: &str) -> bool {
    LABELS.contains(&w)
}

/// Whether token `i` is the format's own key before a value: `key=`;
/// `key:` in a comma-separated list (Galaxy's `[pN:%(processName)s,p:
/// %(process)d,tN:%(threadName)s]`), which `name:lineno` never is; a
/// label in `LABELS` that opens a bracket (`[File: `); a lower-case
/// word before one value in brackets (`[user %(userid)s]`); or `ID`,
/// `PID` or `TID` before a number, brackets or none (`ID 1 `).
pub(super) fn keyed_at(toks: &[Tok<'_>], i: usize) -> bool {
    let text = |j: usize| toks.get(j).map(|t| t.text);
    match text(i + 1) {
        Some("=") => true,
        Some(":") => {
            let before = i.checked_sub(1).and_then(text);
            let after = text(i + 3);
            let listed = matches!(
                (before, after),
                (Some("[" | ","), Some(",")) | (Some(","), Some("]"))
            );
            // A label that opens a bracket: Prowler's `[File: %(filename)s:
            // %(lineno)d] [Module: %(module)s]`.
            let labelled = matches!(before, Some("[" | "(" | "{"))
                && LABELS.contains(&toks[i].text)
                && toks.get(i + 2).is_some_and(|t| t.class == Class::Space);
            listed || labelled
        }
        // A lower-case label and one value in brackets: Open edX's
        // `[user %(userid)s] [ip %(remoteip)s]`; or a label of `LABELS`
        // (Remoulade's `[PID %(process)d]`). Not a one-logger app's
        // name before a field that shows itself (`[app INFO]`, `[app
        // MainThread]`).
        Some(" ") if line_in_function(toks, i) => true,
        Some(_) => {
            let w = toks[i].text;
            let value = toks.get(i + 2).is_some_and(|t| {
                matches!(t.class, Class::Word | Class::Int | Class::Float)
                    && !is_thread_name(t.text)
                    && !is_process_name(t.text)
            });
            // Or a process's id label before a number, unbracketed
            // (jobflow-remote's `[%(levelname)s] ID 1 %(name)s: `, its pid
            // written in).
            let id = matches!(w, "ID" | "PID" | "TID")
                && toks.get(i + 2).is_some_and(|t| t.class == Class::Int)
                && text(i + 3) == Some(" ");
            toks[i + 1].class == Class::Space
                && (id
                    || i.checked_sub(1).and_then(text) == Some("[")
                        && text(i + 3) == Some("]")
                        && value
                        && w.len() >= 2
                        && (w.bytes().all(|c| c.is_ascii_lowercase()) || LABELS.contains(&w)))
        }
        None => false,
    }
}

/// Whether word `i` is a label of `Line %(lineno)d in %(funcName)s: `
/// (Covalent's): `Line` before a number and `in`, or that `in` before a
/// function's name and its colon or brackets. Only the two together: a
/// message may start with either.
fn line_in_function(toks: &[Tok<'_>], i: usize) -> bool {
    let text = |j: usize| toks.get(j).map(|t| t.text);
    let line = |j: usize| {
        toks[j].text.eq_ignore_ascii_case("line")
            && toks.get(j + 2).is_some_and(|t| t.class == Class::Int)
            && text(j + 3) == Some(" ")
            && text(j + 4) == Some("in")
            && text(j + 5) == Some(" ")
            && toks
                .get(j + 6)
                .is_some_and(|t| t.class == Class::Word && is_identifier(t.text))
            && matches!(text(j + 7), Some(":" | "("))
    };
    line(i) || (toks[i].text == "in" && i >= 4 && line(i - 4))
}

/// Whether `open` (before a token) and `close` (after it) are a bracket
/// pair.
pub(super) fn pairs(open: Option<Tok<'_>>, close: Tok<'_>) -> bool {
    matches!(
        (open.map(|t| t.text), close.text),
        (Some("["), "]") | (Some("("), ")") | (Some("{"), "}") | (Some("<"), ">")
    )
}

pub(super) fn word_role(
    w: &str,
    prev: Option<Tok<'_>>,
    next: Option<Tok<'_>>,
    next2: Option<Tok<'_>>,
    alone: bool,
) -> Option<Role> {
    let located = next.is_some_and(|n| matches!(n.text, ":" | "@"))
        && next2.is_some_and(|n| n.class == Class::Int);
    if w.ends_with(".py") && w.len() > 3 {
        return Some(if w.starts_with('/') {
            Role::Pathname
        } else {
            Role::Filename
        });
    }
    // A thread's id in hex (`%(thread)x`), before an id's shape.
    if thread_hex(w) {
        return Some(Role::ThreadId);
    }
    // An id, or a colour code that a format prints as a field.
    if is_id(w) || w.starts_with('\x1b') {
        return Some(Role::Id);
    }
    if w.starts_with('<')
        || next.is_some_and(|n| n.text == "(") && next2.is_some_and(|n| n.text == ")")
    {
        return Some(Role::FuncName);
    }
    // A logger before a function that only Python names so, `<module>` or
    // `<lambda>` (`app.<module>`): `%(name)s.%(funcName)s`.
    if next.is_some_and(|n| n.text == ".")
        && next2.is_some_and(|n| n.text.starts_with('<') && n.text.ends_with('>'))
        && (is_identifier(w) || is_dotted(w))
    {
        return Some(Role::Name);
    }
    if is_thread_name(w) {
        return Some(Role::ThreadName);
    }
    if is_process_name(w) {
        return Some(Role::ProcessName);
    }
    if numbered(w, "Task-") {
        return Some(Role::TaskName);
    }
    let dotted = is_dotted(w);
    // A word before `:` and digits is a place in the code, not an address
    // and port (`10.0.3.7:51234` in an access log).
    // An upper-case word is a format's own label (`[PID:%(process)d]`).
    // So is a lower-case `pid:` (Faraday's `[pid:%(process)d]`).
    let label =
        w.len() > 1 && w.bytes().all(|c| c.is_ascii_uppercase()) || matches!(w, "pid" | "tid");
    if located && !label && (dotted || is_identifier(w)) {
        return Some(if dotted || is_top_logger(w) {
            Role::Name
        } else {
            Role::Module
        });
    }
    if dotted || w == "root" || w == "__main__" {
        return Some(Role::Name);
    }
    let closing = next.is_some_and(|n| matches!(n.text, "]" | ")" | ">" | "}"));
    if is_identifier(w) && (alone || closing) {
        return Some(Role::NameSlot);
    }
    let _ = prev;
    None
}

/// `prefix` and digits.
pub(super) fn numbered(w: &str, prefix: &str) -> bool {
    w.strip_prefix(prefix).is_some_and(all_digits)
}

/// The names `threading` gives threads: `MainThread`, `Thread-3`,
/// `Thread-3 (worker)`, `ThreadPoolExecutor-0_0`, `Dummy-1`, `asyncio_0`.
pub(super) fn is_thread_name(w: &str) -> bool {
    w == "MainThread"
        || numbered(w, "Thread-")
        || numbered(w, "Dummy-")
        || numbered(w, "asyncio_")
        || (w.starts_with("Thread-") && w.ends_with(')'))
        || w.strip_prefix("ThreadPoolExecutor-").is_some_and(|n| {
            n.split('_').count() == 2 && n.bytes().all(|c| c.is_ascii_digit() || c == b'_')
        })
}

/// The names `multiprocessing` gives processes: `MainProcess`,
/// `ForkPoolWorker-2`, `SpawnProcess-1`, `Process-1:2`.
pub(super) fn is_process_name(w: &str) -> bool {
    if w == "MainProcess" {
        return true;
    }
    let Some((kind, n)) = w.split_once('-') else {
        return false;
    };
    let numbered = !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit() || c == b':');
    numbered
        && matches!(
            kind,
            "Process"
                | "ForkProcess"
                | "SpawnProcess"
                | "ForkServerProcess"
                | "PoolWorker"
                | "ForkPoolWorker"
                | "SpawnPoolWorker"
                | "ForkServerPoolWorker"
                | "SyncManager"
        )
}

pub(super) fn is_identifier(w: &str) -> bool {
    let b = w.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_alphabetic() || b[0] == b'_')
        && b.iter()
            .all(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
}

/// `orders.api`, `app.db_pool.v2`: two or more identifiers joined by dots.
pub(super) fn is_dotted(w: &str) -> bool {
    w.contains('.') && w.split('.').all(is_identifier)
}

/// Whether a role names a `LogRecord` attribute a format prints once.
pub(super) fn unique(r: Role) -> bool {
    !matches!(
        r,
        Role::NameSlot | Role::NameGuess | Role::Bracketed | Role::Key | Role::Id
    )
}

/// Whether the next token after `i` that is no space or punctuation has a
/// role only a format gives (a timestamp, a level, a thread id, a file).
pub(super) fn next_evident(toks: &[Tok<'_>], i: usize) -> bool {
    let Some(j) =
        (i + 1..toks.len()).find(|&j| !matches!(toks[j].class, Class::Space | Class::Punct))
    else {
        return false;
    };
    matches!(
        role(toks, j),
        Some(
            Role::Asctime
                | Role::Level
                | Role::ThreadId
                | Role::ThreadName
                | Role::ProcessName
                | Role::Filename
                | Role::Pathname
                | Role::Created
                | Role::Id
        )
    )
}

/// The separator before or after token `i`: the spaces and punctuation
/// between it and the next word.
pub(super) fn separator<'a>(toks: &[Tok<'a>], range: impl Iterator<Item = usize>) -> Vec<&'a str> {
    range
        .map_while(|j| {
            toks.get(j)
                .filter(|t| matches!(t.class, Class::Space | Class::Punct))
        })
        .map(|t| t.text)
        .collect()
}

/// Whether word `i` stands between two copies of a separator that has
/// punctuation in it (` | `, ` - `, ` :: `): a column of a format whose
/// fields are all separated so, as `%(name)s` is in
/// `%(asctime)s | %(levelname)s | %(name)s | %(message)s`.
pub(super) fn between_separators(toks: &[Tok<'_>], i: usize) -> bool {
    // Padding may have gone into the value before: compare the
    // punctuation only.
    // Brackets close the field before and open the one after; the
    // separator is what stands between them.
    let marks = |v: Vec<&str>| -> Vec<String> {
        v.into_iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| {
                !t.is_empty()
                    && !matches!(t.as_str(), "]" | ")" | "}" | ">" | "[" | "(" | "{" | "<")
            })
            .collect()
    };
    let mut before = separator(toks, (0..i).rev());
    before.reverse();
    let (before, after) = (marks(before), marks(separator(toks, i + 1..toks.len())));
    !before.is_empty() && before == after && is_identifier(toks[i].text.trim_matches(' '))
}

/// Whether word `i` is followed by `: ` or `:` at the end, as
/// `%(name)s: %(message)s` writes.
pub(super) fn before_colon(toks: &[Tok<'_>], i: usize) -> bool {
    let colon = toks.get(i + 1).is_some_and(|t| t.text == ":");
    let then = toks.get(i + 2).is_none_or(|t| t.class == Class::Space);
    colon && then && is_identifier(toks[i].text.trim_matches(' '))
}

/// Whether word `i` is followed by ` - ` or ` | `, as `%(name)s -
/// %(message)s` writes (Grader Service's `%(module)-13s | `, the bar
/// right before the message).
pub(super) fn before_dash(toks: &[Tok<'_>], i: usize) -> bool {
    let text = |j: usize| toks.get(j).map(|t| t.text);
    let spaced = |j: usize| toks.get(j).is_some_and(|t| t.class == Class::Space);
    spaced(i + 1)
        && matches!(text(i + 2), Some("-" | "|"))
        && spaced(i + 3)
        && is_identifier(toks[i].text.trim_matches(' '))
}

/// Whether a text is a standard level name (not cut).
pub(super) fn is_full_level(t: &str) -> bool {
    is_known_level(t) || t.starts_with("Level ")
}
