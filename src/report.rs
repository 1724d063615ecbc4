//! What an invocation did: the [`Summary`] of counts, defined once, and
//! rendered in one place as the function's log line, as CloudWatch metrics
//! (Embedded Metric Format) and as the CLI's line.
//!
//! Every kind of event fills the same shared counts; what only one kind
//! counts (a transformation's answers, a Kinesis batch's stream records)
//! is in [`PerKind`]. The CLI's lines are the CLI's (`cli::invoke`).

use std::fmt::Write as _;

/// The CloudWatch metric namespace the summary counts are published in.
pub(crate) const METRICS_NAMESPACE: &str = "LogsToFirehose";

/// What one invocation did. Logged as one line, and as metrics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// What the CPU path did with the delivery's events.
    pub shaped: Shaped,
    /// What the destination did with the documents: the sink's own
    /// counts, as it gave them.
    pub delivery: Delivered,
    /// What only one kind of event counts.
    pub per_kind: PerKind,
}

/// What decoding, parsing and shaping did, event by event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shaped {
    /// CloudWatch events in the delivery.
    pub events: usize,
    /// Documents shaped (one per log record, more if split).
    pub records: usize,
    /// Records the destination is handed: the same number, or fewer with
    /// `RECORD_PACKING`. `Delivered::sent` and `failed` count these.
    pub outgoing: usize,
    /// Records shortened to fit the destination's record limit.
    pub truncated: usize,
    /// Records cut into several to fit the destination's record limit.
    pub split: usize,
    /// Events dropped on purpose by configuration (`LAMBDA_PLATFORM_LINES`).
    pub dropped: usize,
    /// Records dropped by the filters (`MIN_LEVEL`, `INCLUDE_PATTERN`,
    /// `EXCLUDE_PATTERN`, `EXCLUDE_LOGGERS`).
    pub filtered: usize,
    /// Records in which redaction masked something.
    pub redacted: usize,
    /// Records whose values were reshaped so the shipped index templates
    /// can't reject them (`TYPE_STABLE`).
    pub coerced: usize,
    /// Text records that no configured format matched, kept as
    /// `{"message": text}`: the sign of a wrong format or datefmt.
    pub unmatched: usize,
    /// Records shaped by a format inferred from the delivery's own lines
    /// (auto-detection only).
    pub inferred: usize,
    /// Bit `i`: configured format `i` matched at least one record.
    pub formats_matched: u64,
    /// How many formats the delivery's log group has configured (0 for
    /// auto-detection), for the unmatched warning.
    pub formats_configured: usize,
    /// The log group of the unmatched records, for the warning.
    pub unmatched_group: String,
    /// Events from the function's own log group, not forwarded: the
    /// feedback-loop guard.
    pub own_logs: usize,
    /// Whether this was a CloudWatch control message.
    pub control: bool,
}

/// What a destination did with the records it was handed. Every sink
/// counts these; `sent + backed_up + failed` always equals the records
/// given.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivered {
    /// Records accepted (or written to stdout).
    pub sent: usize,
    /// Records (on the direct path, documents) never delivered.
    pub failed: usize,
    /// Calls made to the destination, retries included.
    pub calls: usize,
    /// Records sent again after a failure.
    pub retried: usize,
    /// Of `sent`: documents already indexed (OpenSearch's `409` to
    /// `create`), from a retried event or a redrive.
    pub duplicates: usize,
    /// Documents repaired for a type clash and sent again (OpenSearch).
    pub coerced: usize,
    /// Documents refused for good and kept in the backup bucket for
    /// `redrive` (OpenSearch).
    pub backed_up: usize,
}

/// The counts of one kind of event beyond the shared ones.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PerKind {
    /// A subscription delivery, a redrive or a set-up: nothing more.
    #[default]
    Shared,
    Transform(TransformCounts),
    Kinesis(KinesisCounts),
}

/// A Firehose transformation's answers, record by record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TransformCounts {
    /// Records answered `Ok`.
    pub ok: usize,
    /// Records answered `Dropped` (control messages, and records whose
    /// documents were re-ingested).
    pub dropped: usize,
    /// Records answered `ProcessingFailed`.
    pub processing_failed: usize,
}

/// A Kinesis batch's stream records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KinesisCounts {
    /// Stream records in the event.
    pub stream_records: usize,
    /// Stream records answered as `batchItemFailures`, for Lambda to retry
    /// (not decodable, or their documents not all delivered).
    pub item_failures: usize,
}

impl Shaped {
    /// Adds the counts of one delivery (of a transformation's or a Kinesis
    /// batch's several) to these.
    pub(crate) fn add(&mut self, s: &Shaped) {
        self.events += s.events;
        self.records += s.records;
        self.truncated += s.truncated;
        self.split += s.split;
        self.dropped += s.dropped;
        self.filtered += s.filtered;
        self.redacted += s.redacted;
        self.coerced += s.coerced;
        self.unmatched += s.unmatched;
        self.inferred += s.inferred;
        self.formats_matched |= s.formats_matched;
        self.formats_configured = self.formats_configured.max(s.formats_configured);
        if self.unmatched_group.is_empty() {
            self.unmatched_group.clone_from(&s.unmatched_group);
        }
        self.own_logs += s.own_logs;
        self.control |= s.control;
    }
}

