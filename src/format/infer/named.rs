//! Formats that print a logger and nothing else before the message: nox's
//! `%(name)s > %(message)s`, ytdl-sub's `[%(name)s] %(message)s`,
//! imapautofiler's `%(name)s: %(message)s`. With no time and no level, no
//! line shows such a format, and `word: text` is how free text starts as
//! often as a record. Only a delivery's many lines show it: one shape,
//! loggers that come back, and messages that differ after them.

use std::collections::{HashMap, HashSet};

use super::columns::SEPARATOR_WORDS;
use super::levels::is_known_level;
use super::{Format, Inferred, MAX_FORMATS};

/// Fewest lines of one delivery that must show a logger-only format.
const MIN_LINES: usize = 6;

/// First words that other output opens with before a colon, never a
/// Python logger's name: compilers' and package managers' notes,
/// argparse's usage, and `http.client`'s debug prints (`send: b'GET …`,
/// `reply: 'HTTP/1.1 200 OK`, `header: Server: …`), which an app that
/// turns on `requests`' wire logging writes between its records.
const NOT_LOGGERS: [&str; 17] = [
    "caused", "critical", "debug", "error", "fatal", "header", "help", "hint", "info", "note",
    "notice", "panic", "reply", "send", "usage", "warn", "warning",
];

/// systemd's unit kinds: `wazo-agid.service: Main process exited` is
/// systemd's line about a unit, in the journal a container host ships.
const SYSTEMD_UNITS: [&str; 7] = [
    "mount", "scope", "service", "slice", "socket", "target", "timer",
];

/// How a line prints its logger before the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Shape {
    /// `[logger] message`.
    Bracketed,
    /// `logger: message`.
    Colon,
    /// `logger > message`, one of [`SEPARATOR_WORDS`] between.
    Word(&'static str),
}

impl Shape {
    fn format(self) -> String {
        match self {
            Shape::Bracketed => "[%(name)s] %(message)s".to_owned(),
            Shape::Colon => "%(name)s: %(message)s".to_owned(),
            Shape::Word(sep) => format!("%(name)s {sep} %(message)s"),
        }
    }
}

/// A line's shape, logger and message, where it opens with a logger.
fn shape(line: &str) -> Option<(Shape, &str, &str)> {
    if let Some(rest) = line.strip_prefix('[') {
        let (name, message) = rest.split_once("] ")?;
        return logger(name, true).then_some((Shape::Bracketed, name, message));
    }
    let (first, rest) = line.split_once(' ')?;
    if let Some(name) = first.strip_suffix(':') {
        return logger(name, false).then_some((Shape::Colon, name, rest));
    }
    let (sep, message) = rest.split_once(' ')?;
    let sep = SEPARATOR_WORDS.into_iter().find(|w| *w == sep)?;
    logger(first, false).then_some((Shape::Word(sep), first, message))
}

/// Whether `name` is shaped as a module's logger (`getLogger(__name__)`:
/// letters, digits, `_`, `.` and `-`, each part lower case first; a `:`
/// too inside brackets, `ytdl-sub:downloader`), and no word other programs
/// open a line with. A part in capitals is a class's: an exception's line
/// (`imapclient.exceptions.LoginError: …`) is no record.
fn logger(name: &str, colons: bool) -> bool {
    let unit = name
        .rsplit_once('.')
        .is_some_and(|(_, kind)| SYSTEMD_UNITS.contains(&kind));
    name.len() >= 2
        && !unit
        && name
            .split(['.', ':'])
            .all(|part| part.starts_with(|c: char| c.is_ascii_lowercase() || c == '_'))
        && !name.ends_with(['.', '-', ':'])
        && name.bytes().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-') || colons && c == b':'
        })
        && !is_known_level(name)
        && !NOT_LOGGERS.contains(&name)
}

/// What one shape's lines show.
#[derive(Default)]
struct Tally<'a> {
    lines: usize,
    loggers: HashSet<&'a str>,
    /// The messages' first words.
    firsts: HashSet<&'a str>,
    /// Messages that open with a number (`step: 3 of 9`), as a list's or
    /// a table's lines do.
    numbers: usize,
    /// Whether a logger names its place in a hierarchy (`app.config`,
    /// `ytdl-sub:downloader`): a plain word in brackets or before a colon
    /// is how tools tag what they print (yt-dlp's `[download]`,
    /// roslaunch's `[bridge-1]`, `http.client`'s `send:`), a module's
    /// logger in a package is dotted.
    placed: bool,
}

