//! Configuration, read once at start-up from environment variables.
//!
//! [`Config::from_lookup`] takes a lookup function instead of reading the
//! process environment, so tests can build any configuration without
//! `set_var` (which is unsafe in edition 2024 and racy across test threads).
//! Every error names the variable, so a bad deployment fails at its first
//! cold start with a message that says what to fix.

use std::time::Duration;

mod opensearch;

use crate::filter::{Filter, level_number};
pub(crate) use crate::model::{Oversize, PlatformLines, Schema};
use crate::redact::{self, Redactor};
pub use opensearch::OpenSearch;
#[cfg(test)]
use opensearch::{DEFAULT_BULK_BYTES, Signing};
use opensearch::{INDEX_PREFIX_RULE, index_prefix_ok, opensearch};

/// Why the configuration was refused. Each message names the variable.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{var} is required: {why}")]
    Missing {
        var: &'static str,
        why: &'static str,
    },
    #[error("{var}={value:?} is not valid: {reason}")]
    Invalid {
        var: &'static str,
        value: String,
        reason: String,
    },
    #[error("{a} and {b} are both set: {why}")]
    Conflict {
        a: &'static str,
        b: &'static str,
        why: &'static str,
    },
}

/// The function's whole configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// `DELIVERY_STREAM_NAME`: where records go. Unset means stdout, which
    /// only the CLI allows.
    pub delivery_stream: Option<String>,
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
    /// `OVERSIZE`: `truncate` (default), `split` or `fail`.
    pub oversize: Oversize,
    /// `MAX_IN_FLIGHT`: `PutRecordBatch` calls in flight at once (1-50).
    pub max_in_flight: usize,
    /// `DEADLINE_MARGIN_MS`: how long before Lambda's deadline to stop
    /// retrying, leaving time to report a clean error.
    pub deadline_margin: Duration,
    /// `MIN_LEVEL`, `INCLUDE_PATTERN`, `EXCLUDE_PATTERN`, `EXCLUDE_LOGGERS`.
    pub filter: Filter,
    /// `REDACT` and `REDACT_PATTERNS`, compiled.
    pub redactor: Redactor,
    /// `OUTPUT_SCHEMA`: `python` (default) or `ecs`.
    pub schema: Schema,
    /// `RECORD_PACKING`: many documents per Firehose record, for streams
    /// whose only destination is S3.
    pub record_packing: bool,
    /// `TYPE_STABLE`: reshape values the shipped index templates would
    /// reject (on by default; off passes JSON lines through raw).
    pub type_stable: bool,
    /// `AWS_LAMBDA_LOG_GROUP_NAME`, which Lambda sets: the function's own
    /// log group, whose deliveries are never forwarded (a subscription on
    /// it would feed the function its own logs for ever).
    pub own_log_group: Option<String>,
    /// `AWS_LAMBDA_FUNCTION_MEMORY_SIZE`, which Lambda sets: the function's
    /// memory in MB, which bounds how large a delivery it takes on
    /// (the pipeline's `memory_budget`). `LOCAL_MEMORY_MB` outside
    /// Lambda.
    pub memory_mb: u64,
    /// `AWS_LAMBDA_FUNCTION_NAME`, which Lambda sets: the metrics'
    /// dimension.
    pub function_name: String,
    /// `OPENSEARCH_ENDPOINT` and its settings: documents go straight to
    /// OpenSearch's `_bulk` API instead of Firehose.
    pub opensearch: Option<OpenSearch>,
    /// Whether `AWS_ENDPOINT_URL` or `AWS_ENDPOINT_URL_S3` points the SDK
    /// at a local endpoint (moto), which then needs path-style S3 requests.
    pub local_endpoint: bool,
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

