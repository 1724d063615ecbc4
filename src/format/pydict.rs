//! A dict logged as the message: `log.info({"message": "polled", "job_id": 7})`.
//!
//! `logging` prints the dict's `repr()` where `%(message)s` stands, and
//! python-json-logger, given the same record, writes `"message": ""` and
//! merges the dict's keys into the document (a `message` key of the dict
//! fills the message's own place). This reads the printed dict back as
//! Python reads the literal, so the document is the one the app's
//! `JsonFormatter` wrote. A dict holding anything a literal can't say (a
//! `datetime(…)`, an object's `<…>`) stays text: its JSON is not in the line.

use std::borrow::Cow;

use crate::json::write_str;
use crate::model::Value;

/// How deep dicts and lists may nest before the text is left as text, so
/// hostile input can't exhaust the stack.
const MAX_DEPTH: usize = 32;

/// Merges a printed dict in the `message` field into `fields`, as
/// python-json-logger does; leaves `fields` alone when the message is no
/// dict literal, or is the only field: a catch-all `%(message)s` shows
/// no format around it, so a `print()` of a dict (Flask's config) reads
/// the same.
pub(crate) fn merge_message(fields: &mut Vec<(Cow<'_, str>, Value<'_>)>) {
    if fields.len() < 2 {
        return;
    }
    // From the end: the message is nearly always the last field.
    let Some(at) = fields.iter().rposition(|(k, _)| k == "message") else {
        return;
    };
    let entries = match &fields[at].1 {
        Value::Str(m) if m.starts_with('{') && m.ends_with('}') => entries(m),
        _ => None,
    };
    let Some(entries) = entries else {
        return;
    };
    fields[at].1 = Value::Str(Cow::Borrowed(""));
    for (key, value) in entries {
        match fields.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => fields.push((Cow::Owned(key), value)),
        }
    }
}

/// Puts a record's traceback or stack under `key` (`exc_info`,
/// `stack_info`) as python-json-logger does: a merged dict's own value for
/// the key wins where it is truthy (`message_dict.get("exc_info")`), and
/// a falsy one is replaced where it stands, so no key is written twice.
pub(crate) fn put_tail<'a>(
    fields: &mut Vec<(Cow<'a, str>, Value<'a>)>,
    key: &'static str,
    text: Cow<'a, str>,
) {
    match fields.iter_mut().find(|(k, _)| k == key) {
        Some((_, value)) if truthy(value) => {}
        Some((_, value)) => *value = Value::Str(text),
        None => fields.push((Cow::Borrowed(key), Value::Str(text))),
    }
}

/// Whether Python would read the value as true: not `None`, `False`, a
/// zero, or an empty string, list or dict.
fn truthy(value: &Value<'_>) -> bool {
    match value {
        Value::Str(s) => !s.is_empty(),
        Value::Int(i) => *i != 0,
        Value::Float(f) => *f != 0.0,
        Value::Bool(b) => *b,
        Value::Null => false,
        Value::Raw(r) => {
            !matches!(r.as_ref(), "[]" | "{}") && r.parse::<f64>().ok().is_none_or(|f| f != 0.0)
        }
    }
}

/// The keys and values of `text` when all of it is one dict literal as
/// `repr()` prints it (string keys, literal values), in order.
fn entries(text: &str) -> Option<Vec<(String, Value<'static>)>> {
    let mut p = Reader { s: text, at: 0 };
    let mut out = Vec::new();
    p.eat("{")?;
    if !p.eat_if("}") {
        loop {
            let key = p.string()?;
            p.eat(": ")?;
            let value = p.value(0)?;
            match out.iter_mut().find(|(k, _): &&mut (String, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => out.push((key, value)),
            }
            if p.eat_if("}") {
                break;
            }
            p.eat(", ")?;
        }
    }
    (p.at == text.len()).then_some(out)
}

/// A cursor over a printed literal.
struct Reader<'s> {
    s: &'s str,
    at: usize,
}

