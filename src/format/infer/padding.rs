//! Spaces that pad a value (`[INFO ]`, `<app         >`,
//! `_client.py: 664`) folded into its token, so lines whose values fill
//! the width and lines whose values don't have the same shape.

use super::lex::{Class, Tok, opener, opens};

/// Where `t` starts in `line` (tokens are slices of it).
fn offset(line: &str, t: &Tok<'_>) -> usize {
    t.text.as_ptr() as usize - line.as_ptr() as usize
}

/// Whether a token's text can be a field's value (not space or
/// punctuation, not a timestamp, whose width is its own).
fn content(t: &Tok<'_>) -> bool {
    matches!(
        t.class,
        Class::Level | Class::Int | Class::Float | Class::Word
    )
}

/// Spaces inside a bracket beside a value are the value's padding
/// (`[INFO ]`, `[   DEBUG]`, `<app         >`), as are spaces at the
/// line's start before one: they go into the value's token, so a line
/// whose value fills the width (`[ERROR]`) has the same shape.
pub(super) fn fold_padding<'a>(line: &'a str, toks: Vec<Tok<'a>>) -> Vec<Tok<'a>> {
    let mut out: Vec<Tok<'a>> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let lead = t.class == Class::Space
            && toks.get(i + 1).is_some_and(content)
            && (out.last().is_none_or(|p| opens(p))
                || toks[i + 1].class == Class::Int && padded_lineno(&out, t));
        if lead {
            let v = toks[i + 1];
            let end = offset(line, &v) + v.text.len();
            out.push(Tok {
                class: v.class,
                text: &line[offset(line, &t)..end],
            });
            i += 2;
            continue;
        }
        out.push(t);
        i += 1;
    }
    // Trailing padding: a value, spaces, then a closing bracket or colon.
    let mut folded: Vec<Tok<'a>> = Vec::with_capacity(out.len());
    let mut j = 0;
    while j < out.len() {
        let t = out[j];
        // Not before a `::` separator (`%(levelname)-5s :: %(name)s`),
        // whose space is the separator's own.
        let double_colon = out.get(j + 3).is_some_and(|c| c.text == ":");
        // A bracket closes only one the line opened: ` > ` alone is a
        // separator (`%(name)-12s > %(message)s`), its space the format's.
        let opened = |close: &str| out[..j].iter().any(|p| p.text == opener(close));
        let pad = content(&t)
            && out.get(j + 1).is_some_and(|s| s.class == Class::Space)
            && out.get(j + 2).is_some_and(|c| {
                (matches!(c.text, "]" | ")" | "}" | ">") && opened(c.text))
                    || (c.text == ":" && !double_colon)
            });
        if pad {
            let sp = out[j + 1];
            let end = offset(line, &sp) + sp.text.len();
            folded.push(Tok {
                class: t.class,
                text: &line[offset(line, &t)..end],
            });
            j += 2;
            continue;
        }
        folded.push(t);
        j += 1;
    }
    folded
}

/// Whether spaces `t`, after `word:`, pad a line number
/// (`_client.py: 664` from `%(filename)s:%(lineno)4d`): after a file name,
/// or two spaces or more elsewhere (one space after a logger's `name:` is
/// a message that starts with a number).
fn padded_lineno(out: &[Tok<'_>], t: Tok<'_>) -> bool {
    let [.., word, colon] = out else {
        return false;
    };
    colon.text == ":"
        && word.class == Class::Word
        && t.text.bytes().all(|c| c == b' ')
        && (word.text.ends_with(".py") || t.text.len() >= 2)
}
