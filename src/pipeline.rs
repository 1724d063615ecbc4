//! The CPU path, built once from the settings: a delivery's payload →
//! parsed records → filtered, redacted, shaped documents, in order.
//!
//! [`prepare`] (a subscription event), [`prepare_record`] (one Firehose or
//! Kinesis record's data) and [`prepare_payload`] (a decompressed payload)
//! are synchronous and pure, so tests and benchmarks call them directly.
//! How the documents travel is the sink's business: nothing here knows a
//! batch.

use base64::Engine as _;

use crate::config::Config;
use crate::decode::{self, DecodeError, Delivery, MessageType};
use crate::filter::Filter;
use crate::model::{Body, Oversize, Schema};
use crate::parse::{FormatsError, GroupParsers, Parsed};
use crate::records::Records;
use crate::redact::Redactor;
use crate::report::Summary;
use crate::shape::{self, Fit, Meta, OversizeError, Source};
use crate::sinks::Limits;

/// Everything the CPU path needs, built once at start-up from the
/// configuration and shared by every invocation.
#[derive(Debug, Clone)]
pub struct Pipeline {
    parser: GroupParsers,
    filter: Filter,
    redactor: Redactor,
    oversize: Oversize,
    schema: Schema,
    /// What the destination asks of the documents: their largest size,
    /// whether each keeps its key (`records::Keys`), whether they are
    /// packed.
    limits: Limits,
    type_stable: bool,
    own_log_group: Option<String>,
    memory_mb: u64,
    /// The formats inferred so far in this warm process, per log group,
    /// each logged once (see [`Pipeline::log_inferred`]).
    inferred_seen: std::sync::Arc<std::sync::Mutex<std::collections::HashSet<(String, String)>>>,
}

impl Pipeline {
    pub fn new(config: &Config) -> Result<Pipeline, FormatsError> {
        Ok(Pipeline {
            parser: GroupParsers::new(config)?,
            filter: config.shaping.filter.clone(),
            redactor: config.shaping.redactor.clone(),
            oversize: config.shaping.oversize,
            schema: config.shaping.schema,
            limits: config.destination.limits(),
            type_stable: config.shaping.type_stable,
            own_log_group: config.runtime.own_log_group.clone(),
            memory_mb: config.runtime.memory_mb,
            inferred_seen: Default::default(),
        })
    }

    /// The largest decompressed delivery worth reading: half the budget,
    /// since its records take at least as much again. `prepare_payload`
    /// then checks the delivery's real needs against the whole budget.
    pub(crate) fn max_payload_bytes(&self) -> usize {
        memory_budget(self.memory_mb) / 2
    }
}

/// How much of a function's memory shaping one delivery may take: three
/// quarters. The rest is the runtime's, the requests in flight (at most
/// `MAX_IN_FLIGHT` × 4 MiB) and the allocator's slack.
pub(crate) fn memory_budget(memory_mb: u64) -> usize {
    let bytes = usize::try_from(memory_mb.saturating_mul(1024 * 1024)).unwrap_or(usize::MAX);
    bytes / 4 * 3
}

/// What shaping a delivery holds at its peak: the payload; each event
/// parsed (a `LogEvent`, borrowing its text); and the records, which are
/// the text again plus `per_event` bytes of metadata each. Measured against
/// peak RSS in docs/robustness.md ("Memory and the decompression cap").
pub(crate) fn peak_estimate(payload: usize, events: usize, per_event: usize) -> usize {
    let per = per_event.saturating_add(std::mem::size_of::<decode::LogEvent<'_>>());
    payload
        .saturating_mul(2)
        .saturating_add(events.saturating_mul(per))
}

/// Why a payload could not become records.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(transparent)]
    Oversize(#[from] OversizeError),
    #[error(
        "shaping this delivery ({events} events) needs about {needed_mb} MB, over the {budget_mb} MB that a {memory_mb} MB function can spare; raise the function's memory"
    )]
    OverMemory {
        events: usize,
        needed_mb: usize,
        budget_mb: usize,
        memory_mb: u64,
    },
}

