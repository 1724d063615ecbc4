//! Property tests: invariants that must hold for every input, not just the
//! ones we thought of. proptest shrinks any failure to a minimal case.

use std::borrow::Cow;

use logs_to_firehose::Delivery;
use logs_to_firehose::Parser;
use logs_to_firehose::sinks::firehose::batch::{
    MAX_BYTES_PER_CALL, MAX_RECORD_BYTES, MAX_RECORDS_PER_CALL, plan,
};
use logs_to_firehose::{Body, Meta, Source, Value, write_record};
use logs_to_firehose::{Config, FormatSettings, PlatformLines};
use proptest::prelude::*;

/// Record sizes as they come: mostly small, some at and around the record
/// limit, some far over it.
fn record_size() -> impl Strategy<Value = usize> {
    prop_oneof![
        8 => 1usize..20_000,
        1 => (MAX_RECORD_BYTES - 3)..=(MAX_RECORD_BYTES + 3),
        1 => (MAX_RECORD_BYTES + 4)..(3 * MAX_RECORD_BYTES),
        1 => Just(0usize),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn batching_never_breaks_a_limit_nor_loses_duplicates_or_reorders_a_record(
        sizes in prop::collection::vec(record_size(), 0..1500),
    ) {
        let batches = plan(&sizes);
        // Consecutive, non-empty, covering 0..n exactly once, in order.
        let mut next = 0;
        for b in &batches {
            prop_assert_eq!(b.start, next);
            prop_assert!(b.end > b.start);
            next = b.end;
            prop_assert!(b.len() <= MAX_RECORDS_PER_CALL);
            let bytes: usize = sizes[b.clone()].iter().sum();
            // An over-limit record travels alone, so the service's refusal
            // of it takes nothing else with it; any other batch is in limits.
            if sizes[b.clone()].iter().any(|&s| s > MAX_RECORD_BYTES) {
                prop_assert_eq!(b.len(), 1);
            } else {
                prop_assert!(bytes <= MAX_BYTES_PER_CALL);
            }
        }
        prop_assert_eq!(next, sizes.len());
    }
}

/// Lines a Python service (or the Lambda platform) really writes, plus
/// arbitrary text, so the parser meets both its paths and its edges.
fn log_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("2024-05-11T14:44:44+0000 app.db INFO connected".to_owned()),
        Just("2024-05-11T14:44:44+0000 app ERROR failed".to_owned()),
        Just("Traceback (most recent call last):".to_owned()),
        Just("  File \"/app/x.py\", line 3, in f".to_owned()),
        Just("ValueError: bad".to_owned()),
        Just("The above exception was the direct cause of the following exception:".to_owned()),
        Just("[INFO]\t2024-05-11T14:44:44.123Z\tr-1\thello".to_owned()),
        Just("START RequestId: r-1 Version: $LATEST".to_owned()),
        Just("END RequestId: r-1".to_owned()),
        Just("REPORT RequestId: r-1\tDuration: 1.5 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t".to_owned()),
        Just("RequestId: r-1 Error: Runtime exited with error: signal: killed".to_owned()),
        Just(r#"{"type":"platform.start","record":{"requestId":"r-1"}}"#.to_owned()),
        Just(r#"{"message":"json","levelname":"INFO"}"#.to_owned()),
        Just("WARNING:root:disk".to_owned()),
        Just(String::new()),
        "[ -~]{0,40}",
        any::<String>(),
    ]
}

fn platform_mode() -> impl Strategy<Value = PlatformLines> {
    prop_oneof![
        Just(PlatformLines::Report),
        Just(PlatformLines::Drop),
        Just(PlatformLines::Keep)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn every_event_becomes_a_record_a_joined_continuation_or_a_counted_drop(
        lines in prop::collection::vec(log_line(), 0..40),
        per_record in any::<bool>(),
        custom_format in any::<bool>(),
        platform in platform_mode(),
    ) {
        // Per-record events end in '\n' (the Lambda runtime); per-line
        // events don't (ECS, StreamHandler to stdout).
        let messages: Vec<String> = lines
            .into_iter()
            .map(|l| if per_record { format!("{l}\n") } else { l })
            .collect();
        let config = Config {
            formats: FormatSettings {
                platform_lines: platform,
                python_formats: if custom_format {
                    vec!["%(asctime)s %(name)s %(levelname)-8s %(message)s".to_owned()]
                } else {
                    vec![]
                },
                ..FormatSettings::default()
            },
            ..Config::default()
        };
        let parser = Parser::new(&config).unwrap();
        let d = Delivery::of_messages(&messages, 0);
        let source = Source::new("/aws/lambda/app", "s", "123456789012");
        let mut records = 0;
        let mut last_event = 0;
        let stats = parser.parse_each(&d, |p| {
            records += 1;
            // Records come out in event order.
            assert!(p.event >= last_event && p.event < messages.len());
            last_event = p.event;
            let mut out = Vec::new();
            let meta = Meta { source: &source, event_id: "e", timestamp_ms: 0 };
            write_record(&p.body, &p.extra, &meta, &mut out);
            let doc: serde_json::Value = serde_json::from_slice(&out)
                .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out)));
            assert!(doc.is_object());
        });
        prop_assert_eq!(records + stats.joined + stats.dropped, messages.len(), "{:?}", stats);
        // Only line-oriented events can be joined.
        if per_record {
            prop_assert_eq!(stats.joined, 0);
        }
    }
}

