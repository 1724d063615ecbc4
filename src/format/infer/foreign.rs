//! What no Python format prints as fields: other programs' lines, read
//! whole as text, and values a message opens with, where a head stops.

use super::ids::is_ipv4;
use super::lex::{Class, Tok};
use super::marks::all_digits;

/// Source files of other languages, whose loggers print where they
/// logged from as Python's can't.
const FOREIGN: [&str; 10] = ["go", "cc", "cpp", "c", "h", "java", "rs", "js", "ts", "rb"];

/// Whether a line shows a place in another language's source before its
/// words (`file.go:90`, klog's `I0511 14:44:44.000000 21 launcher_v2.go:90]
/// `, Envoy's `[source/server/server.cc:413] `): another program's line,
/// its fields no `LogRecord`'s. Past two words in a row, the message's
/// text may name any file.
pub(super) fn foreign_source(toks: &[Tok<'_>]) -> bool {
    for (i, w) in toks.windows(3).enumerate() {
        let word = |t: &Tok<'_>| t.class == Class::Word;
        if word(&w[0]) && w[1].text == " " && word(&w[2]) {
            return false;
        }
        let foreign = w[0]
            .text
            .rsplit_once('.')
            .is_some_and(|(stem, ext)| !stem.is_empty() && FOREIGN.contains(&ext));
        if word(&w[0])
            && foreign
            && w[1].text == ":"
            && toks.get(i + 2).is_some_and(|t| t.class == Class::Int)
        {
            return true;
        }
    }
    false
}

/// Whether `line` is in the Common Log Format: a client, an identity and a
/// user (`-` where unknown), the time in brackets, then the quoted request
/// (werkzeug's and `http.server`'s `host - - [11/May/2024 14:44:44]
/// "GET …`). A client that is a host's name reads as a logger otherwise.
pub(super) fn common_log(line: &str) -> bool {
    let mut words = line.splitn(4, ' ');
    let (Some(_), Some(ident), Some(user), Some(rest)) =
        (words.next(), words.next(), words.next(), words.next())
    else {
        return false;
    };
    bracketed_request(rest) && ident == "-" && !user.is_empty()
}

/// Whether `rest` opens with an access line's time in brackets and the
/// quoted request after it (`[11/May/2024 14:44:44] "GET …`).
fn bracketed_request(rest: &str) -> bool {
    rest.strip_prefix('[')
        .and_then(|r| r.split_once("] \""))
        .is_some_and(|(time, _)| {
            time.contains(['/', ':']) && time.bytes().any(|c| c.is_ascii_digit())
        })
}

/// Whether token `i` opens a message: a number with its unit, a measure
/// (MACS3's `[302 MB] `, the memory it uses), or a count of a whole, a
/// progress (Rucio's daemons' `[0/2]: `), or a client's address and
/// port (uvicorn's access lines, `INFO:     172.18.0.1:43210 - "GET /`).
/// No attribute prints any of these.
pub(super) fn opens_message(toks: &[Tok<'_>], i: usize) -> bool {
    measure(toks, i) || fraction(toks[i].text) || address(toks, i) || common_client(toks, i)
}

/// Whether token `i` is an IPv4 client that opens an access log's line,
/// the time in brackets and the quoted request after it: werkzeug's and
/// `http.server`'s `127.0.0.1 - - [` (`common_log`), aiohttp's
/// `10.0.0.1 [`, as their messages, after a format of the app's
/// (Slurm-web's `%(threadName)s: [%(levelname)s] `, `BASIC_FORMAT`),
/// whose own fields end before the client.
fn common_client(toks: &[Tok<'_>], i: usize) -> bool {
    if !is_ipv4(toks[i].text) {
        return false;
    }
    let rest: String = toks[i + 1..].iter().take(40).map(|t| t.text).collect();
    let bracket = rest
        .strip_prefix(" - - ")
        .or_else(|| rest.strip_prefix(' '));
    bracket.is_some_and(bracketed_request)
}

/// Whether token `i` is an IPv4 address and its port (`172.18.0.1:43210`).
fn address(toks: &[Tok<'_>], i: usize) -> bool {
    is_ipv4(toks[i].text)
        && toks.get(i + 1).is_some_and(|t| t.text == ":")
        && toks.get(i + 2).is_some_and(|t| t.class == Class::Int)
}

/// Units a measure is printed in: sizes and durations.
const UNITS: [&str; 14] = [
    "B", "KB", "kB", "MB", "GB", "TB", "KiB", "MiB", "GiB", "TiB", "bytes", "ms", "sec", "secs",
];

/// Whether token `i` is a number followed by a space and a unit (`302 MB`).
fn measure(toks: &[Tok<'_>], i: usize) -> bool {
    matches!(toks[i].class, Class::Int | Class::Float)
        && toks.get(i + 1).is_some_and(|t| t.text == " ")
        && toks.get(i + 2).is_some_and(|t| UNITS.contains(&t.text))
}

/// Whether `w` is a count of a whole: `0/2`, `13/200`.
fn fraction(w: &str) -> bool {
    w.split_once('/')
        .is_some_and(|(a, b)| all_digits(a) && all_digits(b))
}