impl Reader<'_> {
    fn rest(&self) -> &str {
        &self.s[self.at..]
    }

    fn eat_if(&mut self, token: &str) -> bool {
        let found = self.rest().starts_with(token);
        if found {
            self.at += token.len();
        }
        found
    }

    fn eat(&mut self, token: &str) -> Option<()> {
        self.eat_if(token).then_some(())
    }

    /// A string literal, undone as Python reads it.
    fn string(&mut self) -> Option<String> {
        let rest = self.rest();
        let quote = rest.chars().next().filter(|c| matches!(c, '\'' | '"'))?;
        let mut escaped = false;
        let end = rest[1..].char_indices().find_map(|(i, c)| {
            let closes = c == quote && !escaped;
            escaped = c == '\\' && !escaped;
            closes.then_some(i + 2)
        })?;
        let value = super::repr::literal(&rest[..end])?;
        // `repr()` quotes with `"` only a string holding a `'`: text with
        // `"` otherwise is JSON (`{"announcements": []}`), which the app
        // logged as a string.
        if quote == '"' && !value.contains('\'') {
            return None;
        }
        self.at += end;
        Some(value)
    }

    /// One value at the dict's top level: strings, numbers, `None` and
    /// booleans as themselves, lists, tuples and dicts as their JSON.
    fn value(&mut self, depth: usize) -> Option<Value<'static>> {
        match self.rest().as_bytes().first()? {
            b'\'' | b'"' => Some(Value::Str(Cow::Owned(self.string()?))),
            b'{' | b'[' | b'(' => {
                let mut json = Vec::new();
                self.nested(&mut json, depth + 1)?;
                Some(Value::Raw(Cow::Owned(String::from_utf8(json).ok()?)))
            }
            _ => Some(match self.scalar()? {
                "null" => Value::Null,
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                n => n
                    .parse::<i64>()
                    .map_or_else(|_| Value::Raw(Cow::Owned(n.to_owned())), Value::Int),
            }),
        }
    }

    /// A bare word (`None`, `True`, `False`, a number) as its JSON text;
    /// `None` for any other word, which a literal can't hold.
    fn scalar(&mut self) -> Option<&str> {
        match self.word() {
            "None" => Some("null"),
            "True" => Some("true"),
            "False" => Some("false"),
            word => number(word),
        }
    }

    /// The text up to the next separator or closing bracket.
    fn word(&mut self) -> &str {
        let rest = &self.s[self.at..];
        let end = rest.find([',', '}', ']', ')']).unwrap_or(rest.len());
        self.at += end;
        &rest[..end]
    }

    /// A dict, list or tuple written out as JSON into `out`.
    fn nested(&mut self, out: &mut Vec<u8>, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        let (open, close) = match self.rest().as_bytes().first()? {
            b'{' => (b'{', "}"),
            b'[' => (b'[', "]"),
            _ => (b'[', ")"),
        };
        self.at += 1;
        out.push(open);
        let mut first = true;
        while !self.eat_if(close) {
            // A one-item tuple's `(x,)`.
            if close == ")" && !first && self.eat_if(",)") {
                break;
            }
            if !first {
                self.eat(", ")?;
                out.push(b',');
            }
            first = false;
            if open == b'{' {
                write_str(out, &self.string()?);
                self.eat(": ")?;
                out.push(b':');
            }
            self.item(out, depth)?;
        }
        out.push(if open == b'{' { b'}' } else { b']' });
        Some(())
    }

    /// One item of a dict, list or tuple, as JSON.
    fn item(&mut self, out: &mut Vec<u8>, depth: usize) -> Option<()> {
        match self.rest().as_bytes().first()? {
            b'\'' | b'"' => write_str(out, &self.string()?),
            b'{' | b'[' | b'(' => self.nested(out, depth + 1)?,
            _ => {
                let json = self.scalar()?;
                out.extend_from_slice(json.as_bytes());
            }
        }
        Some(())
    }
}

