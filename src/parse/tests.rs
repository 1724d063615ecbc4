use super::assemble::{MAX_JOINED_BYTES, SAME_WRITE_MS};
use super::json_line::MAX_JSON_DEPTH;
use super::*;
use crate::encode::{self, Grouping};
use crate::shape::{Meta, write_record};

fn delivery(messages: &[String]) -> Delivery<'_> {
    Delivery::of_messages(messages, 1_715_438_684_000)
}

pub(super) fn parser_with(vars: &[(&str, &str)]) -> Parser {
    let map: std::collections::HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Parser::new(&Config::from_lookup(|k| map.get(k).cloned()).unwrap()).unwrap()
}

/// Parses messages and returns each record as JSON, without our metadata.
fn docs(parser: &Parser, messages: &[String]) -> Vec<serde_json::Value> {
    let d = delivery(messages);
    let (records, _) = parser.parse(&d);
    records.iter().map(doc_of).collect()
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

const SEED_LOG: &str = include_str!("../../events/src/seed.log");
const LAMBDA_PAYLOAD: &str = include_str!("../../events/src/lambda-runtime.payload.json");

/// The Lambda sample's events, as the runtime sent them.
fn lambda_messages() -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(LAMBDA_PAYLOAD).unwrap();
    v["logEvents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn seed_lines_become_python_json_logger_fields() {
    let p = parser_with(&[]);
    let docs = docs(&p, &lines(SEED_LOG)[..1]);
    assert_eq!(
        docs[0],
        serde_json::json!({
            "asctime": "2024-05-11T14:44:44+0000",
            "name": "orders.api",
            "levelname": "INFO",
            "message": "service started on port 8080"
        })
    );
}

#[test]
fn djangos_documented_verbose_format_is_inferred_with_module_not_name() {
    let p = parser_with(&[]);
    let lines: Vec<String> = [
        "WARNING 2024-05-11 14:44:45,123 views 4242 140231523456 Not Found: /favicon.ico",
        "INFO 2024-05-11 14:44:46,123 models 4242 140231523456 saved order 7",
        "INFO 2024-05-11 14:44:47,123 views 4242 140231523456 GET /orders",
    ]
    .map(str::to_owned)
    .to_vec();
    let docs = docs(&p, &lines);
    assert_eq!(
        docs[0],
        serde_json::json!({
            "levelname": "WARNING",
            "asctime": "2024-05-11 14:44:45,123",
            "module": "views",
            "process": 4242,
            "thread": 140231523456_i64,
            "message": "Not Found: /favicon.ico"
        })
    );
}

#[test]
fn a_separator_before_the_message_that_a_built_in_format_lacks_is_inferred_not_kept() {
    // boto3's built-in `%(asctime)s %(name)s [%(levelname)s] %(message)s`
    // matches these lines too, but would keep `- ` in every message.
    let p = parser_with(&[]);
    let lines: Vec<String> = [
        "2024-09-11 23:18:43,082 ingest.kafka.consumer [INFO] - polled 3 records",
        "2024-09-11 23:18:44,082 ingest.kafka.consumer [WARNING] - lag 120",
        "2024-09-11 23:18:45,082 app.db [INFO] - pool ready",
    ]
    .map(str::to_owned)
    .to_vec();
    let docs = docs(&p, &lines);
    assert_eq!(docs[1]["message"], "lag 120");
    assert_eq!(docs[2]["name"], "app.db");
}

#[test]
fn one_event_per_line_and_one_event_per_record_give_identical_documents() {
    let p = parser_with(&[]);
    let per_line = encode::messages(SEED_LOG, Grouping::PerLine, p.boundary_test(SEED_LOG));
    let per_record = encode::messages(SEED_LOG, Grouping::PerRecord, p.boundary_test(SEED_LOG));
    assert!(per_line.len() > per_record.len());
    let a = docs(&p, &per_line);
    let b = docs(&p, &per_record);
    assert_eq!(a, b);
    assert_eq!(a.len(), 10);
    let err = &a[4];
    assert_eq!(err["message"], "could not reload config");
    let exc = err["exc_info"].as_str().unwrap();
    assert!(exc.starts_with("Traceback (most recent call last):\n"));
    assert!(exc.contains("'not-a-number'\n\nThe above exception was the direct cause of the following exception:\n\nTraceback"));
    assert!(exc.ends_with("RuntimeError: config is broken"));
    assert_eq!(a[6]["message"], "slow path taken");
    let stack = a[6]["stack_info"].as_str().unwrap();
    assert!(stack.starts_with("Stack (most recent call last):\n"));
    assert!(a[6].get("exc_info").is_none());
    assert_eq!(
        a[8]["message"],
        "order rejected\nreason: card declined\ncode: 51"
    );
}

#[test]
fn a_continuation_with_no_record_before_it_is_kept_and_marked() {
    let p = parser_with(&[]);
    let messages = lines(
        "  File \"app.py\", line 3, in f\nValueError: x\n2024-05-11T14:44:44+0000 a INFO next",
    );
    let d = docs(&p, &messages);
    assert_eq!(d.len(), 2);
    assert_eq!(
        d[0]["message"],
        "  File \"app.py\", line 3, in f\nValueError: x"
    );
    assert_eq!(d[0]["continuation"], true);
    assert_eq!(d[1]["message"], "next");
    assert!(d[1].get("continuation").is_none());
}

#[test]
fn unrecognised_lines_are_kept_as_messages() {
    let p = parser_with(&[]);
    let d = docs(&p, &["just some text\n".to_owned()]);
    assert_eq!(d[0], serde_json::json!({"message": "just some text"}));
}

#[test]
fn lambda_runtime_records_platform_lines_and_request_ids() {
    let p = parser_with(&[]);
    let messages = lambda_messages();
    let d = delivery(&messages);
    let (records, stats) = p.parse(&d);
    // INIT_START, two STARTs and two ENDs are dropped.
    assert_eq!(stats.dropped, 5);
    let docs = docs(&p, &messages);
    assert_eq!(records.len(), docs.len());
    assert_eq!(
        docs[0],
        serde_json::json!({
            "levelname": "INFO",
            "asctime": "2024-05-11T14:44:44",
            "msecs": 250.0,
            "aws_request_id": "8f5a6b2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b",
            "message": "processing 3 messages"
        })
    );
    // print() output inherits the request id of its invocation.
    assert_eq!(
        docs[1],
        serde_json::json!({
            "message": "plain print() output without a request id",
            "aws_request_id": "8f5a6b2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b"
        })
    );
    assert_eq!(docs[3]["type"], "platform.report");
    assert_eq!(
        docs[3]["record"],
        serde_json::json!({
            "requestId": "8f5a6b2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b",
            "metrics": {"durationMs": 12.34, "billedDurationMs": 13, "memorySizeMB": 128,
                        "maxMemoryUsedMB": 45, "initDurationMs": 187.65},
            "status": "success"
        })
    );
    assert_eq!(docs[4]["levelname"], "ERROR");
    assert!(
        docs[4]["exc_info"]
            .as_str()
            .unwrap()
            .ends_with("RuntimeError: config is broken")
    );
    assert_eq!(
        docs[5],
        serde_json::json!({
            "levelname": "ERROR",
            "message": "Task timed out after 3.00 seconds",
            "aws_request_id": "0d7c7b0e-5f3b-4b8f-9c62-7a4d3f1e2b10"
        })
    );
    assert_eq!(docs[6]["record"]["status"], "timeout");
    assert_eq!(docs.len(), 7);
}

#[test]
fn platform_modes_drop_or_keep_lambda_lines_but_never_errors() {
    let messages = vec![
        "START RequestId: r1 Version: $LATEST\n".to_owned(),
        "RequestId: r1 Error: Runtime exited with error: signal: killed\n".to_owned(),
        "END RequestId: r1\n".to_owned(),
        "REPORT RequestId: r1\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 128 MB\tMax Memory Used: 9 MB\t\n".to_owned(),
    ];
    let drop = parser_with(&[("LAMBDA_PLATFORM_LINES", "drop")]);
    let d = docs(&drop, &messages);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["message"], "Runtime exited with error: signal: killed");
    assert_eq!(d[0]["aws_request_id"], "r1");
    let keep = parser_with(&[("LAMBDA_PLATFORM_LINES", "keep")]);
    let d = docs(&keep, &messages);
    assert_eq!(d.len(), 4);
    assert_eq!(d[0]["message"], "START RequestId: r1 Version: $LATEST");
    assert_eq!(d[1]["levelname"], "ERROR");
}

