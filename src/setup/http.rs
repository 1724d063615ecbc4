//! The set-up's I/O: the master user from Secrets Manager, the calls to
//! the domain, and the answer to CloudFormation, each bounded by the
//! invocation's deadline.

use std::time::Duration;

use base64::Engine as _;
use tokio::time::Instant;

use super::{
    Call, Payload, Properties, Request, SecretError, Service, SetupError, answer, base_url, calls,
};
pub(crate) use crate::https::{Http, HttpError};

/// Longest one call to the domain may take.
pub(crate) const CALL_TIMEOUT: Duration = Duration::from_secs(15);

/// Time kept back from the deadline for answering CloudFormation: the
/// set-up's calls stop this long before it, so the answer always goes out.
pub(crate) const ANSWER_RESERVE: Duration = Duration::from_secs(5);

/// Answer attempts; the response URL is S3, which rarely fails twice.
const ANSWER_ATTEMPTS: u32 = 3;

/// The master user, from a Secrets Manager secret `{"username","password"}`.
pub(crate) struct Credentials {
    user: String,
    password: String,
}

impl Credentials {
    fn header(&self) -> String {
        let pair = format!("{}:{}", self.user, self.password);
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    }
}

async fn credentials(
    secrets: &aws_sdk_secretsmanager::Client,
    arn: &str,
) -> Result<Credentials, SetupError> {
    #[derive(serde::Deserialize)]
    struct Secret {
        username: String,
        password: String,
    }
    let value = secrets
        .get_secret_value()
        .secret_id(arn)
        .send()
        .await
        .map_err(|e| SecretError::Fetch(Box::new(e)))?;
    let text = value.secret_string().unwrap_or_default();
    // The error names the shape, never the content: serde's error would
    // quote it.
    let secret: Secret = serde_json::from_str(text).map_err(|_| SecretError::Shape)?;
    Ok(Credentials {
        user: secret.username,
        password: secret.password,
    })
}

/// How long to wait before trying a call again that failed in a way that
/// can pass: a new domain's security plugin and Dashboards can answer 5xx,
/// or refuse connections, for a while after the domain reports ready.
pub(crate) const RETRY_PAUSE: Duration = Duration::from_secs(2);

/// How one attempt at a call ended.
enum Attempt {
    Done,
    /// Worth trying again (transport error, 429, 5xx).
    Again(HttpError),
    Refused(HttpError),
}

async fn attempt(http: &Http, base: &str, auth: &str, c: &Call, wait: Duration) -> Attempt {
    let (content_type, body) = match &c.body {
        Payload::Json(json) => (
            "application/json".to_owned(),
            serde_json::to_vec(json).unwrap_or_default(),
        ),
        Payload::Import(objects) => (
            super::dashboards::SavedObjects::content_type(),
            objects.multipart(),
        ),
    };
    let mut headers = vec![
        ("authorization", auth.to_owned()),
        ("content-type", content_type),
    ];
    if c.service == Service::Dashboards {
        headers.push(("osd-xsrf", "true".to_owned()));
    }
    match http
        .send(c.method, &format!("{base}{}", c.path), &headers, body, wait)
        .await
    {
        Err(why) => Attempt::Again(why),
        Ok((status, reply)) if (200..300).contains(&status) => match &c.body {
            Payload::Import(objects) => match objects.check(&reply) {
                Ok(()) => Attempt::Done,
                Err(why) => Attempt::Refused(HttpError::Status {
                    status,
                    body: why.to_string(),
                }),
            },
            Payload::Json(_) => Attempt::Done,
        },
        Ok((status, reply)) => {
            let body = String::from_utf8_lossy(&reply[..reply.len().min(300)]).into_owned();
            let why = HttpError::Status { status, body };
            if status == 429 || status >= 500 {
                Attempt::Again(why)
            } else {
                Attempt::Refused(why)
            }
        }
    }
}

