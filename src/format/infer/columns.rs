//! What a whole group's lines show once its format is built, that no one
//! line does: a logger, a process id or a function printed right before
//! the message with no bracket of its own.

use std::collections::HashMap;

use super::super::Format;
use super::build::distinct;
use super::head::shouted;
use super::names::{ends_logger, functions_marked};
use crate::model::Value;

/// Fewest lines that may show a logger before the message.
const MIN_LINES: usize = 6;

/// Most loggers a stream's lines may show there: a stream's messages start
/// with many more words than it has loggers.
const MAX_LOGGERS: usize = 3;

/// Most loggers where every line shows its word before `: `, as messages'
/// first words seldom all are (postfix-mta-sts-resolver's `MAIN`, `STS`,
/// `RES`, `PF`).
const MAX_COLON_LOGGERS: usize = 6;

/// The format with `%(name)s ` before its message, when every line's
/// message starts with one of a few lower-case words that come back (all
/// but one) while the words after them differ: a logger printed with no separator
/// of its own (`%(levelname)s %(name)s %(message)s`, logger `httpx`).
/// Where the format prints a logger already, the column is the other
/// one-word attribute formats print there, `%(module)s` (or
/// `%(funcName)s` beside a module): text can't tell which, but the
/// message then starts where it does. Never from a word a number follows
/// on most lines (`processed 375 messages`), which is a message's. A few
/// lines may show the word alone (an empty message), and the words may be
/// padded to a width (`%(name)-12s`).
pub(super) fn logger_before_message(
    format: &str,
    at: usize,
    messages: &[String],
) -> Option<String> {
    if !format[..at].ends_with(' ') {
        return None;
    }
    // After a file and its line, where the record was logged is said:
    // a module (the file's stem) or a function there, bare, is no
    // format's; the words are the messages' (pysipp's `agent.py:407 : uac
    // merged contents:`).
    let placed = format.contains("%(filename)") || format.contains("%(pathname)");
    let key = if !format.contains("%(name)") {
        "name"
    } else if placed {
        return None;
    } else if !format.contains("%(module)") {
        "module"
    } else if !format.contains("%(funcName)") {
        "funcName"
    } else {
        return None;
    };
    let mut firsts: HashMap<&str, usize> = HashMap::new();
    let mut seconds: HashMap<&str, usize> = HashMap::new();
    let (mut numbers, mut alone) = (0, 0);
    // Each line's word and the spaces after it, for a width.
    let mut gaps: Vec<(usize, usize)> = Vec::new();
    let sep = separator_after_word(messages);
    for message in messages {
        let (first, rest) = split_word(message, sep);
        let second = rest.trim_start().split(' ').next().unwrap_or_default();
        // Upper-case loggers too where each line's word ends with a colon.
        if !(word(first) || sep == Some(":") && shouted(first)) {
            return None;
        }
        *firsts.entry(first).or_default() += 1;
        if second.is_empty() {
            alone += 1;
            continue;
        }
        gaps.push((first.len(), 1 + rest.len() - rest.trim_start().len()));
        numbers += usize::from(second.starts_with(|c: char| c.is_ascii_digit()));
        *seconds.entry(second).or_default() += 1;
    }
    let shown = messages.len() - alone;
    // Each word comes back, but for one: a logger an app seldom logs to
    // may show once among a busier one's lines.
    let recurring = firsts.values().filter(|&&n| n < 2).count() <= usize::from(firsts.len() > 1);
    // Where every word ends with a colon, fewer messages than three in a
    // row may start alike (`STS: Got …`, `STS: Read: …`).
    let varied =
        seconds.len() >= 2 * firsts.len() && (sep == Some(":") || seconds.len() * 3 >= shown);
    let wordy = numbers * 2 < shown;
    let few_alone = alone * 4 <= messages.len() && shown >= MIN_LINES;
    let field = match sep {
        Some(":") => format!("%({key})s: "),
        Some(sep) => format!("%({key})s {sep} "),
        None => {
            let width = padded(&gaps).map_or(String::new(), |w| format!("-{w}"));
            format!("%({key}){width}s ")
        }
    };
    let most = if sep == Some(":") {
        MAX_COLON_LOGGERS
    } else {
        MAX_LOGGERS
    };
    (firsts.len() <= most && recurring && varied && wordy && few_alone)
        .then(|| format!("{}{field}{}", &format[..at], &format[at..]))
}

