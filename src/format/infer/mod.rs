//! Format inference: a stream's own lines → the `logging` format strings
//! that wrote them, compiled exactly as configured ones are, so nothing
//! after this module can tell an inferred format from a configured one.
//!
//! Each line's head is read by shape (`lex`, `head`): timestamps in the
//! layouts people configure, level names, locations, thread and process
//! names, logger names, and the literal text between them; the message is
//! the free text after the last field. Lines whose heads have the same
//! shape are grouped, and each group names its fields from what all its
//! lines show (`build`): a number that is the same on every line is a
//! process id, one after `file.py:` a line number, padding a width, cut
//! level names a precision.
//!
//! Precision before recall: a group becomes a format only when its lines
//! agree (two or more with a time or a level name) or one line shows both
//! a timestamp and a level name, and the compiled format matches its
//! lines. A format with a logger alone before the message needs six lines
//! or more whose loggers come back (`named`). A line that starts with a token no field explains (an access
//! log's address, free text), is a `key=value` line, or is another
//! program's (the Common Log Format, a place in another language's source:
//! `foreign`) shows no format. A field every message of a group leads
//! with joins its format (`lead`), formats that differ in one column are
//! merged (`merge`), and a syslog daemon's header read as a format is
//! dropped (`syslog`).
//!
//! Linear: each line is read once, at most [`head::HEAD_BYTES`] of it, and
//! at most [`MAX_LINES`] lines are read; grouping is a hash lookup per line.

mod build;
mod columns;
mod foreign;
mod glued;
mod head;
mod ids;
mod json_text;
mod known;
mod layouts;
mod lead;
mod levels;
mod lex;
mod marks;
mod merge;
mod named;
mod names;
mod numbers;
mod padding;
mod refine;
mod role;
mod suffix;
mod syslog;
mod widths;

use std::collections::HashMap;

use super::Format;
pub(crate) use build::NEUTRAL_PREFIX;
use build::build;
use head::{Head, Part, head};
pub(crate) use json_text::json_text;

/// How many lines inference reads. A delivery's first lines of each
/// format show it as well as all of them would.
pub(crate) const MAX_LINES: usize = 2_000;

/// At most this many formats are inferred for one delivery.
pub(crate) const MAX_FORMATS: usize = 8;

/// A logger's name and a function's, as one dotted word.
const PAIR: &str = "%(name)s.%(funcName)s";

/// Whether a token is a request, correlation or trace id (a UUID, or 16
/// or more hex digits): a custom field's value, never a message's word.
pub(crate) fn is_id(w: &str) -> bool {
    ids::is_id(w)
}

/// The format strings inferred from `lines`, for the submodules' tests.
#[cfg(test)]
fn format_strings(lines: &[&str]) -> Vec<String> {
    infer(lines.iter().copied())
        .into_iter()
        .map(|i| i.format)
        .collect()
}

/// A format inferred from lines, compiled.
#[derive(Debug, Clone)]
pub(crate) struct Inferred {
    /// As `PYTHON_LOG_FORMAT` would say it.
    pub(crate) format: String,
    /// As `PYTHON_LOG_DATEFMT` would say it (`None`: Python's default).
    pub(crate) datefmt: Option<String>,
    /// How many of the lines read showed it.
    pub(crate) lines: usize,
    pub(crate) compiled: Format,
    /// Its `%(name)s` is only a guess: a single word before `: ` (or
    /// between two ` | `) on every line, never dotted nor bracketed.
    guessed_name: bool,
    /// Most of the guessed names start with a capital, as a sentence's
    /// first word does (`CloudWatch: Attempting …`, `Interval: 60.0`) and
    /// a module's logger (`getLogger(__name__)`) never does.
    capital_guesses: bool,
    /// The wider format this one goes before: it reads this one's lines
    /// too, and the first format that matches a line gives its fields.
    before: Option<String>,
    /// It prints a logger and nothing else before the message (`named`):
    /// a traceback's exception line (`pkg.errors.Timeout: text`) reads as
    /// one of its records, so where that line would be it starts none.
    pub(crate) logger_only: bool,
}

/// One shape's lines.
struct Group<'a> {
    heads: Vec<Head<'a>>,
    lines: Vec<&'a str>,
}

/// The formats that wrote `lines` (record-start candidates, in order),
/// most lines first; nothing when the lines don't agree on one.
pub(crate) fn infer<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<Inferred> {
    let mut groups: Vec<Group<'a>> = Vec::new();
    let mut index: HashMap<Vec<Part>, usize> = HashMap::new();
    // Every line with a head, for what `lead` and `merge` must still read.
    let mut read = Vec::new();
    // Every line, for a format that prints a logger alone (`named`).
    let mut taken = Vec::new();
    for line in lines.into_iter().take(MAX_LINES) {
        taken.push(line);
        let Some(h) = head(line) else { continue };
        read.push(line);
        let g = *index.entry(h.parts.clone()).or_insert_with(|| {
            groups.push(Group {
                heads: Vec::new(),
                lines: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].heads.push(h);
        groups[g].lines.push(line);
    }
    let mut out: Vec<Inferred> = Vec::new();
    let left = formats_of(groups, &mut out);
    // Lines whose heads went on into words that differ line to line (the
    // message's first words, read as a logger here and not there) agree
    // on their fields up to the last time or level.
    let mut cut: Vec<Group<'a>> = Vec::new();
    let mut index: HashMap<Vec<Part>, usize> = HashMap::new();
    // How many shapes each cut group's lines come from.
    let mut shapes: Vec<Vec<usize>> = Vec::new();
    for (origin, group) in left.into_iter().enumerate() {
        for (h, line) in group.heads.into_iter().zip(group.lines) {
            let Some(h) = h.up_to_time_or_level() else {
                continue;
            };
            let g = *index.entry(h.parts.clone()).or_insert_with(|| {
                cut.push(Group {
                    heads: Vec::new(),
                    lines: Vec::new(),
                });
                shapes.push(Vec::new());
                cut.len() - 1
            });
            if shapes[g].last() != Some(&origin) {
                shapes[g].push(origin);
            }
            cut[g].heads.push(h);
            cut[g].lines.push(line);
        }
    }
    // Only where lines of different shapes agree: one line, or lines of
    // one shape, may show a field after the cut.
    let cut = cut
        .into_iter()
        .zip(shapes)
        .filter_map(|(g, from)| (from.len() >= 2).then_some(g))
        .collect();
    formats_of(cut, &mut out);
    let out = merge::same_logger(drop_guesses(lead::fields(out, &read)), &read);
    let out = merge::one_column(split_functions(out), &read);
    let out = refine::padded_fields(refine::program_tags(out, &read), &read);
    let out = narrow_first(syslog::drop_syslog(out, &read));
    named::formats(out, &taken)
}

/// A format inferred beside the same format with the message earlier,
/// where what it adds before the message is only a guess, is messages
/// that start so: a logger that only a word and a colon show
/// (`%(levelname)s %(name)s: ` beside `%(levelname)s `, from `cachedir:
/// /var/cache`, `Error: …`), or literal text that fewer lines show than
/// the shorter format's (`--- logging initialized ---`). An app prints
/// its format's fields and text on every line, so lines with the message
/// right after show it has neither. Its lines go to the shorter format,
/// which reads them.
fn drop_guesses(out: Vec<Inferred>) -> Vec<Inferred> {
    merge::fold_into(out, only_guesses, cut_levels)
}

/// The level's placeholder in `format`: `%(levelname)-5.5s`.
fn level_placeholder(format: &str) -> Option<&str> {
    let at = format.find("%(levelname)")?;
    // The conversion ends it: `levelname` has no `s` of its own.
    let end = at + format[at..].find('s')?;
    Some(&format[at..=end])
}

/// `format` with the slots that groups read apart written alike: the
/// level without its width or precision (a width shows only where names of
/// other lengths do, a precision where only some lines cut them: devpi's
/// `%(levelname)-5.5s`, `WARNI [req14] …` beside `INFO  NOCTX …`), and a
/// word before a line's number as the module (a group reads it as a module
/// or a function from its own words alone: pymodbus's `http_server`).
fn slots_alike(format: &str) -> String {
    let f = format.replacen("%(funcName)s:", "%(module)s:", 1);
    match level_placeholder(&f) {
        Some(p) => f.replacen(p, "%(levelname)s", 1),
        None => f,
    }
}

/// Gives `into` the level precision `gone`'s lines showed, which its own
/// never did (`drop_guesses`), compiled anew.
fn cut_levels(into: &mut Inferred, gone: &Inferred) {
    let (Some(cut), Some(plain)) = (
        level_placeholder(&gone.format),
        level_placeholder(&into.format),
    ) else {
        return;
    };
    if !cut.contains('.') || plain.contains('.') {
        return;
    }
    let format = into.format.replacen(plain, cut, 1);
    if let Ok(c) = Format::compile_strict(&format, into.datefmt.as_deref()) {
        (into.format, into.compiled) = (format, c);
    }
}

/// Whether `f` is `shorter` with only guesses added before the message
/// (`drop_guesses`).
fn only_guesses(f: &Inferred, shorter: &Inferred) -> bool {
    // What follows the message, the same in both (a colour's reset, a
    // location): only what comes before it may differ.
    let (Some((head, tail)), Some((short, short_tail))) = (
        f.format.rsplit_once("%(message)s"),
        shorter.format.rsplit_once("%(message)s"),
    ) else {
        return false;
    };
    if tail != short_tail {
        return false;
    }
    // A logger or module printed with its function
    // (`[%(name)s.%(funcName)s] `) is the same slot as a logger alone,
    // where dotted words there were read whole (SATOSA's
    // `[satosa.base._run] [urn:uuid:…] …`, proxy.py's
    // `server.access_log:393 - 10.20.6.12:42544 - …`).
    let mut short = short.to_string();
    for pair in [PAIR, "%(module)s.%(funcName)s"] {
        if short.contains(pair) && !head.contains(pair) {
            short = short.replacen(pair, "%(name)s", 1);
        }
    }
    let (head, short) = (slots_alike(head), slots_alike(&short));
    let Some(added) = head.strip_prefix(&short).filter(|a| !a.is_empty()) else {
        return false;
    };
    if f.datefmt != shorter.datefmt {
        return false;
    }
    // Either way the guess must not have shown itself on more lines.
    if !added.contains("%(") {
        return f.lines < shorter.lines;
    }
    // A value no attribute explains, then text (`%(field_1)s: ` from
    // `Loading VTs: …`, devpi's `[req14] `), within brackets or not, on
    // however many lines: a format prints its fields on every line.
    // The bracket may hold the value's own label first (`[urn:uuid:`).
    // Or values no attribute explains, one after another (IRRd's client
    // `10.0.4.17:51200: `, `%(field_1)s:%(field_2)d: `).
    let label = added.trim_start_matches(['[', '(', '{', '<']);
    let label_ok = label
        .split_once("%(")
        .is_some_and(|(l, _)| !l.contains(['%', ' ']));
    if label_ok && merge::only_neutral(added) {
        return true;
    }
    if message_label(added) {
        return true;
    }
    // A guess on more than twice the lines holds (an app's format beside
    // another's), unless its words read as a sentence's.
    if f.lines > 2 * shorter.lines && !f.capital_guesses {
        return false;
    }
    // `%(name)s`, a width or precision, then text.
    let Some(spec) = added.strip_prefix("%(name)") else {
        return false;
    };
    let text = spec.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
    (f.guessed_name || f.capital_guesses) && text.get(1..).is_some_and(|t| !t.contains("%("))
}

/// Whether `added` is a message's label, on however many lines it shows:
/// a bracket holding a word of the format's own before a logger (`[Office
/// %(name)s] `, from openvpn-monitor's messages' `[Office UDP]`: no format
/// writes a word before a logger's name in one bracket), or a titled one
/// (`titled_label`).
fn message_label(added: &str) -> bool {
    let bracketed = added
        .strip_prefix('[')
        .and_then(|r| r.split_once(" %(name)s] "))
        .is_some_and(|(w, rest)| {
            !w.is_empty() && w.bytes().all(|c| c.is_ascii_alphanumeric()) && rest.is_empty()
        });
    bracketed || titled_label(added)
}

/// Whether `added` is a capitalised word and one value, then the
/// message's separator: a message's label (Django Oscar's `Order
/// #100231: `), on however many lines. A format's own word before a value
/// is a label of what it holds (`PID`, `Thread`, `Line`: `role::LABELS`).
fn titled_label(added: &str) -> bool {
    let Some((word, rest)) = added.split_once(' ') else {
        return false;
    };
    let value = rest.trim_start_matches('#');
    let one = value.starts_with("%(")
        && value.matches("%(").count() == 1
        && [")d: ", ")d - ", ")s: ", ")s - "]
            .iter()
            .any(|end| value.ends_with(end));
    // Or values glued by colons, the message glued to the last (dbt-bouncer's
    // `Running check_model_names:0:stg_orders...`).
    let glued = value.starts_with("%(")
        && value.matches("%(").count() >= 2
        && value.matches(")s:%(").count() + value.matches(")d:%(").count() + 1
            == value.matches("%(").count()
        && [")d:", ")s:"].iter().any(|end| value.ends_with(end));
    refine::sentence_word(word) && (one || glued) && !role::is_label(word)
}

/// Adds the formats of `groups` to `out`, most lines first; returns the
/// groups that showed none.
fn formats_of<'a>(groups: Vec<Group<'a>>, out: &mut Vec<Inferred>) -> Vec<Group<'a>> {
    // Most lines first; a stable sort keeps first appearance for ties.
    let mut groups = groups;
    groups.sort_by_key(|g| std::cmp::Reverse(g.lines.len()));
    let mut left = Vec::new();
    // The lines of each format this call adds, by its place in `out`.
    let mut read: Vec<(usize, Vec<&'a str>)> = Vec::new();
    for group in groups {
        if out.len() == MAX_FORMATS {
            break;
        }
        let Some(found) = format_of(&group) else {
            left.push(group);
            continue;
        };
        // A group whose lines a format with more lines reads already is
        // messages that happen to start like fields (`job 957e2b63 …`
        // after the level): its format would never be tried first.
        let lines = &group.lines;
        let wider = out
            .iter()
            .position(|o| lines.iter().all(|l| o.compiled.starts(l)));
        // Unless it shows what no message starts with, or the wider one
        // reads its lines only across its own brackets: its lines are
        // another program's, which goes first.
        let wider = match wider {
            Some(w)
                if narrower(&found, &out[w])
                    || leveled(&found, &out[w], lines)
                    || lines
                        .iter()
                        .all(|l| merge::runs_across_brackets(&out[w].compiled, l)) =>
            {
                let before = Some(out[w].format.clone());
                out.push(Inferred { before, ..found });
                continue;
            }
            w => w,
        };
        if !found.format.contains(PAIR)
            && let Some(w) = wider
        {
            let theirs = read
                .iter()
                .find(|(i, _)| *i == w)
                .map(|(_, l)| l.as_slice());
            fold_into_wider(&mut out[w], found, theirs, &group.lines);
            continue;
        }
        match out
            .iter_mut()
            .find(|o| o.format == found.format && o.datefmt == found.datefmt)
        {
            Some(same) => same.lines += found.lines,
            None => {
                read.push((out.len(), group.lines));
                out.push(found);
            }
        }
    }
    left
}

/// Counts `found`'s lines, which `wide` reads, as `wide`'s: messages
/// that start like fields. Unless `wide` adds only guesses to `found`
/// (`only_guesses`), a value no attribute explains, an id on each of its
/// own lines (`theirs`) and a word on some of `found`'s (`own`), on more
/// lines than `found` has (KernelCI's node ids, `[INFO] 6650a1f3c2d7
/// lava-broonie`, beside `[INFO] Device health check`): then `wide`'s
/// lines are messages that start with an id, and `found` takes them, as
/// `drop_guesses` would have had `found` been inferred apart. (Lines
/// whose ids are there too only went on into words: a custom field.) Or
/// unless `wide` glues its message to a bracket or a bar, as formats
/// don't, and `found` reads
/// `wide`'s own lines (`theirs`) as well, and more of each: their heads
/// stopped early (Plone's `][%(threadName)s]`, a thread name with spaces
/// on most lines; Fix Inventory's `|%(threadName)10s  `, one no shape
/// names).
fn fold_into_wider(wide: &mut Inferred, found: Inferred, theirs: Option<&[&str]>, own: &[&str]) {
    let lines = wide.lines + found.lines;
    let ids = |lines: &[&str]| neutral_values(&wide.compiled, lines).all(|v| ids::is_id(&v));
    if only_guesses(wide, &found) && theirs.is_some_and(ids) && !ids(own) {
        let gone = std::mem::replace(wide, Inferred { lines, ..found });
        cut_levels(wide, &gone);
        return;
    }
    wide.lines = lines;
    let glued = ["]", ")", ">", "|"]
        .iter()
        .any(|b| wide.format.ends_with(&format!("{b}%(message)s")));
    if glued
        && found.format.len() > wide.format.len()
        && theirs.is_some_and(|l| l.iter().all(|l| found.compiled.starts(l)))
    {
        *wide = Inferred { lines, ..found };
    }
}

/// The values `format` reads into neutral fields on `lines`.
fn neutral_values<'l>(format: &'l Format, lines: &'l [&str]) -> impl Iterator<Item = String> + 'l {
    text_values(format, lines, |k| k.starts_with(NEUTRAL_PREFIX))
}

/// The text values `format` reads on `lines` under the keys `keep` takes.
fn text_values<'l>(
    format: &'l Format,
    lines: &'l [&str],
    keep: impl Fn(&str) -> bool + Copy + 'l,
) -> impl Iterator<Item = String> + 'l {
    lines.iter().flat_map(move |line| {
        let fields = format.read(line).into_iter().flatten();
        fields.filter_map(move |(k, v)| match v {
            crate::model::Value::Str(s) if keep(&k) => Some(s.to_string()),
            _ => None,
        })
    })
}

/// Whether `found`, whose lines `wide` reads, writes its time another way:
/// another program's lines, not messages that start like fields (Arvados'
/// `%(asctime)s %(name)s[%(process)d] %(levelname)s: ` beside crunch-run's
/// ISO 8601 time, whose datefmt reads a space for the `T`). A level or a
/// line number alone tells no program apart: messages start with them
/// (a level that changes, beside another field, does: `leveled`).
fn narrower(found: &Inferred, wide: &Inferred) -> bool {
    let dated = |f: &Inferred| f.format.contains("%(asctime)");
    dated(found) && dated(wide) && found.datefmt != wide.datefmt
}

/// Whether `found` reads a level that `wide` has no place for, and its
/// lines show two levels or more, beside another field: another
/// program's lines (Tern's `%(asctime)s - %(levelname)s - %(module)s - `
/// beside ZAP's `%(asctime)s %(message)s`, on fewer lines). A message may
/// start with a level's word, but not with one that changes line to line
/// and a logger after it.
fn leveled(found: &Inferred, wide: &Inferred, lines: &[&str]) -> bool {
    if !found.format.contains("%(levelname)") || wide.format.contains("%(levelname)") {
        return false;
    }
    // A field besides the level (Tern's module): a message that opens
    // with a level's word (`ERROR: …`, `WARNING: …`) shows no other.
    if found.format.matches("%(").count() < wide.format.matches("%(").count() + 2 {
        return false;
    }
    let mut levels = text_values(&found.compiled, lines, |k| k == "levelname");
    let first = levels.next();
    first.is_some_and(|f| levels.any(|v| v != f))
}

