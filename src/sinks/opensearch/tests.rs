//! The items' bookkeeping: what each fate does to the counts, and that a
//! clash is repaired once, then kept for the backup.

use super::*;

fn records(docs: &[&str]) -> Records {
    let mut r = Records::default();
    r.keep_keys("123456789012", "/ecs/orders", "app/1", None);
    for (i, d) in docs.iter().enumerate() {
        r.push(format!("{d}\n").as_bytes());
        r.key_since(i, &format!("{i:056}"), 1_715_438_684_000);
    }
    r
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
    let items = Items::new(&r, r.keys(), "logs", true);
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
fn without_document_ids_a_document_is_indexed_at_least_once_under_no_id() {
    let r = records(&[r#"{"message":"a"}"#]);
    let items = Items::new(&r, r.keys(), "logs", false);
    let (action, _) = items.item(0);
    let action: serde_json::Value = serde_json::from_slice(action).unwrap();
    assert_eq!(action["index"]["_index"], "logs-2024-05-11");
    assert!(action["index"].get("_id").is_none());
}

#[test]
fn a_clash_is_repaired_once_and_counted_then_a_second_refusal_is_kept_for_the_backup() {
    let r = records(&[r#"{"message":"a","detail":"flat"}"#]);
    let mut items = Items::new(&r, r.keys(), "logs", true);
    let mut report = Report::default();
    let again = items.settle(0, clash(), Schema::Python, &mut report);
    assert_eq!(again, Some(None), "sent again at once");
    assert_eq!(report.coerced, 1);
    let (_, doc) = items.item(0);
    let doc: serde_json::Value = serde_json::from_slice(doc).unwrap();
    assert_eq!(doc["structured"]["detail"], "flat", "{doc}");
    assert!(doc.get("detail").is_none());
    // Refused again: no second repair, kept for the backup.
    let again = items.settle(0, clash(), Schema::Python, &mut report);
    assert_eq!(again, None);
    assert_eq!((report.coerced, items.refused.len()), (1, 1));
}

#[test]
fn duplicates_count_as_delivered_and_retries_wait() {
    let r = records(&["{}", "{}", "{}"]);
    let mut items = Items::new(&r, r.keys(), "logs", true);
    let mut report = Report::default();
    assert_eq!(
        items.settle(0, Fate::Indexed, Schema::Python, &mut report),
        None
    );
    assert_eq!(
        items.settle(1, Fate::Duplicate, Schema::Python, &mut report),
        None
    );
    assert_eq!(
        items.settle(
            2,
            Fate::Retry("HTTP 429".into()),
            Schema::Python,
            &mut report
        ),
        Some(Some("HTTP 429".into()))
    );
    assert_eq!((report.sent, report.duplicates), (2, 1));
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
