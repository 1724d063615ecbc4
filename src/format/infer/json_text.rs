//! Formats written as JSON text (`{"time": "%(asctime)s", "level":
//! "%(levelname)s", "message": "%(message)s"}`): a `%`-format that spells
//! a JSON object, which python-json-logger did not write.
//!
//! Its lines parse as JSON until a message holds a quote or a newline, or
//! a traceback follows the object as text (python-json-logger puts
//! `exc_info` inside it). Where the caller has seen that, the JSON lines'
//! keys are not the document's: python-json-logger, given that format,
//! names each value after the attribute inside the quotes.
//!
//! The values are read by the same rules as a plain line's fields. The
//! lines that share one skeleton (the same keys in the same order, with
//! the same text between them) have their values laid out as lines of
//! their own, ` | ` between them and the message last, and those lines
//! are inferred as any are. A JSON key says what shape can't: a value
//! under `"module"` is `%(module)s`, and one no rule explains keeps its
//! key's name rather than `field_N`.

use super::{Inferred, infer};
use crate::format::Format;

/// How many texts are read for a skeleton: a delivery's first JSON lines
/// show it as well as all of them would.
const SAMPLE: usize = 64;

/// Keys whose value is the message, when the object names it.
const MESSAGE_KEYS: [&str; 4] = ["message", "msg", "text", "log"];

/// What the values are joined with, for inference: a separator the
/// inferred format shows as itself, and that the values must not hold.
const JOIN: &str = " | ";

/// `LogRecord` attributes a JSON key may name: where it does, the value
/// is that attribute, whatever its shape suggested.
const ATTRIBUTES: [&str; 16] = [
    "created",
    "filename",
    "funcName",
    "levelname",
    "levelno",
    "lineno",
    "module",
    "msecs",
    "name",
    "pathname",
    "process",
    "processName",
    "relativeCreated",
    "taskName",
    "thread",
    "threadName",
];

/// One line read as a flat JSON object of strings and numbers: the text
/// around the values (`{"time": "`, `", "level": "`, …, `"}`), the keys,
/// and the values as written, without their quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Skeleton<'a> {
    literals: Vec<&'a str>,
    keys: Vec<&'a str>,
    values: Vec<&'a str>,
}

/// Reads `line` as a flat JSON object whose values are strings without
/// escapes, or numbers. Anything else (nesting, `null`, an escape, which
/// a hand-written format never prints and python-json-logger does) is
/// `None`.
fn skeleton(line: &str) -> Option<Skeleton<'_>> {
    let b = line.as_bytes();
    if b.first() != Some(&b'{') {
        return None;
    }
    let ws = |mut i: usize| {
        while i < b.len() && matches!(b[i], b' ' | b'\t') {
            i += 1;
        }
        i
    };
    let (mut literals, mut keys, mut values) = (Vec::new(), Vec::new(), Vec::new());
    let mut lit_start = 0;
    let mut i = ws(1);
    loop {
        // "key"
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let k_end = i + 1 + line[i + 1..].find(['"', '\\'])?;
        if b[k_end] != b'"' || k_end == i + 1 {
            return None;
        }
        keys.push(&line[i + 1..k_end]);
        i = ws(k_end + 1);
        if b.get(i) != Some(&b':') {
            return None;
        }
        i = ws(i + 1);
        // "value" or a number
        let (v_start, v_end, after) = if b.get(i) == Some(&b'"') {
            let end = i + 1 + line[i + 1..].find(['"', '\\'])?;
            if b[end] != b'"' {
                return None;
            }
            (i + 1, end, end + 1)
        } else {
            let len = line[i..]
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '.' | 'e' | 'E' | '+')))
                .unwrap_or(line.len() - i);
            if len == 0 || !b[i].is_ascii_digit() && b[i] != b'-' {
                return None;
            }
            (i, i + len, i + len)
        };
        literals.push(&line[lit_start..v_start]);
        values.push(&line[v_start..v_end]);
        lit_start = v_end;
        i = ws(after);
        match b.get(i) {
            Some(b',') => i = ws(i + 1),
            Some(b'}') if line[i + 1..].trim().is_empty() => {
                literals.push(&line[lit_start..]);
                return Some(Skeleton {
                    literals,
                    keys,
                    values,
                });
            }
            _ => return None,
        }
    }
}