impl Summary {
    /// Records reshaped so the templates take them, before sending
    /// (`TYPE_STABLE`) or after a clash the destination answered: one
    /// count, as the metric and the lines show it.
    pub fn coerced(&self) -> usize {
        self.shaped.coerced + self.delivery.coerced
    }

    /// A transformation's answers (all zero for another kind).
    pub fn transform_counts(&self) -> TransformCounts {
        match self.per_kind {
            PerKind::Transform(c) => c,
            _ => TransformCounts::default(),
        }
    }

    /// A Kinesis batch's counts (all zero for another kind).
    pub(crate) fn kinesis_counts(&self) -> KinesisCounts {
        match self.per_kind {
            PerKind::Kinesis(c) => c,
            _ => KinesisCounts::default(),
        }
    }

    /// The transformation's answers, to count into; makes this summary a
    /// transformation's.
    pub(crate) fn transform_mut(&mut self) -> &mut TransformCounts {
        if !matches!(self.per_kind, PerKind::Transform(_)) {
            self.per_kind = PerKind::Transform(TransformCounts::default());
        }
        match &mut self.per_kind {
            PerKind::Transform(c) => c,
            _ => unreachable!("set just above"),
        }
    }

    /// The Kinesis counts, to count into; makes this summary a Kinesis
    /// batch's.
    pub(crate) fn kinesis_mut(&mut self) -> &mut KinesisCounts {
        if !matches!(self.per_kind, PerKind::Kinesis(_)) {
            self.per_kind = PerKind::Kinesis(KinesisCounts::default());
        }
        match &mut self.per_kind {
            PerKind::Kinesis(c) => c,
            _ => unreachable!("set just above"),
        }
    }

