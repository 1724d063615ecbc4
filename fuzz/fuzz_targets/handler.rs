//! The whole CPU path, event bytes to records. The first byte picks the
//! mode: with its low bit clear the rest is a Lambda event as-is; with it
//! set the rest is a payload, wrapped (gzip + base64) first, so the fuzzer
//! explores the delivery JSON and the log lines inside it rather than the
//! gzip checksum. Bit 1 picks OVERSIZE=truncate or split.
#![no_main]

use libfuzzer_sys::fuzz_target;
use logs_to_firehose::config::{Config, Oversize};
use logs_to_firehose::handler::prepare;
use logs_to_firehose::parse::Parser;

fn parser() -> &'static Parser {
    static PARSER: std::sync::OnceLock<Parser> = std::sync::OnceLock::new();
    PARSER.get_or_init(|| Parser::new(&Config::default()).expect("auto formats compile"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let event = if mode & 1 == 0 {
        rest.to_vec()
    } else {
        logs_to_firehose::encode::event(rest)
    };
    let oversize = if mode & 2 == 0 {
        Oversize::Truncate
    } else {
        Oversize::Split
    };
    if let Ok(prepared) = prepare(&event, parser(), oversize) {
        let s = prepared.summary;
        assert_eq!(s.records, prepared.records.len());
        let mut covered = 0;
        for b in &prepared.batches {
            assert_eq!(b.start, covered, "batches must cover records in order");
            covered = b.end;
        }
        assert_eq!(covered, prepared.records.len());
        for r in prepared.records.iter() {
            assert!(r.len() <= logs_to_firehose::batch::MAX_RECORD_BYTES);
            assert_eq!(r.last(), Some(&b'\n'));
            if let Err(err) = serde_json::from_slice::<serde_json::Value>(r) {
                panic!("invalid JSON ({err}): {}", String::from_utf8_lossy(r));
            }
        }
    }
});
