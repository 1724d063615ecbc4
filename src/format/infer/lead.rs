//! Fields the messages lead with: a column the head's scan stopped
//! before, because each line's value alone is a word a message could
//! start with, which only a whole group shows to be a field.

use super::columns::{self, SEPARATOR_WORDS};
use super::names::functions_marked;
use super::role::{is_identifier, is_thread_name};
use super::{Format, Inferred, NEUTRAL_PREFIX};

/// Each format with the field its messages all lead with, where they
/// show one (`thread_word_format`, `word_column`, and
/// `columns::process_before_message` again, for a process id after a
/// padded level, which widths fix only after the head's scan).
pub(super) fn fields(mut out: Vec<Inferred>, lines: &[&str]) -> Vec<Inferred> {
    for f in &mut out {
        let Some(head) = f.format.strip_suffix("%(message)s") else {
            continue;
        };
        let glued = head.ends_with("%(lineno)d:") && !head.contains("%(funcName)");
        if !head.ends_with(' ') && !glued {
            continue;
        }
        let started: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| f.compiled.starts(l))
            .collect();
        let Some((_, messages)) = columns::messages(&f.format, &f.compiled, &started) else {
            continue;
        };
        let format = if glued {
            glued_function(head, &messages)
        } else {
            thread_word_format(head, &messages)
                .or_else(|| word_column(head, &messages))
                .or_else(|| columns::process_before_message(&f.format, head.len(), &messages))
        };
        let compiled = format
            .as_deref()
            .and_then(|format| Format::compile_strict(format, f.datefmt.as_deref()).ok());
        if let (Some(format), Some(compiled)) = (format, compiled) {
            (f.format, f.compiled) = (format, compiled);
        }
    }
    out
}

/// Where a line's number glued to the message by a colon is followed on
/// every line by a word and a space, and the words are functions' names
/// (`names::functions_marked`, none capitalised), the word is
/// `%(funcName)s` (woob's `%(filename)s:%(lineno)d:%(funcName)s
/// %(message)s`, `modules.py:244:load_module Loaded module …`): a message
/// glued to the colon would not open with a function's name on every
/// line. `columns::messages` reads six lines at least.
fn glued_function(head: &str, messages: &[String]) -> Option<String> {
    let mut words = Vec::with_capacity(messages.len());
    for message in messages {
        let (word, _) = message.split_once(' ')?;
        if !is_identifier(word) || word.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        words.push(word);
    }
    functions_marked(&words).then(|| format!("{head}%(funcName)s %(message)s"))
}

/// Where a format stops where its lines all go on with one of a few words
/// that come back, one of them a name `threading` gives (`MainThread`):
/// the word is the thread's name, the others names a daemon gave its
/// threads (NGINX Amplify's `%(asctime)s [%(process)d] %(threadName)s
/// %(message)s`, threads `supervisor`, `nginx_config`, `bridge_manager`).
/// The format is `head` with `%(threadName)s ` before its message, padded
/// where the names are.
fn thread_word_format(head: &str, messages: &[String]) -> Option<String> {
    if head.contains("%(threadName)") {
        return None;
    }
    let mut words = Vec::new();
    let mut rests = Vec::new();
    // Each line's word and the spaces after it, for a width.
    let mut gaps = Vec::new();
    for message in messages {
        let (word, rest) = message.split_once(' ')?;
        if !is_identifier(word) {
            return None;
        }
        let text = rest.trim_start_matches(' ');
        words.push(word);
        gaps.push((word.len(), 1 + rest.len() - text.len()));
        rests.push(text);
    }
    let mut distinct = words.clone();
    distinct.sort_unstable();
    distinct.dedup();
    let named = words.iter().any(|w| is_thread_name(w));
    if !named || words.len() < 6 || distinct.len() * 2 > words.len() {
        return None;
    }
    // Padded to a width (emonHub's `%(threadName)-10s`), the spaces are
    // the name's; otherwise a message's own.
    let (width, rests) = match columns::padded(&gaps) {
        Some(w) => (format!("-{w}"), rests),
        None => (
            String::new(),
            messages
                .iter()
                .filter_map(|m| Some(m.split_once(' ')?.1))
                .collect(),
        ),
    };
    Some(format!(
        "{head}%(threadName){width}s {}%(message)s",
        separator(&rests)
    ))
}

/// The separator every message's text starts with after the thread's name
/// (SickChill's `{threadName} :: {message}`), punctuation and a space; ``
/// when they don't all share one.
fn separator<'a>(rests: &[&'a str]) -> &'a str {
    let lead = |r: &'a str| {
        let n = r.bytes().take_while(|c| c.is_ascii_punctuation()).count();
        (n > 0 && r.as_bytes().get(n) == Some(&b' ')).then(|| &r[..=n])
    };
    match rests.first().and_then(|r| lead(r)) {
        Some(sep) if rests.iter().all(|r| lead(r) == Some(sep)) => sep,
        _ => "",
    }
}

