//! `encode [OPTIONS] FILE...`: log files wrapped into an event on stdout,
//! split into events where the log group's formats say records start.

use std::ffi::OsString;
use std::io::Write as _;
use std::process::ExitCode;

use super::{CliError, EncodeArgs, Envelope, fail, read_input};
use crate::config::{Config, FormatSpec};
use crate::encode::{self, Origin};
use crate::parse::{GroupParsers, Parser};

/// Wraps every file into the event `--firehose`, `--kinesis` or neither
/// asks for.
pub(super) fn run(args: &EncodeArgs) -> ExitCode {
    match event(args) {
        Ok(event) => {
            let mut out = std::io::stdout().lock();
            match out.write_all(&event).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => fail(&CliError::Stdout(err)),
            }
        }
        Err(err) => fail(&err),
    }
}

fn event(args: &EncodeArgs) -> Result<Vec<u8>, CliError> {
    // Where records start is the same for every file: read once.
    let splitter = if args.payload {
        None
    } else {
        Some(Splitter::new(args)?)
    };
    let mut payloads = Vec::with_capacity(args.files.len());
    // Each file's events follow the previous file's in time, so no two
    // deliveries of one event share an event id.
    let mut origin = args.origin.clone();
    for file in &args.files {
        let (p, span) = payload_of(file, splitter.as_ref(), args, &origin)?;
        payloads.push(p);
        origin.start_ms += span;
    }
    Ok(match args.envelope {
        Envelope::Subscription => encode::event(&payloads[0]),
        Envelope::Firehose => encode::firehose_event(&payloads, encode::SAMPLE_STREAM_ARN),
        Envelope::Kinesis => encode::kinesis_event(&payloads, encode::SAMPLE_KINESIS_ARN),
    })
}

/// What tells where records start: `--format` (which wins over every
/// configured format), or else the configuration's formats for the log
/// group the event will claim.
enum Splitter {
    Formats(Parser),
    Configured(GroupParsers),
}

impl Splitter {
    fn new(args: &EncodeArgs) -> Result<Splitter, CliError> {
        let config = Config::from_env()?;
        if args.formats.is_empty() {
            return Ok(Splitter::Configured(GroupParsers::new(&config)?));
        }
        let formats: Vec<FormatSpec> = args.formats.iter().map(|f| FormatSpec::plain(f)).collect();
        let parser = Parser::with_formats(
            &formats,
            args.datefmt.as_deref(),
            config.formats.platform_lines,
        )?;
        Ok(Splitter::Formats(parser))
    }

    fn parser(&self, log_group: &str) -> &Parser {
        match self {
            Splitter::Formats(p) => p,
            Splitter::Configured(parsers) => parsers.for_group(log_group),
        }
    }
}

/// One file as a delivery's payload, and how many milliseconds its events
/// span, to start the next file after: a log file split into events, or
/// (`--payload`, no splitter) a payload as it is.
fn payload_of(
    file: &OsString,
    splitter: Option<&Splitter>,
    args: &EncodeArgs,
    origin: &Origin,
) -> Result<(Vec<u8>, i64), CliError> {
    let input = read_input(
        file,
        crate::pipeline::memory_budget(crate::config::LOCAL_MEMORY_MB),
    )?;
    let Some(splitter) = splitter else {
        return Ok((input, 0));
    };
    let text = String::from_utf8(input).map_err(|e| CliError::NotText {
        name: file.to_string_lossy().into_owned(),
        at: e.utf8_error().valid_up_to(),
    })?;
    let parser = splitter.parser(&origin.log_group);
    let messages = encode::messages(&text, args.grouping, parser.boundary_test(&text));
    let offsets = encode::stamps(&messages, args.grouping, parser.boundary_test(&text));
    let span = offsets
        .last()
        .map_or(0, |last| last + encode::RECORD_GAP_MS);
    Ok((encode::payload_at(origin, messages, &offsets), span))
}