/// What formats write between a logger and its message, as a word of its
/// own (`%(name)s -- %(message)s`).
pub(super) const SEPARATOR_WORDS: [&str; 7] = ["-", "--", "|", ">", "->", "::", "/"];

/// The separator every message's first word has after it, where it has
/// one: a colon on the word (`app: …`), or a word of [`SEPARATOR_WORDS`]
/// (`app -- …`). A format's, when every line shows it.
fn separator_after_word(messages: &[String]) -> Option<&'static str> {
    let split: Vec<(&str, &str)> = messages.iter().filter_map(|m| m.split_once(' ')).collect();
    if split.len() < MIN_LINES {
        return None;
    }
    if split.iter().all(|(w, _)| w.len() > 1 && w.ends_with(':')) {
        return Some(":");
    }
    SEPARATOR_WORDS.into_iter().find(|sep| {
        split.iter().all(|(_, rest)| {
            rest.strip_prefix(sep)
                .is_some_and(|r| r.is_empty() || r.starts_with(' '))
        })
    })
}

/// A message's first word and the rest after it and `sep`.
fn split_word<'m>(message: &'m str, sep: Option<&str>) -> (&'m str, &'m str) {
    let (first, rest) = message.split_once(' ').unwrap_or((message, ""));
    match sep {
        None => (first, rest),
        Some(":") => (first.strip_suffix(':').unwrap_or(first), rest),
        Some(sep) => {
            let rest = rest.strip_prefix(sep).unwrap_or(rest);
            (first, rest.strip_prefix(' ').unwrap_or(rest))
        }
    }
}

/// The width words were padded to, from each line's word length and the
/// spaces after it: where some lines show more than one space, nearly
/// every line's word and spaces add up to one width (a longer word takes
/// one space: `%-12s` never cuts). `None` for single spaces.
pub(super) fn padded(gaps: &[(usize, usize)]) -> Option<usize> {
    let mut widths: HashMap<usize, usize> = HashMap::new();
    for &(len, gap) in gaps.iter().filter(|g| g.1 > 1) {
        *widths.entry(len + gap).or_default() += 1;
    }
    let (&total, _) = widths
        .iter()
        .max_by_key(|(w, n)| (**n, std::cmp::Reverse(**w)))?;
    let fits = gaps
        .iter()
        .filter(|&&(len, gap)| len + gap == total || (gap == 1 && len + 1 >= total))
        .count();
    (fits * 8 >= gaps.len() * 7).then_some(total - 1)
}

/// The format with `%(funcName)s ` (or, where it prints one already, a
/// logger's `%(name)s `) before its message, when the messages' first
/// words read as functions (`names::functions_alone`, and one at least
/// `<module>`, `_private` or `snake_case`, which a message's first word
/// seldom is) and the words after them differ. With a logger of a few
/// recurring words first (`%(name)s %(funcName)s %(message)s`, loggers
/// of one word), both.
pub(super) fn function_before_message(
    format: &str,
    at: usize,
    messages: &[String],
) -> Option<String> {
    if !format[..at].ends_with(' ') || format.contains("%(funcName)") {
        return None;
    }
    let words: Vec<(&str, &str)> = messages
        .iter()
        .map(|m| {
            let (first, rest) = m.split_once(' ')?;
            Some((first, rest.split(' ').next().unwrap_or_default()))
        })
        .collect::<Option<_>>()?;
    let firsts: Vec<&str> = words.iter().map(|w| w.0).collect();
    let seconds: Vec<&str> = words.iter().map(|w| w.1).collect();
    let varied = |column: &[&str]| distinct(column) * 3 >= column.len();
    let thirds: Vec<&str> = messages
        .iter()
        .map(|m| m.splitn(3, ' ').nth(2).unwrap_or_default())
        .collect();
    let loggers = |column: &[&str]| {
        !format.contains("%(name)")
            && distinct(column) <= MAX_LOGGERS
            && column.iter().all(|w| word(w))
    };
    let fields = if functions_marked(&firsts) && varied(&seconds) {
        "%(funcName)s "
    } else if functions_marked(&firsts) && loggers(&seconds) && varied(&thirds) {
        "%(funcName)s %(name)s "
    } else if loggers(&firsts) && functions_marked(&seconds) && varied(&thirds) {
        "%(name)s %(funcName)s "
    } else {
        return None;
    };
    Some(format!("{}{fields}{}", &format[..at], &format[at..]))
}

