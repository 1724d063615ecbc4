//! The one retry driver, for every sink: backoff with full jitter, the
//! deadline, an attempt budget, and resending only what failed.
//!
//! A sink supplies one attempt over the items still pending (one
//! `PutRecordBatch` call, one round of `_bulk` bodies) and says which
//! items may go again and whether that must wait. The driver decides
//! when, and whether at all: never past the deadline passed in (inside
//! Lambda, the invocation's deadline minus `DEADLINE_MARGIN_MS`), so the
//! function always returns a clean error instead of being killed
//! mid-retry.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::time::Instant;

use super::DeliverError;

/// Exponential backoff with full jitter: attempt `n` waits a random time in
/// `[0, min(cap, base * 2^n)]`, which spreads out retries from the many
/// concurrent Lambdas that a throttled service serves
/// (<https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/>).
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub base: Duration,
    pub cap: Duration,
    /// Calls per batch at most, first one included. Bounds the cost of a
    /// persistent per-record failure even when the deadline is far away.
    pub max_attempts: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Backoff {
            base: Duration::from_millis(100),
            cap: Duration::from_secs(5),
            max_attempts: 15,
        }
    }
}

impl Backoff {
    /// The wait before retry number `retry` (1 for the first retry).
    pub(crate) fn delay(&self, retry: u32) -> Duration {
        let ceiling = self
            .base
            .saturating_mul(1u32.checked_shl(retry.min(31)).unwrap_or(u32::MAX))
            .min(self.cap);
        ceiling.mul_f64(fastrand::f64())
    }
}

/// What one attempt made of the items it was given.
pub(crate) enum Attempt {
    /// These items go again, ascending (none: all delivered). `wait` says
    /// why when the next attempt must back off first; `None` sends them
    /// at once (a document repaired after a type clash).
    Again {
        items: Vec<usize>,
        wait: Option<String>,
    },
    /// Retrying can't help: stop, leaving these items unsent, with the
    /// error that says why, or only a reason (`why`).
    Stop {
        items: Vec<usize>,
        why: Option<String>,
        error: Option<DeliverError>,
    },
}

impl Attempt {
    /// Every item delivered (or settled for good).
    pub(crate) fn done() -> Attempt {
        Attempt::Again {
            items: Vec::new(),
            wait: None,
        }
    }
}

/// How the attempts ended.
#[derive(Debug, Default)]
pub(crate) struct Driven {
    /// The items never delivered, ascending.
    pub unsent: Vec<usize>,
    /// Items sent again, summed over the retries.
    pub retried: usize,
    /// The error an attempt stopped with.
    pub error: Option<DeliverError>,
    /// Why the last attempts failed, for an error the sink closes with.
    pub last: Option<String>,
}

/// Makes attempts over `pending` until every item is delivered, an
/// attempt stops, the attempt budget runs out or the next wait would pass
/// the deadline. `stop`, shared by drivers running side by side, ends
/// them all once one has stopped with an error.
pub(crate) async fn drive(
    backoff: &Backoff,
    deadline: Instant,
    mut pending: Vec<usize>,
    stop: Option<&AtomicBool>,
    mut attempt: impl AsyncFnMut(&[usize], Duration, u32) -> Attempt,
) -> Driven {
    let mut out = Driven::default();
    let mut n = 0u32;
    while !pending.is_empty() {
        if stop.is_some_and(|s| s.load(Ordering::Relaxed)) {
            out.last = Some("delivery stopped after a fatal error".to_owned());
            break;
        }
        let remaining = deadline.saturating_duration_since(Instant::now());
        if remaining.is_zero() {
            out.last
                .get_or_insert_with(|| "deadline reached".to_owned());
            break;
        }
        n += 1;
        let must_wait = match attempt(&pending, remaining, n).await {
            Attempt::Again { items, wait } => {
                pending = items;
                let must_wait = wait.is_some();
                out.last = wait.or(out.last);
                must_wait
            }
            Attempt::Stop { items, why, error } => {
                pending = items;
                out.last = why.or(out.last);
                if error.is_some()
                    && let Some(stop) = stop
                {
                    stop.store(true, Ordering::Relaxed);
                }
                out.error = error;
                break;
            }
        };
        if pending.is_empty() || n >= backoff.max_attempts {
            break;
        }
        if must_wait {
            let delay = backoff.delay(n);
            if Instant::now() + delay >= deadline {
                out.last = out.last.map(|l| format!("{l} (deadline reached)"));
                break;
            }
            tokio::time::sleep(delay).await;
        }
        out.retried += pending.len();
    }
    out.unsent = pending;
    out
}
