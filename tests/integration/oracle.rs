//! The parser's oracle: for every record that real Python logged through
//! `logging.Formatter(FMT, DATEFMT)`, the binary must produce exactly the
//! document python-json-logger's `JsonFormatter(FMT, DATEFMT)` produced for
//! the same record: same keys, same order, same values, same types. Both
//! arrival modes are checked: one event per record (the Lambda runtime) and
//! one event per line (ECS `awslogs`, a `StreamHandler` on stdout).
//!
//! The expected documents come from `tests/oracle/oracle.py`, run with the
//! Python that has python-json-logger: `$LTF_PYTHON`, or `.venv/bin/python`
//! (which `.ci/run` creates).

use std::path::PathBuf;
use std::process::Command;

use serde::Deserialize;

use crate::util::{bin, event_at, event_of, root, run, stderr};

#[derive(Deserialize)]
struct Oracle {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    format: String,
    datefmt: Option<String>,
    records: Vec<Expected>,
}

#[derive(Deserialize)]
struct Expected {
    text: String,
    json: String,
}

fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("LTF_PYTHON") {
        return p.into();
    }
    let venv = root().join(".venv/bin/python");
    assert!(
        venv.exists(),
        "the oracle tests need Python with the real python-json-logger, in .venv: \
         run `bash .ci/venv` once (about a minute), or set LTF_PYTHON to a Python \
         that has it (tests/README.md lists each layer's needs)"
    );
    venv
}