/// Non-empty lines, without the `\r` of templates edited on Windows.
fn format_lines(s: &str) -> impl Iterator<Item = &str> {
    s.lines()
        .map(|l| l.trim_end_matches('\r'))
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

/// Default for [`Config::max_in_flight`]: a 10,000-event delivery is about
/// 20 calls, so 8 in flight sends it in about three round trips.
pub(crate) const DEFAULT_MAX_IN_FLIGHT: usize = 8;

/// Lambda's memory sizes, in MB
/// (<https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html>).
pub(crate) const MIN_MEMORY_MB: usize = 128;
pub(crate) const MAX_MEMORY_MB: usize = 10_240;

/// The memory `invoke` plans for outside Lambda: a 1 GB function's, which
/// any workstation has.
pub(crate) const LOCAL_MEMORY_MB: u64 = 1024;

/// Default for [`Config::deadline_margin`].
pub(crate) const DEFAULT_DEADLINE_MARGIN: Duration = Duration::from_millis(500);

impl Default for Config {
    fn default() -> Self {
        Config {
            delivery_stream: None,
            python_formats: Vec::new(),
            python_datefmt: None,
            group_formats: Vec::new(),
            platform_lines: PlatformLines::Report,
            oversize: Oversize::Truncate,
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
            deadline_margin: DEFAULT_DEADLINE_MARGIN,
            filter: Filter::default(),
            redactor: Redactor::default(),
            schema: Schema::Python,
            record_packing: false,
            type_stable: true,
            own_log_group: None,
            memory_mb: LOCAL_MEMORY_MB,
            function_name: String::new(),
            opensearch: None,
            local_endpoint: false,
        }
    }
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Config, ConfigError> {
        Config::from_lookup(|name| std::env::var(name).ok())
    }

    /// Builds the configuration from any name-to-value lookup. Empty values
    /// count as unset, as they do in most Lambda consoles and templates.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Config, ConfigError> {
        let get = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
        let mut config = Config {
            delivery_stream: get("DELIVERY_STREAM_NAME").map(|v| v.trim().to_owned()),
            own_log_group: get("AWS_LAMBDA_LOG_GROUP_NAME").map(|v| v.trim().to_owned()),
            python_datefmt: lookup("PYTHON_LOG_DATEFMT").filter(|v| !v.is_empty()),
            function_name: lookup("AWS_LAMBDA_FUNCTION_NAME").unwrap_or_default(),
            local_endpoint: lookup("AWS_ENDPOINT_URL").is_some()
                || lookup("AWS_ENDPOINT_URL_S3").is_some(),
            ..Config::default()
        };
        if let Some(formats) = get("PYTHON_LOG_FORMAT") {
            // One format per line. Trailing `\r` comes from templates edited
            // on Windows; it is never part of a Python format.
            config.python_formats = format_lines(&formats).map(str::to_owned).collect();
        }
        if let Some(v) = get("LOG_GROUP_FORMATS") {
            config.group_formats = group_formats(&v)?;
        }
        read(&get, "LAMBDA_PLATFORM_LINES", &mut config.platform_lines)?;
        read(&get, "OVERSIZE", &mut config.oversize)?;
        read(&get, "OUTPUT_SCHEMA", &mut config.schema)?;
        if let Some(v) = get("RECORD_PACKING") {
            config.record_packing = on_off("RECORD_PACKING", &v)?;
        }
        if let Some(v) = get("TYPE_STABLE") {
            config.type_stable = on_off("TYPE_STABLE", &v)?;
        }
        if let Some(v) = get("MAX_IN_FLIGHT") {
            config.max_in_flight = number(&v, 1..=50).ok_or_else(|| {
                invalid("MAX_IN_FLIGHT", &v, "expected a whole number from 1 to 50")
            })?;
        }
        if let Some(v) = get("DEADLINE_MARGIN_MS") {
            let ms = number(&v, 0..=60_000).ok_or_else(|| {
                invalid(
                    "DEADLINE_MARGIN_MS",
                    &v,
                    "expected milliseconds from 0 to 60000",
                )
            })?;
            config.deadline_margin = Duration::from_millis(ms as u64);
        }
        if let Some(v) = get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE") {
            config.memory_mb = number(&v, MIN_MEMORY_MB..=MAX_MEMORY_MB).ok_or_else(|| {
                invalid(
                    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                    &v,
                    "expected the function's memory in MB, 128 to 10240 (Lambda sets it)",
                )
            })? as u64;
        }
        config.filter = filter(&get)?;
        config.redactor = redactor(&get)?;
        config.opensearch = opensearch(&get)?;
        if config.opensearch.is_some() {
            if config.delivery_stream.is_some() {
                return Err(ConfigError::Conflict {
                    a: "DELIVERY_STREAM_NAME",
                    b: "OPENSEARCH_ENDPOINT",
                    why: "documents go to Firehose or straight to OpenSearch; set exactly one",
                });
            }
            if config.record_packing {
                return Err(ConfigError::Conflict {
                    a: "RECORD_PACKING",
                    b: "OPENSEARCH_ENDPOINT",
                    why: "packing is for S3-only Firehose streams; OpenSearch indexes one document per record",
                });
            }
        }
        Ok(config)
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

/// Reads an enum setting by its `FromStr`, whose error says what it
/// expected.
fn read<T: std::str::FromStr<Err = &'static str>>(
    get: &impl Fn(&str) -> Option<String>,
    var: &'static str,
    slot: &mut T,
) -> Result<(), ConfigError> {
    if let Some(v) = get(var) {
        *slot = v.parse().map_err(|expected| invalid(var, &v, expected))?;
    }
    Ok(())
}

