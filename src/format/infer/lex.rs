//! One line's head → tokens: timestamps in the layouts people configure,
//! level names, numbers, words and the punctuation between them. Each
//! token is recognised by its own shape; which `LogRecord` attribute a
//! token is gets decided later, with the line's other tokens and the
//! stream's other lines to go by.

use super::super::matcher::thread_target_len;
use super::glued::{at_line, glued_field, slashed, split_off};
use super::layouts::{
    ABSL_LAYOUT, basic_iso8601, iso8601_len, three_digits, word_byte, zone_after,
};
pub(super) use super::layouts::{DEFAULT_LAYOUT, ISO8601, PYTHON_DEFAULT, date_at};
pub(super) use super::levels::{is_cut_level, is_known_level};
use super::marks::{SEPARATORS, angle_word, ansi_len, separator_len};

/// What a token is, by its own shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Class {
    /// A timestamp in layout `LAYOUTS[i]` (or [`PYTHON_DEFAULT`],
    /// [`ISO8601`]).
    Date(u8),
    /// Three digits right after a timestamp and a `.` or `,`.
    Msecs,
    /// A level name: a standard one, `Level 5`, or a standard one cut short
    /// (`WARNI`, `I`).
    Level,
    Int,
    Float,
    Word,
    /// Whitespace.
    Space,
    /// One punctuation character.
    Punct,
}

/// One token of a line's head.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tok<'a> {
    pub(super) class: Class,
    pub(super) text: &'a str,
}

/// Lexes at most `limit` bytes of `line` (cut back to a character
/// boundary): enough for any header.
pub(super) fn lex(line: &str, limit: usize) -> Vec<Tok<'_>> {
    let mut end = line.len().min(limit);
    while !line.is_char_boundary(end) {
        end -= 1;
    }
    let s = &line[..end];
    let b = s.as_bytes();
    let mut toks: Vec<Tok<'_>> = Vec::with_capacity(24);
    let mut i = 0;
    // Where the last colour code ended: a date glued to one
    // (`\x1b[33m2024-05-11 …`) starts there as after a space.
    let mut colour_end = usize::MAX;
    while i < b.len() {
        let c = b[i];
        let boundary = i == 0 || !b[i - 1].is_ascii_alphanumeric() || i == colour_end;
        if c.is_ascii_whitespace() {
            let n = b[i..]
                .iter()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
            toks.push(Tok {
                class: Class::Space,
                text: &s[i..i + n],
            });
            i += n;
        } else if boundary
            && b"DIWEC".contains(&c)
            && let Some((ABSL_LAYOUT, len)) = date_at(&s[i + 1..])
        {
            // absl's `%(levelname).1s%(asctime)s`: `I0511 14:44:45`.
            toks.push(Tok {
                class: Class::Level,
                text: &s[i..i + 1],
            });
            i = date(s, i + 1, ABSL_LAYOUT, len, &mut toks);
        } else if boundary
            && c.is_ascii_alphanumeric()
            && let Some((layout, len)) = date_at(&s[i..])
        {
            i = date(s, i, layout, len, &mut toks);
        } else if boundary
            && b.get(i + 8) == Some(&b'T')
            && let Some(n) = basic_iso8601(&b[i..])
        {
            toks.push(Tok {
                class: Class::Date(ISO8601),
                text: &s[i..i + n],
            });
            i += n;
        } else if word_byte(c) && (c < 0x80 || separator_len(&s[i..]).is_none()) {
            let n = b[i..].iter().take_while(|&&c| word_byte(c)).count();
            let n = url_len(b, i, n).unwrap_or(n);
            i = word(s, i, n, &mut toks);
        } else {
            let t = symbol(s, i);
            i += t.text.len();
            if t.text.starts_with('\x1b') {
                colour_end = i;
            }
            toks.push(t);
        }
    }
    toks
}

