//! Formats inferred apart that one format wrote: their lines show one
//! column in different shapes, so each shape became a group of its own.

use std::collections::HashSet;

use super::marks::all_digits;
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

/// Formats that add to a shorter one only a guessed field and `: `
/// before the message, or a label and one (DipDup's `%(name)-20s
/// %(message)s`, whose index and datasource messages open with a name,
/// `evm_node: Establishing …`, read as `%(funcName)s: `; OpenWPM's
/// `BROWSER 1: Launching browser`, read as `BROWSER %(process)d: `),
/// where one logger (or module, file or function) writes lines of both: a
/// format prints its fields on every record of every logger, so that
/// logger's lines with the word are messages that start with it. The
/// shorter format takes their lines, however many they are, and so it does
/// where it shows nothing that tells writers apart (`writerless_more`).
pub(super) fn same_logger(out: Vec<Inferred>, lines: &[&str]) -> Vec<Inferred> {
    fold_into(
        out,
        |wide, short| {
            one_field_more(wide, short).is_some_and(|who| writer_of_both(wide, short, who, lines))
                || writerless_more(wide, short, lines)
        },
        |_, _| {},
    )
}

/// Each format that `joins` says another reads goes into that one: its
/// lines counted there, and `fold` given both. Sorted by lines again where
/// any went.
pub(super) fn fold_into(
    mut out: Vec<Inferred>,
    joins: impl Fn(&Inferred, &Inferred) -> bool,
    fold: impl Fn(&mut Inferred, &Inferred),
) -> Vec<Inferred> {
    let (mut i, mut merged) = (0, false);
    while i < out.len() {
        match (0..out.len()).find(|&j| j != i && joins(&out[i], &out[j])) {
            Some(j) => {
                let gone = out.remove(i);
                let into = &mut out[if j > i { j - 1 } else { j }];
                into.lines += gone.lines;
                fold(into, &gone);
                merged = true;
            }
            None => i += 1,
        }
    }
    if merged {
        out.sort_by_key(|f| std::cmp::Reverse(f.lines));
    }
    out
}

/// The fields that tell who wrote a record, the surest first.
const WRITERS: [&str; 4] = ["name", "module", "filename", "funcName"];

/// Where `wide` is `short` (widths and runs of spaces aside, which each
/// group reads from its own lines) with one field and `: ` added before
/// the message, an upper-case label before it or none, the field of
/// `short` that tells who wrote a line.
fn one_field_more(wide: &Inferred, short: &Inferred) -> Option<&'static str> {
    let (s, added) = added(wide, short)?;
    let added = added.strip_suffix(": ")?;
    let (names, text) = split_fields(added)?;
    let label = text.strip_suffix(' ').is_some_and(|l| {
        l.len() >= 2 && l.bytes().all(|c| c.is_ascii_uppercase()) && added.starts_with(l)
    });
    let one = names.len() == 1 && (text.is_empty() || label) && added.ends_with(['s', 'd']);
    one.then(|| writer_field(&s)).flatten()
}

/// Where `wide` is `short` with one field added before the message, as
/// `%(x)s: ` (or `%(x)d: `) or `[%(x)s] `, and `short` prints
/// `%(asctime)s` and no writer (`WRITERS`): one program's messages, some
/// opening with a word (PlexAniSync's `%(asctime)s %(message)s`, whose
/// logger adapters write `[ANILIST] `, and Voice-Logger's thread id before
/// `: `). Nothing tells two writers apart there, and two programs that
/// print one time layout and one head but for that field are rarer than
/// one whose messages open with it. A level or a time added stays a format
/// of its own, and so do heads with no `asctime` (uvicorn's `INFO:     `
/// lines beside backy2's `%(levelname)8s: [%(name)s] `) and a field with
/// a dotted value on any line (`handlers.cloudwatch: `, `[config.py] `): a
/// package's module or a file, not a message's word.
fn writerless_more(wide: &Inferred, short: &Inferred, lines: &[&str]) -> bool {
    let Some((s, added)) = added(wide, short) else {
        return false;
    };
    let Some((names, text)) = split_fields(&added) else {
        return false;
    };
    let shaped = match text.as_str() {
        ": " => added.ends_with(": "),
        "[] " => added.starts_with('[') && added.ends_with("] "),
        _ => false,
    };
    let [n] = names[..] else {
        return false;
    };
    let dotted = || {
        lines
            .iter()
            .any(|l| writer(&wide.compiled, n, l).is_some_and(|v| v.contains('.')))
    };
    shaped
        && !n.starts_with("level")
        && !TIMES.contains(&n)
        && s.contains("%(asctime)s")
        && writer_field(&s).is_none()
        && !dotted()
}

/// The first field of `WRITERS` that a format's `head` (`unpadded`)
/// prints, which tells who wrote a line.
pub(super) fn writer_field(head: &str) -> Option<&'static str> {
    WRITERS
        .into_iter()
        .find(|k| head.contains(&format!("%({k})s")))
}