/// Separators a format writes between a process id and the message.
const NUMBER_SEPARATORS: [&str; 6] = [" - ", " | ", ": ", ":", " ", "\t"];

/// The format with `%(process)d` and its separator before the message,
/// when every line's message starts with one of at most three numbers
/// that each come back (workers' ids), then the same separator, then
/// words that differ: the process id (`%(levelname)s %(process)d
/// %(message)s`). Never where the words after the number repeat (`200
/// GET /health`), a message's own. Where the first words repeat but the
/// rest differs, six messages or more, no number an HTTP status's: Jasmin's
/// `%(levelname)-8s %(process)d %(message)s`, pid 1 in its container,
/// whose messages often open with spaces (`1   RedisClient Started.`).
pub(super) fn process_before_message(
    format: &str,
    at: usize,
    messages: &[String],
) -> Option<String> {
    if format.contains("%(process)") {
        return None;
    }
    let mut numbers: HashMap<&str, usize> = HashMap::new();
    let mut afters: HashMap<&str, usize> = HashMap::new();
    let mut rests: HashMap<&str, usize> = HashMap::new();
    let mut separator: Option<&str> = None;
    for message in messages {
        let digits = message.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=7).contains(&digits) {
            return None;
        }
        let rest = &message[digits..];
        let sep = NUMBER_SEPARATORS.iter().find(|s| rest.starts_with(**s))?;
        if separator.is_some_and(|s| s != *sep) {
            return None;
        }
        separator = Some(sep);
        let rest = &rest[sep.len()..];
        *numbers.entry(&message[..digits]).or_default() += 1;
        *afters
            .entry(rest.split(' ').next().unwrap_or_default())
            .or_default() += 1;
        *rests.entry(rest).or_default() += 1;
    }
    let n = messages.len();
    let recurring = numbers.len() <= 3 && numbers.values().all(|&k| k >= 2);
    let status = numbers
        .keys()
        .any(|k| k.parse().is_ok_and(|k: u32| (100..600).contains(&k)));
    let varied = afters.len() * 3 >= n || (n >= 6 && !status && rests.len() * 2 > n);
    let sep = separator?;
    (recurring && varied).then(|| format!("{}%(process)d{sep}{}", &format[..at], &format[at..]))
}

/// Module names web apps give their files (Django's and Flask's
/// `models.py`, `views.py`, `tasks.py`), which no logger is named alone:
/// `getLogger(__name__)` there prints the app's package first. Sorted for
/// a binary search.
const APP_MODULES: [&str; 20] = [
    "admin",
    "apps",
    "backends",
    "consumers",
    "decorators",
    "filters",
    "forms",
    "handlers",
    "managers",
    "middleware",
    "mixins",
    "models",
    "permissions",
    "receivers",
    "serializers",
    "signals",
    "tasks",
    "validators",
    "views",
    "viewsets",
];

/// The format with `%(module)s ` before the message, where two in three
/// messages or more open with an app's module name and a space, two
/// different ones at least, and the rest with a lower-case word: the
/// module the record was logged from (RapidPro's `%(levelname)s
/// %(asctime)s %(module)s %(message)s`, `models` and `views`), where
/// messages that repeat show too few words after it for
/// `logger_before_message`.
pub(super) fn module_before_message(
    format: &str,
    at: usize,
    messages: &[String],
) -> Option<String> {
    if !format[..at].ends_with(' ') || format.contains("%(module)") {
        return None;
    }
    let mut known: HashMap<&str, usize> = HashMap::new();
    for m in messages {
        let (first, _) = m.split_once(' ')?;
        if !word(first) || first.contains('.') {
            return None;
        }
        if APP_MODULES.binary_search(&first).is_ok() {
            *known.entry(first).or_default() += 1;
        }
    }
    let shown: usize = known.values().sum();
    (known.len() >= 2 && shown * 3 >= messages.len() * 2)
        .then(|| format!("{}%(module)s {}", &format[..at], &format[at..]))
}

