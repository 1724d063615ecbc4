//! The subscription decoder, fed raw bytes: as a whole Lambda event
//! (envelope, base64, gzip) and as the decompressed payload JSON itself,
//! so the fuzzer reaches the JSON layer without having to forge a CRC.
#![no_main]

use libfuzzer_sys::fuzz_target;
use logs_to_firehose as decode;

fuzz_target!(|data: &[u8]| {
    if let Ok(payload) = decode::decompress(data) {
        assert!(payload.len() <= decode::MAX_DECOMPRESSED_BYTES);
        let _ = decode::parse_delivery(&payload);
    }
    if let Ok(delivery) = decode::parse_delivery(data) {
        // Whatever was accepted is well-formed enough to walk.
        let total: usize = delivery.log_events.iter().map(|e| e.message.len()).sum();
        assert!(total <= data.len() * 6);
    }
});
