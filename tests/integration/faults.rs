//! Hard faults during delivery, against a real socket: a tiny HTTP server
//! that speaks just enough of Firehose's `PutRecordBatch` (JSON 1.1) to
//! answer, reset connections mid-call, stall past the timeout, or fail
//! every record. The real SDK client, with its real HTTP stack, talks to it.
//!
//! Whatever happens, the counts must add up: sent + failed = records, with
//! records dropped by configuration counted apart.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use base64::Engine as _;
use logs_to_firehose::kinds::{Services, dispatch};
use logs_to_firehose::sinks::{Backoff, FirehoseSink, Sink};
use logs_to_firehose::{Config, Pipeline, Summary};
use tokio::time::Instant;

/// What the server does with one call.
#[derive(Clone, Copy, Debug)]
enum Act {
    /// Accept every record.
    Accept,
    /// Fail every record with `ServiceUnavailableException`.
    FailAll,
    /// Read the headers, then close with the body unread: the kernel sends
    /// a TCP reset while the client is mid-call.
    Reset,
    /// Read the request, then answer nothing until the client hangs up:
    /// however slow the machine, the client's timeout or deadline is what
    /// ends the call, never a race with a server-side sleep.
    Stall,
}

#[derive(Default)]
struct Seen {
    calls: usize,
    /// Data of every record the server accepted, in arrival order.
    accepted: Vec<String>,
}

struct Server {
    url: String,
    seen: Arc<Mutex<Seen>>,
}

impl Server {
    /// What the server saw. A panicking test (an assertion holding the
    /// lock) must not turn into a second, misleading `PoisonError` panic.
    fn seen(&self) -> MutexGuard<'_, Seen> {
        lock(&self.seen)
    }
}

fn lock(seen: &Mutex<Seen>) -> MutexGuard<'_, Seen> {
    seen.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Starts a server whose answer to call number `n` (from 1) is `act(n)`.
fn server(act: impl Fn(usize) -> Act + Send + Sync + 'static) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Seen::default()));
    let act = Arc::new(act);
    let shared = seen.clone();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(conn) = conn else { return };
            let (seen, act) = (shared.clone(), act.clone());
            std::thread::spawn(move || serve(conn, &seen, &*act));
        }
    });
    Server { url, seen }
}

fn serve(conn: TcpStream, seen: &Mutex<Seen>, act: &dyn Fn(usize) -> Act) {
    let mut reader = BufReader::new(conn.try_clone().unwrap());
    let mut writer = conn;
    loop {
        // Headers.
        let mut length = 0;
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            if line == "\r\n" {
                break;
            }
            if let Some((k, v)) = line.split_once(':')
                && k.eq_ignore_ascii_case("content-length")
            {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        let n = {
            let mut s = lock(seen);
            s.calls += 1;
            s.calls
        };
        let what = act(n);
        if let Act::Reset = what {
            // The body is still unread in the socket buffer: closing now
            // makes the kernel answer with RST.
            return;
        }
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).is_err() {
            return;
        }
        let request: serde_json::Value = serde_json::from_slice(&body).unwrap();
        let data: Vec<String> = request["Records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                let b = base64::engine::general_purpose::STANDARD
                    .decode(r["Data"].as_str().unwrap())
                    .unwrap();
                String::from_utf8(b).unwrap()
            })
            .collect();
        if let Act::Stall = what {
            // Blocks until the client closes the connection (EOF or reset).
            let _ = reader.read_to_end(&mut Vec::new());
            return;
        }
        let fail = matches!(what, Act::FailAll);
        // Accepted before the answer is written, as a real service commits
        // records before it responds. Recording them after the write raced
        // the test: the client could read the answer, return, and the test
        // read an empty list before this thread got the lock.
        if !fail {
            lock(seen).accepted.extend(data.iter().cloned());
        }
        let entries: Vec<serde_json::Value> = data
            .iter()
            .map(|_| {
                if fail {
                    serde_json::json!({"ErrorCode": "ServiceUnavailableException", "ErrorMessage": "Slow down."})
                } else {
                    serde_json::json!({"RecordId": "id"})
                }
            })
            .collect();
        let response = serde_json::json!({
            "FailedPutCount": if fail { data.len() } else { 0 },
            "Encrypted": false,
            "RequestResponses": entries,
        })
        .to_string();
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-RequestId: r\r\nContent-Length: {}\r\n\r\n",
            response.len()
        );
        if writer.write_all(head.as_bytes()).is_err()
            || writer.write_all(response.as_bytes()).is_err()
        {
            return;
        }
    }
}

fn sink(server: &Server, call_timeout: Duration) -> Sink {
    sink_with_attempts(server, call_timeout, 15)
}

fn sink_with_attempts(server: &Server, call_timeout: Duration, max_attempts: u32) -> Sink {
    let http = aws_smithy_http_client::Builder::new().build_http();
    let config = aws_sdk_firehose::Config::builder()
        .behavior_version_latest()
        .endpoint_url(&server.url)
        .region(aws_sdk_firehose::config::Region::new("us-east-1"))
        .credentials_provider(aws_sdk_firehose::config::Credentials::new(
            "AKIDTEST", "secret", None, None, "test",
        ))
        .retry_config(aws_sdk_firehose::config::retry::RetryConfig::disabled())
        .http_client(http)
        .build();
    Sink::Firehose(
        FirehoseSink::new(aws_sdk_firehose::Client::from_conf(config), "logs", 4)
            .with_backoff(Backoff {
                base: Duration::from_millis(5),
                cap: Duration::from_millis(50),
                max_attempts,
            })
            .with_call_timeout(call_timeout),
    )
}

