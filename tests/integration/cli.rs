//! The `invoke` and `encode` commands, run as a user runs them.

use std::io::Write as _;

use crate::util::{TempDir, bin, documents, event_at, event_of, root, run, stderr};

fn sample_events() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join("events"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "samples missing: {files:?}");
    files
}

fn is_rfc3339_millis(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 24 && b[4] == b'-' && b[10] == b'T' && b[19] == b'.' && b[23] == b'Z'
}

#[test]
fn every_sample_event_prints_one_json_document_per_line_with_timestamp_and_metadata() {
    for file in sample_events() {
        let mut cmd = bin();
        cmd.arg("invoke").arg(&file);
        let out = run(cmd, b"");
        assert!(out.status.success(), "{}: {}", file.display(), stderr(&out));
        let control = file.file_name().unwrap() == "control-message.json";
        let docs = if file.file_name().unwrap() == "firehose-transformation.json" {
            transformed_documents(&out)
        } else {
            documents(&out)
        };
        assert_eq!(docs.is_empty(), control, "{}", file.display());
        for d in docs {
            let ts = d["@timestamp"].as_str().unwrap();
            assert!(is_rfc3339_millis(ts), "{ts}");
            assert!(d["cloudwatch"]["event_id"].is_string());
            assert!(d["cloudwatch"]["log_group"].is_string());
        }
    }
}