/// The format with `%(lineno)d ` before the message, where the format
/// prints the place it logged from right before (`%(filename)s `,
/// `%(funcName)s `, `%(module)s `) and every message opens with a number
/// and a space: the line, which a place is printed with (Karrio's
/// `{levelname} {filename} {lineno} {message}`), as `numbers` reads a
/// number after a place inside the head. Messages seldom all open with a
/// number. Two places at least, none sharing a number with another: a
/// process's id stays the same wherever it logs from (`%(funcName)s
/// %(process)d`), a line differs.
pub(super) fn line_before_message(
    format: &str,
    at: usize,
    lines: &[&str],
    messages: &[String],
) -> Option<String> {
    let head = &format[..at];
    let placed = ["%(filename)s ", "%(funcName)s ", "%(module)s "]
        .iter()
        .any(|p| head.ends_with(p));
    if !placed || format.contains("%(lineno)") {
        return None;
    }
    let mut places: HashMap<&str, &str> = HashMap::new();
    for (line, m) in lines.iter().zip(messages) {
        let digits = m.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=5).contains(&digits) || m.starts_with('0') || !m[digits..].starts_with(' ') {
            return None;
        }
        let place = word_before(line, m)?;
        if *places.entry(&m[..digits]).or_insert(place) != place {
            return None;
        }
    }
    (distinct(&places.values().copied().collect::<Vec<_>>()) >= 2)
        .then(|| format!("{head}%(lineno)d {}", &format[at..]))
}

/// The format with `%(module)s ` after its logger, where the messages'
/// first words are the logger's last part on a third of the lines or more
/// (Django's verbose `%(levelname)s %(asctime)s %(name)s %(module)s`:
/// `pretalx.agenda.html_export html_export`), as modules name their
/// loggers (`getLogger(__name__)`); the other lines' first words are
/// modules too (`django.request log`), where a message seldom starts with
/// its logger's name.
pub(super) fn module_after_logger(
    format: &str,
    at: usize,
    lines: &[&str],
    messages: &[String],
) -> Option<String> {
    if !format[..at].ends_with("%(name)s ")
        || format.len() != at + "%(message)s".len()
        || format.contains("%(module)")
    {
        return None;
    }
    let mut same = 0;
    for (line, m) in lines.iter().zip(messages) {
        let (first, _) = m.split_once(' ')?;
        if !word(first) || first.contains('.') {
            return None;
        }
        let logger = word_before(line, m)?;
        same += usize::from(ends_logger(logger, first));
    }
    (same >= 3 && same * 3 >= messages.len())
        .then(|| format!("{}%(module)s {}", &format[..at], &format[at..]))
}

/// Where `format`'s one `%(message)s` stands, and each line's message as
/// `compiled` reads it: what the checks above read, matched once. `None`
/// for a format without exactly one message field, too few lines to show
/// a column, or a line the format doesn't read.
pub(super) fn messages(
    format: &str,
    compiled: &Format,
    lines: &[&str],
) -> Option<(usize, Vec<String>)> {
    if format.matches("%(message)s").count() != 1 || lines.len() < MIN_LINES {
        return None;
    }
    let at = format.find("%(message)s")?;
    let read = |line: &&str| {
        let fields = compiled.read(line)?;
        fields.iter().find_map(|(k, v)| match v {
            Value::Str(s) if k == "message" => Some(s.to_string()),
            _ => None,
        })
    };
    Some((at, lines.iter().map(read).collect::<Option<_>>()?))
}

/// The last word of `line` before its message `m`, which ends it: the
/// field the format printed right before the message.
fn word_before<'l>(line: &'l str, m: &str) -> Option<&'l str> {
    let head = line.get(..line.len().checked_sub(m.len())?)?.trim_end();
    head.rsplit(' ').next()
}