/// A Lambda delivery of `n` app records, plus START/END lines that the
/// default configuration drops (so `dropped` is 2).
fn event(n: usize) -> Vec<u8> {
    let mut messages = vec!["START RequestId: r-1 Version: $LATEST\n".to_owned()];
    messages.extend((0..n).map(|i| format!("[INFO]\t2024-05-11T14:44:44.123Z\tr-1\trecord {i}\n")));
    messages.push("END RequestId: r-1\n".to_owned());
    logs_to_firehose::encode::event(&logs_to_firehose::encode::payload(
        &logs_to_firehose::encode::Origin::default(),
        messages,
    ))
}

/// One subscription event of `n` records through the one dispatch Lambda
/// serves: the summary, and the error's kind if it failed.
async fn invoke(sink: Sink, n: usize, deadline: Duration) -> (Summary, Result<(), &'static str>) {
    let config = Config::default();
    let services = Services::new(&config, Pipeline::new(&config).unwrap(), Some(sink));
    let outcome = dispatch(&event(n), &services, Instant::now() + deadline).await;
    let result = match &outcome.error {
        None => Ok(()),
        Some(err) => Err(err.error_type()),
    };
    (outcome.summary, result)
}

fn assert_counts_add_up(s: &Summary, n: usize) {
    assert_eq!(s.shaped.records, n);
    assert_eq!(s.shaped.dropped, 2, "START and END are counted apart");
    assert_eq!(
        s.delivery.sent + s.delivery.failed,
        s.shaped.records,
        "{s:?}"
    );
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Every record's text, in order, as the server must finally hold them.
fn record_numbers(accepted: &[String]) -> Vec<usize> {
    accepted
        .iter()
        .map(|d| {
            let v: serde_json::Value = serde_json::from_str(d).unwrap();
            v["message"]
                .as_str()
                .unwrap()
                .strip_prefix("record ")
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect()
}

#[test]
fn a_connection_reset_mid_call_is_retried_and_every_record_arrives_exactly_once() {
    let server = server(|n| if n <= 2 { Act::Reset } else { Act::Accept });
    let (s, result) = runtime().block_on(invoke(
        sink(&server, Duration::from_secs(5)),
        50,
        Duration::from_secs(20),
    ));
    result.unwrap();
    assert_counts_add_up(&s, 50);
    assert_eq!(
        (s.delivery.sent, s.delivery.failed, s.delivery.calls),
        (50, 0, 3)
    );
    assert_eq!(
        record_numbers(&server.seen().accepted),
        (0..50).collect::<Vec<_>>()
    );
}

#[test]
fn a_response_slower_than_the_call_timeout_is_abandoned_and_the_records_resent() {
    let server = server(|n| if n == 1 { Act::Stall } else { Act::Accept });
    // Long enough that an answered call never times out on a loaded
    // machine; the stalled call never answers, so it always does.
    let (s, result) = runtime().block_on(invoke(
        sink(&server, Duration::from_secs(2)),
        20,
        Duration::from_secs(20),
    ));
    result.unwrap();
    assert_counts_add_up(&s, 20);
    assert_eq!(
        (
            s.delivery.sent,
            s.delivery.failed,
            s.delivery.calls,
            s.delivery.retried
        ),
        (20, 0, 2, 20)
    );
    assert_eq!(
        record_numbers(&server.seen().accepted),
        (0..20).collect::<Vec<_>>()
    );
}

#[test]
fn firehose_failing_every_record_until_the_deadline_ends_in_a_clean_error_with_nothing_claimed_sent()
 {
    let server = server(|_| Act::FailAll);
    // An attempt budget that can't run out first: only the deadline can
    // end this delivery, so returning at all shows the deadline held.
    let (s, result) = runtime().block_on(invoke(
        sink_with_attempts(&server, Duration::from_secs(5), u32::MAX),
        30,
        Duration::from_millis(800),
    ));
    let err = result.unwrap_err();
    assert_eq!(err, "DeliveryIncomplete");
    assert_counts_add_up(&s, 30);
    assert_eq!((s.delivery.sent, s.delivery.failed), (0, 30));
    assert!(s.delivery.calls > 1, "retried while time allowed");
    assert!(server.seen().accepted.is_empty());
}

#[test]
fn a_deadline_of_a_few_milliseconds_fails_cleanly_and_counts_every_record() {
    let server = server(|_| Act::Stall);
    let (s, result) = runtime().block_on(invoke(
        sink(&server, Duration::from_secs(5)),
        10,
        Duration::from_millis(3),
    ));
    assert_eq!(result.unwrap_err(), "DeliveryIncomplete");
    assert_counts_add_up(&s, 10);
    assert_eq!((s.delivery.sent, s.delivery.failed), (0, 10));
    // And a deadline already past sends nothing at all.
    let (s, result) = runtime().block_on(invoke(
        sink(&server, Duration::from_secs(5)),
        10,
        Duration::ZERO,
    ));
    assert!(result.is_err());
    assert_eq!(
        (s.delivery.sent, s.delivery.failed, s.delivery.calls),
        (0, 10, 0)
    );
}
