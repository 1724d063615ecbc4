//! SigV4 for OpenSearch requests, with the SDK's own signer (`aws-sigv4`):
//! service `es` for a domain, `aoss` for a Serverless collection, the
//! payload's SHA-256 in `x-amz-content-sha256` (which Serverless
//! requires:
//! <https://docs.aws.amazon.com/opensearch-service/latest/developerguide/serverless-clients.html#serverless-signing>).
//! Pure: the credentials and the time are given.

use std::time::SystemTime;

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{
    PayloadChecksumKind, SignableBody, SignableRequest, SigningError, SigningSettings, sign,
};
use aws_sigv4::sign::v4;

/// Why a request could not be signed.
#[derive(Debug, thiserror::Error)]
pub(crate) enum SignError {
    #[error("SigV4 parameters: {0}")]
    Params(#[from] v4::signing_params::BuildError),
    #[error("SigV4: {0}")]
    Sign(#[from] SigningError),
}

/// Who signs, where, for what.
pub(crate) struct Signer<'a> {
    pub(crate) credentials: &'a Credentials,
    pub(crate) region: &'a str,
    /// `es` or `aoss`.
    pub(crate) service: &'a str,
}

impl Signer<'_> {
    /// The headers that sign a request: `authorization`, `x-amz-date`,
    /// `x-amz-content-sha256` and, with temporary credentials,
    /// `x-amz-security-token`. `headers` are the request's own (`host`
    /// among them), all signed.
    pub(crate) fn headers(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, String)],
        body: &[u8],
        time: SystemTime,
    ) -> Result<Vec<(String, String)>, SignError> {
        let identity = self.credentials.clone().into();
        let mut settings = SigningSettings::default();
        settings.payload_checksum_kind = PayloadChecksumKind::XAmzSha256;
        let params = v4::SigningParams::builder()
            .identity(&identity)
            .region(self.region)
            .name(self.service)
            .time(time)
            .settings(settings)
            .build()?
            .into();
        let request = SignableRequest::new(
            method,
            url,
            headers.iter().map(|(k, v)| (*k, v.as_str())),
            SignableBody::Bytes(body),
        )?;
        let (instructions, _) = sign(request, &params)?.into_parts();
        Ok(instructions
            .headers()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Python from the test venv (`LTF_PYTHON`, as `.ci/run` sets it), or
    /// the project's `.venv`.
    fn python() -> std::path::PathBuf {
        if let Some(p) = std::env::var_os("LTF_PYTHON") {
            return p.into();
        }
        let venv = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python");
        assert!(
            venv.exists(),
            "the SigV4 test checks against botocore, in .venv: run `bash .ci/venv` once \
             (about a minute), or set LTF_PYTHON to a Python that has botocore \
             (tests/README.md lists each layer's needs)"
        );
        venv
    }

    /// What botocore's `SigV4Auth` sends for the same request, credentials
    /// and time: every header, by lower-case name.
    fn botocore(
        service: &str,
        token: Option<&str>,
        url: &str,
        headers: &[(&str, String)],
        body: &[u8],
    ) -> std::collections::BTreeMap<String, String> {
        let script = r#"
import json, sys, datetime, hashlib
import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
args = json.loads(sys.argv[1])
body = bytes.fromhex(args["body"])
fixed = datetime.datetime(2024, 5, 11, 14, 44, 44)
botocore.auth.get_current_datetime = lambda *a, **k: fixed
headers = dict(args["headers"])
headers["x-amz-content-sha256"] = hashlib.sha256(body).hexdigest()
request = AWSRequest(method="POST", url=args["url"], data=body, headers=headers)
creds = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", args["token"])
SigV4Auth(creds, args["service"], "eu-west-1").add_auth(request)
print(json.dumps({k.lower(): v for k, v in request.headers.items()}))
"#;
        let hex: String = body.iter().map(|b| format!("{b:02x}")).collect();
        let args = serde_json::json!({
            "service": service, "token": token, "url": url, "headers": headers, "body": hex,
        });
        let out = std::process::Command::new(python())
            .args(["-c", script, &args.to_string()])
            .output()
            .expect("python runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    #[test]
    fn the_signature_is_the_one_botocore_computes_for_domains_and_serverless_collections() {
        let url = "https://search-logs-abc.eu-west-1.es.amazonaws.com/_bulk";
        let headers = vec![
            (
                "host",
                "search-logs-abc.eu-west-1.es.amazonaws.com".to_owned(),
            ),
            ("content-type", "application/x-ndjson".to_owned()),
            ("content-encoding", "gzip".to_owned()),
        ];
        let body =
            b"{\"create\":{\"_index\":\"logs-2024-05-11\",\"_id\":\"1\"}}\n{\"message\":\"hi\"}\n";
        // 2024-05-11T14:44:44Z
        let time = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_715_438_684);
        for (service, token) in [("es", None), ("aoss", Some("session-token"))] {
            let credentials = Credentials::new(
                "AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                token.map(str::to_owned),
                None,
                "test",
            );
            let signer = Signer {
                credentials: &credentials,
                region: "eu-west-1",
                service,
            };
            let ours: std::collections::BTreeMap<String, String> = signer
                .headers("POST", url, &headers, body, time)
                .unwrap()
                .into_iter()
                .collect();
            let theirs = botocore(service, token, url, &headers, body);
            for name in ["authorization", "x-amz-date", "x-amz-content-sha256"] {
                assert_eq!(ours.get(name), theirs.get(name), "{service}: {name}");
            }
            assert_eq!(
                ours.get("x-amz-security-token").map(String::as_str),
                token,
                "{service}"
            );
            assert_eq!(
                theirs.get("x-amz-security-token").map(String::as_str),
                token
            );
        }
    }
}