impl PipelineError {
    /// A stable name for the error, used as the Lambda `errorType`.
    pub(crate) fn error_type(&self) -> &'static str {
        match self {
            PipelineError::Decode(e) => e.error_type(),
            PipelineError::Oversize(_) => "RecordTooLarge",
            PipelineError::OverMemory { .. } => "OverMemoryBudget",
        }
    }
}

/// How much of an event a DEBUG log shows.
pub(crate) const PREVIEW_BYTES: usize = 256;

/// The first `max` bytes of `bytes` as text, saying how much was left out.
pub(crate) fn preview(bytes: &[u8], max: usize) -> String {
    let shown = String::from_utf8_lossy(&bytes[..bytes.len().min(max)]).into_owned();
    match bytes.len().checked_sub(max) {
        Some(more) if more > 0 => format!("{shown}…[{more} more bytes]"),
        _ => shown,
    }
}

/// The CPU half of an invocation: the records to send, in order, and what
/// shaping them counted.
#[derive(Debug, Default)]
pub struct Prepared {
    pub records: Records,
    pub summary: Summary,
}

/// Decodes, parses and shapes one subscription event into records.
pub fn prepare(event: &[u8], pipeline: &Pipeline) -> Result<Prepared, PipelineError> {
    let payload = decode::decompress_capped(event, pipeline.max_payload_bytes())?;
    prepare_payload(&payload, pipeline)
}

/// Why one Firehose or Kinesis record's data could not become records.
#[derive(Debug, thiserror::Error)]
pub(crate) enum RecordError {
    #[error("record data is not valid base64: {0}")]
    Base64(#[source] base64::DecodeError),
    #[error(transparent)]
    Gunzip(DecodeError),
    /// Neither gzip nor a delivery's JSON: another producer's data, or
    /// documents this function re-ingested, which a transformation passes
    /// on untouched.
    #[error(transparent)]
    NotADelivery(PipelineError),
    #[error(transparent)]
    Pipeline(PipelineError),
}

/// Decodes and shapes one stream record's data: base64 of the gzip
/// delivery CloudWatch Logs writes, or of the payload itself where the
/// stream decompresses. Shared by the Firehose transformation and the
/// Kinesis kind of event.
pub(crate) fn prepare_record(data: &str, pipeline: &Pipeline) -> Result<Prepared, RecordError> {
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data)
        .map_err(RecordError::Base64)?;
    let payload = decode::gunzip_if_gzip(&bytes, pipeline.max_payload_bytes())
        .map_err(RecordError::Gunzip)?;
    prepare_payload(&payload, pipeline).map_err(|e| match e {
        PipelineError::Decode(DecodeError::PayloadJson(_)) if !decode::is_gzip(&bytes) => {
            RecordError::NotADelivery(e)
        }
        e => RecordError::Pipeline(e),
    })
}

/// How many (log group, format) pairs a warm process remembers having
/// logged: an account-wide deployment sees hundreds of groups, and the
/// set must not grow without bound.
const MAX_INFERRED_LOGGED: usize = 4096;

