//! The stdout sink: every record on its own line, in one write, for
//! `invoke` without a destination. A closed or full stdout fails every
//! record, never silently.

use std::io::Write as _;

use super::{DeliverError, Receipt};
use crate::records::Records;
use crate::report::Delivered;

pub(super) fn write(records: &Records) -> Receipt {
    let mut out = std::io::stdout().lock();
    let result = out.write_all(records.as_bytes()).and_then(|()| out.flush());
    match result {
        Ok(()) => Receipt {
            counts: Delivered {
                sent: records.len(),
                ..Delivered::default()
            },
            ..Receipt::default()
        },
        Err(err) => Receipt {
            counts: Delivered {
                failed: records.len(),
                ..Delivered::default()
            },
            error: Some(DeliverError::Stdout(err)),
            unsent: (0..records.len()).collect(),
        },
    }
}
