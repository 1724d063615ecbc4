//! Format strings → tokens: `%(name)s`-style as Python's `%` operator reads
//! them, `{name}`-style as `str.format` does, refusing what Python's
//! logging refuses.

use super::{Align, Field, FieldType, FormatError, Token};

fn bad(fmt: &str, at: usize, why: &'static str) -> FormatError {
    FormatError::BadField {
        format: fmt.to_owned(),
        at,
        why,
    }
}

/// What follows `%(name)`: flags, width, precision, length modifiers and
/// the conversion, from byte `i`; the field and where it ends.
fn percent_spec(
    fmt: &str,
    at: usize,
    name: &str,
    mut i: usize,
) -> Result<(Field, usize), FormatError> {
    let b = fmt.as_bytes();
    let mut align = Align::Right;
    let mut fill = ' ';
    while let Some(&c) = b.get(i) {
        match c {
            b'-' => align = Align::Left,
            b'0' => fill = '0',
            b'#' | b'+' | b' ' => {}
            _ => break,
        }
        i += 1;
    }
    if align == Align::Left {
        fill = ' ';
    }
    let wstart = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    if b.get(i) == Some(&b'*') {
        return Err(bad(fmt, at, "* width needs positional arguments"));
    }
    let width = fmt[wstart..i].parse().unwrap_or(0);
    let mut precision = None;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let pstart = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        precision = Some(fmt[pstart..i].parse().unwrap_or(0));
    }
    // Length modifiers are accepted and ignored by Python.
    while matches!(b.get(i), Some(b'h' | b'l' | b'L')) {
        i += 1;
    }
    let Some(&conv) = b.get(i) else {
        return Err(bad(
            fmt,
            at,
            "missing conversion character (such as s or d)",
        ));
    };
    if !b"diouxXeEfFgGcrsa".contains(&conv) {
        return Err(bad(fmt, at, "unknown conversion character"));
    }
    let (kind, radix) = FieldType::with_conversion(name, char::from(conv));
    let field = Field {
        name: name.to_owned(),
        kind,
        width,
        // A precision on a number is digits after the point, not a cut.
        precision: precision.filter(|_| matches!(kind, FieldType::Str | FieldType::Message)),
        radix,
        align,
        fill,
        strict: false,
        repr: matches!(conv, b'r' | b'a'),
    };
    Ok((field, i + 1))
}

/// `%(name)[flags][width][.precision]conversion`, as Python's `%` operator
/// reads it, and `%%`.
pub(super) fn compile_percent(fmt: &str) -> Result<Vec<Token>, FormatError> {
    let mut tokens = Vec::new();
    let mut lit = String::new();
    let b = fmt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let Some(off) = fmt[i..].find('%') else {
            lit.push_str(&fmt[i..]);
            break;
        };
        lit.push_str(&fmt[i..i + off]);
        let at = i + off;
        i = at + 1;
        match b.get(i) {
            Some(b'%') => {
                lit.push('%');
                i += 1;
                continue;
            }
            Some(b'(') => {}
            Some(_) => {
                return Err(bad(
                    fmt,
                    at,
                    "Python's logging needs %(name)s fields, not positional %",
                ));
            }
            None => return Err(bad(fmt, at, "ends with a lone %")),
        }
        // Python allows nested parentheses in the key; logging never uses them.
        let close = fmt[i..]
            .find(')')
            .ok_or_else(|| bad(fmt, at, "unclosed %("))?;
        let name = &fmt[i + 1..i + close];
        if name.is_empty() {
            return Err(bad(fmt, at, "empty field name"));
        }
        i += close + 1;
        let (field, next) = percent_spec(fmt, at, name, i)?;
        i = next;
        tokens.push(Token::Literal(std::mem::take(&mut lit)));
        tokens.push(Token::Field(field));
    }
    tokens.push(Token::Literal(lit));
    Ok(tokens)
}

/// `{name[!conv][:spec]}` and `{{`/`}}`, as `str.format` reads them.
pub(super) fn compile_brace(fmt: &str) -> Result<Vec<Token>, FormatError> {
    let mut tokens = Vec::new();
    let mut lit = String::new();
    let mut chars = fmt.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '{' if chars.peek().map(|p| p.1) == Some('{') => {
                chars.next();
                lit.push('{');
            }
            '}' if chars.peek().map(|p| p.1) == Some('}') => {
                chars.next();
                lit.push('}');
            }
            '}' => return Err(bad(fmt, at, "single } outside a field")),
            '{' => {
                let close = fmt[at..]
                    .find('}')
                    .ok_or_else(|| bad(fmt, at, "unclosed {"))?;
                let inner = &fmt[at + 1..at + close];
                while chars.peek().is_some_and(|&(j, _)| j <= at + close) {
                    chars.next();
                }
                let (head, spec) = inner.split_once(':').unwrap_or((inner, ""));
                let (name, conversion) = head.split_once('!').unwrap_or((head, "s"));
                // As Python's `StrFormatStyle.validate`: a wrong conversion
                // fails at start-up rather than matching nothing forever.
                if !matches!(conversion, "r" | "s" | "a") {
                    return Err(bad(fmt, at, "conversion must be !r, !s or !a"));
                }
                if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    return Err(bad(fmt, at, "field must be a name, like {levelname}"));
                }
                tokens.push(Token::Literal(std::mem::take(&mut lit)));
                let mut field = brace_spec(name, spec);
                field.repr = conversion != "s";
                tokens.push(Token::Field(field));
            }
            c => lit.push(c),
        }
    }
    tokens.push(Token::Literal(lit));
    Ok(tokens)
}

