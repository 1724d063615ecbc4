//! The set-up's calls and answers, built from requests.

use super::*;

fn request(kind: &str, physical: Option<&str>) -> String {
    let mut r = serde_json::json!({
        "RequestType": kind,
        "ResponseURL": "http://127.0.0.1:1/response",
        "StackId": "arn:aws:cloudformation:us-east-1:123456789012:stack/s/1",
        "RequestId": "req-1",
        "ResourceType": "Custom::OpenSearchSetup",
        "LogicalResourceId": "OpenSearchSetup",
        "ResourceProperties": {
            "ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:f",
            "DomainEndpoint": "search-logs.us-east-1.es.amazonaws.com",
            "IndexName": "logs",
            "FirehoseRoleArn": "arn:aws:iam::123456789012:role/firehose",
            "MasterUserSecretArn": "arn:aws:secretsmanager:us-east-1:123456789012:secret:m",
            "Schema": "python",
        },
    });
    if let Some(p) = physical {
        r["PhysicalResourceId"] = p.into();
    }
    r.to_string()
}

#[test]
fn custom_resource_requests_are_told_from_the_other_kinds_by_their_keys() {
    use crate::kinds::is_setup;
    assert!(is_setup(request("Create", None).as_bytes()));
    assert!(!is_setup(br#"{"awslogs":{"data":"ResponseURL"}}"#));
    assert!(!is_setup(br#"{"Records":[{"kinesis":{}}]}"#));
}

#[test]
fn the_calls_grant_firehose_this_stacks_indices_only_and_install_the_template_and_pattern() {
    let text = request("Create", None);
    let r: Request<'_> = serde_json::from_str(&text).unwrap();
    let c = calls(&r.resource_properties).unwrap();
    let names: Vec<_> = c.iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        [
            "write role",
            "role mapping",
            "index template",
            "index pattern",
            "dashboards"
        ]
    );
    assert_eq!(
        c[0].path,
        "/_plugins/_security/api/roles/logs_to_firehose_writer_logs"
    );
    assert_eq!(
        c[0].json()["index_permissions"][0]["index_patterns"],
        serde_json::json!(["logs-*"])
    );
    assert_eq!(
        c[1].json()["backend_roles"],
        serde_json::json!(["arn:aws:iam::123456789012:role/firehose"])
    );
    assert_eq!(c[2].json()["index_patterns"], serde_json::json!(["logs-*"]));
    assert_eq!(
        c[2].json()["template"]["mappings"]["properties"]["@timestamp"]["type"],
        "date"
    );
    assert_eq!((c[3].service, c[3].method), (Service::Dashboards, "POST"));
    assert_eq!(c[3].json()["attributes"]["timeFieldName"], "@timestamp");
}

#[test]
fn audit_logs_true_adds_one_patch_that_turns_the_plugins_audit_logging_on_and_nothing_else() {
    let text = request("Create", None);
    let r: Request<'_> = serde_json::from_str(&text).unwrap();
    let mut props = r.resource_properties;
    assert_eq!(calls(&props).unwrap().len(), 5, "off unless asked");
    props.audit_logs = Some("true".into());
    let c = calls(&props).unwrap();
    let last = c.last().unwrap();
    assert_eq!(
        (last.name, last.method, last.path.as_str()),
        ("audit logging", "PATCH", "/_plugins/_security/api/audit")
    );
    assert_eq!(
        *last.json(),
        serde_json::json!([{"op": "add", "path": "/config/enabled", "value": true}])
    );
}

#[test]
fn a_missing_property_is_named() {
    let err = calls(&Properties::default()).unwrap_err();
    assert_eq!(err.to_string(), "property IndexName is missing");
}

#[test]
fn answers_keep_the_physical_id_and_a_failed_create_gets_its_own() {
    let create = request("Create", None);
    let created: Request<'_> = serde_json::from_str(&create).unwrap();
    let ok = answer(&created, None);
    assert_eq!(
        (ok.status, ok.physical_resource_id.as_str()),
        (
            "SUCCESS",
            "opensearch-setup:search-logs.us-east-1.es.amazonaws.com/logs"
        )
    );
    let failed = answer(&created, Some(&SetupError::Missing("IndexName")));
    assert_eq!(
        (failed.status, failed.physical_resource_id.as_str()),
        ("FAILED", "opensearch-setup-failed:req-1")
    );
    assert_eq!(failed.reason, "property IndexName is missing");
    let text = request("Update", Some("opensearch-setup:x/logs"));
    let update: Request<'_> = serde_json::from_str(&text).unwrap();
    assert_eq!(
        answer(&update, None).physical_resource_id,
        "opensearch-setup:x/logs"
    );
    let long = SetupError::Call {
        call: "c".into(),
        why: HttpError::Status {
            status: 500,
            body: "é".repeat(2000),
        },
    };
    assert!(answer(&created, Some(&long)).reason.len() <= MAX_REASON_BYTES);
}

#[test]
fn a_bare_host_is_https_and_a_url_is_kept() {
    assert_eq!(
        base_url("search-x.es.amazonaws.com"),
        "https://search-x.es.amazonaws.com"
    );
    assert_eq!(base_url("http://127.0.0.1:9200/"), "http://127.0.0.1:9200");
}

impl Call {
    fn json(&self) -> &serde_json::Value {
        match &self.body {
            Payload::Json(json) => json,
            Payload::Import(_) => panic!("{} is an import", self.name),
        }
    }
}

#[test]
fn the_dashboards_are_imported_after_the_pattern_they_refer_to_with_overwrite_and_the_schemas_file()
{
    let text = request("Create", None);
    let r: Request<'_> = serde_json::from_str(&text).unwrap();
    let mut props = r.resource_properties;
    for (schema, file) in [
        (None, "dashboards.ndjson"),
        (Some("ecs"), "dashboards-ecs.ndjson"),
    ] {
        props.schema = schema.map(str::to_owned);
        let c = calls(&props).unwrap();
        let import = &c[4];
        assert_eq!(
            (import.service, import.method, import.path.as_str()),
            (
                Service::Dashboards,
                "POST",
                "/_dashboards/api/saved_objects/_import?overwrite=true"
            )
        );
        let Payload::Import(objects) = &import.body else {
            panic!("not an import")
        };
        assert_eq!(objects.file_name, file);
        assert!(objects.ndjson.contains(r#""id":"logs","name":"kibanaSavedObjectMeta.searchSourceJSON.index","type":"index-pattern""#));
    }
}
