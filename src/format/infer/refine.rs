//! A group's format refined from what all its lines show (the space
//! after the message, a logger that was only a guess), and each format
//! from every line it reads once all are found (a field that holds one
//! word, a width its values are padded to).

use super::NEUTRAL_PREFIX;
use super::marks::is_name;
use super::role::Role;
use super::{Head, Inferred};
use crate::format::Format;
use crate::model::Value;

/// Whether every head's logger is only a guess (`Inferred::guessed_name`),
/// and on how many heads the guess starts with a capital.
pub(super) fn guesses(heads: &[&Head<'_>]) -> (bool, usize) {
    let guessed_name = heads.iter().all(|h| {
        h.roles.contains(&Some(Role::NameGuess))
            && !h
                .roles
                .iter()
                .any(|r| matches!(r, Some(Role::Name | Role::NameSlot | Role::ModuleFunc)))
    });
    let capital = heads
        .iter()
        .filter(|h| guess(h).is_some_and(|g| g.starts_with(|c: char| c.is_ascii_uppercase())))
        .count();
    (guessed_name, capital)
}

/// The word a head guessed as its logger.
fn guess<'t>(h: &Head<'t>) -> Option<&'t str> {
    let k = h.roles.iter().position(|r| *r == Some(Role::NameGuess))?;
    Some(h.texts[k])
}

/// `format` with the space its lines end with after the message: nine in
/// ten of three or more (MACS3's `%(levelname)-5s @ %(asctime)s:
/// %(message)s `). A message ends with a space seldom; a line whose
/// record goes on below ends with its message's first line.
pub(super) fn space_after_message(format: &str, lines: &[&str]) -> Option<String> {
    let spaced = lines.iter().filter(|l| l.ends_with(' ')).count();
    (format.ends_with("%(message)s") && lines.len() >= 3 && spaced * 10 >= lines.len() * 9)
        .then(|| format!("{format} "))
}

/// Whether `w` is a capitalised word of small letters, as a sentence's
/// first word is (`Start`, `Order`), and no module's logger is.
pub(super) fn sentence_word(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(|f| f.is_ascii_uppercase())
        && w.len() >= 3
        && c.all(|c| c.is_ascii_lowercase())
}

/// `format` without the logger it guessed before the message, where every
/// guess is a capitalised word of small letters, as a sentence's first
/// word is (mock's `%(asctime)s - %(message)s`, `Start: init plugins`,
/// `Finish: run`): the words are the messages' labels.
pub(super) fn without_guess(format: &str, heads: &[&Head<'_>]) -> Option<String> {
    let all_plain = heads.iter().all(|h| guess(h).is_some_and(sentence_word));
    let (before, after) = format.rsplit_once("%(name)s")?;
    let sep = after.strip_suffix("%(message)s")?;
    // A module or a function read from the words after the guess
    // (Merlin's `Monitor: checking for workers`) goes with it: they were
    // the messages' words too.
    let read_after = sep.replace("%(module)s", "").replace("%(funcName)s", "");
    (all_plain && !read_after.contains('%')).then(|| format!("{before}%(message)s"))
}

/// Fewest lines that must show a neutral field's one value before it is
/// read as the format's own text.
const MIN_TAG_LINES: usize = 5;

/// Most programs one format's leading tag may name.
const MAX_TAGS: usize = 3;

/// `out` with each neutral field (`%(field_N)s`) that holds one word on
/// five or more lines written as that word, and a first field that holds
/// two or three words, each on five or more lines, split into one format
/// per word: Seafile's `[seafevents] [%(asctime)s]` and `[seafdav]
/// [%(asctime)s]` name their programs in their formats. A custom field
/// that seldom changes could print so too, but its `field_N` key is
/// never what the app wrote, while its own text is exactly what it did.
pub(super) fn program_tags(out: Vec<Inferred>, read: &[&str]) -> Vec<Inferred> {
    let mut next = Vec::with_capacity(out.len());
    let mut renames = Vec::new();
    for f in out {
        match tagged(&f, read) {
            Some(split) => {
                if let Some(first) = split.first() {
                    renames.push((f.format.clone(), first.format.clone()));
                }
                next.extend(split);
            }
            None => next.push(f),
        }
    }
    follow(&mut next, &renames);
    next
}

/// Points each format kept before a wider one (`Inferred::before`) at
/// that one's new text, so the order `narrow_first` gives still holds.
fn follow(out: &mut [Inferred], renames: &[(String, String)]) {
    for f in out {
        if let Some(b) = &f.before
            && let Some((_, new)) = renames.iter().find(|(old, _)| old == b)
        {
            f.before = Some(new.clone());
        }
    }
}

/// Each neutral field's values on the lines `f` reads, with their counts;
/// `None` for a value that is no plain word.
type Seen = Vec<(String, Vec<(Option<String>, usize)>)>;

/// `f` as the formats its tags make of it (`program_tags`).
fn tagged(f: &Inferred, read: &[&str]) -> Option<Vec<Inferred>> {
    if !f.format.contains(&neutral()) {
        return None;
    }
    let mut seen: Seen = Vec::new();
    each_field(f, read, |k, v| {
        let Some(n) = k.strip_prefix(NEUTRAL_PREFIX) else {
            return;
        };
        let text = match v {
            // A letter first: `_` alone is no program's name.
            Value::Str(s) if s.starts_with(|c: char| c.is_ascii_alphabetic()) && is_name(&s) => {
                Some(s.into_owned())
            }
            _ => None,
        };
        let values = entry(&mut seen, n, Vec::new);
        match values.iter_mut().find(|(t, _)| *t == text) {
            Some((_, c)) => *c += 1,
            None => values.push((text, 1)),
        }
    });
    let mut format = f.format.clone();
    for (n, values) in &seen {
        if let [(Some(word), count)] = values.as_slice()
            && *count >= MIN_TAG_LINES
        {
            format = format.replacen(&placeholder(n), word, 1);
        }
    }
    let split = seen.first().filter(|(n, values)| {
        f.format.find(&placeholder(n)) == f.format.find("%(")
            && (2..=MAX_TAGS).contains(&values.len())
            && values
                .iter()
                .all(|(t, c)| t.is_some() && *c >= MIN_TAG_LINES)
    });
    let tags: Vec<(String, usize)> = match split {
        Some((n, values)) => values
            .iter()
            .filter_map(|(t, c)| Some((format.replacen(&placeholder(n), t.as_ref()?, 1), *c)))
            .collect(),
        None if format != f.format => vec![(format, f.lines)],
        None => return None,
    };
    tags.into_iter()
        .map(|(format, lines)| {
            let format = renumber(&format);
            let compiled = Format::compile_strict(&format, f.datefmt.as_deref()).ok()?;
            Some(Inferred {
                format,
                lines,
                compiled,
                ..f.clone()
            })
        })
        .collect()
}

/// Each field `f` reads on each line of `read` it matches, in order: what
/// both passes over all lines look at.
fn each_field(f: &Inferred, read: &[&str], mut visit: impl FnMut(&str, Value<'_>)) {
    for line in read {
        for (k, v) in f.compiled.read(line).into_iter().flatten() {
            visit(&k, v);
        }
    }
}

/// The value kept for `key` in `seen`, made by `new` the first time.
fn entry<'s, T>(seen: &'s mut Vec<(String, T)>, key: &str, new: impl FnOnce() -> T) -> &'s mut T {
    let at = match seen.iter().position(|(k, _)| k == key) {
        Some(at) => at,
        None => {
            seen.push((key.to_owned(), new()));
            seen.len() - 1
        }
    };
    &mut seen[at].1
}