/// A format that spells a JSON object, inferred, with what tells its
/// lines apart from python-json-logger's.
#[derive(Debug, Clone)]
struct JsonText {
    inferred: Inferred,
    /// Some JSON key is not the attribute python-json-logger would name
    /// its value after (`"time"` for `asctime`): the objects that parse
    /// are still not the documents.
    renamed: bool,
    /// The text before the first value (`{"time": "`).
    opening: String,
    /// How many `"` the skeleton prints around its values.
    quotes: usize,
}

impl JsonText {
    /// Whether `text` (an event's text, or a file's line) shows the format
    /// is text, not JSON: it opens as the skeleton does and is no JSON
    /// value, as a message with a quote or a newline, or a traceback after
    /// the object, makes it. python-json-logger escapes both and puts the
    /// traceback inside. The cheap tests go first: most lines of a stream
    /// are whole objects.
    fn shown_by(&self, text: &str) -> bool {
        text.starts_with(&self.opening)
            && (text.contains('\n')
                || !text.trim_end().ends_with('}')
                || text.bytes().filter(|&b| b == b'"').count() != self.quotes)
            && serde_json::from_str::<serde::de::IgnoredAny>(text).is_err()
    }
}

/// A format written as JSON text that `texts` (events' texts, or a
/// file's lines) show: learned from the first JSON lines, and kept only
/// where one of `texts` is no JSON, which python-json-logger's never are.
///
/// `renamed`: `Some(true)` for one whose keys are not python-json-logger's
/// names for its values, whose objects are read by the format even where
/// they parse (a delivery of python-json-logger's own lines stops at the
/// first line's keys); `Some(false)` for one whose keys are, read only
/// where JSON fails; `None` for either.
pub(crate) fn json_text<'a>(
    texts: impl Iterator<Item = &'a str> + Clone,
    renamed: Option<bool>,
) -> Option<Inferred> {
    let sample: Vec<&str> = texts
        .clone()
        .take(SAMPLE)
        // The cheap test first: most deliveries hold no JSON.
        .filter(|t| t.starts_with("{\""))
        .filter_map(|t| t.lines().next())
        .filter(|l| l.trim_end().ends_with('}'))
        .collect();
    if renamed == Some(true) && keeps_keys(sample.first()?) {
        return None;
    }
    let found = infer_json_text(sample).filter(|f| renamed.is_none_or(|r| f.renamed == r))?;
    let mut texts = texts;
    texts.any(|t| found.shown_by(t)).then_some(found.inferred)
}

/// Whether `line` is a flat object whose keys are all python-json-logger's
/// own names for attributes (`asctime`, `levelname`, `message`, …): its
/// documents are right as they parse, so nothing need be inferred before
/// JSON is read.
fn keeps_keys(line: &str) -> bool {
    skeleton(line).is_some_and(|s| {
        s.keys
            .iter()
            .all(|k| ATTRIBUTES.contains(k) || matches!(*k, "asctime" | "message"))
    })
}

/// The format a JSON-text stream's `lines` (record starts that parse as
/// JSON) were written with, if most of them share one skeleton that
/// shows a time or a level name.
fn infer_json_text<'a>(lines: impl IntoIterator<Item = &'a str>) -> Option<JsonText> {
    let skeletons: Vec<Skeleton<'a>> = lines
        .into_iter()
        .take(SAMPLE)
        .filter_map(skeleton)
        .collect();
    // The skeleton most lines share; the first seen on a tie.
    let mut best: Option<(&Vec<&str>, usize)> = None;
    for s in &skeletons {
        let n = skeletons
            .iter()
            .filter(|o| o.literals == s.literals)
            .count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((&s.literals, n));
        }
    }
    let (literals, n) = best?;
    let group: Vec<&Skeleton<'a>> = skeletons
        .iter()
        .filter(|s| &s.literals == literals)
        .collect();
    let message = message_of(group[0])?;
    let order: Vec<usize> = (0..group[0].values.len())
        .filter(|&i| i != message)
        .chain([message])
        .collect();
    let flat: Vec<String> = group.iter().filter_map(|s| flattened(s, &order)).collect();
    if flat.len() != n {
        return None;
    }
    let found = infer(flat.iter().map(String::as_str)).into_iter().next()?;
    if !(found.format.contains("%(asctime)s") || found.format.contains("%(levelname)")) {
        return None;
    }
    let pieces: Vec<&str> = found.format.splitn(order.len(), JOIN).collect();
    if pieces.len() != order.len() || pieces.last() != Some(&"%(message)s") {
        return None;
    }
    let mut by_value = vec![String::new(); order.len()];
    for (&i, piece) in order.iter().zip(&pieces) {
        by_value[i] = named(piece, group[0].keys[i])?;
    }
    let mut format = String::new();
    for (i, lit) in literals.iter().enumerate() {
        format.push_str(&lit.replace('%', "%%"));
        if let Some(piece) = by_value.get(i) {
            format.push_str(piece);
        }
    }
    let compiled = Format::compile_strict(&format, found.datefmt.as_deref()).ok()?;
    let renamed = by_value
        .iter()
        .zip(&group[0].keys)
        .any(|(piece, key)| *piece != format!("%({key})s") && *piece != format!("%({key})d"));
    Some(JsonText {
        opening: literals[0].to_owned(),
        quotes: literals.iter().map(|l| l.matches('"').count()).sum(),
        renamed,
        inferred: Inferred {
            format,
            datefmt: found.datefmt,
            lines: n,
            compiled,
            guessed_name: false,
            capital_guesses: false,
            before: None,
            logger_only: false,
        },
    })
}

