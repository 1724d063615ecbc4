//! Filtering: records dropped before delivery, by level, message or
//! logger, so that noise never costs a Firehose record.
//!
//! A record is kept unless a rule positively says to drop it: a record with
//! no level passes `MIN_LEVEL`, one with no message passes the patterns,
//! and one with no logger passes `EXCLUDE_LOGGERS`. Lambda's own
//! `platform.report` records have none of these, so they are only ever
//! governed by `LAMBDA_PLATFORM_LINES`.

use std::borrow::Cow;

use regex::Regex;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::model::{Body, Value};

/// Which records to drop. Built once from the configuration.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// `MIN_LEVEL`: records below this Python level number are dropped.
    pub min_level: Option<i64>,
    /// `INCLUDE_PATTERN`: records whose message doesn't match are dropped.
    pub include: Option<Regex>,
    /// `EXCLUDE_PATTERN`: records whose message matches are dropped.
    pub exclude: Option<Regex>,
    /// `EXCLUDE_LOGGERS`: logger names whose records are dropped, with
    /// their children (`botocore` drops `botocore.auth`, not `botocorex`).
    pub exclude_loggers: Vec<String>,
}

/// Python's level numbers for its level names (and the usual aliases).
pub(crate) fn level_number(name: &str) -> Option<i64> {
    Some(match name.trim() {
        n if n.eq_ignore_ascii_case("NOTSET") => 0,
        n if n.eq_ignore_ascii_case("DEBUG") => 10,
        n if n.eq_ignore_ascii_case("INFO") => 20,
        n if n.eq_ignore_ascii_case("WARNING") || n.eq_ignore_ascii_case("WARN") => 30,
        n if n.eq_ignore_ascii_case("ERROR") => 40,
        n if n.eq_ignore_ascii_case("CRITICAL") || n.eq_ignore_ascii_case("FATAL") => 50,
        n => return n.parse().ok(),
    })
}

/// What a filter looks at, borrowed from the record.
#[derive(Debug, Default, PartialEq)]
struct Facts<'a> {
    level: Option<i64>,
    logger: Option<Cow<'a, str>>,
    message: Option<Cow<'a, str>>,
}

/// The keys of a JSON line the filter reads: python-json-logger's names,
/// and the Lambda JSON log format's (`level`, `logger`).
#[derive(Deserialize)]
struct JsonKeys<'a> {
    #[serde(borrow, default)]
    levelname: Option<&'a RawValue>,
    #[serde(borrow, default)]
    level: Option<&'a RawValue>,
    #[serde(borrow, default)]
    levelno: Option<&'a RawValue>,
    #[serde(borrow, default)]
    name: Option<&'a RawValue>,
    #[serde(borrow, default)]
    logger: Option<&'a RawValue>,
    #[serde(borrow, default)]
    message: Option<&'a RawValue>,
    #[serde(borrow, default)]
    msg: Option<&'a RawValue>,
}

fn json_str(raw: Option<&RawValue>) -> Option<Cow<'_, str>> {
    raw.and_then(|r| serde_json::from_str::<Cow<'_, str>>(r.get()).ok())
}

impl<'a> Facts<'a> {
    fn of(body: &'a Body<'a>) -> Facts<'a> {
        match body {
            Body::Fields(fields) => {
                let mut f = Facts::default();
                let mut levelno = None;
                for (k, v) in fields {
                    match (&**k, v) {
                        ("levelname", Value::Str(s)) => f.level = f.level.or(level_number(s)),
                        ("levelno", Value::Int(n)) => levelno = Some(*n),
                        ("name", Value::Str(s)) => f.logger = Some(Cow::Borrowed(&**s)),
                        ("message", Value::Str(s)) => f.message = Some(Cow::Borrowed(&**s)),
                        _ => {}
                    }
                }
                f.level = levelno.or(f.level);
                f
            }
            Body::Json(text) => {
                let Ok(keys) = serde_json::from_str::<JsonKeys<'_>>(text) else {
                    return Facts::default();
                };
                let level = keys
                    .levelno
                    .and_then(|r| r.get().parse::<i64>().ok())
                    .or_else(|| json_str(keys.levelname).and_then(|s| level_number(&s)))
                    .or_else(|| json_str(keys.level).and_then(|s| level_number(&s)));
                Facts {
                    level,
                    logger: json_str(keys.name).or_else(|| json_str(keys.logger)),
                    message: json_str(keys.message).or_else(|| json_str(keys.msg)),
                }
            }
        }
    }
}

impl Filter {
    /// Whether any rule is set; when none is, records aren't even looked at.
    pub(crate) fn is_active(&self) -> bool {
        self.min_level.is_some()
            || self.include.is_some()
            || self.exclude.is_some()
            || !self.exclude_loggers.is_empty()
    }