/// The token at `i` that is no date, number or word: a separator beyond
/// ASCII (`SEPARATORS`), a terminal's colour code (`\x1b[32m`, which some
/// programs print as a field of their own, Chaos Toolkit's `%(color)s`),
/// an `<angle>` word, or one punctuation character.
fn symbol(s: &str, i: usize) -> Tok<'_> {
    let b = s.as_bytes();
    let (class, n) = if b[i] >= 0x80
        && let Some(n) = separator_len(&s[i..])
    {
        (Class::Punct, n)
    } else if b[i] == 0x1b
        && let Some(n) = ansi_len(&b[i..])
    {
        (Class::Word, n)
    } else if b[i] == b'<'
        && let Some(n) = angle_word(&b[i..])
    {
        (Class::Word, n)
    } else {
        (
            Class::Punct,
            s[i..].chars().next().map_or(1, char::len_utf8),
        )
    };
    Tok {
        class,
        text: &s[i..i + n],
    }
}

/// Where lexing goes on after Python's default asctime, which ends at
/// `end`: past `,` or `.` and its milliseconds again, as `%(msecs)03d`,
/// where a format prints them twice (napalm-logs' `%(asctime)s,%(msecs)03d`,
/// oslo.log's `%(asctime)s.%(msecs)03d` under the default datefmt), or
/// unpadded, as `%(msecs)d` (wgkex's `,003,3`).
fn repeated_msecs<'a>(s: &'a str, end: usize, toks: &mut Vec<Tok<'a>>) -> usize {
    let b = s.as_bytes();
    let digits = b
        .get(end + 1..)
        .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
    let Some(ms) = s.get(end.saturating_sub(3)..end) else {
        return end;
    };
    let shown = s.get(end + 1..end + 1 + digits).unwrap_or_default();
    let unpadded = ms.trim_start_matches('0');
    let again = matches!(b.get(end), Some(b',' | b'.'))
        && (1..=3).contains(&digits)
        && (shown == ms || shown == if unpadded.is_empty() { "0" } else { unpadded });
    if !again {
        return end;
    }
    toks.push(Tok {
        class: Class::Punct,
        text: &s[end..end + 1],
    });
    toks.push(Tok {
        class: Class::Msecs,
        text: shown,
    });
    end + 1 + digits
}

/// A URL's length where a word of `n` bytes at `i` is its scheme
/// (`https://slack.com:443/api`): one word to its end, as no field has
/// `://` inside, so its scheme is read as no logger and its port as no
/// line number.
fn url_len(b: &[u8], i: usize, n: usize) -> Option<usize> {
    let rest = &b[i + n..];
    if !rest.starts_with(b"://") || !b[i..i + n].iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    Some(n + rest.iter().take_while(|c| !c.is_ascii_whitespace()).count())
}

/// Whether a token is one of `SEPARATORS`.
pub(super) fn is_wide_separator(t: &Tok<'_>) -> bool {
    t.class == Class::Punct
        && t.text
            .chars()
            .next()
            .is_some_and(|c| SEPARATORS.contains(&c))
}

/// A field glued to a date by `-` at the line's start (mongo-connector's
/// `%(threadName)s-%(asctime)s`): the word and the dash, pushed, and where
/// the date starts. Only there, as every word elsewhere would pay a scan.
fn before_date<'a>(s: &'a str, i: usize, w: &str, toks: &mut Vec<Tok<'a>>) -> Option<usize> {
    if i != 0 {
        return None;
    }
    let b = s.as_bytes();
    let dated = |k: usize| {
        k > 0
            && b.get(i + k + 1).is_some_and(u8::is_ascii_digit)
            && date_at(&s[i + k + 1..]).is_some()
    };
    let k = w
        .bytes()
        .enumerate()
        .position(|(k, c)| c == b'-' && dated(k))?;
    Some(split_off(s, i, &s[i..i + k], Class::Word, toks))
}

/// A timestamp at `i` of layout `layout` and length `len`, with what
/// follows it: `,123` making Python's default, `.123` or `,123` as
/// `msecs`, a longer fraction or an offset making ISO 8601. Returns where
/// lexing goes on.
/// A `Z` glued to the time's milliseconds, which the format writes as its
/// own text (UTC): pushed, and where lexing goes on.
fn glued_z<'a>(s: &'a str, at: usize, toks: &mut Vec<Tok<'a>>) -> Option<usize> {
    let b = s.as_bytes();
    if b.get(at) != Some(&b'Z') || b.get(at + 1).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    toks.push(Tok {
        class: Class::Punct,
        text: &s[at..at + 1],
    });
    Some(at + 1)
}

