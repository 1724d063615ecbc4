//! The shipped dashboards, imported into OpenSearch Dashboards by the
//! set-up: the saved objects of `opensearch/dashboards*.ndjson`
//! (written by `opensearch/make_dashboards.py`), the multipart body of the
//! saved-objects import API, and the check of its answer.
//!
//! The import is `POST /_dashboards/api/saved_objects/_import?overwrite=true`
//! with the file in the form field `file`
//! (<https://docs.opensearch.org/latest/dashboards/management/saved-objects-api/>;
//! OpenSearch Dashboards' `src/core/server/saved_objects/routes/import.ts`).
//! `overwrite` replaces objects with the same type and id, ours being
//! namespaced (`ltf-py-…`), and leaves every other object alone, so a
//! redeploy updates the dashboards in place and never duplicates them.

use serde::Deserialize;

const PYTHON: &str = include_str!("../../opensearch/dashboards.ndjson");
const ECS: &str = include_str!("../../opensearch/dashboards-ecs.ndjson");

/// The index pattern id the shipped objects refer to: the template's
/// default `IndexName`.
const SHIPPED_PATTERN_ID: &str = "logs";

/// The multipart boundary: a fixed string no NDJSON line of ours holds.
const BOUNDARY: &str = "logs-to-firehose-dashboards-7f3a9c";

/// The saved objects for one schema, ready to import.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SavedObjects {
    /// Must end in `.ndjson`: the import refuses any other extension.
    pub file_name: &'static str,
    pub ndjson: String,
    /// Objects in the file, the export summary line left out: the import
    /// must report this many successes.
    pub count: usize,
}

/// Why the shipped file can't be imported as it is.
#[derive(Debug, thiserror::Error)]
pub enum DashboardsError {
    #[error("the shipped saved objects are not NDJSON: {0}")]
    NotJson(#[source] serde_json::Error),
}

/// Why an import that answered 200 still failed.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub(crate) enum ImportError {
    #[error("the import answered what is not its result: {0}")]
    NotAResult(String),
    /// Fewer objects imported than sent, with the first error's type and
    /// the object it names.
    #[error("{imported} of {sent} saved objects imported ({errors} errors){}", first.as_ref().map_or(String::new(), |(kind, object)| format!("; first error: {kind} on {object}")))]
    Refused {
        imported: usize,
        sent: usize,
        errors: usize,
        first: Option<(String, String)>,
    },
}

/// The saved objects for `schema` (`ecs` or the python-json-logger
/// default), with the index pattern they ship (id `logs`, title `logs-*`)
/// and every reference to it made `index`'s, as the set-up's own pattern
/// call makes it.
pub(crate) fn saved_objects(
    schema: Option<&str>,
    index: &str,
) -> Result<SavedObjects, DashboardsError> {
    let (file_name, shipped) = match schema {
        Some("ecs") => ("dashboards-ecs.ndjson", ECS),
        _ => ("dashboards.ndjson", PYTHON),
    };
    let mut lines = Vec::new();
    let mut count = 0;
    for line in shipped.lines().filter(|l| !l.trim().is_empty()) {
        let mut object: serde_json::Value =
            serde_json::from_str(line).map_err(DashboardsError::NotJson)?;
        if object["type"] == "index-pattern" && object["id"] == SHIPPED_PATTERN_ID {
            object["id"] = index.into();
            object["attributes"]["title"] = format!("{index}-*").into();
        }
        if object.get("exportedCount").is_none() {
            count += 1;
            for reference in object["references"].as_array_mut().into_iter().flatten() {
                if reference["type"] == "index-pattern" && reference["id"] == SHIPPED_PATTERN_ID {
                    reference["id"] = index.into();
                }
            }
        }
        lines.push(object.to_string());
    }
    Ok(SavedObjects {
        file_name,
        ndjson: lines.join("\n") + "\n",
        count,
    })
}

impl SavedObjects {
    /// The `content-type` header of the import request.
    pub(crate) fn content_type() -> String {
        format!("multipart/form-data; boundary={BOUNDARY}")
    }

    /// The import request's body: one form field `file`, as a browser (or
    /// `curl --form file=@…`) sends it.
    pub(crate) fn multipart(&self) -> Vec<u8> {
        let mut body = Vec::with_capacity(self.ndjson.len() + 256);
        body.extend_from_slice(format!("--{BOUNDARY}\r\n").as_bytes());
        body.extend_from_slice(
            format!(
                "Content-Disposition: form-data; name=\"file\"; filename=\"{}\"\r\n",
                self.file_name
            )
            .as_bytes(),
        );
        body.extend_from_slice(b"Content-Type: application/ndjson\r\n\r\n");
        body.extend_from_slice(self.ndjson.as_bytes());
        body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
        body
    }