/// Which value is the message: the one under a message's key, or else the
/// last quoted one.
fn message_of(s: &Skeleton<'_>) -> Option<usize> {
    s.keys
        .iter()
        .position(|k| MESSAGE_KEYS.contains(k))
        .or_else(|| {
            (0..s.values.len())
                .rev()
                .find(|&i| s.literals[i].ends_with('"'))
        })
}

/// The values of one line in `order`, joined: `None` where a value other
/// than the message is empty or holds the separator.
fn flattened(s: &Skeleton<'_>, order: &[usize]) -> Option<String> {
    let (&message, fields) = order.split_last()?;
    if fields
        .iter()
        .any(|&i| s.values[i].is_empty() || s.values[i].contains('|'))
    {
        return None;
    }
    let mut out: Vec<&str> = fields.iter().map(|&i| s.values[i]).collect();
    out.push(s.values[message]);
    Some(out.join(JOIN))
}

/// One value's piece of the inferred format, named by its key where the
/// key says more: a `LogRecord` attribute's own name, or any key in place
/// of a neutral `field_N`. `None` for a piece that is not one field or a
/// time (`%(asctime)s.%(msecs)03d`).
fn named(piece: &str, key: &str) -> Option<String> {
    let rest = piece.strip_prefix("%(")?;
    let (name, spec) = rest.split_once(')')?;
    if spec.contains("%(") {
        // Several fields in one value: a time and its milliseconds.
        return name.eq("asctime").then(|| piece.to_owned());
    }
    let identifier = !key.is_empty()
        && !key.starts_with(|c: char| c.is_ascii_digit())
        && key.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_');
    let neutral = name.starts_with(super::NEUTRAL_PREFIX);
    let rename = ATTRIBUTES.contains(&key) && name != "asctime" && name != "message"
        || neutral && identifier;
    Some(if rename {
        format!("%({key}){spec}")
    } else {
        piece.to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Value;

    const HAND: &str = r#"{"time": "%(asctime)s", "level": "%(levelname)s", "logger": "%(name)s", "message": "%(message)s"}"#;

    fn lines() -> Vec<&'static str> {
        vec![
            r#"{"time": "2025-01-18 06:39:24", "level": "WARNING", "logger": "orders.tasks", "message": "Starting worker pool with 2 workers"}"#,
            r#"{"time": "2025-01-18 06:39:24", "level": "INFO", "logger": "orders.views", "message": "consumer india assigned partitions [0, 3, 8]"}"#,
            r#"{"time": "2025-01-18 06:39:25", "level": "ERROR", "logger": "orders.tasks", "message": "token refreshed"}"#,
        ]
    }

    #[test]
    fn a_flat_object_is_read_as_literals_keys_and_values() {
        let s = skeleton(r#"{"t": "12:00:01", "n": 42, "m": "ok"}"#).unwrap();
        assert_eq!(
            s.literals,
            [r#"{"t": ""#, r#"", "n": "#, r#", "m": ""#, r#""}"#]
        );
        assert_eq!(s.keys, ["t", "n", "m"]);
        assert_eq!(s.values, ["12:00:01", "42", "ok"]);
    }

    #[test]
    fn nesting_escapes_and_other_json_values_are_not_a_skeleton() {
        for line in [
            r#"{"a": {"b": "c"}}"#,
            r#"{"a": "say \"hi\""}"#,
            r#"{"a": null}"#,
            r#"{"a": true}"#,
            r#"{"a": "x"} trailing"#,
            r#"{"a": "x""#,
            r#"{"": "x"}"#,
            "{}",
            "not json",
        ] {
            assert_eq!(skeleton(line), None, "{line}");
        }
    }

    #[test]
    fn a_hand_written_json_format_is_read_back_with_its_attributes() {
        let t = infer_json_text(lines()).unwrap();
        assert!(t.renamed);
        let f = t.inferred;
        assert_eq!(f.format, HAND);
        assert_eq!(f.datefmt.as_deref(), Some("%Y-%m-%d %H:%M:%S"));
        assert_eq!(f.lines, 3);
        // A message with a quote, which broke the JSON, is read too.
        let line = r#"{"time": "2025-01-18 06:39:26", "level": "INFO", "logger": "a.b", "message": "said "hi""}"#;
        let spans = f.compiled.match_record(line).unwrap();
        let fields = f.compiled.fields(line.into(), &spans);
        let message = &fields.last().unwrap().1;
        assert!(
            matches!(message, Value::Str(m) if m == r#"said "hi""#),
            "{message:?}"
        );
    }

    #[test]
    fn keys_that_name_attributes_name_the_values() {
        let lines = [
            r#"{"ts": "2025-01-18 06:39:24,120", "levelname": "INFO", "module": "views", "lineno": 42, "env": "prod", "msg": "a"}"#,
            r#"{"ts": "2025-01-18 06:39:25,130", "levelname": "DEBUG", "module": "tasks", "lineno": 7, "env": "prod", "msg": "b c"}"#,
        ];
        let t = infer_json_text(lines).unwrap();
        assert!(t.renamed, "msg is python-json-logger's message");
        let f = t.inferred;
        assert_eq!(
            f.format,
            r#"{"ts": "%(asctime)s", "levelname": "%(levelname)s", "module": "%(module)s", "lineno": %(lineno)d, "env": "%(env)s", "msg": "%(message)s"}"#
        );
        assert_eq!(f.datefmt, None);
    }

    #[test]
    fn a_message_before_other_values_stays_in_its_place() {
        let lines = [
            r#"{"message": "started", "level": "INFO", "time": "12:00:01"}"#,
            r#"{"message": "stopped now", "level": "WARNING", "time": "12:00:02"}"#,
        ];
        let f = infer_json_text(lines).unwrap().inferred;
        assert_eq!(
            f.format,
            r#"{"message": "%(message)s", "level": "%(levelname)s", "time": "%(asctime)s"}"#
        );
    }

    #[test]
    fn objects_with_no_time_or_level_give_no_format() {
        let lines = [
            r#"{"user": "alice", "action": "login"}"#,
            r#"{"user": "bob", "action": "logout now"}"#,
        ];
        assert!(infer_json_text(lines).is_none());
    }

    #[test]
    fn the_skeleton_most_lines_share_is_the_one_read() {
        let mut l = lines();
        l.insert(0, r#"{"event": "x", "level": "info"}"#);
        assert_eq!(infer_json_text(l).unwrap().inferred.format, HAND);
    }

    #[test]
    fn python_json_loggers_own_keys_are_kept_and_not_renamed() {
        let own = [
            r#"{"asctime": "2025-01-18 06:39:24,120", "levelname": "INFO", "name": "a.b", "message": "x"}"#,
            r#"{"asctime": "2025-01-18 06:39:25,130", "levelname": "DEBUG", "name": "a.c", "message": "y z"}"#,
        ];
        assert!(keeps_keys(own[0]));
        assert!(!keeps_keys(lines()[0]));
        assert!(!infer_json_text(own).unwrap().renamed);
    }

    #[test]
    fn only_text_that_is_no_json_shows_the_format_is_text() {
        let t = infer_json_text(lines()).unwrap();
        let head =
            r#"{"time": "2025-01-18 06:39:26", "level": "INFO", "logger": "a.b", "message": "#;
        for (shows, text) in [
            (false, format!(r#"{head}"fine"}}"#)),
            (false, format!(r#"{head}"said \"hi\""}}"#)),
            (true, format!(r#"{head}"said "hi""}}"#)),
            (true, format!(r#"{head}"order payload:"#)),
            (
                true,
                format!("{head}\"failed\"}}\nTraceback (most recent call last):"),
            ),
            (true, format!("{head}\"rows:\n1\n2\"}}")),
            (false, r#"{"other": "said "hi""}"#.to_owned()),
        ] {
            assert_eq!(t.shown_by(&text), shows, "{text}");
        }
    }
}
