//! The stdout sink: every record on its own line, in one write, for
//! `invoke` without a destination. A closed or full stdout fails every
//! record, never silently.

use std::io::Write as _;

use super::{DeliverError, Report};
use crate::records::Records;

pub(super) fn write(records: &Records) -> Report {
    let mut out = std::io::stdout().lock();
    let result = out.write_all(records.as_bytes()).and_then(|()| out.flush());
    match result {
        Ok(()) => Report {
            sent: records.len(),
            ..Report::default()
        },
        Err(err) => Report {
            failed: records.len(),
            error: Some(DeliverError::Stdout(err)),
            unsent: (0..records.len()).collect(),
            ..Report::default()
        },
    }
}