/// Parses and shapes one decompressed payload (the subscription JSON).
pub(crate) fn prepare_payload(
    payload: &[u8],
    pipeline: &Pipeline,
) -> Result<Prepared, PipelineError> {
    let delivery = decode::parse_delivery(payload)?;
    let mut summary = Summary::default();
    summary.shaped.events = delivery.log_events.len();
    if delivery.message_type == MessageType::ControlMessage {
        summary.shaped.control = true;
        return Ok(Prepared {
            summary,
            ..Prepared::default()
        });
    }
    if pipeline.own_log_group.as_deref() == Some(&*delivery.log_group) {
        // The feedback-loop guard: counted and warned about, never sent.
        summary.shaped.own_logs = delivery.log_events.len();
        return Ok(Prepared {
            summary,
            ..Prepared::default()
        });
    }
    let source = Source::with_schema(
        &delivery.log_group,
        &delivery.log_stream,
        &delivery.owner,
        pipeline.schema,
    );
    let mut records = pipeline.buffer_for(payload.len(), &delivery, &source)?;
    let mut oversize_error = None;
    let parser = pipeline.parser.for_group(&delivery.log_group);
    let stats = parser.parse_each(&delivery, |p| {
        if oversize_error.is_none()
            && let Err(err) = pipeline.shape(p, &delivery, &source, &mut summary, &mut records)
        {
            oversize_error = Some(err);
        }
    });
    if let Some(err) = oversize_error {
        return Err(err.into());
    }
    summary.shaped.dropped = stats.dropped;
    summary.shaped.unmatched = stats.unmatched;
    summary.shaped.inferred = stats.inferred;
    pipeline.log_inferred(&delivery.log_group, &stats.inferred_formats);
    summary.shaped.formats_matched = stats.formats_matched;
    summary.shaped.formats_configured = parser.configured_formats();
    if stats.unmatched > 0 {
        summary.shaped.unmatched_group = delivery.log_group.to_string();
    }
    summary.shaped.records = records.len();
    if pipeline.limits.record_packing {
        records = records.packed(pipeline.limits.max_record_bytes);
    }
    summary.shaped.outgoing = records.len();
    Ok(Prepared { records, summary })
}

impl Pipeline {
    /// Logs each format inferred for a log group the first time this warm
    /// process infers it, as the `LOG_GROUP_FORMATS` entry that would pin
    /// it, so a team can see what auto-detection found and name its custom
    /// fields. The set only decides what is logged, never what is parsed:
    /// the documents depend on the delivery alone.
    fn log_inferred(&self, log_group: &str, formats: &[(String, Option<String>)]) {
        if formats.is_empty() {
            return;
        }
        let Ok(mut seen) = self.inferred_seen.lock() else {
            return;
        };
        for (format, datefmt) in formats {
            let key = (log_group.to_owned(), format!("{format}\u{0}{datefmt:?}"));
            if seen.len() < MAX_INFERRED_LOGGED && seen.insert(key) {
                let entry = serde_json::json!({"groups": log_group, "formats": [{"format": format, "datefmt": datefmt}]});
                tracing::info!(
                    log_group,
                    format = %format,
                    datefmt = ?datefmt,
                    "inferred a Python logging format; to pin it, add to LOG_GROUP_FORMATS: {entry}"
                );
            }
        }
    }

    /// The records' buffer for one delivery, sized for it up front, with
    /// its keys kept if the sink needs them; or the delivery refused whole
    /// if shaping it would need more memory than the function can spare.
    fn buffer_for(
        &self,
        payload: usize,
        delivery: &Delivery<'_>,
        source: &Source,
    ) -> Result<Records, PipelineError> {
        let events = delivery.log_events.len();
        // Records are about the payload's size plus metadata per event;
        // sizing the buffer up front avoids growing (and briefly doubling)
        // it.
        let per_event = source.rendered_len() + 96;
        let needed = peak_estimate(payload, events, per_event);
        let budget = memory_budget(self.memory_mb);
        if needed > budget {
            // Refused whole, so Lambda retries it and parks it in the
            // failure queue, rather than dying of memory halfway through
            // sending it.
            return Err(PipelineError::OverMemory {
                events,
                needed_mb: needed >> 20,
                budget_mb: budget >> 20,
                memory_mb: self.memory_mb,
            });
        }
        let mut records = Records::with_capacity(payload + events * per_event, events);
        if self.limits.document_keys {
            records.keep_keys(&delivery.owner, &delivery.log_group, &delivery.log_stream);
        }
        Ok(records)
    }

