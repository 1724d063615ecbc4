//! Marks a head's tokens take that are neither dates, numbers nor words:
//! separators beyond ASCII, terminal colour codes, and the names Python
//! gives code that has none (`<module>`).

/// Characters beyond ASCII that formats put between fields, as others
/// put ` - ` or ` | ` (Elementary's `%(asctime)s — %(levelname)s — `):
/// dashes, box-drawing bars, guillemets, arrows and bullets.
pub(super) const SEPARATORS: [char; 16] = [
    '—', '–', '│', '┃', '║', '¦', '»', '«', '›', '‹', '→', '➜', '▶', '►', '·', '•',
];

/// Whether every byte of `w` is one a name is written with: letters,
/// digits, `_`, `-` and `.` (a logger's, a thread's, a program's or a
/// host's name, as printed); callers add what the first must be.
pub(super) fn name_chars(w: &str) -> bool {
    w.bytes()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
}

/// Whether `w` is a name as code and people write one (a thread's, a
/// program's): a letter or `_` first, then `name_chars`.
pub(super) fn is_name(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') && name_chars(w)
}

/// Whether `w` is a number written in digits only, one at least: a
/// process id, a line number, a counter (`-` and `+` are separators here).
pub(super) fn all_digits(w: &str) -> bool {
    !w.is_empty() && w.bytes().all(|c| c.is_ascii_digit())
}

/// The length of a separator character (`SEPARATORS`) at the start of `s`.
pub(super) fn separator_len(s: &str) -> Option<usize> {
    let c = s.chars().next()?;
    SEPARATORS.contains(&c).then(|| c.len_utf8())
}

/// The length of the ANSI colour code `b` starts with: the matcher's,
/// which reads `%(ansi_colour)s` so.
pub(super) use super::super::matcher::ansi_len;

/// `<module>`, `<lambda>`, `<stdin>`: what Python prints as a function or
/// file name for code that has none. Only these: `<root>` or `<app>` is a
/// logger's name in the format's own angle brackets.
pub(super) fn angle_word(b: &[u8]) -> Option<usize> {
    const CODE_NAMES: [&[u8]; 9] = [
        b"module",
        b"lambda",
        b"listcomp",
        b"setcomp",
        b"dictcomp",
        b"genexpr",
        b"stdin",
        b"string",
        b"console",
    ];
    let n = b[1..].iter().take_while(|c| c.is_ascii_lowercase()).count();
    let named = CODE_NAMES.contains(&&b[1..1 + n]);
    (named && b.get(1 + n) == Some(&b'>')).then_some(n + 2)
}