#[test]
fn runtime_crash_lines_become_error_records_with_their_traceback() {
    let p = parser_with(&[]);
    let m = "[ERROR] Runtime.ImportModuleError: Unable to import module 'app': No module named 'x'\nTraceback (most recent call last):\n  File \"<frozen>\", line 1\n".to_owned();
    let d = docs(&p, &[m]);
    assert_eq!(d[0]["levelname"], "ERROR");
    assert_eq!(
        d[0]["message"],
        "Runtime.ImportModuleError: Unable to import module 'app': No module named 'x'"
    );
    assert_eq!(
        d[0]["exc_info"],
        "Traceback (most recent call last):\n  File \"<frozen>\", line 1"
    );
}

#[test]
fn a_format_led_by_a_bracketed_level_reads_its_error_lines_itself_at_every_level() {
    let text = "[ERROR]  <MainThread>: upstream said: 503\n[INFO ]  <MainThread>: ok\n\
                [WARNI]  <MainThread>: slow\n[DEBUG]  <MainThread>: x\n[CRITI]  <MainThread>: down";
    let configured = parser_with(&[(
        "PYTHON_LOG_FORMAT",
        "[%(levelname)-5.5s]  <%(threadName)s>: %(message)s",
    )]);
    // Configured, and inferred with nothing configured: the same documents.
    for p in [&configured, &parser_with(&[])] {
        let d = docs(p, &lines(text));
        assert_eq!(d.len(), 5);
        assert_eq!(
            d[0],
            serde_json::json!({"levelname": "ERROR", "threadName": "MainThread", "message": "upstream said: 503"})
        );
        assert_eq!(d[4]["levelname"], "CRITICAL");
    }
    // The runtime's own crash line stays a crash record with its
    // traceback, one event per line.
    let crash = lines(
        "[ERROR] KeyError: 'x'\nTraceback (most recent call last):\n  File \"/var/task/a.py\", line 1, in h\n[ERROR]  <MainThread>: after",
    );
    let d = docs(&parser_with(&[]), &crash);
    assert_eq!(d[0]["message"], "KeyError: 'x'");
    assert_eq!(
        d[0]["exc_info"],
        "Traceback (most recent call last):\n  File \"/var/task/a.py\", line 1, in h"
    );
}

#[test]
fn json_lines_pass_through_and_json_platform_starts_are_dropped() {
    let p = parser_with(&[]);
    let messages = vec![
        r#"{"level":"INFO","message":"hi","n":1}"#.to_owned(),
        r#"{"time":"2024-05-11T14:44:44.000Z","type":"platform.start","record":{"requestId":"r"}}"#.to_owned(),
        r#"{"time":"2024-05-11T14:44:44.000Z","type":"platform.report","record":{"requestId":"r"}}"#.to_owned(),
        "{not json}".to_owned(),
    ];
    let d = docs(&p, &messages);
    assert_eq!(d.len(), 3);
    assert_eq!(
        d[0],
        serde_json::json!({"level": "INFO", "message": "hi", "n": 1})
    );
    assert_eq!(d[1]["type"], "platform.report");
    assert_eq!(d[2], serde_json::json!({"message": "{not json}"}));
}

#[test]
fn configured_formats_are_tried_in_order_and_win_over_json_unless_they_match_any_line() {
    let p = parser_with(&[
        (
            "PYTHON_LOG_FORMAT",
            "%(levelname)s|%(message)s\n%(message)s",
        ),
        ("PYTHON_LOG_DATEFMT", "%H:%M"),
    ]);
    let d = docs(&p, &["INFO|a|b\n".to_owned(), "{\"x\":1}\n".to_owned()]);
    assert_eq!(
        d[0],
        serde_json::json!({"levelname": "INFO", "message": "a|b"})
    );
    // A catch-all (`%(message)s`) would claim any line; a JSON object keeps
    // its structure.
    assert_eq!(d[1], serde_json::json!({"x": 1}));
    // A format that can tell claims a line it matches, JSON or not.
    let p = parser_with(&[("PYTHON_LOG_FORMAT", "%(name)s %(message)s")]);
    let d = docs(&p, &["{\"x\": 1}\n".to_owned()]);
    assert_eq!(
        d[0],
        serde_json::json!({"name": "{\"x\":", "message": "1}"})
    );
}

#[test]
fn old_runtimes_carriage_returns_separate_lines() {
    let p = parser_with(&[]);
    let m = "[ERROR]\t2024-05-11T14:44:44.250Z\tr1\tfailed\rTraceback (most recent call last):\r  File \"x\"\rValueError: v\n".to_owned();
    let d = docs(&p, &[m]);
    assert_eq!(d[0]["message"], "failed");
    assert_eq!(
        d[0]["exc_info"],
        "Traceback (most recent call last):\n  File \"x\"\nValueError: v"
    );
}

#[test]
fn a_carriage_return_that_starts_each_record_is_read_past_inferred_or_configured() {
    // sqlmap's "\r[%(asctime)s] [%(levelname)s] %(message)s", one event
    // per record and one per line.
    let texts = [
        "\r[14:44:57] [INFO] testing connection",
        "\r[14:44:58] [WARNING] heuristics",
    ];
    let want = |d: &[serde_json::Value]| {
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0]["asctime"], "14:44:57");
        assert_eq!(d[0]["levelname"], "INFO");
        assert_eq!(d[1]["message"], "heuristics");
    };
    let whole: Vec<String> = texts.iter().map(|t| format!("{t}\n")).collect();
    let single: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
    let inferred = parser_with(&[]);
    let configured = parser_with(&[
        (
            "PYTHON_LOG_FORMAT",
            "\r[%(asctime)s] [%(levelname)s] %(message)s",
        ),
        ("PYTHON_LOG_DATEFMT", "%H:%M:%S"),
    ]);
    for p in [&inferred, &configured] {
        want(&docs(p, &whole));
        want(&docs(p, &single));
    }
}

#[test]
fn a_messages_own_crlf_is_kept_whether_the_record_comes_whole_or_line_by_line() {
    // ZTPServer logs an HTTP request's dump, its headers broken by CRLF.
    let text = "2024-05-11 14:44:45,237:DEBUG:[controller:569] GET /nodes/J HTTP/1.1\r\nAccept: */*\r\nHost: x\nResource: J";
    let want = "GET /nodes/J HTTP/1.1\r\nAccept: */*\r\nHost: x\nResource: J";
    let configured = parser_with(&[(
        "PYTHON_LOG_FORMAT",
        "%(asctime)s:%(levelname)s:[%(module)s:%(lineno)d] %(message)s",
    )]);
    let next = "2024-05-11 14:44:46,237:INFO:[controller:570] done";
    for p in [&parser_with(&[]), &configured] {
        let whole = docs(p, &[format!("{text}\n"), format!("{next}\n")]);
        assert_eq!(whole[0]["message"], want);
        // As an agent splits them: at each `\n`, a `\r` before it kept.
        let mut per_line: Vec<String> = text.split('\n').map(str::to_owned).collect();
        per_line.push(next.to_owned());
        let per_line = docs(p, &per_line);
        assert_eq!(per_line[0]["message"], want);
        assert_eq!(per_line[1]["message"], "done");
    }
}

