//! Kinesis events: told apart by their keys, gathered in order, and
//! answered with the first stream record not done and every one after it.

use std::time::Duration;

use super::*;
use crate::config::Config;
use crate::decode;
use crate::encode::{self, Origin, SAMPLE_KINESIS_ARN};
use crate::kinds::is_kinesis;
use crate::sinks::{Backoff, FirehoseSink, Sink};

fn pipeline() -> Pipeline {
    Pipeline::new(&Config::default()).unwrap()
}

fn delivery(group: &str, lines: &[&str]) -> Vec<u8> {
    let origin = Origin {
        log_group: group.to_owned(),
        ..Origin::default()
    };
    encode::payload(&origin, lines.iter().map(|l| (*l).to_owned()).collect())
}

fn sequence_numbers(event: &[u8]) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(event).unwrap();
    v["Records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kinesis"]["sequenceNumber"].as_str().unwrap().to_owned())
        .collect()
}

/// The event with stream record `i`'s data replaced by `data`.
fn with_data(event: &[u8], i: usize, data: &str) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(event).unwrap();
    v["Records"][i]["kinesis"]["data"] = data.into();
    serde_json::to_vec(&v).unwrap()
}

const LINE: &str = "2024-05-11 14:44:44,123 - app - INFO - hello";

#[test]
fn kinesis_events_are_told_from_the_other_kinds_by_their_keys() {
    let event = encode::kinesis_event(&[delivery("/g", &[LINE])], SAMPLE_KINESIS_ARN);
    assert!(is_kinesis(&event));
    assert!(!is_kinesis(&encode::event(&delivery("/g", &[LINE]))));
    let firehose = encode::firehose_event(&[delivery("/g", &[LINE])], encode::SAMPLE_STREAM_ARN);
    assert!(!is_kinesis(&firehose));
    // An SQS or S3 event has "Records" too, without "kinesis" entries.
    assert!(!is_kinesis(br#"{"Records":[{"body":"kinesis"}]}"#));
    assert!(!is_kinesis(
        br#"{"Records":[{"s3":{"key":"\"kinesis\""}}]}"#
    ));
}

#[test]
fn the_event_encode_writes_is_what_aws_lambda_events_reads() {
    let event = encode::kinesis_event(&[delivery("/g", &[LINE])], SAMPLE_KINESIS_ARN);
    let parsed: aws_lambda_events::event::kinesis::KinesisEvent =
        serde_json::from_slice(&event).unwrap();
    assert_eq!(parsed.records.len(), 1);
    let data = parsed.records[0].kinesis.data.0.clone();
    let payload = decode::gunzip_capped(&data, 1 << 20).unwrap();
    assert_eq!(payload, delivery("/g", &[LINE]));
}

#[test]
fn two_deliveries_give_the_documents_of_both_in_stream_order() {
    let event = encode::kinesis_event(
        &[
            delivery("/ecs/orders", &[LINE, LINE]),
            delivery("/ecs/billing", &[LINE]),
        ],
        SAMPLE_KINESIS_ARN,
    );
    let g = gather(&event, &pipeline()).unwrap();
    assert_eq!(g.ends, [2, 3]);
    let groups: Vec<String> = g
        .records
        .iter()
        .map(|r| {
            serde_json::from_slice::<serde_json::Value>(r).unwrap()["cloudwatch"]["log_group"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(groups, ["/ecs/orders", "/ecs/orders", "/ecs/billing"]);
    assert_eq!(
        (
            g.summary.kinesis_counts().stream_records,
            g.summary.shaped.events,
            g.summary.shaped.records
        ),
        (2, 3, 3)
    );
    let sizes: Vec<usize> = g.records.iter().map(<[u8]>::len).collect();
    assert_eq!(crate::sinks::firehose::batch::plan(&sizes), vec![0..3usize]);
    assert!(item_failures(&g.ends, &g.sequence_numbers, &[]).is_empty());
}

#[test]
fn an_undecodable_record_is_reported_with_every_record_after_it_and_those_are_not_sent() {
    let event = encode::kinesis_event(
        &[
            delivery("/a", &[LINE]),
            delivery("/b", &[LINE]),
            delivery("/c", &[LINE]),
        ],
        SAMPLE_KINESIS_ARN,
    );
    let event = with_data(&event, 1, "bm90IGd6aXA="); // "not gzip"
    let g = gather(&event, &pipeline()).unwrap();
    assert_eq!(
        g.ends,
        [1],
        "only the record before the bad one is gathered"
    );
    let failed: Vec<String> = item_failures(&g.ends, &g.sequence_numbers, &[])
        .into_iter()
        .map(|f| f.item_identifier)
        .collect();
    assert_eq!(failed, sequence_numbers(&event)[1..]);
}

#[test]
fn a_record_with_an_unsent_document_is_reported_from_there_on() {
    let seqs: Vec<String> = ["1", "2", "3"].map(String::from).to_vec();
    let ends = [2, 2, 5]; // record 1 holds no documents (a control message)
    let ids = |unsent: &[usize]| -> Vec<String> {
        item_failures(&ends, &seqs, unsent)
            .into_iter()
            .map(|f| f.item_identifier)
            .collect()
    };
    assert_eq!(ids(&[1]), ["1", "2", "3"]);
    assert_eq!(ids(&[2, 4]), ["3"]);
    assert_eq!(ids(&[4]), ["3"]);
    assert!(ids(&[]).is_empty());
}

#[test]
fn control_messages_and_the_functions_own_log_group_forward_nothing_and_fail_nothing() {
    let control = br#"{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],"logEvents":[{"id":"","timestamp":1,"message":"CWL CONTROL MESSAGE: Checking health of destination Kinesis stream."}]}"#;
    let config = Config {
        runtime: crate::config::Runtime {
            own_log_group: Some("/aws/lambda/ltf".to_owned()),
            ..Default::default()
        },
        ..Config::default()
    };
    let event = encode::kinesis_event(
        &[control.to_vec(), delivery("/aws/lambda/ltf", &[LINE])],
        SAMPLE_KINESIS_ARN,
    );
    let g = gather(&event, &Pipeline::new(&config).unwrap()).unwrap();
    assert!(g.records.is_empty());
    assert_eq!(g.ends, [0, 0]);
    assert!(g.summary.shaped.control);
    assert_eq!(g.summary.shaped.own_logs, 1);
    assert!(item_failures(&g.ends, &g.sequence_numbers, &[]).is_empty());
}

#[test]
fn a_malformed_event_is_an_error_of_its_own_kind() {
    let err = gather(br#"{"Records":[{"kinesis":{}}]}"#, &pipeline()).unwrap_err();
    assert_eq!(err.error_type(), "InvalidKinesisEvent");
}

/// A Firehose that never accepts documents of log group `/b`.
fn client_refusing_group_b() -> aws_sdk_firehose::Client {
    crate::sinks::firehose::mock::refusing_client(|d| d.contains("\"log_group\":\"/b\""), |_| {})
}

#[tokio::test(start_paused = true)]
async fn documents_firehose_keeps_refusing_put_their_stream_record_in_batch_item_failures() {
    let event = encode::kinesis_event(
        &[
            delivery("/a", &[LINE]),
            delivery("/b", &[LINE]),
            delivery("/c", &[LINE]),
        ],
        SAMPLE_KINESIS_ARN,
    );
    let sink = Sink::Firehose(
        FirehoseSink::new(client_refusing_group_b(), "logs", 4).with_backoff(Backoff {
            base: Duration::from_millis(10),
            cap: Duration::from_millis(100),
            max_attempts: 3,
        }),
    );
    let deadline = Instant::now() + Duration::from_secs(60);
    let services = Services::new(&Config::default(), pipeline(), Some(sink));
    let outcome = handle(&event, &services, deadline).await;
    assert!(outcome.error.is_none());
    let (summary, Reply::Kinesis(response)) = (outcome.summary, outcome.reply) else {
        panic!("not a Kinesis reply")
    };
    let failed: Vec<&str> = response
        .batch_item_failures
        .iter()
        .map(|f| f.item_identifier.as_str())
        .collect();
    let seqs = sequence_numbers(&event);
    assert_eq!(failed, [&seqs[1], &seqs[2]]);
    assert_eq!(
        (
            summary.delivery.sent,
            summary.delivery.failed,
            summary.kinesis_counts().item_failures
        ),
        (2, 1, 2)
    );
    let json = serde_json::to_string(&response).unwrap();
    assert!(
        json.starts_with(r#"{"batchItemFailures":[{"itemIdentifier":""#),
        "{json}"
    );
}
