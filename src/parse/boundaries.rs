//! Record boundaries on a busy service and for every traceback shape
//! (issue 24): each rule here failed on the parser before it.

const T: i64 = 1_715_438_684_000;

// The same helpers as the parser's other tests.
use super::tests::{delivery_at_with as docs, parser_with as parser};

/// Every line of `text` as an event at `ms`.
fn burst(ms: i64, text: &str) -> Vec<(i64, &str)> {
    text.lines().map(|l| (ms, l)).collect()
}

#[test]
fn gunicorn_access_lines_of_one_busy_millisecond_are_three_documents() {
    let p = parser(&[("PYTHON_LOG_FORMAT", "%(message)s")]);
    let lines = [
        "10.0.0.1 - - [29/Nov/2026:10:24:38 +0000] \"GET /a HTTP/1.1\" 200 2 \"-\" \"x\"",
        "10.0.0.1 - - [29/Nov/2026:10:24:38 +0000] \"GET /b HTTP/1.1\" 200 2 \"-\" \"x\"",
        "10.0.0.1 - - [29/Nov/2026:10:24:39 +0000] \"GET /c HTTP/1.1\" 200 2 \"-\" \"x\"",
    ];
    let d = docs(&p, &[(T, lines[0]), (T, lines[1]), (T + 1, lines[2])]);
    assert_eq!(d.len(), 3, "{d:#?}");
    for (doc, line) in d.iter().zip(lines) {
        assert_eq!(doc, &serde_json::json!({ "message": line }));
    }
}

const STACK_ONLY: &str = "\
2024-05-11 14:44:45,123 WARNING [app.loop] Detected a blocking call inside the event loop
Traceback (most recent call last):
  File \"/srv/app/main.py\", line 223, in <module>
    sys.exit(main())
2024-05-11 14:44:45,140 ERROR [app.api] next record";

#[test]
fn a_traceback_without_an_exception_line_does_not_swallow_the_next_record() {
    let p = parser(&[(
        "PYTHON_LOG_FORMAT",
        "%(asctime)s %(levelname)s [%(name)s] %(message)s",
    )]);
    for events in [burst(T, STACK_ONLY), burst(T + 7, STACK_ONLY)] {
        let d = docs(&p, &events);
        assert_eq!(d.len(), 2, "{d:#?}");
        assert_eq!(
            d[0]["message"],
            "Detected a blocking call inside the event loop"
        );
        assert_eq!(
            d[0]["exc_info"],
            "Traceback (most recent call last):\n  File \"/srv/app/main.py\", line 223, in <module>\n    sys.exit(main())"
        );
        assert_eq!(d[1]["levelname"], "ERROR");
        assert_eq!(d[1]["message"], "next record");
    }
}

#[test]
fn encode_splits_a_stack_without_an_exception_line_from_the_next_record_too() {
    let p = parser(&[(
        "PYTHON_LOG_FORMAT",
        "%(asctime)s %(levelname)s [%(name)s] %(message)s",
    )]);
    let per_record = crate::encode::messages(
        STACK_ONLY,
        crate::encode::Grouping::PerRecord,
        p.boundary_test(STACK_ONLY),
    );
    assert_eq!(per_record.len(), 2, "{per_record:#?}");
    assert!(per_record[1].starts_with("2024-05-11 14:44:45,140 ERROR"));
}

#[test]
fn after_frames_a_line_that_only_looks_like_a_record_is_still_the_exception_line() {
    // `%(levelname)s:%(name)s:%(message)s` matches `ValueError: a: b` when
    // read loosely; strictly, `ValueError` is no level name.
    let p = parser(&[("PYTHON_LOG_FORMAT", "%(levelname)s:%(name)s:%(message)s")]);
    let text = "ERROR:app:failed\nTraceback (most recent call last):\n  File \"a.py\", line 1, in f\nValueError: bad: value\nINFO:app:next";
    let d = docs(&p, &burst(T, text));
    assert_eq!(d.len(), 2, "{d:#?}");
    assert!(
        d[0]["exc_info"]
            .as_str()
            .unwrap()
            .ends_with("ValueError: bad: value")
    );
    assert_eq!(d[1]["message"], "next");
}

