//! The post-deploy set-up as a kind of event: a CloudFormation custom
//! resource request, served by `setup::http` and answered at its
//! `ResponseURL` before the deadline.

use tokio::time::Instant;

use super::{Kind, Outcome, Reply, Services};
use crate::report::Summary;
use crate::setup::SetupError;

/// Serves one custom resource request. The outcome's error is set only
/// when CloudFormation could not be answered at all, so Lambda retries.
pub(super) async fn handle(event: &[u8], services: &Services, deadline: Instant) -> Outcome {
    let result = match &services.http {
        Ok(http) => {
            let secrets = services.aws.secrets().await;
            crate::setup::http::handle(event, secrets, http, deadline).await
        }
        Err(why) => Err(SetupError::NoHttps(why.clone())),
    };
    Outcome::new(Kind::Setup, Summary::default(), result.map(Reply::Answered))
}
