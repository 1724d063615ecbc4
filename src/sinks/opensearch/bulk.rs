//! The `_bulk` request and its answer, as plain data: each document's
//! action line, the bodies planned within the size limit, and what the
//! answer says of each item
//! (<https://docs.opensearch.org/latest/api-reference/document-apis/bulk/>).
//!
//! Documents are sent with `create` and an `_id` derived from their
//! CloudWatch event, so a document already indexed answers `409`, which
//! counts as delivered: a retried Lambda event, or a redrive, never
//! indexes a document twice.

use std::ops::Range;

use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::json::{write_rfc3339_millis, write_str};

/// Appends a document's action line: `create` with its `_id` when it has
/// one (exactly once), `index` without (at least once), into the daily
/// index `<prefix>-YYYY-MM-DD` of the event's own time, so late logs land
/// on their own day.
pub(crate) fn action(out: &mut Vec<u8>, prefix: &str, time_ms: i64, id: Option<&str>) {
    let mut index = String::with_capacity(prefix.len() + 11);
    index.push_str(prefix);
    index.push('-');
    index.push_str(&day(time_ms));
    action_into(out, &index, id);
}

/// Appends an action line for the index `index` itself.
pub(crate) fn action_into(out: &mut Vec<u8>, index: &str, id: Option<&str>) {
    out.extend_from_slice(match id {
        Some(_) => b"{\"create\":{\"_index\":",
        None => b"{\"index\":{\"_index\":",
    });
    write_str(out, index);
    if let Some(id) = id {
        out.extend_from_slice(b",\"_id\":");
        write_str(out, id);
    }
    out.extend_from_slice(b"}}\n");
}

/// `YYYY-MM-DD` of a time in ms since the epoch, UTC.
fn day(time_ms: i64) -> String {
    let mut t = Vec::with_capacity(24);
    write_rfc3339_millis(&mut t, time_ms);
    String::from_utf8_lossy(&t[..10.min(t.len())]).into_owned()
}

/// Splits items, given their sizes (action line and document) in order,
/// into consecutive ranges, each one `_bulk` body of at most `max` bytes.
/// An item over `max` alone gets a body of its own, so a refusal of it
/// can't take others down with it.
pub(crate) fn bodies(sizes: &[usize], max: usize) -> Vec<Range<usize>> {
    let mut bodies = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, &size) in sizes.iter().enumerate() {
        if i > start && bytes + size > max {
            bodies.push(start..i);
            start = i;
            bytes = 0;
        }
        bytes += size;
    }
    if start < sizes.len() {
        bodies.push(start..sizes.len());
    }
    bodies
}

/// What the answer says of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fate {
    /// Indexed now.
    Indexed,
    /// `409` to `create`: indexed before (a retried event, a redrive).
    Duplicate,
    /// Worth sending again: `429`, `5xx`.
    Retry(String),
    /// Refused for its types (a value whose type the index maps otherwise):
    /// repairable once, the way `redrive` repairs it. The error's type and
    /// reason.
    Clash { code: String, reason: String },
    /// Refused for good; the error's type and reason.
    Refused { code: String, reason: String },
}

/// Error types that mean a document's values clash with the index's
/// mapping, which moving the value under `structured` can fix.
const CLASH_TYPES: &[&str] = &[
    "mapper_parsing_exception",
    "document_parsing_exception",
    "illegal_argument_exception",
    "strict_dynamic_mapping_exception",
];

#[derive(Deserialize)]
struct Answer {
    items: Vec<Item>,
}

/// `{"create": {…}}` or `{"index": {…}}`: one key, the action.
#[derive(Deserialize)]
struct Item {
    #[serde(alias = "index", alias = "create")]
    action: Outcome,
}

#[derive(Deserialize)]
struct Outcome {
    status: u16,
    #[serde(default)]
    error: Option<ItemError>,
}

#[derive(Deserialize)]
struct ItemError {
    #[serde(default, rename = "type")]
    kind: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    caused_by: Option<Box<ItemError>>,
}

impl ItemError {
    /// The reason, with its cause's, as OpenSearch nests them.
    fn text(&self) -> String {
        match &self.caused_by {
            Some(c) if !c.reason.is_empty() => format!("{}: {}", self.reason, c.text()),
            _ => self.reason.clone(),
        }
    }
}