    /// One parsed record through the filters, redaction and the schema into
    /// `records`, fitted to the destination's record limit.
    fn shape<'a>(
        &self,
        mut p: Parsed<'a>,
        delivery: &Delivery<'a>,
        source: &Source,
        summary: &mut Summary,
        records: &mut Records,
    ) -> Result<(), OversizeError> {
        if !self.filter.keeps(&p.body) {
            summary.shaped.filtered += 1;
            return Ok(());
        }
        if self.redactor.redact_body(&mut p.body) {
            summary.shaped.redacted += 1;
        }
        if self.schema == Schema::Ecs {
            let body = std::mem::replace(&mut p.body, Body::Fields(Vec::new()));
            p.body = shape::ecs::convert(body, &mut p.extra);
        }
        if self.type_stable && !p.plain && shape::stable::stabilize(&mut p.body, self.schema) {
            summary.shaped.coerced += 1;
        }
        let event = &delivery.log_events[p.event];
        let meta = Meta {
            source,
            event_id: &event.id,
            timestamp_ms: event.timestamp,
        };
        let before = records.len();
        let fit = shape::write_fitted(
            &p.body,
            &p.extra,
            &meta,
            self.oversize,
            self.limits.max_record_bytes,
            records,
        )?;
        records.key_since(before, &event.id, event.timestamp);
        match fit {
            Fit::Whole => {}
            Fit::Truncated => {
                summary.shaped.truncated += 1;
                tracing::warn!(event_id = %event.id, "record over the destination's record limit was truncated");
            }
            Fit::Split(parts) => {
                summary.shaped.split += 1;
                tracing::warn!(event_id = %event.id, parts, "record over the destination's record limit was split");
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Runtime, Shaping};
    use crate::sinks::firehose::batch::MAX_RECORD_BYTES;

    fn event_with(messages: Vec<String>) -> Vec<u8> {
        let origin = crate::encode::Origin::default();
        crate::encode::event(&crate::encode::payload(&origin, messages))
    }

    fn pipeline(oversize: Oversize) -> Pipeline {
        Pipeline::new(&Config {
            shaping: Shaping {
                oversize,
                ..Shaping::default()
            },
            ..Config::default()
        })
        .unwrap()
    }

    #[test]
    fn the_budget_is_three_quarters_of_memory_and_the_payload_cap_half_of_that() {
        assert_eq!(memory_budget(128), 96 << 20);
        assert_eq!(memory_budget(10_240), 7680 << 20);
        let p = Pipeline::new(&Config {
            runtime: Runtime {
                memory_mb: 128,
                ..Runtime::default()
            },
            ..Config::default()
        })
        .unwrap();
        assert_eq!(p.max_payload_bytes(), 48 << 20);
    }

    #[test]
    fn a_delivery_is_taken_by_the_smallest_memory_whose_budget_covers_it_and_refused_below() {
        let event = event_with(vec!["x".to_owned(); 20_000]);
        let payload = decode::decompress(&event).unwrap();
        let origin = crate::encode::Origin::default();
        let source = Source::with_schema(
            &origin.log_group,
            &origin.log_stream,
            &origin.owner,
            Schema::Python,
        );
        let needed = peak_estimate(payload.len(), 20_000, source.rendered_len() + 96);
        // The smallest memory whose budget covers it, and the one below.
        let fits = (1..).find(|&mb| memory_budget(mb) >= needed).unwrap();
        for (memory_mb, ok) in [(fits, true), (fits - 1, false)] {
            let p = Pipeline::new(&Config {
                runtime: Runtime {
                    memory_mb,
                    ..Runtime::default()
                },
                ..Config::default()
            })
            .unwrap();
            match prepare(&event, &p) {
                Ok(prepared) => assert!(ok && prepared.records.len() == 20_000),
                Err(err) => assert!(!ok && err.error_type() == "OverMemoryBudget", "{err}"),
            }
        }
    }

    #[test]
    fn a_record_over_the_firehose_limit_is_truncated_and_counted_not_dropped() {
        let big = format!(
            "2024-05-11T14:44:44+0000 app INFO {}",
            "x".repeat(MAX_RECORD_BYTES + 10)
        );
        let p = prepare(
            &event_with(vec!["small".into(), big]),
            &pipeline(Oversize::Truncate),
        )
        .unwrap();
        assert_eq!(p.summary.shaped.records, 2);
        assert_eq!(p.summary.shaped.truncated, 1);
        assert!(p.records.iter().all(|r| r.len() <= MAX_RECORD_BYTES));
        let sizes: Vec<usize> = p.records.iter().map(<[u8]>::len).collect();
        assert_eq!(crate::sinks::firehose::batch::plan(&sizes), vec![0..2]);
    }

    #[test]
    fn with_record_packing_ten_thousand_documents_travel_in_a_few_records_of_the_same_bytes() {
        let messages: Vec<String> = (0..10_000)
            .map(|i| {
                format!(
                    "2024-05-11T14:44:44+0000 app INFO line {i} {}",
                    "x".repeat(250)
                )
            })
            .collect();
        let event = event_with(messages);
        let plain = prepare(&event, &pipeline(Oversize::Truncate)).unwrap();
        let mut packing = pipeline(Oversize::Truncate);
        packing.limits.record_packing = true;
        let packed = prepare(&event, &packing).unwrap();
        assert_eq!(packed.summary.shaped.records, 10_000);
        let bytes = plain.records.as_bytes().len();
        assert_eq!(
            packed.summary.shaped.outgoing,
            bytes.div_ceil(MAX_RECORD_BYTES)
        );
        assert_eq!(packed.records.as_bytes(), plain.records.as_bytes());
        assert!(
            packed
                .records
                .iter()
                .all(|r| r.len() <= MAX_RECORD_BYTES && r.ends_with(b"\n"))
        );
        assert_eq!(plain.summary.shaped.outgoing, 10_000);
    }

    #[test]
    fn with_the_fail_policy_an_oversize_record_fails_the_whole_invocation() {
        let big = "y".repeat(MAX_RECORD_BYTES + 10);
        let err = prepare(&event_with(vec![big]), &pipeline(Oversize::Fail)).unwrap_err();
        assert_eq!(err.error_type(), "RecordTooLarge");
    }

    #[test]
    fn a_control_message_prepares_nothing_to_send() {
        let payload = br#"{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],"logEvents":[{"id":"","timestamp":0,"message":"CWL CONTROL MESSAGE"}]}"#;
        let p = prepare(
            &crate::encode::event(payload),
            &pipeline(Oversize::Truncate),
        )
        .unwrap();
        assert!(p.summary.shaped.control);
        assert!(p.records.is_empty());
    }

    #[test]
    fn a_preview_shows_only_the_beginning_and_says_how_much_is_hidden() {
        assert_eq!(preview(b"abcdef", 4), "abcd…[2 more bytes]");
        assert_eq!(preview(b"abc", 4), "abc");
        assert_eq!(preview(b"abcd", 4), "abcd");
    }

    #[test]
    fn a_delivery_from_the_functions_own_log_group_is_counted_and_never_forwarded() {
        let config = Config {
            runtime: Runtime {
                own_log_group: Some("/aws/lambda/example".into()),
                ..Runtime::default()
            },
            ..Config::default()
        };
        let own = Pipeline::new(&config).unwrap();
        // encode's default log group is /aws/lambda/example.
        let event = event_with(vec!["one".into(), "two".into()]);
        let p = prepare(&event, &own).unwrap();
        assert_eq!((p.summary.shaped.events, p.summary.shaped.own_logs), (2, 2));
        assert!(p.records.is_empty());
        // Another group is forwarded as ever.
        let p = prepare(&event, &pipeline(Oversize::Truncate)).unwrap();
        assert_eq!(
            (p.summary.shaped.records, p.summary.shaped.own_logs),
            (2, 0)
        );
    }
}
