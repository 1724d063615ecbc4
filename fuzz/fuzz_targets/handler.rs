//! The whole CPU path, event bytes to records. The first byte picks the
//! mode: with its low bit clear the rest is a Lambda event as-is; with it
//! set the rest is a payload, wrapped (gzip + base64) first, so the fuzzer
//! explores the delivery JSON and the log lines inside it rather than the
//! gzip checksum. Bits 1 and 2 pick the pipeline (see `pipelines`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use logs_to_firehose::{Config, Oversize};
use logs_to_firehose::{Pipeline, prepare};

/// Four pipelines: OVERSIZE truncate or split (bit 1), and with or without
/// every redaction rule and a level filter (bit 2).
fn pipelines() -> &'static [Pipeline] {
    static PIPELINES: std::sync::OnceLock<Vec<Pipeline>> = std::sync::OnceLock::new();
    PIPELINES.get_or_init(|| {
        let mut out = Vec::new();
        for extras in [false, true] {
            for oversize in [Oversize::Truncate, Oversize::Split] {
                let mut config = if extras {
                    Config::from_lookup(|k| match k {
                        "REDACT" => Some("all".into()),
                        "MIN_LEVEL" => Some("INFO".into()),
                        _ => None,
                    })
                    .expect("valid settings")
                } else {
                    Config::default()
                };
                config.shaping.oversize = oversize;
                out.push(Pipeline::new(&config).expect("auto formats compile"));
            }
        }
        out
    })
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
    let pipeline = &pipelines()[usize::from((mode >> 1) & 3)];
    if let Ok(prepared) = prepare(&event, pipeline) {
        let s = prepared.summary;
        assert_eq!(s.shaped.records, prepared.records.len());
        let sizes: Vec<usize> = prepared.records.iter().map(<[u8]>::len).collect();
        let mut covered = 0;
        for b in &logs_to_firehose::sinks::firehose::batch::plan(&sizes) {
            assert_eq!(b.start, covered, "batches must cover records in order");
            covered = b.end;
        }
        assert_eq!(covered, prepared.records.len());
        for r in prepared.records.iter() {
            assert!(r.len() <= logs_to_firehose::sinks::firehose::batch::MAX_RECORD_BYTES);
            assert_eq!(r.last(), Some(&b'\n'));
            if let Err(err) = serde_json::from_slice::<serde_json::Value>(r) {
                panic!("invalid JSON ({err}): {}", String::from_utf8_lossy(r));
            }
        }
    }
});