/// A logger's shape: lower-case letters, digits and `_`, in parts joined
/// by dots (`httpx`, `botocore.credentials`).
fn word(w: &str) -> bool {
    w.len() >= 2
        && w.split('.').enumerate().all(|(k, part)| {
            // A class's logger may end a dotted name (`sqlalchemy.engine.Engine`).
            let capital = k > 0 && part.starts_with(|c: char| c.is_ascii_uppercase());
            (capital || part.starts_with(|c: char| c.is_ascii_lowercase() || c == '_'))
                && part.bytes().all(|c| {
                    c.is_ascii_alphanumeric() && (capital || !c.is_ascii_uppercase()) || c == b'_'
                })
        })
}

#[cfg(test)]
mod tests {
    use super::super::infer;

    fn format_of(lines: &[String]) -> Option<String> {
        infer(lines.iter().map(String::as_str))
            .into_iter()
            .next()
            .map(|f| f.format)
    }

    const MESSAGES: [&str; 8] = [
        "token refreshed, expires in 900 seconds",
        "connected to 10.0.3.7:5432",
        "order A-1 created",
        "retrying in 2s",
        "user bob logged in",
        "sent 4700 bytes",
        "queue emails depth 34",
        "healthcheck ok",
    ];

    #[test]
    fn a_few_recurring_words_before_varied_messages_are_the_logger() {
        let lines: Vec<String> = (0..8)
            .map(|i| {
                let logger = ["httpx", "asyncio"][i % 2];
                format!("1720416606.28300{i} INFO(20) {logger} {}", MESSAGES[i])
            })
            .collect();
        assert_eq!(
            format_of(&lines).as_deref(),
            Some("%(created)f %(levelname)s(%(levelno)d) %(name)s %(message)s")
        );
    }

    #[test]
    fn upper_case_words_before_a_colon_on_every_line_are_loggers() {
        // postfix-mta-sts-resolver's `%(name)s: `, its loggers `STS`,
        // `RES`, `PF` and `MAIN`; messages may start alike.
        let lines: Vec<String> = (0..16)
            .map(|i| {
                let logger = ["STS", "RES", "PF", "MAIN", "STS", "STS"][i % 6];
                let message = if i % 3 == 0 {
                    "Got request"
                } else {
                    MESSAGES[i % 8]
                };
                format!("2024-05-11 14:44:4{} INFO     {logger}: {message}", i % 10)
            })
            .collect();
        assert_eq!(
            format_of(&lines).as_deref(),
            Some("%(asctime)s %(levelname)-8s %(name)s: %(message)s")
        );
        // Without the colon, upper-case words are a message's.
        let lines: Vec<String> = lines.iter().map(|l| l.replacen(": ", " ", 1)).collect();
        assert_eq!(
            format_of(&lines).as_deref(),
            Some("%(asctime)s %(levelname)-8s %(message)s")
        );
    }

    #[test]
    fn a_message_with_its_own_leading_spaces_still_shows_the_column() {
        assert!(super::word("botocore.credentials") && !super::word("Engine.x"));
        let lines: Vec<String> = (0..8)
            .map(|i| {
                let logger = ["httpx", "asyncio"][i % 2];
                let message = if i == 3 {
                    "  leading spaces kept"
                } else {
                    MESSAGES[i]
                };
                let level = ["INFO ", "ERROR", "DEBUG"][i % 3];
                format!("10:00:0{i} [{level}] {logger} {message}")
            })
            .collect();
        assert_eq!(
            format_of(&lines).as_deref(),
            Some("%(asctime)s [%(levelname)-5s] %(name)s %(message)s")
        );
    }

    #[test]
    fn beside_a_logger_a_few_recurring_words_before_varied_messages_are_the_module() {
        let lines: Vec<String> = (0..8)
            .map(|i| {
                let module = ["base_events", "pool"][i % 2];
                format!("10:00:0{i} asyncio [INF] {module} {}", MESSAGES[i])
            })
            .collect();
        assert_eq!(
            format_of(&lines).as_deref(),
            Some("%(asctime)s %(name)s [%(levelname).3s] %(module)s %(message)s")
        );
    }

