//! Decoding a CloudWatch Logs subscription delivery.
//!
//! The Lambda event is `{"awslogs":{"data":"<base64 of gzip of JSON>"}}`. We
//! decode it ourselves instead of using `aws_lambda_events::cloudwatch_logs::LogsEvent`
//! because that type gunzips inside serde with no size cap, so a bad payload
//! never reaches the handler to be counted and reported.
//!
//! Decoding happens in two steps so the parsed [`Delivery`] can borrow its
//! strings from the decompressed buffer instead of copying every message:
//! [`decompress`] turns event bytes into the payload bytes, and
//! [`parse_delivery`] borrows a [`Delivery`] from them.

use std::borrow::Cow;
use std::io::Read;

use base64::Engine as _;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use serde::Deserialize;

/// The decompression cap when nothing says how much memory there is
/// ([`decompress`]; tests and fuzzing). Inside Lambda and `invoke` the cap
/// comes from the function's memory instead
/// (the pipeline's `max_payload_bytes`): nothing in
/// CloudWatch or Lambda bounds a delivery's decompressed size lower. A
/// delivery is at most 1 MB of base64 gzip
/// (<https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html>,
/// asynchronous invocation payload), and deflate expands each byte into up
/// to `MAX_DEFLATE_RATIO` bytes.
pub const MAX_DECOMPRESSED_BYTES: usize = 32 * 1024 * 1024;

/// The largest event we read, before decoding.
///
/// 6 MB is Lambda's limit for a synchronous invocation payload, the largest
/// any invocation can carry
/// (<https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html>).
/// The CLI enforces the same limit so `invoke` behaves as Lambda would.
pub(crate) const MAX_EVENT_BYTES: usize = 6 * 1024 * 1024;

/// CloudWatch pads its base64, but hand-made events (and aws_lambda_events'
/// own serializer) often do not, so accept both.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why an event could not be decoded. Each variant names one layer of the
/// envelope, so an operator reading the error knows which layer was damaged.
#[derive(Debug, thiserror::Error)]
pub enum DecodeError {
    #[error("event is {size} bytes, over the {limit}-byte limit")]
    EventTooLarge { size: usize, limit: usize },
    #[error("event is not valid JSON: {0}")]
    EventJson(#[source] serde_json::Error),
    #[error("event has no \"awslogs\" key, so it is not a CloudWatch Logs subscription event")]
    MissingAwslogs,
    #[error("awslogs.data is not valid base64: {0}")]
    Base64(#[source] base64::DecodeError),
    #[error("awslogs.data is not valid gzip: {0}")]
    Gzip(#[source] std::io::Error),
    #[error("payload decompresses to more than {limit} bytes (gzip bomb guard)")]
    PayloadTooLarge { limit: usize },
    #[error("payload is not valid UTF-8: invalid byte at offset {offset}")]
    Utf8 { offset: usize },
    #[error("payload is not a valid log delivery: {0}")]
    PayloadJson(#[source] serde_json::Error),
}

impl DecodeError {
    /// A stable, machine-readable name for the error, used as the Lambda
    /// `errorType` and in metrics. Renaming one is a breaking change.
    pub(crate) fn error_type(&self) -> &'static str {
        match self {
            DecodeError::EventTooLarge { .. } => "EventTooLarge",
            DecodeError::EventJson(_) => "InvalidEventJson",
            DecodeError::MissingAwslogs => "MissingAwslogs",
            DecodeError::Base64(_) => "InvalidBase64",
            DecodeError::Gzip(_) => "InvalidGzip",
            DecodeError::PayloadTooLarge { .. } => "PayloadTooLarge",
            DecodeError::Utf8 { .. } => "InvalidUtf8",
            DecodeError::PayloadJson(_) => "InvalidPayloadJson",
        }
    }
}

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow)]
    awslogs: Option<Awslogs<'a>>,
}

#[derive(Deserialize)]
struct Awslogs<'a> {
    #[serde(borrow)]
    data: Cow<'a, str>,
}

/// What a delivery carries. CloudWatch sends a `CONTROL_MESSAGE` when the
/// subscription is created, to check that the destination is reachable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MessageType {
    DataMessage,
    ControlMessage,
    /// A type AWS may add later. Treated like data, so nothing is lost.
    #[serde(other)]
    Unknown,
}

