//! Configuration, read once at start-up from environment variables, and
//! handed to each consumer as its own settings (as ripgrep's low-level
//! args become high-level ones):
//!
//! - `formats.rs`: how each log group's lines are parsed, for `parse`;
//! - `shaping.rs`: filters, redaction and the documents' layout, for the
//!   pipeline;
//! - [`Runtime`] here: memory, time and concurrency, and the names Lambda
//!   sets;
//! - the destination, read beside its sink (`sinks::Destination`).
//!
//! [`Config::from_lookup`] takes a lookup function instead of reading the
//! process environment, so tests can build any configuration without
//! `set_var` (which is unsafe in edition 2024 and racy across test threads).
//! Every error names the variable, so a bad deployment fails at its first
//! cold start with a message that says what to fix.

use std::time::Duration;

mod formats;
mod shaping;

pub(crate) use crate::sinks::Destination;
pub(crate) use crate::vars::ConfigError;
use crate::vars::{Get, invalid, number};
pub use formats::FormatSettings;
pub(crate) use formats::FormatSpec;
pub(crate) use shaping::Shaping;

/// The function's whole configuration, one part per consumer.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub formats: FormatSettings,
    pub shaping: Shaping,
    pub runtime: Runtime,
    /// Where documents go: at most one destination, by construction.
    pub destination: Destination,
}

/// What the function runs with: memory, time and concurrency, and the
/// names Lambda sets.
#[derive(Debug, Clone)]
pub struct Runtime {
    /// `MAX_IN_FLIGHT`: calls to the destination in flight at once (1-50).
    pub max_in_flight: usize,
    /// `DEADLINE_MARGIN_MS`: how long before Lambda's deadline to stop
    /// retrying, leaving time to report a clean error.
    pub deadline_margin: Duration,
    /// `AWS_LAMBDA_FUNCTION_MEMORY_SIZE`, which Lambda sets: the function's
    /// memory in MB, which bounds how large a delivery it takes on
    /// (the pipeline's `memory_budget`). `LOCAL_MEMORY_MB` outside
    /// Lambda.
    pub memory_mb: u64,
    /// `AWS_LAMBDA_LOG_GROUP_NAME`, which Lambda sets: the function's own
    /// log group, whose deliveries are never forwarded (a subscription on
    /// it would feed the function its own logs for ever).
    pub own_log_group: Option<String>,
    /// `AWS_LAMBDA_FUNCTION_NAME`, which Lambda sets: the metrics'
    /// dimension.
    pub function_name: String,
    /// Whether `AWS_ENDPOINT_URL` or `AWS_ENDPOINT_URL_S3` points the SDK
    /// at a local endpoint (moto), which then needs path-style S3 requests.
    pub local_endpoint: bool,
}

/// Default for [`Runtime::max_in_flight`]: a 10,000-event delivery is about
/// 20 calls, so 8 in flight sends it in about three round trips.
pub(crate) const DEFAULT_MAX_IN_FLIGHT: usize = 8;

/// Lambda's memory sizes, in MB
/// (<https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html>).
pub(crate) const MIN_MEMORY_MB: usize = 128;
pub(crate) const MAX_MEMORY_MB: usize = 10_240;

/// The memory `invoke` plans for outside Lambda: a 1 GB function's, which
/// any workstation has.
pub(crate) const LOCAL_MEMORY_MB: u64 = 1024;

/// Default for [`Runtime::deadline_margin`].
pub(crate) const DEFAULT_DEADLINE_MARGIN: Duration = Duration::from_millis(500);

