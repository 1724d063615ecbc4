//! The exception a traceback raised, read from its text, so "which
//! exceptions are we throwing" is one terms aggregation in Dashboards:
//! `cloudwatch.exception.type` in the python-json-logger schema,
//! `error.type` in ECS.
//!
//! Python's `traceback` module writes the raised exception's line right
//! after the frames of the *last* traceback block: a chained exception
//! (`During handling of the above exception…`, `The above exception was
//! the direct cause…`) prints the earlier ones first. An exception group
//! (3.11+) prints its own line inside a `  | ` box, above its
//! sub-exceptions; a `SyntaxError` prints the offending source and a caret
//! as indented frame lines; an exception never raised (`exc_info=err`)
//! prints no block at all. The rule below covers all four: after the last
//! block header, the first line at the block's margin.

/// The header Python writes above a traceback's frames.
const TRACEBACK_HEADER: &str = "Traceback (most recent call last):";
/// The header of an exception group's box (3.11+), and the prefix of the
/// box's own lines.
const GROUP_HEADER: &str = "  + Exception Group Traceback (most recent call last):";
const GROUP_MARGIN: &str = "  | ";

/// A raised exception: its type as Python prints it (qualified by module
/// unless a builtin: `botocore.exceptions.ClientError`) and the first line
/// of its message, if it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Raised<'a> {
    pub type_name: &'a str,
    pub message: Option<&'a str>,
}

/// The exception `traceback` raised, or `None` when the text isn't a
/// Python traceback (a record's `exc_info` can hold anything an app put in
/// it; a wrong type is worse than none).
pub(crate) fn raised(traceback: &str) -> Option<Raised<'_>> {
    let mut margin = Some("");
    let mut line_of_block = None;
    for line in traceback.lines() {
        let line = line.trim_end_matches('\r');
        if line == TRACEBACK_HEADER {
            (margin, line_of_block) = (Some(""), None);
            continue;
        }
        if line == GROUP_HEADER {
            (margin, line_of_block) = (Some(GROUP_MARGIN), None);
            continue;
        }
        if line_of_block.is_some() {
            continue;
        }
        let Some(prefix) = margin else { continue };
        if let Some(rest) = line.strip_prefix(prefix)
            && rest.starts_with(|c: char| !c.is_whitespace() && c != '|' && c != '+')
        {
            line_of_block = Some(rest);
        }
    }
    // `logger.error(…, exc_info=True)` outside an `except` block writes
    // this: there was no exception.
    exception_line(line_of_block?).filter(|r| *r != NO_EXCEPTION)
}

/// The exception a record raised: its `exc_info`'s, or, when that holds
/// the frames alone, its message's. The Lambda runtime writes an uncaught
/// exception as `[ERROR] KeyError: 'x'` then the frames, and the parser
/// keeps `KeyError: 'x'` as the message (docs/parsing.md).
pub(crate) fn of_record<'a>(exc_info: &'a str, message: Option<&'a str>) -> Option<Raised<'a>> {
    raised(exc_info).or_else(|| {
        if !exc_info.starts_with(TRACEBACK_HEADER) {
            return None;
        }
        exception_line(message?.lines().next()?)
    })
}

const NO_EXCEPTION: Raised<'static> = Raised {
    type_name: "NoneType",
    message: Some("None"),
};