/// The fields that date a record.
const TIMES: [&str; 4] = ["asctime", "msecs", "created", "relativeCreated"];

/// Where `wide` is `short` with text added before the message (widths and
/// runs of spaces aside, which each group reads from its own lines), and
/// both date lines alike: `short`'s head and the text added.
pub(super) fn added(wide: &Inferred, short: &Inferred) -> Option<(String, String)> {
    let w = unpadded(wide.format.strip_suffix("%(message)s")?);
    let s = unpadded(short.format.strip_suffix("%(message)s")?);
    let added = w.strip_prefix(s.as_str())?.to_owned();
    (wide.datefmt == short.datefmt).then_some((s, added))
}

/// `format` without widths and precisions, runs of spaces as one.
fn unpadded(format: &str) -> String {
    let mut out = String::with_capacity(format.len());
    let mut rest = format;
    while let Some(at) = rest.find("%(") {
        out.push_str(&rest[..at]);
        let Some(close) = rest[at..].find(')') else {
            break;
        };
        out.push_str(&rest[at..=at + close]);
        rest = rest[at + close + 1..].trim_start_matches(|c: char| "-+ #0123456789.".contains(c));
    }
    out.push_str(rest);
    let mut spaced = String::with_capacity(out.len());
    for c in out.chars() {
        if !(c == ' ' && spaced.ends_with(' ')) {
            spaced.push(c);
        }
    }
    spaced
}

/// Whether one writer (`who`: a logger, module, file or function) has
/// lines that `wide` reads and lines that only `short` does.
fn writer_of_both(wide: &Inferred, short: &Inferred, who: &str, lines: &[&str]) -> bool {
    let (mut theirs, mut own) = (HashSet::new(), HashSet::new());
    for line in lines {
        if let Some(n) = writer(&wide.compiled, who, line) {
            theirs.insert(n);
        } else if let Some(n) = writer(&short.compiled, who, line) {
            own.insert(n);
        }
    }
    !theirs.is_disjoint(&own)
}

/// The value of field `who` that `format` reads on `line`.
fn writer(format: &Format, who: &str, line: &str) -> Option<String> {
    format.read(line)?.into_iter().find_map(|(k, v)| match v {
        Value::Str(s) if k == who => Some(s.trim().to_string()),
        _ => None,
    })
}

/// Whether every placeholder in `text` is a neutral field (`%(field_1)s`,
/// `%(field_2)d`), and there is one at least.
pub(super) fn only_neutral(text: &str) -> bool {
    let neutral = |name: &str| name.strip_prefix(NEUTRAL_PREFIX).is_some_and(all_digits);
    split_fields(text)
        .is_some_and(|(names, _)| !names.is_empty() && names.iter().all(|n| neutral(n)))
}

