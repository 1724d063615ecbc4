//! One line → its head: the fields before the message, each with the role
//! its own shape suggests, and the separator the message follows. Lines
//! with the same head shape were (most likely) written by one format.

use super::foreign::{common_log, foreign_source, opens_message};
use super::known::is_top_logger;
use super::lex::{Class, Tok, closes, is_wide_separator, lex, opens};
use super::names::past_tense;
use super::padding::fold_padding;
use super::role::{
    Role, before_colon, before_dash, between_separators, is_dotted, is_identifier, key_before,
    next_evident, role, unique,
};
use super::suffix::{push_suffix, suffix_start, timed};

/// How many bytes of a line are read for its head: a head with a path, a
/// timestamp, a level, a logger and a thread fits with room to spare.
pub(super) const HEAD_BYTES: usize = 400;

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
    /// Where the message is, when fields follow it (a suffix such as
    /// ` (%(filename)s:%(lineno)d)`).
    Message,
}

/// One line's head: parts, and per part its text and suggested role.
#[derive(Debug, Clone)]
pub(super) struct Head<'a> {
    pub(super) parts: Vec<Part>,
    pub(super) texts: Vec<&'a str>,
    pub(super) roles: Vec<Option<Role>>,
}

impl Head<'_> {
    /// This head up to its last timestamp, milliseconds or level and the
    /// space after it, when it has a timestamp: a level word alone may be
    /// free text's first word (a location after the message keeps the
    /// head whole).
    pub(super) fn up_to_time_or_level(&self) -> Option<Self> {
        let last = self
            .parts
            .iter()
            .rposition(|p| matches!(p, Part::Date(_) | Part::Msecs | Part::Level))?;
        let end = last + 2;
        let dated = self.parts[..end.min(self.parts.len())]
            .iter()
            .any(|p| matches!(p, Part::Date(_)));
        let spaced = self.parts.get(last + 1) == Some(&Part::Space);
        (dated && spaced && !self.parts.contains(&Part::Message)).then(|| Head {
            parts: self.parts[..end].to_vec(),
            texts: self.texts[..end].to_vec(),
            roles: self.roles[..end].to_vec(),
        })
    }
}