    /// Whether the import's answer says every object was imported. The
    /// API answers 200 even when it imported nothing (a missing reference
    /// stops the whole file), so the body decides.
    pub(crate) fn check(&self, reply: &[u8]) -> Result<(), ImportError> {
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Outcome {
            success: bool,
            #[serde(default)]
            success_count: usize,
            #[serde(default)]
            errors: Vec<serde_json::Value>,
        }
        let outcome: Outcome = serde_json::from_slice(reply).map_err(|_| {
            ImportError::NotAResult(
                String::from_utf8_lossy(&reply[..reply.len().min(300)]).into_owned(),
            )
        })?;
        if outcome.success && outcome.success_count == self.count {
            return Ok(());
        }
        let first = outcome.errors.first().map(|e| {
            let text = |v: &serde_json::Value| v.as_str().unwrap_or("?").to_owned();
            (
                text(&e["error"]["type"]),
                format!("{} {}", text(&e["type"]), text(&e["id"])),
            )
        });
        Err(ImportError::Refused {
            imported: outcome.success_count,
            sent: self.count,
            errors: outcome.errors.len(),
            first,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_objects_parse_and_point_at_the_stacks_index_pattern() {
        for schema in [None, Some("ecs")] {
            let objects = saved_objects(schema, "applogs").unwrap();
            assert!(objects.file_name.ends_with(".ndjson"));
            assert!(objects.count > 10, "{}", objects.count);
            let patterns: Vec<String> = objects
                .ndjson
                .lines()
                .flat_map(|l| {
                    let v: serde_json::Value = serde_json::from_str(l).unwrap();
                    v["references"].as_array().cloned().unwrap_or_default()
                })
                .filter(|r| r["type"] == "index-pattern")
                .map(|r| r["id"].as_str().unwrap().to_owned())
                .collect();
            assert!(!patterns.is_empty());
            assert!(patterns.iter().all(|id| id == "applogs"), "{patterns:?}");
            let first: serde_json::Value =
                serde_json::from_str(objects.ndjson.lines().next().unwrap()).unwrap();
            assert_eq!(
                (&first["type"], &first["id"], &first["attributes"]["title"]),
                (
                    &"index-pattern".into(),
                    &"applogs".into(),
                    &"applogs-*".into()
                )
            );
        }
    }

    #[test]
    fn the_body_is_one_form_field_named_file_holding_the_ndjson() {
        let objects = saved_objects(None, "logs").unwrap();
        let body = String::from_utf8(objects.multipart()).unwrap();
        let boundary = SavedObjects::content_type()
            .strip_prefix("multipart/form-data; boundary=")
            .unwrap()
            .to_owned();
        assert!(!objects.ndjson.contains(&boundary));
        let parts: Vec<&str> = body.split(&format!("--{boundary}")).collect();
        assert_eq!(parts.len(), 3, "one part, then the closing delimiter");
        assert_eq!(parts[2], "--\r\n");
        let (head, content) = parts[1].split_once("\r\n\r\n").unwrap();
        assert!(head.contains("name=\"file\"; filename=\"dashboards.ndjson\""));
        assert_eq!(content, format!("{}\r\n", objects.ndjson));
    }

    #[test]
    fn an_answer_is_a_success_only_when_every_object_was_imported() {
        let objects = saved_objects(None, "logs").unwrap();
        let n = objects.count;
        let ok = format!(r#"{{"success":true,"successCount":{n},"successResults":[]}}"#);
        assert_eq!(objects.check(ok.as_bytes()), Ok(()));
        let missing = r#"{"success":false,"successCount":0,"errors":[{"id":"ltf-py-overview","type":"dashboard","title":"t","error":{"type":"missing_references","references":[{"type":"index-pattern","id":"logs"}]}}]}"#;
        assert_eq!(
            objects.check(missing.as_bytes()).unwrap_err().to_string(),
            format!(
                "0 of {n} saved objects imported (1 errors); first error: missing_references on dashboard ltf-py-overview"
            )
        );
        let short = r#"{"success":true,"successCount":3}"#;
        assert!(objects.check(short.as_bytes()).is_err());
        let html = b"<html>Dashboards is not ready</html>";
        assert!(
            objects
                .check(html)
                .unwrap_err()
                .to_string()
                .contains("not its result")
        );
    }
}
