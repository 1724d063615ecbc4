//! Lambda's own lines: `START`, `END`, `REPORT`, `INIT_START`, timeouts and
//! runtime crashes, told apart by their first bytes, and `REPORT` turned
//! into the `record` of Lambda's JSON `platform.report` event.

use std::borrow::Cow;

use crate::json;

/// Lambda's own lines, written by the platform or the runtime rather than
/// the app.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Platform<'a> {
    Start(&'a str),
    End(&'a str),
    InitStart,
    Report(ReportLine<'a>),
    /// A timeout or a runtime crash: kept as an `ERROR` record whose
    /// message starts at byte `at` of the event.
    Error {
        request_id: Option<&'a str>,
        at: usize,
    },
}

/// How the Lambda runtime starts the line of an uncaught exception.
const CRASH_PREFIX: &str = "[ERROR] ";

/// Whether `line` is the runtime's crash line as it writes one: `[ERROR] `
/// then an exception's (dotted) name and `:` or the line's end
/// (`[ERROR] KeyError: 'x'`, `[ERROR] Runtime.ImportModuleError: …`). A
/// line of an app's `[%(levelname)s] …` format rarely is; one that isn't
/// is left to the formats.
pub(super) fn crash_shaped(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(CRASH_PREFIX) else {
        return false;
    };
    let name_end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .unwrap_or(rest.len());
    let name = &rest[..name_end];
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && matches!(rest.as_bytes().get(name_end), None | Some(b':'))
}

impl<'a> Platform<'a> {
    pub(super) fn classify(line: &'a str) -> Option<Platform<'a>> {
        let b = line.as_bytes();
        match b.first()? {
            b'S' => {
                let rest = line.strip_prefix("START RequestId: ")?;
                Some(Platform::Start(rest.split([' ', '\t']).next()?))
            }
            b'E' => {
                let rest = line.strip_prefix("END RequestId: ")?;
                Some(Platform::End(rest.trim_end()))
            }
            b'R' => {
                if let Some(rest) = line.strip_prefix("REPORT RequestId: ") {
                    return Some(Platform::Report(ReportLine::parse(rest)));
                }
                // `RequestId: … Error: Runtime exited with error: signal: killed`
                let rest = line.strip_prefix("RequestId: ")?;
                let (rid, _) = rest.split_once(" Error: ")?;
                Some(Platform::Error {
                    request_id: Some(rid),
                    at: "RequestId: ".len() + rid.len() + " Error: ".len(),
                })
            }
            b'I' => line
                .starts_with("INIT_START ")
                .then_some(Platform::InitStart),
            // `[ERROR] Runtime.ImportModuleError: …` and uncaught exceptions,
            // which the runtime writes with a space, not its usual tab.
            b'[' => line.starts_with(CRASH_PREFIX).then_some(Platform::Error {
                request_id: None,
                at: CRASH_PREFIX.len(),
            }),
            // `2024-05-11T14:44:46.000Z <request id> Task timed out after 3.00 seconds`
            b'0'..=b'9' => {
                // Most lines starting with a digit are timestamps of app
                // logs; one SIMD search rules them out.
                static TIMEOUT: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
                    std::sync::LazyLock::new(|| {
                        memchr::memmem::Finder::new(" Task timed out after ")
                    });
                TIMEOUT.find(line.as_bytes())?;
                let (stamp, rest) = line.split_once(' ')?;
                let (rid, msg) = rest.split_once(' ')?;
                msg.starts_with("Task timed out after ")
                    .then_some(Platform::Error {
                        request_id: Some(rid),
                        at: stamp.len() + rid.len() + 2,
                    })
            }
            _ => None,
        }
    }
}

/// A `REPORT` line's figures, kept as text until written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct ReportLine<'a> {
    request_id: &'a str,
    rest: &'a str,
}

impl<'a> ReportLine<'a> {
    fn parse(rest: &'a str) -> ReportLine<'a> {
        let (request_id, rest) = rest.split_once('\t').unwrap_or((rest.trim_end(), ""));
        ReportLine { request_id, rest }
    }

    /// The `record` object of Lambda's JSON `platform.report` event:
    /// `{"requestId","metrics":{…},"tracing"?,"status"}`, numbers as numbers.
    pub(super) fn to_json(self) -> String {
        let mut metrics: Vec<(&str, Cow<'_, str>)> = Vec::new();
        let mut status = "success";
        let mut error_type = None;
        let mut trace = None;
        for part in self
            .rest
            .split('\t')
            .map(str::trim)
            .filter(|p| !p.is_empty())
        {
            let Some((key, value)) = part.split_once(": ") else {
                continue;
            };
            let number = value.split(' ').next().unwrap_or_default();
            let name = match key {
                "Duration" => "durationMs",
                "Billed Duration" => "billedDurationMs",
                "Memory Size" => "memorySizeMB",
                "Max Memory Used" => "maxMemoryUsedMB",
                "Init Duration" => "initDurationMs",
                "Restore Duration" => "restoreDurationMs",
                "Billed Restore Duration" => "billedRestoreDurationMs",
                "Status" => {
                    status = value;
                    continue;
                }
                "Error Type" => {
                    error_type = Some(value);
                    continue;
                }
                "XRAY TraceId" => {
                    trace = Some(value);
                    continue;
                }
                _ => continue,
            };
            if let Some(n) = json_number(number) {
                metrics.push((name, n));
            }
        }
        let mut out = Vec::with_capacity(160);
        let mut o = json::Object::open(&mut out);
        o.str("requestId", self.request_id).object("metrics", |m| {
            for (k, v) in &metrics {
                m.raw(k, v);
            }
        });
        if let Some(t) = trace {
            o.object("tracing", |t_| {
                t_.str("type", "X-Amzn-Trace-Id").str("value", t);
            });
        }
        o.str("status", status);
        if let Some(e) = error_type {
            o.str("errorType", e);
        }
        o.close();
        // Built from &str pieces and escaped strings: always UTF-8.
        String::from_utf8(out).unwrap_or_default()
    }
}

/// A figure from a `REPORT` line as a JSON number. Lambda's own text is
/// kept as written when it is valid JSON (`13` stays an integer and
/// `12.34` a float, as Lambda writes them); other numbers Rust can read,
/// such as `064` or `+5` (found by fuzzing: they made invalid JSON), are
/// rewritten; anything else is left out.
fn json_number(text: &str) -> Option<Cow<'_, str>> {
    if serde_json::from_str::<serde_json::Number>(text).is_ok() {
        return Some(Cow::Borrowed(text));
    }
    let n = text.parse::<f64>().ok().filter(|n| n.is_finite())?;
    let n = serde_json::Number::from_f64(n)?;
    Some(Cow::Owned(n.to_string()))
}
