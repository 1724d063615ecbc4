//! Redrive's S3 side and its loop: list the failed-document files, read
//! each, send its documents with the one Firehose sink, and mark it done
//! only when every document was accepted.

use std::time::Duration;

use aws_sdk_s3::Client;
use aws_sdk_s3::error::DisplayErrorContext;
use tokio::time::Instant;

use super::{
    FAILED_PREFIX, MAX_FILE_BYTES, REDRIVEN_PREFIX, RedriveError, Tally, parse_file, records,
};
use crate::model::Schema;
use crate::sinks::Sink;

/// What becomes of a file whose documents were all accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum After {
    /// Moved under [`REDRIVEN_PREFIX`]: kept, out of the way (the default).
    Move,
    Delete,
}

/// What a redrive run reads, and how.
#[derive(Debug, Clone)]
pub(crate) struct Job {
    pub bucket: String,
    /// Failed-document files are read under this prefix.
    pub prefix: String,
    pub after: After,
    pub dry_run: bool,
    pub schema: Schema,
    /// No new file is started after this; the rest wait for the next run.
    pub stop_at: Instant,
}

impl Job {
    pub(crate) fn new(bucket: impl Into<String>) -> Job {
        Job {
            bucket: bucket.into(),
            prefix: FAILED_PREFIX.to_owned(),
            after: After::Move,
            dry_run: false,
            schema: Schema::Python,
            stop_at: Instant::now() + Duration::from_secs(24 * 3600),
        }
    }
}

fn s3_error<E>(what: &str, err: aws_sdk_s3::error::SdkError<E>) -> RedriveError
where
    E: std::error::Error + Send + Sync + 'static,
{
    RedriveError::S3 {
        what: what.to_owned(),
        detail: DisplayErrorContext(&err).to_string(),
        source: Box::new(err),
    }
}

/// Every key under the job's prefix, in S3's (lexical, so time) order.
pub(crate) async fn list(s3: &Client, job: &Job) -> Result<Vec<String>, RedriveError> {
    let mut keys = Vec::new();
    let mut pages = s3
        .list_objects_v2()
        .bucket(&job.bucket)
        .prefix(&job.prefix)
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| s3_error("listing", e))?;
        keys.extend(
            page.contents()
                .iter()
                .filter_map(|o| o.key())
                .filter(|k| !k.ends_with('/'))
                .map(str::to_owned),
        );
    }
    Ok(keys)
}

async fn read(s3: &Client, bucket: &str, key: &str) -> Result<Vec<u8>, RedriveError> {
    let object = s3
        .get_object()
        .bucket(bucket)
        .key(key)
        .send()
        .await
        .map_err(|e| s3_error(key, e))?;
    if object.content_length().unwrap_or(0) > MAX_FILE_BYTES as i64 {
        return Err(RedriveError::TooLarge {
            key: key.to_owned(),
            limit: MAX_FILE_BYTES,
        });
    }
    let body = object.body.collect().await.map_err(|e| RedriveError::S3 {
        what: key.to_owned(),
        detail: e.to_string(),
        source: Box::new(e),
    })?;
    Ok(body.into_bytes().to_vec())
}

