//! Timestamps' layouts: the `datefmt`s people configure, and where one
//! starts a line's text. Pure byte tests, no tokens: the lexer asks here
//! what date starts at a place, and names its token after the answer.

use std::sync::LazyLock;

use super::super::date::DateShape;

/// The `datefmt`s recognised, with the shape each gives `asctime`. The
/// longest that matches wins, so `%H:%M:%S` never takes the time out of a
/// full date. `None` stands for Python's default (`2024-05-11
/// 14:44:45,123`), which is the first layout followed by `,` and three
/// digits.
pub(super) const LAYOUTS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y/%m/%d %H:%M:%S",
    "%d/%b/%Y:%H:%M:%S %z",
    "%d/%b/%Y %H:%M:%S",
    "%d/%b/%Y:%H:%M:%S",
    "%d-%b-%y %H:%M:%S",
    "%d-%b-%Y %H:%M:%S",
    "%y%m%d %H:%M:%S",
    "%Y%m%d %H:%M:%S",
    "%m-%d %H:%M:%S",
    "%m-%d %H:%M",
    "%m/%d/%Y %I:%M:%S %p",
    "%m/%d/%Y %H:%M:%S",
    "%d.%m.%Y %H:%M:%S",
    "%b %d %H:%M:%S",
    "%a %b %d %H:%M:%S %Y",
    "%H:%M:%S",
    // absl's (and glog's) `I0511 14:44:45.123456`, after a one-letter level.
    "%m%d %H:%M:%S",
    // Paramiko's `log_to_file`.
    "%Y%m%d-%H:%M:%S",
    // Mailman's.
    "%b %d %H:%M:%S %Y",
    // Layouts no program read so far writes but people configure: minutes
    // only, day-first dates, `%x %X` (`05/11/24 14:44:45`), dotted dates
    // and a spelled-out month.
    "%Y-%m-%d %H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%m/%d/%y %H:%M:%S",
    "%Y.%m.%d %H:%M:%S",
    "%d %b %Y %H:%M:%S",
    // Python's default date and a zone's name (amazon-efs-utils'): read
    // only after layout 0 and a name in `ZONES`, never by `date_at`, as
    // `%Z` matches any word.
    "%Y-%m-%d %H:%M:%S %Z",
    // Detectron2's.
    "%m/%d %H:%M:%S",
    // ISO 8601 with a zone's name glued on (EC2Rescue's `%Y-%m-%dT%T%Z`):
    // read only after layout 1 and a name in `ZONES`, as `ZONED_LAYOUT`.
    "%Y-%m-%dT%H:%M:%S%Z",
    // Sockeye's, a colon between the date and the time.
    "%Y-%m-%d:%H:%M:%S",
    // Layouts people configure, each found in many public projects'
    // `basicConfig`: the old logging docs' RFC 2822 date, a 12-hour clock,
    // day-first dates (a `%m` above that reads past 12 yields to these),
    // and minutes only.
    "%a, %d %b %Y %H:%M:%S",
    "%Y-%m-%d %I:%M:%S %p",
    "%I:%M:%S %p",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%y %H:%M:%S",
    "%Y/%m/%d %H:%M",
    // Fix Inventory's, a two-digit year first.
    "%y-%m-%d %H:%M:%S",
    // Hue's (an access log's date with a space before the time), and
    // nipype's (fMRIPrep's), a dash between a two-digit year's date and
    // the time.
    "%d/%b/%Y %H:%M:%S %z",
    "%y%m%d-%H:%M:%S",
    // bilby's, hours and minutes alone.
    "%H:%M",
    // OpenCLIP's, a comma between the date and the time.
    "%Y-%m-%d,%H:%M:%S",
    // Querybook's, the weekday's name between the date and the time.
    "%Y-%m-%d %a %H:%M:%S",
    // volvooncall's, a two-digit year and a dot before the seconds.
    "%y-%m-%d %H:%M.%S",
];

/// `LAYOUTS`' index of the layout with a zone's name.
pub(super) const ZONED_LAYOUT: u8 = 30;

/// Time zones' names as `%Z` prints them, sorted for a binary search.
const ZONES: [&str; 20] = [
    "AEDT", "AEST", "BST", "CDT", "CEST", "CET", "CST", "EDT", "EEST", "EET", "EST", "GMT", "IST",
    "JST", "MDT", "MST", "PDT", "PST", "UTC", "WET",
];

/// `LAYOUTS`' index of ISO 8601 with a zone's name glued on.
pub(super) const GLUED_ZONE_LAYOUT: u8 = 32;

/// `LAYOUTS`' index of absl's date, which a one-letter level is glued to.
pub(super) const ABSL_LAYOUT: u8 = 22;

/// Python's default `datefmt`, `LAYOUTS[0]`: followed by `,123` it is the
/// default asctime, with its milliseconds inside.
pub(super) const DEFAULT_LAYOUT: u8 = 0;