/// Makes one call, again after a pause while it fails in a way that can
/// pass and time remains; any other status but 2xx is an error naming
/// the call.
async fn call(
    http: &Http,
    base: &str,
    auth: &str,
    c: &Call,
    stop: Instant,
) -> Result<(), SetupError> {
    let failed = |why: HttpError| SetupError::Call {
        call: format!("{} ({} {})", c.name, c.method, c.path),
        why,
    };
    let mut last = HttpError::NoTime;
    loop {
        let wait = stop
            .saturating_duration_since(Instant::now())
            .min(CALL_TIMEOUT);
        if wait.is_zero() {
            return Err(failed(last));
        }
        match attempt(http, base, auth, c, wait).await {
            Attempt::Done => {
                tracing::info!(call = c.name, "set-up call done");
                return Ok(());
            }
            Attempt::Refused(why) => return Err(failed(why)),
            Attempt::Again(why) => {
                tracing::warn!(call = c.name, error = %why, "set-up call failed; trying again");
                last = why;
            }
        }
        if Instant::now() + RETRY_PAUSE >= stop {
            return Err(failed(last));
        }
        tokio::time::sleep(RETRY_PAUSE).await;
    }
}

/// Create and Update: every call, in order, stopping at the first failure.
async fn set_up(
    props: &Properties,
    secrets: &aws_sdk_secretsmanager::Client,
    http: &Http,
    stop: Instant,
) -> Result<(), SetupError> {
    let plan = calls(props)?;
    let endpoint = props.domain_endpoint.trim();
    if endpoint.is_empty() {
        return Err(SetupError::Missing("DomainEndpoint"));
    }
    if props.master_user_secret_arn.trim().is_empty() {
        return Err(SetupError::Missing("MasterUserSecretArn"));
    }
    let wait = stop.saturating_duration_since(Instant::now());
    let creds = tokio::time::timeout(
        wait,
        credentials(secrets, props.master_user_secret_arn.trim()),
    )
    .await
    .map_err(|_| SecretError::Timeout)??;
    let (base, auth) = (base_url(endpoint), creds.header());
    for c in &plan {
        call(http, &base, &auth, c, stop).await?;
    }
    Ok(())
}

/// Serves one custom resource request and answers it before `deadline`.
/// `Ok` with the status CloudFormation was given (`SUCCESS` or `FAILED`)
/// once it has its answer; `Err` only when no answer could be given, so
/// Lambda retries.
pub(crate) async fn handle(
    event: &[u8],
    secrets: &aws_sdk_secretsmanager::Client,
    http: &Http,
    deadline: Instant,
) -> Result<&'static str, SetupError> {
    let request: Request<'_> = serde_json::from_slice(event).map_err(SetupError::NotARequest)?;
    let stop = deadline
        .checked_sub(ANSWER_RESERVE)
        .unwrap_or_else(Instant::now);
    let outcome = match request.request_type.as_ref() {
        // The domain keeps its data and settings; nothing to undo, and a
        // Delete after a failed Create must succeed.
        "Delete" => Ok(()),
        _ => set_up(&request.resource_properties, secrets, http, stop).await,
    };
    match &outcome {
        Ok(()) => tracing::info!(request = %request.request_type, "set-up done"),
        Err(e) => {
            tracing::error!(request = %request.request_type, error = %e, kind = e.error_type(), "set-up failed; answering FAILED")
        }
    }
    let answer = answer(&request, outcome.as_ref().err());
    let body = serde_json::to_vec(&answer).unwrap_or_default();
    respond(http, &request.response_url, body, deadline).await?;
    Ok(answer.status)
}

