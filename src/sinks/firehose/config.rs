//! The Firehose path's settings: `DELIVERY_STREAM_NAME` and
//! `RECORD_PACKING`, read and checked at start-up with the rest of the
//! configuration.

use crate::vars::{ConfigError, Get, on_off};

/// Where the Firehose sink sends, and how records are cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirehoseSettings {
    /// `DELIVERY_STREAM_NAME`.
    pub stream: String,
    /// `RECORD_PACKING`: many documents per Firehose record, for streams
    /// whose only destination is S3 (checked when the sink starts).
    pub record_packing: bool,
}

/// `DELIVERY_STREAM_NAME` (`None` when unset) and `RECORD_PACKING`, which
/// also shapes what `invoke` prints without a stream.
pub(crate) fn read(get: &impl Get) -> Result<(Option<String>, bool), ConfigError> {
    let stream = get("DELIVERY_STREAM_NAME").map(|v| v.trim().to_owned());
    let packing = match get("RECORD_PACKING") {
        Some(v) => on_off("RECORD_PACKING", &v)?,
        None => false,
    };
    Ok((stream, packing))
}