/// A layout index standing for Python's default asctime (`datefmt` unset).
pub(super) const PYTHON_DEFAULT: u8 = u8::MAX;

/// Layout indices from here on stand for `LAYOUTS[i]` with a zone's name
/// after it, ` %Z` at `ZONE_SUFFIXED + 2i` and ` (%Z)` at one more
/// (rotki's `%d/%m/%Y %H:%M:%S %Z`, USAspending's `%Y/%m/%d %H:%M:%S
/// (%Z)`): any layout a zone's name can follow, without a `LAYOUTS`
/// entry of its own for each.
pub(super) const ZONE_SUFFIXED: u8 = 64;

/// A layout index standing for an ISO 8601 stamp with a fraction or an
/// offset that no `strftime` format writes (`datetime.isoformat()`).
pub(super) const ISO8601: u8 = u8::MAX - 1;

static SHAPES: LazyLock<Vec<DateShape>> = LazyLock::new(|| {
    LAYOUTS
        .iter()
        .filter_map(|l| DateShape::compile(Some(l)).ok())
        .collect()
});

/// Each layout's literal bytes and where they stand, up to its first
/// directive of no fixed width (`-` at 4 and 7, ` ` at 10, `:` at 13 and
/// 16 for `%Y-%m-%d %H:%M:%S`), so `date_at` rejects nearly every layout
/// with a few comparisons before trying its shape. The layouts with a
/// zone's name (`ZONED_LAYOUT`, `GLUED_ZONE_LAYOUT`) get a NUL at 0,
/// which no date starts with: `date_at` never tries them, as `%Z` matches
/// any word, and skips them at no cost of its own.
static LITERALS: LazyLock<Vec<Vec<(usize, u8)>>> = LazyLock::new(|| {
    LAYOUTS
        .iter()
        .map(|l| match l.ends_with("%Z") {
            true => vec![(0, 0)],
            false => literals(l),
        })
        .collect()
});

/// Where a layout's literal bytes stand, while every directive before
/// them has a fixed width.
fn literals(layout: &str) -> Vec<(usize, u8)> {
    let b = layout.as_bytes();
    let (mut i, mut at, mut out) = (0, 0, Vec::new());
    while i < b.len() {
        if b[i] != b'%' {
            out.push((at, b[i]));
            (i, at) = (i + 1, at + 1);
            continue;
        }
        at += match b.get(i + 1) {
            Some(b'Y') => 4,
            Some(b'm' | b'd' | b'H' | b'M' | b'S' | b'y' | b'I') => 2,
            // `AM` and `PM` (the C locale's) share their `M`: a level
            // name after a time is turned away here, not by the shape.
            Some(b'p') => {
                out.push((at + 1, b'M'));
                2
            }
            Some(b'b' | b'a') => 3,
            _ => break,
        };
        i += 2;
    }
    out
}

/// Whether `c` can be inside a word: a logger name (`a.b-c`), a path, a
/// thread name (`ThreadPoolExecutor-0_0`), an id.
pub(super) fn word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(c, b'_' | b'.' | b'-' | b'/' | b'@' | b'$' | b'~')
        || c >= 0x80
}

// `CANDIDATES` gives each layout a bit of a `u64`; the zone-suffixed
// indices follow them and stay below `ISO8601`.
const _: () = assert!(LAYOUTS.len() <= 64 && LAYOUTS.len() <= ZONE_SUFFIXED as usize);

/// For each byte at offsets 2 and 4 of a text, the layouts it leaves
/// possible, one bit each: those whose literal byte there (`/` of
/// `%d/%m`, `-` of `%Y-%m`) is that byte, or that have none there. Two
/// lookups leave `date_at` a layout or two to try, not every one.
static CANDIDATES: LazyLock<[[u64; 256]; 2]> = LazyLock::new(|| {
    let mut masks = [[0u64; 256]; 2];
    for (i, lits) in LITERALS.iter().enumerate() {
        for (mask, at) in masks.iter_mut().zip([2, 4]) {
            match lits.iter().find(|&&(a, _)| a == at) {
                Some(&(_, c)) => mask[usize::from(c)] |= 1 << i,
                None => mask.iter_mut().for_each(|m| *m |= 1 << i),
            }
        }
    }
    masks
});

