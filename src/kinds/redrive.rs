//! Redrive as a kind of event: the template's optional schedule invokes
//! the function with a constant input naming the bucket and prefix, and
//! the function redrives what it can before its deadline; the rest waits
//! for the next run.

use serde::Deserialize;
use tokio::time::Instant;

use super::{Kind, Outcome, Reply, Services};
use crate::redrive::RedriveError;
use crate::redrive::s3::{After, Job, run};

/// The key the schedule's input is under.
pub(super) const KEY: &str = "logsToFirehoseRedrive";

#[derive(Debug, Deserialize)]
pub(super) struct Input {
    #[serde(rename = "logsToFirehoseRedrive")]
    redrive: Target,
}

#[derive(Debug, Deserialize)]
struct Target {
    bucket: String,
    #[serde(default)]
    prefix: Option<String>,
    #[serde(default)]
    delete: bool,
}

/// Runs one scheduled redrive, stopping new files at `deadline`.
pub(super) async fn handle(event: &[u8], services: &Services, deadline: Instant) -> Outcome {
    let result = redrive(event, services, deadline).await;
    let summary = result.as_ref().map(|t| t.summary()).unwrap_or_default();
    Outcome::new(Kind::Redrive, summary, result.map(Reply::Redriven))
}

async fn redrive(
    event: &[u8],
    services: &Services,
    deadline: Instant,
) -> Result<crate::redrive::Tally, super::InvocationError> {
    let sink = services.sink()?;
    let input: Input = serde_json::from_slice(event).map_err(RedriveError::NotAnInput)?;
    let mut job = Job::new(input.redrive.bucket);
    if let Some(prefix) = input.redrive.prefix {
        job.prefix = prefix;
    }
    job.after = if input.redrive.delete {
        After::Delete
    } else {
        After::Move
    };
    job.schema = services.schema;
    job.stop_at = deadline;
    let tally = run(services.aws.s3().await, sink, &job, |_, _, _| {}).await?;
    if tally.files_left > 0 || tally.failed > 0 {
        tracing::warn!(summary = %tally.line(false), "redrive left files for the next run");
    } else {
        tracing::info!(summary = %tally.line(false), "redrive done");
    }
    Ok(tally)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_schedules_input_is_told_from_the_other_kinds_by_its_key() {
        assert!(super::super::is_redrive(
            br#"{"logsToFirehoseRedrive":{"bucket":"b","prefix":"errors/"}}"#
        ));
        assert!(!super::super::is_redrive(
            br#"{"awslogs":{"data":"logsToFirehoseRedrive"}}"#
        ));
        assert!(!super::super::is_redrive(
            br#"{"logsToFirehoseRedrive":{}}"#
        ));
    }
}