/// PUTs the answer to the pre-signed URL, with no content type (the
/// signature covers none), retrying until it is taken or time runs out.
async fn respond(
    http: &Http,
    url: &str,
    body: Vec<u8>,
    deadline: Instant,
) -> Result<(), SetupError> {
    let mut last = HttpError::NoTime;
    for _ in 0..ANSWER_ATTEMPTS {
        let wait = deadline
            .saturating_duration_since(Instant::now())
            .min(CALL_TIMEOUT);
        if wait.is_zero() {
            break;
        }
        let headers = [("content-type", String::new())];
        match http.send("PUT", url, &headers, body.clone(), wait).await {
            Ok((status, _)) if (200..300).contains(&status) => return Ok(()),
            Ok((status, reply)) => {
                let body = String::from_utf8_lossy(&reply).into_owned();
                last = HttpError::Status { status, body };
            }
            Err(e) => last = e,
        }
    }
    Err(SetupError::Answer(last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_secretsmanager::operation::get_secret_value::GetSecretValueOutput;
    use aws_smithy_mocks::{RuleMode, mock, mock_client};
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    use tokio::net::TcpListener;

    fn secrets() -> aws_sdk_secretsmanager::Client {
        let rule = mock!(aws_sdk_secretsmanager::Client::get_secret_value).then_output(|| {
            GetSecretValueOutput::builder()
                .secret_string(r#"{"username":"admin","password":"pw-never-logged"}"#)
                .build()
        });
        mock_client!(aws_sdk_secretsmanager, RuleMode::MatchAny, &[&rule])
    }

    /// A domain that accepts connections and never answers.
    async fn silent_domain() -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((socket, _)) = listener.accept().await {
                held.push(socket);
            }
        });
        url
    }

    /// A response URL that takes one answer and hands it over.
    async fn response_url() -> (String, tokio::sync::oneshot::Receiver<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/response", listener.local_addr().unwrap());
        let (tx, rx) = tokio::sync::oneshot::channel();
        tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut request = Vec::new();
            let mut buf = [0u8; 4096];
            // Read until the body, whose length the headers give, is in.
            loop {
                let n = socket.read(&mut buf).await.unwrap();
                request.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&request).to_string();
                if let Some((head, body)) = text.split_once("\r\n\r\n") {
                    let len = head
                        .lines()
                        .find_map(|l| {
                            l.to_ascii_lowercase()
                                .strip_prefix("content-length: ")
                                .map(|v| v.trim().parse::<usize>().unwrap())
                        })
                        .unwrap_or(0);
                    if body.len() >= len {
                        socket
                            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n")
                            .await
                            .unwrap();
                        let _ = tx.send(body.to_owned());
                        return;
                    }
                }
            }
        });
        (url, rx)
    }

    #[tokio::test]
    async fn a_domain_that_never_answers_still_gets_cloudformation_a_failed_answer_before_the_deadline()
     {
        let domain = silent_domain().await;
        let (url, answered) = response_url().await;
        let event = serde_json::json!({
            "RequestType": "Create", "ResponseURL": url, "StackId": "s", "RequestId": "r",
            "LogicalResourceId": "OpenSearchSetup",
            "ResourceProperties": {"DomainEndpoint": domain, "IndexName": "logs",
                "FirehoseRoleArn": "arn:aws:iam::1:role/f", "MasterUserSecretArn": "arn:secret"},
        })
        .to_string();
        // The calls get what is left after the answer's reserve: 1 s.
        let deadline = Instant::now() + ANSWER_RESERVE + Duration::from_secs(1);
        let status = handle(
            event.as_bytes(),
            &secrets(),
            &Http::new().unwrap(),
            deadline,
        )
        .await
        .unwrap();
        assert_eq!(status, "FAILED");
        let body: serde_json::Value = serde_json::from_str(&answered.await.unwrap()).unwrap();
        assert_eq!(body["Status"], "FAILED");
        let reason = body["Reason"].as_str().unwrap();
        assert!(
            reason.starts_with("write role (PUT /_plugins/_security/api/roles/"),
            "{reason}"
        );
        assert!(reason.contains("no response within"), "{reason}");
        assert!(!reason.contains("pw-never-logged"));
    }

    #[tokio::test]
    async fn a_request_that_is_not_one_is_an_error_not_an_answer() {
        let err = handle(
            b"{}",
            &secrets(),
            &Http::new().unwrap(),
            Instant::now() + Duration::from_secs(10),
        )
        .await
        .unwrap_err();
        assert_eq!(err.error_type(), "InvalidCustomResourceRequest");
    }
}
