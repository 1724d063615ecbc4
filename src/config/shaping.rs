//! The shaping settings, for the pipeline: which records are kept
//! (`MIN_LEVEL`, `INCLUDE_PATTERN`, `EXCLUDE_PATTERN`, `EXCLUDE_LOGGERS`),
//! what is masked (`REDACT`, `REDACT_PATTERNS`), and the documents' layout
//! (`OUTPUT_SCHEMA`, `OVERSIZE`, `TYPE_STABLE`).

use crate::filter::{Filter, level_number};
use crate::model::{Oversize, Schema};
use crate::redact::{self, Redactor};
use crate::vars::{ConfigError, Get, invalid, on_off, read};

/// How parsed records become documents.
#[derive(Debug, Clone)]
pub struct Shaping {
    /// `MIN_LEVEL`, `INCLUDE_PATTERN`, `EXCLUDE_PATTERN`, `EXCLUDE_LOGGERS`.
    pub filter: Filter,
    /// `REDACT` and `REDACT_PATTERNS`, compiled.
    pub redactor: Redactor,
    /// `OUTPUT_SCHEMA`: `python` (default) or `ecs`.
    pub schema: Schema,
    /// `OVERSIZE`: `truncate` (default), `split` or `fail`.
    pub oversize: Oversize,
    /// `TYPE_STABLE`: reshape values the shipped index templates would
    /// reject (on by default; off passes JSON lines through raw).
    pub type_stable: bool,
}

impl Default for Shaping {
    fn default() -> Self {
        Shaping {
            filter: Filter::default(),
            redactor: Redactor::default(),
            schema: Schema::Python,
            oversize: Oversize::Truncate,
            type_stable: true,
        }
    }
}

impl Shaping {
    pub(crate) fn read(get: &impl Get) -> Result<Shaping, ConfigError> {
        let mut shaping = Shaping {
            filter: filter(get)?,
            redactor: redactor(get)?,
            ..Shaping::default()
        };
        read(get, "OVERSIZE", &mut shaping.oversize)?;
        read(get, "OUTPUT_SCHEMA", &mut shaping.schema)?;
        if let Some(v) = get("TYPE_STABLE") {
            shaping.type_stable = on_off("TYPE_STABLE", &v)?;
        }
        Ok(shaping)
    }
}

/// A `REDACT_PATTERNS` line: `name=regex`, where the name is lower-case
/// letters, digits and dashes, or else the whole line is the regex and the
/// rule is called `custom-N`.
fn named_pattern(line: &str, n: usize) -> (String, String) {
    if let Some((name, pattern)) = line.split_once('=') {
        let is_name = name.starts_with(|c: char| c.is_ascii_lowercase())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if is_name && !pattern.is_empty() {
            return (name.to_owned(), pattern.to_owned());
        }
    }
    (format!("custom-{n}"), line.to_owned())
}

/// `MIN_LEVEL`, `INCLUDE_PATTERN`, `EXCLUDE_PATTERN`, `EXCLUDE_LOGGERS`.
fn filter(get: &impl Get) -> Result<Filter, ConfigError> {
    let mut filter = Filter::default();
    if let Some(v) = get("MIN_LEVEL") {
        filter.min_level = Some(level_number(&v).ok_or_else(|| {
            invalid(
                "MIN_LEVEL",
                &v,
                "expected a Python level (DEBUG, INFO, WARNING, ERROR, CRITICAL) or its number",
            )
        })?);
    }
    for (var, slot) in [
        ("INCLUDE_PATTERN", &mut filter.include),
        ("EXCLUDE_PATTERN", &mut filter.exclude),
    ] {
        if let Some(v) = get(var) {
            *slot = Some(regex::Regex::new(&v).map_err(|e| invalid(var, &v, &e.to_string()))?);
        }
    }
    if let Some(v) = get("EXCLUDE_LOGGERS") {
        filter.exclude_loggers = v
            .split(',')
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
    }
    Ok(filter)
}

/// `REDACT` (built-in rules) and `REDACT_PATTERNS` (custom ones), compiled.
fn redactor(get: &impl Get) -> Result<Redactor, ConfigError> {
    let mut rules: Vec<(String, String)> = Vec::new();
    if let Some(v) = get("REDACT") {
        for name in v.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let found = redact::builtin(name).ok_or_else(|| {
                let known: Vec<&str> = redact::BUILTIN.iter().map(|(n, _)| *n).collect();
                invalid(
                    "REDACT",
                    &v,
                    &format!(
                        "unknown rule {name:?}; expected all or some of {}",
                        known.join(", ")
                    ),
                )
            })?;
            for (n, p) in found {
                if !rules.iter().any(|(have, _)| have == n) {
                    rules.push((n.to_string(), p.to_string()));
                }
            }
        }
    }
    let Some(v) = get("REDACT_PATTERNS") else {
        // Built-in rules always compile; this can't fail.
        return Redactor::new(&rules).map_err(|e| invalid("REDACT", "", &e.to_string()));
    };
    let lines = v.lines().map(|l| l.trim_end_matches('\r'));
    for (i, line) in lines.filter(|l| !l.trim().is_empty()).enumerate() {
        rules.push(named_pattern(line, i + 1));
    }
    Redactor::new(&rules).map_err(|e| invalid("REDACT_PATTERNS", &v, &e.to_string()))
}
