//! Which words are loggers and functions: a dotted word that is a
//! logger's name and its function's (`orders.api.handle`), which column
//! of a head is the logger's, the one logger of a stream, a word shaped
//! like a logger rather than an id.

use std::collections::HashMap;

use super::build::{distinct, hex_pid, module_before_function, roles};
use super::head::{Head, Part};
use super::known::{MIN_MODULES, distinct_words, is_top_logger, one_family};
use super::levels::is_known_level;
use super::role::{Role, is_identifier};
use super::widths::opening;

/// Whether dotted words are `%(name)s.%(funcName)s`: every word has a
/// dot (a logger of one word, `httpx`, would print none), no last part is
/// capitalised (`sqlalchemy.engine.Engine` ends a logger with a class),
/// and the last parts read as calls (`called`), or follow `root.` or
/// `__main__.`, which no child logger is named. Logger names end in
/// module names, `snake_case` and `_private` as often as functions
/// (`streamlit.error_util`, `synapse.app._base`), so only a verb or a
/// code-only name shows a function, on two words and half of them.
pub(super) fn functions_after(column: &[&str]) -> bool {
    let words = distinct_words(column);
    let lasts: Option<Vec<(&str, &str)>> = words.iter().map(|w| w.rsplit_once('.')).collect();
    let Some(lasts) = lasts else {
        return false;
    };
    if lasts.iter().any(|(p, l)| {
        p.is_empty() || l.is_empty() || l.starts_with(|c: char| c.is_ascii_uppercase())
    }) {
        return false;
    }
    let evident =
        |(prefix, last): &&(&str, &str)| called(last) || *prefix == "root" || *prefix == "__main__";
    let shown = lasts.iter().filter(evident).count();
    shown >= 2 && shown * 2 >= lasts.len()
}

/// Whether the last part of a dotted word is a function's, as a module's
/// never is: `<module>` or `<lambda>`, a `__dunder__` method, or a name
/// led by a verb (`get_order`, `_run_once`, `handle`). Module names are
/// nouns (`script_runner`, `error_util`, `base_events`).
fn called(w: &str) -> bool {
    let dunder = w.len() > 4 && w.starts_with("__") && w.ends_with("__");
    let verb = w
        .trim_start_matches('_')
        .split('_')
        .next()
        .unwrap_or_default();
    w.starts_with('<') || dunder || VERBS.contains(&verb) || CALLS.contains(&verb)
}

/// Verbs that lead functions' names and seldom modules' (with [`VERBS`]):
/// `list_orders`, `charge_card`, `_run_once`, `_begin_impl`.
const CALLS: [&str; 12] = [
    "begin", "charge", "commit", "exec", "list", "load", "retry", "run", "schedule", "start",
    "stop", "tick",
];

/// Whether a word reads as a function's name: `<module>`, `_private` or
/// `__dunder__`, `snake_case`, or a verb functions are named after.
fn function_shaped(w: &str) -> bool {
    let core = w.trim_matches('_');
    w.starts_with('<') || w.starts_with('_') || core.contains('_') || VERBS.contains(&core)
}

/// Whether single words where a logger's name would go are functions
/// (`[%(funcName)s]: %(message)s`) rather than one-word loggers: none is
/// a known logger, and two of them (or one `<module>`, `_private` or
/// `__dunder__`), at least half, read as functions. Loggers are named
/// after packages and modules, which are seldom `snake_case` and never
/// verbs.
pub(super) fn functions_alone(column: &[&str]) -> bool {
    let words = distinct_words(column);
    if words.iter().any(|w| is_top_logger(w) || w.contains('.')) || one_family(&words) {
        return false;
    }
    let shown: Vec<&&str> = words.iter().filter(|w| function_shaped(w)).collect();
    let marked = shown.iter().any(|w| w.starts_with(['<', '_']));
    (shown.len() >= 2 || marked) && shown.len() * 2 >= words.len()
}