/// Tornado's `LogFormatter` default (`tornado.log.LogFormatter.DEFAULT_FORMAT`
/// without colour), which indents every continuation line by 4 spaces.
const TORNADO: &str =
    "%(color)s[%(levelname)1.1s %(asctime)s %(module)s:%(lineno)d]%(end_color)s %(message)s";

const INDENTED: &str = "\
[E 240511 14:44:45 web:1871] Uncaught exception GET / (127.0.0.1)
    Traceback (most recent call last):
      File \"/srv/app/web.py\", line 1790, in _execute
        result = method(*self.path_args)
    ZeroDivisionError: division by zero
[I 240511 14:44:45 web:2348] 500 GET / (127.0.0.1) 1.23ms";

#[test]
fn an_indented_traceback_is_split_out_without_its_indent_and_the_next_record_stays_apart() {
    let p = parser(&[
        ("PYTHON_LOG_FORMAT", TORNADO),
        ("PYTHON_LOG_DATEFMT", "%y%m%d %H:%M:%S"),
    ]);
    let want_exc = "Traceback (most recent call last):\n  File \"/srv/app/web.py\", line 1790, in _execute\n    result = method(*self.path_args)\nZeroDivisionError: division by zero";
    let (first, second) = INDENTED.split_at(INDENTED.find("\n[I").unwrap());
    let per_record = [
        (T, format!("{first}\n")),
        (T, format!("{}\n", &second[1..])),
    ];
    let per_record: Vec<(i64, &str)> = per_record.iter().map(|(t, m)| (*t, m.as_str())).collect();
    for events in [burst(T, INDENTED), per_record] {
        let d = docs(&p, &events);
        assert_eq!(d.len(), 2, "{d:#?}");
        assert_eq!(d[0]["message"], "Uncaught exception GET / (127.0.0.1)");
        assert_eq!(d[0]["exc_info"], want_exc);
        // `%(levelname)1.1s` printed `E`: python-json-logger writes ERROR.
        assert_eq!(d[0]["levelname"], "ERROR");
        assert_eq!(d[0]["lineno"], 1871);
        assert_eq!(d[1]["levelname"], "INFO");
        assert_eq!(d[1]["message"], "500 GET / (127.0.0.1) 1.23ms");
    }
}

#[test]
fn a_custom_fields_conversion_types_it_as_python_json_logger_writes_the_attribute() {
    let p = parser(&[(
        "PYTHON_LOG_FORMAT",
        "%(levelname)s w%(worker)d r%(ratio).2f x%(mask)x o%(mode)#o %(tag)s %(message)s",
    )]);
    let d = docs(&p, &[(T, "INFO w7 r0.25 x1f o0o17 7 ready")]);
    assert_eq!(d[0]["worker"], 7);
    assert_eq!(d[0]["ratio"], 0.25);
    assert_eq!(d[0]["mask"], 31);
    assert_eq!(d[0]["mode"], 15);
    // `%s` can't say: the text as printed (a Known limit).
    assert_eq!(d[0]["tag"], "7");
    let p = parser(&[(
        "PYTHON_LOG_FORMAT",
        "{levelname} {worker:d} {ratio:.1f} {message}",
    )]);
    let d = docs(&p, &[(T, "INFO 7 0.5 ready")]);
    assert_eq!(
        (d[0]["worker"].clone(), d[0]["ratio"].clone()),
        (serde_json::json!(7), serde_json::json!(0.5))
    );
}

#[test]
fn a_truncated_level_name_is_expanded_and_other_truncated_text_is_kept() {
    let p = parser(&[(
        "PYTHON_LOG_FORMAT",
        "%(levelname).1s %(name).3s %(message)s",
    )]);
    let d = docs(&p, &[(T, "W app careful"), (T + 9, "C orm down")]);
    assert_eq!(d[0]["levelname"], "WARNING");
    assert_eq!(d[1]["levelname"], "CRITICAL");
    // `orders.models` cut to `orm`: what is there is kept.
    assert_eq!(d[1]["name"], "orm");
    let p = parser(&[("PYTHON_LOG_FORMAT", "%(levelname)-8s|%(message)s")]);
    assert_eq!(docs(&p, &[(T, "INFO    |padded")])[0]["levelname"], "INFO");
}

