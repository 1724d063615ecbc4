//! One line → its head: the fields before the message, each with the role
//! its own shape suggests, and the separator the message follows. Lines
//! with the same head shape were (most likely) written by one format.

use super::lex::{Class, LEVELS, Tok, closes, is_cut_level, lex, opens};

/// How many bytes of a line are read for its head: a head with a path, a
/// timestamp, a level, a logger and a thread fits with room to spare.
pub(super) const HEAD_BYTES: usize = 400;

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
    /// A single word where a logger name goes: alone in brackets, last in
    /// the head's bracket, or before `: ` after other fields.
    NameSlot,
    Lineno,
    /// A single word after other fields that is followed by `: ` (and
    /// then the message), or stands between two copies of a separator
    /// such as ` | `: a logger name, most likely, but a message can start
    /// so too, so one line alone doesn't show it.
    NameGuess,
    /// A number alone in brackets (`[31204]`): a process id, most often.
    Bracketed,
    /// Nine or more digits: a thread id.
    ThreadId,
    Created,
    RelativeCreated,
}

/// A piece of a head's shape. Two lines whose heads have the same parts
/// are grouped; what a field is gets decided over the whole group.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Part {
    Date(u8),
    Msecs,
    Level,
    Int,
    Float,
    Word,
    /// Whitespace; its width is kept per line, as padding tells widths.
    Space,
    Lit(String),
}

/// One line's head: parts, and per part its text and suggested role.
#[derive(Debug, Clone)]
pub(super) struct Head<'a> {
    pub(super) parts: Vec<Part>,
    pub(super) texts: Vec<&'a str>,
    pub(super) roles: Vec<Option<Role>>,
}

