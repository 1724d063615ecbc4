//! Redrive as a kind of event: the template's optional schedule invokes
//! the function with a constant input naming the bucket and prefix, and
//! the function redrives what it can before its deadline; the rest waits
//! for the next run.

use serde::Deserialize;
use tokio::time::Instant;

use super::RedriveError;
use super::s3::{After, Plan, run};
use crate::deliver::Sink;
use crate::model::Schema;

/// The key the schedule's input is under.
pub const KEY: &str = "logsToFirehoseRedrive";

#[derive(Debug, Deserialize)]
struct Input {
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

/// Whether an event is the redrive schedule's input.
pub fn is_redrive_event(event: &[u8]) -> bool {
    memchr::memmem::find(event, KEY.as_bytes()).is_some()
        && serde_json::from_slice::<Input>(event).is_ok()
}

/// Runs one scheduled redrive, stopping new files at `deadline`.
pub async fn handle(
    event: &[u8],
    s3: &aws_sdk_s3::Client,
    sink: &Sink,
    schema: Schema,
    deadline: Instant,
) -> Result<super::Tally, RedriveError> {
    let input: Input = serde_json::from_slice(event).map_err(|e| RedriveError::Line {
        line: 1,
        why: format!("not a redrive input: {e}"),
    })?;
    let mut plan = Plan::new(input.redrive.bucket);
    if let Some(prefix) = input.redrive.prefix {
        plan.prefix = prefix;
    }
    plan.after = if input.redrive.delete {
        After::Delete
    } else {
        After::Move
    };
    plan.schema = schema;
    plan.stop_at = deadline;
    let tally = run(s3, sink, &plan, |_, _, _| {}).await?;
    if tally.files_left > 0 || tally.failed > 0 {
        tracing::warn!(summary = %tally.line(false), "redrive left files for the next run");
    } else {
        tracing::info!(summary = %tally.line(false), "redrive done");
    }
    Ok(tally)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedules_input_is_told_from_the_other_kinds_by_its_key() {
        assert!(is_redrive_event(
            br#"{"logsToFirehoseRedrive":{"bucket":"b","prefix":"errors/"}}"#
        ));
        assert!(!is_redrive_event(
            br#"{"awslogs":{"data":"logsToFirehoseRedrive"}}"#
        ));
        assert!(!is_redrive_event(br#"{"logsToFirehoseRedrive":{}}"#));
    }
}