/// Whether column `i`, single words a guess gave a logger's place, is the
/// module of the functions the next column shows, past a separator
/// (DFIR-IRIS's `%(module)s :: %(funcName)s :: `, `post_init ::
/// run_post_init`): where an app names its loggers after its modules
/// (`getLogger(__name__)`), a logger before its function is dotted, as
/// `modules_before` reads a pair joined by a dot. A word that is a logger
/// alone (`root`, `asyncio`) shows `%(name)s`, and the functions must
/// read so more often than the words before them (`post_init` has the
/// shape of a function's name too).
pub(super) fn module_before_functions(heads: &[&Head<'_>], i: usize, words: &[&str]) -> bool {
    let parts = &heads[0].parts;
    let next = (i + 1..parts.len()).find(|&j| !matches!(parts[j], Part::Lit(_) | Part::Space));
    let Some(j) = next.filter(|&j| j > i + 1 && parts[j] == Part::Word) else {
        return false;
    };
    let guessed = roles(heads, j)
        .iter()
        .all(|r| matches!(r, Role::NameSlot | Role::NameGuess | Role::FuncName));
    let plain = words.iter().all(|w| is_identifier(w) && !is_top_logger(w));
    let functions = column(heads, j);
    plain && guessed && functions_alone(&functions) && shaped(&functions) > shaped(words)
}

/// The share of a column's different words that read as functions'.
fn shaped(column: &[&str]) -> f64 {
    let words = distinct_words(column);
    let n = words.iter().filter(|w| function_shaped(w)).count();
    n as f64 / words.len().max(1) as f64
}

/// Function names (`functions_alone`), one at least marked as only code
/// names are: `<module>`, `_private`, `snake_case`. What a column no
/// role explains, or a message's first word, must show to be one.
pub(super) fn functions_marked(column: &[&str]) -> bool {
    let marked = column
        .iter()
        .any(|w| w.starts_with(['<', '_']) && w.len() > 1 || w.trim_matches('_').contains('_'));
    marked && functions_alone(column)
}

/// Whether words that are a name and a function (`functions_after`)
/// are `%(module)s.%(funcName)s` rather than a logger's: every word has
/// one dot, so no logger in the stream is a package's module
/// (`getLogger(__name__)` there prints `orders.api`), and none is `root`
/// or `__main__` or a library that logs under one word (`asyncio`),
/// which only loggers are named. A stream of an app's one-word loggers
/// (`worker.run`) reads so too: text can't tell them apart. Among four
/// or more such words, `__main__` is the script's module (PrusaLink's
/// `{%(module)s.%(funcName)s():%(lineno)d}`, `__main__.main()` beside
/// `serial_adapter.write()`): an app names three loggers at most far
/// more often than four, and none of them after a module but `__main__`.
pub(super) fn modules_before(column: &[&str]) -> bool {
    let firsts: Vec<&str> = column
        .iter()
        .map(|w| w.split_once('.').map_or(*w, |(m, _)| m))
        .collect();
    let many = distinct(&firsts) >= MIN_MODULES;
    column.iter().all(|w| {
        w.split_once('.').is_some_and(|(m, f)| {
            !f.contains('.') && (!is_top_logger(m) || (many && m == "__main__"))
        })
    })
}

/// The column `name` is kept for: the first that some line shows a
/// dotted logger name in, before a single word elsewhere can take it.
/// A column of module-and-function pairs (`h11_impl.run_asgi`) reads as
/// dotted too; where another column shows a logger, that one is `name`.
pub(super) fn named(heads: &[&Head<'_>]) -> Option<usize> {
    let dotted: Vec<usize> = (0..heads[0].parts.len())
        .filter(|&i| {
            let rs = roles(heads, i);
            rs.contains(&Role::Name) || rs.contains(&Role::ModuleFunc)
        })
        .collect();
    let pairs = |i: usize| {
        let column = column(heads, i);
        functions_after(&column) && modules_before(&column)
    };
    // Where every dotted column is such pairs, a single word where a
    // logger goes is the logger (`worker worker.run:736`).
    let slot = || {
        (0..heads[0].parts.len()).find(|&i| {
            let rs = roles(heads, i);
            (rs.contains(&Role::NameSlot) || rs.contains(&Role::NameGuess))
                && column(heads, i).iter().all(|w| logger_like(w, true))
        })
    };
    // A dotted word the same on every line, where another dotted column
    // varies, is the format's own text (the Datadog Agent's `| dd.collector
    // | %(name)s(%(filename)s:%(lineno)s)`): loggers differ line to line.
    let varies = |i: usize| distinct(&column(heads, i)) > 1;
    let constant = |i: usize| {
        heads.len() >= 2 && !varies(i) && dotted.iter().any(|&j| j != i && !pairs(j) && varies(j))
    };
    dotted
        .iter()
        .copied()
        .find(|&i| !pairs(i) && !constant(i))
        .or_else(|| slot().filter(|_| !dotted.is_empty()))
        .or_else(|| (0..heads[0].parts.len()).find(|&i| roles(heads, i).contains(&Role::Name)))
}

/// Whether column `i` is `%(module)s.%(funcName)s`: shown so after a
/// logger's name (`Role::ModuleFunc`), or dotted pairs of a module and a
/// function in a format whose logger is another column.
pub(super) fn module_function(
    heads: &[&Head<'_>],
    i: usize,
    named: Option<usize>,
    column: &[&str],
) -> bool {
    if named.is_none_or(|n| n == i) {
        return false;
    }
    let rs = roles(heads, i);
    let shown = rs.contains(&Role::ModuleFunc);
    (shown || (rs.contains(&Role::Name) && functions_after(column))) && modules_before(column)
}

pub(super) fn column<'a>(heads: &[&Head<'a>], i: usize) -> Vec<&'a str> {
    heads.iter().map(|h| h.texts[i].trim_matches(' ')).collect()
}