/// One decoded subscription delivery. Strings borrow from the decompressed
/// payload unless JSON escapes forced a copy.
///
/// Unknown fields (such as `policyLevel`, which account-level subscription
/// policies add) are ignored rather than rejected: AWS adds fields over time.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Delivery<'a> {
    pub message_type: MessageType,
    #[serde(borrow)]
    pub owner: Cow<'a, str>,
    #[serde(borrow)]
    pub log_group: Cow<'a, str>,
    #[serde(borrow)]
    pub log_stream: Cow<'a, str>,
    #[serde(borrow, default)]
    pub subscription_filters: Vec<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub policy_level: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub log_events: Vec<LogEvent<'a>>,
}

impl<'a> Delivery<'a> {
    /// A data delivery from `/aws/lambda/app` holding `messages`, one event
    /// each, 1 ms apart from `start_ms`, with ids `0`, `1`, …: what parser
    /// tests, property tests and fuzz targets feed the parser.
    #[cfg(any(test, feature = "testing"))]
    pub fn of_messages(messages: &'a [String], start_ms: i64) -> Delivery<'a> {
        Delivery {
            message_type: MessageType::DataMessage,
            owner: Cow::Borrowed("123456789012"),
            log_group: Cow::Borrowed("/aws/lambda/app"),
            log_stream: Cow::Borrowed("s"),
            subscription_filters: Vec::new(),
            policy_level: None,
            log_events: messages
                .iter()
                .enumerate()
                .map(|(i, m)| LogEvent {
                    id: Cow::Owned(i.to_string()),
                    timestamp: start_ms + i as i64,
                    message: Cow::Borrowed(m.as_str()),
                })
                .collect(),
        }
    }
}

/// One CloudWatch log event: one `PutLogEvents` entry.
#[derive(Debug, Deserialize)]
pub struct LogEvent<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    /// Milliseconds since the Unix epoch, as the producer stamped it.
    pub timestamp: i64,
    #[serde(borrow)]
    pub message: Cow<'a, str>,
}

/// Turns the raw Lambda event into the decompressed payload bytes, with
/// the smallest function's cap.
pub fn decompress(event: &[u8]) -> Result<Vec<u8>, DecodeError> {
    decompress_capped(event, MAX_DECOMPRESSED_BYTES)
}

/// [`decompress`] with the cap `limit` ([`payload_cap`] of the memory).
pub(crate) fn decompress_capped(event: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    if event.len() > MAX_EVENT_BYTES {
        return Err(DecodeError::EventTooLarge {
            size: event.len(),
            limit: MAX_EVENT_BYTES,
        });
    }
    let envelope: Envelope<'_> = serde_json::from_slice(event).map_err(DecodeError::EventJson)?;
    let data = envelope.awslogs.ok_or(DecodeError::MissingAwslogs)?.data;
    let compressed = decode_base64(&data)?;
    gunzip_capped(&compressed, limit)
}

/// Decodes base64, tolerating the line breaks that `base64` without `-w0`
/// inserts, since users build test events by hand with it.
fn decode_base64(data: &str) -> Result<Vec<u8>, DecodeError> {
    match BASE64.decode(data) {
        Ok(bytes) => Ok(bytes),
        Err(err) if data.bytes().any(|b| b.is_ascii_whitespace()) => {
            let compact: Vec<u8> = data.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
            BASE64.decode(compact).map_err(|_| DecodeError::Base64(err))
        }
        Err(err) => Err(DecodeError::Base64(err)),
    }
}

/// Deflate's best case: 258-byte matches coded in about 2 bits each give
/// at most about 1032 bytes out per byte in
/// (<https://zlib.net/zlib_tech.html>, "Maximum Compression Factor").
pub(crate) const MAX_DEFLATE_RATIO: usize = 1032;

/// How much to reserve for the output, so it is allocated once. gzip's
/// ISIZE trailer is the (last member's) decompressed size. It is only a
/// hint, set by whoever made the payload, so it is clamped to the cap and
/// to what deflate can reach from this many bytes (otherwise a 100-byte
/// event with a forged ISIZE makes us reserve 32 MiB); when implausible,
/// guess 10x.
fn capacity_hint(compressed: &[u8], limit: usize) -> usize {
    let isize_hint = compressed
        .len()
        .checked_sub(4)
        .and_then(|at| compressed.get(at..))
        .and_then(|b| b.try_into().ok())
        .map_or(0, |b: [u8; 4]| u32::from_le_bytes(b) as usize);
    let reachable = compressed.len().saturating_mul(MAX_DEFLATE_RATIO);
    if isize_hint >= compressed.len() && isize_hint <= limit.min(reachable) {
        isize_hint
    } else {
        compressed.len().saturating_mul(10).min(limit)
    }
}