/// Puts each format kept apart from a wider one (`narrower`) before it,
/// and each before any whose head its own extends with a level (Deleterr's
/// `%(asctime)s - %(levelname)s :: … ` before PlexAniSync's `%(asctime)s `
/// in one stream): the shorter head reads the longer's lines as messages,
/// and a stream's first format reads a line before the others try. The
/// move asks for a level, which shows the longer is a program's own format
/// where other fields may be a message's words read as one (`SELECT
/// %(module)s.…`), and for a shorter head that shows no writer: after a
/// logger's name, a level may be a message's first word. It never undoes
/// the first loop's order (a format kept before this one stays there).
fn narrow_first(mut out: Vec<Inferred>) -> Vec<Inferred> {
    for i in 0..out.len() {
        let at = out[i]
            .before
            .as_ref()
            .and_then(|b| out[..i].iter().position(|o| o.format == *b));
        if let Some(w) = at {
            let f = out.remove(i);
            out.insert(w, f);
        }
    }
    for i in 0..out.len() {
        let at = out[..i].iter().position(|o| {
            merge::added(&out[i], o).is_some_and(|(s, a)| {
                a.contains("%(levelname)") && merge::writer_field(&s).is_none()
            })
        });
        let kept = |w: usize| {
            out[w..i]
                .iter()
                .any(|o| o.before.as_deref() == Some(out[i].format.as_str()))
        };
        if let Some(w) = at.filter(|&w| !kept(w)) {
            let f = out.remove(i);
            out.insert(w, f);
        }
    }
    out
}

/// A logger's name and a function's print as one dotted word
/// (`orders.tasks.run`) except where the function is `<module>`, whose
/// lines show `%(name)s.%(funcName)s`. Where both that format and the same
/// one with `%(name)s` alone were inferred, the dotted words are the
/// pair too: the split format reads them (a function name has no dot), and
/// the other goes.
fn split_functions(mut out: Vec<Inferred>) -> Vec<Inferred> {
    let joined: Vec<(String, Option<String>)> = out
        .iter()
        .filter(|f| f.format.contains(PAIR))
        .map(|f| (f.format.replacen(PAIR, "%(name)s", 1), f.datefmt.clone()))
        .collect();
    if joined.is_empty() {
        return out;
    }
    let mut moved = 0;
    out.retain(|f| {
        let merged = joined
            .iter()
            .any(|(j, d)| *j == f.format && *d == f.datefmt);
        moved += if merged { f.lines } else { 0 };
        !merged
    });
    if let Some(split) = out.iter_mut().find(|f| f.format.contains(PAIR)) {
        split.lines += moved;
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.lines));
    out
}

/// The format of one group, if its lines agree on one that matches them.
fn format_of(group: &Group<'_>) -> Option<Inferred> {
    let heads: Vec<&Head<'_>> = group.heads.iter().collect();
    let built = build(&heads);
    let n = group.lines.len();
    // One line alone must show a timestamp and a level name, and nothing
    // that only guesses.
    let guessed = || heads[0].roles.contains(&Some(role::Role::NameGuess));
    let enough = if n >= 2 {
        built.asctime || built.level || (n >= 3 && evident(&built.format, &heads) >= 2)
    } else {
        built.asctime && built.level && !guessed()
    };
    if !enough || !(built.asctime || built.level || lines_vary(&heads)) {
        return None;
    }
    let mut format = built.format;
    let mut compiled = Format::compile_strict(&format, built.datefmt.as_deref()).ok()?;
    // What only the whole group shows, before the message: a logger or a
    // process id (never both: one starts with a word, the other a number).
    // Twice: a function may follow a logger so (`%(name)s %(funcName)s`).
    for _ in 0..2 {
        let wider = columns::messages(&format, &compiled, &group.lines).and_then(|(at, m)| {
            columns::function_before_message(&format, at, &m)
                .or_else(|| columns::logger_before_message(&format, at, &m))
                .or_else(|| columns::module_before_message(&format, at, &m))
                .or_else(|| columns::line_before_message(&format, at, &group.lines, &m))
                .or_else(|| columns::process_before_message(&format, at, &m))
                .or_else(|| columns::module_after_logger(&format, at, &group.lines, &m))
        });
        let Some(wider) = wider else { break };
        let Ok(c) = Format::compile_strict(&wider, built.datefmt.as_deref()) else {
            break;
        };
        (format, compiled) = (wider, c);
    }
    if let Some(next) = message_below(&format, group)
        && let Ok(c) = Format::compile_strict(&next, built.datefmt.as_deref())
    {
        (format, compiled) = (next, c);
    }
    if let Some(spaced) = refine::space_after_message(&format, &group.lines)
        && let Ok(c) = Format::compile_strict(&spaced, built.datefmt.as_deref())
    {
        (format, compiled) = (spaced, c);
    }
    let matched = group.lines.iter().filter(|l| compiled.starts(l)).count();
    // Nine in ten of the group's lines must fit, or the format is not what
    // wrote them (a message can start so as to change a line's shape).
    let (guessed_name, capital) = refine::guesses(&heads);
    if guessed_name
        && let Some(plain) = refine::without_guess(&format, &heads)
        && let Ok(c) = Format::compile_strict(&plain, built.datefmt.as_deref())
    {
        (format, compiled) = (plain, c);
    }
    (matched * 10 >= n * 9).then_some(Inferred {
        format,
        datefmt: built.datefmt,
        lines: n,
        compiled,
        guessed_name,
        capital_guesses: capital * 2 > n,
        before: None,
        logger_only: false,
    })
}

/// What `message_below` puts between a head and its message, guessed
/// from heads alone.
const BELOW: &str = "\n  %(message)s";

/// Gives each format whose message is printed below its head the indent
/// the line after one of its heads shows (nipype's `:\n\t %(message)s`),
/// where `message_below` could only guess two spaces. `pairs` are each
/// line of the delivery with the one after it, read only while such a
/// format is left.
pub(crate) fn indent_below<'a>(
    found: &mut [Inferred],
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) {
    let mut left: Vec<usize> = (0..found.len())
        .filter(|&k| found[k].format.ends_with(BELOW))
        .collect();
    for (line, next) in pairs {
        if left.is_empty() {
            return;
        }
        let Some(at) = left.iter().position(|&k| found[k].compiled.starts(line)) else {
            continue;
        };
        let k = left.swap_remove(at);
        let indent = &next[..next.len() - next.trim_start_matches([' ', '\t']).len()];
        if indent.is_empty() || indent == "  " {
            continue;
        }
        let f = &mut found[k];
        let head = &f.format[..f.format.len() - BELOW.len()];
        let format = format!("{head}\n{indent}%(message)s");
        if let Ok(c) = Format::compile_strict(&format, f.datefmt.as_deref()) {
            (f.format, f.compiled) = (format, c);
        }
    }
}

/// The format with its message on the next line, indented two spaces
/// (`%(name)s :\n  %(message)s`, Nautobot's and Mopidy 3's), where no
/// line of the group shows a message after its fields: every line ends
/// with its head, or nothing stands between the last field and the
/// message (`%(name)s%(message)s`), which a line with a message never
/// shows. Told from where each head's last token ends, without a match.
fn message_below(format: &str, group: &Group<'_>) -> Option<String> {
    let head = format.strip_suffix("%(message)s")?;
    if group.lines.len() < 2 {
        return None;
    }
    let glued = head.ends_with(")s") || head.ends_with(")d");
    // Where the head's last text ends in its line (each text is a slice
    // of the line; one that is not shows nothing).
    let ends_at_head = |(h, line): (&Head<'_>, &&str)| {
        h.texts.last().is_some_and(|t| {
            (t.as_ptr() as usize)
                .checked_sub(line.as_ptr() as usize)
                .is_some_and(|start| {
                    start <= line.len() && start + t.len() >= line.trim_end().len()
                })
        })
    };
    (glued || group.heads.iter().zip(&group.lines).all(ends_at_head))
        .then(|| format!("{}{BELOW}", head.trim_end()))
}

