//! The Firehose transformation path: a transformation event's bytes to a
//! response. The first byte picks the response limit (so overflow and
//! re-ingest are reached with small inputs); the rest is the event, or,
//! when it isn't one, the data of two records (as a payload, or as our
//! own re-ingested documents).
#![no_main]

use base64::Engine as _;
use libfuzzer_sys::fuzz_target;
use logs_to_firehose::Config;
use logs_to_firehose::Pipeline;
use logs_to_firehose::kinds::transform::transform;

fn pipeline() -> &'static Pipeline {
    static PIPELINE: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new(&Config::default()).expect("auto formats compile"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&size, rest)) = data.split_first() else {
        return;
    };
    let limit = 64 + usize::from(size) * 256;
    let wrapped;
    let is_event =
        serde_json::from_slice::<serde_json::Value>(rest).is_ok_and(|v| v.get("records").is_some());
    let event = if is_event {
        rest
    } else {
        let b64 = base64::engine::general_purpose::STANDARD.encode(rest);
        wrapped = format!(
            r#"{{"invocationId":"i","deliveryStreamArn":"arn:aws:firehose:us-east-1:1:deliverystream/s","records":[{{"recordId":"a","data":"{b64}"}},{{"recordId":"b","data":"{b64}"}}]}}"#
        );
        wrapped.as_bytes()
    };
    let Ok(t) = transform(event, pipeline(), limit) else {
        return;
    };
    let bytes = serde_json::to_vec(&t.response).expect("the response serialises");
    assert_eq!(bytes.len(), t.response_len, "sized exactly while built");
    let response: serde_json::Value =
        serde_json::from_slice(&bytes).expect("the response is JSON");
    let records = response["records"].as_array().expect("records");
    let s = t.summary.transform_counts();
    assert_eq!(
        records.len(),
        s.ok + s.dropped + s.processing_failed,
        "every record answered once"
    );
    // Whatever overflowed is re-ingested within Firehose's record limit.
    assert!(
        t.reingest
            .iter()
            .all(|r| r.len() <= logs_to_firehose::sinks::firehose::batch::MAX_RECORD_BYTES
                || !r[..r.len() - 1].contains(&b'\n'))
    );
    if t.overflowed == 0 {
        assert!(t.reingest.is_empty());
    }
});