/// A key as `CopyObject`'s `x-amz-copy-source` wants it: URL-encoded,
/// slashes kept.
fn copy_source(bucket: &str, key: &str) -> String {
    let mut out = format!("{bucket}/");
    for b in key.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

async fn mark_done(s3: &Client, job: &Job, key: &str) -> Result<(), RedriveError> {
    if job.after == After::Move {
        s3.copy_object()
            .bucket(&job.bucket)
            .copy_source(copy_source(&job.bucket, key))
            .key(format!("{REDRIVEN_PREFIX}{key}"))
            .send()
            .await
            .map_err(|e| s3_error(key, e))?;
    }
    s3.delete_object()
        .bucket(&job.bucket)
        .key(key)
        .send()
        .await
        .map_err(|e| s3_error(key, e))?;
    Ok(())
}

/// One file: read, reshaped, sent, and marked done when every document
/// was accepted. A dry run's sink is stdout, and nothing is marked.
/// Counts into `tally`.
async fn one_file(s3: &Client, sink: &Sink, job: &Job, key: &str, tally: &mut Tally) {
    tally.files += 1;
    let docs = match read(s3, &job.bucket, key)
        .await
        .and_then(|b| parse_file(&b))
    {
        Ok(docs) => docs,
        Err(err) => {
            tracing::warn!(key, error = %err, "failed-document file left in place");
            tally.files_left += 1;
            return;
        }
    };
    let out = records(&docs, job.schema, tally);
    let report = sink.deliver(out, job.stop_at).await;
    tally.sent += report.counts.sent;
    tally.failed += report.counts.failed;
    if let Some(err) = &report.error {
        tracing::warn!(key, error = %err, "not every document was accepted; the file stays for the next run");
        tally.files_left += 1;
        return;
    }
    if job.dry_run {
        // Shown (the sink is stdout), never marked.
        tally.files_left += 1;
        return;
    }
    match mark_done(s3, job, key).await {
        Ok(()) => tally.files_done += 1,
        Err(err) => {
            // Sent, but not marked: the next run sends these again.
            tracing::warn!(key, error = %err, "documents sent but the file could not be marked done");
            tally.files_left += 1;
        }
    }
}

/// Redrives every file under the job's prefix, in order, telling
/// `progress` after each one (files done so far, files in all). Files
/// not reached by `stop_at` are left for the next run.
pub(crate) async fn run(
    s3: &Client,
    sink: &Sink,
    job: &Job,
    mut progress: impl FnMut(&Tally, usize, usize),
) -> Result<Tally, RedriveError> {
    let keys = list(s3, job).await?;
    let mut tally = Tally::default();
    for (i, key) in keys.iter().enumerate() {
        if Instant::now() >= job.stop_at {
            tracing::info!(
                left = keys.len() - i,
                "stopping before the deadline; the rest wait for the next run"
            );
            break;
        }
        one_file(s3, sink, job, key, &mut tally).await;
        progress(&tally, i + 1, keys.len());
    }
    Ok(tally)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use std::sync::{Arc, Mutex};

    use aws_sdk_s3::operation::copy_object::CopyObjectOutput;
    use aws_sdk_s3::operation::delete_object::DeleteObjectOutput;
    use aws_sdk_s3::operation::get_object::GetObjectOutput;
    use aws_sdk_s3::operation::list_objects_v2::ListObjectsV2Output;
    use aws_sdk_s3::primitives::ByteStream;
    use aws_sdk_s3::types::Object;
    use aws_smithy_mocks::{MockResponse, RuleMode, mock, mock_client};
    use base64::Engine as _;

    use crate::sinks::{Backoff, FirehoseSink};

    /// A bucket in memory: key -> bytes, shared with the mocked client.
    type Store = Arc<Mutex<BTreeMap<String, Vec<u8>>>>;

    fn failed_file(docs: &[&str]) -> Vec<u8> {
        docs.iter()
            .map(|d| {
                let raw = base64::engine::general_purpose::STANDARD.encode(format!("{d}\n"));
                format!(
                    "{{\"errorCode\":\"es_rejected_execution_exception\",\"rawData\":\"{raw}\"}}\n"
                )
            })
            .collect::<String>()
            .into_bytes()
    }

    fn s3_over(store: &Store) -> Client {
        let (l, g, c, d) = (store.clone(), store.clone(), store.clone(), store.clone());
        let list = mock!(Client::list_objects_v2).then_compute_response(move |input| {
            let prefix = input.prefix().unwrap_or_default().to_owned();
            let objects = l
                .lock()
                .unwrap()
                .keys()
                .filter(|k| k.starts_with(&prefix))
                .map(|k| Object::builder().key(k).build())
                .collect::<Vec<_>>();
            MockResponse::Output(
                ListObjectsV2Output::builder()
                    .set_contents(Some(objects))
                    .build(),
            )
        });
        let get = mock!(Client::get_object).then_compute_response(move |input| {
            let body = g.lock().unwrap()[input.key().unwrap()].clone();
            MockResponse::Output(
                GetObjectOutput::builder()
                    .body(ByteStream::from(body))
                    .build(),
            )
        });
        let copy = mock!(Client::copy_object).then_compute_response(move |input| {
            let from = input
                .copy_source()
                .unwrap()
                .split_once('/')
                .unwrap()
                .1
                .to_owned();
            let mut store = c.lock().unwrap();
            let body = store[&from].clone();
            store.insert(input.key().unwrap().to_owned(), body);
            MockResponse::Output(CopyObjectOutput::builder().build())
        });
        let delete = mock!(Client::delete_object).then_compute_response(move |input| {
            d.lock().unwrap().remove(input.key().unwrap());
            MockResponse::Output(DeleteObjectOutput::builder().build())
        });
        mock_client!(
            aws_sdk_s3,
            RuleMode::MatchAny,
            &[&list, &get, &copy, &delete]
        )
    }

    /// A Firehose that refuses every record holding `refuse`, and records
    /// what it accepted.
    fn firehose(accepted: &Arc<Mutex<Vec<String>>>, refuse: Option<&'static str>) -> Sink {
        let accepted = accepted.clone();
        let client = crate::sinks::firehose::mock::refusing_client(
            move |text| refuse.is_some_and(|x| text.contains(x)),
            move |text| accepted.lock().unwrap().push(text.to_owned()),
        );
        Sink::Firehose(FirehoseSink::new(client, "logs", 2).with_backoff(Backoff {
            base: Duration::from_millis(10),
            cap: Duration::from_millis(50),
            max_attempts: 3,
        }))
    }

    #[tokio::test(start_paused = true)]
    async fn a_redrive_cut_short_loses_nothing_and_repeats_only_the_unfinished_files_documents() {
        let store = Store::default();
        let first = format!("{FAILED_PREFIX}2024/05/11/14/a");
        let second = format!("{FAILED_PREFIX}2024/05/11/15/b");
        store.lock().unwrap().insert(
            first.clone(),
            failed_file(&[r#"{"m":"a1"}"#, r#"{"m":"a2"}"#]),
        );
        store.lock().unwrap().insert(
            second.clone(),
            failed_file(&[r#"{"m":"b1"}"#, r#"{"m":"b2"}"#]),
        );
        let s3 = s3_over(&store);
        let accepted = Arc::new(Mutex::new(Vec::new()));
        let job = Job::new("bucket");

        // Firehose keeps refusing b2: the first file is done and moved, the
        // second stays whole.
        let tally = run(&s3, &firehose(&accepted, Some("b2")), &job, |_, _, _| {})
            .await
            .unwrap();
        assert_eq!((tally.files, tally.files_done, tally.files_left), (2, 1, 1));
        assert_eq!((tally.sent, tally.failed), (3, 1));
        let keys: Vec<String> = store.lock().unwrap().keys().cloned().collect();
        assert_eq!(keys, [second.clone(), format!("{REDRIVEN_PREFIX}{first}")]);

        // The next run sends the second file again, all of it.
        let tally = run(&s3, &firehose(&accepted, None), &job, |_, _, _| {})
            .await
            .unwrap();
        assert_eq!((tally.files, tally.files_done, tally.sent), (1, 1, 2));
        let mut sent = accepted.lock().unwrap().clone();
        sent.sort();
        let doc = |m: &str| format!("{{\"m\":\"{m}\"}}\n");
        assert_eq!(
            sent,
            [doc("a1"), doc("a2"), doc("b1"), doc("b1"), doc("b2")],
            "only b1, of the unfinished file, twice"
        );

        // And a third run has nothing to do.
        let tally = run(&s3, &firehose(&accepted, None), &job, |_, _, _| {})
            .await
            .unwrap();
        assert_eq!(tally, Tally::default());
    }

    #[tokio::test(start_paused = true)]
    async fn delete_removes_a_finished_file_and_a_damaged_file_stays() {
        let store = Store::default();
        store
            .lock()
            .unwrap()
            .insert(format!("{FAILED_PREFIX}good"), failed_file(&[r#"{"m":1}"#]));
        store
            .lock()
            .unwrap()
            .insert(format!("{FAILED_PREFIX}bad"), b"not json\n".to_vec());
        let s3 = s3_over(&store);
        let accepted = Arc::new(Mutex::new(Vec::new()));
        let job = Job {
            after: After::Delete,
            ..Job::new("bucket")
        };
        let tally = run(&s3, &firehose(&accepted, None), &job, |_, _, _| {})
            .await
            .unwrap();
        assert_eq!((tally.files_done, tally.files_left), (1, 1));
        let keys: Vec<String> = store.lock().unwrap().keys().cloned().collect();
        assert_eq!(keys, [format!("{FAILED_PREFIX}bad")]);
    }

    #[test]
    fn copy_sources_are_url_encoded_but_keep_their_slashes() {
        assert_eq!(
            copy_source(
                "b",
                "AmazonOpenSearchService-failed/2024/05/11/14/logs-1 a+b"
            ),
            "b/AmazonOpenSearchService-failed/2024/05/11/14/logs-1%20a%2Bb"
        );
    }
}
