//! The post-deploy set-up: a CloudFormation custom resource
//! (`Custom::OpenSearchSetup`) served by this same function, so the whole
//! stack needs no step by hand after `sam deploy`.
//!
//! On Create and Update it makes, in OpenSearch's security plugin, a
//! least-privilege write role for Firehose (index permissions on
//! `<IndexName>-*` only) and maps Firehose's IAM role to it; installs the
//! shipped index template for `<IndexName>-*`; and creates the Dashboards
//! index pattern on `@timestamp`, then imports the shipped dashboards
//! (`dashboards`) on that pattern. Every call is idempotent (PUT, or an
//! overwrite), so an Update, or a retry, does the same again. On Delete it
//! changes nothing: the domain is retained with the stack's data, and a
//! Delete after a failed Create must succeed.
//!
//! It answers CloudFormation on every path, success or failure, by PUT to
//! the request's pre-signed `ResponseURL`
//! (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html>),
//! and always before its own deadline, so a stack never hangs waiting. The
//! master password is read from Secrets Manager, sent only in the calls'
//! `Authorization` header, and never logged.
//!
//! This module is pure: the event, the calls to make, the answer's body.
//! `http` makes the calls.

mod dashboards;
pub(crate) mod http;

pub(crate) use dashboards::DashboardsError;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::https::HttpError;

/// The shipped index templates, installed as they are but for the index
/// pattern, which follows `IndexName`.
const PYTHON_TEMPLATE: &str = include_str!("../../opensearch/index-template.json");
const ECS_TEMPLATE: &str = include_str!("../../opensearch/index-template-ecs.json");

/// A CloudFormation custom resource request
/// (<https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html>).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct Request<'a> {
    #[serde(borrow)]
    pub request_type: Cow<'a, str>,
    #[serde(rename = "ResponseURL", borrow)]
    pub response_url: Cow<'a, str>,
    #[serde(borrow)]
    pub stack_id: Cow<'a, str>,
    #[serde(borrow)]
    pub request_id: Cow<'a, str>,
    #[serde(borrow)]
    pub logical_resource_id: Cow<'a, str>,
    #[serde(default, borrow)]
    pub physical_resource_id: Option<Cow<'a, str>>,
    #[serde(default)]
    pub resource_properties: Properties,
}

/// What the template passes to the set-up.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct Properties {
    /// The domain's endpoint: a host name (HTTPS), or a full URL.
    #[serde(default)]
    pub domain_endpoint: String,
    #[serde(default)]
    pub index_name: String,
    #[serde(default)]
    pub firehose_role_arn: String,
    /// A Secrets Manager secret holding `{"username": …, "password": …}`.
    #[serde(default)]
    pub master_user_secret_arn: String,
    /// `python` or `ecs`: which shipped template to install.
    #[serde(default)]
    pub schema: Option<String>,
    /// `"true"`: the domain publishes audit logs, so turn the security
    /// plugin's audit logging on too. Publishing alone logs nothing: AWS
    /// documents it as a second step, in Dashboards or the audit API
    /// (<https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html>).
    #[serde(default)]
    pub audit_logs: Option<String>,
}