    #[test]
    fn a_message_that_always_starts_alike_is_not_a_logger() {
        // A number after the word: a count, as messages write them.
        let counted: Vec<String> = (0..8)
            .map(|i| format!("1720416606.28300{i} INFO(20) processed {i}{i} messages"))
            .collect();
        let got = format_of(&counted).unwrap_or_default();
        assert!(!got.contains("%(name)s"), "{got}");
        // Too few lines to tell.
        let few: Vec<String> = (0..4)
            .map(|i| format!("1720416606.28300{i} INFO(20) httpx {}", MESSAGES[i]))
            .collect();
        let got = format_of(&few).unwrap_or_default();
        assert!(!got.contains("%(name)s"), "{got}");
        // Capitalised first words are a message's.
        let capital: Vec<String> = (0..8)
            .map(|i| format!("1720416606.28300{i} INFO(20) Httpx {}", MESSAGES[i]))
            .collect();
        let got = format_of(&capital).unwrap_or_default();
        assert!(!got.contains("%(name)s"), "{got}");
    }

    #[test]
    fn app_module_names_that_open_most_messages_are_the_module() {
        assert!(
            super::APP_MODULES.is_sorted(),
            "a binary search needs them sorted"
        );
        // RapidPro's `%(levelname)s %(asctime)s %(module)s %(message)s`,
        // whose exports log the same few messages again and again.
        let modules = [
            "models", "models", "models", "views", "models", "support", "models", "views",
        ];
        let lines: Vec<String> = (0..8)
            .map(|i| {
                format!(
                    "INFO 2024-05-11 14:44:5{i},655 {} Results export #880: step {i}",
                    modules[i]
                )
            })
            .collect();
        assert_eq!(
            format_of(&lines).as_deref(),
            Some("%(levelname)s %(asctime)s %(module)s %(message)s")
        );
        // One module name alone may be a message's word.
        let one: Vec<String> = lines
            .iter()
            .map(|l| l.replace(" views ", " models "))
            .collect();
        let got = format_of(&one).unwrap_or_default();
        assert!(!got.contains("%(module)s"), "{got}");
    }

    #[test]
    fn a_number_every_message_opens_with_after_a_file_is_its_line() {
        // Karrio's `{levelname} {filename} {lineno} {message}`.
        let lines: Vec<String> = (0..8)
            .map(|i| {
                format!(
                    "INFO {} {} {}",
                    ["signals.py", "shipment.py"][i % 2],
                    16 + i * 7,
                    MESSAGES[i]
                )
            })
            .collect();
        assert_eq!(
            format_of(&lines).as_deref(),
            Some("%(levelname)s %(filename)s %(lineno)d %(message)s")
        );
        // One number wherever it logs from is the process's id.
        let pid: Vec<String> = (0..8)
            .map(|i| format!("INFO {} 7 {}", ["handle", "dispatch"][i % 2], MESSAGES[i]))
            .collect();
        let got = format_of(&pid).unwrap_or_default();
        assert!(!got.contains("%(lineno)d"), "{got}");
        // A message of its own that opens with a number stays whole.
        let mut counted = lines.clone();
        counted[3] = "INFO signals.py processed 7 rows".to_owned();
        let got = format_of(&counted).unwrap_or_default();
        assert!(!got.contains("%(lineno)d"), "{got}");
    }

    #[test]
    fn function_names_before_varied_messages_are_funcname_with_or_without_a_logger() {
        let funcs = ["create_app", "<module>", "_run_once", "handle"];
        let alone: Vec<String> = (0..8)
            .map(|i| {
                format!(
                    "2025-01-04T02:57:1{i}+0000 INFO {} {}",
                    funcs[i % 4],
                    MESSAGES[i]
                )
            })
            .collect();
        assert_eq!(
            format_of(&alone).as_deref(),
            Some("%(asctime)s %(levelname)s %(funcName)s %(message)s")
        );
        let after: Vec<String> = (0..8)
            .map(|i| {
                let logger = ["scheduler", "asyncio"][i % 2];
                format!("10:00:0{i} INFO {logger} {} {}", funcs[i % 4], MESSAGES[i])
            })
            .collect();
        assert_eq!(
            format_of(&after).as_deref(),
            Some("%(asctime)s %(levelname)s %(name)s %(funcName)s %(message)s")
        );
        let before: Vec<String> = (0..8)
            .map(|i| {
                let logger = ["worker", "app"][i % 2];
                format!("10:00:0{i} INFO {} {logger} {}", funcs[i % 4], MESSAGES[i])
            })
            .collect();
        assert_eq!(
            format_of(&before).as_deref(),
            Some("%(asctime)s %(levelname)s %(funcName)s %(name)s %(message)s")
        );
        // Messages that start with verbs, as messages do, keep them.
        let verbs = ["handle", "send", "fetch", "create"];
        let plain: Vec<String> = (0..8)
            .map(|i| format!("10:00:0{i} INFO {} {}", verbs[i % 4], MESSAGES[i]))
            .collect();
        let got = format_of(&plain).unwrap_or_default();
        assert!(!got.contains("%(funcName)s"), "{got}");
    }

