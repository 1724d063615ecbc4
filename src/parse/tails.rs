//! Python's traceback layout: which lines are traceback structure (headers,
//! frames, source and `^^^` lines, chain separators, the exception line),
//! and where `exc_info` and `stack_info` begin in a record's text.

/// Python's chained-exception separators. They always stand between two
/// blank lines, which line-by-line delivery loses and we restore.
pub(super) const CHAIN_SEPARATORS: [&str; 2] = [
    "The above exception was the direct cause of the following exception:",
    "During handling of the above exception, another exception occurred:",
];

pub(super) const TRACEBACK: &str = "Traceback (most recent call last):";
pub(super) const GROUP_TRACEBACK: &str = "  + Exception Group Traceback (most recent call last):";
pub(super) const STACK: &str = "Stack (most recent call last):";

/// Where the text so far stands in Python's traceback layout, which decides
/// what the next line of a one-event-per-line stream is. Each state keeps
/// the indent its traceback header had: 0 as Python writes it, more when a
/// formatter indents every continuation line of a record (Tornado's
/// `LogFormatter` indents them by 4).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Tail {
    /// Not inside a traceback.
    #[default]
    None,
    /// After a `Traceback` header or a frame: lines indented deeper are
    /// frames, source and `^^^` markers; the first line at the header's
    /// indent is the exception line.
    Frames(u16),
    /// Frames that no exception line closes: `Stack (most recent call
    /// last):`, exception groups, and the Lambda runtime's crash output.
    /// A line at the header's indent or less ends them.
    FramesOnly(u16),
    /// After the exception line: a chained-exception separator may follow.
    Done(u16),
}

impl Tail {
    /// The indent of the traceback we are in, if any.
    pub(super) fn indent(self) -> Option<usize> {
        match self {
            Tail::None => None,
            Tail::Frames(i) | Tail::FramesOnly(i) | Tail::Done(i) => Some(usize::from(i)),
        }
    }
}

/// Leading spaces (and the Lambda runtime's non-breaking spaces, and tabs),
/// in bytes, and the rest of the line.
fn indent_of(line: &str) -> (usize, &str) {
    let rest = line.trim_start_matches([' ', '\t', '\u{a0}']);
    (line.len() - rest.len(), rest)
}

/// The indent of a traceback header this line is, if it is one: at the
/// margin, or indented with spaces only (a formatter's uniform indent).
fn header_indent(line: &str, header: &str) -> Option<u16> {
    let rest = line.trim_start_matches(' ');
    (rest == header).then(|| u16::try_from(line.len() - rest.len()).unwrap_or(u16::MAX))
}

/// If `line` is traceback structure after `tail`, the state after it.
/// `exception_line` is false when no exception line follows the frames
/// (the Lambda runtime puts the error before its traceback).
pub(super) fn structure(line: &str, tail: Tail, exception_line: bool) -> Option<Tail> {
    let base = tail.indent().unwrap_or(0);
    let (indent, rest) = indent_of(line);
    // A header at the margin, or at the indent of the record it continues.
    let fits = |k: u16| k == 0 || tail == Tail::None || usize::from(k) == base;
    if let Some(k) = header_indent(line, TRACEBACK).filter(|&k| fits(k)) {
        return Some(if exception_line {
            Tail::Frames(k)
        } else {
            Tail::FramesOnly(k)
        });
    }
    if let Some(k) = header_indent(line, STACK).filter(|&k| fits(k)) {
        return Some(Tail::FramesOnly(k));
    }
    if indent > base {
        if is_frame(line) || rest == &GROUP_TRACEBACK[4..] {
            return Some(match tail {
                Tail::FramesOnly(k) => Tail::FramesOnly(k),
                _ if line.contains(&GROUP_TRACEBACK[4..]) => Tail::FramesOnly(base as u16),
                _ if exception_line => Tail::Frames(base as u16),
                _ => Tail::FramesOnly(base as u16),
            });
        }
        return matches!(tail, Tail::Frames(_) | Tail::FramesOnly(_)).then_some(tail);
    }
    if indent < base || (indent > 0 && line.as_bytes()[0] != b' ') {
        return None;
    }
    match rest.as_bytes().first() {
        Some(b'T' | b'D') if tail != Tail::None && CHAIN_SEPARATORS.contains(&rest) => {
            Some(Tail::Done(base as u16))
        }
        Some(_) if matches!(tail, Tail::Frames(_)) => Some(Tail::Done(base as u16)),
        _ => None,
    }
}

