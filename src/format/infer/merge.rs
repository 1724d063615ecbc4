//! Formats inferred apart that one format wrote: their lines show one
//! column in different shapes, so each shape became a group of its own.

use std::borrow::Cow;

use super::{Format, Inferred, NEUTRAL_PREFIX};
use crate::model::Value;

/// Where a column starts: after a space, a bracket or a bar.
const OPENS: [u8; 3] = [b' ', b'[', b'|'];
/// Where it ends: at a space, a bracket or a bar.
const CLOSES: [u8; 3] = [b' ', b']', b'|'];

/// Formats that differ in one column only, where the column is one field
/// that each group's values read differently:
///
/// - where each reads it as pieces that nothing explains (a neutral field,
///   or a word of its own text), the column is one word whose pieces vary,
///   a logger (miniwdl's loggers `wdl.w:variant_calling` and
///   `wdl.w:variant_calling.t:call-vep`, read as `wdl.w:%(name)s` and
///   `%(name)s:%(module)s.%(funcName)s:%(field_1)s`);
/// - where one reads it as the level and the other as a logger, the
///   logger's are level names that software added (snapraid-runner's
///   `[OUTPUT]` beside `[INFO  ]`), as long as they fit the level's width.
///
/// Precision holds: two formats that each explain the column
/// (`%(name)s:%(lineno)d` beside `%(module)s.%(funcName)s`) stay apart, and
/// the merged format must read every line that either did.
pub(super) fn one_column(mut out: Vec<Inferred>, lines: &[&str]) -> Vec<Inferred> {
    let mut i = 0;
    while i < out.len() {
        let merged = (i + 1..out.len()).find_map(|j| {
            let (format, compiled) = merged(&out[i], &out[j])?;
            let reads = |f: &Inferred| {
                lines
                    .iter()
                    .all(|l| !f.compiled.starts(l) || compiled.starts(l))
            };
            (reads(&out[i]) && reads(&out[j])).then_some((j, format, compiled))
        });
        match merged {
            Some((j, format, compiled)) => {
                let gone = out.remove(j);
                let into = &mut out[i];
                into.lines += gone.lines;
                (into.format, into.compiled) = (format, compiled);
                into.guessed_name = false;
            }
            None => i += 1,
        }
    }
    out.sort_by_key(|f| std::cmp::Reverse(f.lines));
    out
}

/// `a` and `b` as one format with `%(name)s` in the column they differ in
/// (`one_column`).
fn merged(a: &Inferred, b: &Inferred) -> Option<(String, Format)> {
    if a.datefmt != b.datefmt {
        return None;
    }
    let (x, y) = (a.format.as_bytes(), b.format.as_bytes());
    let mut start = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    // Back to the column's start.
    while start > 0 && !OPENS.contains(&x[start - 1]) {
        start -= 1;
    }
    let tail = x[start..]
        .iter()
        .rev()
        .zip(y[start..].iter().rev())
        .take_while(|(p, q)| p == q)
        .count();
    // On to the column's end.
    let (mut end_x, mut end_y) = (x.len() - tail, y.len() - tail);
    while end_x < x.len() && !CLOSES.contains(&x[end_x]) {
        (end_x, end_y) = (end_x + 1, end_y + 1);
    }
    let (col_a, col_b) = (&a.format[start..end_x], &b.format[start..end_y]);
    // A terminal's colour code (`\x1b[32m`) opens no column.
    let coloured =
        a.format[..start].ends_with("\x1b[") || col_a.contains('\x1b') || col_b.contains('\x1b');
    if coloured || end_x == x.len() || col_a.is_empty() || col_b.is_empty() {
        return None;
    }
    let (before, after) = (&a.format[..start], &a.format[end_x..]);
    let named = col_a.contains("%(name)") || col_b.contains("%(name)");
    let format = if let Some(level) = level_beside_logger(col_a, col_b) {
        format!("{before}{level}{after}")
    } else if named && unexplained(col_a) && unexplained(col_b) {
        format!("{before}%(name)s{after}")
    } else {
        return None;
    };
    let compiled = Format::compile_strict(&format, a.datefmt.as_deref()).ok()?;
    Some((format, compiled))
}