    #[test]
    fn a_recurring_number_before_varied_messages_is_the_process_id() {
        let lines: Vec<String> = (0..8)
            .map(|i| format!("10:00:0{i} [app.db] ERROR 9 {}", MESSAGES[i]))
            .collect();
        assert_eq!(
            format_of(&lines).as_deref(),
            Some("%(asctime)s [%(name)s] %(levelname)s %(process)d %(message)s")
        );
        // A status code before the same request is a message's own.
        let health: Vec<String> = (0..8)
            .map(|i| format!("10:00:0{i} [app.web] INFO 200 GET /health"))
            .collect();
        let got = format_of(&health).unwrap_or_default();
        assert!(!got.contains("%(process)d"), "{got}");
    }

    #[test]
    fn a_process_id_after_a_tab_is_a_field_too() {
        let lines: Vec<String> = (0..8)
            .map(|i| format!("WARNING(30)\t8\t{}", MESSAGES[i]))
            .collect();
        assert_eq!(
            format_of(&lines).as_deref(),
            Some("%(levelname)s(%(levelno)d)\t%(process)d\t%(message)s")
        );
    }

    #[test]
    fn a_logger_shown_once_beside_busier_ones_still_makes_the_column() {
        let lines: Vec<String> = (0..8)
            .map(|i| {
                let logger = [
                    "app", "httpx", "app", "worker", "httpx", "app", "app", "httpx",
                ][i];
                format!(
                    "250127 09:58:0{i}.821 [89:MainThread] INFO     {logger} {}",
                    MESSAGES[i]
                )
            })
            .collect();
        assert_eq!(
            format_of(&lines).as_deref(),
            Some(
                "%(asctime)s.%(msecs)03d [%(process)d:%(threadName)s] %(levelname)-8s %(name)s %(message)s"
            )
        );
        // Two words once each are a message's.
        let twice: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| l.replace(" httpx ", if i == 1 { " solo " } else { " app " }))
            .collect();
        let got = format_of(&twice).unwrap_or_default();
        assert!(!got.contains("%(name)s"), "{got}");
    }

    #[test]
    fn a_logger_column_shows_through_empty_messages_and_its_padding() {
        let lines: Vec<String> = (0..16)
            .map(|i| {
                let logger = ["httpx", "app.db.pool"][i % 2];
                let message = if i == 5 { "" } else { MESSAGES[i % 8] };
                format!("[INFO] {logger:<12} {message}")
            })
            .collect();
        assert_eq!(
            format_of(&lines).as_deref(),
            Some("[%(levelname)s] %(name)-12s %(message)s")
        );
        // Where many messages are one word, the words are the messages'.
        let words: Vec<String> = (0..16)
            .map(|i| {
                let message = if i % 3 == 0 {
                    ["ready", "done"][i % 2].to_owned()
                } else {
                    format!("{} {}", ["ready", "done"][i % 2], MESSAGES[i % 8])
                };
                format!("[INFO] {message}")
            })
            .collect();
        let got = format_of(&words).unwrap_or_default();
        assert!(!got.contains("%(name)"), "{got}");
    }

    #[test]
    fn a_logger_column_keeps_the_separator_after_it() {
        for (sep, want) in [(" --", "%(name)s -- "), (":", "%(name)s: ")] {
            let lines: Vec<String> = (0..8)
                .map(|i| {
                    let logger = ["app", "app", "sqlalchemy.engine.Engine", "app"][i % 4];
                    format!("INFO [10:00:0{i}] {logger}{sep} {}", MESSAGES[i])
                })
                .collect();
            assert_eq!(
                format_of(&lines),
                Some(format!("%(levelname)s [%(asctime)s] {want}%(message)s"))
            );
        }
    }
}