/// An indented line that is not a frame or header: a frame's source line,
/// a `^^^` marker, or a line of an exception group's box.
pub(super) fn is_source_line(line: &str) -> bool {
    matches!(line.as_bytes().first(), Some(b' ' | b'\t'))
        && !is_frame(line)
        && !line.contains(&GROUP_TRACEBACK[4..])
}

/// `  File "app.py", line 3, in f` (indented with spaces, or with the
/// Lambda runtime's non-breaking spaces).
pub(super) fn is_frame(line: &str) -> bool {
    line.trim_start_matches([' ', '\t', '\u{a0}'])
        .strip_prefix("File \"")
        .is_some_and(|rest| rest.contains("\", line "))
}

/// Finds where `exc_info` and `stack_info` begin: byte offset of the end of
/// the head, and the ranges of each tail.
pub(super) type Tails = (usize, Option<(usize, usize)>, Option<(usize, usize)>);

pub(super) fn split_tails(text: &str) -> Tails {
    // Fast path: most records are one line, and a tail needs a line of its own.
    if memchr::memchr(b'\n', text.as_bytes()).is_none() {
        return (text.len(), None, None);
    }
    let mut exc_start = None;
    let mut stack_start = None;
    let mut offset = 0;
    for line in text.split('\n') {
        let at = offset;
        offset += line.len() + 1;
        if exc_start.is_none()
            && stack_start.is_none()
            && (line == TRACEBACK || line == GROUP_TRACEBACK)
        {
            exc_start = Some(at);
        } else if stack_start.is_none() && line == STACK {
            stack_start = Some(at);
        }
    }
    // The newline before a tail belongs to neither side.
    let head = match exc_start.or(stack_start) {
        None => text.len(),
        Some(at) => at.saturating_sub(1),
    };
    let exc = exc_start.map(|a| (a, stack_start.map_or(text.len(), |s| s - 1)));
    let stack = stack_start.map(|a| (a, text.len()));
    (head, exc, stack)
}

/// A record whose every continuation line a formatter indented by the same
/// `k` spaces (Tornado's `LogFormatter`: `formatted.replace("\n", "\n    ")`),
/// with a traceback or stack header among them, as Python wrote it: the
/// indent taken off every line after the first. `None` for anything else,
/// which is most records: Python's own tracebacks start at the margin.
pub(super) fn deindented(text: &str) -> Option<String> {
    let mut rest = text.split('\n');
    rest.next()?;
    let mut k = None;
    let mut lines = 0;
    for line in rest.clone() {
        lines += 1;
        if line.is_empty() {
            continue;
        }
        let spaces = line.len() - line.trim_start_matches(' ').len();
        if spaces == 0 {
            return None;
        }
        let header = header_indent(line, TRACEBACK)
            .or_else(|| header_indent(line, STACK))
            .or_else(|| {
                let group = GROUP_TRACEBACK.trim_start();
                header_indent(line, group).map(|h| h.saturating_sub(2))
            });
        if let Some(h) = header {
            k = Some(k.map_or(usize::from(h), |k: usize| k.min(usize::from(h))));
        }
    }
    let k = k.filter(|&k| k > 0)?;
    if rest
        .clone()
        .any(|l| !l.is_empty() && !l.starts_with(&" ".repeat(k)))
    {
        return None;
    }
    let mut out = String::with_capacity(text.len() - lines * k);
    let mut all = text.split('\n');
    out.push_str(all.next().unwrap_or_default());
    for line in all {
        out.push('\n');
        out.push_str(line.get(k..).unwrap_or(""));
    }
    Some(out)
}