/// The level's placeholder, where one column is the level (`%(levelname)-6s`)
/// and the other a logger alone.
fn level_beside_logger<'c>(a: &'c str, b: &'c str) -> Option<&'c str> {
    let whole = |c: &str, name: &str| {
        c.strip_prefix(name).is_some_and(|spec| {
            spec.strip_suffix('s').is_some_and(|w| {
                w.bytes()
                    .all(|c| c.is_ascii_digit() || c == b'-' || c == b'.')
            })
        })
    };
    match (whole(a, "%(levelname)"), whole(b, "%(levelname)")) {
        (true, false) if whole(b, "%(name)") => Some(a),
        (false, true) if whole(a, "%(name)") => Some(b),
        _ => None,
    }
}

/// Whether a column's reading holds pieces nothing explains: a neutral
/// field, or letters of the format's own text. It must be one word of
/// fields a logger's name can hold, nothing that shapes a line (a time,
/// a level, the message).
fn unexplained(col: &str) -> bool {
    if col.contains(' ')
        || ["%(asctime)", "%(msecs)", "%(levelname)", "%(message)"]
            .iter()
            .any(|f| col.contains(f))
    {
        return false;
    }
    if col.contains(&format!("%({NEUTRAL_PREFIX}")) {
        return true;
    }
    // The text outside its fields.
    split_fields(col).is_some_and(|(_, text)| text.bytes().any(|c| c.is_ascii_alphanumeric()))
}

/// Whether every placeholder in `text` is a neutral field (`%(field_1)s`,
/// `%(field_2)d`), and there is one at least.
pub(super) fn only_neutral(text: &str) -> bool {
    let neutral = |name: &str| {
        name.strip_prefix(NEUTRAL_PREFIX)
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
    };
    split_fields(text)
        .is_some_and(|(names, _)| !names.is_empty() && names.iter().all(|n| neutral(n)))
}

/// Whether `wide` reads `line` only by letting a field run across its own
/// brackets (Remoulade's `[PID 1] [MainThread]` read as the thread name
/// `PID 1] [MainThread` by the format of its worker's lines, which have no
/// pid): no value a format prints closes and opens its brackets.
pub(super) fn runs_across_brackets(wide: &Format, line: &str) -> bool {
    let Some(spans) = wide.match_record(line) else {
        return false;
    };
    wide.fields(Cow::Borrowed(line), &spans)
        .iter()
        .any(|(k, v)| k != "message" && matches!(v, Value::Str(s) if s.contains("] [")))
}

/// A format's placeholders' names and the text outside them (`%(name)-8s`
/// is `name`, its spec and conversion dropped); `None` for a placeholder
/// left open.
fn split_fields(format: &str) -> Option<(Vec<&str>, String)> {
    let (mut names, mut text) = (Vec::new(), String::new());
    let mut rest = format;
    while let Some(at) = rest.find("%(") {
        text.push_str(&rest[..at]);
        let (name, after) = rest[at + 2..].split_once(')')?;
        names.push(name);
        let conv = after
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(after.len());
        rest = after.get(conv + 1..).unwrap_or("");
    }
    text.push_str(rest);
    Some((names, text))
}

#[cfg(test)]
mod tests {
    use super::super::format_strings as formats;

    #[test]
    fn a_logger_whose_name_has_colons_and_varies_in_pieces_is_one_column() {
        // miniwdl: `%(asctime)s.%(msecs)03d %(name)s %(levelname)s %(message)s`.
        let mut lines = vec![
            "2024-05-11 14:45:01.756 wdl.w:variant_calling NOTICE miniwdl :: version: v1.15.0",
            "2024-05-11 14:45:01.801 wdl.w:variant_calling INFO loaded workflow",
            "2024-05-11 14:45:01.902 wdl.w:variant_calling NOTICE starting",
        ];
        let calls = [
            "2024-05-11 14:45:02.101 wdl.w:variant_calling.t:call-vep INFO task setup",
            "2024-05-11 14:45:02.201 wdl.w:variant_calling.t:call-haplotype_caller-0 NOTICE docker image",
            "2024-05-11 14:45:02.301 wdl.w:variant_calling.t:call-bcftools_norm VERBOSE command",
            "2024-05-11 14:45:02.401 wdl.w:variant_calling.t:call-vep ERROR failed",
        ];
        lines.extend(calls);
        assert_eq!(
            formats(&lines),
            ["%(asctime)s.%(msecs)03d %(name)s %(levelname)s %(message)s"]
        );
    }

