//! Format inference, fed arbitrary text as log lines: whatever it infers
//! must compile as a configured format would, and match the lines without
//! hanging. Inference reads a bounded head of a bounded number of lines,
//! so a pathological line costs what a normal one does.
#![no_main]

use libfuzzer_sys::fuzz_target;
use logs_to_firehose::{Format, infer_formats};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for (format, datefmt) in infer_formats(text.lines()) {
        let compiled = Format::compile(&format, datefmt.as_deref())
            .unwrap_or_else(|e| panic!("inferred {format:?} does not compile: {e}"));
        for line in text.lines() {
            let _ = compiled.starts(line);
            if let Some(spans) = compiled.match_record(line) {
                let _ = compiled.fields(line.into(), &spans);
            }
        }
    }
});