/// Where every message opens with one word, or none, and then the very
/// separator the format put before the message, the word is a column of
/// its own: an id a filter adds, empty outside what it names
/// (SimpleLogin's `%(funcName)s() - %(message_id)s - %(message)s`, read
/// from `main() -  - Start mail controller` and `_handle() - 4Vb01A7B61 -
/// New message`). No message starts so on every line with words that
/// differ. The format is `head` with a neutral field and the separator
/// before its message.
fn word_column(head: &str, messages: &[String]) -> Option<String> {
    let sep = SEPARATOR_WORDS
        .iter()
        .map(|w| format!(" {w} "))
        .find(|sep| head.ends_with(sep.as_str()))?;
    let mut words = Vec::with_capacity(messages.len());
    for message in messages {
        let (word, _) = message.split_once(sep.as_str())?;
        if word.contains(char::is_whitespace) {
            return None;
        }
        words.push(word);
    }
    words.sort_unstable();
    words.dedup();
    if words.len() < 2 {
        return None;
    }
    let n = head.matches(&format!("%({NEUTRAL_PREFIX}")).count() + 1;
    Some(format!("{head}%({NEUTRAL_PREFIX}{n})s{sep}%(message)s"))
}

#[cfg(test)]
mod tests {
    use super::super::format_strings as formats;

    #[test]
    fn a_few_words_that_come_back_beside_main_thread_are_threads_names() {
        // NGINX Amplify's `%(asctime)s [%(process)d] %(threadName)s
        // %(message)s`; some messages open with a request's id.
        let got = formats(&[
            "2024-05-11 14:44:44,357 [4102] MainThread performing configtest check...",
            "2024-05-11 14:44:44,371 [4102] MainThread [519d0b7e30608162e8a711b2] post /agent/ 200",
            "2024-05-11 14:44:44,421 [4102] MainThread config file is ok!",
            "2024-05-11 14:44:44,482 [4121] supervisor [8d5387813a0ad7d1c996d77b] post /agent/ 200",
            "2024-05-11 14:44:44,516 [4121] supervisor object config has changed",
            "2024-05-11 14:44:44,572 [4121] nginx_config running /usr/sbin/nginx -t",
            "2024-05-11 14:44:44,578 [4121] nginx_config ssl certificate found",
            "2024-05-11 14:44:44,617 [4121] nginx_config could not read fullchain.pem",
            "2024-05-11 14:44:45,102 [4121] bridge_manager [0e7a13c2f1b4d5e6a7b8c9d0] flushed 12",
            "2024-05-11 14:44:46,102 [4121] bridge_manager [1f7a13c2f1b4d5e6a7b8c9d0] flushed 3",
        ]);
        assert_eq!(
            got,
            ["%(asctime)s [%(process)d] %(threadName)s %(message)s"]
        );
        // Without a thread's name among them, the words are the messages'.
        let got = formats(&[
            "2024-05-11 14:44:44,357 [4102] performing configtest check...",
            "2024-05-11 14:44:44,421 [4102] performing cleanup",
            "2024-05-11 14:44:44,516 [4121] config has changed",
            "2024-05-11 14:44:44,572 [4121] config reloaded",
            "2024-05-11 14:44:44,578 [4121] running /usr/sbin/nginx -t",
            "2024-05-11 14:44:44,617 [4121] running /usr/sbin/nginx -s reload",
        ]);
        assert_eq!(got, ["%(asctime)s [%(process)d] %(message)s"]);
    }

