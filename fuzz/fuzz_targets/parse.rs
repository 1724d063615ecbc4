//! The line parser, fed arbitrary text split into CloudWatch events, with
//! auto-detection and with a set of configured format strings, in each
//! platform-line mode. Checks that every event is accounted for and that
//! every record shapes into valid JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use logs_to_firehose::{Config, FormatSettings, PlatformLines};
use logs_to_firehose::Delivery;
use logs_to_firehose::Parser;
use logs_to_firehose::{Meta, Source, write_record};

const FORMATS: &[&str] = &[
    "%(asctime)s %(name)s %(levelname)s %(message)s",
    "{asctime} [{levelname:>8}] {name}:{lineno:d} {message}",
    "%(levelname)-8s %(process)d %(threadName)s %(created)f %(message)s",
    "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s",
];

fn parsers() -> &'static [Parser] {
    static PARSERS: std::sync::OnceLock<Vec<Parser>> = std::sync::OnceLock::new();
    PARSERS.get_or_init(|| {
        let mut out = Vec::new();
        for platform in [
            PlatformLines::Report,
            PlatformLines::Drop,
            PlatformLines::Keep,
        ] {
            let auto = Config {
                formats: FormatSettings {
                    platform_lines: platform,
                    ..FormatSettings::default()
                },
                ..Config::default()
            };
            out.push(Parser::new(&auto).expect("auto formats compile"));
        }
        let custom = Config {
            formats: FormatSettings {
                python_formats: FORMATS.iter().map(|f| f.to_string()).collect(),
                python_datefmt: Some("%Y-%m-%dT%H:%M:%S%z".into()),
                ..FormatSettings::default()
            },
            ..Config::default()
        };
        out.push(Parser::new(&custom).expect("fuzz formats compile"));
        out
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    // Even modes: one event per line (no trailing newline), as ECS sends.
    // Odd modes: events split at NUL, each ending in '\n', as Lambda sends.
    let messages: Vec<String> = if mode % 2 == 0 {
        text.split('\n').map(str::to_owned).collect()
    } else {
        text.split('\0').map(|m| format!("{m}\n")).collect()
    };
    let delivery = Delivery::of_messages(&messages, 0);
    let parser = &parsers()[usize::from(mode / 2) % parsers().len()];
    let source = Source::new("/aws/lambda/fuzz", "stream", "123456789012");
    let mut records = 0;
    let mut out = Vec::new();
    let stats = parser.parse_each(&delivery, |p| {
        records += 1;
        out.clear();
        let meta = Meta {
            source: &source,
            event_id: "0",
            timestamp_ms: 0,
        };
        write_record(&p.body, &p.extra, &meta, &mut out);
        if let Err(err) = serde_json::from_slice::<serde_json::Value>(&out) {
            panic!("invalid JSON ({err}): {}", String::from_utf8_lossy(&out));
        }
    });
    // An event holding several JSON objects gives a record for each:
    // `json_extra` counts the records beyond its first.
    assert_eq!(
        records + stats.joined + stats.dropped,
        delivery.log_events.len() + stats.json_extra,
        "an event went unaccounted for: {stats:?}"
    );
});