/// The timestamp at the start of `s`: its layout and length.
pub(super) fn date_at(s: &str) -> Option<(u8, usize)> {
    let b = s.as_bytes();
    // Only `%b %d`, `%a %b` and `%a, %d` start with letters: three of
    // them and a space or a comma. Everything else starts with two digits.
    // So a message's words cost one or two comparisons, not a try of
    // every layout.
    let named = b.len() > 4
        && b[..3].iter().all(u8::is_ascii_alphabetic)
        && (b[3] == b' ' || (b[3] == b',' && b[4] == b' '));
    let digits = b.len() > 4 && b[0].is_ascii_digit() && b[1].is_ascii_digit();
    if !named && !digits {
        return None;
    }
    let masks = &*CANDIDATES;
    let mut left = masks[0][usize::from(b[2])] & masks[1][usize::from(b[4])];
    let mut best: Option<(u8, usize)> = None;
    while left != 0 {
        let i = left.trailing_zeros() as usize;
        left &= left - 1;
        if !LITERALS[i].iter().all(|&(at, c)| b.get(at) == Some(&c)) {
            continue;
        }
        if LAYOUTS[i].starts_with("%b") || LAYOUTS[i].starts_with("%a") {
            if !named {
                continue;
            }
        } else if !digits || (LAYOUTS[i].starts_with("%m") && !month(b)) {
            continue;
        }
        if let Some(len) = SHAPES[i].match_len(s)
            && best.is_none_or(|(_, l)| len > l)
            // `%p` is `AM` or `PM` in the C locale Lambda runs in, where
            // the shape reads any letters.
            && (!LAYOUTS[i].ends_with("%p") || matches!(&b[len - 2..len], b"AM" | b"PM"))
            && (!s.as_bytes().get(len).is_some_and(u8::is_ascii_alphanumeric)
                || (i == 1 && zone_name_len(&b[len..]).is_some()))
        {
            best = Some((i as u8, len));
        }
    }
    best
}

/// Whether the two digits `b` starts with can be a month: a day-first
/// date (`25/05/2024`) is no `%m/%d/%Y`.
fn month(b: &[u8]) -> bool {
    matches!((b[0], b[1]), (b'0', b'1'..=b'9') | (b'1', b'0'..=b'2'))
}

/// ISO 8601's basic format at the start of `b` (`20240511T144446`, a
/// fraction and a `Z` or offset optional), ending where a word does: no
/// `LAYOUTS` entry writes it, and `iso8601` matches it.
pub(super) fn basic_iso8601(b: &[u8]) -> Option<usize> {
    let n = iso8601_len(b)?;
    (b.get(8) == Some(&b'T')).then_some(n)
}

/// Exactly three digits at the start of `b`, then no fourth.
pub(super) fn three_digits(b: &[u8]) -> bool {
    b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && !b.get(3).is_some_and(u8::is_ascii_digit)
}

/// A zone's name after a date of `layout` that ends at `after`, as
/// Python's default date and ` UTC` (`ZONED_LAYOUT`) or ISO 8601 and
/// `UTC` glued on (`GLUED_ZONE_LAYOUT`) write it: the zoned layout, and
/// the name's length with what comes before it.
pub(super) fn zone_after(b: &[u8], layout: u8, after: usize) -> Option<(u8, usize)> {
    let rest = &b[after..];
    match layout {
        1 => zone_name_len(rest).map(|n| (GLUED_ZONE_LAYOUT, n)),
        DEFAULT_LAYOUT => zone_len(rest).map(|n| (ZONED_LAYOUT, n)),
        l if usize::from(l) < LAYOUTS.len() && !LAYOUTS[usize::from(l)].ends_with("%Z") => {
            let at = ZONE_SUFFIXED + 2 * l;
            match zone_len(rest) {
                Some(n) => Some((at, n)),
                None => {
                    let inner = rest.strip_prefix(b" (")?;
                    let n = zone_name_len(inner)?;
                    (inner.get(n) == Some(&b')')).then_some((at + 1, n + 3))
                }
            }
        }
        _ => None,
    }
}

/// The `datefmt` layout index `l` stands for: a `LAYOUTS` entry, or one
/// with a zone's name after it (`ZONE_SUFFIXED`).
pub(super) fn layout_text(l: u8) -> std::borrow::Cow<'static, str> {
    match l.checked_sub(ZONE_SUFFIXED) {
        Some(k) if usize::from(k / 2) < LAYOUTS.len() => {
            let base = LAYOUTS[usize::from(k / 2)];
            std::borrow::Cow::Owned(match k % 2 {
                0 => format!("{base} %Z"),
                _ => format!("{base} (%Z)"),
            })
        }
        _ => std::borrow::Cow::Borrowed(LAYOUTS[usize::from(l)]),
    }
}

/// The length of ` UTC` (a space and a name in `ZONES`, ending where a
/// word does) at the start of `b`.
fn zone_len(b: &[u8]) -> Option<usize> {
    zone_name_len(b.strip_prefix(b" ")?).map(|n| 1 + n)
}

/// The length of a name in `ZONES` at the start of `b`, ending where a
/// word does.
fn zone_name_len(b: &[u8]) -> Option<usize> {
    let n = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let name = std::str::from_utf8(&b[..n]).ok()?;
    (ZONES.binary_search(&name).is_ok() && !b.get(n).is_some_and(|&c| word_byte(c))).then_some(n)
}

/// An ISO 8601 stamp at the start of `b` (as `datefmt` `iso8601` matches
/// it), ending where a word does.
pub(super) fn iso8601_len(b: &[u8]) -> Option<usize> {
    let n = super::super::date::iso8601_len(b)?;
    (!b.get(n).is_some_and(u8::is_ascii_alphanumeric)).then_some(n)
}