/// `text` when it is a number as `repr()` prints one, which is also
/// valid JSON (`7`, `-2`, `0.5`, `1e-05`, `1.5e+20`); `None` for `inf`,
/// `nan` and anything else.
fn number(text: &str) -> Option<&str> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (mantissa, exponent) = match digits.split_once('e') {
        Some((m, e)) => (m, Some(e)),
        None => (digits, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (mantissa, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ok = all_digits(whole)
        && (whole == "0" || !whole.starts_with('0'))
        && fraction.is_none_or(all_digits)
        && exponent.is_none_or(|e| all_digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    ok.then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(message: &str) -> serde_json::Value {
        let mut fields = vec![
            (
                Cow::Borrowed("levelname"),
                Value::Str(Cow::Borrowed("INFO")),
            ),
            (Cow::Borrowed("message"), Value::Str(Cow::Borrowed(message))),
            (Cow::Borrowed("name"), Value::Str(Cow::Borrowed("app"))),
        ];
        merge_message(&mut fields);
        let mut out = vec![b'{'];
        for (i, (k, v)) in fields.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_str(&mut out, k);
            out.push(b':');
            crate::json::write_value(&mut out, v);
        }
        out.push(b'}');
        serde_json::from_slice(&out).unwrap()
    }

    #[test]
    fn a_dict_message_is_merged_into_the_document_as_python_json_logger_does() {
        // python-json-logger 4.2.0 on `log.info({...})`, printed by `str()`.
        let got = merged(
            "{'b': (1, 2), 'message': 'hi', 'n': None, 'f': 1e-05, \
             'big': 1000000000000000000000000000000, 'nest': {'a': [True, 'x']}, 's': \"it's\"}",
        );
        let want = r#"{"levelname": "INFO", "message": "hi", "name": "app", "b": [1, 2], "n": null,
            "f": 1e-05, "big": 1000000000000000000000000000000, "nest": {"a": [true, "x"]}, "s": "it's"}"#;
        assert_eq!(
            got,
            serde_json::from_str::<serde_json::Value>(want).unwrap()
        );
    }

    #[test]
    fn a_dict_without_a_message_key_leaves_the_message_empty() {
        let got = merged("{'job_id': 7, 'name': 'worker'}");
        let want =
            serde_json::json!({"levelname": "INFO", "message": "", "name": "worker", "job_id": 7});
        assert_eq!(got, want);
        assert_eq!(
            merged("{}"),
            serde_json::json!({"levelname": "INFO", "message": "", "name": "app"})
        );
    }

    #[test]
    fn tuples_of_one_and_empty_containers_read_as_json_lists_and_objects() {
        let got = merged("{'one': (1,), 'none': (), 'l': [], 'd': {}, 'neg': -2.5}");
        assert_eq!(got["one"], serde_json::json!([1]));
        assert_eq!(got["none"], serde_json::json!([]));
        assert_eq!(got["l"], serde_json::json!([]));
        assert_eq!(got["d"], serde_json::json!({}));
        assert_eq!(got["neg"], serde_json::json!(-2.5));
    }

    #[test]
    fn a_dicts_own_truthy_exc_info_wins_over_the_traceback_and_a_falsy_one_gives_way() {
        // python-json-logger 4.2.0 on `log.error({"exc_info": ...}, exc_info=True)`.
        let tb = "Traceback (most recent call last):\nZeroDivisionError: division by zero";
        for (dict, want) in [
            ("{'exc_info': 'mine', 'a': 1}", "mine"),
            ("{'exc_info': None, 'a': 1}", tb),
            ("{'exc_info': [], 'a': 1}", tb),
        ] {
            let mut fields = vec![
                (
                    Cow::Borrowed("levelname"),
                    Value::Str(Cow::Borrowed("ERROR")),
                ),
                (Cow::Borrowed("message"), Value::Str(Cow::Borrowed(dict))),
            ];
            merge_message(&mut fields);
            put_tail(&mut fields, "exc_info", Cow::Borrowed(tb));
            let keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_ref()).collect();
            assert_eq!(keys, ["levelname", "message", "exc_info", "a"], "{dict}");
            assert_eq!(fields[2].1, Value::Str(Cow::Borrowed(want)), "{dict}");
        }
    }

    #[test]
    fn a_dict_that_is_the_whole_record_stays_text() {
        // A catch-all `%(message)s` can't tell `log.info(d)` from `print(d)`.
        let mut fields = vec![(
            Cow::Borrowed("message"),
            Value::Str(Cow::Borrowed("{'debug': True}")),
        )];
        merge_message(&mut fields);
        assert_eq!(fields[0].1, Value::Str(Cow::Borrowed("{'debug': True}")));
    }

    #[test]
    fn a_message_that_is_no_dict_literal_stays_text() {
        for text in [
            "{'at': datetime.datetime(2024, 5, 11, 14, 44)}",
            "{'obj': <Job 7>}",
            "{'x': inf}",
            "{'x': 1, 'y': 2} and more",
            "{1: 'int key'}",
            "{'s': 'unclosed}",
            "{'set': {1, 2}}",
            "{name} was formatted wrongly {here}",
            "{'x': 01}",
            // JSON text: `repr()` would have quoted these with `'`.
            "{\"announcements\": []}",
            "{'a': \"b\"}",
        ] {
            assert_eq!(merged(text)["message"], text, "{text}");
        }
    }

    #[test]
    fn deeply_nested_text_stays_text_without_exhausting_the_stack() {
        let deep = format!("{{'x': {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(merged(&deep)["message"], deep.as_str());
        let ok = format!("{{'x': {}{}}}", "[".repeat(20), "]".repeat(20));
        assert_eq!(merged(&ok)["message"], "");
    }
}
