//! Undoing `repr()` and `ascii()` on a string: `%(x)r` prints
//! `'crimson-lemur'`, python-json-logger writes `crimson-lemur`. Read as
//! Python reads the literal back.

/// The string a Python string literal, as `repr()` or `ascii()` prints it,
/// stands for; `None` for text that is no such literal (a number, `None`,
/// `<Obj …>`, a `b'…'` bytes literal), which keeps its text.
///
/// `repr()` quotes with `'`, or with `"` when the string holds a `'` and
/// no `"`; it escapes `\\`, the quote it chose, `\n`, `\r`, `\t`, and
/// unprintable characters as `\xhh`, `\uhhhh` or `\Uhhhhhhhh` (`ascii()`
/// every non-ASCII one).
pub(super) fn literal(raw: &str) -> Option<String> {
    let quote = raw.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
    let inner = raw.strip_prefix(quote)?.strip_suffix(quote)?;
    if raw.len() < 2 {
        return None;
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(escape(&mut chars)?),
            // An unescaped delimiter inside: not one literal.
            c if c == quote => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

/// The character an escape after `\` stands for.
fn escape(chars: &mut std::str::Chars<'_>) -> Option<char> {
    let hex = |chars: &mut std::str::Chars<'_>, n: usize| {
        let digits: String = chars.by_ref().take(n).collect();
        (digits.len() == n)
            .then(|| u32::from_str_radix(&digits, 16).ok())
            .flatten()
            .and_then(char::from_u32)
    };
    match chars.next()? {
        '\\' => Some('\\'),
        '\'' => Some('\''),
        '"' => Some('"'),
        'n' => Some('\n'),
        'r' => Some('\r'),
        't' => Some('\t'),
        'x' => hex(chars, 2),
        'u' => hex(chars, 4),
        'U' => hex(chars, 8),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::literal;

    #[test]
    fn a_repr_string_reads_back_as_python_reads_its_literal() {
        for (raw, want) in [
            ("'crimson-lemur'", "crimson-lemur"),
            ("\"it's\"", "it's"),
            ("'say \"hi\" and it\\'s'", "say \"hi\" and it's"),
            ("'a\\\\b\\nc\\td'", "a\\b\nc\td"),
            ("''", ""),
            // ascii(): every non-ASCII character escaped.
            ("'caf\\xe9 \\u2713 \\U0001f642'", "café ✓ 🙂"),
            ("'café'", "café"),
        ] {
            assert_eq!(literal(raw).as_deref(), Some(want), "{raw}");
        }
    }

    #[test]
    fn text_that_is_no_string_literal_is_left_alone() {
        for raw in [
            "42",
            "None",
            "<Flow 7>",
            "b'bytes'",
            "'unclosed",
            "'",
            "'a'b'",
            "'bad \\q escape'",
            "'\\x4'",
        ] {
            assert_eq!(literal(raw), None, "{raw}");
        }
    }
}