#[test]
fn stack_info_follows_exc_info_and_each_gets_its_own_key() {
    let p = parser_with(&[]);
    let text = "2024-05-11T14:44:44+0000 a ERROR boom\nTraceback (most recent call last):\n  File \"a\"\nKeyError: 'k'\nStack (most recent call last):\n  File \"b\"\n    f()";
    let per_line = docs(&p, &lines(text));
    assert_eq!(per_line.len(), 1);
    assert_eq!(
        per_line[0]["exc_info"],
        "Traceback (most recent call last):\n  File \"a\"\nKeyError: 'k'"
    );
    assert_eq!(
        per_line[0]["stack_info"],
        "Stack (most recent call last):\n  File \"b\"\n    f()"
    );
    let per_record = docs(&p, &[format!("{text}\n")]);
    assert_eq!(per_line, per_record);
}

#[test]
fn an_invalid_format_is_refused_naming_the_variable() {
    let c = Config::from_lookup(|k| (k == "PYTHON_LOG_FORMAT").then(|| "%(message)".to_owned()))
        .unwrap();
    let err = Parser::new(&c).unwrap_err().to_string();
    assert!(err.starts_with("PYTHON_LOG_FORMAT"), "{err}");
}

/// Found by `cargo fuzz run parse`: a REPORT line whose figures Rust reads
/// as numbers but JSON doesn't (`064`, `+5`, `5.`) made an invalid
/// document. Input: tests/fuzz-regressions/parse-report-leading-zero.
#[test]
fn report_figures_that_are_not_json_numbers_are_rewritten_or_left_out() {
    let p = parser_with(&[]);
    let m = "REPORT RequestId: r1\tDuration: 5.\tBilled Duration: +3 ms\tMemory Size: 064 MB\tMax Memory Used: 0x10 MB\tInit Duration: 1e999 ms\t\n".to_owned();
    let d = docs(&p, &[m]);
    let metrics = &d[0]["record"]["metrics"];
    assert_eq!(metrics["durationMs"], 5.0);
    assert_eq!(metrics["billedDurationMs"], 3.0);
    assert_eq!(metrics["memorySizeMB"], 64.0);
    assert!(metrics.get("maxMemoryUsedMB").is_none());
    assert!(metrics.get("initDurationMs").is_none());
}

#[test]
fn continuation_lines_stop_joining_at_the_cap_and_go_on_as_continuation_records() {
    // A format that matches nothing: every line is a continuation.
    let p = parser_with(&[("PYTHON_LOG_FORMAT", "%(levelname)s|%(message)s")]);
    let line = "x".repeat(1000);
    let messages: Vec<String> = std::iter::once("INFO|start".to_owned())
        .chain(std::iter::repeat_n(line, 600))
        .collect();
    let d = delivery(&messages);
    let (records, stats) = p.parse(&d);
    assert!(records.len() >= 3, "{}", records.len());
    assert_eq!(records.len() + stats.joined, messages.len());
    let d = docs(&p, &messages);
    for doc in &d[1..] {
        assert_eq!(doc["continuation"], true);
        assert!(doc["message"].as_str().unwrap().len() < MAX_JOINED_BYTES);
    }
}

#[test]
fn json_nested_past_the_depth_limit_is_kept_as_text_so_every_reader_can_parse_the_document() {
    let p = parser_with(&[]);
    let deep = |n: usize| format!("{{\"a\":{}1{}}}\n", "[".repeat(n), "]".repeat(n));
    let d = docs(&p, &[deep(MAX_JSON_DEPTH - 1), deep(MAX_JSON_DEPTH)]);
    assert!(d[0]["a"].is_array(), "within the limit it passes through");
    assert!(d[1]["message"].as_str().unwrap().starts_with("{\"a\":[[["));
    // Brackets inside strings don't count.
    let quoted = format!("{{\"a\":\"{}\"}}\n", "[".repeat(1000));
    let d = docs(&p, &[quoted]);
    assert_eq!(d[0]["a"].as_str().unwrap().len(), 1000);
}

/// A delivery whose events carry the given timestamps (ms).
fn delivery_at(events: &[(i64, &str)]) -> Vec<serde_json::Value> {
    delivery_at_with(&parser_with(&[]), events)
}

pub(super) fn delivery_at_with(p: &Parser, events: &[(i64, &str)]) -> Vec<serde_json::Value> {
    let messages: Vec<String> = events.iter().map(|(_, m)| (*m).to_owned()).collect();
    let mut d = delivery(&messages);
    for (e, (ms, _)) in d.log_events.iter_mut().zip(events) {
        e.timestamp = *ms;
    }
    let (records, _) = p.parse(&d);
    records.iter().map(doc_of).collect()
}

fn doc_of(p: &Parsed<'_>) -> serde_json::Value {
    let mut out = Vec::new();
    let source = crate::shape::Source::new("g", "s", "o");
    let meta = Meta {
        source: &source,
        event_id: "e",
        timestamp_ms: 0,
    };
    write_record(&p.body, &p.extra, &meta, &mut out);
    let mut v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let m = v.as_object_mut().unwrap();
    m.remove("@timestamp");
    m.remove("cloudwatch");
    v
}

const T: i64 = 1_715_438_684_000;

#[test]
fn a_json_line_is_a_whole_record_and_never_takes_the_lines_after_it() {
    let d = delivery_at(&[(T, "{\"a\":1}"), (T, "plain three")]);
    assert_eq!(
        d,
        [
            serde_json::json!({"a": 1}),
            serde_json::json!({"message": "plain three"})
        ]
    );
}

#[test]
fn auto_detection_gives_one_document_per_unrecognised_line() {
    let d = delivery_at(&[(T, "plain one"), (T, "plain two"), (T + 1, "plain three")]);
    assert_eq!(d.len(), 3);
    assert_eq!(d[1], serde_json::json!({"message": "plain two"}));
}

const GUNICORN_ERROR: &str = "%(asctime)s [%(process)d] [%(levelname)s] %(message)s";

fn gunicorn() -> Parser {
    parser_with(&[
        (
            "PYTHON_LOG_FORMAT",
            &format!("{GUNICORN_ERROR}\n%(message)s"),
        ),
        ("PYTHON_LOG_DATEFMT", "[%Y-%m-%d %H:%M:%S %z]"),
    ])
}

#[test]
fn a_catch_all_format_never_cuts_a_traceback_apart() {
    let d = delivery_at_with(
        &gunicorn(),
        &[
            (
                T,
                "[2024-05-11 14:44:44 +0000] [7] [ERROR] Error handling request /",
            ),
            (T, "Traceback (most recent call last):"),
            (T, "  File \"/app/app.py\", line 3, in boom"),
            (T, "    raise ValueError(\"x\")"),
            (T, "ValueError: x"),
            (T + 900, "127.0.0.1 - - \"GET / HTTP/1.1\" 500 0"),
        ],
    );
    assert_eq!(d.len(), 2, "{d:#?}");
    assert_eq!(d[0]["message"], "Error handling request /");
    assert_eq!(
        d[0]["exc_info"],
        "Traceback (most recent call last):\n  File \"/app/app.py\", line 3, in boom\n    raise ValueError(\"x\")\nValueError: x"
    );
    assert_eq!(
        d[1],
        serde_json::json!({"message": "127.0.0.1 - - \"GET / HTTP/1.1\" 500 0"})
    );
}

