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
/// what the next line of a one-event-per-line stream is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Tail {
    /// Not inside a traceback.
    #[default]
    None,
    /// After a `Traceback` header or a frame: indented lines are frames,
    /// source and `^^^` markers; the first unindented line is the
    /// exception line.
    Frames,
    /// Frames that no exception line closes: `Stack (most recent call
    /// last):`, exception groups, and the Lambda runtime's crash output.
    /// An unindented line ends them.
    FramesOnly,
    /// After the exception line: a chained-exception separator may follow.
    Done,
}

/// If `line` is traceback structure after `tail`, the state after it.
/// `exception_line` is false when no exception line follows the frames
/// (the Lambda runtime puts the error before its traceback).
pub(super) fn structure(line: &str, tail: Tail, exception_line: bool) -> Option<Tail> {
    let b = line.as_bytes();
    let indented = matches!(b.first(), Some(b' ' | b'\t')) || line.starts_with('\u{a0}');
    if indented {
        if is_frame(line) || line.trim_start_matches([' ', '\u{a0}']) == &GROUP_TRACEBACK[4..] {
            return Some(match tail {
                Tail::FramesOnly => Tail::FramesOnly,
                _ if line.contains(&GROUP_TRACEBACK[4..]) => Tail::FramesOnly,
                _ if exception_line => Tail::Frames,
                _ => Tail::FramesOnly,
            });
        }
        return matches!(tail, Tail::Frames | Tail::FramesOnly).then_some(tail);
    }
    match b.first() {
        Some(b'T') if line == TRACEBACK => Some(if exception_line {
            Tail::Frames
        } else {
            Tail::FramesOnly
        }),
        Some(b'S') if line == STACK => Some(Tail::FramesOnly),
        Some(b'T' | b'D') if tail != Tail::None && CHAIN_SEPARATORS.contains(&line) => {
            Some(Tail::Done)
        }
        Some(_) if tail == Tail::Frames => Some(Tail::Done),
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