/// Whether `wide` reads `line` only by letting a field run across its own
/// brackets (Remoulade's `[PID 1] [MainThread]` read as the thread name
/// `PID 1] [MainThread` by the format of its worker's lines, which have no
/// pid): no value a format prints closes and opens its brackets.
pub(super) fn runs_across_brackets(wide: &Format, line: &str) -> bool {
    wide.read(line).is_some_and(|fields| {
        fields
            .iter()
            .any(|(k, v)| k != "message" && matches!(v, Value::Str(s) if s.contains("] [")))
    })
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
    fn a_word_and_colon_that_a_logger_writes_on_some_lines_only_open_its_messages() {
        // DipDup's `%(levelname)-8s %(name)-20s %(message)s`: most of its
        // index and datasource messages open with their name.
        let mut lines = vec![
            "INFO     dipdup.dipdup        Setting up database",
            "INFO     dipdup.dipdup        Initializing database schema",
            "INFO     dipdup.dipdup        Starting index dispatcher",
        ];
        let named = [
            "INFO     dipdup.datasources   evm_node: Establishing realtime connection",
            "INFO     dipdup.datasources   evm_node: Subscribing to 2 channels",
            "INFO     dipdup.index         uniswap_v3_pools: Synchronizing index",
            "INFO     dipdup.dipdup        indexing: warming up...",
            "INFO     dipdup.dipdup        indexing:   6.7% done, 196 levels left",
            "INFO     dipdup.dipdup        indexing:  13.4% done, 179 levels left",
            "INFO     dipdup.dipdup        indexing:  20.2% done, 162 levels left",
            "WARNING  dipdup.datasources   evm_node: Realtime connection lost",
        ];
        lines.extend(named);
        assert_eq!(formats(&lines), ["%(levelname)-8s %(name)-20s %(message)s"]);
    }

    #[test]
    fn a_label_and_number_that_a_module_writes_on_some_lines_only_open_its_messages() {
        // OpenWPM's `%(module)-20s - %(levelname)-8s - %(message)s`, whose
        // browser manager's messages often open with `BROWSER 1: `.
        let lines = [
            "task_manager         - INFO     - OpenWPM Version: v0.30.0",
            "browser_manager      - INFO     - BROWSER 1: Launching browser...",
            "browser_manager      - INFO     - BROWSER 2: Launching browser...",
            "browser_manager      - INFO     - Starting to work on CommandSequence 7330",
            "browser_manager      - INFO     - BROWSER 1: EXECUTING COMMAND: GetCommand",
            "browser_manager      - INFO     - BROWSER 2: EXECUTING COMMAND: GetCommand",
            "browser_manager      - INFO     - Finished working on CommandSequence 7330",
            "task_manager         - INFO     - Closing TaskManager",
        ];
        let got = formats(&lines);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            got[0].ends_with("-20s - %(levelname)-8s - %(message)s"),
            "{got:?}"
        );
    }

    #[test]
    fn a_word_and_colon_on_every_line_of_its_loggers_is_a_field() {
        // Without the same logger on both shapes, a function's name
        // before the message stays a field.
        let lines = [
            "INFO     app.db               connect: Opening pool",
            "INFO     app.db               connect: Pool ready",
            "INFO     app.web              serve: Listening on :8080",
            "INFO     app.web              serve: Worker 2 up",
            "INFO     app.jobs             run: Job 7 started",
            "INFO     app.jobs             run: Job 7 done",
            "INFO     app.cache            Warming the cache",
            "INFO     app.cache            Cache warm",
        ];
        let got = formats(&lines);
        assert!(got.iter().any(|f| f.contains("%(funcName)s: ")), "{got:?}");
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

    #[test]
    fn a_bracketed_word_that_only_some_timed_lines_show_opens_their_messages() {
        // PlexAniSync's `%(asctime)s %(message)s`: its logger adapters open
        // most messages with `[ANILIST] ` or `[PLEX] `, its own with none.
        let lines = [
            "2024-05-11 14:44:44 [MAPPING] Custom mapping found locally, using: custom_mappings.yaml",
            "2024-05-11 14:44:44 [ANILIST] Retrieving AniList list for user: kitsune_coop",
            "2024-05-11 14:44:44 [ANILIST] Found 143 anime series on list",
            "2024-05-11 14:44:44 [PLEX] Retrieving anime series from section: Anime",
            "2024-05-11 14:44:45 [PLEX] Found 87 watched series",
            "2024-05-11 14:44:45 Plex connection failed, retrying in 60 seconds",
            "2024-05-11 14:44:46 Sync cycle finished in 2.1 seconds",
        ];
        assert_eq!(formats(&lines), ["%(asctime)s %(message)s"]);
    }

    #[test]
    fn a_number_and_colon_that_only_some_timed_lines_show_opens_their_messages() {
        // Voice-Logger's `%(asctime)s:%(levelname)s: %(message)s`: each
        // desk's thread writes its id into the message.
        let lines = [
            "2024-05-11 14:45:30,112:INFO: Starting Voice-Logger on port 8088",
            "2024-05-11 14:45:32,496:INFO: 140241647507008: Client connected from address 10.40.12.31:52012",
            "2024-05-11 14:45:32,501:INFO: 140241647507008: Received data: LOGIN 4021",
            "2024-05-11 14:45:33,020:INFO: 140241650665024: Client connected from address 10.40.12.44:52990",
            "2024-05-11 14:45:33,104:WARNING: 140241650665024: Invalid command received: ",
            "2024-05-11 14:45:40,000:INFO: Listening for desks",
        ];
        assert_eq!(formats(&lines), ["%(asctime)s:%(levelname)s: %(message)s"]);
    }

    #[test]
    fn untimed_heads_with_and_without_a_logger_stay_apart() {
        // uvicorn's own `INFO:     ` lines beside backy2's
        // `%(levelname)8s: [%(name)s] %(message)s`: two programs.
        let got = formats(&[
            "INFO:     Started server process [1]",
            "INFO:     Waiting for application startup.",
            "INFO:     Application startup complete.",
            "    INFO: [backup] Backup of vm-101 started",
            "    INFO: [backup] Backup of vm-101 finished",
            "   ERROR: [reader] Read error on block 77",
        ]);
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn a_level_that_only_some_timed_lines_show_is_a_format_of_its_own() {
        let got = formats(&[
            "2024-05-11 14:45:50 [INFO] Scanning layer 1",
            "2024-05-11 14:45:51 [WARNING] Layer 2 has no packages",
            "2024-05-11 14:45:52 [INFO] Report written",
            "2024-05-11 14:45:53 Starting passive scan",
            "2024-05-11 14:45:54 Total of 12 URLs",
        ]);
        assert!(
            got.contains(&"%(asctime)s [%(levelname)s] %(message)s".to_owned()),
            "{got:?}"
        );
    }
}
