//! Which `LogRecord` attribute a column of numbers is, from what every
//! line of a group shows: a line number, a thread or process id, a level's
//! number, or milliseconds since start-up.

use std::collections::HashMap;

use super::build::{distinct, roles};
use super::glued::line_letter;
use super::head::{Head, Part};
use super::role::Role;

/// The levels' numbers, for `%(levelno)d`.
const LEVEL_NUMBERS: [&str; 5] = ["10", "20", "30", "40", "50"];

/// The attributes an integer column `i` may be, most likely first;
/// `after_place`: the field named before it is the function or module.
pub(super) fn int_attribute(
    heads: &[&Head<'_>],
    i: usize,
    roles: &[Role],
    column: &[&str],
    after_place: bool,
) -> &'static [&'static str] {
    let all = |r: Role| roles.len() == heads.len() && roles.iter().all(|x| *x == r);
    // `L175`: a line as GitHub writes it (Soularr's `|L%(lineno)d]`).
    let lettered = i >= 1 && matches!(&heads[0].parts[i - 1], Part::Lit(t) if line_letter(t));
    if roles.contains(&Role::Lineno) || lettered {
        return &["lineno"];
    }
    if keyed_pid(heads, i) {
        return &["process"];
    }
    if all(Role::ThreadId) {
        return &["thread"];
    }
    if before_thread(heads, i, column) {
        return &["process"];
    }
    let levels = column.iter().all(|t| LEVEL_NUMBERS.contains(t));
    if levels && (distinct(column) > 1 || heads[0].parts.contains(&Part::Level)) {
        return &["levelno"];
    }
    // Right after the function or the module the format printed
    // (QCoDeS's `%(module)s ¦ %(funcName)s ¦ %(lineno)d ¦ `), where it
    // logged from, however few places log; before a thread's id it was
    // the process (Django's verbose `%(module)s %(process)d %(thread)d`).
    if after_place {
        return &["lineno"];
    }
    // Right after a function's or a file's name (pika's `%(funcName) -35s
    // %(lineno) -5d: `, Conan's `%(filename)-15s[%(lineno)d]`), where it
    // logged from, though one place or a rising run of them logged every
    // line.
    if after(heads, i, &[Role::FuncName, Role::Filename]) {
        return &["lineno"];
    }
    let same = column.iter().all(|t| *t == column[0]);
    if same && heads.len() > 1 {
        return &["process"];
    }
    // Between the time and the level, where no place in the code stands
    // (Zeyple's `%(asctime)s %(process)s %(levelname)s`, one process a
    // mail): ids that each come back.
    if (between_time_and_level(heads, i)
        || between_logger_and_level(heads, i)
        || between_level_and_logger(heads, i))
        && distinct(column) * 2 <= column.len()
    {
        return &["process"];
    }
    if growing(column) {
        return &["relativeCreated"];
    }
    // A number that differs on most lines right after the logger's name
    // is where it logged from (`%(name)s - %(lineno)d - `, Synapse's).
    // Or one that each logger has of its own, some more than one
    // (matrix-webhook's `%(name)s - %(lineno)d - `, few places logging): a
    // process prints its id under each of its loggers.
    let placed = column.len() >= 3 && after_logger(heads, i);
    if placed && (distinct(column) * 2 > column.len() || loggers_own(heads, i, column)) {
        return &["lineno"];
    }
    // Or after a place in the code, the fields between (ThingsBoard's
    // `[%(filename)s] - %(module)s - %(funcName)s - %(lineno)d - `): a
    // stream's process ids come back, where a third of lines differ.
    if distinct(column) * 3 > column.len() && column.len() >= 3 && placed_before(heads, i) {
        return &["lineno"];
    }
    if roles.contains(&Role::Bracketed) {
        return &["process"];
    }
    &[]
}

