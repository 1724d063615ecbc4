//! Line parsing: each CloudWatch event's text becomes a [`Body`].
//!
//! This first version passes the message through unchanged, minus the one
//! trailing newline that logging handlers add. The Python-aware parser
//! replaces it.

use crate::config::Config;
use crate::decode::Delivery;
use crate::record::{Body, Value};

/// A parsed record, with the index of the CloudWatch event it started in
/// (its timestamp and id become the record's).
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<'a> {
    pub body: Body<'a>,
    pub event: usize,
}

/// Counts the parser reports alongside its records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParseStats {
    /// Events dropped on purpose by configuration (e.g. `START` lines).
    pub dropped: usize,
}

/// Why a parser could not be built from the configuration.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {}

/// Turns deliveries into records. Built once at start-up.
#[derive(Debug, Clone)]
pub struct Parser {}

impl Parser {
    pub fn new(_config: &Config) -> Result<Parser, ParseError> {
        Ok(Parser {})
    }

    /// Parses every event of a delivery, in order.
    pub fn parse<'a>(&self, delivery: &'a Delivery<'a>) -> (Vec<Parsed<'a>>, ParseStats) {
        let records = delivery
            .log_events
            .iter()
            .enumerate()
            .map(|(event, e)| Parsed {
                body: Body::Fields(vec![(
                    "message".into(),
                    Value::Str(strip_one_newline(&e.message).into()),
                )]),
                event,
            })
            .collect();
        (records, ParseStats::default())
    }

    /// Whether `line` begins a new record, used by `encode --per-record`.
    pub fn starts_record(&self, line: &str) -> bool {
        !line.is_empty() && !line.starts_with([' ', '\t'])
    }
}

/// Strips the one trailing newline (`\n` or `\r\n`) a handler adds.
pub fn strip_one_newline(s: &str) -> &str {
    let s = s.strip_suffix('\n').unwrap_or(s);
    s.strip_suffix('\r').unwrap_or(s)
}