#[test]
fn a_catch_all_line_is_a_record_of_its_own_whatever_the_timing_unless_it_is_traceback_structure() {
    let p = parser_with(&[("PYTHON_LOG_FORMAT", "%(message)s")]);
    let access = |path: &str| {
        format!(
            "10.0.0.1 - - [29/Nov/2026:10:24:38 +0000] \"GET {path} HTTP/1.1\" 200 2 \"-\" \"x\""
        )
    };
    let (a, b, c) = (access("/a"), access("/b"), access("/c"));
    // A busy service: the same millisecond, and the next one.
    let d = delivery_at_with(&p, &[(T, &a), (T, &b), (T + 1, &c)]);
    assert_eq!(d.len(), 3, "{d:#?}");
    assert_eq!(d[1]["message"], b.as_str());
    // Traceback structure still joins the record before it.
    let d = delivery_at_with(
        &p,
        &[
            (T, "Internal Server Error: /orders/"),
            (T, "Traceback (most recent call last):"),
            (T, "  File \"/app/views.py\", line 3, in get"),
            (T, "ValueError: x"),
            (T, &a),
        ],
    );
    assert_eq!(d.len(), 2, "{d:#?}");
    assert_eq!(d[0]["message"], "Internal Server Error: /orders/");
    assert!(
        d[0]["exc_info"]
            .as_str()
            .unwrap()
            .ends_with("ValueError: x")
    );
}

/// Known limit: a catch-all format can't say where a record ends, so a
/// multi-line message of one, arriving one line per event, is one document
/// per line (traceback lines excepted).
#[test]
fn known_limit_a_catch_all_formats_multi_line_message_comes_apart_line_by_line() {
    let p = parser_with(&[("PYTHON_LOG_FORMAT", "%(message)s")]);
    let d = delivery_at_with(
        &p,
        &[
            (T, "line one"),
            (T, "line two of the same write"),
            (T + 500, "a later print()"),
        ],
    );
    assert_eq!(d.len(), 3, "{d:#?}");
    assert_eq!(
        d[1],
        serde_json::json!({"message": "line two of the same write"})
    );
}

#[test]
fn unrecognised_lines_join_a_record_of_a_format_only_when_written_with_it() {
    let p = parser_with(&[]);
    let head = "2024-05-11T14:44:44+0000 orders.api INFO order rejected";
    // Same millisecond, and the next one (a read straddling a tick).
    let d = delivery_at_with(
        &p,
        &[(T, head), (T, "reason: declined"), (T + 1, "code: 51")],
    );
    assert_eq!(d.len(), 1);
    assert_eq!(
        d[0]["message"],
        "order rejected\nreason: declined\ncode: 51"
    );
    // Two milliseconds later, or a second later, it is a record of its own.
    for gap in [SAME_WRITE_MS + 1, 1000] {
        let d = delivery_at_with(&p, &[(T, head), (T + gap, "print() output")]);
        assert_eq!(d.len(), 2, "gap {gap}");
        assert_eq!(d[1], serde_json::json!({"message": "print() output"}));
    }
    // A line stamped before the record is not part of it either.
    let d = delivery_at_with(&p, &[(T, head), (T - 1, "older")]);
    assert_eq!(d.len(), 2);
    // A traceback whose header was written with the record joins it,
    // whatever the time of its other lines.
    let d = delivery_at_with(
        &p,
        &[
            (T, head),
            (T, "Traceback (most recent call last):"),
            (T + 5000, "  File \"a.py\", line 1, in <module>"),
            (T + 5001, "KeyError: 'x'"),
        ],
    );
    assert_eq!(d.len(), 1);
    assert!(
        d[0]["exc_info"]
            .as_str()
            .unwrap()
            .ends_with("KeyError: 'x'")
    );
}

#[test]
fn a_traceback_no_record_wrote_is_an_error_record_of_its_own() {
    let p = parser_with(&[]);
    let head = "2024-05-11T14:44:44+0000 orders.api INFO placed";
    let tb = [
        "Traceback (most recent call last):",
        "  File \"a.py\", line 1, in <module>",
        "KeyError: 'x'",
    ];
    let own = serde_json::json!({
        "levelname": "ERROR",
        "message": "KeyError: 'x'",
        "exc_info": "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nKeyError: 'x'",
    });
    // Printed by the interpreter, a millisecond after a whole record.
    let later: Vec<(i64, &str)> = std::iter::once((T, head))
        .chain(tb.iter().map(|l| (T + 40, *l)))
        .collect();
    let d = delivery_at_with(&p, &later);
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(d[0]["message"], "placed");
    assert_eq!(d[1], own);
    // Right after another traceback's exception line, with no chaining
    // separator: a second traceback, not the first one's cause.
    let logged = "2024-05-11T14:44:44+0000 orders.api ERROR failed";
    let back: Vec<(i64, &str)> = std::iter::once((T, logged))
        .chain(tb.iter().map(|l| (T, *l)))
        .chain(tb.iter().map(|l| (T, *l)))
        .collect();
    let d = delivery_at_with(&p, &back);
    assert_eq!(d.len(), 2, "{d:?}");
    assert_eq!(d[0]["exc_info"], own["exc_info"]);
    assert_eq!(d[1], own);
    // A chained exception stays one exc_info.
    let chained: Vec<(i64, &str)> = std::iter::once((T, logged))
        .chain(tb.iter().map(|l| (T, *l)))
        .chain(std::iter::once((
            T,
            "During handling of the above exception, another exception occurred:",
        )))
        .chain(tb.iter().map(|l| (T, *l)))
        .collect();
    assert_eq!(delivery_at_with(&p, &chained).len(), 1);
    // logger.exception(): message and traceback in one write, one record.
    let one: Vec<(i64, &str)> = std::iter::once((T, logged))
        .chain(tb.iter().map(|l| (T, *l)))
        .collect();
    assert_eq!(delivery_at_with(&p, &one).len(), 1);
    // One event per record: an event that is a traceback alone.
    let d = docs(&p, &[format!("{head}\n"), format!("{}\n", tb.join("\n"))]);
    assert_eq!(d[1], own);
}

#[test]
fn a_line_that_starts_with_a_brace_but_is_not_json_continues_the_message() {
    let d = delivery_at(&[
        (T, "2024-05-11T14:44:44+0000 shop.cart INFO price update"),
        (T, "{'price': '9.99'}"),
    ]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["message"], "price update\n{'price': '9.99'}");
}

#[test]
fn a_pretty_printed_json_object_in_one_event_becomes_one_compact_document() {
    let p = parser_with(&[]);
    let pretty = "{\n  \"b\": 1,\n  \"a\": {\n    \"text\": \"keeps  its   spaces\\n\"\n  },\n  \"n\": 1.50\n}\n";
    let messages = [pretty.to_owned()];
    let d = delivery(&messages);
    let (records, _) = p.parse(&d);
    let Body::Json(text) = &records[0].body else {
        panic!("not JSON: {:?}", records[0].body)
    };
    assert_eq!(
        text,
        "{\"b\":1,\"a\":{\"text\":\"keeps  its   spaces\\n\"},\"n\":1.50}"
    );
    // Several objects in one event: one document each, in order.
    let two = "{\n \"i\": 1\n}\n{\n \"i\": 2\n}\n".to_owned();
    let d = docs(&p, &[two]);
    assert_eq!(
        d,
        [serde_json::json!({"i": 1}), serde_json::json!({"i": 2})]
    );
    // Text that only starts like JSON is not taken apart.
    let d = docs(&p, &["{\n  not json\n}\n".to_owned()]);
    assert_eq!(d[0]["message"], "{\n  not json\n}");
}