fn date<'a>(s: &'a str, i: usize, layout: u8, len: usize, toks: &mut Vec<Tok<'a>>) -> usize {
    let b = s.as_bytes();
    let after = i + len;
    let sep = b.get(after).copied();
    let frac = &b[(after + 1).min(b.len())..];
    let iso_base = matches!(layout, 1..=3);
    if matches!(sep, Some(b'.' | b',')) && frac.first().is_some_and(u8::is_ascii_digit) {
        if layout == DEFAULT_LAYOUT && sep == Some(b',') && three_digits(frac) {
            toks.push(Tok {
                class: Class::Date(PYTHON_DEFAULT),
                text: &s[i..after + 4],
            });
            // dfTimewolf's `[%(asctime)sZ]`.
            return glued_z(s, after + 4, toks)
                .unwrap_or_else(|| repeated_msecs(s, after + 4, toks));
        }
        let offset = frac.get(3).is_some_and(|&c| c == b'+' || c == b'-');
        // `%(msecs)d` unpadded (nipype's `%(asctime)s,%(msecs)d`) prints
        // one or two digits below 100 ms; never after ISO 8601's `T`.
        let unpadded = !iso_base && !offset && short_digits(frac);
        // Padded to four (Truss's `%(asctime)s.%(msecs)04d`), which the
        // milliseconds, under 1000, always start with a 0 of.
        let four =
            !iso_base && short_len(frac) == 4 && frac[0] == b'0' && frac.get(4) == Some(&b' ');
        if (three_digits(frac) && !(offset && (layout <= 1))) || unpadded || four {
            let digits = if unpadded || four { short_len(frac) } else { 3 };
            let end = after + 1 + digits;
            toks.push(Tok {
                class: Class::Date(layout),
                text: &s[i..after],
            });
            toks.push(Tok {
                class: Class::Punct,
                text: &s[after..after + 1],
            });
            toks.push(Tok {
                class: Class::Msecs,
                text: &s[after + 1..end],
            });
            // The Lambda runtime's `.%(msecs)03dZ`.
            return glued_z(s, end, toks).unwrap_or(end);
        }
        if layout <= 1
            && let Some(n) = iso8601_len(&b[i..])
        {
            toks.push(Tok {
                class: Class::Date(ISO8601),
                text: &s[i..i + n],
            });
            return i + n;
        }
    } else if iso_base
        && matches!(sep, Some(b'+' | b'-'))
        && let Some(n) = iso8601_len(&b[i..])
    {
        // `+00:00`: no strftime writes the colon.
        toks.push(Tok {
            class: Class::Date(ISO8601),
            text: &s[i..i + n],
        });
        return i + n;
    }
    if let Some((zoned, n)) = zone_after(b, layout, after) {
        toks.push(Tok {
            class: Class::Date(zoned),
            text: &s[i..after + n],
        });
        return after + n;
    }
    // `+00:00`: no strftime writes the colon.
    let colon = matches!(layout, 2..=4)
        && s[i..after].ends_with(|c: char| c.is_ascii_digit())
        && s.as_bytes()[after - 3] == b':';
    toks.push(Tok {
        class: Class::Date(if colon { ISO8601 } else { layout }),
        text: &s[i..after],
    });
    after
}