/// The head of `line`, or `None` when the line can't show a format: it
/// starts with a token no field explains (an access log's address, free
/// text), or is a `key=value` line.
pub(super) fn head(line: &str) -> Option<Head<'_>> {
    if common_log(line) {
        return None;
    }
    // A location printed after the message is no part of the head, even
    // when the message is a word or two.
    let suffix = suffix_start(line);
    let body = &line[..suffix.unwrap_or(line.len())];
    let toks = fold_padding(body, lex(body, HEAD_BYTES));
    if foreign_source(&toks) {
        return None;
    }
    let (mut roles, last) = scan(&toks)?;
    let end = separator_end(&toks, last);
    // The words of the separator (`msg=`) are the format's own.
    for j in last + 1..end {
        if toks[j].class == Class::Word {
            roles[j] = Some(Role::Key);
        }
    }
    let mut head = Head {
        parts: Vec::with_capacity(end + 8),
        texts: Vec::with_capacity(end + 8),
        roles: roles[..end].to_vec(),
    };
    for (t, r) in toks[..end].iter().zip(&roles) {
        head.parts.push(match t.class {
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
        head.texts.push(t.text);
    }
    // A timestamp after the message where one leads the line is the
    // message's own (`… finished [2024-05-11 14:44:48]`): no format prints
    // its time twice.
    let dated = head.parts.iter().any(|p| matches!(p, Part::Date(_)));
    if let Some(at) = suffix.filter(|&at| !(dated && timed(&line[at..]))) {
        push_suffix(&mut head, &line[at..]);
    }
    Some(head)
}

/// The keys a format writes before its message (`msg=%(message)s`): the
/// head ends at them, and the message starts after their `=`. structlog's
/// `event=` ends the head too, but opens the message it renders.
const MESSAGE_KEYS: [&str; 2] = ["msg", "message"];

/// Where the separator after the head's last field (`last`) ends:
/// closing brackets and punctuation that end fields, the space after
/// them, and a `msg=` (or `msg="`) that the message follows.
fn separator_end(toks: &[Tok<'_>], last: usize) -> usize {
    let mut end = last + 1;
    while let Some(t) = toks.get(end) {
        // ` - `, ` -- `, ` -> `: a dash ends fields only as a separator.
        let dash_ok = |n: &Tok<'_>| n.class == Class::Space || matches!(n.text, "-" | ">");
        let call = t.text == "(" && toks.get(end + 1).is_some_and(|n| n.text == ")");
        let message_key = t.class == Class::Word
            && MESSAGE_KEYS.contains(&t.text)
            && toks.get(end + 1).is_some_and(|n| n.text == "=");
        if message_key {
            end += 2;
            if toks.get(end).is_some_and(|n| n.text == "\"") {
                end += 1;
            }
            return end;
        }
        // ` / ` between fields (`%(levelname)s / %(message)s`), never a
        // path's slash.
        let spaced = toks[end - 1].class == Class::Space
            && toks.get(end + 1).is_some_and(|n| n.class == Class::Space);
        let slash = t.text == "/" && spaced;
        // ` — ` and the other separators beyond ASCII, likewise.
        let wide = spaced && is_wide_separator(t);
        // ` => ` right after a field's word (Safety's `%(name)s =>
        // %(message)s`), as ` -> `; after a bracket, the message's own
        // (Label Studio's `[%(levelname)s] => Database …`).
        let arrow = t.text == "="
            && toks[end - 1].class == Class::Space
            && end >= 2
            && toks[end - 2].class != Class::Punct
            && toks.get(end + 1).is_some_and(|n| n.text == ">");
        if after_bar(toks, Some(last), end) {
            break;
        }
        // oslo.log's request context where there is none, `[-]` after a
        // dotted logger (its `%(name)s [-] %(message)s`, yabgp's): the
        // format's own text. After a level it is a message's own mark
        // (`INFO [-] Host down`, `INFO [+] Host up`).
        let texts = |k: usize| toks.get(end + k).map(|n| n.text);
        let logger = toks[last].class == Class::Word && toks[last].text.contains('.');
        let spaced = toks.get(end + 3).is_some_and(|n| n.class == Class::Space);
        if logger && t.text == "[" && texts(1) == Some("-") && texts(2) == Some("]") && spaced {
            end += 3;
            continue;
        }
        let ok = t.class == Class::Space
            || call
            || arrow
            || slash
            || wide
            || (t.text == ")" && toks[end - 1].text == "(")
            || (closes(t) && !(t.text == "-" && toks.get(end + 1).is_some_and(|n| !dash_ok(n))));
        if !ok {
            break;
        }
        end += 1;
    }
    end
}

/// Reads fields from the line's start while they explain themselves:
/// returns each token's role and the index of the head's last field.
/// Stops at a second token no role explains in a row, at an attribute
/// seen already (a message that starts with a date or a level word), or at
/// a quote; `None` when the line starts with an unexplained token.
fn scan(toks: &[Tok<'_>]) -> Option<(Vec<Option<Role>>, usize)> {
    let mut roles = vec![None; toks.len()];
    let mut seen: Vec<Role> = Vec::new();
    let (mut last, mut unknown): (Option<usize>, Option<usize>) = (None, None);
    // Unexplained tokens in a row, and brackets open.
    let (mut run, mut depth) = (0, 0usize);
    for (i, t) in toks.iter().enumerate().skip(leading_marks(toks)) {
        match t.class {
            Class::Space => continue,
            Class::Punct if t.text == "=" && i >= 1 && roles[i - 1] == Some(Role::Key) => continue,
            Class::Punct if matches!(t.text, "\"" | "'" | "=" | "`") && !quoted_place(toks, i) => {
                break;
            }
            Class::Punct if after_bar(toks, last, i) => break,
            Class::Punct if opens(t) => {
                depth += 1;
                continue;
            }
            Class::Punct => {
                if let Some((u, r)) = closed_field(toks, t, &mut depth, &mut unknown) {
                    roles[u] = Some(r);
                    last = Some(u);
                }
                continue;
            }
            _ if opens_message(toks, i) => break,
            _ if last.is_some() && colour_opens_message(toks, i) => break,
            _ => {}
        }
        let read = last.is_some();
        // A number before the message's separator is a field.
        let numbered = t.class == Class::Int && read && before_separator(toks, i);
        let r = role_in_head(toks, &roles, i, read, read && unknown.is_none())
            .or(numbered.then_some(Role::Bracketed));
        match module_function(r, &seen, t.text) {
            Some(Role::Key) => {
                // `msg=` ends the head: the message follows. So does
                // structlog's `event=`, which opens the message it renders
                // (Kodiak's `event='start ingest_queue_watcher' queue=…`).
                if MESSAGE_KEYS.contains(&t.text) || t.text == "event" {
                    break;
                }
                roles[i] = Some(Role::Key);
            }
            Some(r) if unique(r) && seen.contains(&r) => break,
            Some(r) => {
                if unique(r) {
                    seen.push(r);
                }
                roles[i] = Some(r);
                last = Some(i);
                unknown = None;
                run = 0;
            }
            None => {
                // An unexplained token may stand between fields, once in a
                // row; twice only right before a field that explains itself
                // (`%(module)s %(process)d %(thread)d`). The line's first
                // token may be a number or a logger name before one
                // (`%(relativeCreated)d`, `%(name)-12s - %(levelname)s`).
                run += 1;
                let lead = last.is_none() && (after_key(toks, &roles, i) || leads(toks, i));
                if last.is_none() && !lead {
                    return None;
                }
                if run > 2 || (run == 2 && !next_evident(toks, i) && !glued_to_pid(toks, i)) {
                    break;
                }
                if lead && toks[i].class == Class::Word {
                    roles[i] = Some(Role::NameGuess);
                }
                unknown = Some(i);
            }
        }
    }
    let last = last?;
    shows_a_format(toks, &roles, last).then_some((roles, last))
}

/// The last word of a bracket the head opened, which `t` closes, and the
/// field it is; `depth` counts the brackets open, `unknown` the word no
/// role explained yet.
fn closed_field(
    toks: &[Tok<'_>],
    t: &Tok<'_>,
    depth: &mut usize,
    unknown: &mut Option<usize>,
) -> Option<(usize, Role)> {
    if !(closes(t) && *depth > 0 && matches!(t.text, "]" | ")" | "}" | ">")) {
        return None;
    }
    *depth -= 1;
    let u = unknown.take().filter(|&u| toks.get(u + 1) == Some(t))?;
    bracket_end(&toks[u]).map(|r| (u, r))
}

/// Whether token `i` is a colour code that starts the message rather than
/// a format's colour field: after a space, and followed (past further
/// codes) by neither a field nor a bracket. NewsBlur colours its messages
/// (`[%(asctime)s] %(message)s`, `]  \x1b[34m\x1b[1m--->\x1b[37m …`);
/// colorlog's `%(log_color)s%(levelname)s` is glued to the level it
/// colours, and Chaos Toolkit's `%(color)s[` to its bracket.
fn colour_opens_message(toks: &[Tok<'_>], i: usize) -> bool {
    let colour = |t: &Tok<'_>| t.text.starts_with('\x1b');
    if !colour(&toks[i]) || i == 0 || toks[i - 1].class != Class::Space {
        return false;
    }
    let Some(j) = (i + 1..toks.len()).find(|&j| !colour(&toks[j])) else {
        return true;
    };
    !(opens(&toks[j]) || role(toks, j).is_some())
}

/// Whether the quote at `i` opens or closes a file's place and line in
/// quotes, `"/code/app.py:42"` (SimpleLogin's `"%(pathname)s:%(lineno)d"`):
/// the format's own quotes, which no message's quote is.
fn quoted_place(toks: &[Tok<'_>], i: usize) -> bool {
    let place = |k: usize| {
        matches!(
            toks.get(k..k + 4),
            Some([f, c, n, q]) if f.class == Class::Word && f.text.ends_with(".py")
                && c.text == ":" && n.class == Class::Int && q.text == "\""
        )
    };
    place(i + 1) || (i >= 4 && place(i - 3) && toks[i - 4].text == "\"")
}

/// Whether token `i` is an arrow (`-->`, `->`) after a bar that follows
/// the head's last field: the message's (KIWI's `%(asctime)s | -->
/// Importing …`), as a format separates its fields one way. A dash alone
/// is a separator there (ThingsBoard's `|%(levelname)s| - [`).
fn after_bar(toks: &[Tok<'_>], last: Option<usize>, i: usize) -> bool {
    let arrow = toks[i].text == "-" && toks.get(i + 1).is_some_and(|n| matches!(n.text, "-" | ">"));
    arrow && last.is_some_and(|l| toks[l + 1..i].iter().any(|p| p.text == "|"))
}

/// How many tokens of a mark the format writes before its time lead the
/// line (EasyBuild's `== %(asctime)s`, a rule's `>> `): one punctuation
/// mark repeated, then a space and a date.
fn leading_marks(toks: &[Tok<'_>]) -> usize {
    let Some(first) = toks.first().filter(|t| t.class == Class::Punct) else {
        return 0;
    };
    if !matches!(first.text, "=" | ">" | "*" | "#" | "-" | "~" | "+") {
        return 0;
    }
    let n = toks.iter().take_while(|t| t.text == first.text).count();
    let dated = toks
        .get(n + 1)
        .is_some_and(|t| matches!(t.class, Class::Date(_)));
    match toks.get(n).is_some_and(|t| t.class == Class::Space) && dated {
        true => n,
        false => 0,
    }
}

/// The role of an unexplained token that ends a bracket the head opened:
/// a word is where a logger goes, a number a process id (Checkmk's
/// `[%(name)s %(process)d]`).
fn bracket_end(t: &Tok<'_>) -> Option<Role> {
    match t.class {
        Class::Word => Some(Role::NameSlot),
        Class::Int => Some(Role::Bracketed),
        _ => None,
    }
}

/// Whether word `i` is glued to a bracketed number before a field that
/// explains itself, as syslog writes a program and its pid after a host
/// (ScoutSuite's `%(hostname)s %(name)s[%(process)d] %(levelname)s`).
fn glued_to_pid(toks: &[Tok<'_>], i: usize) -> bool {
    let text = |k: usize| toks.get(i + k).map(|t| t.text);
    toks[i].class == Class::Word
        && text(1) == Some("[")
        && toks.get(i + 2).is_some_and(|t| t.class == Class::Int)
        && text(3).is_some_and(|t| t.starts_with(']'))
        && next_evident(toks, i + 3)
}

/// Whether token `i` is a value after the format's own `key=`: the first
/// one (`ts=%(relativeCreated)d`) may lead a head, named by its column.
fn after_key(toks: &[Tok<'_>], roles: &[Option<Role>], i: usize) -> bool {
    key_before(toks, i).is_some_and(|k| roles[k] == Some(Role::Key))
}

/// Whether token `i` is followed by a separator the message comes after:
/// ` > `, ` - `, ` | ` (or one beyond ASCII, QCoDeS's ` ¦ `), or `:`
/// glued to it and not followed by a digit.
/// A number there (`%(process)d > %(message)s`, `:%(process)d:%(message)s`)
/// is a field, named by what the lines' column shows.
fn before_separator(toks: &[Tok<'_>], i: usize) -> bool {
    let spaced = |j: usize| toks.get(j).is_some_and(|t| t.class == Class::Space);
    match (toks.get(i + 1), toks.get(i + 2)) {
        (Some(p), Some(n)) if p.text == ":" => !n.text.starts_with(|c: char| c.is_ascii_digit()),
        // `59 >`, its space folded into the number as `>` closes.
        (Some(p), Some(_)) if p.text == ">" => toks[i].text.ends_with(' ') && spaced(i + 2),
        (Some(s), Some(p)) if s.class == Class::Space => {
            (matches!(p.text, ">" | "-" | "|") || is_wide_separator(p)) && spaced(i + 3)
        }
        _ => false,
    }
}

/// Role `r` of word `w`, except that after a logger's name a dotted word
/// of two identifiers is the module and the function, as
/// `%(module)s.%(funcName)s` prints them (once; a third dotted word ends
/// the head as any attribute seen already does).
fn module_function(r: Option<Role>, seen: &[Role], w: &str) -> Option<Role> {
    let pair = w
        .split_once('.')
        .is_some_and(|(m, f)| is_identifier(m) && is_identifier(f));
    match r {
        Some(Role::Name)
            if pair && seen.contains(&Role::Name) && !seen.contains(&Role::ModuleFunc) =>
        {
            Some(Role::ModuleFunc)
        }
        r => r,
    }
}

/// The role of token `i` inside a head that has read a field already
/// (`read`), the token before it explained (`fresh`): its own, else a
/// logger name's slot, else the value of the format's own `key=`, which
/// is a field whatever it shows (`user=%(user)s`).
fn role_in_head(
    toks: &[Tok<'_>],
    roles: &[Option<Role>],
    i: usize,
    read: bool,
    fresh: bool,
) -> Option<Role> {
    if read && placed_in(toks, i) {
        return Some(Role::Key);
    }
    // After that `in`, a dotted word is a logger's name; a bare one the
    // module Flask prints, unless only a logger is named so.
    if i >= 2 && roles[i - 2] == Some(Role::Key) && toks[i - 2].text == "in" {
        let w = toks[i].text;
        return Some(if is_dotted(w) || is_top_logger(w) {
            Role::Name
        } else {
            Role::Module
        });
    }
    let guess = fresh && name_guess(toks, i);
    let valued = read && key_before(toks, i).is_some_and(|k| roles[k] == Some(Role::Key));
    role(toks, i)
        .or(guess.then_some(Role::NameGuess))
        .or(valued.then_some(Role::NameSlot))
}

/// Whether word `i` is the `in` of Flask's `%(levelname)s in
/// %(module)s: ` (its default handler's and its documentation's format,
/// copied with a logger's name for the module): the format's own word
/// before where the record was logged, a word and a colon. A message
/// that starts with `in` goes on with a sentence's words.
fn placed_in(toks: &[Tok<'_>], i: usize) -> bool {
    let at = |k: usize| toks.get(k).map(|t| t.text);
    toks[i].text == "in"
        && at(i + 1) == Some(" ")
        && toks
            .get(i + 2)
            .is_some_and(|t| is_identifier(t.text) || is_dotted(t.text))
        && at(i + 3) == Some(":")
        && at(i + 4) == Some(" ")
}

/// Whether token `i`, unexplained and first on the line, may start a
/// head: a number or a word right before a field that explains itself,
/// or a number before a dotted logger name.
fn leads(toks: &[Tok<'_>], i: usize) -> bool {
    let number = matches!(toks[i].class, Class::Int | Class::Float);
    let shape = number || is_identifier(toks[i].text.trim_matches(' '));
    // A number before a bracketed process id and a level
    // (`%(relativeCreated)6d - [%(process)d] - %(levelname)s`).
    let before_pid = || {
        let j = next_word(toks, i);
        j.is_some_and(|j| role(toks, j) == Some(Role::Bracketed) && next_evident(toks, j))
    };
    // Or before a process id and a thread's (`%(relativeCreated)d
    // %(process)d:%(thread)d`).
    let before_ids = || {
        let j = next_word(toks, i);
        j.is_some_and(|j| toks[j].class == Class::Int && next_evident(toks, j))
    };
    // A program and its pid before a time, as syslog writes them
    // (ospd-openvas's `OSPD[7] %(asctime)s`, its pid written in).
    shape
        && (next_evident(toks, i)
            || next_is_logger(toks, i)
            || (number && (before_pid() || before_ids()))
            || glued_to_pid(toks, i))
}

/// The index of the next token after `i` that is neither space nor
/// punctuation.
fn next_word(toks: &[Tok<'_>], i: usize) -> Option<usize> {
    (i + 1..toks.len()).find(|&j| !matches!(toks[j].class, Class::Space | Class::Punct))
}

/// Whether the next word after token `i` is a dotted logger name: a
/// number before one starts a head (`%(relativeCreated)d | %(name)s`).
fn next_is_logger(toks: &[Tok<'_>], i: usize) -> bool {
    let Some(j) = next_word(toks, i) else {
        return false;
    };
    // A word before a place in the code (`worker worker.run:736`):
    // `%(name)s %(module)s.%(funcName)s:%(lineno)d`.
    let placed = || {
        toks.get(j + 1).is_some_and(|t| t.text == ":")
            && toks.get(j + 2).is_some_and(|t| t.class == Class::Int)
    };
    (matches!(toks[i].class, Class::Int | Class::Float) || placed())
        && role(toks, j) == Some(Role::Name)
}

/// Whether word `i`, right after a field, stands where a logger name
/// does: before `: ` or ` - `, or between two copies of a separator.
fn name_guess(toks: &[Tok<'_>], i: usize) -> bool {
    toks[i].class == Class::Word
        && (between_separators(toks, i) || before_colon(toks, i) || before_dash(toks, i))
        && !past_tense(toks[i].text)
        && !(shouted(toks[i].text)
            && !spaced_colon(toks, i)
            && next_word(toks, i).is_some_and(|j| toks[j].class == Class::Word))
}

/// Whether word `i` is followed by ` : `, a format's separator
/// (Headphones' `%(levelname)s :: %(threadName)s : %(message)s`): a
/// message's own label is glued to its colon (`INIT: Using config`).
fn spaced_colon(toks: &[Tok<'_>], i: usize) -> bool {
    toks[i].text.ends_with(' ') && toks.get(i + 1).is_some_and(|t| t.text == ":")
}

/// An upper-case word (`INIT`, `REST`, `NOTE`): before words, a message's
/// own label (Conan's `INIT: Using config …`), where loggers, named after
/// modules, are lower case; before a number, a format's own (Leapp's
/// `PID: %(process)d`).
pub(super) fn shouted(w: &str) -> bool {
    w.bytes().filter(|c| c.is_ascii_alphabetic()).count() >= 2
        && !w.bytes().any(|c| c.is_ascii_lowercase())
}

/// Whether a head up to `last` shows a field that only a format writes,
/// and, with `key=` text, Python's own upper-case level name or a time
/// with a space left unquoted (a structured-logging library writes its own
/// level names, and logfmt quotes a value with a space).
fn shows_a_format(toks: &[Tok<'_>], roles: &[Option<Role>], last: usize) -> bool {
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
    let has_keys = roles.contains(&Some(Role::Key));
    let level = roles[..=last].contains(&Some(Role::Level));
    let spaced_time =
        (0..=last).any(|i| roles[i] == Some(Role::Asctime) && toks[i].text.trim().contains(' '));
    // Or a dotted logger name before the first key: a format's own
    // `trace=%(trace_id)s` after its fields, never a line of pairs.
    let first_key = roles.iter().position(|r| *r == Some(Role::Key));
    let named = first_key.is_some_and(|k| roles[..k].contains(&Some(Role::Name)));
    // A place in the code (`orders.api:42`, `[views:42]`) is a field only
    // a format writes too, but a host and its port look alike: such a
    // head counts only where a group's line numbers vary (`format_of`).
    let placed = || {
        (2..=last).any(|i| {
            roles[i] == Some(Role::Lineno)
                && matches!(roles[i - 2], Some(Role::Name | Role::Module))
        })
    };
    (strong && (!has_keys || level || spaced_time || named)) || (!has_keys && placed())
}

#[cfg(test)]
mod tests {
    use super::super::role::{is_process_name, is_thread_name};
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
    fn an_at_sign_parts_a_place_in_the_code_from_its_line_as_a_colon_does() {
        // mpp-solar's `%(module)s:%(funcName)s@%(lineno)d: `.
        let got = fields("2024-05-11 14:44:55,783:INFO:__init__:main@248: Solar Device");
        let main = got.iter().position(|(t, _)| t == "main");
        assert!(main.is_some(), "{got:?}");
        assert_eq!(got[main.unwrap_or(0) + 1], ("248".into(), Role::Lineno));
        let got = fields("2024-05-11 14:44:55,783 - daemon.py@107 - INFO: hello");
        assert_eq!(got[1], ("daemon.py".into(), Role::Filename));
        assert_eq!(got[2], ("107".into(), Role::Lineno));
        // An address keeps its `@`, and so does a version.
        assert!(
            shape("2024-05-11 14:44:55,783 mail to ops@example.com")
                .is_none_or(|s| { s.iter().all(|(t, _)| !t.starts_with("ops")) })
        );
    }

    #[test]
    fn a_function_and_a_number_spaced_after_a_file_are_a_place_in_the_code() {
        // Hedy's `%(filename)s %(funcName)s %(lineno)d <%(levelname)s>: `.
        let got = fields(
            "[2024-05-11 14:44:51,615] aws_helpers.py s3_transmitter 27 <WARNING>: Unable to",
        );
        assert_eq!(got[1], ("aws_helpers.py".into(), Role::Filename));
        assert_eq!(got[2], ("s3_transmitter".into(), Role::FuncName));
        assert_eq!(got[3], ("27".into(), Role::Lineno));
        assert_eq!(got[4], ("WARNING".into(), Role::Level));
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
    fn a_word_between_two_copies_of_a_separator_is_where_a_logger_name_goes() {
        let got = fields("<2024-06-21 09:20:11> - [31204] - [INFO    ] - asyncio - Created A-1");
        assert_eq!(got.last().unwrap(), &("asyncio".into(), Role::NameGuess));
        let got = fields("10:00:00 | WARNING | worker | b");
        assert_eq!(got.last().unwrap(), &("worker".into(), Role::NameGuess));
    }

    #[test]
    fn a_process_and_a_thread_name_joined_by_a_slash_are_two_fields() {
        let got = fields("[INFO] - MainProcess/MainThread - started");
        assert_eq!(got[1], ("MainProcess".into(), Role::ProcessName));
        assert_eq!(got[2], ("MainThread".into(), Role::ThreadName));
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
        // A client's address and port: uvicorn's access lines.
        let h = head("INFO:     172.18.0.1:43210 - \"POST /predict HTTP/1.1\" 200").unwrap();
        assert_eq!(h.texts.concat(), "INFO:     ");
        // A number and its unit: MACS3's messages open with its memory.
        let h = head("INFO  @ 11 May 2024 14:44:44: [302 MB] # read 1000000 reads").unwrap();
        assert_eq!(h.texts.concat(), "INFO  @ 11 May 2024 14:44:44: ");
        // Past words, a message may name another language's file.
        let h = head("2024-05-11 14:44:45,123 INFO could not build main.go:12").unwrap();
        assert_eq!(h.texts.concat(), "2024-05-11 14:44:45,123 INFO ");
        // A count of a whole: Rucio's daemons number themselves.
        let h = head("2024-05-11 14:44:44,078\troot\t3120\tINFO\t[0/2]: Daemon started").unwrap();
        assert_eq!(
            h.texts.concat(),
            "2024-05-11 14:44:44,078\troot\t3120\tINFO\t"
        );
    }

    #[test]
    fn a_colour_code_after_a_space_that_no_field_follows_starts_the_message() {
        let coloured = "[May 11 14:44:45]    \x1b[34m\x1b[1m--->\x1b[37m \x1b[1m\x1b[34m[\x1b[22mAWS  \x1b[34m]";
        let h = head(coloured).unwrap();
        assert_eq!(h.texts.concat(), "[May 11 14:44:45]    ");
        // colorlog's colour field is glued to the level it colours.
        let got = fields("2024-05-11 14:44:45 \x1b[32mINFO\x1b[0m [orders.api] accepted");
        let roles: Vec<Role> = got.into_iter().map(|(_, r)| r).collect();
        assert_eq!(
            roles,
            [Role::Asctime, Role::Id, Role::Level, Role::Id, Role::Name]
        );
    }

    #[test]
    fn lines_that_must_not_be_split_have_no_head() {
        for line in [
            "10.0.3.7 - - [11/May/2024:14:44:44 +0000] \"GET / HTTP/1.1\" 200 2",
            "ip-10-20-1-37.eu-west-1.compute.internal - - [11/May/2024 14:44:44] \"GET / HTTP/1.1\" 200 -",
            "I0511 14:44:44.050000      21 cache.go:139] Cannot detect ml-pipeline",
            "[2024-05-11 14:44:47.202][27][info][main] [source/server/server.cc:413] initializing",
            "2024-05-11 14:44:45,123 INFO main.go:12 built",
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