/// Whether the line is a structured-logging library's `key=value` line:
/// two `word=` pairs before any other sign of a format. Such a line is one
/// `%(message)s` record, never a format to split.
fn key_value(toks: &[Tok<'_>]) -> bool {
    toks.windows(2)
        .filter(|w| w[0].class == Class::Word && w[1].text == "=")
        .count()
        >= 2
}

/// The role a token's shape suggests, with its neighbours to go by; `None`
/// for a token that could as well be a message's first word.
fn role(toks: &[Tok<'_>], i: usize) -> Option<Role> {
    let t = toks[i];
    let prev = i.checked_sub(1).map(|j| toks[j]);
    let next = toks.get(i + 1).copied();
    let next2 = toks.get(i + 2).copied();
    let alone = prev.is_some_and(|p| opens(&p)) && next.is_some_and(|n| pairs(prev, n));
    match t.class {
        Class::Date(_) => Some(Role::Asctime),
        Class::Msecs => Some(Role::Msecs),
        Class::Level => {
            let short = t.text.len() < 3 && is_cut_level(t.text);
            let at_start = prev.is_none_or(|p| opens(&p));
            (!short || at_start).then_some(Role::Level)
        }
        Class::Float => {
            let (int, frac) = t.text.split_once('.')?;
            match (int.len(), frac.len()) {
                (10, 6) => Some(Role::Created),
                (_, 6) => Some(Role::RelativeCreated),
                _ => None,
            }
        }
        Class::Int => {
            let after_word =
                prev.is_some_and(|p| p.text == ":") && i >= 2 && toks[i - 2].class == Class::Word;
            if after_word {
                Some(Role::Lineno)
            } else if t.text.len() >= 9 {
                Some(Role::ThreadId)
            } else {
                alone.then_some(Role::Bracketed)
            }
        }
        Class::Word if is_cut_level(t.text) && prev.is_none_or(|p| opens(&p)) => Some(Role::Level),
        Class::Word => word_role(t.text, prev, next, next2, alone),
        Class::Space | Class::Punct => None,
    }
}

/// Whether `open` (before a token) and `close` (after it) are a bracket
/// pair.
fn pairs(open: Option<Tok<'_>>, close: Tok<'_>) -> bool {
    matches!(
        (open.map(|t| t.text), close.text),
        (Some("["), "]") | (Some("("), ")") | (Some("{"), "}") | (Some("<"), ">")
    )
}

fn word_role(
    w: &str,
    prev: Option<Tok<'_>>,
    next: Option<Tok<'_>>,
    next2: Option<Tok<'_>>,
    alone: bool,
) -> Option<Role> {
    let located =
        next.is_some_and(|n| n.text == ":") && next2.is_some_and(|n| n.class == Class::Int);
    if w.ends_with(".py") && w.len() > 3 {
        return Some(if w.starts_with('/') {
            Role::Pathname
        } else {
            Role::Filename
        });
    }
    if w.starts_with('<')
        || next.is_some_and(|n| n.text == "(") && next2.is_some_and(|n| n.text == ")")
    {
        return Some(Role::FuncName);
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
    if located {
        return Some(if dotted { Role::Name } else { Role::Module });
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
fn numbered(w: &str, prefix: &str) -> bool {
    w.strip_prefix(prefix)
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
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

fn is_identifier(w: &str) -> bool {
    let b = w.as_bytes();
    !b.is_empty()
        && (b[0].is_ascii_alphabetic() || b[0] == b'_')
        && b.iter()
            .all(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
}

/// `orders.api`, `app.db_pool.v2`: two or more identifiers joined by dots.
fn is_dotted(w: &str) -> bool {
    w.contains('.') && w.split('.').all(is_identifier)
}

/// Whether a role names a `LogRecord` attribute a format prints once.
fn unique(r: Role) -> bool {
    !matches!(r, Role::NameSlot | Role::NameGuess | Role::Bracketed)
}

/// The head of `line`, or `None` when the line can't show a format: it
/// starts with a token no field explains (an access log's address, free
/// text), or is a `key=value` line.
pub(super) fn head(line: &str) -> Option<Head<'_>> {
    let toks = lex(line, HEAD_BYTES);
    if key_value(&toks) {
        return None;
    }
    let (roles, last) = scan(&toks)?;
    // The separator the message follows: closing brackets and punctuation
    // that end fields, and the space after them.
    let mut end = last + 1;
    while let Some(t) = toks.get(end) {
        let ok = t.class == Class::Space
            || (closes(t)
                && !(t.text == "-" && toks.get(end + 1).is_some_and(|n| n.class != Class::Space)));
        if !ok {
            break;
        }
        end += 1;
    }
    let mut parts = Vec::with_capacity(end);
    let mut texts = Vec::with_capacity(end);
    for (t, r) in toks[..end].iter().zip(&roles) {
        parts.push(match t.class {
            _ if *r == Some(Role::Level) => Part::Level,
            Class::Date(l) => Part::Date(l),
            Class::Msecs => Part::Msecs,
            Class::Level => Part::Level,
            Class::Int => Part::Int,
            Class::Float => Part::Float,
            Class::Word => Part::Word,
            Class::Space => Part::Space,
            Class::Punct => Part::Lit(t.text.to_owned()),
        });
        texts.push(t.text);
    }
    Some(Head {
        parts,
        texts,
        roles: roles[..end].to_vec(),
    })
}

/// Reads fields from the line's start while they explain themselves:
/// returns each token's role and the index of the head's last field.
/// Stops at a second token no role explains in a row, at an attribute
/// seen already (a message that starts with a date or a level word), or at
/// a quote; `None` when the line starts with an unexplained token.
fn scan(toks: &[Tok<'_>]) -> Option<(Vec<Option<Role>>, usize)> {
    let mut roles = vec![None; toks.len()];
    let mut seen: Vec<Role> = Vec::new();
    let mut last: Option<usize> = None;
    let mut unknown: Option<usize> = None;
    let mut depth = 0usize;
    for (i, t) in toks.iter().enumerate() {
        match t.class {
            Class::Space => continue,
            Class::Punct if matches!(t.text, "\"" | "'" | "=" | "`") => break,
            Class::Punct if opens(t) => {
                depth += 1;
                continue;
            }
            Class::Punct => {
                // The last word of a bracket the head opened is a field.
                if closes(t) && depth > 0 && matches!(t.text, "]" | ")" | "}" | ">") {
                    depth -= 1;
                    if let Some(u) = unknown.take()
                        && toks[u].class == Class::Word
                        && toks.get(u + 1) == Some(t)
                    {
                        roles[u] = Some(Role::NameSlot);
                        last = Some(u);
                    }
                }
                continue;
            }
            _ => {}
        }
        let role = role(toks, i).or_else(|| {
            let guess = last.is_some()
                && toks[i].class == Class::Word
                && (between_separators(toks, i) || before_colon(toks, i));
            guess.then_some(Role::NameGuess)
        });
        match role {
            Some(r) if unique(r) && seen.contains(&r) => break,
            Some(r) => {
                if unique(r) {
                    seen.push(r);
                }
                roles[i] = Some(r);
                last = Some(i);
                unknown = None;
            }
            None => {
                last?;
                if unknown.is_some() {
                    break;
                }
                unknown = Some(i);
            }
        }
    }
    let last = last?;
    // A head needs a field that only a format writes.
    let strong = roles[..=last].iter().flatten().any(|r| {
        matches!(
            r,
            Role::Asctime
                | Role::Level
                | Role::Created
                | Role::ThreadName
                | Role::ProcessName
                | Role::Pathname
                | Role::Filename
        )
    });
    strong.then_some((roles, last))
}

/// The separator before or after token `i`: the spaces and punctuation
/// between it and the next word.
fn separator<'a>(toks: &[Tok<'a>], range: impl Iterator<Item = usize>) -> Vec<&'a str> {
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
fn between_separators(toks: &[Tok<'_>], i: usize) -> bool {
    let mut before = separator(toks, (0..i).rev());
    before.reverse();
    let after = separator(toks, i + 1..toks.len());
    let punct = before.iter().any(|t| !t.trim().is_empty());
    punct && before == after && is_identifier(toks[i].text)
}

/// Whether word `i` is followed by `: ` or `:` at the end, as
/// `%(name)s: %(message)s` writes.
fn before_colon(toks: &[Tok<'_>], i: usize) -> bool {
    let colon = toks.get(i + 1).is_some_and(|t| t.text == ":");
    let then = toks.get(i + 2).is_none_or(|t| t.class == Class::Space);
    colon && then && is_identifier(toks[i].text)
}

/// Whether a text is a standard level name (not cut).
pub(super) fn is_full_level(t: &str) -> bool {
    LEVELS.contains(&t) || t.starts_with("Level ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(line: &str) -> Option<Vec<(String, Option<Role>)>> {
        let h = head(line)?;
        Some(
            h.texts
                .iter()
                .zip(&h.roles)
                .map(|(t, r)| (t.to_string(), *r))
                .collect(),
        )
    }

    fn fields(line: &str) -> Vec<(String, Role)> {
        shape(line)
            .unwrap_or_else(|| panic!("no head: {line}"))
            .into_iter()
            .filter_map(|(t, r)| Some((t, r?)))
            .collect()
    }

    #[test]
    fn the_readmes_example_has_a_bracketed_logger_name() {
        let got = fields("2024-05-11 14:44:45 INFO [orders.api] order accepted");
        assert_eq!(
            got,
            [
                ("2024-05-11 14:44:45".into(), Role::Asctime),
                ("INFO".into(), Role::Level),
                ("orders.api".into(), Role::Name)
            ]
        );
        let h = head("2024-05-11 14:44:45 INFO [orders.api] order accepted").unwrap();
        assert_eq!(h.texts.concat(), "2024-05-11 14:44:45 INFO [orders.api] ");
    }

    #[test]
    fn a_location_is_a_file_or_module_and_a_line_number() {
        let got = fields("[2024-05-11 14:44:45,123] {dag.py:12} INFO - started");
        assert_eq!(got[1], ("dag.py".into(), Role::Filename));
        assert_eq!(got[2], ("12".into(), Role::Lineno));
        let got = fields("[I 240511 14:44:44 web:2250] 200 GET /");
        assert_eq!(got[0], ("I".into(), Role::Level));
        assert_eq!(got[2], ("web".into(), Role::Module));
        assert_eq!(got[3], ("2250".into(), Role::Lineno));
    }

    #[test]
    fn thread_and_process_names_are_known_by_the_names_python_gives_them() {
        for w in [
            "MainThread",
            "Thread-3",
            "Thread-3 (worker)",
            "ThreadPoolExecutor-0_0",
            "Dummy-1",
        ] {
            assert!(is_thread_name(w), "{w}");
        }
        for w in [
            "MainProcess",
            "ForkPoolWorker-2",
            "SpawnProcess-1",
            "Process-1:2",
        ] {
            assert!(is_process_name(w), "{w}");
        }
        assert!(!is_thread_name("Thread"));
        assert!(!is_process_name("Worker-2"));
        let got = fields("[2024-05-11 14:44:45,123: INFO/ForkPoolWorker-2] task done");
        assert_eq!(got[2], ("ForkPoolWorker-2".into(), Role::ProcessName));
    }

    #[test]
    fn an_unknown_token_between_fields_is_kept_in_the_head() {
        let h = head("2024-05-11 14:44:45,123 7 INFO mydb odoo.modules.loading: loading").unwrap();
        assert_eq!(
            h.texts.concat(),
            "2024-05-11 14:44:45,123 7 INFO mydb odoo.modules.loading: "
        );
    }

    #[test]
    fn the_message_starts_at_a_repeated_attribute_or_two_unexplained_words() {
        let h = head("2024-05-11 14:44:45,123 INFO ERROR count: 3").unwrap();
        assert_eq!(h.texts.concat(), "2024-05-11 14:44:45,123 INFO ");
        let h = head("2024-05-11 14:44:45,123 INFO took 3 ms in app.py").unwrap();
        assert_eq!(h.texts.concat(), "2024-05-11 14:44:45,123 INFO ");
        let h = head("2024-05-11 14:44:45,123 INFO [cache] hit").unwrap();
        assert_eq!(h.texts.concat(), "2024-05-11 14:44:45,123 INFO [cache] ");
    }

    #[test]
    fn lines_that_must_not_be_split_have_no_head() {
        for line in [
            "10.0.3.7 - - [11/May/2024:14:44:44 +0000] \"GET / HTTP/1.1\" 200 2",
            "event='order placed' order_id=7 total='9.99'",
            "time=2024-05-11T14:44:45Z level=info msg=started",
            "migrations applied: 12",
            "{\"levelname\": \"INFO\"}",
            "orders.api: hello",
            "KeyError: 'missing'",
        ] {
            assert!(head(line).is_none(), "{line}");
        }
    }
}