/// A word of `n` bytes at `i`, split where Python's fields would be:
/// `INFO/MainProcess` is a level, `/` and a process name; `Level 5` is one
/// level; `Thread-3 (worker)` one thread name. Returns where lexing goes
/// on.
fn word<'a>(s: &'a str, i: usize, n: usize, toks: &mut Vec<Tok<'a>>) -> usize {
    let mut w = &s[i..i + n];
    // A sentence's full stop, `name.` or `a.b-`: not part of the word.
    let trimmed = w.trim_end_matches(['.', '-']);
    if trimmed.is_empty() || w.bytes().all(|c| !c.is_ascii_alphanumeric() && c < 0x80) {
        // `-` alone, `--`, `...`, ` / `: separators.
        let c = &s[i..i + 1];
        toks.push(Tok {
            class: Class::Punct,
            text: c,
        });
        return i + 1;
    }
    if trimmed.len() < w.len() {
        w = trimmed;
    }
    if glued_separator(w, toks) {
        toks.push(Tok {
            class: Class::Punct,
            text: &s[i..i + 1],
        });
        return i + 1;
    }
    if let Some(next) = before_date(s, i, w, toks) {
        return next;
    }
    // `@app.py`: the format's `@` before a file (subscription-manager's
    // `@%(filename)s:%(lineno)d`), a token of its own.
    if w.len() > 4 && w.starts_with('@') && w.ends_with(".py") {
        toks.push(Tok {
            class: Class::Punct,
            text: &s[i..i + 1],
        });
        return i + 1;
    }
    if let Some(next) = at_line(s, i, w, toks) {
        return next;
    }
    let end = i + w.len();
    if let Some(next) = slashed(s, i, w, toks) {
        return next;
    }
    if let Some(next) = glued_field(s, i, w, toks) {
        return next;
    }
    if let Some(next) = level_number(s, i, w, toks) {
        return next;
    }
    if let Some(len) = thread_target_len(&s[i..]) {
        toks.push(Tok {
            class: Class::Word,
            text: &s[i..i + len],
        });
        return i + len;
    }
    toks.push(Tok {
        class: number_class(w),
        text: w,
    });
    end
}

/// `%(asctime)s-%(levelname)s` (DVT's `… PM-INFO:`): a `-` glued to a
/// date or a closing bracket separates it from the next field, as no
/// field's text starts with one. After a space it is a message's option
/// (`-kc`). So does a `/` before digits glued to the date
/// (clickhouse-mysql-data-reader's `%(asctime)s/%(created)f:`).
fn glued_separator(w: &str, toks: &[Tok<'_>]) -> bool {
    let b = w.as_bytes();
    let slash = b.len() > 1 && b[0] == b'/' && b[1].is_ascii_digit();
    let dated = toks
        .last()
        .is_some_and(|t| matches!(t.class, Class::Date(_) | Class::Msecs));
    (slash && dated)
        || b.len() > 1
            && b[0] == b'-'
            && b[1].is_ascii_alphabetic()
            && toks
                .last()
                .is_some_and(|t| matches!(t.class, Class::Date(_) | Class::Msecs) || closes(t))
}

/// Python's name for a level it has no name for, `Level 5`: one token,
/// pushed, and where lexing goes on. `None` for any other word.
fn level_number<'a>(s: &'a str, i: usize, w: &str, toks: &mut Vec<Tok<'a>>) -> Option<usize> {
    let b = s.as_bytes();
    let end = i + w.len();
    if w != "Level" || b.get(end) != Some(&b' ') {
        return None;
    }
    let digits = b[end + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == b'-')
        .count();
    if digits == 0 || b.get(end + 1 + digits).is_some_and(|c| word_byte(*c)) {
        return None;
    }
    toks.push(Tok {
        class: Class::Level,
        text: &s[i..end + 1 + digits],
    });
    Some(end + 1 + digits)
}

/// One or two digits at the start of `b`, then a space: milliseconds
/// below 100 as `%(msecs)d` prints them.
fn short_digits(b: &[u8]) -> bool {
    let n = short_len(b);
    (1..=2).contains(&n) && b.get(n) == Some(&b' ')
}

/// How many digits `b` starts with.
fn short_len(b: &[u8]) -> usize {
    b.iter().take_while(|c| c.is_ascii_digit()).count()
}

/// `Int` for digits, `Float` for digits with a fraction, else `Word`.
fn number_class(w: &str) -> Class {
    let b = w.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == b.len() && digits > 0 {
        return Class::Int;
    }
    if digits > 0
        && b[digits] == b'.'
        && b.len() > digits + 1
        && b[digits + 1..].iter().all(u8::is_ascii_digit)
    {
        return Class::Float;
    }
    // Every level name starts with a capital: most words stop here.
    let capital = b.first().is_some_and(u8::is_ascii_uppercase);
    if capital && (is_known_level(w) || (w.len() >= 3 && is_cut_level(w))) {
        return Class::Level;
    }
    Class::Word
}

