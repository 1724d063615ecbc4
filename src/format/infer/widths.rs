//! Widths and the spaces between fields: which spaces are a column's
//! padding (`%(levelname)-8s`, `%(name)30s`, both at once) and which the
//! format's own separator, from what every line of a group shows.

use super::head::{Head, Part};
use super::lex::opener;
use super::role::Role;

/// The width and alignment padding shows for column `i`, with `.P` for a
/// precision: `-8` when spaces after it exceed the separator's own, `8`
/// when spaces before it do and no field before it owns them.
pub(super) fn spec(heads: &[&Head<'_>], i: usize, precision: Option<usize>) -> String {
    let cut = precision.map(|p| format!(".{p}")).unwrap_or_default();
    // Padding inside a bracket was folded into the value: the width is
    // what the padded values fill (a longer value is printed whole). The
    // same spaces on every line are the format's own text (`name ::`).
    if fixed_spaces(heads, i).is_some() {
        return cut;
    }
    let lead = common_lead(heads, i);
    let width = |padded: fn(&str) -> bool| {
        heads
            .iter()
            .filter(|h| padded(h.texts[i]))
            .map(|h| chars(h, i) - lead)
            .max()
    };
    if let Some(w) = width(|t| t.ends_with(' ')) {
        return format!("-{w}{cut}");
    }
    if let Some(w) = width(|t| t.starts_with(' ')) {
        return format!("{w}{cut}");
    }
    match (left_width(heads, i), right_width(heads, i)) {
        (Some(w), _) => format!("-{w}{cut}"),
        (None, Some(w)) => format!("{w}{cut}"),
        (None, None) => match (
            shared_widths(heads, i),
            i.checked_sub(2).and_then(|j| shared_widths(heads, j)),
        ) {
            (Some((w, _)), _) => format!("-{w}{cut}"),
            (None, Some((_, w))) => format!("{w}{cut}"),
            (None, None) => cut,
        },
    }
}

/// The widths of a left-aligned column `i` and a right-aligned one two
/// parts on, where the spaces between are both's padding and neither
/// width alone explains them (Curator's `%(levelname)-9s %(name)30s`):
/// a line whose right value fills its width shows the left width, and
/// every line must then agree on the right one.
fn shared_widths(heads: &[&Head<'_>], i: usize) -> Option<(usize, usize)> {
    let parts = &heads[0].parts;
    // A right-aligned width alone that explains the spaces wins: one
    // logger on every line shows no padding of its own (`uvicorn.error
    // WARNING` beside `uvicorn.error     INFO`, `%(name)s %(levelname)8s`).
    if !pads(&parts[i])
        || parts.get(i + 1) != Some(&Part::Space)
        || !parts.get(i + 2).is_some_and(pads)
        || right_width(heads, i + 2).is_some()
    {
        return None;
    }
    let spaces = |h: &Head<'_>| {
        let t = h.texts[i + 1];
        t.bytes().all(|c| c == b' ').then_some(t.len())
    };
    let left = heads
        .iter()
        .map(|h| Some(chars(h, i) + spaces(h)?.checked_sub(1)?))
        .min()??;
    // Each line's right padding, once the left value is padded to `left`.
    let right_pad = |h: &Head<'_>| spaces(h)?.checked_sub(1 + left.saturating_sub(chars(h, i)));
    let right = heads
        .iter()
        .filter_map(|h| Some(chars(h, i + 2) + right_pad(h)?))
        .max()?;
    let padded_left = heads.iter().any(|h| chars(h, i) < left);
    let padded_right = heads.iter().any(|h| right_pad(h).is_some_and(|p| p > 0));
    let agree = heads.iter().all(|h| {
        right_pad(h)
            .is_some_and(|p| chars(h, i + 2) + p == right || (p == 0 && chars(h, i + 2) >= right))
    });
    (padded_left && padded_right && agree).then_some((left, right))
}

/// The spaces folded into column `i`'s values, (before, after), when
/// every line has the same: the format's own text, not padding.
pub(super) fn fixed_spaces(heads: &[&Head<'_>], i: usize) -> Option<(usize, usize)> {
    let around = |t: &str| {
        let lead = t.len() - t.trim_start_matches(' ').len();
        let trail = t.len() - t.trim_end_matches(' ').len();
        (lead, trail)
    };
    let first = around(heads[0].texts[i]);
    let same = heads.iter().all(|h| around(h.texts[i]) == first);
    (same && first != (0, 0) && pads(&heads[0].parts[i])).then_some(first)
}

/// The spaces every line's value in column `i` starts with, where the
/// spaces after it vary: the format's own text before a left-aligned
/// width (KIWI's `[ %(levelname)-8s]`, `[ INFO    ]` beside `[ WARNING ]`).
pub(super) fn common_lead(heads: &[&Head<'_>], i: usize) -> usize {
    let lead = |t: &str| t.len() - t.trim_start_matches(' ').len();
    let trail = |t: &str| t.len() - t.trim_end_matches(' ').len();
    let first = heads[0].texts[i];
    let same = heads.iter().all(|h| lead(h.texts[i]) == lead(first));
    let varies = heads.iter().any(|h| trail(h.texts[i]) != trail(first));
    match same && varies && pads(&heads[0].parts[i]) {
        true => lead(first),
        false => 0,
    }
}

fn chars(h: &Head<'_>, j: usize) -> usize {
    h.texts[j].chars().count()
}

/// Whether part `p` is a field whose width padding can come from.
fn pads(p: &Part) -> bool {
    matches!(p, Part::Level | Part::Int | Part::Float | Part::Word)
}

/// A left-aligned width: some line has more spaces after column `i` than
/// the separator's own.
fn left_width(heads: &[&Head<'_>], i: usize) -> Option<usize> {
    left_fit(heads, i).map(|(width, _)| width)
}

/// A left-aligned column's width and the separator's spaces after it
/// (one, none before a closing bracket, or the format's wider [`gap`]).
fn left_fit(heads: &[&Head<'_>], i: usize) -> Option<(usize, usize)> {
    let parts = &heads[0].parts;
    if !pads(&parts[i]) || parts.get(i + 1) != Some(&Part::Space) || keyword(heads, i) {
        return None;
    }
    let base = if heads[0].texts[i + 1].contains('\t') {
        0
    } else {
        separator_spaces(heads, i + 1)
    };
    fit_at(heads, i, base).map(|w| (w, base))
}

/// The spaces after column `i`.
fn pad(h: &Head<'_>, i: usize) -> usize {
    h.texts[i + 1].bytes().take_while(|&c| c == b' ').count()
}

/// The width column `i`'s values fill where `base` spaces are the
/// separator's own, if every line agrees on one.
fn fit_at(heads: &[&Head<'_>], i: usize, base: usize) -> Option<usize> {
    let parts = &heads[0].parts;
    let pad = |h: &Head<'_>| pad(h, i);
    if !heads.iter().any(|h| pad(h) > base) {
        return None;
    }
    // The same spaces after values of different widths are the
    // separator's own (`%(lineno)d  %(message)s`): padding varies so.
    let same_pad = || heads.iter().all(|h| pad(h) == pad(heads[0]));
    let widths_vary = || heads.iter().any(|h| chars(h, i) != chars(heads[0], i));
    if same_pad() && widths_vary() {
        return None;
    }
    // The width is what the padded values fill; a value as wide or wider
    // is printed whole, with no padding. Before the message, spaces past
    // the width are the message's own (`logger.info("  indented")`), so
    // the narrowest fill is the width.
    let message_next = matches!(parts.get(i + 2), None | Some(Part::Message));
    let fills = heads
        .iter()
        .filter(|h| pad(h) > base)
        .map(|h| chars(h, i) + pad(h) - base);
    let width = if message_next {
        fills.min()
    } else {
        fills.max()
    }?;
    // Every line must agree: padded to the width, or wider with none.
    let agree = heads.iter().all(|h| {
        let (len, p) = (chars(h, i), pad(h) - base.min(pad(h)));
        len + p == width || (len >= width && p == 0) || (message_next && len + p > width)
    });
    agree.then_some(width)
}

/// A right-aligned width: some line has more spaces before column `i`
/// than the separator's own, and no field before them fills a width.
fn right_width(heads: &[&Head<'_>], i: usize) -> Option<usize> {
    let parts = &heads[0].parts;
    if !pads(&parts[i]) || i == 0 || parts[i - 1] != Part::Space || keyword(heads, i) {
        return None;
    }
    // The spaces after a field are its own padding when its values fill
    // a width (`%(name)-12s %(levelname)s`); when they don't, they are the
    // next one's (`%(name)s %(levelname)8s`).
    if i >= 2 && pads(&parts[i - 2]) && left_width(heads, i - 2).is_some() {
        return None;
    }
    // After a tab (`\t%(levelname)8s`), the tab is the separator and the
    // spaces after it all padding; every line has the same tabs.
    let tabs = |h: &Head<'_>| {
        h.texts[i - 1]
            .rfind('\t')
            .map(|t| h.texts[i - 1][..=t].len())
    };
    let tabbed = tabs(heads[0]);
    let same_tabs = heads.iter().all(|h| {
        tabs(h) == tabbed
            && tabbed.is_none_or(|n| h.texts[i - 1][..n] == heads[0].texts[i - 1][..n])
    });
    if !same_tabs {
        return None;
    }
    let pad = |h: &Head<'_>| chars(h, i - 1) - tabbed.unwrap_or(0);
    let base = match tabbed {
        Some(_) => 0,
        None => before_spaces(heads, i),
    };
    if !heads.iter().any(|h| pad(h) > base) {
        return None;
    }
    let width = heads
        .iter()
        .filter(|h| pad(h) > base)
        .map(|h| chars(h, i) + pad(h) - base)
        .max()?;
    let agree = heads.iter().all(|h| {
        let (len, p) = (chars(h, i), pad(h) - base.min(pad(h)));
        len + p == width || (len >= width && p == 0)
    });
    agree.then_some(width)
}

pub(super) fn opening(p: &Part) -> bool {
    matches!(p, Part::Lit(t) if matches!(t.as_str(), "[" | "(" | "{" | "<"))
}

/// Whether column `i` is a key's word (`pid=`), the format's own text,
/// which no width pads.
fn keyword(heads: &[&Head<'_>], i: usize) -> bool {
    heads[0].roles.get(i) == Some(&Some(Role::Key))
}

/// How many of the spaces at part `j` are the format's own separator
/// rather than padding: none before a closing bracket or a colon, else
/// the gap the format puts between its fields ([`gap`]).
fn separator_spaces(heads: &[&Head<'_>], j: usize) -> usize {
    let parts = &heads[0].parts;
    let double_colon = matches!(parts.get(j + 2), Some(Part::Lit(t)) if t == ":");
    match parts.get(j + 1) {
        Some(Part::Lit(t)) if t == ":" && double_colon => 1,
        Some(Part::Lit(t)) if matches!(t.as_str(), ":" | ",") => 0,
        Some(Part::Lit(t))
            if matches!(t.as_str(), "]" | ")" | "}" | ">") && opened(parts, j, t) =>
        {
            0
        }
        _ => gap(heads),
    }
}

/// Whether the bracket `close` closes one opened before part `j`: ` > `
/// with none open is a separator (`%(name)-12s > %(message)s`), and its
/// space the format's own, not padding.
fn opened(parts: &[Part], j: usize, close: &str) -> bool {
    parts[..j]
        .iter()
        .any(|p| matches!(p, Part::Lit(t) if t == opener(close)))
}

/// The separator's spaces before a right-aligned column `i`: none right
/// after an opening bracket, else the format's gap.
fn before_spaces(heads: &[&Head<'_>], i: usize) -> usize {
    if i >= 2 && !opening(&heads[0].parts[i - 2]) {
        gap(heads)
    } else {
        0
    }
}

/// The spaces a format puts between its fields: one, or more where every
/// gap between two fields shows more on every line (`%(asctime)s
/// pid=%(process)d  [%(levelname)s]  %(message)s`, two). Padding varies
/// from line to line and gap to gap; the format's own separator doesn't.
/// Two gaps at least must show it, the message's own spaces aside.
fn gap(heads: &[&Head<'_>]) -> usize {
    let parts = &heads[0].parts;
    let fewest = |j: usize| {
        heads
            .iter()
            .map(|h| h.texts[j].bytes().take_while(|&c| c == b' ').count())
            .min()
            .unwrap_or(0)
    };
    // A dash's or a bar's spaces (` - `, ` | `) are that separator's own:
    // only gaps between fields and brackets count.
    let bare = |p: &Part| match p {
        Part::Lit(t) => matches!(t.as_str(), "[" | "]" | "(" | ")" | "<" | ">" | "{" | "}"),
        _ => true,
    };
    let mut gaps = (1..parts.len())
        .filter(|&j| {
            parts[j] == Part::Space
                && bare(&parts[j - 1])
                && parts
                    .get(j + 1)
                    .is_some_and(|p| *p != Part::Message && bare(p))
        })
        .map(fewest);
    let Some(first) = gaps.next() else {
        return 1;
    };
    let (least, count) = gaps.fold((first, 1), |(m, n), g| (m.min(g), n + 1));
    if count >= 2 && least >= 2 { least } else { 1 }
}

/// The spaces at part `j` as the format writes them: the separator's own
/// when a width beside them took the rest, else the first line's.
pub(super) fn space_literal(heads: &[&Head<'_>], j: usize) -> String {
    let parts = &heads[0].parts;
    let ws = heads[0].texts[j];
    if let Some((_, base)) = j.checked_sub(1).and_then(|k| left_fit(heads, k)) {
        if let Some(tab) = ws.find('\t') {
            return ws[tab..].to_owned();
        }
        return " ".repeat(base);
    }
    if j + 1 < parts.len()
        && left_width(heads, j + 1).is_none()
        && right_width(heads, j + 1).is_some()
    {
        if let Some(tab) = ws.rfind('\t') {
            return ws[..=tab].to_owned();
        }
        return " ".repeat(before_spaces(heads, j + 1));
    }
    // Both sides' padding (`%(levelname)-9s %(name)30s`).
    if j >= 1 && shared_widths(heads, j - 1).is_some() {
        return " ".to_owned();
    }
    // Before the message, spaces some lines have more of are the
    // message's own (`logger.info("  indented")`).
    if matches!(parts.get(j + 1), None | Some(Part::Message)) {
        let shortest = heads.iter().map(|h| h.texts[j]).min_by_key(|t| t.len());
        return shortest.unwrap_or(ws).to_owned();
    }
    ws.to_owned()
}