    #[test]
    fn a_terminals_colour_codes_open_no_column() {
        // maubot's coloured `[%(levelname)s@%(name)s]`: the pieces between
        // codes are no logger's.
        let got = formats(&[
            "[2024-05-11 14:44:59,641] [\x1b[37mDEBUG\x1b[0m@\x1b[32mmaubot.instance\x1b[0m.\x1b[36mzip\x1b[0m] Preloading",
            "[2024-05-11 14:44:59,701] [\x1b[36mINFO\x1b[0m@\x1b[32mmaubot.instance\x1b[0m.\x1b[35mgithub-acme\x1b[0m] Loaded",
            "[2024-05-11 14:44:59,741] [\x1b[36mINFO\x1b[0m@\x1b[32mmaubot.instance\x1b[0m.\x1b[36mzip\x1b[0m] Loaded",
            "[2024-05-11 14:45:00,384] [\x1b[36mINFO\x1b[0m@\x1b[35;1mtelethon\x1b[0m.\x1b[33m412345678\x1b[0m.\x1b[35mnetwork.mtprotosender\x1b[0m] Connecting",
            "[2024-05-11 14:45:00,398] [\x1b[36mINFO\x1b[0m@\x1b[35;1mtelethon\x1b[0m.\x1b[33m412345678\x1b[0m.\x1b[35mnetwork.mtprotosender\x1b[0m] Connected",
            "[2024-05-11 14:45:00,411] [\x1b[37mDEBUG\x1b[0m@\x1b[35;1mtelethon\x1b[0m.\x1b[33m412345678\x1b[0m.\x1b[35mnetwork.mtprotosender\x1b[0m] Sent",
        ]);
        assert!(
            got.iter().all(|f| !f.contains("@\x1b[%(name)s]")),
            "{got:?}"
        );
    }

    #[test]
    fn words_in_the_levels_column_that_fit_its_width_are_levels_software_added() {
        // snapraid-runner's `%(asctime)s [%(levelname)-6.6s] %(message)s`,
        // with its OUTPUT and OUTERR levels.
        let mut lines = vec![
            "2024-05-11 14:44:55,701 [INFO  ] Running command sync",
            "2024-05-11 14:44:55,740 [OUTPUT] Loading state from /var/snapraid/snapraid.content...",
            "2024-05-11 14:44:55,802 [OUTPUT] Scanning disk d1...",
            "2024-05-11 14:44:55,911 [OUTERR] WARNING! Ignoring special 'socket' file",
            "2024-05-11 14:44:56,011 [ERROR ] Command exited with 2",
        ];
        assert_eq!(
            formats(&lines),
            ["%(asctime)s [%(levelname)-6s] %(message)s"]
        );
        // A logger's name narrower than the level's column is a logger's.
        lines.extend([
            "2024-05-11 14:44:57,001 [MAIN] starting",
            "2024-05-11 14:44:57,101 [MAIN] stopping",
        ]);
        assert_eq!(formats(&lines).len(), 2);
    }

    #[test]
    fn two_formats_that_each_explain_their_column_stay_apart() {
        let got = formats(&[
            "2024-05-11 14:45:01,756 orders.api:120 INFO created",
            "2024-05-11 14:45:01,801 orders.db:88 WARNING slow query",
            "2024-05-11 14:45:02,101 views.index ERROR failed",
            "2024-05-11 14:45:02,201 views.detail INFO shown",
        ]);
        assert_eq!(got.len(), 2, "{got:?}");
    }
}