/// Whether a token is a closing bracket or another character after which a
/// message may start.
pub(super) fn closes(t: &Tok<'_>) -> bool {
    t.class == Class::Punct && matches!(t.text, "]" | ")" | "}" | ">" | ":" | "|" | "-" | "," | ";")
}

/// The bracket a closing one closes (`[` for `]`); `<` for `>`.
pub(super) fn opener(close: &str) -> &'static str {
    match close {
        "]" => "[",
        ")" => "(",
        "}" => "{",
        _ => "<",
    }
}

/// Whether a token opens a bracket.
pub(super) fn opens(t: &Tok<'_>) -> bool {
    t.class == Class::Punct && matches!(t.text, "[" | "(" | "{" | "<")
}

#[cfg(test)]
mod tests {
    use super::super::layouts::LAYOUTS;
    use super::*;

    fn classes(line: &str) -> Vec<(Class, &str)> {
        lex(line, 400)
            .into_iter()
            .map(|t| (t.class, t.text))
            .collect()
    }

    #[test]
    fn pythons_default_asctime_keeps_its_milliseconds_inside() {
        let got = classes("2024-05-11 14:44:45,123 INFO x");
        assert_eq!(
            got[0],
            (Class::Date(PYTHON_DEFAULT), "2024-05-11 14:44:45,123")
        );
        assert_eq!(got[2], (Class::Level, "INFO"));
    }

    #[test]
    fn the_milliseconds_printed_again_padded_or_not_are_msecs() {
        // napalm-logs' `%(asctime)s,%(msecs)03d`, wgkex's `%(asctime)s,%(msecs)d`.
        let got = classes("2024-05-11 14:44:55,123,123 DEBUG x");
        assert_eq!(got[2], (Class::Msecs, "123"));
        let got = classes("2024-05-11 14:44:55,003,3 DEBUG x");
        assert_eq!(got[2], (Class::Msecs, "3"));
        let got = classes("2024-05-11 14:44:55,040,40 DEBUG x");
        assert_eq!(got[2], (Class::Msecs, "40"));
        let got = classes("2024-05-11 14:44:55,000,0 DEBUG x");
        assert_eq!(got[2], (Class::Msecs, "0"));
        // oslo.log's `%(asctime)s.%(msecs)03d` (yabgp's).
        let got = classes("2024-05-11 14:44:44,154.154 7 INFO yabgp.agent [-] x");
        assert_eq!(got[1], (Class::Punct, "."));
        assert_eq!(got[2], (Class::Msecs, "154"));
        // Another number is no repeat.
        let got = classes("2024-05-11 14:44:55,003,4 DEBUG x");
        assert_ne!(got[2].0, Class::Msecs, "{got:?}");
        let got = classes("2024-05-11 14:44:55,003,30 DEBUG x");
        assert_ne!(got[2].0, Class::Msecs, "{got:?}");
    }

    #[test]
    fn three_digits_after_a_datefmt_without_a_fraction_are_msecs() {
        let got = classes("2024-05-11 14:44:45.123 INFO x");
        assert_eq!(got[0], (Class::Date(0), "2024-05-11 14:44:45"));
        assert_eq!(got[1], (Class::Punct, "."));
        assert_eq!(got[2], (Class::Msecs, "123"));
        let got = classes("14:44:45,007 x");
        assert_eq!(got[0], (Class::Date(21), "14:44:45"));
        assert_eq!(got[2], (Class::Msecs, "007"));
        // Padded to four: a 0 first, as under 1000 ms.
        assert_eq!(classes("14:44:50.0055 INFO x")[2], (Class::Msecs, "0055"));
        assert_ne!(classes("14:44:50.1055 INFO x")[2].0, Class::Msecs);
        let got = classes("2024-05-11T14:44:45.250Z\tx");
        assert_eq!(got[2], (Class::Msecs, "250"));
        assert_eq!(got[3], (Class::Punct, "Z"));
    }

    #[test]
    fn a_longer_fraction_or_an_offset_after_one_makes_an_iso8601_stamp() {
        for stamp in [
            "2024-05-11T14:44:45.123456+00:00",
            "2024-05-11T14:44:45.123456",
            "2024-05-11T14:44:45+00:00",
        ] {
            let line = format!("{stamp} INFO x");
            assert_eq!(classes(&line)[0], (Class::Date(ISO8601), stamp), "{line}");
        }
    }