    /// Every count, by its metric name, in one list: the EMF document and
    /// the log line are both made from it. Every kind's counts are always
    /// there (zero for other kinds), so the metrics never go missing.
    fn counts(&self) -> [(&'static str, usize); 23] {
        let (t, k) = (self.transform_counts(), self.kinesis_counts());
        let (s, d) = (&self.shaped, &self.delivery);
        [
            ("Events", s.events),
            ("Records", s.records),
            ("FirehoseRecords", s.outgoing),
            ("Sent", d.sent),
            ("Calls", d.calls),
            ("Retried", d.retried),
            ("Truncated", s.truncated),
            ("Split", s.split),
            ("Dropped", s.dropped),
            ("Filtered", s.filtered),
            ("Redacted", s.redacted),
            ("Coerced", self.coerced()),
            ("Unmatched", s.unmatched),
            ("Inferred", s.inferred),
            ("OwnLogs", s.own_logs),
            ("Failed", d.failed),
            ("Duplicates", d.duplicates),
            ("BackedUp", d.backed_up),
            ("TransformOk", t.ok),
            ("TransformDropped", t.dropped),
            ("TransformFailed", t.processing_failed),
            ("StreamRecords", k.stream_records),
            ("ItemFailures", k.item_failures),
        ]
    }

    /// The counts as one CloudWatch Embedded Metric Format document
    /// (<https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html>),
    /// with the function name as the only dimension so the metrics stay
    /// cheap however many log groups feed the function.
    pub(crate) fn emf(&self, function: &str, timestamp_ms: i64, failed_invocation: bool) -> String {
        let mut counts = self.counts().to_vec();
        counts.push(("FailedInvocations", usize::from(failed_invocation)));
        let mut metrics = Vec::with_capacity(counts.len());
        let mut doc = serde_json::Map::new();
        doc.insert("FunctionName".into(), function.into());
        for (name, value) in counts {
            metrics.push(serde_json::json!({"Name": name, "Unit": "Count"}));
            doc.insert(name.into(), value.into());
        }
        doc.insert(
            "_aws".into(),
            serde_json::json!({
                "Timestamp": timestamp_ms,
                "CloudWatchMetrics": [{
                    "Namespace": METRICS_NAMESPACE,
                    "Dimensions": [["FunctionName"]],
                    "Metrics": metrics,
                }],
            }),
        );
        serde_json::Value::Object(doc).to_string()
    }

    /// Logs the invocation's one summary line: every count, the request id
    /// and, for a failure, its type and message.
    pub(crate) fn log(&self, request_id: &str, error: Option<(&str, &dyn std::fmt::Display)>) {
        let mut counts = String::with_capacity(256);
        for (name, value) in self.counts() {
            let _ = write!(counts, "{}={value} ", snake(name));
        }
        let counts = counts.trim_end();
        match error {
            None => tracing::info!(
                request_id,
                control = self.shaped.control,
                "invocation summary {counts}"
            ),
            Some((kind, err)) => {
                tracing::error!(request_id, error_type = kind, error = %err, "invocation failed {counts}")
            }
        }
    }

    /// The warning for a delivery in which some configured format matched
    /// nothing while records went unmatched: the sign of a wrong format or
    /// `datefmt`. It names the idle formats by position (from 1, as
    /// listed). `None` when every format matched something: the unmatched
    /// records are then plain output such as `print()`, and only counted.
    pub(crate) fn unmatched_warning(&self, configured: usize) -> Option<String> {
        let s = &self.shaped;
        if s.unmatched == 0 || configured == 0 {
            return None;
        }
        let idle: Vec<String> = (0..configured.min(64))
            .filter(|&i| s.formats_matched & (1u64 << i) == 0)
            .map(|i| (i + 1).to_string())
            .collect();
        let which = match idle.len() {
            0 => return None,
            n if n == configured => format!(
                "no format (of {configured}) matched any record: check the formats and datefmt (PYTHON_LOG_FORMAT, or the group's LOG_GROUP_FORMATS entry)"
            ),
            _ => format!(
                "formats {} (of {configured}) matched no record",
                idle.join(", ")
            ),
        };
        Some(format!(
            "{} records of log group {:?} matched no configured format and were kept as plain messages; {which}",
            s.unmatched, s.unmatched_group
        ))
    }

    /// Logs the invocation's warnings once each: formats that matched
    /// nothing, and a delivery from the function's own log group.
    pub(crate) fn warn(&self) {
        let s = &self.shaped;
        if let Some(w) = self.unmatched_warning(s.formats_configured) {
            tracing::warn!(unmatched = s.unmatched, "{w}");
        }
        if s.own_logs > 0 {
            tracing::warn!(
                events = s.own_logs,
                "not forwarded: a delivery from this function's own log group (a subscription on it would be a feedback loop; remove it)"
            );
        }
    }
}

/// `FirehoseRecords` → `firehose_records`.
fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_becomes_an_embedded_metric_format_document() {
        let s = Summary {
            shaped: Shaped {
                events: 10,
                records: 9,
                dropped: 1,
                ..Shaped::default()
            },
            delivery: Delivered {
                sent: 8,
                failed: 1,
                ..Delivered::default()
            },
            ..Summary::default()
        };
        let v: serde_json::Value = serde_json::from_str(&s.emf("fn", 1234, true)).unwrap();
        assert_eq!(v["_aws"]["Timestamp"], 1234);
        let cw = &v["_aws"]["CloudWatchMetrics"][0];
        assert_eq!(cw["Namespace"], METRICS_NAMESPACE);
        assert_eq!(cw["Dimensions"][0][0], "FunctionName");
        // Every metric named in the directive has a value in the document.
        for m in cw["Metrics"].as_array().unwrap() {
            let name = m["Name"].as_str().unwrap();
            assert!(v[name].is_number(), "{name}");
        }
        assert_eq!(v["FunctionName"], "fn");
        assert_eq!(v["Sent"], 8);
        assert_eq!(v["Failed"], 1);
        assert_eq!(v["FailedInvocations"], 1);
    }

    #[test]
    fn a_transformations_answers_are_metrics_too() {
        let s = Summary {
            per_kind: PerKind::Transform(TransformCounts {
                ok: 3,
                dropped: 2,
                processing_failed: 1,
            }),
            ..Summary::default()
        };
        let v: serde_json::Value = serde_json::from_str(&s.emf("fn", 0, false)).unwrap();
        assert_eq!(
            (
                &v["TransformOk"],
                &v["TransformDropped"],
                &v["TransformFailed"]
            ),
            (&3.into(), &2.into(), &1.into())
        );
    }

    #[test]
    fn records_reshaped_before_sending_and_repaired_after_a_clash_are_one_coerced_count() {
        let mut s = Summary::default();
        s.shaped.coerced = 2;
        s.delivery.coerced = 1;
        let v: serde_json::Value = serde_json::from_str(&s.emf("fn", 0, false)).unwrap();
        assert_eq!((s.coerced(), &v["Coerced"]), (3, &3.into()));
    }

    #[test]
    fn metric_names_become_the_log_lines_snake_case_keys() {
        assert_eq!(snake("FirehoseRecords"), "firehose_records");
        assert_eq!(snake("Sent"), "sent");
    }

    #[test]
    fn adding_summaries_sums_counts_and_keeps_the_first_unmatched_group() {
        let mut total = Shaped::default();
        let one = Shaped {
            events: 2,
            unmatched: 1,
            unmatched_group: "/a".into(),
            formats_matched: 0b01,
            ..Shaped::default()
        };
        let two = Shaped {
            events: 3,
            unmatched_group: "/b".into(),
            formats_matched: 0b10,
            ..Shaped::default()
        };
        total.add(&one);
        total.add(&two);
        assert_eq!(total.events, 5);
        assert_eq!(total.unmatched_group, "/a");
        assert_eq!(total.formats_matched, 0b11);
    }
}
