//! The formats inferred from one delivery's own lines, for auto-detection:
//! found the first time a line or a record that no built-in format claims
//! needs them, from every line of the delivery that could start a record.
//!
//! The result depends on the delivery alone, whenever it is asked for and
//! whatever the process saw before, so a retried delivery gives the same
//! documents (the direct path's ids depend on it). A delivery whose lines
//! every built-in format claims never pays for inference.

use std::borrow::Cow;

use super::Parser;
use super::assemble::{first_line, strip_one_newline};
use super::json_line::looks_like_json;
use super::platform::Platform;
use super::tails::{Tail, is_frame, structure};
use crate::decode::LogEvent;
use crate::format::Spans;
use crate::format::infer::{Inferred, infer};
use crate::model::Value;

/// One delivery's inferred formats, once they are asked for.
pub(super) struct Inference<'d> {
    events: &'d [LogEvent<'d>],
    formats: Option<Vec<Inferred>>,
}

impl<'d> Inference<'d> {
    pub(super) fn new(events: &'d [LogEvent<'d>]) -> Self {
        Inference {
            events,
            formats: None,
        }
    }

    /// The formats, inferred on the first call.
    pub(super) fn formats(&mut self, parser: &Parser) -> &[Inferred] {
        let events = self.events;
        self.formats
            .get_or_insert_with(|| infer(candidates(events, parser)))
    }

    /// The formats inferred so far, without inferring: for the places that
    /// must not set inference off (a traceback's lines, which every
    /// delivery with an exception has).
    pub(super) fn known(&self) -> &[Inferred] {
        self.formats.as_deref().unwrap_or_default()
    }

    /// Whether an inferred format recognises `line` as a record's start.
    pub(super) fn starts(&mut self, parser: &Parser, line: &str) -> bool {
        self.formats(parser).iter().any(|f| f.compiled.starts(line))
    }

    /// The fields of a record head that an inferred format matches, with
    /// its keys owned (they outlive this delivery's formats).
    pub(super) fn fields<'t>(
        &mut self,
        parser: &Parser,
        head: &Cow<'t, str>,
        spans: &mut Spans,
    ) -> Option<Vec<(Cow<'t, str>, Value<'t>)>> {
        let f = self
            .formats(parser)
            .iter()
            .find(|f| f.compiled.match_record_into(head, spans))?;
        let fields = f.compiled.fields(head.clone(), spans);
        Some(
            fields
                .into_iter()
                .map(|(k, v)| (Cow::Owned(k.into_owned()), v))
                .collect(),
        )
    }

    /// The formats inferred, as `PYTHON_LOG_FORMAT` and its datefmt, for
    /// the function's log.
    pub(super) fn into_formats(self) -> Vec<(String, Option<String>)> {
        self.formats
            .unwrap_or_default()
            .into_iter()
            .map(|f| (f.format, f.datefmt))
            .collect()
    }
}

/// The lines of a delivery that could start a record of a format nothing
/// else knows: each event's first line, when it is a [`candidate`].
fn candidates<'d>(events: &'d [LogEvent<'d>], parser: &'d Parser) -> impl Iterator<Item = &'d str> {
    events
        .iter()
        .map(|e| first_line(strip_one_newline(&e.message)))
        .filter(|first| candidate(first, parser))
}

/// Whether a line could start a record of a format nothing else knows: it
/// is not blank, JSON, traceback structure, a platform line or a built-in
/// format's.
pub(super) fn candidate(line: &str, parser: &Parser) -> bool {
    !(line.trim().is_empty()
        || looks_like_json(line)
        || is_frame(line)
        || structure(line, Tail::None, true).is_some()
        || Platform::classify(line).is_some()
        || parser.format_starts(line))
}
