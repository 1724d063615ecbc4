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

use crate::util::{bin, event_of, root, run, stderr};

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
        "the oracle needs Python with python-json-logger: run `bash .ci/run` once, \
         or `python3 -m venv .venv && .venv/bin/pip install python-json-logger`, \
         or set LTF_PYTHON"
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

#[test]
fn every_record_of_every_format_matches_python_json_logger_in_both_arrival_modes() {
    let out = Command::new(python())
        .arg(root().join("tests/oracle/oracle.py"))
        .output()
        .expect("run the oracle script");
    assert!(
        out.status.success(),
        "oracle.py failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let oracle: Oracle = serde_json::from_slice(&out.stdout).unwrap();
    assert!(oracle.cases.len() >= 10);

    let auto_formats: Vec<&str> = logs_to_firehose::parse::AUTO_FORMATS
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
            let mut cmd = bin();
            if !auto {
                cmd.env("PYTHON_LOG_FORMAT", &case.format);
                if let Some(d) = &case.datefmt {
                    cmd.env("PYTHON_LOG_DATEFMT", d);
                }
            }
            cmd.args(["invoke", "-"]);
            let result = run(cmd, &event_of(messages));
            assert!(
                result.status.success(),
                "{}: {}",
                case.name,
                stderr(&result)
            );
            let stdout = String::from_utf8(result.stdout).unwrap();
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