/// Each item's fate from a `_bulk` answer to `n` items. An answer that
/// doesn't account for every item, or can't be read, retries all of them:
/// a `409` later is better than a loss.
pub(crate) fn fates(answer: &[u8], n: usize) -> Vec<Fate> {
    #[derive(Deserialize)]
    struct Quick {
        errors: bool,
        items: Vec<IgnoredAny>,
    }
    // Most answers say no item failed; then only the count is read.
    if let Ok(Quick {
        errors: false,
        items,
    }) = serde_json::from_slice::<Quick>(answer)
        && items.len() == n
    {
        return vec![Fate::Indexed; n];
    }
    let unreadable = |why: &str| vec![Fate::Retry(why.to_owned()); n];
    let Ok(answer) = serde_json::from_slice::<Answer>(answer) else {
        return unreadable("the _bulk answer could not be read");
    };
    if answer.items.len() != n {
        return unreadable("the _bulk answer did not account for every item");
    }
    answer.items.into_iter().map(|i| fate(i.action)).collect()
}

fn fate(o: Outcome) -> Fate {
    let (kind, reason) = match &o.error {
        Some(e) => (e.kind.clone(), e.text()),
        None => (String::new(), String::new()),
    };
    match o.status {
        200..=299 => Fate::Indexed,
        409 => Fate::Duplicate,
        429 | 500..=599 => Fate::Retry(format!("HTTP {}: {kind}: {reason}", o.status)),
        _ if CLASH_TYPES.contains(&kind.as_str()) => Fate::Clash { code: kind, reason },
        _ => Fate::Refused { code: kind, reason },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_documents_action_names_its_daily_index_by_the_events_own_time_and_its_id() {
        let mut out = Vec::new();
        // 2024-05-11T23:59:59.999Z, then the next day's first millisecond.
        action(&mut out, "logs", 1_715_471_999_999, Some("123-1"));
        action(&mut out, "logs", 1_715_472_000_000, None);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"create\":{\"_index\":\"logs-2024-05-11\",\"_id\":\"123-1\"}}\n\
             {\"index\":{\"_index\":\"logs-2024-05-12\"}}\n"
        );
    }

    #[test]
    fn bodies_hold_as_many_items_as_fit_and_an_oversize_item_goes_alone() {
        assert_eq!(bodies(&[], 10), Vec::<Range<usize>>::new());
        assert_eq!(bodies(&[5, 5, 5], 10), vec![0..2, 2..3]);
        // Exactly at the limit fits; one byte over starts a new body.
        assert_eq!(bodies(&[4, 6, 1], 10), vec![0..2, 2..3]);
        assert_eq!(bodies(&[3, 20, 3], 10), vec![0..1, 1..2, 2..3]);
    }

    #[test]
    fn every_items_status_is_read_and_a_409_is_a_duplicate_not_a_failure() {
        let answer = br#"{"took":3,"errors":true,"items":[
            {"create":{"_index":"logs-2024-05-11","_id":"a","status":201}},
            {"create":{"_index":"logs-2024-05-11","_id":"b","status":409,"error":{"type":"version_conflict_engine_exception","reason":"[b]: version conflict, document already exists"}}},
            {"create":{"_index":"logs-2024-05-11","_id":"c","status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected"}}},
            {"create":{"_index":"logs-2024-05-11","_id":"d","status":400,"error":{"type":"mapper_parsing_exception","reason":"object mapping for [detail] tried to parse field [detail] as object, but found a concrete value"}}},
            {"create":{"_index":"logs-2024-05-11","_id":"e","status":400,"error":{"type":"illegal_state_exception","reason":"no"}}},
            {"index":{"_index":"logs-2024-05-11","_id":"f","status":503}}
        ]}"#;
        let f = fates(answer, 6);
        assert_eq!(f[0], Fate::Indexed);
        assert_eq!(f[1], Fate::Duplicate);
        assert!(matches!(&f[2], Fate::Retry(why) if why.contains("429")));
        assert!(
            matches!(&f[3], Fate::Clash { reason, .. } if reason.contains("object mapping for [detail]"))
        );
        assert_eq!(
            f[4],
            Fate::Refused {
                code: "illegal_state_exception".into(),
                reason: "no".into()
            }
        );
        assert!(matches!(&f[5], Fate::Retry(_)));
    }

    #[test]
    fn an_answer_that_does_not_account_for_every_item_retries_them_all() {
        let short = br#"{"errors":false,"items":[{"create":{"status":201}}]}"#;
        assert!(fates(short, 2).iter().all(|f| matches!(f, Fate::Retry(_))));
        assert!(
            fates(b"<html>", 1)
                .iter()
                .all(|f| matches!(f, Fate::Retry(_)))
        );
        let ok =
            br#"{"errors":false,"items":[{"create":{"status":201}},{"create":{"status":201}}]}"#;
        assert_eq!(fates(ok, 2), vec![Fate::Indexed; 2]);
    }
}