/// Why a request could not be served. The answer to CloudFormation says
/// it; the password never appears in it.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("not a CloudFormation custom resource request: {0}")]
    NotARequest(#[source] serde_json::Error),
    #[error("property {0} is missing")]
    Missing(&'static str),
    #[error("the master user secret: {0}")]
    Secret(#[from] SecretError),
    #[error("the shipped index template is not JSON: {0}")]
    Template(#[source] serde_json::Error),
    #[error(transparent)]
    Dashboards(#[from] DashboardsError),
    #[error("{call}: {why}")]
    Call {
        call: String,
        #[source]
        why: HttpError,
    },
    #[error("could not answer CloudFormation: {0}")]
    Answer(#[source] HttpError),
    /// The function could build no HTTPS client (no TLS roots); it still
    /// serves logs.
    #[error("could not answer CloudFormation: no HTTPS client: no TLS roots: {0}")]
    NoHttps(#[source] std::sync::Arc<std::io::Error>),
}

impl SetupError {
    /// A stable name for the error, used as the Lambda `errorType`.
    pub(crate) fn error_type(&self) -> &'static str {
        match self {
            SetupError::NotARequest(_) => "InvalidCustomResourceRequest",
            SetupError::Missing(_) => "SetupPropertyMissing",
            SetupError::Secret(_) => "SetupSecret",
            SetupError::Template(_) | SetupError::Dashboards(_) | SetupError::Call { .. } => {
                "SetupCallFailed"
            }
            SetupError::Answer(_) | SetupError::NoHttps(_) => "SetupAnswerFailed",
        }
    }
}

/// Why the master user could not be read. Never the secret's content.
#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error("{}", aws_sdk_secretsmanager::error::DisplayErrorContext(.0.as_ref()))]
    Fetch(
        Box<
            aws_sdk_secretsmanager::error::SdkError<
                aws_sdk_secretsmanager::operation::get_secret_value::GetSecretValueError,
            >,
        >,
    ),
    #[error("expected a JSON string with \"username\" and \"password\"")]
    Shape,
    #[error("no answer before the deadline")]
    Timeout,
}

/// Which service a call goes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Service {
    OpenSearch,
    /// Dashboards, under `/_dashboards` on the same endpoint; its API
    /// wants an `osd-xsrf` header.
    Dashboards,
}

/// One HTTP call of the set-up.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Call {
    pub name: &'static str,
    pub service: Service,
    pub method: &'static str,
    pub path: String,
    pub body: Payload,
}

/// What a call sends.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Payload {
    Json(serde_json::Value),
    /// Saved objects for the import API: a multipart upload whose 200
    /// answer must also say every object was imported.
    Import(dashboards::SavedObjects),
}

/// The security plugin role for Firehose on `index`: what AWS's guide for
/// Firehose into a fine-grained access control domain grants, on this
/// stack's indices only
/// (<https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html>,
/// <https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html#using-iam-es>).
pub(crate) fn role_name(index: &str) -> String {
    format!("logs_to_firehose_writer_{index}")
}

/// The calls that set a domain up, in order, for `props`.
pub(crate) fn calls(props: &Properties) -> Result<Vec<Call>, SetupError> {
    let index = non_empty(&props.index_name, "IndexName")?;
    let firehose = non_empty(&props.firehose_role_arn, "FirehoseRoleArn")?;
    let pattern = format!("{index}-*");
    let role = role_name(index);
    let mut template: serde_json::Value = serde_json::from_str(match props.schema.as_deref() {
        Some("ecs") => ECS_TEMPLATE,
        _ => PYTHON_TEMPLATE,
    })
    .map_err(SetupError::Template)?;
    template["index_patterns"] = serde_json::json!([pattern]);
    let mut calls = vec![
        Call {
            name: "write role",
            service: Service::OpenSearch,
            method: "PUT",
            path: format!("/_plugins/_security/api/roles/{role}"),
            body: Payload::Json(serde_json::json!({
                "cluster_permissions": ["cluster_composite_ops", "cluster_monitor"],
                "index_permissions": [{
                    "index_patterns": [pattern],
                    "allowed_actions": ["crud", "create_index", "manage"],
                }],
            })),
        },
        Call {
            name: "role mapping",
            service: Service::OpenSearch,
            method: "PUT",
            path: format!("/_plugins/_security/api/rolesmapping/{role}"),
            body: Payload::Json(serde_json::json!({ "backend_roles": [firehose] })),
        },
        Call {
            name: "index template",
            service: Service::OpenSearch,
            method: "PUT",
            path: format!("/_index_template/{index}"),
            body: Payload::Json(template),
        },
        Call {
            name: "index pattern",
            service: Service::Dashboards,
            method: "POST",
            path: format!("/_dashboards/api/saved_objects/index-pattern/{index}?overwrite=true"),
            body: Payload::Json(serde_json::json!({
                "attributes": { "title": pattern, "timeFieldName": "@timestamp" },
            })),
        },
        // After the pattern: the import refuses objects whose pattern
        // doesn't exist yet.
        Call {
            name: "dashboards",
            service: Service::Dashboards,
            method: "POST",
            path: "/_dashboards/api/saved_objects/_import?overwrite=true".to_owned(),
            body: Payload::Import(dashboards::saved_objects(props.schema.as_deref(), index)?),
        },
    ];
    if props.audit_logs.as_deref().map(str::trim) == Some("true") {
        calls.push(audit_call());
    }
    Ok(calls)
}

/// Audit logging on, and nothing else changed: a JSON patch of the one
/// field keeps the plugin's default categories, which leave out
/// `AUTHENTICATED` and `GRANTED_PRIVILEGES`. So the forwarder's own
/// successful `_bulk` calls are not each logged (and paid for); failed
/// logins, missing privileges and security changes are
/// (<https://docs.opensearch.org/latest/security/audit-logs/index/>).
fn audit_call() -> Call {
    Call {
        name: "audit logging",
        service: Service::OpenSearch,
        method: "PATCH",
        path: "/_plugins/_security/api/audit".to_owned(),
        body: Payload::Json(
            serde_json::json!([{ "op": "add", "path": "/config/enabled", "value": true }]),
        ),
    }
}

fn non_empty<'a>(v: &'a str, name: &'static str) -> Result<&'a str, SetupError> {
    let v = v.trim();
    if v.is_empty() {
        Err(SetupError::Missing(name))
    } else {
        Ok(v)
    }
}

/// The base URL of the domain: `https://` before a bare host name.
pub(crate) fn base_url(endpoint: &str) -> String {
    let e = endpoint.trim().trim_end_matches('/');
    if e.starts_with("http://") || e.starts_with("https://") {
        e.to_owned()
    } else {
        format!("https://{e}")
    }
}

/// The answer CloudFormation reads from the response URL.
#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "PascalCase")]
pub(crate) struct Answer {
    pub status: &'static str,
    pub reason: String,
    pub physical_resource_id: String,
    pub stack_id: String,
    pub request_id: String,
    pub logical_resource_id: String,
}

/// CloudFormation's limit on the whole response body is 4,096 bytes; the
/// reason is kept well within it.
pub(crate) const MAX_REASON_BYTES: usize = 1000;

/// The answer to `request`: `SUCCESS`, or `FAILED` with `error` as the
/// reason. The physical id stays the same across Create and Update (the
/// domain and index), so an Update never makes CloudFormation delete the
/// "old" resource; a failed Create gets one of its own, which the Delete
/// that follows is then answered for.
pub(crate) fn answer(request: &Request<'_>, error: Option<&SetupError>) -> Answer {
    let props = &request.resource_properties;
    let physical = match (&request.physical_resource_id, error) {
        (Some(id), _) => id.to_string(),
        (None, None) => format!(
            "opensearch-setup:{}/{}",
            props.domain_endpoint.trim(),
            props.index_name.trim()
        ),
        (None, Some(_)) => format!("opensearch-setup-failed:{}", request.request_id),
    };
    let mut reason = match error {
        None => "set up".to_owned(),
        Some(e) => e.to_string(),
    };
    if reason.len() > MAX_REASON_BYTES {
        let mut cut = MAX_REASON_BYTES;
        while !reason.is_char_boundary(cut) {
            cut -= 1;
        }
        reason.truncate(cut);
    }
    Answer {
        status: if error.is_none() { "SUCCESS" } else { "FAILED" },
        reason,
        physical_resource_id: physical,
        stack_id: request.stack_id.to_string(),
        request_id: request.request_id.to_string(),
        logical_resource_id: request.logical_resource_id.to_string(),
    }
}

#[cfg(test)]
mod tests;