#[test]
fn the_lambda_runtime_crash_one_line_per_event_gives_the_same_record_as_one_event() {
    let p = parser_with(&[]);
    let lines = [
        "[ERROR] ConnectionError: cannot reach db",
        "Traceback (most recent call last):",
        "\u{a0}\u{a0}File \"/var/task/app.py\", line 3, in handler",
        "\u{a0}\u{a0}\u{a0}\u{a0}raise ConnectionError(\"cannot reach db\")",
    ];
    let whole = docs(&p, &[format!("{}\n", lines.join("\n"))]);
    let events: Vec<(i64, &str)> = lines.iter().map(|l| (T, *l)).collect();
    let per_line = delivery_at_with(&p, &events);
    assert_eq!(per_line, whole);
    assert_eq!(whole.len(), 1);
    assert_eq!(whole[0]["levelname"], "ERROR");
    assert!(
        whole[0]["exc_info"]
            .as_str()
            .unwrap()
            .contains("line 3, in handler")
    );
    // What follows the frames is not taken as an exception line.
    let mut events = events.clone();
    events.push((T, "a print() right after"));
    assert_eq!(delivery_at_with(&p, &events).len(), 2);
}

#[test]
fn a_stack_or_exception_group_ends_at_the_first_unindented_line() {
    let d = delivery_at(&[
        (T, "2024-05-11T14:44:44+0000 a WARNING look"),
        (T, "Stack (most recent call last):"),
        (T, "  File \"a.py\", line 1, in <module>"),
        (T, "    f()"),
        (T + 700, "next print"),
    ]);
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(d[0]["stack_info"].as_str().unwrap().ends_with("    f()"));
}

#[test]
fn encode_per_record_keeps_a_traceback_with_its_record_even_with_a_catch_all_format() {
    let p = gunicorn();
    let text = "[2024-05-11 14:44:44 +0000] [7] [ERROR] boom\nTraceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nValueError: x\n127.0.0.1 GET /\n";
    let m = encode::messages(text, Grouping::PerRecord, p.boundary_test(SEED_LOG));
    assert_eq!(m.len(), 2, "{m:?}");
    assert!(m[0].ends_with("ValueError: x\n"));
}

#[test]
fn the_known_limits_behave_as_documented() {
    let p = parser_with(&[]);
    let head = "2024-05-11T14:44:44+0000 orders.api INFO placed";
    // A plain line in the same millisecond reads as part of the record.
    let d = delivery_at_with(&p, &[(T, head), (T, "print() from elsewhere")]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["message"], "placed\nprint() from elsewhere");
    // A message line that looks like a record start starts one.
    let d = delivery_at_with(
        &p,
        &[(T, head), (T, "2024-05-11T14:44:44+0000 fake INFO header")],
    );
    assert_eq!(d.len(), 2);
    // A message line that is a traceback header becomes exc_info.
    let d = docs(
        &p,
        &[format!("{head}\nTraceback (most recent call last):\n")],
    );
    assert_eq!(d[0]["exc_info"], "Traceback (most recent call last):");
    // A JSON message through a catch-all format is the object itself.
    let catch_all = parser_with(&[("PYTHON_LOG_FORMAT", "%(message)s")]);
    let d = docs(&catch_all, &["{\"order\": 1}\n".to_owned()]);
    assert_eq!(d[0], serde_json::json!({"order": 1}));
}

const APP_LOG: &str = include_str!("../../events/src/app.log");

#[test]
fn a_format_no_built_in_knows_is_inferred_and_reads_as_if_configured_in_both_arrival_modes() {
    let auto = parser_with(&[]);
    let configured = parser_with(&[
        (
            "PYTHON_LOG_FORMAT",
            "%(asctime)s %(levelname)s [%(name)s] %(message)s",
        ),
        ("PYTHON_LOG_DATEFMT", "%Y-%m-%d %H:%M:%S"),
    ]);
    // One event per line, every line in one millisecond (a burst), and
    // one event per record.
    let per_line = lines(APP_LOG);
    let per_record = encode::messages(APP_LOG, Grouping::PerRecord, auto.boundary_test(APP_LOG));
    for messages in [per_line, per_record] {
        let want = docs(&configured, &messages);
        assert_eq!(want.len(), 10);
        assert_eq!(docs(&auto, &messages), want);
        let d = delivery(&messages);
        let (_, stats) = auto.parse(&d);
        assert_eq!(stats.inferred, 10);
        assert_eq!(
            stats.inferred_formats,
            [(
                "%(asctime)s %(levelname)s [%(name)s] %(message)s".to_owned(),
                Some("%Y-%m-%d %H:%M:%S".to_owned())
            )]
        );
    }
}

#[test]
fn a_bracketed_id_a_built_in_format_took_for_the_logger_goes_to_the_inferred_format() {
    let p = parser_with(&[]);
    let d = docs(
        &p,
        &lines(
            "2024-05-20 02:20:13,909 INFO [ec597214-52a4] app: healthcheck ok\n\
             2024-05-20 02:20:13,956 WARNING [8a05fac4-c6a6] app: charged",
        ),
    );
    assert_eq!(d[0]["name"], "app");
    assert_eq!(d[0]["field_1"], "ec597214-52a4");
    assert_eq!(d[1]["message"], "charged");
    // The README's example format with Python's default asctime: the
    // built-in format reads the same fields, with the brackets in `name`.
    let d = docs(
        &p,
        &lines(
            "2024-05-11 14:44:44,000 INFO [orders.api] placed\n\
             2024-05-11 14:44:44,080 ERROR [orders.api] failed",
        ),
    );
    assert_eq!(d[0]["name"], "orders.api");
}

#[test]
fn a_thread_or_a_piece_of_a_timestamp_a_built_in_format_took_for_the_logger_goes_to_the_inferred_format()
 {
    let p = parser_with(&[]);
    // SQLAlchemy's built-in format reads the thread's name as a logger.
    let d = docs(
        &p,
        &lines(
            "2024-06-03 15:16:28,697 WARNING MainThread payload received\n\
             2024-06-03 15:16:28,732 INFO MainThread consumer alpha assigned\n\
             2024-06-03 15:16:28,744 INFO Thread-3 (worker) trailing spaces",
        ),
    );
    assert_eq!(d[0]["threadName"], "MainThread");
    assert_eq!(d[2]["threadName"], "Thread-3 (worker)");
    assert!(d[0].get("name").is_none());
    // basicConfig's built-in format reads the date as a logger.
    let d = docs(
        &p,
        &lines(
            "INFO:2024-10-08T19:15:10+0000:invoice INV-07298 emailed\n\
             ERROR:2024-10-08T19:15:11+0000:retry 2 failed",
        ),
    );
    assert_eq!(d[0]["asctime"], "2024-10-08T19:15:10+0000");
    assert_eq!(d[1]["message"], "retry 2 failed");
    assert!(d[1].get("name").is_none());
}

#[test]
fn a_request_id_and_a_function_after_the_logger_go_to_the_inferred_format() {
    // The built-in `%(asctime)s %(levelname)s %(name)s %(message)s` reads
    // these too, with the function in the logger and the id in the
    // message.
    let p = parser_with(&[]);
    let d = docs(
        &p,
        &lines(
            "2024-05-26 05:13:38,048 INFO orders.api.handle [d40f4615-c90b-4a30-bd60-95b3055bc84e] GET /me\n\
             2024-05-26 05:13:38,098 INFO orders.api.list_orders [e0cae711-e8bd-4cda-a1c9-b15c68dc7601] retrying\n\
             2024-05-26 05:13:38,142 DEBUG orders.api._run_once [5cbd6306-09d8-469b-bbdd-51915dbbf5c3] Query",
        ),
    );
    assert_eq!(
        d[1],
        serde_json::json!({"asctime": "2024-05-26 05:13:38,098", "levelname": "INFO",
            "name": "orders.api", "funcName": "list_orders",
            "field_1": "e0cae711-e8bd-4cda-a1c9-b15c68dc7601", "message": "retrying"})
    );
}