/// Keys of a JSON object, in the order they are written.
fn key_order(text: &str) -> Vec<String> {
    struct Keys;
    impl<'de> serde::de::Visitor<'de> for Keys {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Vec<String>, A::Error> {
            let mut keys = Vec::new();
            while let Some((k, _)) = map.next_entry::<String, serde::de::IgnoredAny>()? {
                keys.push(k);
            }
            Ok(keys)
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    serde::Deserializer::deserialize_map(&mut de, Keys).unwrap()
}

/// Our document without the keys we add, as (key order, value).
fn strip_ours(line: &str) -> (Vec<String>, serde_json::Value) {
    let mut keys = key_order(line);
    keys.retain(|k| k != "@timestamp" && k != "cloudwatch");
    let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
    let m = v.as_object_mut().unwrap();
    m.remove("@timestamp");
    m.remove("cloudwatch");
    (keys, v)
}

/// Runs `tests/oracle/oracle.py` with `args` and reads its cases.
fn oracle(args: &[&str]) -> Oracle {
    oracle_script("oracle.py", args)
}

/// Runs a script of `tests/oracle/` and reads what it prints.
pub(crate) fn oracle_script<T: serde::de::DeserializeOwned>(script: &str, args: &[&str]) -> T {
    let out = Command::new(python())
        .arg(root().join("tests/oracle").join(script))
        .args(args)
        .output()
        .expect("run the oracle script");
    assert!(
        out.status.success(),
        "{script} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Whether our document (one stdout line) is exactly python-json-logger's.
fn exact(line: &str, want: &str) -> bool {
    let (keys, value) = strip_ours(line);
    let want_value: serde_json::Value = serde_json::from_str(want).unwrap();
    keys == key_order(want) && value == want_value
}

/// Runs `invoke` on `messages` with the case's format (unless
/// `auto`-detecting) and `env`, and returns stdout.
fn invoke_case(case: &Case, messages: Vec<String>, auto: bool, env: &[(&str, &str)]) -> String {
    let mut cmd = bin();
    if !auto {
        cmd.env("PYTHON_LOG_FORMAT", &case.format);
        if let Some(d) = &case.datefmt {
            cmd.env("PYTHON_LOG_DATEFMT", d);
        }
    }
    cmd.envs(env.iter().copied());
    cmd.args(["invoke", "-"]);
    let result = run(cmd, &event_of(messages));
    assert!(
        result.status.success(),
        "{}: {}",
        case.name,
        stderr(&result)
    );
    String::from_utf8(result.stdout).unwrap()
}

#[test]
fn every_record_of_every_format_matches_python_json_logger_in_both_arrival_modes() {
    let oracle = oracle(&[]);
    assert!(oracle.cases.len() >= 10);

    let auto_formats: Vec<&str> = logs_to_firehose::AUTO_FORMATS
        .iter()
        .map(|(f, _)| *f)
        .collect();
    let (mut total, mut exact, mut failures) = (0, 0, Vec::new());
    let mut auto_cases = 0;
    for case in &oracle.cases {
        // The built-in formats must also match with nothing configured.
        let auto_too = auto_formats.contains(&case.format.as_str());
        auto_cases += usize::from(auto_too);
        let modes: &[(bool, bool)] = if auto_too {
            &[(false, false), (true, false), (false, true), (true, true)]
        } else {
            &[(false, false), (true, false)]
        };
        for &(per_line, auto) in modes {
            let messages: Vec<String> = if per_line {
                // CloudWatch stores no empty events, so blank lines vanish.
                case.records
                    .iter()
                    .flat_map(|r| r.text.split('\n'))
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect()
            } else {
                case.records
                    .iter()
                    .map(|r| format!("{}\n", r.text))
                    .collect()
            };
            let stdout = invoke_case(case, messages, auto, &[]);
            let got: Vec<&str> = stdout.lines().collect();
            let mode = match (per_line, auto) {
                (false, false) => "per-record",
                (true, false) => "per-line",
                (false, true) => "per-record, auto-detected",
                (true, true) => "per-line, auto-detected",
            };
            if got.len() != case.records.len() {
                failures.push(format!(
                    "{} ({mode}): {} documents for {} records",
                    case.name,
                    got.len(),
                    case.records.len()
                ));
            }
            for (i, (line, want)) in got.iter().zip(&case.records).enumerate() {
                total += 1;
                let (keys, value) = strip_ours(line);
                let want_value: serde_json::Value = serde_json::from_str(&want.json).unwrap();
                if keys == key_order(&want.json) && value == want_value {
                    exact += 1;
                } else {
                    failures.push(format!(
                        "{} ({mode}) record {i}:\n  text: {:?}\n  want: {}\n  got:  {}",
                        case.name, want.text, want.json, value
                    ));
                }
            }
        }
    }
    eprintln!(
        "oracle: {exact}/{total} records exact across {} formats x 2 arrival modes \
         (+ auto-detection for the {auto_cases} built-in formats)",
        oracle.cases.len()
    );
    assert_eq!(
        auto_cases,
        auto_formats.len(),
        "every built-in format has an oracle case"
    );
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(exact, total);
}

/// `{"log":{"origin":{"file":{"line":1}}}}` → `{"log.origin.file.line": 1}`.
fn flatten(
    prefix: &str,
    v: &serde_json::Value,
    out: &mut serde_json::Map<String, serde_json::Value>,
) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, v) in m {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        other => {
            out.insert(prefix.to_owned(), other.clone());
        }
    }
}

/// The ECS fields we map, with the Python attribute each comes from.
/// `error.stack_trace` is left out on purpose: Elastic's formatter keeps
/// only the frames, we keep the whole traceback as Python printed it
/// (chained exceptions included).
const ECS_FIELDS: &[(&str, &str)] = &[
    ("message", "message"),
    ("log.level", "levelname"),
    ("log.logger", "name"),
    ("process.pid", "process"),
    ("process.name", "processName"),
    ("process.thread.id", "thread"),
    ("process.thread.name", "threadName"),
    ("log.origin.file.name", "filename"),
    ("log.origin.file.line", "lineno"),
    ("log.origin.function", "funcName"),
    ("error.type", "exc_info"),
    ("error.message", "exc_info"),
];

#[test]
fn every_ecs_field_we_map_agrees_with_elastics_own_ecs_logging() {
    let oracle = oracle(&["--ecs"]);
    let (mut compared, mut failures) = (0, Vec::new());
    for case in &oracle.cases {
        let messages: Vec<String> = case
            .records
            .iter()
            .map(|r| format!("{}\n", r.text))
            .collect();
        let stdout = invoke_case(case, messages, false, &[("OUTPUT_SCHEMA", "ecs")]);
        for (i, (line, want)) in stdout.lines().zip(&case.records).enumerate() {
            let got: serde_json::Value = serde_json::from_str(line).unwrap();
            let mut theirs = serde_json::Map::new();
            flatten("", &serde_json::from_str(&want.json).unwrap(), &mut theirs);
            for (field, attr) in ECS_FIELDS {
                // Only what the app's format wrote can be recovered.
                let in_format = *attr == "message"
                    || (*attr == "exc_info"
                        && want.text.contains("Traceback (most recent call last):"))
                    || case.format.contains(&format!("%({attr})"))
                    || case.format.contains(&format!("{{{attr}"));
                if !in_format || !theirs.contains_key(*field) {
                    continue;
                }
                compared += 1;
                if got.get(*field) != theirs.get(*field) {
                    failures.push(format!(
                        "{} record {i} {field}: want {:?}, got {:?}",
                        case.name,
                        theirs.get(*field),
                        got.get(*field)
                    ));
                }
            }
        }
    }
    eprintln!(
        "ecs oracle: {} of {compared} mapped fields agree with ecs-logging",
        compared - failures.len()
    );
    assert!(compared > 100, "{compared}");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[derive(Deserialize)]
struct RealWorld {
    profile: String,
    streams: Vec<Stream>,
}

/// A log stream mixing real programs' records and `print()` lines
/// (`tests/oracle/realworld.py`).
#[derive(Deserialize)]
struct Stream {
    name: String,
    formats: Vec<serde_json::Value>,
    /// Every program's format is one auto-detection knows.
    auto: bool,
    records: Vec<StreamRecord>,
}

#[derive(Deserialize)]
struct StreamRecord {
    program: String,
    text: String,
    json: String,
    ms: i64,
    /// Its first line can't show a record starts there (a `print()` line,
    /// or a format that begins with the message).
    catch_all: bool,
}

/// The records the stream itself can't keep apart, one line per event
/// (README, "Known limits"): under a burst, a line that no format that can
/// tell recognises, written in the same millisecond as a record of one,
/// reads as that record's continuation. Returns, for each record, whether
/// it is such a record or the one it joins.
/// Takes each record's (catch-all, ms).
pub(crate) fn joined_under_burst(records: &[(bool, i64)]) -> Vec<bool> {
    let mut joined = vec![false; records.len()];
    let mut open: Option<usize> = None;
    for (i, &(catch_all, ms)) in records.iter().enumerate() {
        match open {
            Some(head) if catch_all && ms == records[i - 1].1 => {
                joined[head] = true;
                joined[i] = true;
            }
            _ => open = (!catch_all).then_some(i),
        }
    }
    joined
}

/// Known limit: a message's trailing newline (every `py.warnings` record
/// has one) can't arrive one line per event, as CloudWatch stores no empty
/// event. Whether `want` is such a record and `line` is it without them.
fn exact_but_trailing_newline(line: &str, want: &str) -> bool {
    let mut want: serde_json::Value = serde_json::from_str(want).unwrap();
    let Some(m) = want["message"].as_str().filter(|m| m.ends_with('\n')) else {
        return false;
    };
    want["message"] = m.trim_end_matches('\n').into();
    exact(line, &want.to_string())
}

#[test]
fn real_programs_logs_in_mixed_streams_match_python_json_logger_in_every_arrival_mode_and_timing() {
    let (mut total, mut exact_count, mut limited, mut runs) = (0, 0, 0, 0);
    let mut failures = Vec::new();
    let mut programs = std::collections::BTreeSet::new();
    for profile in ["spread", "burst"] {
        let oracle: RealWorld = oracle_script("realworld.py", &["--profile", profile]);
        assert_eq!(oracle.profile, profile);
        for stream in &oracle.streams {
            programs.extend(
                stream
                    .records
                    .iter()
                    .map(|r| r.program.split('.').next().unwrap().to_owned())
                    .filter(|p| p != "print" && p != "py"),
            );
            let counts = check_stream(stream, profile, &mut failures);
            runs += counts.0;
            total += counts.1;
            exact_count += counts.2;
            limited += counts.3;
        }
    }
    eprintln!(
        "realworld oracle: {exact_count}/{total} records exact, {limited} more as Known limits names; {} programs ({}), {runs} runs (2 timing profiles x arrival modes x configured/auto-detected)",
        programs.len(),
        programs
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", "),
    );
    assert!(programs.len() >= 10, "{programs:?}");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(exact_count + limited, total);
}

/// One stream in every arrival mode, configured and (where it can be)
/// auto-detected: (runs, records, exact, known limits).
fn check_stream(
    stream: &Stream,
    profile: &str,
    failures: &mut Vec<String>,
) -> (usize, usize, usize, usize) {
    let group = format!("/ecs/{}", stream.name);
    // Each stream's programs' formats, for its own log group only; the
    // default (PYTHON_LOG_FORMAT) is another app's and must not apply.
    let groups = serde_json::json!([{"groups": group, "formats": stream.formats}]).to_string();
    let configured = [
        ("LOG_GROUP_FORMATS", groups.as_str()),
        ("PYTHON_LOG_FORMAT", "%(message)s"),
    ];
    let mut modes = vec![("configured", &configured[..])];
    if stream.auto {
        modes.push(("auto-detected", &[][..]));
    }
    let (mut runs, mut total, mut exact_count, mut limited) = (0, 0, 0, 0);
    for (how, env) in modes {
        for per_line in [false, true] {
            runs += 1;
            let events: Vec<(i64, String)> = if per_line {
                // Every line of a record carries its write's time;
                // CloudWatch stores no empty events.
                stream
                    .records
                    .iter()
                    .flat_map(|r| r.text.split('\n').map(move |l| (r.ms, l.to_owned())))
                    .filter(|(_, l)| !l.is_empty())
                    .collect()
            } else {
                stream
                    .records
                    .iter()
                    .map(|r| (r.ms, format!("{}\n", r.text)))
                    .collect()
            };
            let events: Vec<(i64, &str)> = events.iter().map(|(t, l)| (*t, l.as_str())).collect();
            let mut cmd = bin();
            cmd.envs(env.iter().copied()).args(["invoke", "-"]);
            let out = run(cmd, &event_at(&group, &events));
            assert!(out.status.success(), "{}: {}", stream.name, stderr(&out));
            let stdout = String::from_utf8(out.stdout).unwrap();
            let mut got = stdout.lines();
            let mode = format!(
                "{} ({profile}, {how}, {})",
                stream.name,
                if per_line { "per-line" } else { "per-record" }
            );
            let joined = if per_line && profile == "burst" {
                let records: Vec<(bool, i64)> =
                    stream.records.iter().map(|r| (r.catch_all, r.ms)).collect();
                joined_under_burst(&records)
            } else {
                vec![false; stream.records.len()]
            };
            for (i, want) in stream.records.iter().enumerate() {
                total += 1;
                if joined[i] {
                    limited += 1;
                    // The head of a joined run is one document; the rest
                    // are inside it.
                    if i == 0 || !joined[i - 1] || !want.catch_all {
                        got.next();
                    }
                    continue;
                }
                let Some(line) = got.next() else {
                    failures.push(format!("{mode}: no document for {:?}", want.text));
                    continue;
                };
                if exact(line, &want.json) {
                    exact_count += 1;
                } else if per_line && exact_but_trailing_newline(line, &want.json) {
                    limited += 1;
                } else {
                    failures.push(format!(
                        "{mode} {}:\n  text: {:?}\n  want: {}\n  got:  {line}",
                        want.program, want.text, want.json
                    ));
                }
            }
            if let Some(extra) = got.next() {
                failures.push(format!("{mode}: more documents than records, from {extra}"));
            }
        }
    }
    (runs, total, exact_count, limited)
}