/// The documents inside a Firehose transformation response on stdout.
fn transformed_documents(out: &std::process::Output) -> Vec<serde_json::Value> {
    use base64::Engine as _;
    let response: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    response["records"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["result"] == "Ok")
        .flat_map(|r| {
            let data = base64::engine::general_purpose::STANDARD
                .decode(r["data"].as_str().unwrap())
                .unwrap();
            data.split(|&b| b == b'\n')
                .filter(|l| !l.is_empty())
                .map(|l| serde_json::from_slice(l).unwrap())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn a_firehose_transformation_event_is_answered_with_the_documents_of_each_record() {
    let mut cmd = bin();
    cmd.arg("invoke")
        .arg(root().join("events/firehose-transformation.json"));
    let out = run(cmd, b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = transformed_documents(&out);
    let mut plain = bin();
    plain
        .arg("invoke")
        .arg(root().join("events/json-lines.json"));
    let expected = documents(&run(plain, b""));
    assert_eq!(
        docs, expected,
        "the same documents as the subscription path"
    );
    assert!(stderr(&out).contains("firehose transformation"));
}

#[test]
fn a_control_message_prints_nothing_and_exits_zero() {
    let mut cmd = bin();
    cmd.arg("invoke")
        .arg(root().join("events/control-message.json"));
    let out = run(cmd, b"");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(stderr(&out).contains("control message"));
}

#[test]
fn a_ten_thousand_event_delivery_prints_ten_thousand_records() {
    let messages: Vec<String> = (0..10_000)
        .map(|i| {
            format!(
                "2024-05-11T14:44:44+0000 orders.api INFO request {i} handled in {} ms",
                i % 97
            )
        })
        .collect();
    let dir = TempDir::new("10k");
    let file = dir.write("big.json", &event_of(messages));
    let mut cmd = bin();
    cmd.arg("invoke").arg(&file);
    let out = run(cmd, b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = documents(&out);
    assert_eq!(docs.len(), 10_000);
    assert_eq!(docs[9_999]["message"], "request 9999 handled in 8 ms");
    assert!(stderr(&out).contains("events=10000 records=10000 printed=10000"));
}

#[test]
fn dash_reads_the_event_from_stdin() {
    let mut cmd = bin();
    cmd.args(["invoke", "-"]);
    let out = run(cmd, &event_of(vec!["hello".into()]));
    assert!(out.status.success());
    assert_eq!(documents(&out)[0]["message"], "hello");
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(data).unwrap();
    enc.finish().unwrap()
}

fn wrap(compressed: &[u8]) -> Vec<u8> {
    use base64::Engine as _;
    let data = base64::engine::general_purpose::STANDARD.encode(compressed);
    format!(r#"{{"awslogs":{{"data":"{data}"}}}}"#).into_bytes()
}

#[test]
fn each_malformed_input_exits_nonzero_with_a_one_line_reason_and_no_panic() {
    let good_payload = logs_to_firehose::encode::payload(&Default::default(), vec!["x".into()]);
    let good = gzip(&good_payload);
    let bomb = {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        let zeros = vec![b' '; 1 << 20];
        // Past a 128 MB function's 48 MiB cap.
        for _ in 0..100 {
            enc.write_all(&zeros).unwrap();
        }
        enc.finish().unwrap()
    };
    let no_events = String::from_utf8(good_payload.clone()).unwrap();
    let no_events = no_events.split(",\"logEvents\"").next().unwrap().to_owned() + "}";
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("not JSON", b"hello".to_vec(), "InvalidEventJson"),
        (
            "no awslogs key",
            br#"{"Records":[]}"#.to_vec(),
            "MissingAwslogs",
        ),
        (
            "bad base64",
            br#"{"awslogs":{"data":"!!!"}}"#.to_vec(),
            "InvalidBase64",
        ),
        ("not gzip", wrap(b"plain"), "InvalidGzip"),
        (
            "truncated gzip",
            wrap(&good[..good.len() - 12]),
            "InvalidGzip",
        ),
        (
            "invalid UTF-8",
            wrap(&gzip(b"{\"owner\":\"\xff\xfe\"}")),
            "InvalidUtf8",
        ),
        (
            "payload not JSON",
            wrap(&gzip(b"not json at all")),
            "InvalidPayloadJson",
        ),
        (
            "no logEvents",
            wrap(&gzip(no_events.as_bytes())),
            "InvalidPayloadJson",
        ),
        ("gzip bomb", wrap(&bomb), "PayloadTooLarge"),
    ];
    for (name, event, kind) in cases {
        let mut cmd = bin();
        // The smallest function's memory, and so its 32 MiB cap.
        cmd.env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128");
        cmd.args(["invoke", "-"]);
        let out = run(cmd, &event);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        // One line of reason, and at most a hint after it.
        let reasons = err.lines().filter(|l| !l.starts_with("hint: ")).count();
        assert_eq!(reasons, 1, "{name}: {err}");
        assert!(err.starts_with("error: -: "), "{name}: {err}");
        assert!(err.contains(kind), "{name}: {err}");
        assert!(out.stdout.is_empty(), "{name}");
    }
}

#[test]
fn an_event_over_the_size_limit_is_refused() {
    let mut cmd = bin();
    cmd.args(["invoke", "-"]);
    let out = run(cmd, &vec![b' '; 6 * 1024 * 1024 + 1]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("limit"));
}

#[test]
fn one_bad_file_fails_the_run_but_the_good_files_are_still_processed() {
    let dir = TempDir::new("mixed");
    let bad = dir.write("bad.json", b"{}");
    let good = dir.write("good.json", &event_of(vec!["fine".into()]));
    let mut cmd = bin();
    cmd.arg("invoke").arg(&bad).arg(&good);
    let out = run(cmd, b"");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(documents(&out).len(), 1);
    assert!(stderr(&out).contains("MissingAwslogs"));
    assert!(stderr(&out).contains("good.json: events=1"));
}

#[test]
fn a_bad_setting_stops_start_up_naming_the_variable() {
    for (var, value) in [
        ("PYTHON_LOG_FORMAT", "%(message)"),
        ("LAMBDA_PLATFORM_LINES", "sometimes"),
        ("MAX_IN_FLIGHT", "0"),
    ] {
        let mut cmd = bin();
        cmd.env(var, value).args(["invoke", "-"]);
        let out = run(cmd, &event_of(vec!["x".into()]));
        assert_eq!(out.status.code(), Some(2), "{var}");
        assert!(stderr(&out).contains(var), "{var}: {}", stderr(&out));
    }
}

#[test]
fn encode_then_invoke_round_trips_a_log_file() {
    let dir = TempDir::new("encode");
    let log = dir.write(
        "app.log",
        b"2024-05-11 14:44:44,123 - app - ERROR - failed\nTraceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nKeyError: 'k'\n",
    );
    for per_record in [false, true] {
        let mut cmd = bin();
        cmd.args(["encode", "--log-group", "/my/group"]);
        if per_record {
            cmd.arg("--per-record");
        }
        cmd.arg(&log);
        let encoded = run(cmd, b"");
        assert!(encoded.status.success(), "{}", stderr(&encoded));
        let mut cmd = bin();
        cmd.args(["invoke", "-"]);
        let out = run(cmd, &encoded.stdout);
        let docs = documents(&out);
        assert_eq!(docs.len(), 1, "per_record={per_record}");
        assert_eq!(docs[0]["asctime"], "2024-05-11 14:44:44,123");
        assert_eq!(docs[0]["message"], "failed");
        assert_eq!(
            docs[0]["exc_info"],
            "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nKeyError: 'k'"
        );
        assert_eq!(docs[0]["cloudwatch"]["log_group"], "/my/group");
    }
}

#[test]
fn the_committed_samples_are_what_encode_makes_of_their_sources() {
    // The samples must stay regenerable: encoding the source again gives
    // the committed bytes.
    let mut cmd = bin();
    cmd.args(["encode", "--payload"])
        .arg(root().join("events/src/control-message.payload.json"));
    let out = run(cmd, b"");
    let committed = std::fs::read(root().join("events/control-message.json")).unwrap();
    assert_eq!(out.stdout, committed);
}

/// One row of events/bad/expected.tsv.
struct Expected {
    file: String,
    env: Option<(String, String)>,
    exit: i32,
    stderr: String,
}

fn bad_inputs() -> Vec<Expected> {
    let table = std::fs::read_to_string(root().join("events/bad/expected.tsv")).unwrap();
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "bad row: {l}");
            Expected {
                file: cols[0].to_owned(),
                env: cols[1]
                    .split_once('=')
                    .map(|(k, v)| (k.to_owned(), v.to_owned())),
                exit: cols[2].parse().unwrap(),
                stderr: cols[3].to_owned(),
            }
        })
        .collect()
}

#[test]
fn every_bad_input_gives_its_expected_error_or_records() {
    let rows = bad_inputs();
    // Every file in events/bad has a row, and every row a file.
    let mut files: Vec<String> = std::fs::read_dir(root().join("events/bad"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    let mut named: Vec<String> = rows.iter().map(|r| r.file.clone()).collect();
    named.sort();
    named.dedup();
    assert_eq!(files, named);
    for row in rows {
        let mut cmd = bin();
        cmd.current_dir(root())
            .arg("invoke")
            .arg(format!("events/bad/{}", row.file));
        if let Some((k, v)) = &row.env {
            cmd.env(k, v);
        }
        let out = run(cmd, b"");
        let err = stderr(&out);
        let what = format!("{} with {:?}", row.file, row.env);
        assert_eq!(out.status.code(), Some(row.exit), "{what}: {err}");
        assert_eq!(err.lines().last().unwrap_or_default(), row.stderr, "{what}");
        // Whatever was printed is one valid document per line, each within
        // Firehose's record limit.
        for line in out.stdout.split_inclusive(|&b| b == b'\n') {
            assert!(
                line.len() <= logs_to_firehose::sinks::firehose::batch::MAX_RECORD_BYTES,
                "{what}"
            );
            let _: serde_json::Value = serde_json::from_slice(line).unwrap();
        }
        if row.file == "nul-bytes.json" && row.exit == 0 {
            let docs = documents(&out);
            assert_eq!(docs[0]["message"], "a\u{0}b\u{0}\n\u{0}");
        }
    }
}

#[test]
fn what_the_apps_log_never_reaches_the_functions_own_logs_below_debug() {
    let secret = "sk_live_SECRET_TOKEN_0123456789";
    let big = format!(
        "2024-05-11T14:44:44+0000 app INFO token={secret} {}",
        "x".repeat(logs_to_firehose::sinks::firehose::batch::MAX_RECORD_BYTES)
    );
    let dir = TempDir::new("secrets");
    let good = dir.write("good.json", &event_of(vec![format!("token={secret}"), big]));
    // A damaged event whose text holds the secret too.
    let bad = dir.write(
        "bad.json",
        format!("{{\"awslogs\":{{\"data\":\"{secret}\"}}}}").as_bytes(),
    );
    for level in [None, Some("info"), Some("warn")] {
        let mut cmd = bin();
        cmd.arg("invoke").arg(&good).arg(&bad);
        if let Some(l) = level {
            cmd.env("RUST_LOG", l);
        }
        let out = run(cmd, b"");
        let err = stderr(&out);
        assert!(err.contains("truncated"), "the warning is there: {err}");
        assert!(!err.contains(secret), "at {level:?}: {err}");
    }
    // At DEBUG the damaged event is shown, cut short.
    let mut cmd = bin();
    cmd.arg("invoke").arg(&bad).env("RUST_LOG", "debug");
    let err = stderr(&run(cmd, b""));
    assert!(err.contains("event that failed"), "{err}");
}

#[test]
fn filters_drop_and_count_records_and_redaction_masks_every_string_value() {
    let messages: Vec<String> = [
        // First, so it isn't joined to a record as a continuation line.
        "plain print() without a level",
        "2024-05-11T14:44:44+0000 app DEBUG cache warmed",
        "2024-05-11T14:44:44+0000 botocore.credentials INFO Found credentials",
        "2024-05-11T14:44:44+0000 app INFO healthcheck ok",
        "2024-05-11T14:44:44+0000 app WARNING login failed for ann@example.com key AKIAIOSFODNN7EXAMPLE",
        r#"{"levelname":"ERROR","name":"app","message":"from 10.1.2.3","user":{"email":"bob@example.org"},"n":3}"#,
        r#"{"levelname":"DEBUG","name":"app","message":"json debug"}"#,
    ]
    .map(str::to_owned)
    .to_vec();
    let dir = TempDir::new("filters");
    let file = dir.write("e.json", &event_of(messages));
    let mut cmd = bin();
    cmd.arg("invoke")
        .arg(&file)
        .env("MIN_LEVEL", "info")
        .env("EXCLUDE_LOGGERS", "botocore")
        .env("EXCLUDE_PATTERN", "^healthcheck")
        .env("REDACT", "emails,aws-keys,ipv4");
    let out = run(cmd, b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = documents(&out);
    let messages: Vec<&str> = docs
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "plain print() without a level",
            "login failed for [REDACTED:email] key [REDACTED:aws-key]",
            "from [REDACTED:ipv4]",
        ]
    );
    // The nested object is masked too, wherever type stability keeps it.
    assert_eq!(docs[2]["structured"]["user"]["email"], "[REDACTED:email]");
    assert_eq!(docs[2]["user"], r#"{"email":"[REDACTED:email]"}"#);
    assert_eq!(docs[2]["n"], 3, "numbers stay numbers");
    let err = stderr(&out);
    assert!(
        err.contains("events=7 records=3 printed=3")
            && err.contains("filtered=4 redacted=2 coerced=1"),
        "{err}"
    );
}

#[test]
fn with_the_ecs_schema_every_document_carries_ecs_fields_and_no_python_ones() {
    for file in [
        "events/seed-per-record.json",
        "events/lambda-runtime.json",
        "events/json-lines.json",
    ] {
        let mut cmd = bin();
        cmd.arg("invoke")
            .arg(root().join(file))
            .env("OUTPUT_SCHEMA", "ecs");
        let out = run(cmd, b"");
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        let docs = documents(&out);
        assert!(!docs.is_empty());
        for d in &docs {
            assert_eq!(d["ecs.version"], "8.11.0", "{d}");
            assert_eq!(d["cloud.provider"], "aws");
            assert!(d["cloud.account.id"].is_string() && d["event.id"].is_string());
            assert!(d["aws.cloudwatch.log_group"].is_string());
            assert!(
                d.get("cloudwatch").is_none() && d.get("levelname").is_none(),
                "{d}"
            );
            if let Some(level) = d["log.level"].as_str() {
                assert_eq!(level, level.to_lowercase());
            }
        }
        if file.contains("seed") {
            let err = docs
                .iter()
                .find(|d| d["error.type"] == "RuntimeError")
                .unwrap();
            assert_eq!(err["error.message"], "config is broken");
            assert_eq!(err["log.logger"], "orders.api");
        }
        if file.contains("lambda") {
            assert!(docs.iter().any(|d| d["faas.execution"].is_string()));
        }
    }
}

#[test]
fn printing_to_stdout_says_printed_and_claims_no_firehose_calls() {
    let mut cmd = bin();
    cmd.args(["invoke", "-"]);
    let out = run(cmd, &event_of(vec!["one\n".into(), "two\n".into()]));
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.contains("printed=2"), "{err}");
    assert!(!err.contains("sent=") && !err.contains("calls="), "{err}");
}

#[test]
fn invoke_on_a_raw_log_file_says_to_wrap_it_with_encode() {
    for log in [
        &b"2026-05-11 14:44:44,123 INFO app started\n"[..],
        b"{\"message\": \"a JSON-lines log\"}\n{\"message\": \"two\"}\n",
        b"{\"message\": \"one JSON line\"}\n",
    ] {
        let mut cmd = bin();
        cmd.args(["invoke", "-"]);
        let out = run(cmd, log);
        assert!(!out.status.success());
        let err = stderr(&out);
        assert!(
            err.contains("hint: invoke takes Lambda events, and this looks like a log file")
                && err.contains("logs-to-firehose encode FILE | logs-to-firehose invoke -"),
            "{err}"
        );
    }
    // A real event that is broken gets no such hint.
    let mut cmd = bin();
    cmd.args(["invoke", "-"]);
    let out = run(cmd, br#"{"awslogs":{"data":"!!"}}"#);
    assert!(!stderr(&out).contains("hint:"));
}

#[test]
fn a_format_that_matches_nothing_is_warned_about_with_its_position_and_counted() {
    // One event per record (trailing newline), as the Lambda runtime
    // sends them, so how lines join plays no part here.
    let lines = vec![
        "2024-05-11 14:44:44 INFO orders placed\n".to_owned(),
        "2024-05-11 14:44:45 ERROR orders failed\n".to_owned(),
    ];
    let dir = TempDir::new("unmatched");
    let file = dir.write("e.json", &event_of(lines));
    // %Q is no strftime directive: Python writes it literally, so the
    // datefmt below never matches a real timestamp.
    for (formats, datefmt, says) in [
        (
            "%(asctime)s %(levelname)s %(message)s",
            "%Q",
            "no format (of 1) matched any record",
        ),
        (
            "%(asctime)s %(levelname)s %(message)s\n%(levelname)s| %(message)s",
            "%Y-%m-%d %H:%M:%S",
            "",
        ),
        (
            "%(levelname)s| %(message)s\n[%(name)s] %(message)s",
            "%Y-%m-%d %H:%M:%S",
            "no format (of 2) matched any record",
        ),
    ] {
        let mut cmd = bin();
        cmd.env("PYTHON_LOG_FORMAT", formats)
            .env("PYTHON_LOG_DATEFMT", datefmt)
            .env("RUST_LOG", "warn")
            .arg("invoke")
            .arg(&file);
        let out = run(cmd, b"");
        assert!(out.status.success());
        let err = stderr(&out);
        if says.is_empty() {
            assert!(
                err.contains("unmatched=0") && !err.contains("WARN"),
                "{err}"
            );
        } else {
            assert!(err.contains("unmatched=2"), "{err}");
            assert_eq!(err.matches(says).count(), 1, "warned once: {err}");
        }
    }
    // One of two formats idle while the other leaves records unmatched.
    let mixed = dir.write(
        "m.json",
        &event_of(vec![
            "INFO| fine\n".to_owned(),
            "something else entirely\n".to_owned(),
        ]),
    );
    let mut cmd = bin();
    cmd.env(
        "PYTHON_LOG_FORMAT",
        "%(asctime)s %(levelname)s %(message)s\n%(levelname)s| %(message)s",
    )
    .arg("invoke")
    .arg(&mixed);
    let err = stderr(&run(cmd, b""));
    assert!(
        err.contains("1 records of log group \"/aws/lambda/example\" matched no configured format")
            && err.contains("formats 1 (of 2) matched no record"),
        "{err}"
    );
}

#[test]
fn encode_help_shows_its_defaults_and_where_per_record_reads_the_format() {
    let mut cmd = bin();
    cmd.args(["encode", "--help"]);
    let help = String::from_utf8(run(cmd, b"").stdout).unwrap();
    for needle in [
        "[default: /aws/lambda/example]",
        "[default: 1715438684000, 2024-05-11T14:44:44Z]",
        "[default: one event per non-empty line",
        "PYTHON_LOG_FORMAT/PYTHON_LOG_DATEFMT in encode's own",
        "--format F",
    ] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
}

#[test]
fn encode_per_record_takes_the_format_as_an_option() {
    let log = b"2024-05-11 14:44:44 INFO boom\nTraceback (most recent call last):\n  File \"a.py\", line 1, in <module>\nValueError: x\n2024-05-11 14:44:45 INFO next\n";
    let mut encode = bin();
    encode.args([
        "encode",
        "--per-record",
        "--format",
        "%(asctime)s %(levelname)s %(message)s",
        "--datefmt",
        "%Y-%m-%d %H:%M:%S",
        "-",
    ]);
    let event = run(encode, log);
    assert!(event.status.success(), "{}", stderr(&event));
    let mut cmd = bin();
    cmd.args(["invoke", "-"]);
    let out = run(cmd, &event.stdout);
    let err = stderr(&out);
    assert!(err.contains("events=2 records=2"), "{err}");
}

#[test]
fn each_log_group_is_parsed_with_its_own_formats() {
    // Two apps behind one function: orders writes gunicorn's error format
    // beside its access log (`%(message)s`); billing writes the seed
    // format. A catch-all for one group must not touch the other.
    let groups = r#"[
        {"groups": "/ecs/orders*", "formats": ["%(asctime)s [%(process)d] [%(levelname)s] %(message)s", "%(message)s"], "datefmt": "[%Y-%m-%d %H:%M:%S %z]"},
        {"groups": ["/ecs/airflow"], "formats": "[%(asctime)s] {%(filename)s:%(lineno)d} %(levelname)s - %(message)s", "datefmt": "iso8601"}
    ]"#;
    let traceback = [
        "Traceback (most recent call last):",
        "  File \"/app/app.py\", line 3, in boom",
        "ValueError: x",
        "plain print",
    ];
    let run_group = |group: &str, first: &str| {
        // The record is one write; the print() comes a second later.
        let t = 1_715_438_684_000;
        let mut events = vec![(t, first)];
        events.extend(traceback[..3].iter().map(|l| (t, *l)));
        events.push((t + 1000, traceback[3]));
        let mut cmd = bin();
        cmd.env("LOG_GROUP_FORMATS", groups)
            .env(
                "PYTHON_LOG_FORMAT",
                "%(asctime)s %(name)s %(levelname)s %(message)s",
            )
            .env("PYTHON_LOG_DATEFMT", "%Y-%m-%dT%H:%M:%S%z")
            .args(["invoke", "-"]);
        let out = run(cmd, &event_at(group, &events));
        assert!(out.status.success(), "{}", stderr(&out));
        let docs = documents(&out);
        assert_eq!(docs.len(), 2, "{docs:#?}");
        assert_eq!(docs[1]["message"], "plain print");
        docs
    };
    let orders = run_group(
        "/ecs/orders-api",
        "[2024-05-11 14:44:44 +0000] [7] [ERROR] Error handling request /",
    );
    assert_eq!(orders[0]["process"], 7);
    assert_eq!(orders[0]["levelname"], "ERROR");
    assert!(
        orders[0]["exc_info"]
            .as_str()
            .unwrap()
            .ends_with("ValueError: x")
    );
    let billing = run_group(
        "/ecs/billing",
        "2024-05-11T14:44:44+0000 billing.api ERROR failed",
    );
    assert_eq!(billing[0]["name"], "billing.api");
    assert!(
        billing[0]["exc_info"]
            .as_str()
            .unwrap()
            .ends_with("ValueError: x")
    );
    let airflow = run_group(
        "/ecs/airflow",
        "[2024-05-11T14:44:45.123+0000] {taskinstance.py:441} ERROR - Task failed",
    );
    assert_eq!(airflow[0]["asctime"], "2024-05-11T14:44:45.123+0000");
    assert_eq!(airflow[0]["lineno"], 441);
    assert!(
        airflow[0]["exc_info"]
            .as_str()
            .unwrap()
            .ends_with("ValueError: x")
    );

    // A bad entry stops start-up, naming the setting and the entry.
    let mut cmd = bin();
    cmd.env(
        "LOG_GROUP_FORMATS",
        r#"[{"groups": "/a", "formats": "%(message)s"}, {"groups": "/b", "formats": "%(levelname"}]"#,
    )
    .args(["invoke", "-"]);
    let out = run(cmd, &event_of(vec!["x".into()]));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("LOG_GROUP_FORMATS entry 2 (/b): format \"%(levelname\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_stdout_that_cannot_be_written_is_an_error_not_ignored() {
    // /dev/full fails every write with ENOSPC, every time.
    let unwritable = || {
        std::process::Stdio::from(
            std::fs::File::options()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
    };
    let mut help = bin();
    help.arg("--help")
        .stdout(unwritable())
        .stderr(std::process::Stdio::piped());
    let out = help.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error: writing stdout"),
        "{}",
        stderr(&out)
    );

    let dir = TempDir::new("unwritable");
    let file = dir.write("e.json", &event_of(vec!["hello\n".into()]));
    let mut invoke = bin();
    invoke
        .arg("invoke")
        .arg(&file)
        .stdout(unwritable())
        .stderr(std::process::Stdio::piped());
    let out = invoke.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("[StdoutFailed]"), "{}", stderr(&out));
}

#[test]
fn a_delivery_from_the_functions_own_log_group_is_not_forwarded_but_counted_and_warned_about() {
    let mut cmd = bin();
    // Lambda sets this; encode's default log group is the same one.
    cmd.env("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/example")
        .args(["invoke", "-"]);
    let out = run(cmd, &event_of(vec!["one\n".into(), "two\n".into()]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("printed=0") && err.contains("(own log group: not forwarded)"),
        "{err}"
    );
    assert_eq!(
        err.matches("feedback loop").count(),
        1,
        "warned once: {err}"
    );
}

#[test]
fn a_kinesis_event_of_two_deliveries_prints_both_and_answers_a_bad_record_in_batch_item_failures() {
    let dir = TempDir::new("kinesis");
    let orders = dir.write(
        "orders.log",
        b"2024-05-11 14:44:44,123 - orders - INFO - placed\n",
    );
    let billing = dir.write(
        "billing.log",
        b"2024-05-11 14:44:45,000 - billing - WARNING - late\n2024-05-11 14:44:46,000 - billing - INFO - paid\n",
    );
    let mut cmd = bin();
    cmd.args(["encode", "--kinesis"]).arg(&orders).arg(&billing);
    let encoded = run(cmd, b"");
    assert!(encoded.status.success(), "{}", stderr(&encoded));

    let mut cmd = bin();
    cmd.args(["invoke", "-"]);
    let out = run(cmd, &encoded.stdout);
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = documents(&out);
    let names: Vec<_> = docs.iter().map(|d| d["name"].clone()).collect();
    assert_eq!(names, ["orders", "billing", "billing"]);
    let mut ids: Vec<_> = docs
        .iter()
        .map(|d| d["cloudwatch"]["event_id"].to_string())
        .collect();
    ids.dedup();
    assert_eq!(
        ids.len(),
        3,
        "each file's events follow the last, so no id repeats"
    );
    assert!(
        stderr(&out).contains("stream_records=2 item_failures=0"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains(r#"response {"batchItemFailures":[]}"#),
        "{}",
        stderr(&out)
    );

    // The second stream record damaged: the first is still delivered, and
    // the second is answered for Lambda to retry.
    let mut event: serde_json::Value = serde_json::from_slice(&encoded.stdout).unwrap();
    event["Records"][1]["kinesis"]["data"] = "bm90IGd6aXA=".into();
    let seq = event["Records"][1]["kinesis"]["sequenceNumber"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut cmd = bin();
    cmd.args(["invoke", "-"]);
    let out = run(cmd, &serde_json::to_vec(&event).unwrap());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let names: Vec<_> = documents(&out).iter().map(|d| d["name"].clone()).collect();
    assert_eq!(names, ["orders"]);
    let answer = format!(r#"response {{"batchItemFailures":[{{"itemIdentifier":"{seq}"}}]}}"#);
    assert!(stderr(&out).contains(&answer), "{}", stderr(&out));
}

#[test]
fn a_repetitive_flood_that_fits_in_memory_is_delivered_and_only_a_smaller_function_refuses_it() {
    // 170,000 copies of one error line: a 36 MB payload from a 1.8 MB
    // event, as an outage writes it. Shaping it needs about 116 MB: a 256
    // MB function (192 MB to spare) takes it; a 128 MB one (96 MB) refuses
    // it whole, before it starts, for Lambda to retry and park.
    let line = "2024-05-11 14:44:44,123 - app.worker - ERROR - connection to db-primary.internal:5432 refused; retrying in 1s";
    let event = event_of(vec![line.to_owned(); 170_000]);
    assert!(event.len() < 6 << 20);
    for (memory, ok) in [("256", true), ("128", false)] {
        let mut cmd = bin();
        cmd.env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", memory)
            .args(["invoke", "-"]);
        let out = run(cmd, &event);
        assert_eq!(out.status.success(), ok, "{memory} MB: {}", stderr(&out));
        if ok {
            assert!(
                stderr(&out).contains("records=170000 printed=170000"),
                "{}",
                stderr(&out)
            );
        } else {
            assert!(
                stderr(&out).contains("[OverMemoryBudget]"),
                "{}",
                stderr(&out)
            );
        }
    }
}

#[test]
fn redrive_help_documents_every_option() {
    let mut cmd = bin();
    cmd.args(["redrive", "--help"]);
    let out = run(cmd, b"");
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for option in [
        "--bucket",
        "--prefix",
        "--stream",
        "--after move|delete",
        "--dry-run",
        "[default: move]",
        "[default: AmazonOpenSearchService-failed/]",
        "redriven/",
    ] {
        assert!(help.contains(option), "{option} missing from:\n{help}");
    }
}

#[test]
fn an_apps_own_format_is_read_with_nothing_configured_exactly_as_if_it_were_configured() {
    // events/app.json: the README's example format, which no built-in
    // format knows.
    let invoke = |env: &[(&str, &str)]| {
        let mut cmd = bin();
        cmd.envs(env.iter().copied())
            .arg("invoke")
            .arg(root().join("events/app.json"));
        let out = run(cmd, b"");
        assert!(out.status.success(), "{}", stderr(&out));
        out
    };
    let inferred = invoke(&[]);
    let configured = invoke(&[
        (
            "PYTHON_LOG_FORMAT",
            "%(asctime)s %(levelname)s [%(name)s] %(message)s",
        ),
        ("PYTHON_LOG_DATEFMT", "%Y-%m-%d %H:%M:%S"),
    ]);
    assert_eq!(
        String::from_utf8_lossy(&inferred.stdout),
        String::from_utf8_lossy(&configured.stdout)
    );
    let docs = documents(&inferred);
    assert_eq!(docs.len(), 10);
    assert!(
        docs.iter()
            .all(|d| d["levelname"].is_string() && d["name"].is_string())
    );
    assert!(
        stderr(&inferred).contains("inferred=10"),
        "{}",
        stderr(&inferred)
    );
    assert!(
        stderr(&configured).contains("inferred=0"),
        "{}",
        stderr(&configured)
    );
}

#[test]
fn infer_prints_a_log_files_format_as_a_log_group_formats_entry_to_paste() {
    let mut cmd = bin();
    cmd.args(["infer", "--log-group", "/ecs/shop*"])
        .arg(root().join("events/src/app.log"));
    let out = run(cmd, b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let entry: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        entry,
        serde_json::json!([{"groups": "/ecs/shop*", "formats": [{
            "format": "%(asctime)s %(levelname)s [%(name)s] %(message)s",
            "datefmt": "%Y-%m-%d %H:%M:%S"}]}])
    );
    // Pasted as it is, it is a valid LOG_GROUP_FORMATS.
    let mut cmd = bin();
    cmd.env("LOG_GROUP_FORMATS", String::from_utf8(out.stdout).unwrap())
        .arg("invoke")
        .arg(root().join("events/app.json"));
    let pinned = run(cmd, b"");
    assert!(pinned.status.success(), "{}", stderr(&pinned));
    assert!(
        stderr(&pinned).contains("inferred=0"),
        "{}",
        stderr(&pinned)
    );
    let mut cmd = bin();
    cmd.args(["infer"])
        .arg(root().join("events/src/json-lines.log"));
    let none = run(cmd, b"");
    assert_eq!(none.status.code(), Some(1));
    assert!(
        stderr(&none).contains("no format found"),
        "{}",
        stderr(&none)
    );
}
