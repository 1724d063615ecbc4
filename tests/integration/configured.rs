//! Formats drawn at random from Python's standard attributes
//! (`tests/oracle/random_formats.py`, a fixed seed), each CONFIGURED as
//! `PYTHON_LOG_FORMAT` (and `PYTHON_LOG_DATEFMT`), in both arrival modes
//! and both timing profiles: every record's document is exactly what
//! python-json-logger wrote, or one of the cases docs/parsing.md's Known
//! limits names, each counted under its own name:
//!
//! - *joined*: under a burst, one line per event, a catch-all record in
//!   the millisecond of the record before it joins it;
//! - *unknowable*: python-json-logger names a `{`-style field with its
//!   spec (`levelname:<8`) or conversion and writes null for it;
//! - *untyped*: a custom field printed by `$` or `{}` with no conversion
//!   is its text (`"1"`), whatever type the attribute had;
//! - *catch-all lines*: a catch-all format's multi-line message, one line
//!   per event, is one document per line;
//! - *looks like a start*: one line per event, a message line that the
//!   format itself reads as a record's start starts one.

use logs_to_firehose::Format;
use serde::Deserialize;

use crate::oracle::{joined_under_burst, oracle_script};
use crate::util::{bin, run, stderr};

#[derive(Deserialize)]
struct Random {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    format: String,
    datefmt: Option<String>,
    records: Vec<Record>,
}

#[derive(Deserialize)]
struct Record {
    text: String,
    json: String,
    ms: i64,
}

/// Counts, by what became of each record.
#[derive(Default, Debug)]
struct Tally {
    exact: usize,
    joined: usize,
    unknowable: usize,
    untyped: usize,
    catch_all_lines: usize,
    looks_like_a_start: usize,
    wrong: Vec<String>,
}

fn is_catch_all(format: &str) -> bool {
    ["%(message)s", "{message}", "$message", "${message}"]
        .iter()
        .any(|m| format.starts_with(m))
}

/// A custom field's number that came out as its text: the only
/// difference between `got` and `want`.
fn untyped(got: &serde_json::Value, want: &serde_json::Value) -> bool {
    let (Some(g), Some(w)) = (got.as_object(), want.as_object()) else {
        return false;
    };
    g.len() == w.len()
        && g.iter().zip(w).all(|((gk, gv), (wk, wv))| {
            gk == wk && (gv == wv || (wv.is_number() && gv.as_str() == Some(&wv.to_string())))
        })
}

/// One case, one profile, one arrival mode: the documents against the
/// records, into `tally`.
fn measure(case: &Case, per_line: bool, burst: bool, tally: &mut Tally) {
    let (mut events, mut starts) = (Vec::new(), Vec::new());
    for r in &case.records {
        starts.push(events.len());
        if per_line {
            let lines = r.text.split('\n').filter(|l| !l.is_empty());
            events.extend(lines.map(|l| (r.ms, l.to_owned())));
        } else {
            events.push((r.ms, format!("{}\n", r.text)));
        }
    }
    let payload = serde_json::json!({
        "messageType": "DATA_MESSAGE", "owner": "123456789012", "logGroup": "/ecs/random",
        "logStream": "app/1", "subscriptionFilters": ["all"],
        "logEvents": events.iter().enumerate().map(|(i, (ms, m))| serde_json::json!({
            "id": format!("{i:056}"), "timestamp": ms, "message": m,
        })).collect::<Vec<_>>(),
    });
    let mut cmd = bin();
    cmd.args(["invoke", "-"])
        .env("PYTHON_LOG_FORMAT", &case.format);
    if let Some(d) = &case.datefmt {
        cmd.env("PYTHON_LOG_DATEFMT", d);
    }
    let out = run(
        cmd,
        &logs_to_firehose::encode::event(&serde_json::to_vec(&payload).unwrap()),
    );
    assert!(out.status.success(), "{}: {}", case.format, stderr(&out));
    let mut docs = std::collections::HashMap::new();
    for line in String::from_utf8(out.stdout).unwrap().lines() {
        let mut doc: serde_json::Value = serde_json::from_str(line).unwrap();
        let cw = doc.as_object_mut().unwrap().remove("cloudwatch").unwrap();
        doc.as_object_mut().unwrap().remove("@timestamp");
        let id: usize = cw["event_id"].as_str().unwrap().parse().unwrap();
        docs.entry(id).or_insert(doc);
    }
    let catch_all = is_catch_all(&case.format);
    let format = Format::compile(&case.format, case.datefmt.as_deref()).unwrap();
    let joined = if per_line && burst {
        let pairs: Vec<(bool, i64)> = case.records.iter().map(|r| (catch_all, r.ms)).collect();
        joined_under_burst(&pairs)
    } else {
        vec![false; case.records.len()]
    };
    for ((r, start), joined) in case.records.iter().zip(starts).zip(joined) {
        let want: serde_json::Value = serde_json::from_str(&r.json).unwrap();
        let got = docs.get(&start).cloned().unwrap_or_default();
        let multi_line = per_line && r.text.trim_end().contains('\n');
        if got == want {
            tally.exact += 1;
        } else if joined {
            tally.joined += 1;
        } else if want
            .as_object()
            .unwrap()
            .keys()
            .any(|k| k.contains([':', '!']))
        {
            tally.unknowable += 1;
        } else if untyped(&got, &want) {
            tally.untyped += 1;
        } else if multi_line && catch_all {
            tally.catch_all_lines += 1;
        } else if multi_line && r.text.split('\n').skip(1).any(|l| format.starts(l)) {
            tally.looks_like_a_start += 1;
        } else {
            tally.wrong.push(format!(
                "{} ({}, {}):\n  text: {:?}\n  want: {want}\n  got:  {got}",
                case.format,
                if burst { "burst" } else { "spread" },
                if per_line { "per-line" } else { "per-record" },
                r.text
            ));
        }
    }
}

#[test]
fn formats_drawn_at_random_and_configured_give_python_json_loggers_documents() {
    let mut tally = Tally::default();
    for profile in ["spread", "burst"] {
        let oracle: Random = oracle_script(
            "random_formats.py",
            &["--seed", "1", "--formats", "60", "--profile", profile],
        );
        for case in &oracle.cases {
            for per_line in [false, true] {
                measure(case, per_line, profile == "burst", &mut tally);
            }
        }
    }
    let Tally { wrong, .. } = &tally;
    eprintln!(
        "random formats (seed 1, 60 formats), configured: {} exact; Known limits: {} joined under a burst, {} unknowable keys, {} untyped custom fields, {} catch-all lines, {} message lines that look like a start; {} wrong",
        tally.exact,
        tally.joined,
        tally.unknowable,
        tally.untyped,
        tally.catch_all_lines,
        tally.looks_like_a_start,
        wrong.len()
    );
    assert!(
        wrong.is_empty(),
        "{} records wrong:\n{}",
        wrong.len(),
        wrong[..wrong.len().min(10)].join("\n")
    );
}