/// Verbs functions are named after and modules are not (`orders.api.handle`
/// is a function of the logger `orders.api`).
const VERBS: [&str; 24] = [
    "handle",
    "dispatch",
    "serve",
    "send",
    "post",
    "put",
    "get",
    "fetch",
    "poll",
    "acquire",
    "release",
    "refund",
    "authorize",
    "validate",
    "execute",
    "process",
    "render",
    "save",
    "delete",
    "update",
    "create",
    "connect",
    "flush",
    "emit",
];

/// Whether a word can be a logger name: not an id (a UUID, a hex or
/// numbered token), which a custom field such as a request id prints.
pub(super) fn logger_like(w: &str, bracketed: bool) -> bool {
    let digits = w.bytes().filter(u8::is_ascii_digit).count();
    w.bytes()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
        && digits * 4 < w.len()
        // `getLogger(__name__)` names are module paths, which have no `-`;
        // a user or a service (`svc-batch`) in brackets does. An app's
        // logger named after it (Chalice's `orders-api - ERROR - `) stands
        // unbracketed.
        && !(bracketed && w.contains('-'))
        && !past_tense(w)
}

/// Whether `w` is a capitalised verb in the past tense (`Updated`,
/// `Installed`, `Erased`): what yum's log and many messages start with
/// (`Updated: openssl-libs-…`), and no module or app names its logger.
pub(super) fn past_tense(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 4
        && b[0].is_ascii_uppercase()
        && b[1..].iter().all(u8::is_ascii_lowercase)
        && w.ends_with("ed")
}

/// Words a format writes as its own text between fields, never a logger.
const CONNECTIVES: [&str; 14] = [
    "in", "at", "on", "by", "for", "from", "to", "of", "pid", "tid", "line", "file", "thread",
    "process",
];

/// Whether `w` is a `CamelCase` word with a capital inside
/// (`JupyterHub`, `ServerApp`): an application's logger, as traitlets
/// names them; a format's own capitalised words (`Thread`, `PID`) have
/// none or only capitals.
fn camel_case(w: &str) -> bool {
    let b = w.as_bytes();
    b.first().is_some_and(u8::is_ascii_uppercase)
        && b.iter().all(u8::is_ascii_alphanumeric)
        && b[1..].iter().any(u8::is_ascii_lowercase)
        && b[1..].iter().any(u8::is_ascii_uppercase)
}

