//! `redrive --bucket B [OPTIONS]`: the failed-document files under the
//! prefix, back into the stream (or, with `--dry-run`, onto stdout), file
//! by file, with a progress bar on a terminal.

use std::process::ExitCode;

use super::progress::Progress;
use super::{CliError, RedriveArgs, fail, say};
use crate::aws::Aws;
use crate::config::Config;
use crate::redrive::s3::Job;
use crate::sinks::{FirehoseSink, Sink};

pub(super) async fn run(args: RedriveArgs) -> ExitCode {
    let config = match Config::from_env() {
        Ok(c) => c,
        Err(e) => return fail(&CliError::from(e)),
    };
    let aws = Aws::new(config.runtime.local_endpoint);
    let sink = match (
        args.dry_run,
        args.stream
            .clone()
            .or(config.destination.stream().map(str::to_owned)),
    ) {
        (true, _) => Sink::Stdout,
        (false, Some(stream)) => {
            let client = aws.firehose().await.clone();
            Sink::Firehose(FirehoseSink::new(
                client,
                stream,
                config.runtime.max_in_flight,
            ))
        }
        // The direct path: documents go back to the index that refused
        // them, under the ids the file names.
        (false, None) => match (config.destination)
            .start(config.shaping.schema, config.runtime.max_in_flight, &aws)
            .await
        {
            Ok(Some(sink)) => sink,
            Ok(None) => {
                return fail(&CliError::Usage(
                    "redrive needs --stream, DELIVERY_STREAM_NAME or OPENSEARCH_ENDPOINT (or --dry-run)",
                ));
            }
            Err(err) => return fail(&CliError::from(err)),
        },
    };
    let job = Job {
        prefix: args.prefix,
        after: args.after,
        dry_run: args.dry_run,
        schema: config.shaping.schema,
        ..Job::new(args.bucket)
    };
    let mut bar = Progress::new();
    let progress = |t: &_, done, all| bar.show(t, done, all);
    match crate::redrive::s3::run(aws.s3().await, &sink, &job, progress).await {
        Ok(tally) => {
            bar.finish();
            say(&format!("redrive: {}", tally.line(args.dry_run)));
            if tally.files_left > 0 && !args.dry_run {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(err) => fail(&format!("redrive: {err}")),
    }
}