/// `Type: message`, `Type` alone, or `pkg.mod.Type: message`: the type
/// must be a dotted Python name, so a stray line of free text is refused.
fn exception_line(line: &str) -> Option<Raised<'_>> {
    let (type_name, message) = match line.split_once(": ") {
        Some((t, m)) => (t, Some(m).filter(|m| !m.is_empty())),
        None => (line.strip_suffix(':').unwrap_or(line), None),
    };
    let is_name = type_name.split('.').all(|part| {
        part.starts_with(|c: char| c.is_alphabetic() || c == '_')
            && part.chars().all(|c| c.is_alphanumeric() || c == '_')
    });
    is_name.then_some(Raised { type_name, message })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(traceback: &str) -> Option<(&str, Option<&str>)> {
        raised(traceback).map(|r| (r.type_name, r.message))
    }

    #[test]
    fn a_plain_traceback_raises_its_last_line() {
        let tb = "Traceback (most recent call last):\n  File \"x.py\", line 1, in f\n    g()\nbotocore.exceptions.ClientError: An error occurred (AccessDenied)";
        assert_eq!(
            of(tb),
            Some((
                "botocore.exceptions.ClientError",
                Some("An error occurred (AccessDenied)")
            ))
        );
    }

    #[test]
    fn a_chained_traceback_raises_the_last_blocks_exception_not_the_first() {
        let tb = "Traceback (most recent call last):\n  File \"a.py\", line 3, in <module>\n    d['k']\nKeyError: 'k'\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"a.py\", line 5, in <module>\n    raise RuntimeError('lookup failed') from None\nRuntimeError: lookup failed";
        assert_eq!(of(tb), Some(("RuntimeError", Some("lookup failed"))));
        let cause = "Traceback (most recent call last):\n  File \"a.py\", line 1\nValueError: x\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File \"a.py\", line 2\napp.errors.OrderError: order 7";
        assert_eq!(of(cause), Some(("app.errors.OrderError", Some("order 7"))));
    }

    #[test]
    fn an_exception_group_raises_the_group_not_its_last_sub_exception() {
        let tb = "  + Exception Group Traceback (most recent call last):\n  |   File \"g.py\", line 9, in <module>\n  |     raise ExceptionGroup('batch failed', errors)\n  | ExceptionGroup: batch failed (2 sub-exceptions)\n  +-+---------------- 1 ----------------\n    | ValueError: bad item\n    +---------------- 2 ----------------\n    | TypeError: wrong type\n    +------------------------------------";
        assert_eq!(
            of(tb),
            Some(("ExceptionGroup", Some("batch failed (2 sub-exceptions)")))
        );
    }

    #[test]
    fn a_syntax_error_skips_the_quoted_source_and_its_caret() {
        let tb = "Traceback (most recent call last):\n  File \"m.py\", line 4, in <module>\n    compile(src, 'cfg.py', 'exec')\n  File \"cfg.py\", line 1\n    x = (\n        ^\nSyntaxError: '(' was never closed";
        assert_eq!(of(tb), Some(("SyntaxError", Some("'(' was never closed"))));
    }

    #[test]
    fn an_exception_without_a_message_is_its_type_alone() {
        let tb = "Traceback (most recent call last):\n  File \"w.py\", line 2, in run\nKeyboardInterrupt";
        assert_eq!(of(tb), Some(("KeyboardInterrupt", None)));
        assert_eq!(
            of("Traceback (most recent call last):\nStopIteration: "),
            Some(("StopIteration", None))
        );
    }

    #[test]
    fn an_exception_never_raised_has_no_header_and_still_gives_its_type() {
        assert_eq!(
            of("ValueError: bad input"),
            Some(("ValueError", Some("bad input")))
        );
    }

    #[test]
    fn a_lambda_crash_keeps_its_exception_in_the_message_and_is_read_from_there() {
        let frames =
            "Traceback (most recent call last):\n  File \"/var/task/app.py\", line 9, in handler";
        let r = of_record(frames, Some("KeyError: 'Z-9'")).unwrap();
        assert_eq!((r.type_name, r.message), ("KeyError", Some("'Z-9'")));
        assert_eq!(of_record(frames, Some("order failed badly")), None);
        assert_eq!(of_record("not a traceback", Some("KeyError: 'x'")), None);
        let whole = "Traceback (most recent call last):\nValueError: v";
        assert_eq!(
            of_record(whole, Some("KeyError: 'x'")).unwrap().type_name,
            "ValueError"
        );
    }

    #[test]
    fn a_multi_line_message_keeps_its_first_line_and_text_that_is_no_traceback_gives_none() {
        let tb = "Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: first\nsecond line";
        assert_eq!(of(tb), Some(("ValueError", Some("first"))));
        assert_eq!(of("  File \"x.py\", line 1"), None);
        assert_eq!(of("something went wrong here"), None);
        assert_eq!(of(""), None);
        assert_eq!(
            of("NoneType: None"),
            None,
            "exc_info=True with no exception"
        );
    }
}