    #[test]
    fn every_layout_is_found_whole() {
        for (stamp, layout) in [
            ("2024-05-11T14:44:45+0000", "%Y-%m-%dT%H:%M:%S%z"),
            ("11/May/2024:14:44:45 +0000", "%d/%b/%Y:%H:%M:%S %z"),
            ("240511 14:44:45", "%y%m%d %H:%M:%S"),
            ("05-11 14:44", "%m-%d %H:%M"),
            ("05/11/2024 02:44:45 PM", "%m/%d/%Y %I:%M:%S %p"),
            ("11-May-24 14:44:45", "%d-%b-%y %H:%M:%S"),
            ("14:44:45", "%H:%M:%S"),
            ("2024-05-11 14:44", "%Y-%m-%d %H:%M"),
            ("11-05-2024 14:44:45", "%d-%m-%Y %H:%M:%S"),
            ("05/11/24 14:44:45", "%m/%d/%y %H:%M:%S"),
            ("2024.05.11 14:44:45", "%Y.%m.%d %H:%M:%S"),
            ("11 May 2024 14:44:45", "%d %b %Y %H:%M:%S"),
            ("2024-05-11 14:44:45 UTC", "%Y-%m-%d %H:%M:%S %Z"),
            ("05/11 14:44:45", "%m/%d %H:%M:%S"),
            ("2024-05-11T14:44:45UTC", "%Y-%m-%dT%H:%M:%S%Z"),
            ("Sat, 25 May 2024 15:04:45", "%a, %d %b %Y %H:%M:%S"),
            ("2024-05-25 03:04:45 PM", "%Y-%m-%d %I:%M:%S %p"),
            ("03:04:45 AM", "%I:%M:%S %p"),
            ("25/05/2024 15:04:45", "%d/%m/%Y %H:%M:%S"),
            ("25/05/24 15:04:45", "%d/%m/%y %H:%M:%S"),
            ("2024/05/25 15:04", "%Y/%m/%d %H:%M"),
            ("24-05-11 14:44:53", "%y-%m-%d %H:%M:%S"),
            ("11/May/2024 14:44:44 +0000", "%d/%b/%Y %H:%M:%S %z"),
            ("240511-14:45:15", "%y%m%d-%H:%M:%S"),
            ("14:44", "%H:%M"),
            ("2024-05-11,14:44:44", "%Y-%m-%d,%H:%M:%S"),
            ("2024-05-11 Sat 14:44:51", "%Y-%m-%d %a %H:%M:%S"),
            ("24-05-11 14:44.50", "%y-%m-%d %H:%M.%S"),
        ] {
            let line = format!("[{stamp}] x");
            let got = classes(&line);
            assert_eq!(got[1].1, stamp, "{line}");
            let Class::Date(i) = got[1].0 else {
                panic!("{line}: {got:?}")
            };
            assert_eq!(LAYOUTS[i as usize], layout);
        }
    }

    #[test]
    fn a_zones_name_after_any_layout_is_part_of_the_date() {
        // rotki's `%d/%m/%Y %H:%M:%S %Z`, USAspending's `%Y/%m/%d
        // %H:%M:%S (%Z)`.
        for (line, stamp, datefmt) in [
            (
                "[25/05/2024 14:44:44 UTC] x",
                "25/05/2024 14:44:44 UTC",
                "%d/%m/%Y %H:%M:%S %Z",
            ),
            (
                "[2024/05/11 14:44:55 (UTC)] x",
                "2024/05/11 14:44:55 (UTC)",
                "%Y/%m/%d %H:%M:%S (%Z)",
            ),
            ("14:44:55 CEST x", "14:44:55 CEST", "%H:%M:%S %Z"),
        ] {
            let got = classes(line);
            let at = usize::from(!line.starts_with('1'));
            assert_eq!(got[at].1, stamp, "{line}: {got:?}");
            let Class::Date(i) = got[at].0 else {
                panic!("{line}: {got:?}")
            };
            assert_eq!(super::super::layouts::layout_text(i), datefmt);
        }
        // A word that names no zone, or an unclosed bracket, is no part.
        for line in ["[11/05/2024 14:44:44 APP] x", "[2024/05/11 14:44:55 (UTC x"] {
            let got = classes(line);
            assert!(!got[1].1.contains(['A', 'U']), "{line}: {got:?}");
        }
    }