    /// Whether the record goes on to Firehose.
    pub(crate) fn keeps(&self, body: &Body<'_>) -> bool {
        if !self.is_active() {
            return true;
        }
        let facts = Facts::of(body);
        if let (Some(min), Some(level)) = (self.min_level, facts.level)
            && level < min
        {
            return false;
        }
        if let Some(logger) = &facts.logger
            && self
                .exclude_loggers
                .iter()
                .any(|p| is_logger_or_child(logger, p))
        {
            return false;
        }
        if let Some(message) = &facts.message {
            if self
                .include
                .as_ref()
                .is_some_and(|re| !re.is_match(message))
            {
                return false;
            }
            if self.exclude.as_ref().is_some_and(|re| re.is_match(message)) {
                return false;
            }
        }
        true
    }
}

/// Python's logger hierarchy: `a.b` is `a`'s child; `ab` is not.
fn is_logger_or_child(logger: &str, parent: &str) -> bool {
    logger
        .strip_prefix(parent)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(level: &str, name: &str, message: &str) -> Body<'static> {
        Body::Fields(vec![
            ("levelname".into(), Value::Str(level.to_owned().into())),
            ("name".into(), Value::Str(name.to_owned().into())),
            ("message".into(), Value::Str(message.to_owned().into())),
        ])
    }

    #[test]
    fn level_names_map_to_pythons_numbers_and_numbers_pass_through() {
        assert_eq!(level_number("warning"), Some(30));
        assert_eq!(level_number("WARN"), Some(30));
        assert_eq!(level_number("FATAL"), Some(50));
        assert_eq!(level_number("25"), Some(25));
        assert_eq!(level_number("TRACE"), None);
    }

    #[test]
    fn min_level_drops_records_below_it_and_keeps_records_with_no_level() {
        let f = Filter {
            min_level: Some(30),
            ..Filter::default()
        };
        assert!(!f.keeps(&fields("INFO", "app", "m")));
        assert!(f.keeps(&fields("WARNING", "app", "m")));
        assert!(f.keeps(&fields("CRITICAL", "app", "m")));
        // Custom level names and records without a level are kept.
        assert!(f.keeps(&fields("NOTICE", "app", "m")));
        assert!(f.keeps(&Body::Fields(vec![(
            "message".into(),
            Value::Str("plain print()".into())
        )])));
        // levelno wins over the name.
        let b = Body::Fields(vec![
            ("levelname".into(), Value::Str("NOTICE".into())),
            ("levelno".into(), Value::Int(25)),
        ]);
        assert!(!f.keeps(&b));
    }

    #[test]
    fn json_lines_are_filtered_by_their_python_or_lambda_keys() {
        let f = Filter {
            min_level: Some(20),
            exclude_loggers: vec!["botocore".into()],
            ..Filter::default()
        };
        assert!(!f.keeps(&Body::Json(r#"{"levelname":"DEBUG","message":"x"}"#.into())));
        assert!(!f.keeps(&Body::Json(r#"{"level":"DEBUG","message":"x"}"#.into())));
        assert!(f.keeps(&Body::Json(r#"{"level":"INFO","message":"x"}"#.into())));
        assert!(!f.keeps(&Body::Json(
            r#"{"level":"INFO","logger":"botocore.auth"}"#.into()
        )));
        // Odd types are no information, not a reason to drop.
        assert!(f.keeps(&Body::Json(r#"{"level":7,"name":["x"]}"#.into())));
    }

    #[test]
    fn excluded_loggers_take_their_children_but_not_their_namesakes() {
        let f = Filter {
            exclude_loggers: vec!["botocore".into(), "urllib3".into()],
            ..Filter::default()
        };
        assert!(!f.keeps(&fields("INFO", "botocore", "m")));
        assert!(!f.keeps(&fields("INFO", "botocore.credentials", "m")));
        assert!(!f.keeps(&fields("INFO", "urllib3.connectionpool", "m")));
        assert!(f.keeps(&fields("INFO", "botocorex", "m")));
        assert!(f.keeps(&fields("INFO", "app.botocore", "m")));
    }

    #[test]
    fn include_and_exclude_patterns_apply_to_the_message() {
        let f = Filter {
            include: Some(Regex::new("order|payment").unwrap()),
            exclude: Some(Regex::new("health ?check").unwrap()),
            ..Filter::default()
        };
        assert!(f.keeps(&fields("INFO", "app", "order accepted")));
        assert!(!f.keeps(&fields("INFO", "app", "cache warmed")));
        assert!(!f.keeps(&fields("INFO", "app", "order healthcheck ok")));
        // No message: nothing to match, so kept.
        assert!(f.keeps(&Body::Fields(vec![(
            "type".into(),
            Value::Str("platform.report".into())
        )])));
    }
}