#[test]
fn dollar_style_formats_are_the_third_style_with_the_same_checks() {
    let p = parser(&[("PYTHON_LOG_FORMAT", "$asctime $levelname ${name}: $message")]);
    let d = docs(&p, &[(T, "2024-05-11 14:44:45,123 INFO app.api: hello $5")]);
    assert_eq!(
        d[0],
        serde_json::json!({"asctime": "2024-05-11 14:44:45,123", "levelname": "INFO", "name": "app.api", "message": "hello $5"})
    );
    let f = crate::format::Format::compile("$$$levelname: $message", None).unwrap();
    assert!(f.starts("$INFO: x"));
    for bad in ["$ $message", "${name $message", "$5 $message"] {
        let err = crate::format::Format::compile(bad, None)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("bad field") || err.contains("no fields"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn two_free_text_fields_side_by_side_split_at_the_last_separator() {
    let p = parser(&[("PYTHON_LOG_FORMAT", "%(levelname)s %(message)s %(timing)s")]);
    let d = docs(&p, &[(T, "INFO GET /orders 200 1.23ms")]);
    assert_eq!(d[0]["message"], "GET /orders 200");
    assert_eq!(d[0]["timing"], "1.23ms");
    // Known limit: a later field that itself holds the separator keeps
    // only what follows the last one.
    let d = docs(&p, &[(T, "INFO done in 3 s")]);
    assert_eq!(
        (d[0]["message"].as_str(), d[0]["timing"].as_str()),
        (Some("done in 3"), Some("s"))
    );
}

/// Known limit: under a burst, a line that no format that can tell
/// recognises (a `print()`, a catch-all format's record), written in the
/// same millisecond as a record of such a format, reads as its
/// continuation. One millisecond later (or more) it is a record of its own.
#[test]
fn known_limit_under_a_burst_an_unrecognised_line_joins_the_record_of_its_millisecond() {
    let p = parser(&[(
        "PYTHON_LOG_FORMAT",
        "%(asctime)s [%(process)d] [%(levelname)s] %(message)s\n%(message)s",
    )]);
    let head = "2024-05-11 14:44:45,123 [7] [INFO] Booting worker";
    let d = docs(&p, &[(T, head), (T, "migrations applied: 12")]);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["message"], "Booting worker\nmigrations applied: 12");
    let d = docs(&p, &[(T, head), (T + 2, "migrations applied: 12")]);
    assert_eq!(d.len(), 2);
}

/// Known limit: a message's trailing newline can't arrive one line per
/// event (CloudWatch stores no empty event); `py.warnings` records all
/// have one. One event per record keeps it.
#[test]
fn known_limit_a_trailing_newline_is_lost_one_line_per_event_and_kept_one_record_per_event() {
    let p = parser(&[("PYTHON_LOG_FORMAT", "%(levelname)s %(name)s %(message)s")]);
    let text = "WARNING py.warnings /srv/app/billing.py:12: UserWarning: old rate\n  warnings.warn(\"old rate\")\n";
    let per_line: Vec<(i64, &str)> = text.lines().map(|l| (T, l)).collect();
    let d = docs(&p, &per_line);
    assert_eq!(
        d[0]["message"],
        "/srv/app/billing.py:12: UserWarning: old rate\n  warnings.warn(\"old rate\")"
    );
    let whole = format!("{text}\n");
    let d = docs(&p, &[(T, &whole)]);
    assert_eq!(
        d[0]["message"],
        "/srv/app/billing.py:12: UserWarning: old rate\n  warnings.warn(\"old rate\")\n"
    );
}

/// Tornado's `LogFormatter` (the formats with `%(end_color)s`) indents
/// every continuation line, traceback or not: the message loses it.
#[test]
fn tornados_multi_line_message_without_a_traceback_loses_the_formatters_indent() {
    let p = parser(&[
        ("PYTHON_LOG_FORMAT", TORNADO),
        ("PYTHON_LOG_DATEFMT", "%y%m%d %H:%M:%S"),
    ]);
    let d = docs(
        &p,
        &[(
            T,
            "[I 240511 14:44:45 web:1] multi-line message\n    second line\n",
        )],
    );
    assert_eq!(d[0]["message"], "multi-line message\nsecond line");
}