/// A neutral field's placeholder, `n` its number.
fn placeholder(n: &str) -> String {
    format!("{}{n})s", neutral())
}

/// The placeholder that starts every neutral field: `%(` and
/// `NEUTRAL_PREFIX`.
fn neutral() -> String {
    format!("%({NEUTRAL_PREFIX}")
}

/// `format` with its neutral fields numbered 1, 2, … in order again.
fn renumber(format: &str) -> String {
    let mut out = String::with_capacity(format.len());
    let mut rest = format;
    let mut n = 0;
    let neutral = neutral();
    while let Some(at) = rest.find(&neutral) {
        let after = &rest[at + neutral.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        n += 1;
        out.push_str(&rest[..at]);
        out.push_str(&format!("{neutral}{n}"));
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// `out` with a width on each string field whose values some lines pad
/// with spaces after them to one length, where every value left unpadded
/// is at least that long (Conan's `%(filename)-15s[%(lineno)d]`:
/// `conan_api.py   [176]` beside `profile_loader.py[121]`). The two
/// shapes were grouped apart, and the format that reads both kept no
/// width, so the spaces stayed in the value.
pub(super) fn padded_fields(mut out: Vec<Inferred>, read: &[&str]) -> Vec<Inferred> {
    let mut renames = Vec::new();
    for f in &mut out {
        if let Some(format) = with_widths(f, read)
            && let Ok(compiled) = Format::compile_strict(&format, f.datefmt.as_deref())
        {
            renames.push((f.format.clone(), format.clone()));
            (f.format, f.compiled) = (format, compiled);
        }
    }
    follow(&mut out, &renames);
    out
}

/// Fewest lines that must show a value padded to the width.
const MIN_PADDED: usize = 2;

/// A bare string field's padded width (`Some(0)` where the lines
/// disagree), how many lines pad it, and its shortest unpadded value.
type Padding = (Option<usize>, usize, usize);

/// `f`'s format with the widths `padded_fields` finds, if any.
fn with_widths(f: &Inferred, read: &[&str]) -> Option<String> {
    let mut seen: Vec<(String, Padding)> = Vec::new();
    each_field(f, read, |k, v| {
        let Value::Str(s) = v else { return };
        if k == "message" || !f.format.contains(&format!("%({k})s")) {
            return;
        }
        let (width, padded, shortest) = entry(&mut seen, k, || (None, 0, usize::MAX));
        let trimmed = s.trim_end_matches(' ');
        if trimmed.len() == s.len() {
            *shortest = (*shortest).min(s.chars().count());
        } else if trimmed.is_empty() || s.starts_with(' ') {
            *width = Some(0);
        } else {
            let w = s.chars().count();
            *width = match *width {
                None => Some(w),
                Some(x) if x == w => Some(w),
                Some(_) => Some(0),
            };
            *padded += 1;
        }
    });
    let mut format = f.format.clone();
    for (k, (width, padded, shortest)) in seen {
        if let Some(w) = width
            && w > 0
            && padded >= MIN_PADDED
            && shortest >= w
        {
            format = format.replacen(&format!("%({k})s"), &format!("%({k})-{w}s"), 1);
        }
    }
    (format != f.format).then_some(format)
}