/// Whether column `i`, the same lower-case (or `CamelCase`) word on every
/// line and no role of its own, is the logger of a one-logger stream: a slot of its
/// own (spaces or a bracket on each side), in a format that prints no
/// logger elsewhere. A format's own words between fields are
/// connectives (`in`, `pid`), which are left as text.
pub(super) fn lone_logger(heads: &[&Head<'_>], i: usize) -> bool {
    let parts = &heads[0].parts;
    let word = heads[0].texts[i].trim();
    // An app's own name may have dashes (SageMaker's
    // `sagemaker-training-toolkit`), though a module path has none.
    let lower = word.starts_with(|c: char| c.is_ascii_lowercase())
        && !word.ends_with('-')
        && word
            .bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_' || c == b'-')
        && !CONNECTIVES.contains(&word);
    let shaped = word.len() >= 3 && (lower || camel_case(word));
    let open = |p: Option<&Part>| matches!(p, Some(Part::Space)) || p.is_some_and(opening);
    // Or glued to the level by a slash in one bracket (TubeSync's
    // `[%(name)s/%(levelname)s]`).
    let close = |p: Option<&Part>| {
        matches!(p, Some(Part::Space))
            || matches!(p, Some(Part::Lit(t)) if matches!(t.as_str(), "]" | ")" | ">" | "}"))
            || matches!(p, Some(Part::Lit(t)) if t == "/")
                && parts.get(i + 2) == Some(&Part::Level)
                && i >= 1
                && parts.get(i - 1).is_some_and(opening)
    };
    // Nor a program before its pid (`host prog[pid]`).
    let no_logger = (0..parts.len())
        .all(|j| !roles(heads, j).contains(&Role::Name) && (j == i || !before_pid(heads, j)));
    shaped && i >= 1 && open(parts.get(i - 1)) && close(parts.get(i + 1)) && no_logger
}

/// Whether column `i` holds a few upper-case words that come back, no
/// role of their own, in a slot of its own where no column is a logger:
/// loggers an app named in capitals (plex_autoscan's `PLEX`, `AUTOSCAN`,
/// `UTILS` before `[%(thread)d]`). One word on every line may be the
/// format's own text; several are what varies line to line.
pub(super) fn shouted_loggers(heads: &[&Head<'_>], i: usize) -> bool {
    let words = column(heads, i);
    let caps = |w: &str| {
        w.bytes().filter(u8::is_ascii_uppercase).count() >= 2
            && w.bytes()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_')
            && !is_known_level(w)
    };
    let kinds = distinct(&words);
    let parts = &heads[0].parts;
    let spaced = |k: Option<usize>| k.and_then(|k| parts.get(k)) == Some(&Part::Space);
    let no_logger = (0..parts.len()).all(|j| !roles(heads, j).contains(&Role::Name));
    words.iter().all(|w| caps(w))
        && kinds >= 2
        && kinds * 3 <= words.len()
        && spaced(i.checked_sub(1))
        && spaced(Some(i + 1))
        && no_logger
}

/// Whether column `i` is a word glued to a bracketed number, as syslog
/// writes a program and its pid (Circus's `%(name)s[%(process)d]`): the
/// logger, even where one name is all a stream shows.
pub(super) fn before_pid(heads: &[&Head<'_>], i: usize) -> bool {
    let parts = &heads[0].parts;
    matches!(parts.get(i + 1), Some(Part::Lit(t)) if t == "[")
        && parts.get(i + 2) == Some(&Part::Int)
        && matches!(parts.get(i + 3), Some(Part::Lit(t)) if t.starts_with(']'))
        && heads.iter().all(|h| logger_like(h.texts[i].trim(), false))
}

/// Whether a column no role explains is the format's own text: the same
/// word on every line of a group (`PID` in `[PID %(process)d]`, `in` in
/// `%(levelname)s in %(module)s`, a host name), or a `key=` before a
/// value.
pub(super) fn literal(heads: &[&Head<'_>], i: usize, named: Option<usize>) -> bool {
    let first = heads[0].texts[i];
    let same = || heads.iter().all(|h| h.texts[i] == first);
    if first.starts_with('\x1b') && same() && colour_of_format(heads, i) {
        return true;
    }
    // A dotted name the same on every line, where `named` chose another
    // column for the logger (`| dd.collector | %(name)s(`).
    if named.is_some_and(|n| n != i)
        && heads.len() >= 2
        && heads.iter().all(|h| h.roles[i] == Some(Role::Name))
        && same()
    {
        return true;
    }
    // A key's word is the format's own where it is the same on every line
    // (`[user %(userid)s]`); `[views 42]` is a module and a line.
    if heads.iter().any(|h| h.roles[i] == Some(Role::Key))
        && (same() || heads[0].texts.get(i + 1) != Some(&" "))
    {
        return true;
    }
    // A host name written into the format (Locust's `ip-10-0-3-7/`) too.
    let text = first.bytes().any(|c| c.is_ascii_alphabetic()) && super::marks::name_chars(first);
    // A line's first word may be read as a logger's (`NameGuess`); where
    // a dotted logger stands elsewhere on every line, and is no name
    // under it (`worker worker.run:736`), the same word on each is the
    // format's own (Pulp's `pulp [%(correlation_id)s]: `).
    let column_roles = roles(heads, i);
    let under = |t: &str| t.trim().split('.').next() == Some(first.trim());
    let logger_elsewhere = |under_ok: bool| {
        (0..heads[0].parts.len()).any(|j| {
            j != i
                && heads
                    .iter()
                    .all(|h| h.roles[j] == Some(Role::Name) && (under_ok || !under(h.texts[j])))
        })
    };
    let all_guesses = column_roles.iter().all(|r| *r == Role::NameGuess);
    let guessed = || all_guesses && logger_elsewhere(false);
    // The word that leads every line before its time is the program's
    // name written into the format (`torchx %(asctime)s`, `ARouteServer
    // %(asctime)s`): a logger there would show its library's names too.
    // Bracketed too (seafevents' `[seafevents] [%(asctime)s]`).
    let leading = || {
        let parts = &heads[0].parts;
        let lit = |k: usize, t: &str| matches!(parts.get(k), Some(Part::Lit(l)) if l == t);
        let dated = |k: usize| {
            matches!(parts.get(k), Some(Part::Date(_)))
                || (lit(k, "[") && matches!(parts.get(k + 1), Some(Part::Date(_))))
        };
        let (bare, bracketed) = (i == 0 && all_guesses, i == 1 && lit(0, "[") && lit(2, "]"));
        // Glued to the time's bracket too (Elastic's connectors,
        // `[FMWK][%(asctime)s]`).
        let after = i + usize::from(bracketed) + 1;
        let spaced = parts.get(after) == Some(&Part::Space) && dated(after + 1);
        heads.len() >= 3 && (bare || bracketed) && (spaced || (bracketed && dated(after)))
    };
    let words = column(heads, i);
    heads.len() >= 2
        && text
        && same()
        && (column_roles.is_empty() || guessed() || leading() || second_word(heads, i))
        && !lone_logger(heads, i)
        // A module before its function and line is no host name, though
        // one module wrote every line (Taskiq's scheduler, `[run:run_scheduler:405]`).
        && !module_before_function(heads, i, &words)
        // A process's id in hex is the same on every line of one process.
        && !hex_pid(heads, i, &words)
        // A program before its pid is the logger, unless a logger stands
        // elsewhere (ospd-openvas's `OSPD[7] … (%(name)s)`), though under
        // the program's name (IRRd's `irrd[%(process)d]: [%(name)s#`).
        && (!before_pid(heads, i) || guessed() || logger_elsewhere(true))
}

/// Whether a colour code the same on every line is the format's own: where
/// the level changes (SQLFluff's `\x1b[0m%(levelname)-10s`), as a
/// `%(color)s` field changes with it, or after the message (Ganga's reset,
/// `%(message)s\x1b[0;0m`).
fn colour_of_format(heads: &[&Head<'_>], i: usize) -> bool {
    heads[0].parts[..i].contains(&Part::Message) || levels_differ(heads)
}

/// Whether column `i` is colour codes the formatter writes as its own
/// text: more than one (each level's), or one that a reset after the
/// message closes (the cookbook's coloured formatter, whose groups of one
/// level show one code).
pub(super) fn colour_codes(heads: &[&Head<'_>], i: usize, column: &[&str]) -> bool {
    if !column.iter().all(|w| w.starts_with('\x1b')) {
        return false;
    }
    let h = heads[0];
    let closed = || {
        let message = h.parts.iter().position(|p| *p == Part::Message);
        message.is_some_and(|m| m > i && h.texts[m + 1..].iter().any(|t| t.starts_with('\x1b')))
    };
    distinct(column) > 1 || closed()
}

/// Whether column `i` closes a bracket after another word the same on
/// every line, which no role explains: one name with a space in it
/// (zabbix-cachet's thread `(Trigger Watcher)`), where no format puts a
/// word of its own before a logger's.
fn second_word(heads: &[&Head<'_>], i: usize) -> bool {
    let parts = &heads[0].parts;
    let plain = |j: usize| {
        parts[j] == Part::Word
            && heads
                .iter()
                .all(|h| h.roles[j].is_none() && h.texts[j] == heads[0].texts[j])
    };
    i >= 3
        && parts[i - 1] == Part::Space
        && plain(i - 2)
        && opening(&parts[i - 3])
        && parts
            .get(i + 1)
            .is_some_and(|p| matches!(p, Part::Lit(t) if t.starts_with([')', ']'])))
}

/// Whether `word` is the last part of the dotted logger `logger`, as a
/// module names its logger (`getLogger(__name__)`): the module's column.
pub(super) fn ends_logger(logger: &str, word: &str) -> bool {
    logger
        .rsplit_once('.')
        .is_some_and(|(_, last)| last == word)
}

/// Whether the lines show two level names or more.
pub(super) fn levels_differ(heads: &[&Head<'_>]) -> bool {
    let parts = &heads[0].parts;
    (0..parts.len()).any(|j| parts[j] == Part::Level && distinct(&column(heads, j)) > 1)
}

/// A word before `:` and a line number: a module or a function. A module
/// is a file's stem, and apps name loggers after their modules
/// (`getLogger(__name__)`): a word that ends the line's logger name, or
/// is `__init__`, is the module; one with an underscore inside, `<module>`,
/// a word that never repeats the logger's, or one of two beside one dotted
/// logger is a function.
pub(super) fn located(heads: &[&Head<'_>], i: usize, column: &[&str]) -> &'static [&'static str] {
    // Most lines, not one: a module's function may share its name
    // (Sockeye's `sockeye.train:train` beside `sockeye.training:fit`).
    let ends = heads
        .iter()
        .zip(column)
        .filter(|(h, w)| {
            h.roles.iter().zip(&h.texts).any(|(r, t)| {
                *r == Some(Role::Name) && (t.trim() == **w || t.trim().ends_with(&format!(".{w}")))
            })
        })
        .count();
    let name_ends = ends > 0 && ends * 2 >= heads.len();
    // A package's module; other dunders are methods (`__call__`).
    let dunder = column.iter().any(|w| *w == "__init__" || *w == "__main__");
    // After a place and its line (Parsl's `%(name)s:%(lineno)d
    // %(funcName)s`), the function that logged: a module comes before its
    // line.
    let placed = i >= 2
        && heads[0].parts[i - 1] == Part::Space
        && heads.iter().all(|h| h.roles[i - 2] == Some(Role::Lineno));
    if placed {
        return &["funcName", "module"];
    }
    // Right after loggers named after modules (`getLogger(__name__)`,
    // dotted on every line but the root logger's) whose last part is
    // never the word: the word is no module, whatever its shape
    // (Maestro's `%(name)s:%(funcName)s:%(lineno)d`,
    // `executiongraph:__init__` beside `executiongraph:_execute_record`).
    let dotted = heads.iter().all(|h| {
        i >= 2
            && h.roles[i - 2] == Some(Role::Name)
            && (h.texts[i - 2].contains('.') || h.texts[i - 2] == "root")
    });
    let named = heads.iter().any(|h| i >= 2 && h.texts[i - 2].contains('.'));
    if dotted && named && ends == 0 {
        return &["funcName", "module"];
    }
    // Right after a file's name whose stem it never is (awsume's
    // `%(filename)s:%(funcName)s`, `app.py:__init__`): a module is its
    // file's stem.
    let after_file = heads.iter().zip(column).all(|(h, w)| {
        i >= 2
            && h.roles[i - 2] == Some(Role::Filename)
            && h.texts[i - 2].trim().strip_suffix(".py") != Some(*w)
    });
    if after_file {
        return &["funcName", "module"];
    }
    if name_ends || dunder {
        return &["module", "funcName"];
    }
    if varies_within_logger(heads, column) {
        return &["funcName", "module"];
    }
    let function = column
        .iter()
        .any(|w| w.starts_with('<') || w.trim_start_matches('_').contains('_'));
    if function {
        &["funcName", "module"]
    } else {
        &["module", "funcName"]
    }
}

/// Whether one logger named after its module (dotted, as
/// `getLogger(__name__)` names it) shows two words or more in the column:
/// a logger's module is one, its functions many (`uvicorn.error` beside
/// `startup:408` and `_serve:642`).
fn varies_within_logger(heads: &[&Head<'_>], column: &[&str]) -> bool {
    let mut first: HashMap<&str, &str> = HashMap::new();
    for (h, w) in heads.iter().zip(column) {
        let logger = h
            .roles
            .iter()
            .zip(&h.texts)
            .find(|(r, _)| **r == Some(Role::Name))
            .map(|(_, t)| t.trim());
        let Some(logger) = logger.filter(|l| l.contains('.')) else {
            continue;
        };
        if *first.entry(logger).or_insert(w) != *w {
            return true;
        }
    }
    false
}
