//! The one HTTPS client beside the SDK's: rustls on ring with the system's
//! roots, as the SDK's own, for the calls the SDK doesn't make (the
//! post-deploy set-up, CloudFormation's response URL, OpenSearch's
//! `_bulk`). `http://` too, for local tests.

use std::time::Duration;

use bytes::Bytes;
use http_body_util::{BodyExt as _, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

/// Why one HTTP exchange failed.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("could not build the request: {0}")]
    Request(#[from] ::http::Error),
    #[error("{0}")]
    Transport(#[from] hyper_util::client::legacy::Error),
    #[error("{0}")]
    Body(#[from] hyper::Error),
    #[error("no response within {0:?}")]
    Timeout(std::time::Duration),
    #[error("no time left before the deadline")]
    NoTime,
    #[error("HTTP {status}: {body}")]
    Status { status: u16, body: String },
}

/// An HTTPS (and, for local tests, HTTP) client: rustls on ring with the
/// system's roots, as the SDK's.
pub(crate) struct Http {
    client: Client<hyper_rustls::HttpsConnector<HttpConnector>, Full<Bytes>>,
}

impl Http {
    /// The client, or why the system's TLS roots could not be loaded.
    pub(crate) fn new() -> Result<Http, std::io::Error> {
        let connector = hyper_rustls::HttpsConnectorBuilder::new()
            .with_provider_and_native_roots(rustls::crypto::ring::default_provider())?
            .https_or_http()
            .enable_http1()
            .build();
        Ok(Http {
            client: Client::builder(TokioExecutor::new()).build(connector),
        })
    }

    /// One request; the status and the body, or why there was none.
    pub(crate) async fn send(
        &self,
        method: &str,
        url: &str,
        headers: &[(&str, String)],
        body: Vec<u8>,
        wait: Duration,
    ) -> Result<(u16, Vec<u8>), HttpError> {
        let mut builder = http::Request::builder().method(method).uri(url);
        for (name, value) in headers {
            builder = builder.header(*name, value);
        }
        let request = builder.body(Full::new(Bytes::from(body)))?;
        let exchange = async {
            let response = self.client.request(request).await?;
            let status = response.status().as_u16();
            let body = response.into_body().collect().await?.to_bytes();
            Ok::<_, HttpError>((status, body.to_vec()))
        };
        tokio::time::timeout(wait, exchange)
            .await
            .map_err(|_| HttpError::Timeout(wait))?
    }
}
