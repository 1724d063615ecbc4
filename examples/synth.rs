//! Writes a synthetic subscription event to stdout, for memory and
//! profiling runs of the real binary:
//!
//!     cargo run --release --example synth -- seed-per-record 50000 115 > /tmp/big.json
//!     /usr/bin/time -v target/release/logs-to-firehose invoke /tmp/big.json > /dev/null
//!
//! Arguments: KIND [RECORDS [LINE_BYTES]]. Kinds: seed-per-record,
//! seed-per-line, lambda-runtime, json-lines, mixed-inferred (nothing
//! configured, three formats auto-detection infers). 50,000 records of 115-byte
//! lines make the 11.6 MB delivery of the memory figure.
//! With `--prepare N` it instead runs the CPU path N times in-process (for
//! profilers such as `valgrind --tool=callgrind`).

use std::io::Write;

use logs_to_firehose::synth::{self, Input};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let kind = Input::ALL
        .into_iter()
        .find(|k| Some(k.name()) == args.first().map(String::as_str))
        .unwrap_or_else(|| {
            eprintln!("usage: synth KIND [RECORDS] [--prepare N]; kinds: seed-per-record, seed-per-line, lambda-runtime, json-lines, mixed-inferred");
            std::process::exit(2)
        });
    let records = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let width = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(230);
    let (event, payload) = synth::event_of_width(kind, records, width);
    if let Some(i) = args.iter().position(|a| a == "--prepare") {
        let n: usize = args.get(i + 1).and_then(|n| n.parse().ok()).unwrap_or(10);
        let config = logs_to_firehose::Config::from_env().unwrap();
        let pipeline = logs_to_firehose::Pipeline::new(&config).unwrap();
        let mut total = 0;
        for _ in 0..n {
            let p = logs_to_firehose::prepare(&event, &pipeline).unwrap();
            total += p.records.len();
        }
        eprintln!("prepared {n} x {payload} bytes, {total} records");
        return;
    }
    eprintln!(
        "{} records, {payload} bytes decompressed, {} bytes as an event",
        records,
        event.len()
    );
    std::io::stdout().write_all(&event).unwrap();
}