#[test]
fn a_function_after_the_message_goes_to_the_inferred_format() {
    let p = parser_with(&[]);
    let d = docs(
        &p,
        &lines(
            "2024-10-02 08:17:11,651 CRITICAL orders.tasks cache miss (charge_card)\n\
             2024-10-02 08:17:11,675 ERROR ingest.kafka.consumer 250 rows updated (handle_batch)\n\
             2024-10-02 08:17:11,757 INFO orders.tasks Starting worker pool (send_receipt)",
        ),
    );
    assert_eq!(d[1]["message"], "250 rows updated");
    assert_eq!(d[1]["funcName"], "handle_batch");
    // Or before it, beside the logger.
    let text: Vec<String> = (0..8)
        .map(|i| {
            let (logger, func) = [("scheduler", "_run_once"), ("asyncio", "create_task")][i % 2];
            let message = [
                "healthcheck ok",
                "sent 5 bytes",
                "retrying in 2s",
                "order A-1 created",
            ][i % 4];
            format!("2025-05-22 19:26:08,69{i} INFO {logger} {func} {message}")
        })
        .collect();
    let d = docs(&p, &lines(&text.join("\n")));
    assert_eq!(d[2]["funcName"], "_run_once");
    assert_eq!(d[2]["message"], "retrying in 2s");
    // Or bracketed before it, with a level cut to five letters.
    let d = docs(
        &p,
        &lines(
            "2024-10-30T08:19:17+0000 orders.tasks WARNI {tasks.charge_card} - order payload\n\
             2024-10-30T08:19:17+0000 app.db.pool INFO  {pool._run_once} - token refreshed",
        ),
    );
    assert_eq!(d[0]["levelname"], "WARNING");
    assert_eq!(d[0]["module"], "tasks");
    assert_eq!(d[0]["funcName"], "charge_card");
    assert_eq!(d[1]["message"], "token refreshed");
}

#[test]
fn a_location_after_the_message_goes_to_the_inferred_format_not_a_logger_of_its_first_word() {
    let p = parser_with(&[]);
    let d = docs(
        &p,
        &lines(
            "2025-02-07 08:01:06,223 WARNING connected to db.internal:3306 (payments.py:617)\n\
             2025-02-07 08:01:06,270 INFO order A-80154 created (tasks.py:644)\n\
             2025-02-07 08:01:06,311 INFO healthcheck ok (tasks.py:12)",
        ),
    );
    assert_eq!(
        d[0],
        serde_json::json!({"asctime": "2025-02-07 08:01:06,223", "levelname": "WARNING",
            "message": "connected to db.internal:3306", "filename": "payments.py", "lineno": 617})
    );
}

#[test]
fn a_location_glued_to_the_message_by_colons_beats_basic_configs_logger_of_a_urls_scheme() {
    // `%(levelname)s:%(message)s:%(pathname)s:%(funcName)s:%(lineno)d`,
    // whose lines logging.basicConfig's format reads as `https` logging.
    let p = parser_with(&[]);
    let d = docs(
        &p,
        &lines(
            "DEBUG:https://slack.com:443 \"POST /api/chat.postMessage HTTP/1.1\" 200 1411:/app/urllib3/connectionpool.py:_make_request:544\n\
             INFO:Created canvas for incident 1417:/app/dispatch/incident/flows.py:create_canvas:361\n\
             INFO:Paged the incident commander:/app/dispatch/incident/flows.py:page_commander:402\n\
             WARNING:No plugin of type oncall enabled.:/app/dispatch/incident/flows.py:create_canvas:377\n\
             DEBUG:https://slack.com:443 \"POST /api/conversations.invite HTTP/1.1\" 200 1392:/app/urllib3/connectionpool.py:_make_request:544",
        ),
    );
    assert_eq!(
        d[0],
        serde_json::json!({"levelname": "DEBUG",
            "message": "https://slack.com:443 \"POST /api/chat.postMessage HTTP/1.1\" 200 1411",
            "pathname": "/app/urllib3/connectionpool.py", "funcName": "_make_request", "lineno": 544})
    );
}

#[test]
fn a_custom_field_after_its_own_key_is_named_by_the_key() {
    let p = parser_with(&[]);
    let d = docs(
        &p,
        &lines("[INFO      ] user=svc-batch: ERROR count: 3\n[DEBUG     ] user=alice: ok"),
    );
    assert_eq!(
        d[0],
        serde_json::json!({"levelname": "INFO", "user": "svc-batch", "message": "ERROR count: 3"})
    );
}

#[test]
fn the_same_delivery_gives_the_same_documents_whatever_the_parser_saw_before() {
    let p = parser_with(&[]);
    let app = lines(APP_LOG);
    let first = docs(&p, &app);
    // Another app's delivery in between, then the first again.
    let other = lines("10:00:00 | WARNING | worker | a\n10:00:01 | INFO | worker | b");
    let between = docs(&p, &other);
    assert_eq!(between[0]["name"], "worker");
    assert_eq!(docs(&p, &app), first);
}

#[test]
fn configured_formats_never_infer_and_keep_an_unmatched_line_whole() {
    let p = parser_with(&[("PYTHON_LOG_FORMAT", "%(levelname)s:%(name)s:%(message)s")]);
    let d = docs(&p, &lines(APP_LOG)[..1]);
    assert_eq!(
        d[0],
        serde_json::json!({"message": "2024-05-11 14:44:44 INFO [orders.api] service started on port 8080"})
    );
}

/// Found by the `parse` fuzz target, whose bookkeeping had left
/// `json_extra` out: the parser was right. Input:
/// tests/fuzz-regressions/parse-several-json-objects-in-one-event.
#[test]
fn an_event_of_several_json_objects_gives_a_record_each_counted_as_json_extra() {
    let input =
        include_bytes!("../../tests/fuzz-regressions/parse-several-json-objects-in-one-event");
    let text = String::from_utf8_lossy(&input[1..]);
    let messages = vec![format!("{text}\n")];
    let p = parser_with(&[]);
    let d = delivery(&messages);
    let (records, stats) = p.parse(&d);
    assert_eq!(stats.json_extra, records.len() - 1);
    assert!(records.len() >= 3, "{}", records.len());
    assert_eq!(
        records.len() + stats.joined + stats.dropped,
        1 + stats.json_extra
    );
}

/// An app whose `%`-format spells JSON: its lines parse until a message
/// holds a quote or a newline, and its traceback follows the object.
const HAND_JSON_LOG: &str = r#"{"time": "2025-01-18 06:39:24", "level": "WARNING", "logger": "orders.tasks", "message": "Starting worker pool with 2 workers"}
{"time": "2025-01-18 06:39:24", "level": "CRITICAL", "logger": "orders.views", "message": "Error handling request /api/checkout"}
Traceback (most recent call last):
  File "/app/orders/views.py", line 12, in handle
    return 1 / 0
