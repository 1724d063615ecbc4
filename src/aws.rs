//! The AWS clients: one `SdkConfig` (region, credentials, endpoint,
//! `AWS_ENDPOINT_URL` included) with the one HTTPS stack, rustls on ring,
//! and each service's client built from it once.
//!
//! Inside Lambda every client is built before the first event
//! ([`Aws::warm`]). The CLI builds one only when an event needs it, so
//! `invoke` printing to stdout never loads the SDK, never looks for a
//! region or credentials, and needs no network at all.

use tokio::sync::OnceCell;

/// The SDK configuration and the clients made from it, each built at most
/// once.
pub(crate) struct Aws {
    /// Path-style S3 addressing, for local endpoints (moto) that serve no
    /// virtual hosts: `Config::local_endpoint`.
    path_style_s3: bool,
    sdk: OnceCell<aws_config::SdkConfig>,
    firehose: OnceCell<aws_sdk_firehose::Client>,
    s3: OnceCell<aws_sdk_s3::Client>,
    secrets: OnceCell<aws_sdk_secretsmanager::Client>,
}

impl Aws {
    pub(crate) fn new(path_style_s3: bool) -> Aws {
        Aws {
            path_style_s3,
            sdk: OnceCell::new(),
            firehose: OnceCell::new(),
            s3: OnceCell::new(),
            secrets: OnceCell::new(),
        }
    }

    /// Builds every client now: Lambda's start-up, so no invocation pays
    /// for it.
    pub(crate) async fn warm(&self) {
        self.firehose().await;
        self.s3().await;
        self.secrets().await;
    }

    /// The SDK configuration: region and credentials, for signing.
    pub(crate) async fn sdk(&self) -> &aws_config::SdkConfig {
        self.sdk.get_or_init(sdk_config).await
    }

    /// Firehose, with the SDK's own retries off: the sink retries with the
    /// deadline in view.
    pub(crate) async fn firehose(&self) -> &aws_sdk_firehose::Client {
        self.firehose
            .get_or_init(async || firehose_client(self.sdk().await))
            .await
    }

    /// S3, path-style when the endpoint is local.
    pub(crate) async fn s3(&self) -> &aws_sdk_s3::Client {
        self.s3
            .get_or_init(async || {
                let config = aws_sdk_s3::config::Builder::from(self.sdk().await)
                    .force_path_style(self.path_style_s3)
                    .build();
                aws_sdk_s3::Client::from_conf(config)
            })
            .await
    }

    /// Secrets Manager: the post-deploy set-up's master user.
    pub(crate) async fn secrets(&self) -> &aws_sdk_secretsmanager::Client {
        self.secrets
            .get_or_init(async || aws_sdk_secretsmanager::Client::new(self.sdk().await))
            .await
    }
}

/// Loads the SDK configuration with the one HTTPS client: rustls on ring.
async fn sdk_config() -> aws_config::SdkConfig {
    use aws_smithy_http_client::tls::{Provider, rustls_provider::CryptoMode};
    let http = aws_smithy_http_client::Builder::new()
        .tls_provider(Provider::Rustls(CryptoMode::Ring))
        .build_https();
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .http_client(http)
        .load()
        .await
}

/// The Firehose client from the shared SDK config, with the SDK's own
/// retries off: the Firehose sink retries with the deadline in view.
fn firehose_client(sdk: &aws_config::SdkConfig) -> aws_sdk_firehose::Client {
    let config = aws_sdk_firehose::config::Builder::from(sdk)
        .retry_config(aws_sdk_firehose::config::retry::RetryConfig::disabled())
        .build();
    aws_sdk_firehose::Client::from_conf(config)
}