/// Gunzips every member of a (possibly multi-member) gzip stream, failing
/// once the output would pass `limit` bytes instead of allocating past it.
pub(crate) fn gunzip_capped(compressed: &[u8], limit: usize) -> Result<Vec<u8>, DecodeError> {
    let decoder = flate2::read::MultiGzDecoder::new(compressed);
    let mut out = Vec::with_capacity(capacity_hint(compressed, limit));
    let read = decoder
        .take(limit as u64 + 1)
        .read_to_end(&mut out)
        .map_err(DecodeError::Gzip)?;
    if read > limit {
        return Err(DecodeError::PayloadTooLarge { limit });
    }
    Ok(out)
}

/// Whether bytes start with gzip's magic number.
pub(crate) fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Bytes that may or may not be gzip, as Firehose and Kinesis records and
/// Firehose's S3 files carry them: gunzipped within `limit` when they are,
/// borrowed as they are when not.
pub(crate) fn gunzip_if_gzip(
    bytes: &[u8],
    limit: usize,
) -> Result<std::borrow::Cow<'_, [u8]>, DecodeError> {
    if is_gzip(bytes) {
        gunzip_capped(bytes, limit).map(std::borrow::Cow::Owned)
    } else {
        Ok(std::borrow::Cow::Borrowed(bytes))
    }
}