/// Whether column `i` is under a process id's key: `pid=30` is a process
/// id, though 30 is also WARNING's number.
fn keyed_pid(heads: &[&Head<'_>], i: usize) -> bool {
    i >= 2
        && matches!(&heads[0].parts[i - 1], Part::Lit(t) if t == "=")
        && matches!(heads[0].texts[i - 2].trim(), "pid" | "p")
}

/// Whether column `i` stands right before a thread's id (`%(process)d
/// %(thread)d`, Django's "verbose", Tryton's, or `%(process)d:%(thread)d`),
/// whatever processes the stream shows, or before a thread's name (Fix
/// Inventory's `%(process)d|%(threadName)10s`), few processes as it shows.
fn before_thread(heads: &[&Head<'_>], i: usize, column: &[&str]) -> bool {
    let parts = &heads[0].parts;
    let between = |p: Option<&Part>| {
        matches!(p, Some(Part::Space)) || matches!(p, Some(Part::Lit(t)) if t == ":")
    };
    let next_role = |r: Role| {
        heads
            .iter()
            .map(move |h| h.roles.get(i + 2) == Some(&Some(r)))
    };
    let thread_next = between(parts.get(i + 1))
        && parts.get(i + 2) == Some(&Part::Int)
        && next_role(Role::ThreadId).all(|b| b);
    let name_next = matches!(parts.get(i + 1), Some(Part::Space | Part::Lit(_)))
        && parts.get(i + 2) == Some(&Part::Word)
        && next_role(Role::ThreadName).any(|b| b)
        && !growing(column);
    thread_next || name_next
}

/// Whether column `i` stands right between the time (or its
/// milliseconds) and the level, past the text between them, or leads the
/// line before the level (mwmbl's `%(process)d:%(levelname)s:`).
fn between_time_and_level(heads: &[&Head<'_>], i: usize) -> bool {
    let parts = &heads[0].parts;
    let (before, after) = fields_beside(parts, i);
    before.is_none_or(|j| matches!(parts[j], Part::Date(_) | Part::Msecs))
        && after.is_some_and(|j| parts[j] == Part::Level)
}

/// The fields right before and right after part `i`, past the text and
/// blanks between them.
fn fields_beside(parts: &[Part], i: usize) -> (Option<usize>, Option<usize>) {
    let field = |j: &usize| !matches!(parts[*j], Part::Lit(_) | Part::Space);
    ((0..i).rev().find(field), (i + 1..parts.len()).find(field))
}

/// Whether column `i` stands between the logger's name and the level,
/// apart from each by blanks alone (Rucio's `%(name)s\t%(process)d\t
/// %(levelname)s`): a line number follows its logger after a colon.
fn between_logger_and_level(heads: &[&Head<'_>], i: usize) -> bool {
    let parts = &heads[0].parts;
    i >= 2
        && parts[i - 1] == Part::Space
        && parts.get(i + 1) == Some(&Part::Space)
        && parts.get(i + 2) == Some(&Part::Level)
        && after_logger(heads, i)
}

/// Whether column `i` stands right after the level and before the
/// logger's name, past the text between them (Open edX xqueue's
/// `%(levelname)s %(process)d [%(name)s]`): no place in the code stands
/// before the logger.
fn between_level_and_logger(heads: &[&Head<'_>], i: usize) -> bool {
    let parts = &heads[0].parts;
    let (before, after) = fields_beside(parts, i);
    before.is_some_and(|j| parts[j] == Part::Level)
        && after.is_some_and(|j| roles(heads, j).contains(&Role::Name))
}

/// Whether a file's or a path's name stands before column `i`.
fn placed_before(heads: &[&Head<'_>], i: usize) -> bool {
    (0..i).any(|j| {
        roles(heads, j)
            .iter()
            .any(|r| matches!(r, Role::Filename | Role::Pathname))
    })
}

/// Whether each number of column `i` stands under one logger only (the
/// field before it), loggers two at least and some with more numbers
/// than one: where each logger logged from, not the process they share.
fn loggers_own(heads: &[&Head<'_>], i: usize, column: &[&str]) -> bool {
    let Some(j) = fields_beside(&heads[0].parts, i).0 else {
        return false;
    };
    let mut owner: HashMap<&str, &str> = HashMap::new();
    for (h, n) in heads.iter().zip(column) {
        let Some(logger) = h.texts.get(j).map(|t| t.trim()) else {
            return false;
        };
        if *owner.entry(n.trim()).or_insert(logger) != logger {
            return false;
        }
    }
    let loggers = distinct(&owner.values().copied().collect::<Vec<_>>());
    loggers >= 2 && owner.len() > loggers
}

/// Whether the field before column `i`, past the text between them, is
/// the logger's name.
fn after_logger(heads: &[&Head<'_>], i: usize) -> bool {
    after(heads, i, &[Role::Name])
}

/// Whether the field before column `i`, past the text between them, has
/// one of the roles `rs` on some line.
fn after(heads: &[&Head<'_>], i: usize, rs: &[Role]) -> bool {
    fields_beside(&heads[0].parts, i)
        .0
        .is_some_and(|j| roles(heads, j).iter().any(|r| rs.contains(r)))
}

/// Whether a float shows `%f`'s six decimals.
pub(super) fn six_decimals(t: &str) -> bool {
    t.trim().split_once('.').is_some_and(|(_, f)| f.len() == 6)
}

/// Milliseconds since logging was loaded (`%(relativeCreated)d`, or
/// `{relativeCreated}` as `str()` prints the float): they only grow, and
/// differ line to line, where a few workers' process ids come back.
pub(super) fn growing(column: &[&str]) -> bool {
    let numbers: Vec<f64> = column
        .iter()
        .filter_map(|t| t.trim().parse().ok())
        .collect();
    let rising = numbers.windows(2).all(|w| w[0] <= w[1]);
    let varied = distinct(column) >= 3 && distinct(column) * 2 >= column.len();
    numbers.len() == column.len() && numbers.len() >= 3 && rising && varied
}