/// A value as python-json-logger would type it, from any input.
fn value() -> impl Strategy<Value = Value<'static>> {
    prop_oneof![
        any::<String>().prop_map(|s| Value::Str(s.into())),
        any::<i64>().prop_map(Value::Int),
        any::<f64>().prop_map(Value::Float),
        any::<bool>().prop_map(Value::Bool),
        Just(Value::Null),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn a_shaped_record_is_one_valid_json_line_that_round_trips(
        fields in prop::collection::btree_map("[a-zA-Z_]{1,12}|\\PC{1,8}", value(), 0..12),
        group in any::<String>(),
        stream in any::<String>(),
        event_id in any::<String>(),
        timestamp_ms in -62_135_596_800_000i64..253_402_300_799_999,
    ) {
        // Our own keys are covered by their own tests.
        let fields: Vec<(String, Value<'static>)> = fields
            .into_iter()
            .filter(|(k, _)| k != "@timestamp" && k != "cloudwatch")
            .collect();
        let body = Body::Fields(
            fields.iter().map(|(k, v)| (Cow::Owned(k.clone()), v.clone())).collect(),
        );
        let source = Source::new(&group, &stream, "123456789012");
        let meta = Meta { source: &source, event_id: &event_id, timestamp_ms };
        let mut out = Vec::new();
        write_record(&body, &[], &meta, &mut out);
        prop_assert_eq!(out.last(), Some(&b'\n'));
        prop_assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 1);
        let doc: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&out).unwrap();
        // The app's keys come first, in order, then ours.
        let keys: Vec<&String> = doc.keys().collect();
        prop_assert_eq!(keys.len(), fields.len() + 2);
        for (k, v) in &fields {
            let got = &doc[k];
            match v {
                Value::Str(s) => prop_assert_eq!(got.as_str(), Some(&**s)),
                Value::Int(n) => prop_assert_eq!(got.as_i64(), Some(*n)),
                Value::Float(f) if f.is_finite() => prop_assert_eq!(got.as_f64(), Some(*f)),
                Value::Float(_) | Value::Null => prop_assert!(got.is_null()),
                Value::Bool(b) => prop_assert_eq!(got.as_bool(), Some(*b)),
                Value::Raw(_) => unreachable!(),
            }
        }
        let cw = &doc["cloudwatch"];
        prop_assert_eq!(cw["log_group"].as_str(), Some(group.as_str()));
        prop_assert_eq!(cw["log_stream"].as_str(), Some(stream.as_str()));
        prop_assert_eq!(cw["event_id"].as_str(), Some(event_id.as_str()));
        prop_assert_eq!(doc["@timestamp"].as_str().map(str::len), Some(24));
    }

    #[test]
    fn a_json_line_passes_through_with_every_key_and_value_intact(
        object in prop::collection::btree_map("[a-z]{1,6}", value(), 0..8),
    ) {
        let map: serde_json::Map<String, serde_json::Value> = object
            .into_iter()
            .map(|(k, v)| {
                let j = match v {
                    Value::Str(s) => serde_json::Value::from(s.into_owned()),
                    Value::Int(n) => n.into(),
                    Value::Float(f) => serde_json::Number::from_f64(f)
                        .map_or(serde_json::Value::Null, serde_json::Value::Number),
                    Value::Bool(b) => b.into(),
                    _ => serde_json::Value::Null,
                };
                (k, j)
            })
            .collect();
        let text = serde_json::Value::Object(map.clone()).to_string();
        let source = Source::new("g", "s", "o");
        let meta = Meta { source: &source, event_id: "e", timestamp_ms: 0 };
        let mut out = Vec::new();
        write_record(&Body::Json(text.into()), &[], &meta, &mut out);
        let doc: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&out).unwrap();
        for (k, v) in &map {
            prop_assert_eq!(&doc[k], v);
        }
        prop_assert_eq!(doc.len(), map.len() + 2);
    }
}
