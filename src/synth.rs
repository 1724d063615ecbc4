//! Synthetic deliveries: realistic, deterministic inputs for benchmarks and
//! load tests (`benches/`, `examples/synth.rs`). Nothing here runs in
//! Lambda.

use crate::encode::{self, Origin};

/// Which kind of log a synthetic delivery holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// The seed format, one event per record; 5% are ERROR records with a
    /// 4-line traceback.
    SeedPerRecord,
    /// The same text, one event per physical line.
    SeedPerLine,
    /// The Lambda Python runtime's text format with START/END/REPORT.
    Lambda,
    /// JSON lines, as python-json-logger writes them.
    Json,
    /// Nothing configured and no built-in format: three apps' formats
    /// mixed line by line (the README's example, Airflow's task log,
    /// Prefect's padded one), one event per line, 5% with a traceback;
    /// auto-detection infers all three.
    Inferred,
}

impl Input {
    pub const ALL: [Input; 5] = [
        Input::SeedPerRecord,
        Input::SeedPerLine,
        Input::Lambda,
        Input::Json,
        Input::Inferred,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Input::SeedPerRecord => "seed-per-record",
            Input::SeedPerLine => "seed-per-line",
            Input::Lambda => "lambda-runtime",
            Input::Json => "json-lines",
            Input::Inferred => "mixed-inferred",
        }
    }
}

const WORDS: &[&str] = &[
    "order",
    "payment",
    "accepted",
    "user",
    "cart",
    "shipping",
    "invoice",
    "retry",
    "cache",
    "token",
    "session",
    "request",
    "id=A-1001",
    "total=19.99",
    "EUR",
    "ms",
    "ok",
    "warehouse",
    "eu-west-1",
];

const TRACEBACK: &str = "Traceback (most recent call last):\n  File \"/var/task/orders/api.py\", line 120, in handle\n    result = process(order)\nValueError: invalid literal for int() with base 10: 'A-1001'";

fn sentence(rng: &mut fastrand::Rng, len: usize) -> String {
    let mut s = String::with_capacity(len + 16);
    while s.len() < len {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(WORDS[rng.usize(..WORDS.len())]);
    }
    s.truncate(len);
    s
}

/// The event messages of a synthetic delivery of `records` log records.
/// Lines are about 230 bytes.
pub fn messages(kind: Input, records: usize) -> Vec<String> {
    messages_of_width(kind, records, 230)
}

/// Like [`messages`], with lines of about `width` bytes (at least 80).
pub fn messages_of_width(kind: Input, records: usize, width: usize) -> Vec<String> {
    let width = width.max(80);
    let mut rng = fastrand::Rng::with_seed(42);
    let mut out = Vec::with_capacity(records + records / 10);
    let rid = "8f5a6b2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
    for i in 0..records {
        let secs = 44 + (i / 1000) % 15;
        let error = i % 20 == 7;
        match kind {
            Input::SeedPerRecord | Input::SeedPerLine => {
                let level = if error { "ERROR" } else { "INFO" };
                let head = format!("2024-05-11T14:44:{secs:02}+0000 orders.api {level} ");
                let body = sentence(&mut rng, width - head.len());
                let record = if error {
                    format!("{head}{body}\n{TRACEBACK}")
                } else {
                    format!("{head}{body}")
                };
                if kind == Input::SeedPerLine {
                    out.extend(record.split('\n').map(str::to_owned));
                } else {
                    out.push(record + "\n");
                }
            }
            Input::Lambda => {
                if i % 50 == 0 {
                    out.push(format!("START RequestId: {rid} Version: $LATEST\n"));
                }
                let level = if error { "ERROR" } else { "INFO" };
                let head = format!(
                    "[{level}]\t2024-05-11T14:44:{secs:02}.{:03}Z\t{rid}\t",
                    i % 1000
                );
                let body = sentence(&mut rng, width - head.len());
                out.push(if error {
                    format!("{head}{body}\n{TRACEBACK}\n")
                } else {
                    format!("{head}{body}\n")
                });
                if i % 50 == 49 {
                    out.push(format!("END RequestId: {rid}\n"));
                    out.push(format!("REPORT RequestId: {rid}\tDuration: 12.34 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 45 MB\t\n"));
                }
            }
            Input::Inferred => {
                let level = if error { "ERROR" } else { "INFO" };
                let ms = i % 1000;
                let head = match i % 3 {
                    0 => format!("2024-05-11 14:44:{secs:02} {level} [orders.api] "),
                    1 => format!(
                        "[2024-05-11T14:44:{secs:02}.{ms:03}+0000] {{taskinstance.py:{}}} {level} - ",
                        100 + i % 900
                    ),
                    _ => format!("14:44:{secs:02}.{ms:03} | {level:<7} | prefect.flow_runs - "),
                };
                let body = sentence(&mut rng, width - head.len());
                let record = if error {
                    format!("{head}{body}\n{TRACEBACK}")
                } else {
                    format!("{head}{body}")
                };
                out.extend(record.split('\n').map(str::to_owned));
            }
            Input::Json => {
                let level = if error { "ERROR" } else { "INFO" };
                let head = format!(
                    "{{\"asctime\": \"2024-05-11T14:44:{secs:02}+0000\", \"name\": \"orders.api\", \"levelname\": \"{level}\", \"message\": \""
                );
                let body = sentence(&mut rng, width - 2 - head.len());
                out.push(format!("{head}{body}\"}}"));
            }
        }
    }
    out
}

/// A whole synthetic subscription event, and its decompressed payload size.
pub fn event(kind: Input, records: usize) -> (Vec<u8>, usize) {
    event_of_width(kind, records, 230)
}

/// Like [`event`], with lines of about `width` bytes.
pub fn event_of_width(kind: Input, records: usize, width: usize) -> (Vec<u8>, usize) {
    let payload = encode::payload(&Origin::default(), messages_of_width(kind, records, width));
    (encode::event(&payload), payload.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_size_seed_delivery_is_about_two_point_three_megabytes() {
        let msgs = messages(Input::SeedPerRecord, 10_000);
        assert_eq!(msgs.len(), 10_000);
        let (event, payload) = event(Input::SeedPerRecord, 10_000);
        assert!((2_500_000..4_000_000).contains(&payload), "{payload}");
        assert!(event.len() < 1_000_000, "{}", event.len());
    }

    #[test]
    fn every_kind_parses_into_one_record_per_log_record() {
        let pipeline = crate::pipeline::Pipeline::new(&crate::config::Config::default()).unwrap();
        for kind in Input::ALL {
            let (event, _) = event(kind, 200);
            let p = crate::pipeline::prepare(&event, &pipeline).unwrap();
            let expect = if kind == Input::Lambda { 200 + 4 } else { 200 };
            assert_eq!(p.summary.shaped.records, expect, "{kind:?}");
            let first: serde_json::Value = serde_json::from_slice(p.records.get(0)).unwrap();
            assert!(first["message"].is_string(), "{kind:?}: {first}");
            assert!(first.get("levelname").is_some(), "{kind:?}: {first}");
        }
    }
}
