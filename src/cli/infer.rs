//! `infer FILE...`: the formats inferred from log files (or from the
//! events of subscription event files), printed as a `LOG_GROUP_FORMATS`
//! entry ready to paste, so a team can pin what auto-detection found and
//! give a custom field its real name.

use std::ffi::OsString;
use std::process::ExitCode;

use super::{CliError, fail, print, read_input, say};
use crate::format::infer::{Inferred, indent_below, infer, json_text};

/// The formats of every file's lines, most lines first.
pub(super) fn run(files: &[OsString], group: Option<&str>) -> ExitCode {
    match formats(files) {
        Ok((found, event_group)) if !found.is_empty() => {
            for f in &found {
                say(&format!(
                    "infer: {} line(s): {:?} datefmt {:?}",
                    f.lines, f.format, f.datefmt
                ));
            }
            let group = group.or(event_group.as_deref()).unwrap_or("*");
            print(&entry(group, &found))
        }
        Ok(_) => {
            say(
                "infer: no format found: the lines show no timestamp or level name that agree (see docs/parsing.md, \"Inferred formats\")",
            );
            ExitCode::FAILURE
        }
        Err(err) => fail(&err),
    }
}

/// The inferred formats of all the files together, and the log group of
/// the first event file, if any.
fn formats(files: &[OsString]) -> Result<(Vec<Inferred>, Option<String>), CliError> {
    let limit = crate::pipeline::memory_budget(crate::config::LOCAL_MEMORY_MB);
    let mut text = String::new();
    let mut group = None;
    for file in files {
        let bytes = read_input(file, limit)?;
        let name = file.to_string_lossy().into_owned();
        match events_of(&bytes) {
            Some((g, lines)) => {
                group.get_or_insert(g);
                for l in lines {
                    text.push_str(&l);
                    text.push('\n');
                }
            }
            None => {
                let s = std::str::from_utf8(&bytes).map_err(|e| CliError::NotText {
                    name,
                    at: e.valid_up_to(),
                })?;
                text.push_str(s);
                text.push('\n');
            }
        }
    }
    let mut found = infer(text.lines().filter(|l| candidate(l)));
    indent_below(&mut found, text.lines().zip(text.lines().skip(1)));
    found.extend(json_text(text.lines(), None));
    Ok((found, group))
}

/// Whether a line could show a format: not blank, not traceback structure.
fn candidate(line: &str) -> bool {
    let t = line.trim_start();
    !(t.is_empty()
        || t.starts_with("File \"")
        || line.starts_with("Traceback (")
        || line.starts_with('{'))
}

/// A subscription event file's log group and its events' first lines.
fn events_of(bytes: &[u8]) -> Option<(String, Vec<String>)> {
    if bytes.iter().find(|c| !c.is_ascii_whitespace()) != Some(&b'{') {
        return None;
    }
    let payload = crate::decode::decompress(bytes).ok()?;
    let delivery = crate::decode::parse_delivery(&payload).ok()?;
    let lines = delivery
        .log_events
        .iter()
        .map(|e| e.message.lines().next().unwrap_or_default().to_owned())
        .collect();
    Some((delivery.log_group.to_string(), lines))
}

/// One `LOG_GROUP_FORMATS` entry for `group` with every format found, in
/// the order a person writes it: groups, then each format and its datefmt.
fn entry(group: &str, found: &[Inferred]) -> String {
    let quote = |s: &str| serde_json::Value::from(s).to_string();
    let formats: Vec<String> = found
        .iter()
        .map(|f| match &f.datefmt {
            Some(d) => format!(
                "{{\"format\": {}, \"datefmt\": {}}}",
                quote(&f.format),
                quote(d)
            ),
            None => format!("{{\"format\": {}}}", quote(&f.format)),
        })
        .collect();
    format!(
        "[{{\"groups\": {}, \"formats\": [\n  {}]}}]\n",
        quote(group),
        formats.join(",\n  ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_entry_is_a_log_group_formats_value_with_each_datefmt() {
        let found = infer([
            "2024-05-11 14:44:45 INFO [orders.api] a",
            "2024-05-11 14:44:46 ERROR [orders.api] b",
        ]);
        assert_eq!(
            entry("/ecs/orders*", &found),
            "[{\"groups\": \"/ecs/orders*\", \"formats\": [\n  {\"format\": \"%(asctime)s %(levelname)s [%(name)s] %(message)s\", \"datefmt\": \"%Y-%m-%d %H:%M:%S\"}]}]\n"
        );
    }
}