impl Default for Runtime {
    fn default() -> Self {
        Runtime {
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
            deadline_margin: DEFAULT_DEADLINE_MARGIN,
            memory_mb: LOCAL_MEMORY_MB,
            own_log_group: None,
            function_name: String::new(),
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
        let formats = FormatSettings::read(&lookup, &get)?;
        let runtime = Runtime::read(&lookup, &get)?;
        let shaping = Shaping::read(&get)?;
        let mut destination = Destination::read(&get)?;
        destination.route(formats.routes());
        Ok(Config {
            formats,
            shaping,
            runtime,
            destination,
        })
    }
}

impl Runtime {
    fn read(lookup: &impl Get, get: &impl Get) -> Result<Runtime, ConfigError> {
        let mut runtime = Runtime {
            own_log_group: get("AWS_LAMBDA_LOG_GROUP_NAME").map(|v| v.trim().to_owned()),
            function_name: lookup("AWS_LAMBDA_FUNCTION_NAME").unwrap_or_default(),
            local_endpoint: lookup("AWS_ENDPOINT_URL").is_some()
                || lookup("AWS_ENDPOINT_URL_S3").is_some(),
            ..Runtime::default()
        };
        if let Some(v) = get("MAX_IN_FLIGHT") {
            runtime.max_in_flight = number(&v, 1..=50).ok_or_else(|| {
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
            runtime.deadline_margin = Duration::from_millis(ms as u64);
        }
        if let Some(v) = get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE") {
            runtime.memory_mb = number(&v, MIN_MEMORY_MB..=MAX_MEMORY_MB).ok_or_else(|| {
                invalid(
                    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                    &v,
                    "expected the function's memory in MB, 128 to 10240 (Lambda sets it)",
                )
            })? as u64;
        }
        Ok(runtime)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Oversize, PlatformLines};
    use crate::sinks::opensearch::config::DEFAULT_BULK_BYTES;
    use crate::sinks::{OpenSearchSettings, Signing};
    use std::collections::HashMap;

    fn direct(c: Config) -> Option<OpenSearchSettings> {
        match c.destination {
            Destination::OpenSearch(settings) => Some(settings),
            _ => None,
        }
    }

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
        assert_eq!(c.destination.stream(), None);
        assert_eq!(c.formats.platform_lines, PlatformLines::Report);
        assert_eq!(c.shaping.oversize, Oversize::Truncate);
        assert_eq!(c.runtime.max_in_flight, DEFAULT_MAX_IN_FLIGHT);
        assert!(c.formats.python_formats.is_empty());
    }

    #[test]
    fn empty_values_count_as_unset() {
        let c = config(&[("DELIVERY_STREAM_NAME", " "), ("OVERSIZE", "")]).unwrap();
        assert_eq!(c.destination.stream(), None);
    }

    #[test]
    fn several_formats_are_read_one_per_line() {
        let c = config(&[(
            "PYTHON_LOG_FORMAT",
            "%(message)s\r\n\n%(levelname)s:%(message)s\n",
        )])
        .unwrap();
        assert_eq!(
            c.formats.python_formats,
            ["%(message)s", "%(levelname)s:%(message)s"]
        );
    }

    #[test]
    fn choices_are_case_insensitive() {
        let c = config(&[("LAMBDA_PLATFORM_LINES", "KEEP"), ("OVERSIZE", "Split")]).unwrap();
        assert_eq!(c.formats.platform_lines, PlatformLines::Keep);
        assert_eq!(c.shaping.oversize, Oversize::Split);
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
        assert_eq!(c.shaping.filter.min_level, Some(30));
        assert_eq!(c.shaping.filter.exclude_loggers, ["botocore", "urllib3"]);
        assert!(c.shaping.filter.include.is_some());
        assert_eq!(
            c.shaping
                .redactor
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
        assert_eq!(c.formats.group_formats.len(), 3);
        assert_eq!(
            c.formats.group_formats[2].formats[0].datefmt.as_deref(),
            Some("[%H:%M]"),
            "a format with its own datefmt"
        );
        assert_eq!(
            c.formats.group_formats[0].patterns,
            ["/ecs/orders*", "/ecs/api"]
        );
        assert_eq!(
            c.formats.group_formats[0].formats,
            [
                FormatSpec::plain("%(levelname)s %(message)s"),
                FormatSpec::plain("%(message)s")
            ]
        );
        assert_eq!(c.formats.group_formats[0].datefmt.as_deref(), Some("%H:%M"));
        assert!(
            c.formats.group_formats[1].formats.is_empty(),
            "auto-detection"
        );
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
        assert!(config(&[]).unwrap().shaping.type_stable);
        assert!(
            !config(&[("TYPE_STABLE", "off")])
                .unwrap()
                .shaping
                .type_stable
        );
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
        let c = direct(
            config(&[(
                "OPENSEARCH_ENDPOINT",
                "search-logs.eu-west-1.es.amazonaws.com/",
            )])
            .unwrap(),
        )
        .unwrap();
        assert_eq!(c.endpoint, "https://search-logs.eu-west-1.es.amazonaws.com");
        assert_eq!(
            (c.signing, c.index.as_str(), c.gzip),
            (Signing::Domain, "logs", true)
        );
        assert_eq!(c.max_bulk_bytes, DEFAULT_BULK_BYTES);
        let aoss = direct(
            config(&[(
                "OPENSEARCH_ENDPOINT",
                "https://abc.us-east-1.aoss.amazonaws.com",
            )])
            .unwrap(),
        )
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
        assert_eq!(c.formats.group_formats[0].index.as_deref(), Some("orders"));
        let err = config(&[(
            "LOG_GROUP_FORMATS",
            r#"[{"groups": "/a", "index": "Orders"}]"#,
        )])
        .unwrap_err()
        .to_string();
        assert!(err.contains("entry 1: index \"Orders\""), "{err}");
    }
}