/// Whether a group's line numbers, if it shows any, vary as a logger's
/// calls do: without a time or a level, `name:42` could be a host and its
/// port, which a list of hosts repeats. Every line a number of its own,
/// but for one in four.
fn lines_vary(heads: &[&Head<'_>]) -> bool {
    let Some(i) = heads[0]
        .roles
        .iter()
        .position(|r| *r == Some(role::Role::Lineno))
    else {
        return true;
    };
    let numbers: Vec<&str> = heads.iter().map(|h| h.texts[i].trim()).collect();
    build::distinct(&numbers) * 4 >= heads.len() * 3
}

/// How many fields of a built format only a format prints (a thread's
/// name, a line number, a process id, a dotted logger): with neither a
/// time nor a level, several lines must agree on two of them.
fn evident(format: &str, heads: &[&Head<'_>]) -> usize {
    const EVIDENT: [&str; 12] = [
        "%(threadName)",
        "%(processName)",
        "%(taskName)",
        "%(lineno)",
        "%(filename)",
        "%(pathname)",
        "%(created)",
        "%(relativeCreated)",
        "%(thread)",
        "%(process)",
        "%(funcName)",
        "%(module)",
    ];
    let dotted = heads[0].roles.contains(&Some(role::Role::Name));
    EVIDENT.iter().filter(|f| format.contains(**f)).count()
        + usize::from(dotted && format.contains("%(name)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Value;

    fn formats(lines: &[&str]) -> Vec<(String, Option<String>)> {
        infer(lines.iter().copied())
            .into_iter()
            .map(|i| (i.format, i.datefmt))
            .collect()
    }

    #[test]
    fn a_format_whose_time_another_format_reads_goes_before_it_when_written_another_way() {
        // crunch-run's ISO 8601 lines, whose datefmt reads a space for the
        // `T`, beside fewer of Arvados' `%(asctime)s %(name)s[%(process)d]`.
        let got = formats(&[
            "2024-05-11T14:44:44.000000000Z crunch-run 2.7.2 (go1.21.6) started",
            "2024-05-11T14:44:44.120000000Z Executing container 'z1234-dz642-abc'",
            "2024-05-11T14:44:44.380000000Z Fetching Docker image",
            "2024-05-11T14:44:46.910000000Z Container exited with status code 0",
            "2024-05-11 14:44:46 arvados.arv_put[7] INFO: Creating new cache file",
            "2024-05-11 14:44:46 arvados.keep[7] WARNING: Retrying: PUT https://keep3/",
            "2024-05-11 14:44:46 arvados.api[7] DEBUG: Retrying API request in 2.0 seconds",
        ]);
        let want = "%(asctime)s %(name)s[%(process)d] %(levelname)s: %(message)s";
        assert_eq!(
            got[0],
            (want.to_owned(), Some("%Y-%m-%d %H:%M:%S".to_owned()))
        );
        assert_eq!(
            got[1],
            (
                "%(asctime)s %(message)s".to_owned(),
                Some("iso8601".to_owned())
            )
        );
    }

    #[test]
    fn a_padded_word_before_a_bar_and_the_message_is_a_field() {
        // Grader Service's `%(levelname)-8s %(asctime)s %(module)-13s |`.
        let got = formats(&[
            "INFO     2024-05-11 14:44:44,201 main          | Starting Initialization...",
            "INFO     2024-05-11 14:44:44,249 main          | Loading config file...",
            "WARNING  2024-05-11 14:44:45,101 handlers      | Submission 412 has no files",
            "INFO     2024-05-11 14:44:46,380 scheduler     | Queued 3 autograding jobs",
            "ERROR    2024-05-11 14:44:47,911 git           | Push rejected for lecture 7",
        ]);
        assert_eq!(
            got[0].0,
            "%(levelname)-8s %(asctime)s %(module)-13s | %(message)s"
        );
    }

    #[test]
    fn a_mark_repeated_before_every_lines_time_is_the_formats_own_text() {
        // EasyBuild's `== %(asctime)s %(filename)s:%(lineno)s %(levelname)s`.
        let got = formats(&[
            "== 2024-05-11 14:44:53,266 build_log.py:291 INFO This is EasyBuild 5.2.1",
            "== 2024-05-11 14:44:53,301 main.py:412 INFO found valid index for /opt/easybuild",
            "== 2024-05-11 14:44:53,377 filetools.py:2011 WARNING Checksum not found",
        ]);
        let want = "== %(asctime)s %(filename)s:%(lineno)d %(levelname)s %(message)s";
        assert_eq!(got[0].0, want);
    }

    #[test]
    fn an_arrow_after_a_bar_starts_the_message_and_a_space_inside_a_bracket_is_text() {
        // KIWI's `[ %(levelname)-8s]: %(asctime)-8s | %(message)s`, whose
        // messages often start with `--> `.
        let got = formats(&[
            "[ INFO    ]: 14:44:59 | --> package: systemd",
            "[ INFO    ]: 14:44:59 | --> package: cloud-init",
            "[ INFO    ]: 14:44:59 | Importing Image description to system tree",
            "[ WARNING ]: 14:44:59 | keyboard setup skipped",
            "[ INFO    ]: 14:44:59 | --> Importing script helper functions",
            "[ DEBUG   ]: 14:44:59 | Initialize gpt disk",
        ]);
        let want = "[ %(levelname)-8s]: %(asctime)s | %(message)s";
        assert_eq!(got[0], (want.to_owned(), Some("%H:%M:%S".to_owned())));
        assert_eq!(got.len(), 1, "{got:?}");
    }

    #[test]
    fn a_z_glued_to_the_default_time_and_a_logger_glued_to_its_level_are_read() {
        // dfTimewolf's `[%(asctime)sZ] [%(name)-20s] %(levelname)-8s `.
        let got = formats(&[
            "[2024-05-11 14:44:55,740Z] [dftimewolf          ] INFO     Logging to stdout",
            "[2024-05-11 14:44:55,812Z] [GRRHuntDownloader   ] INFO     Downloading hunt",
            "[2024-05-11 14:44:56,002Z] [TimesketchExporter  ] WARNING  Sketch exists",
        ]);
        let want = "[%(asctime)sZ] [%(name)-20s] %(levelname)-8s %(message)s";
        assert_eq!(got[0].0, want);
        // Timesketch's `[%(asctime)s] %(name)s/%(levelname)s %(message)s`.
        let got = formats(&[
            "[2024-05-11 14:44:55,615] celery.worker.consumer.connection/INFO Connected to redis",
            "[2024-05-11 14:44:55,640] timesketch.tasks/INFO Index timeline: [plaso]",
            "[2024-05-11 14:44:57,525] timesketch.tasks/ERROR Error importing Plaso file",
        ]);
        assert_eq!(got[0].0, "[%(asctime)s] %(name)s/%(levelname)s %(message)s");
    }

    #[test]
    fn a_line_and_a_function_under_their_labels_are_read_as_both() {
        // Covalent's `%(filename)s: Line %(lineno)s in %(funcName)s: `.
        let got = formats(&[
            "[2024-05-11 14:44:48,012] [DEBUG] entry_point.py: Line 53 in start_dispatch: Waiting",
            "[2024-05-11 14:44:48,040] [DEBUG] entry_point.py: Line 58 in start_dispatch: Running",
            "[2024-05-11 14:44:48,101] [INFO] dispatcher.py: Line 210 in run_workflow: Dispatched",
        ]);
        let want = "[%(asctime)s] [%(levelname)s] %(filename)s: Line %(lineno)d in %(funcName)s: %(message)s";
        assert_eq!(got[0].0, want);
    }

    #[test]
    fn a_word_after_the_logger_that_is_often_its_last_part_is_the_module() {
        // Django's verbose `%(levelname)s %(asctime)s %(name)s %(module)s`.
        let got = formats(&[
            "INFO 2024-05-11 14:45:05,101 pretalx.agenda.html_export html_export Exporting schedule",
            "INFO 2024-05-11 14:45:05,132 pretalx.agenda.html_export html_export Wrote 212 pages",
            "WARNING 2024-05-11 14:45:05,943 django.request log Not Found: /wp-login.php",
            "WARNING 2024-05-11 14:45:06,012 django.request log Not Found: /.env",
            "INFO 2024-05-11 14:45:06,210 pretix.base.services.mail mail Sending mail to x",
            "ERROR 2024-05-11 14:45:06,377 django.request log Internal Server Error: /control/",
        ]);
        let want = "%(levelname)s %(asctime)s %(name)s %(module)s %(message)s";
        assert_eq!(got[0].0, want);
    }

    #[test]
    fn numbers_between_the_time_and_the_level_that_come_back_are_process_ids() {
        // Zeyple's `%(asctime)s %(process)s %(levelname)s`, one process a mail.
        let got = formats(&[
            "2024-05-11 14:44:51,273 3300 INFO Zeyple ready to encrypt outgoing emails",
            "2024-05-11 14:44:51,290 3300 INFO Recipients: ['ops@example.org']",
            "2024-05-11 14:44:51,402 3300 INFO Message 4VbQ3AKz0q sent",
            "2024-05-11 14:44:53,118 3317 INFO Zeyple ready to encrypt outgoing emails",
            "2024-05-11 14:44:53,140 3317 WARNING No key for billing@example.org",
            "2024-05-11 14:44:53,201 3317 INFO Message 4VbQ3BLx1r sent",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s %(process)d %(levelname)s %(message)s"
        );
        // Rucio's `%(asctime)s\t%(name)s\t%(process)d\t%(levelname)s`,
        // two daemons, each counting itself in its messages.
        let got = formats(&[
            "2024-05-11 14:44:44,078\troot\t3120\tINFO\t[0/2]: Daemon started",
            "2024-05-11 14:44:44,121\troot\t3121\tINFO\t[1/2]: Daemon started",
            "2024-05-11 14:44:44,137\troot\t3120\tINFO\t[0/2]: HANDLED REQUEST 7c1e",
            "2024-05-11 14:44:44,154\troot\t3121\tINFO\t[1/2]: HANDLED REQUEST 7c1f",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s\t%(name)s\t%(process)d\t%(levelname)s\t%(message)s"
        );
        // mwmbl's `%(process)d:%(levelname)s:%(name)s:%(message)s`, its
        // crawler's workers.
        let got = formats(&[
            "8:INFO:mwmbl.redis_url_queue:Getting batch from domains",
            "9:INFO:mwmbl.crawler.retrieve:Fetched 40 pages",
            "8:WARNING:mwmbl.crawler.retrieve:Timeout fetching a page",
            "9:INFO:mwmbl.redis_url_queue:Queued 112 URLs",
        ]);
        assert_eq!(got[0].0, "%(process)d:%(levelname)s:%(name)s:%(message)s");
    }

    #[test]
    fn a_word_that_often_ends_the_logger_beside_it_is_the_module() {
        // Fledge's `Fledge[%(process)d] %(levelname)s: %(module)s: %(name)s: `.
        let got = formats(&[
            "Fledge[41] INFO: server: fledge.services.core.server: Starting ...",
            "Fledge[41] INFO: server: fledge.services.core.server: Management API started",
            "Fledge[41] WARNING: logger: fledge.common.storage_client.storage_client: retry",
            "Fledge[41] INFO: scheduler: fledge.services.core.scheduler.scheduler: Starting",
        ]);
        let want = "Fledge[%(process)d] %(levelname)s: %(module)s: %(name)s: %(message)s";
        assert_eq!(got[0].0, want);
    }

    #[test]
    fn a_path_function_and_line_glued_to_the_messages_end_by_colons_are_read() {
        let got = formats(&[
            "DEBUG:Starting new HTTPS connection (1): slack.com:443:/usr/lib/python3.11/urllib3/connectionpool.py:_new_conn:1049",
            "INFO:Created participants canvas for incident 1417:/app/dispatch/incident/flows.py:create_canvas:361",
            "WARNING:Incident commander not paged.:/app/dispatch/incident/flows.py:incident_create:305",
        ]);
        assert_eq!(
            got[0].0,
            "%(levelname)s:%(message)s:%(pathname)s:%(funcName)s:%(lineno)d"
        );
        // A URL's path is no file's.
        let got = formats(&[
            "INFO:fetched https://example.com:443/api/v1/items",
            "INFO:fetched https://example.com:443/api/v1/users",
        ]);
        assert_eq!(got[0].0, "%(levelname)s:%(message)s");
    }

    #[test]
    fn a_format_glued_to_its_message_by_a_bar_yields_to_one_that_reads_a_thread_no_shape_names() {
        // Fix Inventory's `%(asctime)s|fixworker|%(levelname)5s|%(process)d|%(threadName)10s  `:
        // a collector's thread name stops most lines' heads after the level.
        let got = formats(&[
            "24-05-11 14:44:53|fixworker|DEBUG|58|aws_210987654321_0  [Aws] calling service=iam",
            "24-05-11 14:44:53|fixworker|DEBUG|58|aws_210987654321_0  Probing region us-east-1",
            "24-05-11 14:44:54|fixworker|DEBUG|58|aws_210987654321_1  [Aws] called service=ec2",
            "24-05-11 14:44:54|fixworker|DEBUG|1|MainThread  Received message of kind action",
            "24-05-11 14:44:54|fixworker|DEBUG|58|MainThread  Create multi process manager",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s|%(name)s|%(levelname)s|%(process)d|%(threadName)-11s %(message)s"
        );
    }

    #[test]
    fn a_number_after_a_functions_name_is_its_line() {
        // pika's example consumer, `%(funcName) -35s %(lineno) -5d: `.
        let got = formats(&[
            "INFO       2024-05-11 14:45:01,520 __main__                       connect                             61   : Connecting to amqp",
            "INFO       2024-05-11 14:45:01,530 __main__                       on_message                          315  : Received message # 1",
            "DEBUG      2024-05-11 14:45:01,540 instana                        <module>                            316  : Instrumenting pika",
        ]);
        assert!(
            got[0].0.contains("%(funcName)-35s %(lineno)-5d: "),
            "{got:?}"
        );
    }

    #[test]
    fn a_bracketed_number_after_a_files_name_is_its_line() {
        // Conan 1's `%(levelname)-6s:%(filename)-15s[%(lineno)d]: `.
        let got = formats(&[
            "DEBUG :conan_api.py   [176]: INIT: Using config '/root/.conan/conan.conf'",
            "DEBUG :conan_api.py   [176]: INIT: Using config '/root/.conan/remotes.json'",
            "DEBUG :export.py      [114]: EXPORT: /src/conanfile.py",
        ]);
        assert!(got[0].0.contains("[%(lineno)d]: "), "{got:?}");
    }

    #[test]
    fn a_timestamp_in_brackets_after_the_message_is_the_asctime() {
        // Conan 1's `%(levelname)-6s:%(filename)-15s[%(lineno)d]: %(message)s [%(asctime)s]`.
        let got = formats(&[
            "DEBUG :conan_api.py   [176]: INIT: Using config '/root/.conan/conan.conf' [2024-05-11 14:44:48,147]",
            "DEBUG :export.py      [114]: EXPORT: /src/conanfile.py [2024-05-11 14:44:48,391]",
            "WARN  :remote_registry.py[302]: Remotes registry file missing, creating default one [2024-05-11 14:44:48,402]",
        ]);
        assert!(got[0].0.ends_with("%(message)s [%(asctime)s]"), "{got:?}");
        // Where a time leads the line, one after the message is its own.
        let got = formats(&[
            "2024-05-11 14:44:48,147 INFO Job finished [2024-05-11 14:44:40]",
            "2024-05-11 14:44:48,150 INFO Job started [2024-05-11 14:44:41]",
        ]);
        assert_eq!(got[0].0, "%(asctime)s %(levelname)s %(message)s", "{got:?}");
    }

    #[test]
    fn an_upper_case_word_before_words_is_the_messages_label_not_a_logger() {
        let got = formats(&[
            "DEBUG :conan_api.py[176]: INIT: Using config '/root/.conan/conan.conf'",
            "DEBUG :conan_api.py[180]: REST: ping: https://example.jfrog.io/v1/ping",
            "DEBUG :export.py[114]: INIT: exporting /src/conanfile.py",
        ]);
        assert_eq!(
            got[0].0,
            "%(levelname)s :%(filename)s[%(lineno)d]: %(message)s"
        );
        // Before a number it is the format's own (Leapp's `PID: %(process)d`).
        let got = formats(&[
            "2024-05-11 14:45:01.164 INFO     PID: 4211 leapp: Logging has been initialized",
            "2024-05-11 14:45:01.209 INFO     PID: 4211 leapp.workflow: Starting workflow execution",
            "2024-05-11 14:45:01.230 INFO     PID: 4211 leapp.workflow: Starting phase configuration_phase",
        ]);
        assert!(got[0].0.contains("PID: %(process)d %(name)s: "), "{got:?}");
        // Before ` : `, a format's separator, it is a field: Headphones'
        // `%(levelname)s :: %(threadName)s : %(message)s` with its threads'
        // names (`SEARCH`), beside `MainThread`.
        let got = formats(&[
            "11-May-2024 14:44:47 - INFO :: MainThread : Starting Headphones on http://0.0.0.0:8181/",
            "11-May-2024 14:44:48 - INFO :: SEARCH : Searching for wanted albums",
            "11-May-2024 14:44:48 - INFO :: SEARCH : Found 4 results",
            "11-May-2024 14:44:48 - INFO :: SEARCH : Sending to SABnzbd",
        ]);
        let want = "%(asctime)s - %(levelname)s :: %(threadName)s : %(message)s";
        assert_eq!(got[0].0, want);
    }

    #[test]
    fn an_arrow_between_the_logger_and_the_message_is_the_formats_own() {
        // Safety's `%(asctime)s %(name)s => %(message)s`.
        let got = formats(&[
            "2024-05-11 14:44:47,017 safety.cli => Config file contents:",
            "2024-05-11 14:44:47,020 safety.auth.cli_utils => Auth with API key",
            "2024-05-11 14:44:47,031 safety.safety => Fetching database",
        ]);
        assert_eq!(got[0].0, "%(asctime)s %(name)s => %(message)s");
        // After a bracket it is the message's (Label Studio's).
        let got = formats(&[
            "[2024-05-11 14:44:46,477] [INFO] => Database and media directory: /data",
            "[2024-05-11 14:44:46,480] [INFO] => Static URL is set to: /static/",
        ]);
        assert_eq!(got[0].0, "[%(asctime)s] [%(levelname)s] %(message)s");
    }

    #[test]
    fn a_word_after_a_loggers_line_is_the_function_and_ids_glued_to_names_are_fields() {
        // Globus Compute's `%(processName)s-%(process)d %(threadName)s-%(thread)d
        // %(name)s:%(lineno)d %(funcName)s`.
        let got = formats(&[
            "2024-05-11 14:44:57,932000 INFO MainProcess-48211 MainThread-139887654233920 globus_compute_endpoint.endpoint.endpoint:601 start_interchange ",
            "2024-05-11 14:44:57,979000 INFO MainProcess-48211 MainThread-139887654233920 globus_compute_endpoint.endpoint.interchange:91 __init__ Initializing EndpointInter",
            "2024-05-11 14:44:58,005000 INFO MainProcess-48211 MainThread-139887654233920 globus_compute_endpoint.endpoint.interchange:134 __init__ Platform info: {'parsl_v'",
            "2024-05-11 14:44:58,019000 INFO MainProcess-48211 MainThread-139887654233920 globus_compute_endpoint.endpoint.interchange:139 start_engine Starting Engine",
            "2024-05-11 14:44:58,066000 INFO MainProcess-48211 MainThread-139887654233920 globus_compute_endpoint.engines.globus_compute:319 start Containerized launch cmd t",
            "2024-05-11 14:44:58,106000 DEBUG MainProcess-48211 MainThread-139887654233920 parsl.executors.high_throughput.executor:437 initialize_scaling Starting HighThrou",
            "2024-05-11 14:44:58,368000 INFO MainProcess-48211 TQS-139886964971072 globus_compute_endpoint.endpoint.rabbit_mq.command_queue_subscriber:242 _start_consuming CommandQueueSubscriber started",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s %(levelname)s %(processName)s-%(process)d %(threadName)s-%(thread)d %(name)s:%(lineno)d %(funcName)s %(message)s"
        );
    }

    #[test]
    fn a_message_below_its_head_takes_the_indent_the_next_line_shows() {
        // nipype's `%(asctime)s,%(msecs)d %(name)-2s %(levelname)-2s:\n\t %(message)s`.
        let text = "240511-14:45:15,892 nipype.workflow IMPORTANT:\n\t Running fMRIPrep\n\
                    240511-14:45:16,101 nipype.workflow INFO:\n\t Workflow built\n\
                    240511-14:45:17,592 nipype.workflow ERROR:\n\t Saving crash info";
        let lines: Vec<&str> = text.lines().collect();
        let mut found = infer(lines.iter().copied());
        assert!(
            found[0].format.ends_with(":\n  %(message)s"),
            "{}",
            found[0].format
        );
        indent_below(
            &mut found,
            lines.iter().copied().zip(lines.iter().copied().skip(1)),
        );
        assert!(
            found[0].format.ends_with(":\n\t %(message)s"),
            "{}",
            found[0].format
        );
        assert!(
            found[0]
                .compiled
                .match_record("240511-14:45:16,101 nipype.workflow INFO:\n\t Workflow built")
                .is_some()
        );
    }

    #[test]
    fn process_and_thread_ids_in_hex_are_read_as_x_conversions() {
        // ggshield's `%(process)x:%(thread)x %(name)s:%(funcName)s:%(lineno)d`.
        let got = formats(&[
            "2024-05-11 14:44:51,117 DEBUG 1f6:7f4e2b9c3740 ggshield.cmd.utils.debug:setup_debug_mode:35 args=['ggshield']",
            "2024-05-11 14:44:51,130 DEBUG 1f6:7f4e2b9c3740 ggshield.core.config.user_config:load:120 Loading user config",
            "2024-05-11 14:44:51,162 INFO 1f6:7f4e2a1b2700 ggshield.verticals.secret.secret_scanner:scan:98 Scanning 14 files",
        ]);
        assert!(
            got[0]
                .0
                .starts_with("%(asctime)s %(levelname)s %(process)x:%(thread)x "),
            "{got:?}"
        );
    }

    #[test]
    fn the_same_word_before_every_lines_time_is_the_programs_name_in_the_format() {
        // TorchX's `torchx %(asctime)s %(levelname)-8s %(message)s`.
        let got = formats(&[
            "torchx 2024-05-11 14:45:08 INFO     loaded configs from /home/ec2-user/.torchxconfig",
            "torchx 2024-05-11 14:45:09 INFO     Launched app: aws_batch://torchx/sweep-1",
            "torchx 2024-05-11 14:45:12 WARNING  No roles in app status",
        ]);
        assert_eq!(got[0].0, "torchx %(asctime)s %(levelname)-8s %(message)s");
        // Two lines are not enough to tell it from a logger's name.
        let got = formats(&[
            "worker 2024-05-11 14:45:08 INFO loaded configs",
            "worker 2024-05-11 14:45:09 INFO Launched app",
        ]);
        assert_eq!(got[0].0, "%(name)s %(asctime)s %(levelname)s %(message)s");
        // In brackets too: torchtitan's `[titan] %(asctime)s - …`.
        let got = formats(&[
            "[titan] 2024-05-11 14:45:04,917 - root - INFO - torchtitan version: 0.2.2",
            "[titan] 2024-05-11 14:45:04,950 - root - INFO - Starting job",
            "[titan] 2024-05-11 14:45:04,963 - root - INFO - Building device mesh",
        ]);
        let want = "[titan] %(asctime)s - %(name)s - %(levelname)s - %(message)s";
        assert_eq!(got[0].0, want);
        // Glued to the time's bracket: Elastic's connectors' `[FMWK][%(asctime)s]`.
        let got = formats(&[
            "[FMWK][14:45:04][INFO] Running connector service version 8.9.2.0",
            "[FMWK][14:45:05][DEBUG] Loading config from config.yml",
            "[FMWK][14:45:09][WARNING] Sync job for connector abc failed",
        ]);
        assert_eq!(got[0].0, "[FMWK][%(asctime)s][%(levelname)s] %(message)s");
    }

    #[test]
    fn a_program_before_its_pid_is_the_formats_text_where_its_loggers_stand_elsewhere() {
        // IRRd's `%(asctime)s irrd[%(process)d]: [%(name)s#%(levelname)s] %(message)s`.
        let got = formats(&[
            "2024-05-11 14:45:02,019 irrd[2231]: [irrd.server.whois.server#INFO] Starting whois server",
            "2024-05-11 14:45:02,031 irrd[2231]: [irrd.storage.preload#DEBUG] Preload store ready",
            "2024-05-11 14:45:02,040 irrd[2231]: [irrd.mirroring.scheduler#INFO] Scheduling mirror runs",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s irrd[%(process)d]: [%(name)s#%(levelname)s] %(message)s"
        );
        // A client's address and port that starts most messages is no field.
        let got = formats(&[
            "2024-05-11 14:45:02,019 irrd[2231]: [irrd.server.whois.server#INFO] Starting whois server",
            "2024-05-11 14:45:02,031 irrd[2231]: [irrd.storage.preload#DEBUG] Preload store ready",
            "2024-05-11 14:45:02,240 irrd[2231]: [irrd.server.whois.query_parser#INFO] 10.0.4.17:51200: user agent set to: bgpq4",
            "2024-05-11 14:45:02,251 irrd[2231]: [irrd.server.whois.query_parser#INFO] 10.0.4.17:51200: processed query",
            "2024-05-11 14:45:02,262 irrd[2231]: [irrd.server.whois.query_parser#INFO] 10.0.9.2:40022: processed query",
        ]);
        let want = "%(asctime)s irrd[%(process)d]: [%(name)s#%(levelname)s] %(message)s";
        assert_eq!(got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(), [want]);
    }

    #[test]
    fn a_dotted_word_called_at_a_place_in_its_file_is_the_logger_and_its_function() {
        // warcprox's `%(name)s.%(funcName)s(%(filename)s:%(lineno)d)`.
        let got = formats(&[
            "2024-05-11 14:44:44,078 1188 INFO MainThread warcprox.mitmproxy.PooledMixIn.__init__(mitmproxy.py:638) 100 proxy threads",
            "2024-05-11 14:44:44,081 1188 INFO MainThread warcprox.main.main(main.py:330) listening on 0.0.0.0:8000",
            "2024-05-11 14:44:44,090 1188 DEBUG MainThread warcprox.warcproxy.WarcProxy.server_activate(warcproxy.py:512) activated",
        ]);
        assert!(
            got[0]
                .0
                .ends_with(" %(name)s.%(funcName)s(%(filename)s:%(lineno)d) %(message)s"),
            "{got:?}"
        );
    }

    #[test]
    fn a_module_before_its_function_and_line_is_a_field_though_one_module_wrote_every_line() {
        let got = formats(&[
            "[2024-05-11 14:45:03,648][INFO   ][run:run_scheduler:405] Starting scheduler.",
            "[2024-05-11 14:45:04,648][INFO   ][run:delayed_send:212] Sending task.",
        ]);
        assert_eq!(
            got[0].0,
            "[%(asctime)s][%(levelname)s   ][%(module)s:%(funcName)s:%(lineno)d] %(message)s"
        );
    }

    #[test]
    fn a_colour_code_the_same_at_every_level_is_the_formats_own() {
        let got = formats(&[
            "\x1b[0mINFO       Slicing File Template",
            "\x1b[0mWARNING    One fix for AM04 not applied",
        ]);
        assert_eq!(got[0].0, "\x1b[0m%(levelname)-10s %(message)s");
        // One level: it may be a `%(color)s` field.
        let got = formats(&[
            "\x1b[32m[2024-05-11 14:44:49 INFO] Validating",
            "\x1b[32m[2024-05-11 14:44:50 INFO] Validated",
        ]);
        assert!(got[0].0.starts_with("%(field_1)s["), "{got:?}");
    }

    #[test]
    fn a_dash_beyond_ascii_separates_fields_and_a_date_after_a_colour_code_is_read() {
        let got = formats(&[
            "2024-05-11 14:44:49 — INFO — Running with edr=0.25.0",
            "2024-05-11 14:44:50 — WARNING — You are using incompatible versions",
        ]);
        assert_eq!(got[0].0, "%(asctime)s — %(levelname)s — %(message)s");
        let got = formats(&[
            "\x1b[33;20m2024-05-11 14:44:49 WARNING You are using",
            "\x1b[31;20m2024-05-11 14:44:50 ERROR Unable to send",
        ]);
        assert!(got[0].0.contains("%(asctime)s %(levelname)s"), "{got:?}");
    }

    #[test]
    fn keys_name_their_fields_dotted_ones_too_and_an_id_stays_text() {
        let got = formats(&[
            "2024-05-11 14:44:44,049 INFO [ddtrace.tracer] [dd.service=orders dd.trace_id=0] - started",
            "2024-05-11 14:44:45,049 INFO [orders.views] [dd.service=orders dd.trace_id=71] - served",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s %(levelname)s [%(name)s] [dd.service=%(dd.service)s dd.trace_id=%(dd.trace_id)s] - %(message)s"
        );
        // PipelineWise's `logger_name=` is the logger.
        let got = formats(&[
            "time=2024-05-11 14:44:55 logger_name=pipelinewise.cli log_level=INFO message=Connecting",
            "time=2024-05-11 14:44:56 logger_name=pipelinewise.fastsync log_level=INFO message=Done",
        ]);
        assert_eq!(
            got[0].0,
            "time=%(asctime)s logger_name=%(name)s log_level=%(levelname)s message=%(message)s"
        );
    }

    #[test]
    fn a_labelled_pid_in_brackets_is_read_and_its_lines_keep_a_format_before_a_wider_one() {
        // Remoulade's scheduler writes `[PID %(process)d] `, its workers
        // don't; the workers' format reads the scheduler's lines only by
        // taking `PID 1] [MainThread` as a thread's name.
        let got = formats(&[
            "[2024-05-11 14:44:48,726] [MainThread] [remoulade] [INFO] Remoulade is booting up.",
            "[2024-05-11 14:44:48,753] [MainThread] [remoulade.worker.Worker] [WARNING] Listening",
            "[2024-05-11 14:44:48,776] [Thread-10] [remoulade] [INFO] Worker is ready for action.",
            "[2024-05-11 14:44:49,546] [Thread-11] [remoulade.middleware.Retries] [INFO] Retrying",
            "[2024-05-11 14:44:48,803] [PID 1] [MainThread] [remoulade.scheduler] [INFO] Dropping job",
            "[2024-05-11 14:44:48,815] [PID 1] [MainThread] [remoulade.scheduler] [INFO] Adding job",
        ]);
        let want = [
            "[%(asctime)s] [PID %(process)d] [%(threadName)s] [%(name)s] [%(levelname)s] %(message)s",
            "[%(asctime)s] [%(threadName)s] [%(name)s] [%(levelname)s] %(message)s",
        ];
        assert_eq!(got.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), want);
    }

    #[test]
    fn values_after_a_modules_function_and_line_are_that_formats_messages() {
        // proxy.py's `%(module)s.%(funcName)s:%(lineno)d - %(message)s`,
        // whose access log's messages start with the client's address
        // and come from one function.
        let mut lines = vec![
            "2024-05-11 14:44:53,266 - pid:2411 [I] plugins.load:89 - Loaded plugin HttpProxyPlugin",
            "2024-05-11 14:44:53,292 - pid:2411 [I] plugins.load:89 - Loaded plugin FilterByURLRegex",
            "2024-05-11 14:44:53,336 - pid:2411 [I] pool.setup:102 - Started 2 threadless workers",
            "2024-05-11 14:44:55,061 - pid:2418 [W] server.read_from_descriptors:259 - Connection reset",
            "2024-05-11 14:44:55,615 - pid:2417 [W] server.connect_upstream:618 - Unable to connect",
            "2024-05-11 14:44:55,654 - pid:2418 [I] tcp_server.handle_readables:189 - Connection reset",
        ];
        let access = [
            "2024-05-11 14:44:53,914 - pid:2417 [I] server.access_log:393 - 10.20.6.12:42544 - CONNECT pypi.org:443 - 48211 bytes",
            "2024-05-11 14:44:54,020 - pid:2417 [I] server.access_log:393 - 10.20.6.14:42600 - CONNECT github.com:443 - 911 bytes",
            "2024-05-11 14:44:54,311 - pid:2417 [I] server.access_log:393 - 10.20.6.12:42610 - GET http://deb.debian.org/ - 2311 bytes",
            "2024-05-11 14:44:55,020 - pid:2417 [I] server.access_log:393 - 10.20.6.17:42700 - CONNECT s3.amazonaws.com:443 - 77 bytes",
        ];
        lines.extend(access);
        let got = formats(&lines);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].0,
            "%(asctime)s - pid:%(process)d [%(levelname).1s] %(module)s.%(funcName)s:%(lineno)d - %(message)s"
        );
    }

    #[test]
    fn a_space_every_line_ends_with_is_the_formats_own_after_the_message() {
        // MACS3's `%(levelname)-5s @ %(asctime)s: %(message)s `, whose
        // messages open with the memory it uses.
        let got = formats(&[
            "INFO  @ 11 May 2024 14:44:44: [302 MB] #1 read fragment files... ",
            "INFO  @ 11 May 2024 14:44:45: [302 MB] #1 read treatment fragments... ",
            "INFO  @ 11 May 2024 14:44:51: [512 MB] #1 mean fragment size is determined as 212 bp ",
            "WARNING @ 11 May 2024 14:44:52: [512 MB] #2 Skipped ",
        ]);
        assert_eq!(
            got,
            [(
                "%(levelname)-5s @ %(asctime)s: %(message)s ".to_owned(),
                Some("%d %b %Y %H:%M:%S".to_owned())
            )]
        );
        // A space on a few lines is their messages'.
        let got = formats(&[
            "2024-05-11 14:44:44,101 INFO started ",
            "2024-05-11 14:44:45,101 INFO running",
            "2024-05-11 14:44:46,101 INFO stopped",
        ]);
        assert_eq!(got[0].0, "%(asctime)s %(levelname)s %(message)s");
    }

    #[test]
    fn capitalised_words_of_small_letters_before_a_colon_are_the_messages_labels() {
        // mock's `%(asctime)s - %(message)s`.
        let got = formats(&[
            "2024-05-11 14:45:10,410 - Start: init plugins",
            "2024-05-11 14:45:10,492 - Finish: init plugins",
            "2024-05-11 14:45:10,538 - Start: run",
            "2024-05-11 14:45:11,697 - Finish: run",
        ]);
        assert_eq!(got[0].0, "%(asctime)s - %(message)s");
        // A logger named in small letters stays a logger.
        let got = formats(&[
            "2024-05-11 14:45:10,410 - worker: init plugins",
            "2024-05-11 14:45:10,492 - worker: init done",
            "2024-05-11 14:45:10,538 - scheduler: run",
        ]);
        assert_eq!(got[0].0, "%(asctime)s - %(name)s: %(message)s");
    }

    #[test]
    fn words_that_come_back_after_a_file_and_its_line_are_the_messages() {
        // pysipp's `… %(name)s %(filename)s:%(lineno)d : %(message)s`.
        let got = formats(&[
            "2024-05-11 14:44:44,631 MainThread [DEBUG] pysipp agent.py:407 : uac 'defaults' contents:",
            "2024-05-11 14:44:44,667 MainThread [DEBUG] pysipp agent.py:407 : uac 'clientdefaults' contents:",
            "2024-05-11 14:44:44,749 MainThread [DEBUG] pysipp agent.py:410 : uac merged contents:",
            "2024-05-11 14:44:44,773 MainThread [DEBUG] pysipp launch.py:65 : launching cmd:",
            "2024-05-11 14:44:45,322 MainThread [DEBUG] pysipp agent.py:407 : uac 'defaults' contents:",
            "2024-05-11 14:44:45,443 MainThread [DEBUG] pysipp launch.py:65 : launching cmd:",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s %(threadName)s [%(levelname)s] %(name)s %(filename)s:%(lineno)d : %(message)s"
        );
    }

    #[test]
    fn a_program_and_its_pid_written_into_the_format_may_lead_the_line() {
        let got = formats(&[
            "OSPD[7] 2024-05-11 14:45:00,637: INFO: (ospd.main) Starting OSPd OpenVAS version 22.10.5.",
            "OSPD[7] 2024-05-11 14:45:00,706: INFO: (ospd_openvas.daemon) Loading VTs: scans queued",
            "OSPD[7] 2024-05-11 14:45:01,706: WARNING: (ospd_openvas.daemon) Lost connection",
        ]);
        assert_eq!(
            got,
            [(
                "OSPD[%(process)d] %(asctime)s: %(levelname)s: (%(name)s) %(message)s".to_owned(),
                None
            )]
        );
    }

    #[test]
    fn a_value_only_some_lines_show_before_the_message_is_the_messages() {
        // devpi's `%(levelname)-5.5s %(message)s`, whose messages start
        // with a request's tag, or none; the cut level shows on tagged
        // lines only.
        let got = formats(&[
            "2024-05-11 14:44:58,232 INFO  NOCTX devpi-server version: 6.19.1",
            "2024-05-11 14:44:58,263 INFO  NOCTX serverdir: /devpi/server",
            "2024-05-11 14:44:58,776 INFO  [req0] GET /root/pypi/+simple/boto3/",
            "2024-05-11 14:44:58,782 INFO  [req1] GET /root/pypi/+f/3c4/boto3.whl",
            "2024-05-11 14:45:00,059 WARNI [req14] serving stale links",
        ]);
        assert_eq!(
            got,
            [("%(asctime)s %(levelname)-5.5s %(message)s".to_owned(), None)]
        );
    }

    #[test]
    fn a_pid_before_a_threads_name_and_a_file_after_an_at_sign_are_read() {
        // subscription-manager's `%(cmd_name)s:%(process)d:%(threadName)s
        // @%(filename)s:%(lineno)d - %(message)s`.
        let got = formats(&[
            "2024-05-11T14:44:52.278+00:00 [INFO] rhsmcertd-worker:1826:MainThread @rhsmcertd_worker.py:270 - Starting",
            "2024-05-11T14:44:52.299+00:00 [ERROR] rhsmcertd-worker:1826:MainThread @aws.py:207 - Unable to receive token",
        ]);
        assert!(
            got[0]
                .0
                .ends_with(":%(process)d:%(threadName)s @%(filename)s:%(lineno)d - %(message)s"),
            "{got:?}"
        );
    }

    #[test]
    fn a_date_with_a_colon_before_its_time_is_read() {
        // Sockeye's `[%(asctime)s:%(levelname)s:%(name)s:%(funcName)s]`.
        let got = formats(&[
            "[2024-05-11:14:44:45:INFO:sockeye.train:train] Training started",
            "[2024-05-11:14:44:46:INFO:sockeye.utils:log_device] Using device cuda:0",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("%Y-%m-%d:%H:%M:%S"));
        assert!(
            got[0].0.starts_with("[%(asctime)s:%(levelname)s:%(name)s:"),
            "{got:?}"
        );
    }

    #[test]
    fn a_colour_code_for_each_level_is_matched_and_written_to_no_document() {
        // Chaos Toolkit's `%(color)s[%(asctime)s %(levelname)s]%(end_color)s`:
        // the code is the level's, no record's value.
        let got = formats(&[
            "\x1b[32m[2024-05-11 14:44:49 INFO] Validating the experiment's syntax",
            "\x1b[33m[2024-05-11 14:44:50 WARNING] Rollbacks were not executed",
        ]);
        assert_eq!(
            got,
            [(
                "%(ansi_colour)s[%(asctime)s %(levelname)s] %(message)s".to_owned(),
                Some("%Y-%m-%d %H:%M:%S".to_owned())
            )]
        );
        let f = Format::compile(&got[0].0, got[0].1.as_deref()).unwrap();
        let keys: Vec<_> = f
            .read("\x1b[31m[2024-05-11 14:44:51 ERROR] Failed")
            .unwrap();
        let keys: Vec<_> = keys.iter().map(|(k, _)| k.as_ref()).collect();
        assert_eq!(keys, ["asctime", "levelname", "message"]);
        // One level's code that a reset after the message closes: the
        // cookbook's coloured formatter (dbt-bouncer's).
        let got = formats(&[
            "\x1b[38;20m2024-05-11 14:45:38,328 - DEBUG: Loading manifest\x1b[0m",
            "\x1b[38;20m2024-05-11 14:45:38,329 - DEBUG: Parsed 42 models\x1b[0m",
        ]);
        assert!(
            got[0].0.starts_with("%(ansi_colour)s%(asctime)s"),
            "{got:?}"
        );
        assert_eq!(super::marks::ansi_len(b"\x1b[1;31mX"), Some(7));
        assert_eq!(super::marks::ansi_len(b"\x1b[31"), None);
    }

    #[test]
    fn capitalised_words_before_a_colon_on_most_lines_are_the_messages() {
        // Diamond's handlers start their messages `CloudWatch: `; its
        // format has no logger.
        let mut lines = vec![
            "[2024-05-11 14:45:05,851] [INFO] [MainThread:MainProcess] Changed UID: 112 (diamond)",
            "[2024-05-11 14:45:05,869] [DEBUG] [MainThread:MainProcess] Wrote child PID file",
            "[2024-05-11 14:45:06,256] [DEBUG] [MainThread:CPUCollector] Starting CPUCollector",
        ];
        let handler = "[2024-05-11 14:45:06,457] [DEBUG] [MainThread:Handlers] CloudWatch: Attempting to publish metric";
        lines.extend(std::iter::repeat_n(handler, 4));
        lines.push(
            "[2024-05-11 14:45:06,280] [DEBUG] [MainThread:CPUCollector] Interval: 60.0 seconds",
        );
        lines.push(
            "[2024-05-11 14:45:06,361] [DEBUG] [MainThread:MemoryCollector] Interval: 60.0 seconds",
        );
        lines.push(
            "[2024-05-11 14:45:05,891] [DEBUG] [MainThread:MainProcess] metric_queue_size: 16384",
        );
        let got = formats(&lines);
        assert_eq!(
            got,
            [(
                "[%(asctime)s] [%(levelname)s] [%(threadName)s:%(processName)s] %(message)s"
                    .to_owned(),
                None
            )]
        );
        // Lower-case words there, on more lines, are loggers.
        let lower: Vec<String> = lines
            .iter()
            .map(|l| l.replace("CloudWatch:", "handlers.cloudwatch:"))
            .collect();
        let got = formats(&lower.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(got.iter().any(|(f, _)| f.contains("%(name)s: ")), "{got:?}");
    }

    #[test]
    fn a_format_that_reads_more_of_each_line_wins_over_one_glued_to_its_message() {
        // Plone's `[%(name)s:%(lineno)s][%(threadName)s] %(message)s`,
        // where most lines' thread name has spaces, which stops their
        // heads at the first bracket.
        let mut lines = vec![
            "2024-05-11 14:45:03,075 INFO    [ZEO.ClientStorage:270][MainThread] zeostorage created",
            "2024-05-11 14:45:03,131 INFO    [waitress:449][MainThread] Serving on http://0.0.0.0:8080",
            "2024-05-11 14:45:03,513 WARNING [waitress.queue:113][MainThread] Task queue depth is 1",
        ];
        let zeo = "2024-05-11 14:45:03,115 INFO    [ZEO.ClientStorage:443][zeostorage zeo client networking thread] Connected";
        lines.extend(std::iter::repeat_n(zeo, 5));
        assert_eq!(
            formats(&lines),
            [(
                "%(asctime)s %(levelname)-7s [%(name)s:%(lineno)d][%(threadName)s] %(message)s"
                    .to_owned(),
                None
            )]
        );
    }

    #[test]
    fn a_field_glued_to_a_date_by_a_dash_lowercase_pid_and_a_separated_location_are_read() {
        // mongo-connector's `%(threadName)s-%(asctime)s`.
        let got = formats(&[
            "MainThread-2024-05-11 14:44:44,123 [INFO] mongo_connector.connector:1240 - Beginning",
            "Thread-3-2024-05-11 14:44:45,123 [ERROR] mongo_connector.oplog_manager:290 - Lost",
        ]);
        assert_eq!(
            got[0].0,
            "%(threadName)s-%(asctime)s [%(levelname)s] %(name)s:%(lineno)d - %(message)s"
        );
        // Faraday's `[pid:%(process)d]`.
        let got = formats(&[
            "2024-05-11T14:44:44+0000 - faraday.server - INFO {MainThread} [pid:12] started",
            "2024-05-11T14:44:45+0000 - faraday.server.api - INFO {MainThread} [pid:12] served",
        ]);
        assert!(got[0].0.contains(" [pid:%(process)d] "), "{got:?}");
        // ADF's `%(message)s | (%(filename)s:%(lineno)d)`.
        let got = formats(&[
            "2024-05-11 14:44:44,123 | INFO | adf.main | Started | (main.py:42)",
            "2024-05-11 14:44:45,123 | ERROR | adf.sync | Failed to sync | (sync.py:97)",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s | %(levelname)s | %(name)s | %(message)s | (%(filename)s:%(lineno)d)"
        );
    }

    #[test]
    fn the_readmes_example_is_inferred_from_its_lines() {
        let got = formats(&[
            "2024-05-11 14:44:45 INFO [orders.api] order accepted: id=1",
            "2024-05-11 14:44:46 ERROR [orders.api] payment failed",
        ]);
        assert_eq!(
            got,
            [(
                "%(asctime)s %(levelname)s [%(name)s] %(message)s".to_owned(),
                Some("%Y-%m-%d %H:%M:%S".to_owned())
            )]
        );
    }

    #[test]
    fn a_program_and_its_pid_after_a_host_are_the_logger_and_the_process() {
        // ScoutSuite: `%(asctime)s %(hostname)s %(name)s[%(process)d]
        // %(levelname)s %(message)s`; one host is the format's own text.
        let got = formats(&[
            "2024-05-11 14:44:49 codebuild-scout-6b7c9d scout[7] INFO Launching Scout",
            "2024-05-11 14:44:49 codebuild-scout-6b7c9d scout[7] INFO Gathering data from APIs",
            "2024-05-11 14:44:50 codebuild-scout-6b7c9d scout[7] ERROR No space left on device",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s codebuild-scout-6b7c9d %(name)s[%(process)d] %(levelname)s %(message)s"
        );
    }

    #[test]
    fn p_and_a_number_is_cfn_inits_process_id() {
        let got = formats(&[
            "2024-05-11 14:44:44,187 P1893 [INFO] Running configSet default",
            "2024-05-11 14:44:44,190 P1893 [INFO] Running config config",
            "2024-05-11 14:44:47,302 P2107 [INFO] Command 01_start succeeded",
        ]);
        assert_eq!(
            got,
            [(
                "%(asctime)s P%(process)d [%(levelname)s] %(message)s".to_owned(),
                None
            )]
        );
        // Not a leading zero, nor another letter.
        let got = formats(&[
            "2024-05-11 14:44:44,187 P0893 [INFO] a",
            "2024-05-11 14:44:44,190 Q1893 [INFO] b",
        ]);
        assert!(!got.iter().any(|f| f.0.contains("process")), "{got:?}");
    }

    #[test]
    fn a_capitalised_past_tense_verb_before_a_colon_starts_the_message() {
        // yum.log (`%(asctime)s %(message)s`, `%b %d %H:%M:%S`), on every
        // Amazon Linux 2 instance.
        let got = formats(&[
            "May 11 14:44:45 Updated: 1:openssl-libs-1.0.2k-24.amzn2.0.12.x86_64",
            "May 11 14:44:45 Installed: kernel-5.10.215-203.850.amzn2.x86_64",
            "May 11 14:44:46 Erased: kernel-5.10.205-195.807.amzn2.x86_64",
        ]);
        assert_eq!(
            got,
            [(
                "%(asctime)s %(message)s".to_owned(),
                Some("%b %d %H:%M:%S".to_owned())
            )]
        );
    }

    #[test]
    fn a_word_before_a_function_and_a_line_is_the_module() {
        // mongodb-consistent-backup: `[%(module)s:%(funcName)s:%(lineno)d]`.
        let got = formats(&[
            "[2024-05-11 14:44:47,028] [INFO] [MainProcess] [Main:init:144] Starting backup",
            "[2024-05-11 14:44:47,102] [INFO] [MainProcess] [Tailer:run:22] Starting oplog tailers",
            "[2024-05-11 14:44:47,163] [INFO] [MainProcess] [Mongodump:choose_compression:61] gzip",
        ]);
        assert_eq!(
            got[0].0,
            "[%(asctime)s] [%(levelname)s] [%(processName)s] [%(module)s:%(funcName)s:%(lineno)d] %(message)s"
        );
    }

    #[test]
    fn a_number_before_a_thread_id_is_the_process_whatever_it_shows() {
        // Tryton: `%(process)s %(thread)s [%(asctime)s] …`, two processes.
        let got = formats(&[
            "1 140119851861824 [2024-05-11 14:44:47,703] INFO trytond.pool init pool",
            "12 140326001387328 [2024-05-11 14:44:48,147] INFO trytond.cron start thread",
            "1 140119783384768 [2024-05-11 14:44:47,979] INFO trytond.wsgi request",
        ]);
        assert_eq!(
            got[0].0,
            "%(process)d %(thread)d [%(asctime)s] %(levelname)s %(name)s %(message)s"
        );
    }

    #[test]
    fn dotted_words_called_are_the_logger_and_the_function() {
        // awslimitchecker -vv: `… - %(name)s.%(funcName)s() ] %(message)s`.
        let got = formats(&[
            "2024-05-11 14:44:46,365 [DEBUG checker.py:285 - awslimitchecker.checker._boto_conn_kwargs() ] Connecting to region us-east-1",
            "2024-05-11 14:44:46,460 [INFO credentials.py:1182 - botocore.credentials.load() ] Found credentials",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s [%(levelname)s %(filename)s:%(lineno)d - %(name)s.%(funcName)s() ] %(message)s"
        );
    }

    #[test]
    fn a_number_that_ends_a_bracket_after_the_logger_is_the_process() {
        // Checkmk: `%(asctime)s [%(levelno)s] [%(name)s %(process)d]`.
        let got = formats(&[
            "2024-05-11 14:44:44,773 [10] [cmk.web.automatic_host_removal.background_job 23145] Starting job",
            "2024-05-11 14:44:44,809 [20] [cmk.web.automatic_host_removal 23145] Gathering hosts",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s [%(levelno)d] [%(name)s %(process)d] %(message)s"
        );
    }

    #[test]
    fn a_dotted_name_on_every_line_beside_one_that_varies_is_the_formats_own() {
        // The Datadog Agent 5: `… | dd.collector | %(name)s(%(filename)s:…`.
        let got = formats(&[
            "2024-05-11 14:44:44 UTC | INFO | dd.collector | collector(agent.py:559) | Agent version 5.32.9",
            "2024-05-11 14:44:45 UTC | INFO | dd.collector | checks.collector(collector.py:570) | Running check disk",
            "2024-05-11 14:44:46 UTC | WARNING | dd.collector | checks.redisdb(__init__.py:840) | Timeout",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s | %(levelname)s | dd.collector | %(name)s(%(filename)s:%(lineno)d) | %(message)s"
        );
    }

    #[test]
    fn a_thread_id_printed_in_hex_is_the_thread() {
        // cephadm: `%(asctime)s %(thread)x %(levelname)s %(message)s`.
        let got = formats(&[
            "2024-05-11 14:44:49,825 7f3a9c2d4740 INFO Verifying podman|docker is present...",
            "2024-05-11 14:44:49,851 7f3a9c2d4740 INFO Host looks OK",
            "2024-05-11 14:44:50,290 7f1d5e3b9740 INFO Non-zero exit code 125 from podman",
        ]);
        assert_eq!(
            got,
            [(
                "%(asctime)s %(thread)x %(levelname)s %(message)s".to_owned(),
                None
            )]
        );
        // Twelve hex digits that no thread's address starts with, or with
        // capitals, are kept under a neutral key.
        let got = formats(&[
            "2024-05-11 14:44:49,825 3f3a9c2d4740 INFO a",
            "2024-05-11 14:44:49,851 3f3a9c2d4741 INFO b",
        ]);
        assert!(got[0].0.contains("%(field_1)s"), "{got:?}");
    }

    #[test]
    fn heads_that_end_their_lines_put_the_message_on_the_next_line() {
        // Nautobot's "normal" format: the head ends with ` :`.
        let got = formats(&[
            "14:44:45.092 INFO    nautobot.auth.login :",
            "14:44:45.138 ERROR   nautobot.extras.datasources.git :",
        ]);
        let want = "%(asctime)s.%(msecs)03d %(levelname)-7s %(name)s :\n  %(message)s";
        assert_eq!(got, [(want.to_owned(), Some("%H:%M:%S".to_owned()))]);
        // Mopidy 3's: the logger is the last thing on the line.
        let got = formats(&[
            "INFO     2024-05-11 14:44:45,092 [7:MainThread] mopidy.__main__",
            "INFO     2024-05-11 14:44:45,100 [7:MainThread] mopidy.commands",
        ]);
        let want =
            "%(levelname)-8s %(asctime)s [%(process)d:%(threadName)s] %(name)s\n  %(message)s";
        assert_eq!(got, [(want.to_owned(), None)]);
    }

    #[test]
    fn level_names_that_software_adds_are_levels_beside_the_standard_ones() {
        // DNF's dnf.log: DDEBUG and SUBDEBUG are its own levels.
        let got = formats(&[
            "2024-05-11T14:44:44+0000 INFO --- logging initialized ---",
            "2024-05-11T14:44:44+0000 DDEBUG timer: config: 3 ms",
            "2024-05-11T14:44:44+0000 DEBUG DNF version: 4.24.0",
            "2024-05-11T14:44:44+0000 SUBDEBUG Upgrade: nginx",
        ]);
        let want = "%(asctime)s %(levelname)s %(message)s";
        assert_eq!(got[0].0, want, "{got:?}");
    }

    #[test]
    fn a_guessed_logger_beside_lines_without_one_is_the_messages_first_word() {
        let got = formats(&[
            "2024-05-11T14:44:44+0000 DEBUG cachedir: /var/cache/dnf",
            "2024-05-11T14:44:44+0000 DEBUG timer: config: 3 ms",
            "2024-05-11T14:44:44+0000 INFO Installed 3 packages",
            "2024-05-11T14:44:44+0000 INFO Nothing to do",
        ]);
        let want = "%(asctime)s %(levelname)s %(message)s";
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, want);
        // Where every line shows it, it stays.
        let got = formats(&[
            "2024-05-11T14:44:44+0000 DEBUG cachedir: /var/cache/dnf",
            "2024-05-11T14:44:44+0000 DEBUG timer: config: 3 ms",
            "2024-05-11T14:44:44+0000 INFO dnf: Installed 3 packages",
        ]);
        assert_eq!(got[0].0, "%(asctime)s %(levelname)s %(name)s: %(message)s");
    }

    #[test]
    fn a_labelled_id_in_brackets_beside_lines_without_it_starts_the_message() {
        // SATOSA's `[%(name)s.%(funcName)s] %(message)s`: most messages
        // start with the session's id.
        let got = formats(&[
            "[2024-05-11 14:44:58,019] [INFO] [satosa.base._auth_req_callback_func] [urn:uuid:5e1a2b3c-3b1c-4d2e-8f90-1a2b3c4d5e6f] Requesting provider",
            "[2024-05-11 14:44:58,112] [INFO] [satosa.base._auth_resp_callback_func] [urn:uuid:6f2b3c4d-3b1c-4d2e-8f90-1a2b3c4d5e6f] Got response",
            "[2024-05-11 14:44:58,201] [INFO] [satosa.proxy_server.__call__] [urn:uuid:7a3c4d5e-3b1c-4d2e-8f90-1a2b3c4d5e6f] Routing path",
            "[2024-05-11 14:44:57,001] [INFO] [satosa.base.__init__] Loading backend modules...",
            "[2024-05-11 14:44:57,010] [INFO] [satosa.plugin_loader._load_plugins] Loaded backend plugins: ['Saml2']",
            "[2024-05-11 14:44:57,020] [INFO] [satosa.plugin_loader._load_plugins] Loaded frontend plugins: ['OIDC']",
        ]);
        let want = "[%(asctime)s] [%(levelname)s] [%(name)s.%(funcName)s] %(message)s";
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, want);
    }

    #[test]
    fn level_names_a_formatter_lower_cased_are_levels_where_more_than_one_shows() {
        // Streamlink's `[{name}][{levelname}] {message}`, its levels
        // lower-cased by its StringFormatter.
        let got = formats(&[
            "[cli][info] Found matching plugin twitch for URL https://www.twitch.tv/x",
            "[plugins.twitch][debug] Getting live HLS streams for x",
            "[cli][info] Available streams: audio_only, 160p (worst), 1080p60 (best)",
            "[stream.hls][warning] Failed to reload playlist: Unable to open URL",
            "[cli][error] Could not open stream",
        ]);
        assert_eq!(
            got,
            [("[%(name)s][%(levelname)s] %(message)s".to_owned(), None)]
        );
        // One lower-case word on every line is no level: a message may
        // start so.
        let got = formats(&[
            "[cli][info] Found matching plugin twitch",
            "[cli][info] Available streams: audio_only",
            "[cli][info] Opening stream: 1080p60 (hls)",
        ]);
        assert!(got.iter().all(|(f, _)| !f.contains("levelname")), "{got:?}");
    }

    #[test]
    fn a_word_that_is_the_files_stem_is_the_module_and_a_varied_number_after_a_place_its_line() {
        // ThingsBoard IoT Gateway's `[%(filename)s] - %(module)s - %(funcName)s - %(lineno)d - `.
        let got = formats(&[
            "2024-05-11 14:44:59.657 - |INFO| - [tb_gateway_service.py] - tb_gateway_service - __init__ - 155 - Gateway starting...",
            "2024-05-11 14:44:59.697 - |INFO| - [tb_gateway_service.py] - tb_gateway_service - __init__ - 69 - Version 3.8.3",
            "2024-05-11 14:44:59.726 - |INFO| - [tb_client.py] - tb_client - connect - 448 - Connecting to ThingsBoard...",
            "2024-05-11 14:44:59.801 - |DEBUG| - [tb_client.py] - tb_client - connect - 448 - Connecting to ThingsBoard...",
            "2024-05-11 14:44:59.902 - |INFO| - [tb_client.py] - tb_client - _on_connect - 477 - Connected",
        ]);
        let want = "%(asctime)s.%(msecs)03d - |%(levelname)s| - [%(filename)s] - %(module)s - %(funcName)s - %(lineno)d - %(message)s";
        assert_eq!(got[0].0, want);
    }

    #[test]
    fn a_guessed_logger_beside_a_module_or_function_reading_of_the_same_place_is_the_messages() {
        // pymodbus's `%(levelname)-5s %(module)s:%(lineno)s %(message)s`:
        // its transport's messages start with `recv: ` or `send: `.
        let mut lines = vec![
            "2024-05-11 14:44:59,493 INFO  main:117 Start simulator",
            "2024-05-11 14:44:59,551 INFO  http_server:220 Modbus server started",
            "2024-05-11 14:44:59,598 INFO  http_server:245 HTTP server started",
            "2024-05-11 14:44:59,641 DEBUG base:89 Server listening.",
        ];
        lines.extend([
            "2024-05-11 14:45:00,207 DEBUG transport:339 recv: 0x0 0x1 0x0 0x0 0x0 0x6",
            "2024-05-11 14:45:00,209 DEBUG transport:312 send: 0x0 0x1 0x0 0x0 0x0 0x17",
            "2024-05-11 14:45:00,307 DEBUG transport:339 recv: 0x0 0x2 0x0 0x0 0x0 0x6",
            "2024-05-11 14:45:00,309 DEBUG transport:312 send: 0x0 0x2 0x0 0x0 0x0 0x17",
            "2024-05-11 14:45:00,407 DEBUG transport:339 recv: 0x0 0x3 0x0 0x0 0x0 0x6",
        ]);
        let got = formats(&lines);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.ends_with(":%(lineno)d %(message)s"), "{got:?}");
    }

    #[test]
    fn iso_8601s_basic_format_is_a_timestamp() {
        // Electrum's file log: `%(asctime)22s | %(levelname)8s | ...`.
        let got = formats(&[
            "20240511T144446.478000Z |     INFO | daemon.Daemon | starting taskgroup.",
            "20240511T144446.576000Z |    ERROR | daemon.Daemon | taskgroup died.",
        ]);
        let want = "%(asctime)s | %(levelname)8s | %(name)s | %(message)s";
        assert_eq!(got, [(want.to_owned(), Some("iso8601".to_owned()))]);
    }

    #[test]
    fn a_camel_case_word_in_a_slot_of_its_own_is_the_apps_logger() {
        // JupyterHub's Tornado-style format: its one logger is `JupyterHub`.
        let got = formats(&[
            "[I 2024-05-11 14:44:45.443 JupyterHub app:3490] Running JupyterHub",
            "[E 2024-05-11 14:44:45.578 JupyterHub proxy:786] Failed to poll spawner",
        ]);
        assert!(
            got[0].0.contains(" %(name)s %(module)s:%(lineno)d]"),
            "{got:?}"
        );
        // A format's own word stays text.
        let got = formats(&[
            "2024-05-11 14:44:45,443 INFO Thread 12 started",
            "2024-05-11 14:44:45,578 ERROR Thread 13 stopped",
        ]);
        assert!(!got[0].0.contains("%(name)s"), "{got:?}");
    }

    #[test]
    fn a_comma_separated_list_of_keys_and_values_is_the_formats_own_text() {
        // Galaxy's `[pN:%(processName)s,p:%(process)d,tN:%(threadName)s]`.
        let got = formats(&[
            "galaxy.web_stack INFO 2024-05-11 14:44:45,993 [pN:main.1,p:7,tN:MainThread] Galaxy is running",
            "galaxy.jobs.handler INFO 2024-05-11 14:44:46,029 [pN:main.1,p:7,tN:JobHandlerQueue.monitor_thread] (42) Job dispatched",
        ]);
        let want = "%(name)s %(levelname)s %(asctime)s [pN:%(field_1)s,p:%(process)d,tN:%(field_2)s] %(message)s";
        assert_eq!(got[0].0, want, "{got:?}");
        // `name:lineno` in brackets is no key.
        let got = formats(&[
            "2024-05-11 14:44:45,993 INFO [views:42] ok",
            "2024-05-11 14:44:46,029 INFO [models:7] saved",
        ]);
        assert!(got[0].0.contains(":%(lineno)d]"), "{got:?}");
    }

    #[test]
    fn a_word_a_field_holds_on_every_line_is_the_formats_own_text_and_two_such_tags_two_formats() {
        // Seafile's `[seafevents] [%(asctime)s]` beside `[seafdav] [%(asctime)s]`.
        let mut lines = Vec::new();
        for k in 0..5 {
            lines.push(format!(
                "[seafevents] [2024-05-11 14:45:0{k}] [INFO] root:133 indexer started"
            ));
            lines.push(format!(
                "[seafdav] [2024-05-11 14:45:0{k}] [WARNING] wsgidav.dav:86 lock {k} held"
            ));
        }
        let read: Vec<&str> = lines.iter().map(String::as_str).collect();
        let got: Vec<String> = infer(read).into_iter().map(|f| f.format).collect();
        let tail = "] [%(asctime)s] [%(levelname)s] %(name)s:%(lineno)d %(message)s";
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.contains(&format!("[seafevents{tail}")), "{got:?}");
        assert!(got.contains(&format!("[seafdav{tail}")), "{got:?}");
        // Four lines of one word, or a word on fewer than five lines of
        // each, stay a field: a custom one may hold them.
        let got = formats(
            &lines[..4]
                .iter()
                .step_by(2)
                .chain(&lines[5..8])
                .map(String::as_str)
                .collect::<Vec<_>>(),
        );
        assert!(got[0].0.starts_with("[%(field_1)s] "), "{got:?}");
    }

    #[test]
    fn a_word_after_a_logger_is_its_function_where_few_lines_repeat_the_loggers_last_part() {
        // Sockeye's `[%(asctime)s:%(levelname)s:%(name)s:%(funcName)s]`:
        // `train` in `sockeye.train` once, methods such as `__call__`.
        let got = formats(&[
            "[2024-05-11:14:44:47:INFO:sockeye.train:train] Training started",
            "[2024-05-11:14:44:48:INFO:sockeye.training:__call__] Checkpoint 1",
            "[2024-05-11:14:44:49:INFO:sockeye.training:_evaluate] Evaluated",
            "[2024-05-11:14:44:50:INFO:sockeye.utils:log_basic_info] Basic info",
        ]);
        assert_eq!(
            got[0].0,
            "[%(asctime)s:%(levelname)s:%(name)s:%(funcName)s] %(message)s"
        );
    }

    #[test]
    fn a_word_after_module_named_loggers_that_never_end_with_it_is_their_function() {
        // Maestro's `%(name)s:%(funcName)s:%(lineno)d`: `__init__` is a
        // constructor here, and the root logger logs too.
        let got = formats(&[
            "2024-05-11 14:44:48,572 - maestrowf.conductor:setup_logging:93 - INFO - Logging enabled",
            "2024-05-11 14:44:49,001 - maestrowf.datastructures.core.executiongraph:__init__:379 - DEBUG - Graph built",
            "2024-05-11 14:44:49,102 - maestrowf.datastructures.core.study:_stage:477 - INFO - Staging",
            "2024-05-11 14:44:50,300 - root:_check_study_completion:735 - INFO - Study complete",
        ]);
        let want = "%(asctime)s - %(name)s:%(funcName)s:%(lineno)d - %(levelname)s - %(message)s";
        assert_eq!(got[0].0, want);
    }

    #[test]
    fn two_words_beside_one_module_named_logger_are_its_functions() {
        // `%(name)s - %(levelname)s - %(funcName)s:%(lineno)d`: a logger
        // named after its module has one module and many functions.
        let got = formats(&[
            "2024-05-11 14:44:48,572 - uvicorn.error - INFO - startup:408 - Started server process",
            "2024-05-11 14:44:48,580 - uvicorn.error - INFO - _serve:642 - Waiting for startup",
            "2024-05-11 14:44:48,590 - orders.api - INFO - handle:88 - Order 17 created",
            "2024-05-11 14:44:48,600 - orders.api - WARNING - handle:91 - Order 18 is late",
        ]);
        let want = "%(asctime)s - %(name)s - %(levelname)s - %(funcName)s:%(lineno)d - %(message)s";
        assert_eq!(got[0].0, want);
        // One word for each logger: its module.
        let got = formats(&[
            "2024-05-11 14:44:48,572 - uvicorn.error - INFO - server:408 - Started server process",
            "2024-05-11 14:44:48,580 - uvicorn.error - INFO - server:642 - Waiting for startup",
            "2024-05-11 14:44:48,590 - orders.api - INFO - views:88 - Order 17 created",
            "2024-05-11 14:44:48,600 - orders.api - WARNING - views:91 - Order 18 is late",
        ]);
        assert!(got[0].0.contains(" - %(module)s:%(lineno)d"), "{got:?}");
    }

    #[test]
    fn a_path_under_a_file_key_is_the_pathname() {
        // pycsw's `file=%(pathname)s line=%(lineno)d module=%(module)s`.
        let got = formats(&[
            "[2024-05-11 14:44:50] [INFO] file=/srv/pycsw/server.py line=148 module=server running",
            "[2024-05-11 14:44:51] [DEBUG] file=/srv/pycsw/core/config.py line=73 module=config loaded",
        ]);
        assert!(
            got[0].0.contains(" file=%(pathname)s line=%(lineno)d"),
            "{got:?}"
        );
    }

    #[test]
    fn spaces_some_values_are_padded_with_to_one_width_are_the_fields_width() {
        // Conan's `%(levelname)-6s:%(filename)-15s[%(lineno)d]: `.
        let got = formats(&[
            "DEBUG :profile_loader.py[121]: PROFILE LOAD: default [2024-05-11 14:44:48,308]",
            "DEBUG :rest_client_common.py[160]: REST: ping [2024-05-11 14:44:48,522]",
            "DEBUG :conan_api.py   [176]: INIT: Using config [2024-05-11 14:44:48,147]",
            "DEBUG :export.py      [114]: EXPORT: conanfile.py [2024-05-11 14:44:48,391]",
            "DEBUG :profile_loader.py[121]: PROFILE LOAD: gcc12 [2024-05-11 14:44:48,345]",
        ]);
        let want = ":%(filename)-15s[%(lineno)d]: %(message)s [%(asctime)s]";
        assert!(got[0].0.ends_with(want), "{got:?}");
    }

    #[test]
    fn an_angle_bracket_no_other_opened_is_a_separator_and_its_space_no_padding() {
        // `%(asctime)s %(name)-12s > %(message)s`: a logger longer than
        // the width shows the separator's space alone.
        let got = formats(&[
            "2024-05-11 14:44:48,308 app.db       > request handled in 12 ms",
            "2024-05-11 14:44:48,309 worker       > cache miss for key users:42",
            "2024-05-11 14:44:48,310 billing.invoices > job 17 finished",
            "2024-05-11 14:44:48,311 app.api      > user alice logged in",
        ]);
        assert_eq!(got[0].0, "%(asctime)s %(name)-12s > %(message)s", "{got:?}");
        // In the format's own angle brackets the spaces are padding.
        let got = formats(&[
            "2024-05-11 14:44:48,308 <app.db      > request handled in 12 ms",
            "2024-05-11 14:44:48,309 <worker      > cache miss for key users:42",
            "2024-05-11 14:44:48,311 <app.api     > user alice logged in",
        ]);
        assert_eq!(got[0].0, "%(asctime)s <%(name)-12s> %(message)s", "{got:?}");
    }

    #[test]
    fn the_same_first_word_before_a_dotted_logger_is_the_formats_own_text() {
        // Pulp's `pulp [%(correlation_id)s]: %(name)s:%(levelname)s: `.
        let got = formats(&[
            "pulp [None]: pulpcore.tasking.entrypoint:INFO: Starting pulpcore worker",
            "pulp [5f0b2a9c8d7e4f6a9b1c2d3e4f5a6b7c]: pulpcore.tasking.tasks:INFO: Starting task",
            "pulp [0a1b2c3d4e5f40718293a4b5c6d7e8f9]: pulpcore.app.views.status:ERROR: Cannot connect",
        ]);
        let want = "pulp [%(field_1)s]: %(name)s:%(levelname)s: %(message)s";
        assert_eq!(got[0].0, want, "{got:?}");
    }

    #[test]
    fn flasks_in_before_a_bare_word_and_a_colon_is_its_own_text_and_the_word_the_module() {
        // Flask's documented `%(levelname)s in %(module)s: `, its level
        // padded, as no built-in format reads it.
        let got = formats(&[
            "[2024-05-11 14:44:50,290] INFO     in app: Starting app version 1.2",
            "[2024-05-11 14:44:50,291] INFO     in views: GET /health",
            "[2024-05-11 14:44:50,292] WARNING  in views: slow request 2.3s",
            "[2024-05-11 14:44:50,293] INFO     in tasks: [job 12] done",
        ]);
        let want = "[%(asctime)s] %(levelname)-8s in %(module)s: %(message)s";
        assert_eq!(got[0].0, want, "{got:?}");
    }

    #[test]
    fn flasks_in_before_dotted_words_names_the_logger_whatever_its_messages_open_with() {
        // ScrapydWeb's `[%(asctime)s] %(levelname)-8s in %(name)s: `: one
        // logger's messages all open with `[node 1]`, werkzeug's with an
        // address; one format reads them all.
        let got = formats(&[
            "[2024-05-11 14:44:50,290] INFO     in scrapydweb.run: ScrapydWeb version: 1.5.0",
            "[2024-05-11 14:44:50,940] DEBUG    in scrapydweb.utils.poll: [node 1] fetch_jobs: http://a:6800/jobs",
            "[2024-05-11 14:44:50,960] DEBUG    in scrapydweb.utils.poll: [node 1] got running_jobs: 1",
            "[2024-05-11 14:44:51,187] INFO     in werkzeug: 10.0.1.20 - - [11/May/2024 14:44:51] \"GET / HTTP/1.1\" 200 -",
            "[2024-05-11 14:44:51,414] DEBUG    in scrapydweb.utils.check_app_config: Checking app config",
        ]);
        let want = "[%(asctime)s] %(levelname)-8s in %(name)s: %(message)s";
        assert_eq!(got, [(want.to_owned(), None)], "{got:?}");
    }

    #[test]
    fn upper_case_words_that_come_back_in_a_slot_of_their_own_are_the_loggers() {
        // plex_autoscan's `%(asctime)24s - %(levelname)8s - %(name)9s
        // [%(thread)5d]: `, its loggers `PLEX`, `AUTOSCAN` and `UTILS`.
        let mut lines = Vec::new();
        for (k, name) in ["PLEX", "AUTOSCAN", "PLEX", "UTILS", "PLEX", "AUTOSCAN"]
            .iter()
            .enumerate()
        {
            for level in ["INFO", "DEBUG"] {
                lines.push(format!(
                    " 2024-05-11 14:44:4{k},622 - {level:>8} - {name:>9} [139871253628736]: step {k} done"
                ));
            }
        }
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let got = formats(&lines);
        let want = " %(asctime)s - %(levelname)8s - %(name)9s [%(thread)d]: %(message)s";
        assert_eq!(got[0].0, want, "{got:?}");
    }

    #[test]
    fn a_module_read_after_a_guessed_sentence_word_goes_with_the_guess() {
        // Merlin's `[%(asctime)s: %(levelname)s] %(message)s`, whose
        // monitor's messages all open with `Monitor: `.
        let got = formats(&[
            "[2024-05-11 14:44:44: INFO] Reading app config from file /home/ec2-user/.merlin/app.yaml",
            "[2024-05-11 14:44:44: INFO] Launching tasks.",
            "[2024-05-11 14:44:44: INFO] Monitor: checking for workers, running workers = []",
            "[2024-05-11 14:44:44: INFO] Monitor: found 400 jobs in queues and 2 workers alive",
            "[2024-05-11 14:44:44: INFO] Monitor: found tasks in queues and/or tasks being processed",
            "[2024-05-11 14:44:45: INFO] Monitor: checking for workers, running workers = []",
            "[2024-05-11 14:44:45: INFO] Monitor: found 343 jobs in queues and 3 workers alive",
            "[2024-05-11 14:44:45: INFO] Monitor: found tasks in queues and/or tasks being processed",
            "[2024-05-11 14:44:45: WARNING] No workers connected to [merlin]_collect_queue.",
        ]);
        let want = "[%(asctime)s: %(levelname)s] %(message)s";
        let datefmt = Some("%Y-%m-%d %H:%M:%S".to_owned());
        assert_eq!(got, [(want.to_owned(), datefmt)], "{got:?}");
    }

    #[test]
    fn an_id_label_before_a_number_outside_brackets_is_the_formats_own_text() {
        // jobflow-remote's `%(asctime)s [%(levelname)s] ID 1 %(name)s: `,
        // its pid written into the format.
        let got = formats(&[
            "2024-05-11 14:44:52,611 [INFO] ID 1 jobflow_remote.jobs.runner: Runner run options: transfer: True",
            "2024-05-11 14:44:52,834 [DEBUG] ID 1 jobflow_remote.jobs.runner: checkout jobs",
            "2024-05-11 14:44:54,078 [WARNING] ID 1 jobflow_remote.remote.host.remote: Error while trying",
        ]);
        let want = "%(asctime)s [%(levelname)s] ID %(process)d %(name)s: %(message)s";
        assert_eq!(got[0].0, want, "{got:?}");
    }

    #[test]
    fn a_capitalised_word_and_a_number_before_the_messages_separator_is_its_label() {
        // Django Oscar's `[%(asctime)s] %(message)s`, its checkout's
        // messages opening with `Order #100231: `.
        let mut lines = vec![
            "[2024-05-11 14:44:49,937] Internal Server Error: /checkout/satsale/callback/"
                .to_owned(),
            "[2024-05-11 14:44:51,598] IntegrityError in analytics when recording a user order."
                .to_owned(),
        ];
        for n in 100231..100236 {
            lines.push(format!(
                "[2024-05-11 14:44:47,658] Order #{n}: beginning submission process"
            ));
            lines.push(format!(
                "[2024-05-11 14:44:48,177] Order #{n}: payment successful, placing order"
            ));
        }
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let got = formats(&lines);
        assert_eq!(
            got,
            [("[%(asctime)s] %(message)s".to_owned(), None)],
            "{got:?}"
        );
    }

    #[test]
    fn one_word_glued_to_the_level_by_a_slash_in_a_bracket_is_the_logger() {
        // TubeSync's `%(asctime)s [%(name)s/%(levelname)s] `, one logger.
        let got = formats(&[
            "2024-05-11 14:44:56,141 [tubesync/INFO] Deleting completed tasks older than 30 days",
            "2024-05-11 14:44:56,154 [tubesync/INFO] Scheduling an indexing task for source",
            "2024-05-11 14:44:57,203 [tubesync/WARNING] Source has no media",
        ]);
        let want = "%(asctime)s [%(name)s/%(levelname)s] %(message)s";
        assert_eq!(got[0].0, want, "{got:?}");
    }

    #[test]
    fn an_apps_logger_named_with_dashes_is_a_logger_outside_brackets() {
        // Chalice's `%(name)s - %(levelname)s - %(message)s`.
        let got = formats(&[
            "orders-api - ERROR - Caught exception for path /orders/{order_id}",
            "orders-api - DEBUG - Received event for bucket: mybucket-name",
        ]);
        assert_eq!(
            got[0].0, "%(name)s - %(levelname)s - %(message)s",
            "{got:?}"
        );
        // SageMaker's training toolkit: `%(name)-12s` with one logger.
        let got = formats(&[
            "2024-05-11 14:44:45,165 sagemaker-training-toolkit INFO     Imported framework",
            "2024-05-11 14:44:45,322 sagemaker-training-toolkit ERROR    Waiting for the process",
        ]);
        assert!(got[0].0.starts_with("%(asctime)s %(name)"), "{got:?}");
        // In brackets, a dashed word is a user's or a service's.
        let got = formats(&[
            "2024-05-11 14:44:45,165 INFO [svc-batch] started",
            "2024-05-11 14:44:45,322 INFO [svc-web] stopped",
        ]);
        assert!(!got[0].0.contains("%(name)s"), "{got:?}");
    }

    #[test]
    fn a_label_that_opens_a_bracket_is_the_formats_own_text_and_names_its_field() {
        // Prowler's `[File: %(filename)s:%(lineno)d] \t[Module: %(module)s]\t`.
        let got = formats(&[
            "2024-05-11 14:44:44,578 [File: credentials.py:1263] \t[Module: credentials]\t INFO: Found credentials",
            "2024-05-11 14:44:44,617 [File: s3_service.py:45] \t[Module: s3_service]\t INFO: S3 - Listing buckets...",
            "2024-05-11 14:44:44,631 [File: s3_service.py:81] \t[Module: s3_service]\t WARNING: logs-archive-2019",
        ]);
        let want = "%(asctime)s [File: %(filename)s:%(lineno)d] \t[Module: %(module)s]\t %(levelname)s: %(message)s";
        assert_eq!(got[0].0, want, "{got:?}");
    }

    #[test]
    fn a_lower_case_label_and_one_value_in_brackets_is_the_formats_own_key() {
        // Open edX's `[user %(userid)s] [ip %(remoteip)s]`.
        let got = formats(&[
            "2024-05-11 14:44:46,540 INFO 7 [tracking] [user None] [ip 10.0.3.7] logger.py:41 - {}",
            "2024-05-11 14:44:46,575 INFO 7 [tracking] [user 4] [ip 10.0.3.8] logger.py:41 - {}",
        ]);
        assert!(got[0].0.contains("[user %(field_"), "{got:?}");
        assert!(
            got[0]
                .0
                .contains(")s] %(filename)s:%(lineno)d - %(message)s"),
            "{got:?}"
        );
        assert!(got[0].0.contains("[ip %(field_"), "{got:?}");
        // A varying word is no label: `[%(module)s %(lineno)d]`.
        let got = formats(&[
            "2024-05-11 14:44:46,540 INFO [views 42] ok",
            "2024-05-11 14:44:46,575 INFO [models 7] saved",
        ]);
        assert!(!got.iter().any(|(f, _)| f.contains("[views ")), "{got:?}");
        // A one-logger app's name before its level is its logger.
        let got = formats(&[
            "2024-05-11 14:44:46,540 [app INFO] ok",
            "2024-05-11 14:44:46,575 [app ERROR] saved",
        ]);
        assert_eq!(
            got[0].0, "%(asctime)s [%(name)s %(levelname)s] %(message)s",
            "{got:?}"
        );
    }

    #[test]
    fn a_line_number_after_a_called_function_is_the_line() {
        // KServe's `[%(filename)s:%(funcName)s():%(lineno)s]`.
        let got = formats(&[
            "2024-05-11 14:44:45.298 1 kserve INFO [model_server.py:register_model():439] Registering",
            "2024-05-11 14:44:45.332 1 kserve INFO [server.py:start():183] Starting uvicorn",
        ]);
        assert!(
            got[0]
                .0
                .contains("[%(filename)s:%(funcName)s():%(lineno)d] %(message)s"),
            "{got:?}"
        );
    }

    #[test]
    fn a_word_glued_to_a_bracketed_number_is_the_logger_and_its_process() {
        // Circus's `%(name)s[%(process)d]`, syslog's `prog[pid]`.
        let got = formats(&[
            "2024-05-11 14:44:47 circus[1] [INFO] Starting master on pid 1",
            "2024-05-11 14:44:48 circus[1] [ERROR] Hook failed",
        ]);
        let want = "%(asctime)s %(name)s[%(process)d] [%(levelname)s] %(message)s";
        assert_eq!(got[0].0, want, "{got:?}");
    }

    #[test]
    fn a_zones_name_after_the_time_is_part_of_asctime() {
        // amazon-efs-utils' `%Y-%m-%d %H:%M:%S %Z`.
        let got = formats(&[
            "2024-05-11 14:44:44 UTC - INFO - amazon-efs-mount-watchdog is enabled",
            "2024-05-11 14:44:45 UTC - ERROR - Mount failed",
        ]);
        assert_eq!(
            got[0].0, "%(asctime)s - %(levelname)s - %(message)s",
            "{got:?}"
        );
        assert_eq!(got[0].1.as_deref(), Some("%Y-%m-%d %H:%M:%S %Z"));
    }

    #[test]
    fn a_number_after_a_threads_name_and_a_colon_is_the_process() {
        // W&B's `%(threadName)-10s:%(process)d [%(filename)s:...]`.
        let got = formats(&[
            "2024-05-11 14:44:46,145 INFO    MainThread:7 [wandb_setup.py:_flush():81] Current SDK version",
            "2024-05-11 14:44:46,176 INFO    MainThread:7 [wandb_init.py:setup_run_log_directory():739] Logging",
        ]);
        assert!(got[0].0.contains("%(threadName)s:%(process)d ["), "{got:?}");
        assert!(got[0].0.ends_with("():%(lineno)d] %(message)s"), "{got:?}");
    }

    #[test]
    fn a_message_on_the_same_line_keeps_the_message_there() {
        let got = formats(&[
            "14:44:45.092 INFO    nautobot.auth.login : User admin logged in",
            "14:44:45.138 ERROR   nautobot.extras.datasources.git : Refreshed",
        ]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(!got[0].0.contains('\n'), "{got:?}");
    }

    #[test]
    fn one_line_with_a_timestamp_and_a_level_is_enough() {
        let got = formats(&["2024-05-11 14:44:45,123 WARNING [orders] low stock"]);
        assert_eq!(got.len(), 1, "{got:?}");
        // A guess (a word before `: `) needs a second line to agree.
        let got = formats(&["2024-05-11 14:44:45,123 WARNING orders: low stock"]);
        assert!(got.is_empty(), "{got:?}");
        let got = formats(&["2024-05-11 14:44:45,123 orders.api: started"]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn milliseconds_since_start_up_may_lead_a_line_as_an_integer_or_as_str_prints_them() {
        let got = formats(&[
            "208457 - [2973] - INFO - Uvicorn running",
            "208484 - [2973] - INFO - retrying in 8s",
            "208526 - [2973] - CRITICAL - retry 2 failed",
        ]);
        assert_eq!(
            got[0].0,
            "%(relativeCreated)d - [%(process)d] - %(levelname)s - %(message)s"
        );
        let got = formats(&[
            "[742196.0] orders.views INFO -- slow query",
            "[742210.0] uvicorn.access DEBUG -- cache miss",
            "[742237.0] uvicorn.access DEBUG -- sent 5 bytes",
        ]);
        assert_eq!(
            got[0].0,
            "[%(relativeCreated)s] %(name)s %(levelname)s -- %(message)s"
        );
        // Numbers that don't grow are no clock: kept under a neutral key.
        let got = formats(&[
            "208457 - [2973] - INFO - a",
            "100 - [2973] - INFO - b",
            "5000 - [2973] - INFO - c",
        ]);
        assert!(!got[0].0.contains("relativeCreated"), "{got:?}");
    }

    #[test]
    fn a_number_that_differs_line_to_line_after_the_logger_is_its_line_number() {
        let got = formats(&[
            "2024-05-11 14:44:44,947 - synapse.config.logger - 151 - INFO - started",
            "2024-05-11 14:44:44,994 - synapse.app.homeserver - 12 - INFO - setting up",
            "2024-05-11 14:44:45,019 - synapse.config.logger - 153 - INFO - host",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(message)s"
        );
    }

    #[test]
    fn numbers_each_logger_has_of_its_own_after_it_are_line_numbers_though_few_places_log() {
        // matrix-webhook: `%(asctime)s - %(name)s - %(lineno)d - `, each
        // place logging again and again.
        let got = formats(&[
            "2024-05-11 14:44:44,121 - matrix_webhook.utils - 37 - INFO - a",
            "2024-05-11 14:44:44,131 - matrix_webhook.handler - 21 - INFO - b",
            "2024-05-11 14:44:44,141 - aiohttp.access - 211 - INFO - c",
            "2024-05-11 14:44:44,151 - matrix_webhook.utils - 72 - INFO - d",
            "2024-05-11 14:44:44,161 - matrix_webhook.utils - 37 - INFO - e",
            "2024-05-11 14:44:44,171 - matrix_webhook.handler - 21 - INFO - f",
            "2024-05-11 14:44:44,181 - aiohttp.access - 211 - INFO - g",
            "2024-05-11 14:44:44,191 - matrix_webhook.utils - 37 - INFO - h",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(message)s"
        );
        // A process's id shows under each of its loggers.
        let got = formats(&[
            "2024-05-11 14:44:44,121 - app.utils - 7 - INFO - a",
            "2024-05-11 14:44:44,131 - app.handler - 7 - INFO - b",
            "2024-05-11 14:44:44,141 - app.utils - 7 - INFO - c",
            "2024-05-11 14:44:45,121 - app.utils - 9 - INFO - d",
            "2024-05-11 14:44:45,131 - app.handler - 9 - INFO - e",
            "2024-05-11 14:44:45,141 - app.utils - 9 - INFO - f",
        ]);
        assert!(got[0].0.contains(" - %(process)d - "), "{got:?}");
    }

    #[test]
    fn a_module_a_function_and_a_line_in_their_own_marks_are_read_as_such() {
        // Soularr's `[%(levelname)s|%(module)s|L%(lineno)d] %(asctime)s: `.
        let got = formats(&[
            "[INFO|soularr|L361] 2024-05-11T14:44:44+0000: Searching album: x",
            "[INFO|soularr|L496] 2024-05-11T14:44:45+0000: Adding y",
            "[WARNING|webui|L175] 2024-05-11T14:44:46+0000: No config",
        ]);
        assert_eq!(
            got[0].0,
            "[%(levelname)s|%(module)s|L%(lineno)d] %(asctime)s: %(message)s"
        );
        // mail-parser's `%(name)s | %(module)s | %(funcName)s | %(lineno)d`,
        // the script's `__main__` among the modules.
        let got = formats(&[
            "2024-05-11 14:45:10,767 | mailparser | __main__ | parse_file | 234 | DEBUG | a",
            "2024-05-11 14:45:10,845 | mailparser.core | core | from_file | 174 | DEBUG | b",
            "2024-05-11 14:45:10,895 | mailparser.core | core | __init__ | 129 | DEBUG | c",
            "2024-05-11 14:45:10,930 | mailparser.utils | utils | get_header | 719 | DEBUG | d",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s | %(name)s | %(module)s | %(funcName)s | %(lineno)d | %(levelname)s | %(message)s"
        );
    }

    #[test]
    fn a_process_name_and_its_id_before_a_slash_and_the_thread_are_both_read() {
        // indi-allsky's `%(processName)s-%(process)d/%(threadName)s`.
        let got = formats(&[
            "2024-05-11 14:44:44,947 [INFO] MainProcess-57/MainThread allsky._startup() [226]: a",
            "2024-05-11 14:44:45,947 [INFO] Image-1-64/MainThread image.run() [310]: b",
            "2024-05-11 14:44:46,947 [INFO] Capture-2-318/MainThread capture.run() [98]: c",
            "2024-05-11 14:44:47,947 [INFO] Image-1-64/MainThread image.run() [312]: d",
        ]);
        assert!(
            got[0]
                .0
                .contains("] %(processName)s-%(process)d/%(threadName)s "),
            "{got:?}"
        );
    }

    #[test]
    fn a_capitalised_word_and_values_glued_by_colons_on_one_logger_are_the_messages() {
        // dbt-bouncer's `Running check_model_names:0:stg_orders...`, its
        // whole line in the level's colour.
        let mut lines = vec![
            "\x1b[38;20m2024-05-11 14:45:38,328 - INFO: Running dbt-bouncer (1.6.4)...\x1b[0m",
            "\x1b[38;20m2024-05-11 14:45:38,329 - INFO: Loaded config\x1b[0m",
        ];
        let checks = [
            "\x1b[38;20m2024-05-11 14:45:39,003 - DEBUG: Running check_model_names:0:stg_orders...\x1b[0m",
            "\x1b[38;20m2024-05-11 14:45:39,004 - DEBUG: Running check_model_names:1:stg_items...\x1b[0m",
            "\x1b[38;20m2024-05-11 14:45:39,005 - DEBUG: Running check_model_tags:0:fct_orders...\x1b[0m",
        ];
        lines.extend(checks);
        let got = formats(&lines);
        assert_eq!(
            got,
            [(
                "%(ansi_colour)s%(asctime)s - %(levelname)s: %(message)s\x1b[0m".to_owned(),
                None
            )]
        );
    }

    #[test]
    fn two_formats_in_one_stream_are_both_inferred_most_lines_first() {
        let got = formats(&[
            "[2024-05-11 14:44:45,123] {dag.py:12} INFO - a",
            "10:00:00 | WARNING | worker | b",
            "[2024-05-11 14:44:45,124] {dag.py:14} INFO - c",
            "10:00:01 | INFO | worker | d",
            "[2024-05-11 14:44:45,125] {dag.py:19} ERROR - e",
        ]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[0].0,
            "[%(asctime)s] {%(filename)s:%(lineno)d} %(levelname)s - %(message)s"
        );
        assert_eq!(
            got[1].0,
            "%(asctime)s | %(levelname)s | %(name)s | %(message)s"
        );
    }

    #[test]
    fn a_format_led_by_a_process_name_with_a_cut_padded_level_is_inferred() {
        let got = formats(&[
            "SpawnProcess-1 :: INFO  :: httpx :: WARN: upstream closed the connection",
            "SpawnProcess-1 :: ERROR :: app.db :: boom",
            "MainProcess :: WARNI :: httpx :: careful",
        ]);
        assert_eq!(
            got,
            [(
                "%(processName)s :: %(levelname)-5.5s :: %(name)s :: %(message)s".to_owned(),
                None
            )]
        );
    }

    #[test]
    fn a_function_named_module_shows_that_dotted_words_are_a_logger_and_a_function() {
        let lines = [
            "[10:00:00] orders.tasks.run:12 INFO a",
            "[10:00:01] orders.tasks.charge:40 ERROR b",
            "[10:00:02] __main__.<module>:3 INFO c",
            "[10:00:03] __main__.<module>:5 INFO d",
        ];
        let got = infer(lines);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(
            got[0].format,
            "[%(asctime)s] %(name)s.%(funcName)s:%(lineno)d %(levelname)s %(message)s"
        );
        let spans = got[0].compiled.match_record(lines[0]).unwrap();
        let fields = got[0].compiled.fields(lines[0].into(), &spans);
        assert_eq!(fields[1].1, Value::Str("orders.tasks".into()));
        assert_eq!(fields[2].1, Value::Str("run".into()));
    }

    #[test]
    fn a_one_word_logger_before_module_is_a_logger_not_the_formats_own_text() {
        // `app` on every line, before `.<module>` or `.create_app`.
        let got = formats(&[
            "2024-01-01 10:00:01,123 | INFO: [app.<module>:12] | started",
            "2024-01-01 10:00:02,123 | INFO: [app.create_app:40] | created",
            "2024-01-01 10:00:03,123 | INFO: [app.<module>:13] | more",
            "2024-01-01 10:00:04,123 | INFO: [app.create_app:41] | again",
        ]);
        assert_eq!(
            got,
            [(
                "%(asctime)s | %(levelname)s: [%(name)s.%(funcName)s:%(lineno)d] | %(message)s"
                    .to_owned(),
                None
            )]
        );
    }

    #[test]
    fn function_names_after_every_logger_show_the_pair_without_a_module_line() {
        let got = formats(&[
            "[10:00:00] INFO [orders.tasks.charge_card:12] a",
            "[10:00:01] ERROR [orders.api.handle:40] b",
            "[10:00:02] INFO [app.db.pool._run_once:3] c",
        ]);
        assert_eq!(
            got[0].0,
            "[%(asctime)s] %(levelname)s [%(name)s.%(funcName)s:%(lineno)d] %(message)s"
        );
        // Loggers alone: one of a single word, or one ending in a class,
        // or too few snake_case ends, keep the dotted word whole.
        for lines in [
            [
                "[10:00:00] INFO [orders.send_mail:1] a",
                "[10:00:01] INFO [httpx:2] b",
            ],
            [
                "[10:00:00] INFO [orders.send_mail:1] a",
                "[10:00:01] INFO [sqlalchemy.engine.Engine:2] b",
            ],
            [
                "[10:00:00] INFO [orders.send_mail:1] a",
                "[10:00:01] INFO [orders.api:2] b",
            ],
        ] {
            let got = formats(&lines);
            assert_eq!(
                got[0].0, "[%(asctime)s] %(levelname)s [%(name)s:%(lineno)d] %(message)s",
                "{lines:?}"
            );
        }
    }

    #[test]
    fn ids_most_messages_open_with_are_the_messages_where_other_lines_show_words_there() {
        // KernelCI's scheduler, `%(asctime)s [%(levelname)s] %(message)s`,
        // whose job lines open with a node's id.
        let mut lines: Vec<String> = (0..6)
            .map(|i| format!("05/11/2024 02:44:5{i} PM UTC [INFO] 6650a1f3c2d{i}a0b1c2d3e4f5 lava-broonie {i}"))
            .collect();
        for m in [
            "Device health check: enabled",
            "Listening for checkout events",
            "Press Ctrl-C to stop.",
        ] {
            lines.push(format!("05/11/2024 02:44:59 PM UTC [INFO] {m}"));
        }
        let got = formats(&lines.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "%(asctime)s [%(levelname)s] %(message)s");
        // An id on every line is a field, though some lines' heads went on
        // into words (`(id) settings: {…`).
        let fielded: Vec<String> = (0..6)
            .map(|i| format!("2025-05-29T04:23:2{i}.857Z INFO     (e18981814795f528{i}9af28ac04c9cd1d) Created A-{i} in echo"))
            .chain((0..3).map(|i| format!("2025-05-29T04:23:2{i}.889Z WARNING  (443cd29e3ddefb7{i}dd111cab0ae69b1d) settings: x={i}")))
            .collect();
        let got = formats(&fielded.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(got[0].0.contains("(%(field_1)s) %(message)s"), "{got:?}");
    }

    #[test]
    fn a_message_that_starts_with_spaces_leaves_the_padded_width_alone() {
        let lines = [
            "[10:00:00] INFO     job 957e2b63 finished",
            "[10:00:01] INFO       indented by the app",
            "[10:00:02] CRITICAL shutting down",
            "[10:00:03] WARNING  careful",
        ];
        let got = infer(lines);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].format, "[%(asctime)s] %(levelname)-8s %(message)s");
        assert_eq!(got[0].lines, 4);
        let spans = got[0].compiled.match_record(lines[1]).unwrap();
        let fields = got[0].compiled.fields(lines[1].into(), &spans);
        let message = fields.iter().find(|f| f.0 == "message").unwrap();
        assert_eq!(message.1, Value::Str("  indented by the app".into()));
    }

    #[test]
    fn a_single_word_before_a_dash_is_the_logger_and_extra_spaces_are_the_message() {
        let got = formats(&[
            "13:28:04 MainThread INFO scheduler - Starting worker pool",
            "13:28:05 MainThread DEBUG scheduler - tick",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s %(threadName)s %(levelname)s %(name)s - %(message)s"
        );
        let got = formats(&[
            "22:23:07 INFO   leading spaces kept",
            "22:23:08 ERROR boom",
            "22:23:09 INFO ok",
        ]);
        assert_eq!(got[0].0, "%(asctime)s %(levelname)s %(message)s");
    }

    #[test]
    fn lines_whose_first_words_differ_agree_on_the_fields_up_to_the_time() {
        // RQ's worker: `%(asctime)s %(message)s`, datefmt `%H:%M:%S`.
        let got = formats(&[
            "14:44:45 Worker rq:worker:3c5e started with PID 7",
            "14:44:45 default: Job OK (3f2a)",
        ]);
        assert_eq!(
            got,
            [(
                "%(asctime)s %(message)s".to_owned(),
                Some("%H:%M:%S".to_owned())
            )]
        );
        // A level word alone leads free text as often as a format.
        let got = formats(&[
            "INFO level set by LOG_LEVEL",
            "DEBUG=False",
            "WARNING: disk full",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_key_value_format_shows_itself_by_a_time_left_unquoted() {
        let got = formats(&[
            "time=2024-11-15 12:25:37,345 logger=celery.app.trace pid=29 msg=a",
            "time=2024-11-15 12:25:38,345 logger=httpx pid=29 msg=b",
        ]);
        assert_eq!(
            got[0].0,
            "time=%(asctime)s logger=%(name)s pid=%(process)d msg=%(message)s"
        );
        // A custom field's value is a field, named by its key.
        let got = formats(&[
            "time=12:25:37 level=INFO caller=a.py:3 user=svc-batch msg=\"x\"",
            "time=12:25:38 level=ERROR caller=b.py:9 user=alice msg=\"y\"",
        ]);
        assert_eq!(
            got[0].0,
            "time=%(asctime)s level=%(levelname)s caller=%(filename)s:%(lineno)d user=%(user)s msg=\"%(message)s\""
        );
        // logfmt quotes a value with a space, and a time alone is no sign.
        for lines in [
            [
                "time=\"2024-11-15 12:25:37\" logger=a msg=x",
                "time=\"2024-11-15 12:25:38\" logger=b msg=y",
            ],
            [
                "time=12:25:37 logger=a msg=x",
                "time=12:25:38 logger=b msg=y",
            ],
        ] {
            assert!(formats(&lines).is_empty(), "{lines:?}");
        }
        // A first value no shape explains is named by its column: a clock,
        // a task; `pid=` names a process though 30 is WARNING's number.
        let got = formats(&[
            "ts=480406 pid=30 level=DEBUG msg=\"a\"",
            "ts=480423 pid=30 level=INFO msg=\"b\"",
            "ts=480469 pid=30 level=INFO msg=\"c\"",
        ]);
        assert_eq!(
            got[0].0,
            "ts=%(relativeCreated)d pid=%(process)d level=%(levelname)s msg=\"%(message)s\""
        );
        let got = formats(&[
            "task=None logger=app lvl=DEBUG msg=\"a\"",
            "task=Task-1 logger=app.db lvl=INFO msg=\"b\"",
        ]);
        assert_eq!(
            got[0].0,
            "task=%(taskName)s logger=%(name)s lvl=%(levelname)s msg=\"%(message)s\""
        );
    }

    #[test]
    fn each_attribute_python_prints_is_named_by_its_shape() {
        for (lines, want) in [
            (
                [
                    "1715438684.250000 INFO [Thread-3 (worker)] app.py:42 a",
                    "1715438684.500000 ERROR [MainThread] app.py:57 b",
                ],
                "%(created)f %(levelname)s [%(threadName)s] %(filename)s:%(lineno)d %(message)s",
            ),
            (
                ["12 WARNING Task-1 a", "250 INFO Task-2 b"],
                "%(field_1)d %(levelname)s %(taskName)s %(message)s",
            ),
            (
                [
                    "2024-05-11 14:44:45,123 INFO a [in /app/views.py:42]",
                    "2024-05-11 14:44:46,123 ERROR b [in /app/models.py:7]",
                ],
                "%(asctime)s %(levelname)s %(message)s [in %(pathname)s:%(lineno)d]",
            ),
            (
                [
                    "[I 240511 14:44:45 web:2250] a",
                    "[W 240511 14:44:46 web:2251] b",
                ],
                "%(color)s[%(levelname)1.1s %(asctime)s %(module)s:%(lineno)d]%(end_color)s %(message)s",
            ),
            (
                // The layout copied into a plain Formatter, Python's
                // default time (the Bluesky Queue Server's): no colours.
                [
                    "[I 2024-05-11 14:44:45,101 bluesky_queueserver.manager.manager] a",
                    "[W 2024-05-11 14:44:46,202 bluesky_queueserver.manager.worker] b",
                ],
                "[%(levelname).1s %(asctime)s %(name)s] %(message)s",
            ),
            (
                // Mailman's datefmt, its pid in parentheses.
                [
                    "May 11 14:44:44 2024 (7) Master started",
                    "May 11 14:44:45 2024 (7) in runner started.",
                ],
                "%(asctime)s (%(process)d) %(message)s",
            ),
            (
                // Redash's label before the pid.
                [
                    "[2024-05-11 14:44:45,457][PID:7][INFO][rq.job.x] a",
                    "[2024-05-11 14:44:45,493][PID:7][ERROR][rq.job.y] b",
                ],
                "[%(asctime)s][PID:%(process)d][%(levelname)s][%(name)s] %(message)s",
            ),
            (
                // Label Studio's double colons; Ansible's one-letter keys.
                [
                    "[2024-05-11 14:44:46,477] [core.utils.common::_setup_env::612] [INFO] a",
                    "[2024-05-11 14:44:46,540] [core.utils.common::get_latest_version::401] [ERROR] b",
                ],
                "[%(asctime)s] [%(name)s::%(funcName)s::%(lineno)d] [%(levelname)s] %(message)s",
            ),
            (
                [
                    "2024-05-11 14:44:44,931 p=7 u=deploy n=ansible INFO| changed on web1",
                    "2024-05-11 14:44:45,043 p=7 u=deploy n=ansible ERROR| the host is down",
                ],
                "%(asctime)s p=%(process)d u=%(u)s n=%(name)s %(levelname)s| %(message)s",
            ),
            (
                // Calibre-Web's own `WARN`, beside `ERROR`: no precision.
                [
                    "[2024-05-11 14:44:45,263]  WARN {server.py:121} b",
                    "[2024-05-11 14:44:45,298] ERROR {web.py:77} c",
                ],
                "[%(asctime)s] %(levelname)5s {%(filename)s:%(lineno)d} %(message)s",
            ),
            (
                // Optuna's (colorlog's colour fields are no record's).
                [
                    "[I 2024-05-11 14:44:45,237] A new study created",
                    "[W 2024-05-11 14:44:46,237] Trial 3 pruned.",
                ],
                "[%(levelname).1s %(asctime)s] %(message)s",
            ),
            (
                [
                    "[11/May/2024 14:44:44] \"GET / HTTP/1.1\" 200 5",
                    "[11/May/2024 14:44:45] \"GET /a HTTP/1.1\" 404 9",
                ],
                "[%(server_time)s] %(message)s",
            ),
        ] {
            let got = formats(&lines);
            assert_eq!(
                got.first().map(|f| f.0.as_str()),
                Some(want),
                "{lines:?}: {got:?}"
            );
        }
    }

    #[test]
    fn catch_all_lines_show_no_format() {
        let got = formats(&[
            "10.0.3.7 - - [11/May/2024:14:44:44 +0000] \"GET / HTTP/1.1\" 200 2",
            "10.0.3.7 - - [11/May/2024:14:44:45 +0000] \"GET /a HTTP/1.1\" 404 9",
            "event='order placed' order_id=7",
            "event='order placed' order_id=8",
            "{\"levelname\": \"INFO\", \"message\": \"x\"}",
            "plain text from print()",
            "2024-05-11 was a Saturday",
            "ERROR something broke",
            // logfmt after a timestamp, as a router or a Go service writes.
            "2024-05-11T14:44:45Z at=info method=GET path=/a status=200",
            "2024-05-11T14:44:46Z at=info method=GET path=/b status=404",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn without_a_time_or_a_level_several_lines_must_agree_on_two_evident_fields() {
        let got = formats(&[
            "2866162 ThreadPoolExecutor-0_0 Created A-73106 in golf",
            "2866187 ThreadPoolExecutor-0_0 Found credentials",
            "2866190 MainThread sent 5 bytes",
        ]);
        assert_eq!(got[0].0, "%(relativeCreated)d %(threadName)s %(message)s");
        // Numbers in brackets that grow line to line are milliseconds
        // since start-up; one that comes back is the process id.
        let got = formats(&[
            "[787266] [23] INFO [asyncio] feature flag on",
            "[787303] [23] INFO [api.middleware] retrying in 4s",
            "[787399] [23] ERROR [asyncio] job done",
        ]);
        assert_eq!(
            got[0].0,
            "[%(relativeCreated)d] [%(process)d] %(levelname)s [%(name)s] %(message)s"
        );
        // Two lines, or one evident field, are not enough.
        assert!(formats(&["2866162 MainThread a", "2866187 MainThread b"]).is_empty());
        let got = formats(&["[ok] a", "[ok] b", "[ok] c"]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_place_in_the_code_without_a_time_or_level_needs_line_numbers_that_vary() {
        let got = formats(&[
            "scheduler.tick:351 - processed 450 messages",
            "scheduler.tick:112 - sent 98396 bytes to redis",
            "worker.run:736 - first line of the message",
            "scheduler.tick:551 - ERROR count: 9",
        ]);
        // `tick` and `run` are verbs: a module and its function.
        assert_eq!(got[0].0, "%(module)s.%(funcName)s:%(lineno)d - %(message)s");
        // Hosts and their ports look alike, and a list of hosts repeats
        // them.
        let got = formats(&[
            "db.internal:5432 - connection refused",
            "db.internal:5432 - connection refused again",
            "cache.internal:6379 - ok",
            "db.internal:5432 - connection refused at last",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_logger_before_a_module_function_and_line_starts_a_head_without_a_time() {
        let got = formats(&[
            "worker worker.run:736 first line of the message",
            "worker worker._poll:193 payload received",
            "worker worker.process_message:12 healthcheck ok",
            "worker worker._poll:455 sent 5 bytes",
        ]);
        assert_eq!(
            got[0].0,
            "%(name)s %(module)s.%(funcName)s:%(lineno)d %(message)s"
        );
    }

    #[test]
    fn a_lone_word_in_brackets_after_the_message_is_the_function() {
        let got = formats(&[
            "10:00:00 INFO app started (_begin_impl)",
            "10:00:01 ERROR app failed hard (_execute_context)",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s %(levelname)s %(message)s (%(funcName)s)"
        );
    }

    #[test]
    fn a_modules_top_level_code_is_a_function_in_a_location_after_the_message() {
        // `%(levelname)s:%(message)s - %(funcName)s:%(lineno)d`, logged
        // from a script's top level.
        let got = formats(&[
            "WARNING:request handled in 12 ms - <module>:15",
            "DEBUG:cache miss for key users:42 - <module>:15",
            "INFO:job 17 finished - run:88",
        ]);
        assert_eq!(
            got[0].0,
            "%(levelname)s:%(message)s - %(funcName)s:%(lineno)d"
        );
        // Without a line number, `<module>` is the message's own.
        let got = formats(&[
            "10:00:00 INFO settings loaded from disk (<module>)",
            "10:00:01 ERROR could not open the socket (<module>)",
        ]);
        assert_eq!(got[0].0, "%(asctime)s %(levelname)s %(message)s");
    }

    #[test]
    fn a_place_in_the_code_in_quotes_is_read_and_its_quotes_are_the_formats() {
        // SimpleLogin's `%(process)d - "%(pathname)s:%(lineno)d" -
        // %(funcName)s() - `.
        let got = formats(&[
            r#"2024-05-11 14:44:48,040 - webapp - INFO - 9 - "/code/app.py:12" - main() - Listen on 20381"#,
            r#"2024-05-11 14:44:48,088 - webapp - DEBUG - 9 - "/code/log.py:22" - run() - Start controller"#,
        ]);
        let want = r#"%(asctime)s - %(name)s - %(levelname)s - %(process)d - "%(pathname)s:%(lineno)d" - %(funcName)s() - %(message)s"#;
        assert_eq!(got[0].0, want);
        // A message's own quote still ends the head.
        let got = formats(&[
            r#"2024-05-11 14:44:48,040 - webapp - INFO - "GET /health" 200"#,
            r#"2024-05-11 14:44:48,088 - webapp - INFO - "POST /orders" 201"#,
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
        );
    }

    #[test]
    fn a_formats_own_key_after_a_logger_name_is_a_custom_field() {
        let got = formats(&[
            "[02:54:11] | [myapp.payment] | trace=cf74290a9d3c49cf: retrying in 4s",
            "[02:54:12] | [myapp.payment] | trace=e089c3d2b735ad5d: order payload",
        ]);
        assert_eq!(
            got[0].0,
            "[%(asctime)s] | [%(name)s] | trace=%(trace)s: %(message)s"
        );
    }

    #[test]
    fn a_line_number_padded_to_its_width_after_a_module_is_still_the_line() {
        // caproto's `[%(levelname)1.1s %(asctime)s.%(msecs)03d
        // %(module)12s:%(lineno)5d]`, Tornado's empty colour fields around
        // it): one place in the code wrote every line.
        let got = formats(&[
            "[I 14:44:50.558       common: 1196] Connected to new client at 10.40.2.17:51512 (total: 1).",
            "[I 14:44:50.592       common: 1196] Connected to new client at 10.40.2.31:40220 (total: 2).",
            "[E 14:44:51.345       common: 1209] Client disconnected in unexpected way",
        ]);
        assert_eq!(
            got[0].0,
            "%(color)s[%(levelname)1.1s %(asctime)s.%(msecs)03d %(module)12s: %(lineno)d]%(end_color)s %(message)s"
        );
    }

    #[test]
    fn structlogs_event_key_opens_the_message_it_renders() {
        // Kodiak's structlog KeyValueRenderer through `%(levelname)s
        // %(name)s:%(filename)s:%(lineno)d %(message)s`: python-json-logger's
        // message is the whole rendering, `event=` and all.
        let got = formats(&[
            "INFO __main__:worker.py:106 event='start ingest_queue_watcher'",
            "INFO __main__:worker.py:101 event='start ingest_queue_worker' queue_name='kodiak:ingest:1'",
            "WARNING kodiak.queue:queue.py:37 event='webhook ignored' reason='draft'",
        ]);
        assert_eq!(
            got[0].0,
            "%(levelname)s %(name)s:%(filename)s:%(lineno)d %(message)s"
        );
    }

    #[test]
    fn two_words_alone_in_a_bracket_are_one_name_not_a_logger_after_the_formats_text() {
        // zabbix-cachet's `(%(threadName)s)` holding `Trigger Watcher`.
        let got = formats(&[
            "2024-05-11 14:44:44 UTC INFO: (Trigger Watcher) start trigger watcher",
            "2024-05-11 14:44:45 UTC INFO: (Trigger Watcher) Check status of Zabbix triggers",
            "2024-05-11 14:44:46 UTC WARNING: (Trigger Watcher) Zabbix trigger 1042 has no IT service",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s %(levelname)s: (Trigger Watcher) %(message)s"
        );
    }

    #[test]
    fn seconds_since_the_epoch_after_a_slash_glued_to_the_time_are_created() {
        // clickhouse-mysql-data-reader's `%(asctime)s/%(created)f:`.
        let got = formats(&[
            "2024-05-11 14:44:44,078/1715438684.079000:INFO:Starting",
            "2024-05-11 14:44:44,121/1715438684.121000:DEBUG:Config(options={'src_port': 3306})",
            "2024-05-11 14:44:45,002/1715438685.002000:WARNING:no binlog position saved",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s/%(created)f:%(levelname)s:%(message)s"
        );
    }

    #[test]
    fn a_colour_code_that_closes_every_line_is_no_part_of_the_message() {
        // Ganga's ColourFormatter wraps its whole output in the level's
        // colour and a reset.
        let got = formats(&[
            "\x1b[0;0mINFO     submitting job 41\x1b[0;0m",
            "\x1b[0;0mINFO     Splitting Job: 41\x1b[0;0m",
            "\x1b[0;33mWARNING  could not extract the Batch job identifier\x1b[0;0m",
        ]);
        assert!(got[0].0.ends_with("%(message)s\x1b[0;0m"), "{got:?}");
    }

    #[test]
    fn oslo_logs_empty_request_context_and_doubled_milliseconds_are_the_formats() {
        // yabgp's `%(asctime)s.%(msecs)03d %(process)d %(levelname)s
        // %(name)s [-] %(message)s`, under the default datefmt.
        let got = formats(&[
            "2024-05-11 14:44:44,154.154 7 INFO yabgp.agent [-] Log (Re)opened.",
            "2024-05-11 14:44:44,203.203 7 INFO yabgp.agent [-] Configuration:",
            "2024-05-11 14:44:45,017.017 7 INFO yabgp.core.protocol [-] [10.1.0.2][OPEN] sent",
            "2024-05-11 14:44:45,311.311 7 DEBUG yabgp.core.fsm [-] Connect retry timer expired",
            "2024-05-11 14:44:46,020.020 7 INFO yabgp.core.fsm [-] Connection established",
            "2024-05-11 14:44:46,412.412 7 INFO yabgp.handler [-] Peer 10.1.0.2 is up",
            "2024-05-11 14:44:47,008.008 7 DEBUG yabgp.core.protocol [-] Keepalive sent",
            "2024-05-11 14:44:47,530.530 7 INFO yabgp.api [-] API listening on 0.0.0.0:8801",
        ]);
        assert_eq!(
            got[0].0,
            "%(asctime)s.%(msecs)03d %(process)d %(levelname)s %(name)s [-] %(message)s"
        );
    }

    #[test]
    fn an_access_lines_client_and_time_after_the_apps_fields_are_its_message() {
        // Slurm-web's `%(threadName)s: [%(levelname)s] ` before werkzeug's
        // request lines, and BASIC_FORMAT before aiohttp's.
        let got = formats(&[
            "MainThread: [INFO] Running Slurm-web agent",
            "Thread-1 (process_request_thread): [INFO] 127.0.0.1 - - [11/May/2024 14:44:44] \"GET /info HTTP/1.1\" 200 -",
            "Thread-2 (process_request_thread): [INFO] 10.0.2.7 - - [11/May/2024 14:44:45] \"GET /jobs HTTP/1.1\" 200 -",
            "Thread-3 (process_request_thread): [INFO] 10.0.2.7 - - [11/May/2024 14:44:46] \"GET /nodes HTTP/1.1\" 200 -",
        ]);
        assert_eq!(
            got[0].0, "%(threadName)s: [%(levelname)s] %(message)s",
            "{got:?}"
        );
        let got = formats(&[
            "INFO:rpkiclientweb.web:Starting web server on port 8888",
            "INFO:aiohttp.access:10.0.0.9 [11/May/2024:14:44:44 +0000] \"GET /metrics HTTP/1.1\" 200 5120 \"-\" \"Prometheus/2.51.0\"",
            "INFO:aiohttp.access:10.0.0.9 [11/May/2024:14:44:59 +0000] \"GET /metrics HTTP/1.1\" 200 5120 \"-\" \"Prometheus/2.51.0\"",
            "INFO:aiohttp.access:10.0.3.1 [11/May/2024:14:45:02 +0000] \"GET /result HTTP/1.1\" 200 880 \"-\" \"curl/8.5.0\"",
        ]);
        assert_eq!(
            got,
            [("%(levelname)s:%(name)s:%(message)s".to_owned(), None)],
            "{got:?}"
        );
    }

    #[test]
    fn function_names_glued_to_a_lines_number_by_a_colon_are_the_formats() {
        // woob's `...:%(filename)s:%(lineno)d:%(funcName)s %(message)s`.
        let got = formats(&[
            "2024-05-11 14:45:20,724:DEBUG:woob.core.modules.loader:modules.py:244:load_module Loaded module \"creditmutuel\"",
            "2024-05-11 14:45:20,740:DEBUG:woob.backend:modules.py:152:create_instance Created backend \"cm\"",
            "2024-05-11 14:45:20,756:DEBUG:woob.core.bcall:bcall.py:86:backend_process <Backend cm>: Calling get_account",
            "2024-05-11 14:45:21,102:INFO:woob.browser:browsers.py:302:open_url GET https://www.example.com/",
            "2024-05-11 14:45:21,388:DEBUG:woob.browser:browsers.py:412:location Following a redirect",
            "2024-05-11 14:45:21,611:DEBUG:woob.backend:modules.py:160:create_instance Created backend \"bp\"",
        ]);
        assert!(
            got[0].0.ends_with(":%(lineno)d:%(funcName)s %(message)s"),
            "{got:?}"
        );
    }

    #[test]
    fn functions_that_share_their_last_word_stay_functions() {
        let got = formats(&[
            "2024-05-11 14:44:44,000 INFO [create_user] created user 17",
            "2024-05-11 14:44:45,000 INFO [update_user] updated user 17",
            "2024-05-11 14:44:46,000 INFO [delete_user] deleted user 17",
            "2024-05-11 14:44:47,000 WARNING [update_user] no such user 18",
        ]);
        assert_eq!(
            got[0].0, "%(asctime)s %(levelname)s [%(funcName)s] %(message)s",
            "{got:?}"
        );
    }

    #[test]
    fn a_dash_in_brackets_after_a_level_is_the_messages_own_mark() {
        // A scanner's `[-]` and `[+]`: one format, the marks in its messages.
        let got = formats(&[
            "2024-05-11 14:44:44,000 INFO [-] Host 10.0.0.1 down",
            "2024-05-11 14:44:45,000 INFO [+] Host 10.0.0.2 up",
            "2024-05-11 14:44:46,000 INFO [-] Host 10.0.0.3 down",
            "2024-05-11 14:44:47,000 INFO [+] Host 10.0.0.4 up",
        ]);
        assert_eq!(
            got,
            [("%(asctime)s %(levelname)s %(message)s".to_owned(), None)],
            "{got:?}"
        );
    }

    #[test]
    fn a_capitalised_word_glued_to_a_lines_number_is_the_messages() {
        let got = formats(&[
            "2024-05-11 14:45:20,724:INFO:app:app.py:10:cache_dir not set, using /tmp",
            "2024-05-11 14:45:20,740:INFO:app:app.py:22:db_url missing",
            "2024-05-11 14:45:20,756:INFO:app:app.py:40:Starting worker 1",
            "2024-05-11 14:45:21,102:INFO:app:app.py:40:Starting worker 2",
            "2024-05-11 14:45:21,388:INFO:app:app.py:52:Ready",
            "2024-05-11 14:45:21,611:INFO:app:app.py:58:listening on :8080",
        ]);
        assert!(got[0].0.ends_with(":%(lineno)d:%(message)s"), "{got:?}");
    }

    #[test]
    fn a_timestamp_after_the_message_of_a_coloured_line_is_the_messages() {
        let got = formats(&[
            "\x1b[32m2024-05-11 14:44:48,000 - app - INFO - Job finished [2024-05-11 14:44:48]\x1b[0m",
            "\x1b[32m2024-05-11 14:44:49,000 - app - INFO - Job started [2024-05-11 14:44:49]\x1b[0m",
            "\x1b[33m2024-05-11 14:44:50,000 - app - WARNING - Job slow [2024-05-11 14:44:50]\x1b[0m",
        ]);
        assert_eq!(got[0].0.matches("%(asctime)s").count(), 1, "{got:?}");
    }

    #[test]
    fn packages_of_one_family_named_alike_are_loggers_not_functions() {
        // Rhasspy's services log under their packages' names, which are
        // snake_case as functions are, but all end in `_hermes`.
        let got = formats(&[
            "[DEBUG:2024-05-11 14:44:44,296] rhasspyserver_hermes: Starting web server",
            "[DEBUG:2024-05-11 14:44:45,012] rhasspydialogue_hermes: <- HotwordDetected(model_id='porcupine')",
            "[DEBUG:2024-05-11 14:44:45,311] rhasspyasr_kaldi_hermes: -> AsrTextCaptured(text='turn on the light')",
            "[INFO:2024-05-11 14:44:45,520] rhasspynlu_hermes: Recognized intent ChangeLightState",
            "[DEBUG:2024-05-11 14:44:46,002] rhasspydialogue_hermes: -> DialogueSessionEnded()",
        ]);
        assert_eq!(
            got[0].0,
            "[%(levelname)s:%(asctime)s] %(name)s: %(message)s"
        );
    }

    #[test]
    fn a_changing_level_after_the_time_is_another_programs_format_even_on_fewer_lines() {
        // ZAP's basicConfig prints the time and the message; Tern, in the
        // same build, prints a level and its module between them (four
        // one-word modules and the script's `__main__`).
        let mut lines = vec![
            "2024-05-11 14:45:42,058 - DEBUG - __main__ - Starting...",
            "2024-05-11 14:45:42,094 - DEBUG - prep - Setting up...",
            "2024-05-11 14:45:43,310 - WARNING - rootfs - Cannot mount the overlay",
            "2024-05-11 14:45:44,163 - DEBUG - run - Starting analysis...",
            "2024-05-11 14:45:44,207 - DEBUG - skopeo - Attempting to pull image",
        ];
        lines.extend([
            "2024-05-11 14:45:50,342 Starting new HTTP connection (5): localhost:43917",
            "2024-05-11 14:45:51,723 Trigger hook: zap_spider_wrap, args: 1",
            "2024-05-11 14:45:54,217 Using port: 35522",
            "2024-05-11 14:45:55,026 Disable all tags",
            "2024-05-11 14:45:55,447 Spider progress %: 0",
            "2024-05-11 14:45:57,877 ZAP Version 2.15.0",
        ]);
        let got = formats(&lines);
        assert_eq!(
            got[0].0,
            "%(asctime)s - %(levelname)s - %(module)s - %(message)s"
        );
        assert_eq!(got[1].0, "%(asctime)s %(message)s");
    }

    #[test]
    fn a_format_whose_head_extends_anothers_reads_lines_before_it() {
        // PlexAniSync's `%(asctime)s %(message)s`, on more lines, beside
        // Deleterr's: read first, it would take Deleterr's lines as messages.
        let mut lines = vec![
            "2024-05-11 14:44:44 [MAPPING] Custom mapping found locally, using: custom_mappings.yaml",
            "2024-05-11 14:44:44 [ANILIST] Retrieving AniList list for user: kitsune_coop",
            "2024-05-11 14:44:44 [ANILIST] Found 143 anime series on list",
            "2024-05-11 14:44:44 [PLEX] Retrieving anime series from section: Anime",
            "2024-05-11 14:44:45 [PLEX] Found 87 watched series",
            "2024-05-11 14:44:45 [ANILIST] Found match: Spy x Family Season 2 [140986]",
            "2024-05-11 14:44:45 Plex connection failed, retrying in 60 seconds",
            "2024-05-11 14:44:46 Sync cycle finished in 2.1 seconds",
        ];
        lines.extend([
            "2024-05-11 14:44:44 - INFO :: deleterr.py :: deleterr : Running version v0.2.20",
            "2024-05-11 14:44:44 - ERROR :: config.py :: deleterr : Cannot reach Radarr 'Radarr'",
            "2024-05-11 14:44:45 - WARNING :: config.py :: deleterr : Retrying in 5s...",
            "2024-05-11 14:44:46 - INFO :: media_cleaner.py :: deleterr : Processing library 'Movies'",
        ]);
        let got = formats(&lines);
        assert_eq!(
            got[0].0,
            "%(asctime)s - %(levelname)s :: %(filename)s :: %(name)s : %(message)s"
        );
        assert_eq!(got[1].0, "%(asctime)s %(message)s");
    }

    #[test]
    fn a_location_before_the_closing_colour_code_is_the_formats() {
        // dbterd's formatter colours `... - %(message)s (%(filename)s:%(lineno)d)`
        // whole, so the place in the code comes before the reset.
        let got = formats(&[
            "\x1b[38;20m2024-05-11 14:45:41,263 - dbterd - INFO - Run with dbterd==1.18.0 (main.py:54)\x1b[0m",
            "\x1b[38;20m2024-05-11 14:45:41,290 - dbterd - INFO - Using algorithm [test_relationship] (base.py:35)\x1b[0m",
            "\x1b[33;20m2024-05-11 14:45:41,322 - dbterd - WARNING - Collected 30 table(s) (test_relationship.py:72)\x1b[0m",
        ]);
        assert!(
            got[0]
                .0
                .ends_with("%(message)s (%(filename)s:%(lineno)d)\x1b[0m"),
            "{got:?}"
        );
    }

    #[test]
    fn a_bracket_that_holds_a_word_before_a_logger_is_the_messages_label() {
        // openvpn-monitor's messages open with their VPN's name
        // (`[Office UDP]`), after `[%(process)d] [%(levelname)s] `.
        let got = formats(&[
            "[2024-05-11 14:44:44,187] [7] [INFO] Using config file: /etc/openvpn-monitor/openvpn-monitor.conf",
            "[2024-05-11 14:44:44,631] [7] [INFO] [Office UDP] Initiating TCP socket connection to openvpn-udp:5555",
            "[2024-05-11 14:44:44,667] [7] [INFO] [Office UDP] Sending openvpn management command: `version`",
            "[2024-05-11 14:44:44,700] [7] [INFO] [Office UDP] Sending openvpn management command: `state`",
            "[2024-05-11 14:44:44,809] [7] [INFO] [Office TCP] Initiating TCP socket connection to openvpn-tcp:5556",
            "[2024-05-11 14:44:44,842] [7] [INFO] [Office TCP] Sending openvpn management command: `version`",
        ]);
        assert_eq!(
            got,
            [(
                "[%(asctime)s] [%(process)d] [%(levelname)s] %(message)s".to_owned(),
                None
            )]
        );
    }
}