    #[test]
    fn a_url_is_one_word_so_its_scheme_is_no_logger_and_its_port_no_line() {
        let got = classes("DEBUG:https://slack.com:443/api \"POST\"");
        assert_eq!(got[2], (Class::Word, "https://slack.com:443/api"));
        // A word and a colon alone stay apart.
        let got = classes("app:42 x");
        assert_eq!(got[0], (Class::Word, "app"));
    }

    #[test]
    fn msecs_after_the_default_asctime_repeat_its_milliseconds() {
        let got = classes("2024-05-11 14:44:57,033,033 [napalm_logs.base ][INFO    ] x");
        assert_eq!(
            got[0],
            (Class::Date(PYTHON_DEFAULT), "2024-05-11 14:44:57,033")
        );
        assert_eq!(got[2], (Class::Msecs, "033"));
        // Other digits are no milliseconds of its.
        let got = classes("2024-05-11 14:44:57,033,034 x");
        assert_ne!(got[2].0, Class::Msecs, "{got:?}");
    }

    #[test]
    fn a_level_after_a_time_is_no_meridiem() {
        let got = classes("25/05/2024 15:04:45 INFO [app] started");
        assert_eq!(got[0].1, "25/05/2024 15:04:45");
        let Class::Date(i) = got[0].0 else {
            panic!("{got:?}")
        };
        assert_eq!(LAYOUTS[i as usize], "%d/%m/%Y %H:%M:%S");
        assert_eq!(got[2], (Class::Level, "INFO"));
        let got = classes("15:04:45 PMX x");
        assert_eq!(got[0].1, "15:04:45", "{got:?}");
    }

    #[test]
    fn a_dash_glued_to_a_date_or_a_bracket_separates_the_next_field() {
        let got = classes("05/11/2024 02:44:44 PM-INFO: x");
        assert_eq!(got[1], (Class::Punct, "-"), "{got:?}");
        assert_eq!(got[2], (Class::Level, "INFO"));
        let got = classes("[14:44:44]-app.views: x");
        assert_eq!(got[3], (Class::Punct, "-"), "{got:?}");
        assert_eq!(got[4], (Class::Word, "app.views"));
        // After a space it is the message's own option, one word.
        let got = classes("14:44:44 INFO -kc given");
        assert_eq!(got[4], (Class::Word, "-kc"), "{got:?}");
    }

    #[test]
    fn a_word_glued_to_a_time_is_a_zone_only_when_it_names_one() {
        let got = classes("2024-05-11T14:44:45UTCX x");
        assert_ne!(got[0].1, "2024-05-11T14:44:45UTC", "{got:?}");
        let got = classes("2024-05-11T14:44:45Foo x");
        assert!(!matches!(got[0].0, Class::Date(_)), "{got:?}");
    }

    #[test]
    fn an_absl_level_letter_is_glued_to_its_date() {
        let got = classes("I0511 14:44:45.123 4821 app.py:608] x");
        assert_eq!(got[0], (Class::Level, "I"));
        assert_eq!(got[1], (Class::Date(ABSL_LAYOUT), "0511 14:44:45"));
        assert_eq!(got[3], (Class::Msecs, "123"));
    }

    #[test]
    fn levels_process_names_and_thread_names_are_single_tokens() {
        let got = classes("INFO/MainProcess Thread-3 (worker) Level 5 WARNI");
        assert_eq!(got[0], (Class::Level, "INFO"));
        assert_eq!(got[2], (Class::Word, "MainProcess"));
        assert_eq!(got[4], (Class::Word, "Thread-3 (worker)"));
        assert_eq!(got[6], (Class::Level, "Level 5"));
        assert_eq!(got[8], (Class::Level, "WARNI"));
    }