/// `out` and, where enough of `lines` that no format of `out` reads open
/// with a logger in one shape, that shape's format, tried last. The
/// loggers must come back (fewer than two for every three lines: a
/// program has a few, a dump of settings a key per line), the messages
/// differ after them (more first words than loggers), and most messages
/// open with a word, not a number. In brackets or before a colon, one
/// logger at least must be dotted (`placed`).
pub(super) fn formats(mut out: Vec<Inferred>, lines: &[&str]) -> Vec<Inferred> {
    if out.len() >= MAX_FORMATS {
        return out;
    }
    let mut shapes: HashMap<Shape, Tally<'_>> = HashMap::new();
    for &line in lines {
        let Some((shape, name, message)) = shape(line) else {
            continue;
        };
        if out.iter().any(|f| f.compiled.starts(line)) {
            continue;
        }
        let t = shapes.entry(shape).or_default();
        t.lines += 1;
        t.loggers.insert(name);
        t.placed |= name.contains(['.', ':']);
        let first = message.split(' ').next().unwrap_or_default();
        t.firsts.insert(first);
        t.numbers += usize::from(first.starts_with(|c: char| c.is_ascii_digit()));
    }
    let best = shapes
        .into_iter()
        .filter(|(s, t)| {
            t.lines >= MIN_LINES
                && t.loggers.len() * 3 < t.lines * 2
                && t.firsts.len() > t.loggers.len()
                && t.numbers * 2 < t.lines
                && (t.placed || matches!(s, Shape::Word(_)))
        })
        // The most lines; of equals, the first shape in a fixed order.
        .max_by_key(|(s, t)| (t.lines, std::cmp::Reverse(s.format())));
    if let Some((shape, t)) = best
        && let Ok(compiled) = Format::compile_strict(&shape.format(), None)
    {
        out.push(Inferred {
            format: shape.format(),
            datefmt: None,
            lines: t.lines,
            compiled,
            guessed_name: false,
            capital_guesses: false,
            before: None,
            logger_only: true,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::format_strings as formats;

    #[test]
    fn a_logger_alone_before_the_message_is_a_format_on_many_lines() {
        // ytdl-sub's `[%(name)s] %(message)s`, with the container's print
        // lines between.
        let lines = [
            "[ytdl-sub] Running subscription AWS Events",
            "Files created in '/tv_shows/AWS Events'",
            "[ytdl-sub:downloader] Downloading entry 1/3: re:Invent keynote",
            "[ytdl-sub:yt-dlp] [youtube] Extracting URL: https://youtu.be/x1",
            "[ytdl-sub:yt-dlp] [download] Destination: /tmp/x1.mkv",
            "[ytdl-sub:downloader] Downloading entry 2/3: EKS deep dive",
            "[ytdl-sub:yt-dlp] [youtube] Extracting URL: https://youtu.be/x2",
            "[ytdl-sub] Finished subscription AWS Events",
        ];
        assert_eq!(formats(&lines), ["[%(name)s] %(message)s"]);
        // imapautofiler's `%(name)s: %(message)s`, nox's `%(name)s > %(message)s`.
        let lines = [
            "root: starting",
            "imapautofiler.config: loading config from /config/imapautofiler.yml",
            "imapautofiler: message 4213: [FIRING:1] HighErrorRate",
            "move: 4213 ([FIRING:1] HighErrorRate) to Alerts.Firing",
            "imapautofiler: message 4214: [RESOLVED] HighErrorRate",
            "trash: 4214 ([RESOLVED] HighErrorRate) to Trash",
            "imapautofiler: message 4215: weekly digest",
            "move: 4215 (weekly digest) to Lists.digest",
        ];
        assert_eq!(formats(&lines), ["%(name)s: %(message)s"]);
        let lines = [
            "nox > Running session lint",
            "nox > Creating virtual environment (virtualenv) using python3.12",
            "nox > python -m pip install flake8",
            "nox > flake8 src",
            "nox > Session lint was successful in 4 seconds.",
            "nox > Running session tests",
        ];
        assert_eq!(formats(&lines), ["%(name)s > %(message)s"]);
    }

    #[test]
    fn words_and_colons_that_dont_come_back_or_say_a_level_are_no_loggers() {
        // A compiler's notes, a YAML dump, a numbered list, and too few lines.
        let notes = [
            "note: `#[warn(dead_code)]` on by default",
            "help: consider prefixing with an underscore: `_x`",
            "note: required by a bound in `spawn`",
            "help: remove this import",
            "note: this error originates in the macro `json`",
            "help: add `#[derive(Debug)]` to `Config`",
        ];
        assert!(formats(&notes).is_empty());
        let yaml = [
            "name: web",
            "image: nginx:1.27",
            "replicas: 3",
            "port: 8080",
            "region: eu-west-1",
            "owner: platform",
        ];
        assert!(formats(&yaml).is_empty());
        let steps = [
            "step: 1 of 6 done",
            "step: 2 of 6 done",
            "step: 3 of 6 done",
            "step: 4 of 6 done",
            "step: 5 of 6 done",
            "step: 6 of 6 done",
        ];
        assert!(formats(&steps).is_empty());
        assert!(formats(&["[app] one", "[app] two", "[app] three"]).is_empty());
        // yt-dlp's and roslaunch's tags, and systemd's lines about a unit.
        let tags = [
            "[youtube] Extracting URL: https://www.youtube.com/watch?v=aAsuPzHK-bE",
            "[youtube] aAsuPzHK-bE: Downloading webpage",
            "[download] Destination: /tmp/music_cache/aAsuPzHK-bE.webm",
            "[download] 100% of    3.10MiB in 00:00:01 at 2.40MiB/s",
            "[dynamic_bridge-1] created 1to2 bridge for topic '/odom'",
            "[dynamic_bridge-1] created 1to2 bridge for topic '/scan'",
        ];
        assert!(formats(&tags).is_empty());
        let units = [
            "wazo-agid.service: Main process exited, code=exited, status=1/FAILURE",
            "wazo-agid.service: Failed with result 'exit-code'.",
            "wazo-agid.service: Scheduled restart job, restart counter is at 1.",
            "wazo-agid.service: Main process exited, code=exited, status=1/FAILURE",
            "wazo-agid.service: Failed with result 'exit-code'.",
            "wazo-agid.service: Scheduled restart job, restart counter is at 2.",
        ];
        assert!(formats(&units).is_empty());
    }
}