/// Parses the decompressed payload, borrowing strings from it.
pub fn parse_delivery(payload: &[u8]) -> Result<Delivery<'_>, DecodeError> {
    // Validate UTF-8 up front so invalid bytes get their own error with an
    // offset, rather than a generic JSON error.
    let text = std::str::from_utf8(payload).map_err(|e| DecodeError::Utf8 {
        offset: e.valid_up_to(),
    })?;
    serde_json::from_str(text).map_err(DecodeError::PayloadJson)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    fn event_for(compressed: &[u8]) -> Vec<u8> {
        let data = base64::engine::general_purpose::STANDARD.encode(compressed);
        format!(r#"{{"awslogs":{{"data":"{data}"}}}}"#).into_bytes()
    }

    const PAYLOAD: &str = r#"{"messageType":"DATA_MESSAGE","owner":"123456789012","logGroup":"/aws/lambda/app","logStream":"2024/05/11/[$LATEST]abc","subscriptionFilters":["all"],"logEvents":[{"id":"1","timestamp":1715438684123,"message":"hello\n"}]}"#;

    #[test]
    fn a_forged_gzip_size_trailer_cannot_make_us_reserve_more_than_deflate_can_produce() {
        let mut gz = gzip(b"hello");
        let n = gz.len();
        gz[n - 4..].copy_from_slice(&(30u32 << 20).to_le_bytes());
        assert!(capacity_hint(&gz, MAX_DECOMPRESSED_BYTES) <= n * 10);
        // An honest trailer is used as it is.
        let good = gzip(&[b'a'; 100_000]);
        assert_eq!(capacity_hint(&good, MAX_DECOMPRESSED_BYTES), 100_000);
        // And never past the cap.
        assert_eq!(capacity_hint(&good, 1000), 1000.min(good.len() * 10));
    }

    #[test]
    fn a_well_formed_event_decodes_to_its_delivery() {
        let payload = decompress(&event_for(&gzip(PAYLOAD.as_bytes()))).unwrap();
        let d = parse_delivery(&payload).unwrap();
        assert_eq!(d.message_type, MessageType::DataMessage);
        assert_eq!(d.log_group, "/aws/lambda/app");
        assert_eq!(d.log_events.len(), 1);
        assert_eq!(d.log_events[0].message, "hello\n");
        assert_eq!(d.log_events[0].timestamp, 1_715_438_684_123);
    }

    #[test]
    fn unescaped_strings_borrow_from_the_payload() {
        let payload = PAYLOAD.replace("hello\\n", "hello");
        let d = parse_delivery(payload.as_bytes()).unwrap();
        assert!(matches!(d.log_events[0].message, Cow::Borrowed(_)));
        assert!(matches!(d.log_group, Cow::Borrowed(_)));
    }

    #[test]
    fn unknown_fields_such_as_policy_level_are_tolerated() {
        let payload = PAYLOAD.replace(
            r#""owner""#,
            r#""policyLevel":"ACCOUNT_LEVEL_POLICY","somethingNew":{"x":[1]},"owner""#,
        );
        let d = parse_delivery(payload.as_bytes()).unwrap();
        assert_eq!(d.policy_level.as_deref(), Some("ACCOUNT_LEVEL_POLICY"));
    }

    #[test]
    fn an_unknown_message_type_is_kept_not_rejected() {
        let payload = PAYLOAD.replace("DATA_MESSAGE", "FUTURE_MESSAGE");
        let d = parse_delivery(payload.as_bytes()).unwrap();
        assert_eq!(d.message_type, MessageType::Unknown);
    }

    #[test]
    fn unpadded_and_line_wrapped_base64_are_accepted() {
        let gz = gzip(PAYLOAD.as_bytes());
        let unpadded = base64::engine::general_purpose::STANDARD_NO_PAD.encode(&gz);
        let event = format!(r#"{{"awslogs":{{"data":"{unpadded}"}}}}"#);
        assert!(decompress(event.as_bytes()).is_ok());
        let padded = base64::engine::general_purpose::STANDARD.encode(&gz);
        let wrapped: Vec<String> = padded
            .as_bytes()
            .chunks(76)
            .map(|c| String::from_utf8(c.to_vec()).unwrap())
            .collect();
        let event = format!(r#"{{"awslogs":{{"data":"{}"}}}}"#, wrapped.join("\\n"));
        assert_eq!(decompress(event.as_bytes()).unwrap(), PAYLOAD.as_bytes());
    }

    #[test]
    fn multi_member_gzip_is_read_to_the_end() {
        let (a, b) = PAYLOAD.split_at(40);
        let mut gz = gzip(a.as_bytes());
        gz.extend(gzip(b.as_bytes()));
        assert_eq!(decompress(&event_for(&gz)).unwrap(), PAYLOAD.as_bytes());
    }

    #[test]
    fn each_damaged_layer_gets_its_own_error() {
        let kind = |event: &[u8]| decompress(event).unwrap_err().error_type();
        assert_eq!(kind(b"not json"), "InvalidEventJson");
        assert_eq!(kind(br#"{"records":[]}"#), "MissingAwslogs");
        assert_eq!(kind(br#"{"awslogs":{"data":"@@@"}}"#), "InvalidBase64");
        assert_eq!(kind(&event_for(b"plain text, not gzip")), "InvalidGzip");
        let gz = gzip(PAYLOAD.as_bytes());
        assert_eq!(kind(&event_for(&gz[..gz.len() / 2])), "InvalidGzip");

        let parse_kind = |p: &[u8]| parse_delivery(p).unwrap_err().error_type();
        assert_eq!(parse_kind(b"{\"owner\":\"\xff\"}"), "InvalidUtf8");
        assert_eq!(parse_kind(b"[1,2"), "InvalidPayloadJson");
        let no_events = PAYLOAD.split(",\"logEvents\"").next().unwrap().to_owned() + "}";
        assert_eq!(parse_kind(no_events.as_bytes()), "InvalidPayloadJson");
        let not_array = no_events.trim_end_matches('}').to_owned() + r#","logEvents":"x"}"#;
        assert_eq!(parse_kind(not_array.as_bytes()), "InvalidPayloadJson");
    }

    #[test]
    fn invalid_utf8_reports_the_offset_of_the_bad_byte() {
        let err = parse_delivery(b"{\"a\":\"ok\xc3\x28\"}").unwrap_err();
        assert!(matches!(err, DecodeError::Utf8 { offset: 8 }), "{err}");
    }

    #[test]
    fn a_payload_exactly_at_the_cap_is_accepted_and_one_byte_over_is_not() {
        let data = vec![b'a'; 4096];
        let gz = gzip(&data);
        assert_eq!(gunzip_capped(&gz, 4096).unwrap().len(), 4096);
        assert!(matches!(
            gunzip_capped(&gz, 4095),
            Err(DecodeError::PayloadTooLarge { limit: 4095 })
        ));
    }

    #[test]
    fn a_gzip_bomb_stops_at_the_cap_instead_of_exhausting_memory() {
        // 64 MiB of zeros compresses to about 64 KiB.
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..64 {
            enc.write_all(&zeros).unwrap();
        }
        let bomb = enc.finish().unwrap();
        assert!(bomb.len() < 1024 * 1024);
        let err = decompress(&event_for(&bomb)).unwrap_err();
        assert_eq!(err.error_type(), "PayloadTooLarge");
    }

    #[test]
    fn an_event_over_the_invocation_limit_is_refused_before_parsing() {
        let event = vec![b' '; MAX_EVENT_BYTES + 1];
        assert_eq!(
            decompress(&event).unwrap_err().error_type(),
            "EventTooLarge"
        );
        let event = vec![b' '; MAX_EVENT_BYTES];
        assert_eq!(
            decompress(&event).unwrap_err().error_type(),
            "InvalidEventJson"
        );
    }
}