    #[test]
    fn the_separator_every_message_opens_with_after_a_threads_name_is_the_formats() {
        // SickChill's `{asctime} {levelname} :: {threadName} :: {message}`.
        let threads = [
            "MAIN",
            "DAILYSEARCHER",
            "Thread-40",
            "MAIN",
            "MAIN",
            "DAILYSEARCHER",
        ];
        let lines: Vec<String> = threads
            .iter()
            .enumerate()
            .map(|(k, t)| format!("2024-05-11 14:44:5{k} INFO :: {t} :: Starting job {k}"))
            .collect();
        let got = formats(&lines.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(
            got,
            ["%(asctime)s %(levelname)s :: %(threadName)s :: %(message)s"]
        );
        // One message without it: the separator is no format's.
        let mut lines = lines;
        lines[3] = "2024-05-11 14:44:53 INFO :: MAIN Starting job 3".into();
        let got = formats(&lines.iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!(
            got,
            ["%(asctime)s %(levelname)s :: %(threadName)s %(message)s"]
        );
    }

    #[test]
    fn a_word_every_message_opens_with_before_the_formats_separator_is_a_field() {
        // SimpleLogin's `%(funcName)s() - %(message_id)s - %(message)s`,
        // the id empty outside a mail.
        let lines = [
            "2024-05-11 14:44:48,040 - webapp - INFO - main() -  - Listen for port 20381",
            "2024-05-11 14:44:48,088 - webapp - DEBUG - main() -  - Start mail controller",
            "2024-05-11 14:44:48,260 - webapp - DEBUG - _handle() - 4Vb01A7B61 - New message",
            "2024-05-11 14:44:48,276 - webapp - INFO - _handle() - 4Vb01A7B61 - Forward phase",
            "2024-05-11 14:44:48,301 - webapp - DEBUG - _handle() - 4Vb01A7790 - Create <EmailLog 1>",
            "2024-05-11 14:44:48,352 - webapp - INFO - _handle() - 4Vb01A7790 - Finish mail_from a@b.c",
        ];
        assert_eq!(
            formats(&lines),
            ["%(asctime)s - %(name)s - %(levelname)s - %(funcName)s() - %(field_1)s - %(message)s"]
        );
        // One message without the separator: the words are the messages'.
        let mut lines = lines;
        lines[3] = "2024-05-11 14:44:48,276 - webapp - INFO - _handle() - Forward phase done";
        assert_eq!(
            formats(&lines),
            ["%(asctime)s - %(name)s - %(levelname)s - %(funcName)s() - %(message)s"]
        );
    }

    #[test]
    fn one_number_every_message_opens_with_is_the_process_id() {
        // Jasmin's `%(asctime)s %(levelname)-8s %(process)d %(message)s`,
        // pid 1 in its container; most messages open with spaces, so their
        // first words repeat where the rest differs.
        let lines = [
            "2024-05-11 14:44:47 INFO     1 Starting Jasmin Daemon ...",
            "2024-05-11 14:44:47 INFO     1   RedisClient Started.",
            "2024-05-11 14:44:47 INFO     1   AMQP Broker Started.",
            "2024-05-11 14:44:47 ERROR    1   Cannot connect to interceptor",
            "2024-05-11 14:44:48 INFO     1 SMPP connection established",
            "2024-05-11 14:44:48 DEBUG    1 Getting routes for SubmitSmPDU",
            "2024-05-11 14:44:48 INFO     1   SMPPClientManagerPB Started.",
            "2024-05-11 14:44:48 INFO     1   HTTPApi Started.",
            "2024-05-11 14:44:48 INFO     1   SMPPServer Started.",
            "2024-05-11 14:44:48 INFO     1   DLRLookup Started.",
            "2024-05-11 14:44:49 INFO     1   RouterPB Started.",
            "2024-05-11 14:44:49 INFO     1   DeliverSmThrower Started.",
        ];
        assert_eq!(
            formats(&lines),
            ["%(asctime)s %(levelname)-8s %(process)d %(message)s"]
        );
        // Three workers' ids that recur are ids too.
        const STEPS: [&str; 12] = [
            "fetch", "parse", "load", "index", "sync", "prune", "ship", "check", "merge", "split",
            "sort", "scan",
        ];
        let lines: Vec<String> = [1, 2, 3, 1, 3, 2, 1, 3, 2, 1, 1, 3]
            .iter()
            .enumerate()
            .map(|(k, p)| {
                format!(
                    "2024-05-11 14:44:4{} app INFO {p} {} done",
                    k % 10,
                    STEPS[k]
                )
            })
            .collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        assert_eq!(
            formats(&lines),
            ["%(asctime)s %(name)s %(levelname)s %(process)d %(message)s"]
        );
        // Counts that differ, or HTTP statuses, are the messages' own.
        for numbers in [[3, 12, 7, 1, 5, 9], [200, 200, 304, 200, 404, 200]] {
            let lines: Vec<String> = numbers
                .iter()
                .enumerate()
                .map(|(k, n)| format!("2024-05-11 14:44:4{k} INFO     {n} files in batch {k}"))
                .collect();
            let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
            assert_eq!(formats(&lines), ["%(asctime)s %(levelname)-8s %(message)s"]);
        }
    }

    #[test]
    fn threads_names_padded_to_a_width_are_read_with_it() {
        // emonHub's `%(asctime)s %(levelname)-8s %(threadName)-10s
        // %(message)s`: `MainThread` fills the width.
        let lines = [
            "2024-05-11 14:44:47,798 INFO     MainThread EmonHub v2.7.19",
            "2024-05-11 14:44:47,828 INFO     MainThread Opening hub...",
            "2024-05-11 14:44:48,295 INFO     SDM120     Connecting to SDM120",
            "2024-05-11 14:44:48,434 INFO     MQTT       Connecting to MQTT Server",
            "2024-05-11 14:44:48,501 DEBUG    MQTT       Publishing emon/emonTx4/P1",
            "2024-05-11 14:44:48,529 DEBUG    SDM120     Reading 3 registers",
            "2024-05-11 14:44:48,620 INFO     MainThread Hub ready",
        ];
        assert_eq!(
            formats(&lines),
            ["%(asctime)s %(levelname)-8s %(threadName)-10s %(message)s"]
        );
    }
}