/// `on` or `off` (or true/false, 1/0).
fn on_off(var: &'static str, v: &str) -> Result<bool, ConfigError> {
    match v.trim().to_ascii_lowercase().as_str() {
        "on" | "true" | "1" => Ok(true),
        "off" | "false" | "0" => Ok(false),
        _ => Err(invalid(var, v, "expected on or off")),
    }
}

/// A whole number within `range`.
fn number(v: &str, range: std::ops::RangeInclusive<usize>) -> Option<usize> {
    v.trim().parse().ok().filter(|n| range.contains(n))
}

/// `MIN_LEVEL`, `INCLUDE_PATTERN`, `EXCLUDE_PATTERN`, `EXCLUDE_LOGGERS`.
fn filter(get: &impl Fn(&str) -> Option<String>) -> Result<Filter, ConfigError> {
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
fn redactor(get: &impl Fn(&str) -> Option<String>) -> Result<Redactor, ConfigError> {
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

fn invalid(var: &'static str, value: &str, reason: &str) -> ConfigError {
    ConfigError::Invalid {
        var,
        value: value.to_owned(),
        reason: reason.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn an_empty_environment_gives_the_defaults() {
        let c = config(&[]).unwrap();
        assert_eq!(c.delivery_stream, None);
        assert_eq!(c.platform_lines, PlatformLines::Report);
        assert_eq!(c.oversize, Oversize::Truncate);
        assert_eq!(c.max_in_flight, DEFAULT_MAX_IN_FLIGHT);
        assert!(c.python_formats.is_empty());
    }

    #[test]
    fn empty_values_count_as_unset() {
        let c = config(&[("DELIVERY_STREAM_NAME", " "), ("OVERSIZE", "")]).unwrap();
        assert_eq!(c.delivery_stream, None);
    }

    #[test]
    fn several_formats_are_read_one_per_line() {
        let c = config(&[(
            "PYTHON_LOG_FORMAT",
            "%(message)s\r\n\n%(levelname)s:%(message)s\n",
        )])
        .unwrap();
        assert_eq!(
            c.python_formats,
            ["%(message)s", "%(levelname)s:%(message)s"]
        );
    }

    #[test]
    fn choices_are_case_insensitive() {
        let c = config(&[("LAMBDA_PLATFORM_LINES", "KEEP"), ("OVERSIZE", "Split")]).unwrap();
        assert_eq!(c.platform_lines, PlatformLines::Keep);
        assert_eq!(c.oversize, Oversize::Split);
    }

    #[test]
    fn every_bad_value_names_its_variable() {
        for (var, value) in [
            ("LAMBDA_PLATFORM_LINES", "sometimes"),
            ("OVERSIZE", "shrink"),
            ("MAX_IN_FLIGHT", "0"),
            ("MAX_IN_FLIGHT", "51"),
            ("MAX_IN_FLIGHT", "many"),
            ("DEADLINE_MARGIN_MS", "-1"),
            ("MIN_LEVEL", "LOUD"),
            ("OUTPUT_SCHEMA", "elastic"),
            ("RECORD_PACKING", "maybe"),
            ("INCLUDE_PATTERN", "(unclosed"),
            ("EXCLUDE_PATTERN", "[z-a]"),
            ("REDACT", "emails,passwords"),
            ("REDACT_PATTERNS", "token=(oops"),
        ] {
            let err = config(&[(var, value)]).unwrap_err().to_string();
            assert!(err.starts_with(var), "{err}");
            assert!(err.contains(value), "{err}");
        }
    }

    #[test]
    fn filters_and_redaction_rules_are_read_and_compiled_once() {
        let c = config(&[
            ("MIN_LEVEL", "warning"),
            ("EXCLUDE_LOGGERS", "botocore, urllib3,,"),
            ("INCLUDE_PATTERN", "order"),
            ("REDACT", "emails,aws-keys,emails"),
            (
                "REDACT_PATTERNS",
                "order-id=ORD-[0-9]+\nsk_live_[a-z0-9]+\n",
            ),
        ])
        .unwrap();
        assert_eq!(c.filter.min_level, Some(30));
        assert_eq!(c.filter.exclude_loggers, ["botocore", "urllib3"]);
        assert!(c.filter.include.is_some());
        assert_eq!(
            c.redactor
                .redact_str("a@b.io ORD-12 sk_live_abc AKIAIOSFODNN7EXAMPLE")
                .as_deref(),
            Some("[REDACTED:email] [REDACTED:order-id] [REDACTED:custom-2] [REDACTED:aws-key]")
        );
    }

    #[test]
    fn log_group_formats_read_patterns_formats_and_datefmts_in_order() {
        let c = config(&[(
            "LOG_GROUP_FORMATS",
            r#"[{"groups": ["/ecs/orders*", "/ecs/api"], "formats": "%(levelname)s %(message)s\n%(message)s", "datefmt": "%H:%M"},
                {"groups": "/aws/lambda/*"},
                {"groups": "/ecs/web", "formats": [{"format": "%(asctime)s %(message)s", "datefmt": "[%H:%M]"}, "%(message)s"]}]"#,
        )])
        .unwrap();
        assert_eq!(c.group_formats.len(), 3);
        assert_eq!(
            c.group_formats[2].formats[0].datefmt.as_deref(),
            Some("[%H:%M]"),
            "a format with its own datefmt"
        );
        assert_eq!(c.group_formats[0].patterns, ["/ecs/orders*", "/ecs/api"]);
        assert_eq!(
            c.group_formats[0].formats,
            [
                FormatSpec::plain("%(levelname)s %(message)s"),
                FormatSpec::plain("%(message)s")
            ]
        );
        assert_eq!(c.group_formats[0].datefmt.as_deref(), Some("%H:%M"));
        assert!(c.group_formats[1].formats.is_empty(), "auto-detection");
    }

    #[test]
    fn a_bad_log_group_formats_entry_is_refused_naming_the_variable_and_the_entry() {
        for (value, says) in [
            ("not json", "expected a JSON list"),
            (
                r#"[{"groups": "/a", "fromats": "x"}]"#,
                "unknown field `fromats`",
            ),
            (r#"[{"groups": []}]"#, "entry 1 has no log group pattern"),
            (
                r#"[{"groups": "/a"}, {"groups": "/ecs/[ab]"}]"#,
                "entry 2: \"/ecs/[ab]\" is not a log group pattern",
            ),
        ] {
            let err = config(&[("LOG_GROUP_FORMATS", value)])
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("LOG_GROUP_FORMATS="), "{err}");
            assert!(err.contains(says), "{value}: {err}");
        }
    }

    #[test]
    fn type_stability_is_on_by_default_and_can_be_turned_off() {
        assert!(config(&[]).unwrap().type_stable);
        assert!(!config(&[("TYPE_STABLE", "off")]).unwrap().type_stable);
        let err = config(&[("TYPE_STABLE", "sometimes")])
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("TYPE_STABLE=") && err.contains("on or off"),
            "{err}"
        );
    }

    #[test]
    fn opensearch_is_the_direct_path_and_firehose_and_opensearch_together_are_refused() {
        let c = config(&[(
            "OPENSEARCH_ENDPOINT",
            "search-logs.eu-west-1.es.amazonaws.com/",
        )])
        .unwrap()
        .opensearch
        .unwrap();
        assert_eq!(c.endpoint, "https://search-logs.eu-west-1.es.amazonaws.com");
        assert_eq!(
            (c.signing, c.index.as_str(), c.gzip),
            (Signing::Domain, "logs", true)
        );
        assert_eq!(c.max_bulk_bytes, DEFAULT_BULK_BYTES);
        let aoss = config(&[(
            "OPENSEARCH_ENDPOINT",
            "https://abc.us-east-1.aoss.amazonaws.com",
        )])
        .unwrap()
        .opensearch
        .unwrap();
        assert_eq!(aoss.signing.service(), "aoss");
        let both = config(&[
            ("OPENSEARCH_ENDPOINT", "http://127.0.0.1:9200"),
            ("DELIVERY_STREAM_NAME", "logs"),
        ])
        .unwrap_err()
        .to_string();
        assert!(
            both.starts_with("DELIVERY_STREAM_NAME and OPENSEARCH_ENDPOINT are both set"),
            "{both}"
        );
        for (var, value) in [
            ("OPENSEARCH_ENDPOINT", "https://host/path"),
            ("OPENSEARCH_SERVICE", "s3"),
            ("OPENSEARCH_INDEX", "Logs"),
            ("OPENSEARCH_BULK_BYTES", "65535"),
            ("OPENSEARCH_BULK_BYTES", "104857601"),
            ("OPENSEARCH_GZIP", "maybe"),
            ("OPENSEARCH_DOCUMENT_IDS", "some"),
        ] {
            // The later value of a variable wins.
            let vars = [
                ("OPENSEARCH_ENDPOINT", "http://127.0.0.1:9200"),
                (var, value),
            ];
            let err = config(&vars).unwrap_err().to_string();
            assert!(err.starts_with(var), "{var}={value}: {err}");
        }
        assert!(
            config(&[
                ("OPENSEARCH_ENDPOINT", "http://127.0.0.1:9200"),
                ("OPENSEARCH_BULK_BYTES", "65536")
            ])
            .is_ok()
        );
    }

    #[test]
    fn a_log_group_entry_may_name_its_own_index_prefix_and_a_bad_one_names_the_entry() {
        let c = config(&[(
            "LOG_GROUP_FORMATS",
            r#"[{"groups": "/ecs/orders*", "index": "orders"}]"#,
        )])
        .unwrap();
        assert_eq!(c.group_formats[0].index.as_deref(), Some("orders"));
        let err = config(&[(
            "LOG_GROUP_FORMATS",
            r#"[{"groups": "/a", "index": "Orders"}]"#,
        )])
        .unwrap_err()
        .to_string();
        assert!(err.contains("entry 1: index \"Orders\""), "{err}");
    }
}