ZeroDivisionError: division by zero
{"time": "2025-01-18 06:39:25", "level": "INFO", "logger": "orders.views", "message": "user said "hi" twice"}
{"time": "2025-01-18 06:39:25", "level": "DEBUG", "logger": "orders.tasks", "message": "payload:
{
  "id": 42
}"}
{"time": "2025-01-18 06:39:26", "level": "INFO", "logger": "orders.tasks", "message": "Shutting down"}
"#;

const HAND_JSON: &str = r#"{"time": "%(asctime)s", "level": "%(levelname)s", "logger": "%(name)s", "message": "%(message)s"}"#;

#[test]
fn a_format_written_as_json_text_is_read_as_configured_once_a_line_is_no_json() {
    let auto = parser_with(&[]);
    let configured = parser_with(&[
        ("PYTHON_LOG_FORMAT", HAND_JSON),
        ("PYTHON_LOG_DATEFMT", "%Y-%m-%d %H:%M:%S"),
    ]);
    let per_line = lines(HAND_JSON_LOG);
    let per_record = encode::messages(
        HAND_JSON_LOG,
        Grouping::PerRecord,
        auto.boundary_test(HAND_JSON_LOG),
    );
    for messages in [per_line, per_record] {
        let want = docs(&configured, &messages);
        assert_eq!(want.len(), 5);
        assert_eq!(want[0]["asctime"], "2025-01-18 06:39:24");
        assert_eq!(want[2]["message"], r#"user said "hi" twice"#);
        assert!(want[1]["exc_info"].is_string());
        assert_eq!(docs(&auto, &messages), want);
        let d = delivery(&messages);
        let (_, stats) = auto.parse(&d);
        assert_eq!(stats.inferred, 5);
        assert_eq!(
            stats.inferred_formats,
            [(HAND_JSON.to_owned(), Some("%Y-%m-%d %H:%M:%S".to_owned()))]
        );
    }
}

#[test]
fn renamed_json_lines_that_all_parse_pass_through_as_python_json_logger_wrote_them() {
    // python-json-logger with `rename_fields`: nothing shows a text format.
    let p = parser_with(&[]);
    let first: Vec<String> = lines(HAND_JSON_LOG)
        .into_iter()
        .filter(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
        .collect();
    assert_eq!(first.len(), 3);
    let d = docs(&p, &first);
    assert_eq!(d[0]["time"], "2025-01-18 06:39:24");
    assert_eq!(d[0]["level"], "WARNING");
    assert!(d[0].get("asctime").is_none());
    let (_, stats) = p.parse(&delivery(&first));
    assert_eq!(stats.inferred, 0);
    assert!(stats.inferred_formats.is_empty());
}

#[test]
fn json_lines_with_python_json_loggers_own_keys_stay_json_and_only_a_broken_one_is_read_as_text() {
    let p = parser_with(&[]);
    let head =
        r#"{"asctime": "2025-01-18 06:39:24,120", "levelname": "INFO", "name": "a.b", "message": "#;
    let messages = [
        format!(r#"{head}"path C:\\temp"}}"#),
        format!(r#"{head}"second"}}"#),
        format!(r#"{head}"said "hi""}}"#),
    ];
    let d = docs(&p, &messages);
    // Parsed as JSON, escapes and all.
    assert_eq!(d[0]["message"], r"path C:\temp");
    assert_eq!(d[1]["message"], "second");
    assert_eq!(d[2]["message"], r#"said "hi""#);
    assert_eq!(d[2]["levelname"], "INFO");
    let (_, stats) = p.parse(&delivery(&messages));
    assert_eq!(stats.inferred, 1);
}

/// Nautobot's "normal" format: the message on the line after the head.
const NAUTOBOT: &str = "%(asctime)s.%(msecs)03d %(levelname)-7s %(name)s :\n  %(message)s";
const NAUTOBOT_LOG: &str = "14:44:45.092 INFO    nautobot.auth.login :
  User admin successfully authenticated
14:44:45.138 INFO    nautobot.extras.datasources.git :
  Repository successfully refreshed
14:44:45.213 ERROR   nautobot.core.celery.schedulers :
  Removing schedule daily-backup
Traceback (most recent call last):
  File \"/app/x.py\", line 1, in <module>
KeyError: 'missing'
";

#[test]
fn a_format_with_its_message_on_the_next_line_reads_as_configured_and_is_inferred() {
    let auto = parser_with(&[]);
    // PYTHON_LOG_FORMAT holds a format a line; LOG_GROUP_FORMATS' JSON
    // holds this one.
    let spec = crate::config::FormatSpec {
        format: NAUTOBOT.to_owned(),
        datefmt: Some("%H:%M:%S".to_owned()),
    };
    let configured = Parser::with_formats(&[spec], None, PlatformLines::default()).unwrap();
    let per_line = lines(NAUTOBOT_LOG);
    let per_record = encode::messages(
        NAUTOBOT_LOG,
        Grouping::PerRecord,
        configured.boundary_test(NAUTOBOT_LOG),
    );
    for messages in [per_line, per_record] {
        let want = docs(&configured, &messages);
        assert_eq!(want.len(), 3, "{want:?}");
        assert_eq!(want[0]["message"], "User admin successfully authenticated");
        assert_eq!(want[2]["name"], "nautobot.core.celery.schedulers");
        assert!(want[2]["exc_info"].is_string());
        assert_eq!(docs(&auto, &messages), want);
    }
}

#[test]
fn a_built_in_format_that_reads_a_level_as_the_logger_yields_to_the_streams_own() {
    // DNF's `%z` times beside unattended-upgrades' default ones: the seed
    // format (`%(asctime)s %(name)s %(levelname)s`, `%z`) claims `DEBUG
    // DNF version`, and SQLAlchemy's the other program's lines.
    let log = "2024-05-11T14:44:44+0000 INFO --- logging initialized ---
2024-05-11T14:44:44+0000 DDEBUG timer: config: 3 ms
2024-05-11T14:44:44+0000 DEBUG DNF version: 4.24.0
2024-05-11T14:44:44+0000 DEBUG cachedir: /var/cache/dnf
2024-05-11 14:44:44,516 INFO Starting unattended upgrades script
2024-05-11 14:44:44,561 INFO Allowed origins are: origin=Debian
2024-05-11 14:44:44,617 INFO Packages that will be upgraded: libssl3 openssl
";
    let got = docs(&parser_with(&[]), &lines(log));
    assert_eq!(got[2]["levelname"], "DEBUG", "{:?}", got[2]);
    assert_eq!(got[2]["message"], "DNF version: 4.24.0");
    assert!(got[2].get("name").is_none());
    assert_eq!(got[1]["levelname"], "DDEBUG");
    assert_eq!(got[4]["message"], "Starting unattended upgrades script");
}

#[test]
fn a_whole_record_after_a_blank_line_is_read_without_it() {
    // Prowler's format starts with a line break: `"\n%(asctime)s [File: …"`.
    let auto = parser_with(&[]);
    let messages: Vec<String> = [
        "\n2024-05-11 14:44:44,578 [File: credentials.py:1263] \t[Module: credentials]\t INFO: Found credentials\n",
        "\n2024-05-11 14:44:44,617 [File: s3_service.py:45] \t[Module: s3_service]\t WARNING: Listing buckets\n",
    ]
    .iter()
    .map(|m| m.to_string())
    .collect();
    let got = docs(&auto, &messages);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0]["asctime"], "2024-05-11 14:44:44,578");
    assert_eq!(got[1]["module"], "s3_service");
    assert_eq!(got[1]["message"], "Listing buckets");
}

#[test]
fn fields_a_built_in_format_leaves_in_the_message_go_to_the_inferred_format_beside_another_program()
{
    // The awslogs agent's `… - %(process)d - %(threadName)s - %(message)s`,
    // which the cookbook built-in reads with the pid in the message, beside
    // cfn-init's lines, which another built-in claims: the agent's lines
    // are too few for the whole sample, but most of their built-in's.
    let log = "2024-05-11 14:44:44,187 P1893 [INFO] Running configSet default
2024-05-11 14:44:44,190 P1893 [INFO] Running config config
2024-05-11 14:44:44,201 P1893 [INFO] Yum installed ['awslogs']
2024-05-11 14:44:44,302 P1893 [INFO] Command 01_start succeeded
2024-05-11 14:44:44,311 P1893 [INFO] ConfigSets completed
2024-05-11 14:44:44,049 - cwlogs.push - INFO - 2714 - MainThread - Loading configuration
2024-05-11 14:44:45,213 - cwlogs.push.reader - WARNING - 2714 - Thread-4 - Fall back to current time
2024-05-11 14:44:45,301 - cwlogs.push.publisher - INFO - 2714 - Thread-5 - Log group: /var/log/messages
";
    let got = docs(&parser_with(&[]), &lines(log));
    assert_eq!(got[6]["process"], 2714, "{:?}", got[6]);
    assert_eq!(got[6]["threadName"], "Thread-4");
    assert_eq!(got[6]["message"], "Fall back to current time");
    assert_eq!(got[5]["name"], "cwlogs.push");
}

#[test]
fn an_id_beside_a_location_the_cookbook_format_leaves_in_the_message_goes_to_the_inferred_format() {
    // SimpleLogin's `%(asctime)s - %(name)s - %(levelname)s - %(process)d
    // - "%(pathname)s:%(lineno)d" - %(funcName)s() - %(message_id)s -
    // %(message)s`: the id, empty outside a mail, is a neutral field, which
    // the cookbook built-in's message held with the place in the code.
    let log = r#"2024-05-11 14:44:48,040 - webapp - INFO - 9 - "/code/email_handler.py:2505" - main() -  - Listen for port 20381
2024-05-11 14:44:48,088 - webapp - DEBUG - 9 - "/code/email_handler.py:2487" - main() -  - Start mail controller
2024-05-11 14:44:48,260 - webapp - DEBUG - 9 - "/code/email_handler.py:2434" - _handle() - 4Vb01A7B61 - New message
2024-05-11 14:44:48,276 - webapp - INFO - 9 - "/code/email_handler.py:2435" - _handle() - 4Vb01A7B61 - Forward phase
2024-05-11 14:44:48,301 - webapp - DEBUG - 9 - "/code/email_handler.py:798" - forward() - 4Vb01A7790 - Create <EmailLog 1>
2024-05-11 14:44:48,352 - webapp - INFO - 9 - "/code/email_handler.py:2461" - _handle() - 4Vb01A7790 - Finish mail_from a@b.c
"#;
    let got = docs(&parser_with(&[]), &lines(log));
    assert_eq!(got[0]["message"], "Listen for port 20381", "{:?}", got[0]);
    assert_eq!(got[0]["field_1"], "");
    assert_eq!(got[2]["field_1"], "4Vb01A7B61");
    assert_eq!(got[2]["lineno"], 2434);
    assert_eq!(got[5]["message"], "Finish mail_from a@b.c");
}

#[test]
fn a_logger_alone_before_the_message_is_read_and_a_tracebacks_exception_line_stays_in_it() {
    // imapautofiler's `%(name)s: %(message)s`: no time, no level, so only
    // the delivery's many lines show it. The exception's line reads as one
    // of its records, and stays the traceback's end.
    let log = "root: starting
imapautofiler.config: loading config from /config/imapautofiler.yml
imapautofiler: message 4213: [FIRING:1] HighErrorRate
move: 4213 ([FIRING:1] HighErrorRate) to Alerts.Firing
imapautofiler: message 4214: [RESOLVED] HighErrorRate
trash: 4214 ([RESOLVED] HighErrorRate) to Trash
imapautofiler: could not log in
Traceback (most recent call last):
  File \"/usr/lib/python3/imapautofiler/app.py\", line 107, in main
    conn = client.open_connection(cfg)
imapclient.exceptions.LoginError: b'[AUTHENTICATIONFAILED] Invalid credentials'
imapautofiler: message 4215: weekly digest
";
    let got = docs(&parser_with(&[]), &lines(log));
    assert_eq!(got.len(), 8, "{got:?}");
    assert_eq!(got[1]["name"], "imapautofiler.config");
    assert_eq!(
        got[1]["message"],
        "loading config from /config/imapautofiler.yml"
    );
    assert_eq!(got[6]["message"], "could not log in");
    assert!(
        got[6]["exc_info"]
            .as_str()
            .is_some_and(|t| t.ends_with("Invalid credentials'")),
        "{:?}",
        got[6]
    );
    assert_eq!(got[7]["message"], "message 4215: weekly digest");
}

#[test]
fn a_built_in_format_keeps_a_message_that_ends_in_parentheses() {
    // SQLAlchemy's echo: `BEGIN (implicit)` is no `(%(funcName)s)`.
    let log = "2024-05-11 14:44:44,867 INFO sqlalchemy.engine.Engine BEGIN (implicit)
2024-05-11 14:44:44,931 INFO sqlalchemy.engine.Engine [generated in 0.00012s] ('A-1001',)
2024-05-11 14:44:44,940 INFO sqlalchemy.engine.Engine COMMIT (implicit)
2024-05-11 14:44:45,001 INFO sqlalchemy.engine.Engine [cached since 0.07s ago] ('A-1002',)
2024-05-11 14:44:45,100 INFO app.orders saved order
";
    let got = docs(&parser_with(&[]), &lines(log));
    assert_eq!(got[0]["message"], "BEGIN (implicit)", "{:?}", got[0]);
    assert!(got[1].get("funcName").is_none());
}

#[test]
fn a_built_in_format_that_reads_cfn_inits_process_id_as_the_logger_yields_to_the_streams_own() {
    let log = "2024-05-11 14:44:44,187 P1893 [INFO] Running configSet default
2024-05-11 14:44:44,190 P1893 [INFO] Running config config
2024-05-11 14:44:47,302 P2107 [INFO] Command 01_start succeeded
";
    let got = docs(&parser_with(&[]), &lines(log));
    assert_eq!(got[2]["process"], 2107, "{:?}", got[2]);
    assert!(got[2].get("name").is_none());
    assert_eq!(got[2]["message"], "Command 01_start succeeded");
}

#[test]
fn a_function_glued_to_the_message_by_a_colon_goes_to_the_inferred_format() {
    // VulnWhisperer's `%(levelname)s:%(name)s:%(funcName)s:%(message)s`,
    // which basicConfig's built-in reads with the function left at the
    // message's start: no space after its colon, as a label has.
    let log = "INFO:root:main:No section was specified, vulnwhisperer will scrape enabled modules
INFO:vulnWhispererBase:__init__:Connected to database at /opt/VulnWhisperer/data/database/report_tracker.db
INFO:vulnWhispererNessus:__init__:Attempting to connect to nessus...
DEBUG:NessusAPI:request:Requesting to url https://nessus.sec.internal:8834/session
DEBUG:NessusAPI:get_scan_ids:Found 9 scan_ids
INFO:vulnWhispererNessus:scan_count:Gathering all scan data... this may take a while...
DEBUG:NessusAPI:get_utc_from_local:Converted timestamp 1715193200 in datetime 2024-05-08 06:33:20
";
    let got = docs(&parser_with(&[]), &lines(log));
    assert_eq!(got.len(), 7, "{got:?}");
    assert_eq!(got[0]["name"], "root", "{:?}", got[0]);
    assert_eq!(
        got[0]["message"],
        "No section was specified, vulnwhisperer will scrape enabled modules"
    );
    assert_eq!(got[4]["message"], "Found 9 scan_ids");
}

#[test]
fn a_dict_logged_as_the_message_is_merged_as_python_json_logger_merges_it() {
    let configured = parser_with(&[("PYTHON_LOG_FORMAT", "%(levelname)s:%(name)s:%(message)s")]);
    let text = "INFO:worker:{'message': 'Message received: 184220', 'job_id': None, 'proc_id': 8}";
    let want = serde_json::json!({
        "levelname": "INFO", "name": "worker", "message": "Message received: 184220",
        "job_id": null, "proc_id": 8
    });
    assert_eq!(docs(&configured, &lines(text))[0], want);
    // A print line that is a dict was written by no formatter: kept whole.
    let print = "{'message': 'printed', 'n': 1}";
    assert_eq!(
        docs(&configured, &lines(print))[0],
        serde_json::json!({ "message": print })
    );
}