    #[test]
    fn a_level_after_a_loggers_dot_and_an_id_after_the_main_names_are_fields_of_their_own() {
        let got = classes("[2024-05-11 14:44:52,980] kafka.conn.INFO MainThread x");
        assert_eq!(got[4], (Class::Word, "kafka.conn"));
        assert_eq!(got[5], (Class::Punct, "."));
        assert_eq!(got[6], (Class::Level, "INFO"));
        let got = classes("MainProcess-48211 MainThread-139887654233920 x");
        assert_eq!(got[0], (Class::Word, "MainProcess"));
        assert_eq!(got[2], (Class::Int, "48211"));
        assert_eq!(got[4], (Class::Word, "MainThread"));
        assert_eq!(got[6], (Class::Int, "139887654233920"));
        // Names Python makes up keep their numbers.
        assert_eq!(
            classes("ForkPoolWorker-2 x")[0],
            (Class::Word, "ForkPoolWorker-2")
        );
        // Before a thread's name, a process's id glued to the main name or
        // to one numbered (indi-allsky's `%(processName)s-%(process)d/`).
        for (line, name, id) in [
            ("MainProcess-57/MainThread x", "MainProcess", "57"),
            ("Image-1-64/MainThread x", "Image-1", "64"),
        ] {
            let got = classes(line);
            assert_eq!(got[0], (Class::Word, name));
            assert_eq!(got[2], (Class::Int, id));
            assert_eq!(got[3], (Class::Punct, "/"));
            assert_eq!(got[4], (Class::Word, "MainThread"));
        }
        // Not a host's name (Locust's `ip-10-0-3-7/INFO/`).
        assert!(
            !classes("ip-10-0-3-7/INFO x")
                .iter()
                .any(|t| t.1 == "ip-10-0-3")
        );
        // `L` before a line's number after a mark is the format's letter.
        let got = classes("[INFO|webui|L175] x");
        assert_eq!(got[5], (Class::Punct, "L"));
        assert_eq!(got[6], (Class::Int, "175"));
        assert_eq!(classes("L175 x")[0], (Class::Word, "L175"));
        assert_eq!(classes("app.NOTES x")[0], (Class::Word, "app.NOTES"));
        let got = classes("JobStatusPoller-139886948185664 x");
        assert_eq!(got[0], (Class::Word, "JobStatusPoller"));
        assert_eq!(got[2], (Class::Int, "139886948185664"));
    }

    #[test]
    fn one_or_two_digits_after_a_datefmt_are_unpadded_msecs() {
        let got = classes("240511-14:45:15,45 nipype.workflow INFO:");
        let nipype = LAYOUTS.iter().position(|l| *l == "%y%m%d-%H:%M:%S");
        assert_eq!(
            got[0],
            (Class::Date(nipype.unwrap() as u8), "240511-14:45:15")
        );
        assert_eq!(got[2], (Class::Msecs, "45"));
        let got = classes("2024-05-11 14:45:15,7 INFO x");
        assert_eq!(got[0], (Class::Date(DEFAULT_LAYOUT), "2024-05-11 14:45:15"));
        assert_eq!(got[2], (Class::Msecs, "7"));
        // Not after ISO 8601's `T`, nor before more text than a space.
        assert_ne!(classes("2024-05-11T14:45:15.45 INFO x")[2].0, Class::Msecs);
        assert_ne!(classes("2024-05-11 14:45:15,45x INFO")[2].0, Class::Msecs);
    }

    #[test]
    fn numbers_words_and_punctuation_are_told_apart() {
        let got = classes("[1234] app.py:42 <module> 1715438684.250000 v1.2");
        assert_eq!(got[1], (Class::Int, "1234"));
        assert_eq!(got[4], (Class::Word, "app.py"));
        assert_eq!(got[5], (Class::Punct, ":"));
        assert_eq!(got[6], (Class::Int, "42"));
        assert_eq!(got[8], (Class::Word, "<module>"));
        assert_eq!(got[10], (Class::Float, "1715438684.250000"));
        assert_eq!(got[12], (Class::Word, "v1.2"));
    }

    #[test]
    fn lexing_stops_at_the_limit_on_a_character_boundary() {
        let line = format!("{}é", "a".repeat(9));
        let got = lex(&line, 10);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].text, "a".repeat(9));
    }
}
