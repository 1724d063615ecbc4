//! The formats settings, for `parse`: `PYTHON_LOG_FORMAT`,
//! `PYTHON_LOG_DATEFMT`, `LOG_GROUP_FORMATS` and `LAMBDA_PLATFORM_LINES`.

use crate::model::PlatformLines;
use crate::sinks::Route;
use crate::sinks::opensearch::config::{INDEX_PREFIX_RULE, index_prefix_ok};
use crate::vars::{ConfigError, Get, invalid, read};

/// How each log group's lines are parsed.
#[derive(Debug, Clone, Default)]
pub struct FormatSettings {
    /// `PYTHON_LOG_FORMAT`: the app's logging format strings, one per line.
    /// Empty means auto-detection.
    pub python_formats: Vec<String>,
    /// `PYTHON_LOG_DATEFMT`: the app's `datefmt`; `None` is Python's default.
    pub python_datefmt: Option<String>,
    /// `LOG_GROUP_FORMATS`: formats for the log groups matching each
    /// entry's patterns, first match wins; the groups no entry matches use
    /// `PYTHON_LOG_FORMAT`/`PYTHON_LOG_DATEFMT`.
    pub group_formats: Vec<GroupFormats>,
    /// `LAMBDA_PLATFORM_LINES`: `report` (default), `drop` or `keep`.
    pub platform_lines: PlatformLines,
}

impl FormatSettings {
    pub(crate) fn read(lookup: &impl Get, get: &impl Get) -> Result<FormatSettings, ConfigError> {
        let mut formats = FormatSettings {
            python_datefmt: lookup("PYTHON_LOG_DATEFMT").filter(|v| !v.is_empty()),
            ..FormatSettings::default()
        };
        if let Some(v) = get("PYTHON_LOG_FORMAT") {
            // One format per line. Trailing `\r` comes from templates edited
            // on Windows; it is never part of a Python format.
            formats.python_formats = format_lines(&v).map(str::to_owned).collect();
        }
        if let Some(v) = get("LOG_GROUP_FORMATS") {
            formats.group_formats = group_formats(&v)?;
        }
        read(get, "LAMBDA_PLATFORM_LINES", &mut formats.platform_lines)?;
        Ok(formats)
    }

    /// What each entry says of where its groups' documents go, in order:
    /// a destination that routes by log group takes it.
    pub(crate) fn routes(&self) -> Vec<Route> {
        self.group_formats
            .iter()
            .map(|g| Route {
                patterns: g.patterns.clone(),
                index: g.index.clone(),
            })
            .collect()
    }
}

/// One entry of `LOG_GROUP_FORMATS`: the formats of the log groups whose
/// names match one of `patterns`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupFormats {
    /// Log group name globs: `*` is any run of characters (`/` included),
    /// `?` any one character.
    #[serde(rename = "groups", deserialize_with = "one_or_many")]
    pub patterns: Vec<String>,
    /// Formats tried in order; none means auto-detection.
    #[serde(default, deserialize_with = "format_specs")]
    pub formats: Vec<FormatSpec>,
    /// The datefmt of the formats that don't name their own.
    #[serde(default)]
    pub datefmt: Option<String>,
    /// The direct path's index prefix for these groups, instead of
    /// `OPENSEARCH_INDEX`: each app its own daily index.
    #[serde(default)]
    pub index: Option<String>,
}

/// One format of a `LOG_GROUP_FORMATS` entry: a string, or
/// `{"format": "…", "datefmt": "…"}` when the programs sharing a stream
/// write dates differently (gunicorn's error log beside a Flask app).
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatSpec {
    pub format: String,
    #[serde(default)]
    pub datefmt: Option<String>,
}

impl FormatSpec {
    pub(crate) fn plain(format: &str) -> FormatSpec {
        FormatSpec {
            format: format.to_owned(),
            datefmt: None,
        }
    }
}

/// A format string (one per line), or a list of strings and
/// `{"format", "datefmt"}` objects.
fn format_specs<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<FormatSpec>, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum Item {
        Text(String),
        Spec(FormatSpec),
    }
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<Item>),
    }
    let items = match serde::Deserialize::deserialize(d)? {
        OneOrMany::One(s) => vec![Item::Text(s)],
        OneOrMany::Many(v) => v,
    };
    let mut out = Vec::new();
    for item in items {
        match item {
            Item::Text(s) => out.extend(format_lines(&s).map(FormatSpec::plain)),
            Item::Spec(spec) => out.push(spec),
        }
    }
    Ok(out)
}

/// Non-empty lines, without the `\r` of templates edited on Windows, nor
/// one a format starts with (sqlmap's `"\r[%(asctime)s] …"`): the parser
/// reads a record past it, as past a line break a format starts with.
fn format_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .map(|l| l.trim_matches('\r'))
        .filter(|l| !l.is_empty())
}

/// A string or a list of strings; a string holding newlines is one item
/// per line, as `PYTHON_LOG_FORMAT` reads.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    let items = match serde::Deserialize::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    };
    Ok(items
        .iter()
        .flat_map(|s| format_lines(s))
        .map(str::to_owned)
        .collect())
}

/// Reads `LOG_GROUP_FORMATS`: a JSON list of
/// `{"groups": "/ecs/orders*", "formats": ["…"], "datefmt": "…"}`.
/// Patterns use only the characters of log group names
/// (<https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html>)
/// plus `*` and `?`, so a typo is refused here rather than never matching.
fn group_formats(v: &str) -> Result<Vec<GroupFormats>, ConfigError> {
    const VAR: &str = "LOG_GROUP_FORMATS";
    let entries: Vec<GroupFormats> = serde_json::from_str(v).map_err(|e| {
        invalid(
            VAR,
            v,
            &format!(
                "expected a JSON list of {{\"groups\", \"formats\", \"datefmt\"}} entries: {e}"
            ),
        )
    })?;
    for (i, entry) in entries.iter().enumerate() {
        let n = i + 1;
        if let Some(index) = &entry.index
            && !index_prefix_ok(index)
        {
            return Err(invalid(
                VAR,
                v,
                &format!("entry {n}: index {index:?}: {INDEX_PREFIX_RULE}"),
            ));
        }
        if entry.patterns.is_empty() {
            return Err(invalid(
                VAR,
                v,
                &format!("entry {n} has no log group pattern"),
            ));
        }
        for pattern in &entry.patterns {
            let bad = pattern.chars().find(|&c| {
                !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '/' | '.' | '#' | '*' | '?'))
            });
            if pattern.is_empty() || pattern.len() > 512 || bad.is_some() {
                return Err(invalid(
                    VAR,
                    v,
                    &format!(
                        "entry {n}: {pattern:?} is not a log group pattern: log group names are 1 to 512 of a-z A-Z 0-9 _ - / . #, and * and ? are the wildcards"
                    ),
                ));
            }
        }
    }
    Ok(entries)
}
