//! The items' bookkeeping: what each fate does to the counts, and that a
//! clash is repaired once, then kept for the backup.

use super::*;

fn records(docs: &[&str]) -> Records {
    let mut r = Records::default();
    r.keep_keys("123456789012", "/ecs/orders", "app/1");
    for (i, d) in docs.iter().enumerate() {
        r.push(format!("{d}\n").as_bytes());
        r.key_since(i, &format!("{i:056}"), 1_715_438_684_000);
    }
    r
}

fn settings(ids: bool) -> OpenSearchSettings {
    OpenSearchSettings {
        endpoint: "http://127.0.0.1:9200".to_owned(),
        signing: config::Signing::Domain,
        index: "logs".to_owned(),
        max_bulk_bytes: config::DEFAULT_BULK_BYTES,
        gzip: true,
        ids,
        backup_bucket: None,
        routes: Vec::new(),
    }
}

const CLASH: &str = "object mapping for [detail] tried to parse field [detail] as object, but found a concrete value";

fn clash() -> Fate {
    Fate::Clash {
        code: "mapper_parsing_exception".to_owned(),
        reason: CLASH.to_owned(),
    }
}

#[test]
fn each_item_is_created_under_its_log_streams_scope_and_event_id_in_the_events_daily_index() {
    let r = records(&[r#"{"message":"a"}"#]);
    let items = Items::new(&r, r.keys(), &settings(true));
    let (action, doc) = items.item(0);
    let action: serde_json::Value = serde_json::from_slice(action).unwrap();
    assert_eq!(action["create"]["_index"], "logs-2024-05-11");
    // The log stream's scope, then the event id.
    let id = action["create"]["_id"].as_str().unwrap();
    assert!(
        id.ends_with(&format!("-{:056}", 0)) && id.len() == 16 + 1 + 56,
        "{id}"
    );
    assert_eq!(doc, b"{\"message\":\"a\"}\n");
}

#[test]
fn a_log_groups_documents_go_to_the_index_its_first_matching_entry_names() {
    let r = records(&[r#"{"message":"a"}"#]);
    let index_of = |routes: Vec<config::Route>| {
        let settings = OpenSearchSettings {
            routes,
            ..settings(true)
        };
        let items = Items::new(&r, r.keys(), &settings);
        let action: serde_json::Value = serde_json::from_slice(items.item(0).0).unwrap();
        action["create"]["_index"].as_str().unwrap().to_owned()
    };
    let route = |pattern: &str, index: Option<&str>| config::Route {
        patterns: vec![pattern.to_owned()],
        index: index.map(str::to_owned),
    };
    assert_eq!(
        index_of(vec![route("/ecs/*", Some("orders"))]),
        "orders-2024-05-11"
    );
    // The first entry that matches decides, as it decides the formats:
    // one without an index keeps OPENSEARCH_INDEX.
    let first_plain = vec![route("/ecs/ord*", None), route("/ecs/*", Some("orders"))];
    assert_eq!(index_of(first_plain), "logs-2024-05-11");
    assert_eq!(
        index_of(vec![route("/other", Some("x"))]),
        "logs-2024-05-11"
    );
}

#[test]
fn without_document_ids_a_document_is_indexed_at_least_once_under_no_id() {
    let r = records(&[r#"{"message":"a"}"#]);
    let items = Items::new(&r, r.keys(), &settings(false));
    let (action, _) = items.item(0);
    let action: serde_json::Value = serde_json::from_slice(action).unwrap();
    assert_eq!(action["index"]["_index"], "logs-2024-05-11");
    assert!(action["index"].get("_id").is_none());
}

#[test]
fn a_clash_is_repaired_once_and_counted_then_a_second_refusal_is_kept_for_the_backup() {
    let r = records(&[r#"{"message":"a","detail":"flat"}"#]);
    let mut items = Items::new(&r, r.keys(), &settings(true));
    let mut counts = Delivered::default();
    let again = items.settle(0, clash(), Schema::Python, &mut counts);
    assert_eq!(again, Settled::Repaired, "sent again at once");
    assert_eq!(counts.coerced, 1);
    let (_, doc) = items.item(0);
    let doc: serde_json::Value = serde_json::from_slice(doc).unwrap();
    assert_eq!(doc["structured"]["detail"], "flat", "{doc}");
    assert!(doc.get("detail").is_none());
    // Refused again: no second repair, kept for the backup.
    let again = items.settle(0, clash(), Schema::Python, &mut counts);
    assert_eq!(again, Settled::Done);
    assert_eq!((counts.coerced, items.refused.len()), (1, 1));
}

#[test]
fn duplicates_count_as_delivered_and_retries_wait() {
    let r = records(&["{}", "{}", "{}"]);
    let mut items = Items::new(&r, r.keys(), &settings(true));
    let mut counts = Delivered::default();
    assert_eq!(
        items.settle(0, Fate::Indexed, Schema::Python, &mut counts),
        Settled::Done
    );
    assert_eq!(
        items.settle(1, Fate::Duplicate, Schema::Python, &mut counts),
        Settled::Done
    );
    assert_eq!(
        items.settle(
            2,
            Fate::Retry("HTTP 429".into()),
            Schema::Python,
            &mut counts
        ),
        Settled::Again("HTTP 429".into())
    );
    assert_eq!((counts.sent, counts.duplicates), (2, 1));
}

#[test]
fn a_whole_call_answered_429_or_5xx_is_retried_and_413_names_the_setting() {
    assert!(matches!(status_failure(429, b"slow down"), Call::Again(_)));
    assert!(matches!(status_failure(503, b""), Call::Again(_)));
    match status_failure(413, b"too big") {
        Call::Fatal { message, .. } => assert!(message.contains("OPENSEARCH_BULK_BYTES")),
        _ => panic!("413 is not retried"),
    }
    assert!(matches!(status_failure(403, b"denied"), Call::Fatal { .. }));
}
