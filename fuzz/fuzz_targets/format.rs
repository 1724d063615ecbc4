//! The format-string compiler, fed arbitrary format strings and datefmts
//! (split at the first NUL); whatever compiles is then matched against the
//! rest of the input and against a few real lines.
#![no_main]

use libfuzzer_sys::fuzz_target;
use logs_to_firehose::Format;

const LINES: &[&str] = &[
    "2024-05-11T14:44:44+0000 app.db INFO connected in 12 ms",
    "[ERROR]\t2024-05-11T14:44:44.123Z\t0f1e2d3c-aaaa-bbbb-cccc-111122223333\tboom",
    "WARNING:root:disk almost full",
    "2024-05-11 14:44:44,123 - app - DEBUG - x",
];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\0');
    let fmt = parts.next().unwrap_or_default();
    let datefmt = parts.next();
    let line = parts.next().unwrap_or_default();
    for compiled in [
        Format::compile(fmt, datefmt),
        Format::compile_strict(fmt, datefmt),
    ] {
        let Ok(format) = compiled else { continue };
        for l in LINES.iter().copied().chain([line, fmt]) {
            let _ = format.starts(l);
            if let Some(spans) = format.match_record(l) {
                let _ = format.fields(l.into(), &spans);
            }
        }
    }
});