/// A `{name:spec}` field: fill, alignment, sign, zero padding and width,
/// as `str.format` reads them.
fn brace_spec(name: &str, spec: &str) -> Field {
    // The presentation type is the spec's last character (`{worker:d}`).
    let (kind, radix) = match spec
        .chars()
        .last()
        .filter(|c| "bcdeEfFgGnosxX%".contains(*c))
    {
        Some(conv) => FieldType::with_conversion(name, conv),
        None => (FieldType::of(name), 10),
    };
    let numeric = matches!(kind, FieldType::Int | FieldType::Float);
    let (mut fill, mut align) = (' ', if numeric { Align::Right } else { Align::Left });
    let mut rest = spec;
    let mut sc = spec.chars();
    let first = sc.next();
    let second = sc.next();
    let align_of = |c: char| match c {
        '<' => Some(Align::Left),
        '>' | '=' => Some(Align::Right),
        '^' => Some(Align::Center),
        _ => None,
    };
    if let (Some(f), Some(a)) = (first, second.and_then(align_of)) {
        fill = f;
        align = a;
        rest = &spec[f.len_utf8() + 1..];
    } else if let Some(a) = first.and_then(align_of) {
        align = a;
        rest = &spec[1..];
    }
    let rest = rest.trim_start_matches(['+', '-', ' ', 'z', '#']);
    let rest = if let Some(r) = rest.strip_prefix('0') {
        if first.and_then(align_of).is_none() && second.and_then(align_of).is_none() {
            fill = '0';
            align = Align::Right;
        }
        r
    } else {
        rest
    };
    let rest = rest.trim_start_matches([',', '_']);
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = rest[digits..].trim_start_matches([',', '_']);
    let precision = after.strip_prefix('.').map(|p| {
        let n = p.bytes().take_while(u8::is_ascii_digit).count();
        p[..n].parse().unwrap_or(0)
    });
    Field {
        name: name.to_owned(),
        kind,
        precision: precision.filter(|_| matches!(kind, FieldType::Str | FieldType::Message)),
        radix,
        width: rest[..digits].parse().unwrap_or(0),
        align,
        fill,
        strict: false,
        repr: false,
    }
}

/// Whether `fmt` reads as a `string.Template` (`style='$'`) format: a
/// `$name` or `${name}` field, and no `%(name)` one.
pub(super) fn is_dollar(fmt: &str) -> bool {
    !fmt.contains("%(")
        && fmt.match_indices('$').any(|(at, _)| {
            let rest = &fmt[at + 1..];
            let rest = rest.strip_prefix('{').unwrap_or(rest);
            rest.starts_with(|c: char| c == '_' || c.is_ascii_alphabetic())
        })
}

/// `$name`, `${name}` and `$$`, as `string.Template` reads them: a name is
/// `[_a-zA-Z][_a-zA-Z0-9]*`. Like Python's `StringTemplateStyle.validate`,
/// a lone `$` or an unclosed `${` is refused rather than kept as text.
pub(super) fn compile_dollar(fmt: &str) -> Result<Vec<Token>, FormatError> {
    let mut tokens = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while let Some(off) = fmt[i..].find('$') {
        lit.push_str(&fmt[i..i + off]);
        let at = i + off;
        let rest = &fmt[at + 1..];
        if let Some(after) = rest.strip_prefix('$') {
            lit.push('$');
            i = fmt.len() - after.len();
            continue;
        }
        let (braced, body) = match rest.strip_prefix('{') {
            Some(b) => (true, b),
            None => (false, rest),
        };
        let len = body
            .char_indices()
            .take_while(|&(j, c)| {
                c == '_' || c.is_ascii_alphabetic() || (j > 0 && c.is_ascii_digit())
            })
            .count();
        if len == 0 {
            return Err(bad(
                fmt,
                at,
                "$ must start a $name or ${name} field (or be $$)",
            ));
        }
        let name = &body[..len];
        let mut next = at + 1 + usize::from(braced) + len;
        if braced {
            if fmt.as_bytes().get(next) != Some(&b'}') {
                return Err(bad(fmt, at, "unclosed ${"));
            }
            next += 1;
        }
        let (kind, radix) = (FieldType::of(name), 10);
        tokens.push(Token::Literal(std::mem::take(&mut lit)));
        tokens.push(Token::Field(Field {
            name: name.to_owned(),
            kind,
            width: 0,
            precision: None,
            radix,
            align: Align::Left,
            fill: ' ',
            strict: false,
            repr: false,
        }));
        i = next;
    }
    lit.push_str(&fmt[i..]);
    tokens.push(Token::Literal(lit));
    Ok(tokens)
}
