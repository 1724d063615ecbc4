//! A group of heads with one shape → the `logging` format string that
//! wrote them: each field named from what every line of the group shows,
//! widths from the padding, a precision from cut level names.

use super::head::{Head, Part};
use super::ids::{pid_hex, thread_hex};
use super::known::{distinct_words, library_modules, many_modules};
use super::layouts::layout_text;
use super::lex::{ISO8601, PYTHON_DEFAULT, is_cut_level};
use super::names::{
    before_pid, colour_codes, column, ends_logger, functions_after, functions_alone,
    functions_marked, literal, located, logger_like, lone_logger, module_before_functions,
    module_function, modules_before, named, shouted_loggers,
};
use super::numbers::{growing, int_attribute, six_decimals};
use super::role::{Role, is_dotted, is_full_level, is_identifier};
use super::widths::{common_lead, fixed_spaces, opening, space_literal, spec};
use crate::format::COLOUR_CODE;

/// The key an unexplained token is kept under: `field_1`, `field_2`, … in
/// the order they appear. Named in docs/parsing.md.
pub(crate) const NEUTRAL_PREFIX: &str = "field_";

/// What a group of heads says about its format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Built {
    pub(super) format: String,
    pub(super) datefmt: Option<String>,
    /// Whether the format prints a time with a time of day.
    pub(super) asctime: bool,
    /// Whether it prints a level name, and at least one line showed a
    /// standard name uncut.
    pub(super) level: bool,
}

/// Builds the format of a group of heads that share their parts.
pub(super) fn build(heads: &[&Head<'_>]) -> Built {
    let parts = &heads[0].parts;
    let mut names = Names {
        named: named(heads),
        used: Vec::new(),
        neutral: 0,
    };
    let mut out = String::new();
    let mut datefmt: Option<String> = None;
    let (mut asctime, mut level, mut message) = (false, false, false);
    for (i, part) in parts.iter().enumerate() {
        let column = column(heads, i);
        if *part == Part::Word
            && let Some(fields) = names.word_fields(heads, i, &column)
        {
            out.push_str(&fields);
            continue;
        }
        // Level names lower-cased are a column of words.
        let lowered = *part == Part::Word && !parts.contains(&Part::Level) && lower_levels(&column);
        match if lowered { &Part::Level } else { part } {
            Part::Lit(text) => out.push_str(&text.replace('%', "%%")),
            Part::Space => out.push_str(&space_literal(heads, i)),
            Part::Date(layout) => {
                out.push_str("%(asctime)s");
                asctime = true;
                datefmt = match *layout {
                    PYTHON_DEFAULT => None,
                    ISO8601 => Some("iso8601".to_owned()),
                    l => Some(layout_text(l).into_owned()),
                };
            }
            Part::Msecs => out.push_str(msecs_field(&column)),
            Part::Message => {
                out.push_str("%(message)s");
                message = true;
            }
            Part::Level => {
                let (field, shown) = level_field(heads, i, &column);
                level |= shown;
                out.push_str(&field);
                names.used.push("levelname");
            }
            Part::Word if literal(heads, i, names.named) => {
                out.push_str(&heads[0].texts[i].replace('%', "%%"));
            }
            Part::Word if module_function(heads, i, names.named, &column) => {
                names.used.extend(["module", "funcName"]);
                out.push_str(&placeholder(heads, i, "module)s.%(funcName", "", 's'));
            }
            Part::Int | Part::Float | Part::Word => {
                let (key, name) = names.key(heads, i);
                // Seconds since the epoch date a record as asctime does.
                asctime |= name == Some("created");
                let conv = conversion(part, name, &key, &column);
                let spec = spec(heads, i, None);
                let pair = name == Some("name") && spec.is_empty() && functions_after(&column);
                let key = if pair { names.pair(&column) } else { key };
                out.push_str(&placeholder(heads, i, &key, &spec, conv));
            }
        }
    }
    if !message {
        out.push_str("%(message)s");
    }
    let out = django(tornado(out, datefmt.as_deref()), datefmt.as_deref());
    if out.contains("%(server_time)s") {
        asctime = true;
        datefmt = None;
    }
    Built {
        format: out,
        datefmt,
        asctime,
        level,
    }
}

/// The milliseconds' placeholder: padded where every line shows three
/// digits (or four, Truss's `%(msecs)04d`); `%(msecs)d` prints fewer
/// below 100 ms.
fn msecs_field(column: &[&str]) -> &'static str {
    match column.first().map(|t| t.len()) {
        Some(n @ (3 | 4)) if column.iter().all(|t| t.len() == n) => {
            if n == 3 {
                "%(msecs)03d"
            } else {
                "%(msecs)04d"
            }
        }
        _ => "%(msecs)d",
    }
}

/// The conversion a column's placeholder ends with: `%f` prints six
/// decimals, and `{created}` prints as `str()` does (`742196.0`); a word
/// read as the thread id is `%(thread)x`'s hex.
fn conversion(part: &Part, name: Option<&str>, key: &str, column: &[&str]) -> char {
    match (part, name) {
        // An id is a label, never a quantity (`dd.trace_id=0`, which
        // ddtrace sets as a string).
        (Part::Int, None) if key.ends_with("_id") || key.ends_with("ID") => 's',
        (Part::Float, _) if column.iter().all(|t| six_decimals(t)) => 'f',
        (Part::Float, _) => 's',
        (Part::Int, _) => 'd',
        (Part::Word, Some("thread" | "process")) => 'x',
        // A custom flag (`trace_sampled=%(otelTraceSampled)s`): `repr()`
        // prints a bool as `str()` does, and reads back as one.
        (Part::Word, None) if column.iter().all(|t| matches!(*t, "True" | "False")) => 'r',
        _ => 's',
    }
}

/// Level column `i`'s placeholder, and whether it shows a level: a name
/// uncut, or names cut by a precision that can't be a word (`WAR`, `INF`)
/// or differ line to line.
fn level_field(heads: &[&Head<'_>], i: usize, column: &[&str]) -> (String, bool) {
    let cut = precision(column).is_some_and(|p| p >= 3 || distinct(column) > 1);
    let shown = cut || column.iter().any(|t| is_full_level(t)) || lower_levels(column);
    let spec = spec(heads, i, precision(column));
    (placeholder(heads, i, "levelname", &spec, 's'), shown)
}

/// Whether a column of words is level names that a formatter lower-cased
/// (Streamlink's `[cli][info]`, bmaptool's `bmaptool: info: `): standard
/// ones, and more than one, as a message's first word seldom is.
fn lower_levels(column: &[&str]) -> bool {
    column
        .iter()
        .all(|w| super::super::LOWER_LEVELS.contains(w))
        && distinct(column) > 1
}

/// The keys a format's fields get, each `LogRecord` attribute once.
struct Names {
    /// The column `name` is kept for.
    named: Option<usize>,
    used: Vec<&'static str>,
    /// Neutral keys handed out so far.
    neutral: usize,
}

impl Names {
    /// Column `i`'s fields where its words show more than one, or one
    /// with the format's own text glued on: cfn-init's `P%(process)d`,
    /// and dotted words called, `%(name)s.%(funcName)s()`.
    fn word_fields(&mut self, heads: &[&Head<'_>], i: usize, column: &[&str]) -> Option<String> {
        if column.iter().all(|w| pid_word(w)) && !self.used.contains(&"process") {
            self.used.push("process");
            return Some("P%(process)d".to_owned());
        }
        if dotted_call(heads, i, column) && !self.used.contains(&"funcName") {
            let key = self.pair(column);
            return Some(placeholder(heads, i, &key, "", 's'));
        }
        None
    }

    /// The key of a column of dotted words that are a name and a function
    /// (`functions_after`): `module)s.%(funcName` or `name)s.%(funcName`,
    /// which the placeholder closes.
    fn pair(&mut self, column: &[&str]) -> String {
        if modules_before(column) {
            self.used.retain(|n| *n != "name");
            self.used.extend(["module", "funcName"]);
            "module)s.%(funcName".to_owned()
        } else {
            self.used.push("funcName");
            "name)s.%(funcName".to_owned()
        }
    }

    /// Column `i`'s key, and the attribute it names (`None`: a neutral
    /// key, `field_N`).
    fn key(&mut self, heads: &[&Head<'_>], i: usize) -> (String, Option<&'static str>) {
        let reserved: &[&'static str] = match self.named {
            Some(n) if n != i && !self.used.contains(&"name") => &["name"],
            _ => &[],
        };
        let taken: Vec<&'static str> = self.used.iter().chain(reserved).copied().collect();
        if let Some(key) = key_named(heads, i) {
            return (key, None);
        }
        // Dotted loggers read as module-and-function pairs on some lines
        // (`uvicorn.access:778` after `h11_impl.run_asgi`).
        if self.named == Some(i)
            && !self.used.contains(&"name")
            && !roles(heads, i).contains(&Role::Name)
        {
            self.used.push("name");
            return ("name".to_owned(), Some("name"));
        }
        match attribute(heads, i, &taken) {
            Some(n) => {
                self.used.push(n);
                (n.to_owned(), Some(n))
            }
            None => {
                self.neutral += 1;
                (format!("{NEUTRAL_PREFIX}{}", self.neutral), None)
            }
        }
    }
}

/// The format's own `key=` before column `i`, when no `LogRecord`
/// attribute explains the value: `user=%(user)s` names a custom field
/// after itself far more often than not, so the key beats `field_N`.
/// A key that names an attribute (`logger=`, `pid=`) is read by its role.
fn key_named(heads: &[&Head<'_>], i: usize) -> Option<String> {
    let parts = &heads[0].parts;
    if i < 2 || !matches!(&parts[i - 1], Part::Lit(t) if t == "=") {
        return None;
    }
    let key = heads[0].texts[i - 2].trim();
    // A clock under a key of its own (`ts=%(relativeCreated)d`) is the
    // attribute the column shows.
    if matches!(parts[i], Part::Int | Part::Float) && growing(&column(heads, i)) {
        return None;
    }
    let weak = roles(heads, i)
        .iter()
        .all(|r| matches!(r, Role::NameGuess | Role::NameSlot | Role::Bracketed));
    let named = heads.iter().all(|h| h.roles[i - 2] == Some(Role::Key));
    let fresh = !key.is_empty()
        // Dotted keys too: ddtrace's `dd.service=%(dd.service)s`.
        && key.bytes().all(|c| c.is_ascii_lowercase() || c == b'_' || c == b'.')
        && !key.starts_with('.')
        && !key.ends_with('.')
        && !RECORD_ATTRIBUTES.contains(&key)
        // Ansible's `p=` and `n=`, a process id and a logger.
        && !matches!(key, "p" | "n")
        && !key.starts_with(NEUTRAL_PREFIX);
    (weak && named && fresh).then(|| otel_attribute(heads[0], key).unwrap_or(key).to_owned())
}

/// OpenTelemetry's logging instrumentation (`OTEL_PYTHON_LOG_CORRELATION`,
/// which the AWS Distro for OpenTelemetry turns on) prints its record
/// attributes under labels of its own, `trace_id=%(otelTraceID)s` and so on
/// (its `DEFAULT_LOGGING_FORMAT`); `resource.service.name=` is its alone.
const OTEL_LABELS: [(&str, &str); 4] = [
    ("trace_id", "otelTraceID"),
    ("span_id", "otelSpanID"),
    ("resource.service.name", "otelServiceName"),
    ("trace_sampled", "otelTraceSampled"),
];

/// The attribute OpenTelemetry prints under `key`, in a head that shows
/// its `resource.service.name=` label.
fn otel_attribute(h: &Head<'_>, key: &str) -> Option<&'static str> {
    let (_, attribute) = OTEL_LABELS.iter().find(|(label, _)| *label == key)?;
    let shown = h
        .texts
        .windows(2)
        .any(|w| w[0].trim() == OTEL_LABELS[2].0 && w[1] == "=");
    shown.then_some(*attribute)
}

/// `LogRecord`'s own attributes and python-json-logger's `message`: a
/// custom field never has these names.
const RECORD_ATTRIBUTES: [&str; 24] = [
    "args",
    "asctime",
    "created",
    "exc_info",
    "exc_text",
    "filename",
    "funcName",
    "levelname",
    "levelno",
    "lineno",
    "message",
    "module",
    "msecs",
    "msg",
    "name",
    "pathname",
    "process",
    "processName",
    "relativeCreated",
    "stack_info",
    "taskName",
    "thread",
    "threadName",
    "pid",
];

/// `%(key){spec}{conv}` with the spaces every line has beside column `i`.
fn placeholder(heads: &[&Head<'_>], i: usize, key: &str, spec: &str, conv: char) -> String {
    let (lead, trail) = fixed_spaces(heads, i).unwrap_or((common_lead(heads, i), 0));
    format!(
        "{}%({key}){spec}{conv}{}",
        " ".repeat(lead),
        " ".repeat(trail)
    )
}

/// Tornado's `LogFormatter` (and Jupyter's, built on it) prints
/// `%(color)s` before its bracket and `%(end_color)s` after, both empty
/// when the stream is no terminal; python-json-logger writes both keys
/// (`""`). Its formats are the ones led by a bracketed one-letter level
/// and a time with the logger or module beside them (Optuna's `[%(levelname)1.1s
/// %(asctime)s]` is colorlog's, whose colour fields are no record's).
/// `LogFormatter` always passes a `datefmt` (its own `%y%m%d %H:%M:%S`,
/// or Jupyter's), so Python's default time there is a plain `Formatter`
/// that copied the layout (the Bluesky Queue Server's).
fn tornado(format: String, datefmt: Option<&str>) -> String {
    let Some(rest) = format.strip_prefix("[%(levelname).1s ") else {
        return format;
    };
    if datefmt.is_none() {
        return format;
    }
    let placed = |inside: &str| inside.contains("%(name)") || inside.contains("%(module)");
    match rest.find(']').filter(|&at| placed(&rest[..at])) {
        Some(at) => format!(
            "%(color)s[%(levelname)1.1s {}]%(end_color)s{}",
            &rest[..at],
            &rest[at + 1..]
        ),
        None => format,
    }
}

/// How many different texts a column shows.
pub(super) fn distinct(column: &[&str]) -> usize {
    distinct_words(column).len()
}

/// Django's development server logs requests as `[{server_time}]
/// {message}`, the time as `log_date_time_string()` writes it
/// (`11/May/2024 14:44:44`): python-json-logger writes `server_time`, not
/// `asctime`. And the "verbose" formatter of Django's logging
/// documentation (`{levelname} {asctime} {module} {process:d} {thread:d}
/// {message}`), copied into a great many projects' settings, prints the
/// module where text alone would read a logger's name.
fn django(format: String, datefmt: Option<&str>) -> String {
    let django_time = datefmt == Some("%d/%b/%Y %H:%M:%S");
    match format.as_str() {
        "[%(asctime)s] %(message)s" | "[%(asctime)s,%(msecs)03d] %(message)s" if django_time => {
            "[%(server_time)s] %(message)s".to_owned()
        }
        _ if django_verbose(&format) => {
            "%(levelname)s %(asctime)s %(module)s %(process)d %(thread)d %(message)s".to_owned()
        }
        _ => format,
    }
}

/// Django's verbose layout as inferred: its process id is a number that
/// varies when several workers log (`field_N`).
fn django_verbose(format: &str) -> bool {
    format
        .strip_prefix("%(levelname)s %(asctime)s %(name)s %(")
        .and_then(|rest| rest.strip_suffix(")d %(thread)d %(message)s"))
        .is_some_and(|pid| pid == "process" || pid.starts_with(NEUTRAL_PREFIX))
}

/// The precision a level column shows: the length of its cut names.
fn precision(column: &[&str]) -> Option<usize> {
    let cut = column
        .iter()
        .filter(|t| is_cut_level(t.trim()))
        .map(|t| t.trim().len())
        .max()?;
    // A longer name beside it (`ERROR` beside `WARN`) cut by nothing: the
    // short one is a level of its own (Calibre-Web's `WARN`).
    column.iter().all(|t| t.trim().len() <= cut).then_some(cut)
}

/// The roles the group's lines suggest for column `i`.
pub(super) fn roles(heads: &[&Head<'_>], i: usize) -> Vec<Role> {
    heads.iter().filter_map(|h| h.roles[i]).collect()
}

/// The `LogRecord` attribute column `i` holds, from what every line shows,
/// or `None` for one to keep under a neutral key. Each attribute is named
/// once.
fn attribute(heads: &[&Head<'_>], i: usize, used: &[&'static str]) -> Option<&'static str> {
    let roles = roles(heads, i);
    let any = |r: Role| roles.contains(&r);
    let column = column(heads, i);
    let named = used.contains(&"name");
    let candidates: &[&'static str] = match heads[0].parts[i] {
        Part::Float if any(Role::Created) => &["created"],
        Part::Float if any(Role::RelativeCreated) || growing(&column) => &["relativeCreated"],
        Part::Float => &[],
        Part::Int => {
            let placed = matches!(used.last(), Some(&("funcName" | "module")));
            int_attribute(heads, i, &roles, &column, placed)
        }
        Part::Word if colour_codes(heads, i, &column) => &[COLOUR_CODE],
        _ if any(Role::Pathname) => &["pathname"],
        _ if any(Role::Filename) => &["filename"],
        _ if any(Role::ThreadName) => &["threadName"],
        _ if any(Role::ProcessName) => &["processName"],
        _ if any(Role::TaskName) => &["taskName"],
        _ if any(Role::FuncName) => &["funcName"],
        // Many words before a line's number are functions as often
        // (`[%(module)s:%(funcName)s:%(lineno)d]`): `located` reads those.
        // Nor functions (`run_post_init`, `get_case_access`).
        Part::Word
            if library_modules(&column)
                || (!any(Role::Module) && many_modules(&column) && !functions_alone(&column)) =>
        {
            &["module"]
        }
        // The logger named, the ends of its names are the module, where
        // the script's own reads as a logger (`__main__`).
        Part::Word if named && ends_of_loggers(heads, i) => &["module"],
        _ if any(Role::Name) => &["name"],
        // A module its key names (`[Module: %(module)s]`, `module=`).
        _ if any(Role::Module) && keyed_as(heads[0], i, "module") => &["module", "funcName"],
        _ if any(Role::Module) => located(heads, i, &column),
        Part::Word if stems_of_files(heads, i) || !named && ends_of_loggers(heads, i) => {
            &["module"]
        }
        Part::Word if column.iter().all(|w| thread_hex(w)) => &["thread"],
        Part::Word if hex_pid(heads, i, &column) => &["process"],
        Part::Word if roles.is_empty() && module_before_function(heads, i, &column) => &["module"],
        Part::Word if roles.is_empty() && lone_logger(heads, i) => &["name"],
        Part::Word if roles.is_empty() && shouted_loggers(heads, i) => &["name"],
        Part::Word if roles.is_empty() && before_pid(heads, i) => &["name"],
        Part::Word if roles.is_empty() && functions_marked(&column) => located(heads, i, &column),
        _ if (any(Role::NameSlot) || any(Role::NameGuess))
            && module_before_functions(heads, i, &column) =>
        {
            &["module"]
        }
        _ if (any(Role::NameSlot) || any(Role::NameGuess)) && functions_alone(&column) => {
            located(heads, i, &column)
        }
        _ if any(Role::NameSlot) || any(Role::NameGuess) => {
            let bracketed = i
                .checked_sub(1)
                .and_then(|j| heads[0].parts.get(j))
                .is_some_and(opening);
            // Loggers an app named with dashes, three or more of them, each
            // in brackets (Scrapy Cluster's `[kafka-monitor]`,
            // `[redis-monitor]`, `[sc-crawler]`), where users' or services'
            // names would be fewer, or of many kinds (`svc-batch` beside
            // `alice`).
            let dashed = distinct(&column) >= 3 && column.iter().all(|w| w.contains('-'));
            if column.iter().all(|w| logger_like(w, bracketed && !dashed)) {
                &["name"]
            } else {
                &[]
            }
        }
        _ => &[],
    };
    candidates.iter().copied().find(|c| !used.contains(c))
}

/// Whether column `i` is, on every line, the stem of the file another
/// column names: the module (ThingsBoard's `[%(filename)s] - %(module)s`).
fn stems_of_files(heads: &[&Head<'_>], i: usize) -> bool {
    (0..heads[0].parts.len()).any(|j| {
        j != i
            && heads.iter().all(|h| {
                h.roles[j] == Some(Role::Filename)
                    && h.texts[j].trim().strip_suffix(".py") == Some(h.texts[i].trim())
            })
    })
}

/// Whether column `i` is, on a third of the lines or more, the last part
/// of the dotted logger another column names: the module, as modules
/// name their loggers (Fledge's `%(module)s: %(name)s: `, `server:
/// fledge.services.core.server: `).
fn ends_of_loggers(heads: &[&Head<'_>], i: usize) -> bool {
    (0..heads[0].parts.len()).any(|j| {
        // A logger on half the lines at least: a package's `mailparser`
        // beside its `mailparser.core` (mail-parser's `%(name)s |
        // %(module)s | %(funcName)s`).
        let loggers = heads.iter().filter(|h| h.roles[j] == Some(Role::Name));
        let named = j != i && loggers.count() * 2 >= heads.len();
        let ends = heads
            .iter()
            .filter(|h| ends_logger(h.texts[j].trim(), h.texts[i].trim()))
            .count();
        named && ends >= 2 && ends * 3 >= heads.len()
    })
}

/// Whether column `i` is dotted words called (`botocore.credentials.load()`,
/// awslimitchecker's `%(name)s.%(funcName)s() ]`): a logger or a module,
/// and the function.
fn dotted_call(heads: &[&Head<'_>], i: usize, column: &[&str]) -> bool {
    let open = matches!(heads[0].parts.get(i + 1), Some(Part::Lit(t)) if t == "(");
    let called = matches!(heads[0].parts.get(i + 2), Some(Part::Lit(t)) if t == ")")
        && roles(heads, i).contains(&Role::FuncName);
    // Or called at a place in its file (warcprox's
    // `%(name)s.%(funcName)s(%(filename)s:%(lineno)d)`).
    let placed = heads
        .iter()
        .all(|h| h.roles.get(i + 2) == Some(&Some(Role::Filename)))
        && matches!(heads[0].parts.get(i + 3), Some(Part::Lit(t)) if t == ":");
    open && (called || placed) && column.iter().all(|w| is_dotted(w.trim()))
}

/// Whether column `i` holds single words right before `:` and a column of
/// functions (or modules, as a word before `:` and a line reads) that a
/// line number follows (mongodb-consistent-backup's
/// `[%(module)s:%(funcName)s:%(lineno)d]`): a module, the file the
/// function is in. A logger there is dotted, and read by its role.
/// (OpenMetadata's `{%(name)s:%(module)s:%(lineno)d}` prints the same
/// with a class-named logger, `OMetaAPI`; mongodb-consistent-backup's
/// modules are `CamelCase` too, so text can't tell.)
pub(super) fn module_before_function(heads: &[&Head<'_>], i: usize, column: &[&str]) -> bool {
    let parts = &heads[0].parts;
    let colon = |k: usize| matches!(parts.get(k), Some(Part::Lit(t)) if t == ":");
    colon(i + 1)
        && parts.get(i + 2) == Some(&Part::Word)
        && roles(heads, i + 2)
            .iter()
            .any(|r| matches!(r, Role::FuncName | Role::Module))
        && colon(i + 3)
        && parts.get(i + 4) == Some(&Part::Int)
        && column.iter().all(|w| is_identifier(w.trim()))
}

/// Whether a word is `P` and a process id, as cfn-init's command log
/// (`cfn-init-cmd.log`, on every CloudFormation-built instance) writes
/// `%(asctime)s P%(process)d [%(levelname)s] %(message)s`.
fn pid_word(w: &str) -> bool {
    w.strip_prefix('P').is_some_and(|d| {
        (1..=7).contains(&d.len()) && d.bytes().all(|c| c.is_ascii_digit()) && !d.starts_with('0')
    })
}

/// Whether column `i` is a process id in hex, right before `:` and a
/// thread's (ggshield's `%(process)x:%(thread)x`).
pub(super) fn hex_pid(heads: &[&Head<'_>], i: usize, column: &[&str]) -> bool {
    matches!(heads[0].parts.get(i + 1), Some(Part::Lit(t)) if t == ":")
        && heads
            .iter()
            .all(|h| h.texts.get(i + 2).is_some_and(|t| thread_hex(t)))
        && column.iter().all(|w| pid_hex(w))
}

/// Whether column `i` is the value of the format's own key `key`
/// (`module=`, `[Module: `), any case.
fn keyed_as(h: &Head<'_>, i: usize, key: &str) -> bool {
    (1..=3)
        .filter_map(|d| i.checked_sub(d))
        .find(|&k| h.roles[k] == Some(Role::Key))
        .is_some_and(|k| h.texts[k].trim().eq_ignore_ascii_case(key))
}

#[cfg(test)]
mod tests {
    use super::super::head::head;
    use super::*;

    fn built(lines: &[&str]) -> (String, Option<String>) {
        let heads: Vec<Head<'_>> = lines.iter().map(|l| head(l).unwrap()).collect();
        let refs: Vec<&Head<'_>> = heads.iter().collect();
        let b = build(&refs);
        (b.format, b.datefmt)
    }

    #[test]
    fn single_words_with_a_library_module_among_them_are_the_module() {
        // Varken's `%(asctime)s : %(levelname)s : %(module)s : %(message)s`:
        // urllib3 logs under `urllib3.connectionpool`, never the stem alone.
        let lines = [
            "2024-05-11 14:44:50 : DEBUG : dbmanager : Writing data to InfluxDB",
            "2024-05-11 14:44:50 : DEBUG : connectionpool : Starting new HTTP connection (1): influxdb:8086",
            "2024-05-11 14:44:51 : INFO : tautulli : Attempting to use the fallback IP...",
        ];
        assert_eq!(
            built(&lines).0,
            "%(asctime)s : %(levelname)s : %(module)s : %(message)s"
        );
        // Its own words alone stay a logger's.
        assert_eq!(
            built(&[lines[0], lines[2]]).0,
            "%(asctime)s : %(levelname)s : %(name)s : %(message)s"
        );
    }

    #[test]
    fn four_different_lower_case_words_where_a_logger_goes_are_modules() {
        // Maestral's `%(asctime)s %(module)s %(levelname)s: %(message)s`.
        let lines = [
            "2024-05-11 14:44:55 sync INFO: Indexing 1500...",
            "2024-05-11 14:44:56 manager INFO: Up to date",
            "2024-05-11 14:44:57 main INFO: Starting",
            "2024-05-11 14:44:58 daemon INFO: Listening",
        ];
        assert_eq!(
            built(&lines).0,
            "%(asctime)s %(module)s %(levelname)s: %(message)s"
        );
        assert!(built(&lines[..3]).0.contains("%(name)s"));
        // Functions before a line's number stay functions
        // (mongodb-consistent-backup's `[%(module)s:%(funcName)s:%(lineno)d]`).
        let placed = [
            "[2024-05-11 14:44:55,001] [INFO] [Backup:run:201] a",
            "[2024-05-11 14:44:55,002] [INFO] [Backup:wait:230] b",
            "[2024-05-11 14:44:55,003] [INFO] [Backup:close:244] c",
            "[2024-05-11 14:44:55,004] [INFO] [Backup:start:180] d",
        ];
        assert!(
            built(&placed).0.contains("%(funcName)s:%(lineno)d]"),
            "{}",
            built(&placed).0
        );
    }

    #[test]
    fn single_words_before_a_column_of_functions_are_their_modules() {
        // DFIR-IRIS's `%(asctime)s :: %(levelname)s :: %(module)s ::
        // %(funcName)s :: %(message)s`.
        let lines = [
            "2024-05-11 14:44:44 :: INFO :: post_init :: run_post_init :: IRIS v2.4.20",
            "2024-05-11 14:44:45 :: INFO :: module_handler :: dup_logs :: Testing module",
            "2024-05-11 14:44:46 :: INFO :: tracker :: track_activity :: Added ioc",
            "2024-05-11 14:44:47 :: WARNING :: util :: get_case_access :: No case found",
        ];
        assert_eq!(
            built(&lines).0,
            "%(asctime)s :: %(levelname)s :: %(module)s :: %(funcName)s :: %(message)s"
        );
        // The root logger before them is a logger.
        let rooted: Vec<String> = lines
            .iter()
            .map(|l| l.replace(":: util ::", ":: root ::"))
            .collect();
        let rooted: Vec<&str> = rooted.iter().map(String::as_str).collect();
        assert!(
            built(&rooted).0.contains("%(name)s"),
            "{}",
            built(&rooted).0
        );
    }

    #[test]
    fn a_format_that_puts_two_spaces_between_its_fields_pads_no_field_with_them() {
        // `%(name)-12s  %(asctime)s`: a logger wider than 12 takes the two
        // spaces alone.
        let (format, _) = built(&[
            "uvicorn.access  2024-06-30T19:48:53  [ERROR]  [SpawnProcess-1/MainThread]  retry 3 failed",
            "asyncio       2024-06-30T19:48:53  [INFO]  [SpawnProcess-1/MainThread]  received SIGTERM",
        ]);
        assert_eq!(
            format,
            "%(name)-12s  %(asctime)s  [%(levelname)s]  [%(processName)s/%(threadName)s]  %(message)s"
        );
        // A key's word is the format's own, and the same pid on every
        // line has two spaces after it as every field does.
        let (format, _) = built(&[
            "2024-06-25 17:17:14,511  pid=31204  [DEBUG  ]  <orders.api>  [api:761] - started",
            "2024-06-25 17:17:14,534  pid=31204  [INFO   ]  <orders.api>  [api:362] - healthcheck ok",
        ]);
        assert_eq!(
            format,
            "%(asctime)s  pid=%(process)d  [%(levelname)-7s]  <%(name)s>  [%(module)s:%(lineno)d] - %(message)s"
        );
    }

    #[test]
    fn opentelemetrys_labels_name_its_attributes_and_its_flag_is_read_as_a_bool() {
        let (format, _) = built(&[
            "2024-05-11 14:44:44,121 INFO [main] [server.py:168] [trace_id=0 span_id=0 resource.service.name=reco trace_sampled=False] - started",
            "2024-05-11 14:44:44,201 INFO [main] [server.py:83] [trace_id=4bf92f3577b34da6a3ce929d0e0e4736 span_id=00f067aa0ba902b7 resource.service.name=reco trace_sampled=True] - cache miss",
        ]);
        assert_eq!(
            format,
            "%(asctime)s %(levelname)s [%(name)s] [%(filename)s:%(lineno)d] [trace_id=%(otelTraceID)s \
             span_id=%(otelSpanID)s resource.service.name=%(otelServiceName)s trace_sampled=%(otelTraceSampled)r] - %(message)s"
        );
        // Without OpenTelemetry's own label, a `trace_id=` is the app's.
        let (format, _) = built(&[
            "2024-05-11 14:44:44,121 INFO [main] trace_id=0 debug=False - started",
            "2024-05-11 14:44:44,201 INFO [main] trace_id=4bf92f3577b34da6a3ce929d0e0e4736 debug=True - cache miss",
        ]);
        assert_eq!(
            format,
            "%(asctime)s %(levelname)s [%(name)s] trace_id=%(trace_id)s debug=%(debug)r - %(message)s"
        );
    }

    #[test]
    fn a_number_before_a_process_and_a_thread_id_starts_a_head() {
        let (format, _) = built(&[
            "1609609 56:139651979292672 WARNING credentials.load feature flag new_checkout is off",
            "1609651 58:139660698648576 INFO    payment.authorize order for Zoe",
            "1609665 56:139660698648576 CRITICAL credentials._protected_refresh failed",
        ]);
        assert_eq!(
            format,
            "%(relativeCreated)d %(process)d:%(thread)d %(levelname)-7s %(module)s.%(funcName)s %(message)s"
        );
    }

    #[test]
    fn padding_both_a_left_and_a_right_aligned_column_share_is_split_between_them() {
        // Curator's `%(levelname)-9s %(name)30s %(funcName)23s`: the line
        // whose logger fills its 30 shows the level's 9.
        let got = built(&[
            "2024-05-11 14:44:45,627 INFO                         curator.cli                     run:253  Trying Action ID: 1",
            "2024-05-11 14:44:45,667 INFO      curator.actions.delete_indices               do_action:112  Deleted 2 indices",
            "2024-05-11 14:44:45,802 ERROR                        curator.cli       exception_handler:95   Failed to complete",
        ]);
        let want = "%(asctime)s %(levelname)-9s %(name)30s %(funcName)23s:%(lineno)-4d %(message)s";
        assert_eq!(got.0, want);
    }

    #[test]
    fn one_logger_before_a_right_aligned_level_pads_nothing_of_its_own() {
        // `%(name)s %(levelname)8s` with one logger: the spaces are the
        // level's, not a width the logger and the level share.
        let got = built(&[
            "2024-12-17 20:13:01,653 uvicorn.error     INFO - Found credentials",
            "2024-12-17 20:13:01,670 uvicorn.error    ERROR - retry 3 failed",
            "2024-12-17 20:13:01,694 uvicorn.error  WARNING - received SIGTERM",
        ]);
        assert_eq!(got.0, "%(asctime)s %(name)s %(levelname)8s - %(message)s");
    }

    #[test]
    fn the_readmes_example_format_comes_back() {
        let got = built(&[
            "2024-05-11 14:44:45 INFO [orders.api] order accepted",
            "2024-05-11 14:44:46 WARNING [orders.db] slow",
        ]);
        assert_eq!(
            got,
            (
                "%(asctime)s %(levelname)s [%(name)s] %(message)s".into(),
                Some("%Y-%m-%d %H:%M:%S".into())
            )
        );
    }

    #[test]
    fn padding_gives_a_width_and_cut_names_a_precision() {
        let got = built(&[
            "10:00:00.123 INFO     [app] a",
            "10:00:00.124 WARNING  [app] b",
        ]);
        assert_eq!(
            got.0,
            "%(asctime)s.%(msecs)03d %(levelname)-8s [%(name)s] %(message)s"
        );
        assert_eq!(got.1.as_deref(), Some("%H:%M:%S"));
        let got = built(&["INFO  [alembic.runtime] x", "WARNI [alembic.env] y"]);
        assert_eq!(got.0, "%(levelname)-5.5s [%(name)s] %(message)s");
        let got = built(&["    INFO orders: a", " WARNING orders: b"]);
        assert_eq!(got.0, "%(levelname)8s %(name)s: %(message)s");
    }

    #[test]
    fn a_right_aligned_field_after_a_tab_has_the_tab_as_separator_and_the_spaces_as_width() {
        let (format, _) = built(&[
            "2024-10-28 10:59:53.733\t   DEBUG\tCreated A-2301",
            "2024-10-28 10:59:54.733\t    INFO\tsent 5 bytes",
            "2024-10-28 10:59:55.733\t WARNING\tslow",
        ]);
        assert_eq!(
            format,
            "%(asctime)s.%(msecs)03d\t%(levelname)8s\t%(message)s"
        );
    }

    #[test]
    fn a_request_or_trace_id_is_a_field_of_its_own_not_the_messages_first_word() {
        let (format, _) = built(&[
            "2025-01-20 09:10:39,708 app E a6403d8b-0b60-4559-92c5-6f1c48557290 cache miss",
            "2025-01-20 09:10:40,708 app.db I 16403d8b-0b60-4559-92c5-6f1c48557290 sent 5",
        ]);
        assert_eq!(
            format,
            "%(asctime)s %(name)s %(levelname).1s %(field_1)s %(message)s"
        );
        let (format, _) = built(&[
            "2025-01-20 09:10:39,708 INFO 0361b47cdb603af1bbb59089b043aaaf started",
            "2025-01-20 09:10:40,708 WARNING 1361b47cdb603af1 slow",
        ]);
        assert_eq!(format, "%(asctime)s %(levelname)s %(field_1)s %(message)s");
        // A hex word with no digit, or a short one, stays the message's.
        assert!(!super::super::ids::is_id("deadbeefdeadbeef"));
        assert!(!super::super::ids::is_id("1a2b3c"));
    }

    #[test]
    fn three_loggers_named_with_dashes_in_brackets_are_loggers_and_fewer_are_a_field() {
        // Scrapy Cluster's `%(asctime)s [%(name)s] %(levelname)s: `.
        let (format, _) = built(&[
            "2024-05-11 14:44:55,318 [kafka-monitor] INFO: Kafka Monitor Stats Dump:",
            "2024-05-11 14:44:55,339 [redis-monitor] INFO: Redis Monitor Stats Dump:",
            "2024-05-11 14:44:56,339 [sc-crawler] DEBUG: Crawled (200)",
        ]);
        assert_eq!(format, "%(asctime)s [%(name)s] %(levelname)s: %(message)s");
        // One or two services' names, or a user's among others', are a
        // field.
        let (format, _) = built(&[
            "2024-05-11 14:44:55,318 [svc-batch] INFO: started",
            "2024-05-11 14:44:55,339 [svc-web] INFO: done",
        ]);
        assert_eq!(
            format,
            "%(asctime)s [%(field_1)s] %(levelname)s: %(message)s"
        );
        let (format, _) = built(&[
            "2024-05-11 14:44:55,318 [alice] INFO: started",
            "2024-05-11 14:44:55,339 [svc-batch] INFO: done",
        ]);
        assert_eq!(
            format,
            "%(asctime)s [%(field_1)s] %(levelname)s: %(message)s"
        );
    }

    #[test]
    fn a_random_token_in_both_cases_and_digits_is_an_id_and_no_logger() {
        // Roundup's `%(asctime)s %(trace_id)s %(levelname)s %(message)s`.
        let (format, _) = built(&[
            "2024-05-11 14:44:44,773 ZbdLs544BIxloestqJYM4B INFO open database 'roundup'",
            "2024-05-11 14:44:44,801 IghEKi3x9b0bXmIiNPGid DEBUG get issue 42",
        ]);
        assert_eq!(format, "%(asctime)s %(field_1)s %(levelname)s %(message)s");
        // Camel-case names change case too seldom.
        assert!(!super::super::ids::is_id("OAuth2ClientCredentialsManager"));
        assert!(!super::super::ids::is_id("Http2ServerProtocol"));
    }

    #[test]
    fn a_number_right_before_the_messages_separator_is_a_field() {
        let (format, _) = built(&[
            "2024-10-12 13:29:26,909 botocore.credentials    DEBUG 59 > Created A-92962",
            "2024-10-12 13:29:27,909 app.db     INFO 59 > pool ready",
        ]);
        assert_eq!(
            format,
            "%(asctime)s %(name)s %(levelname)8s %(process)d > %(message)s"
        );
        let (format, _) = built(&[
            "worker:2025-05-16 21:20:12.319:WARNI:23:{'id': 663} saved",
            "worker:2025-05-16 21:20:13.319:INFO :23:started",
        ]);
        assert!(format.ends_with(":%(process)d:%(message)s"), "{format}");
    }

    #[test]
    fn one_dot_words_that_end_in_functions_are_a_module_and_its_function() {
        let (format, _) = built(&[
            "2024-09-27 23:42:53,701 INFO [pool._run_once] Application startup complete.",
            "2024-09-27 23:42:54,701 WARNING [middleware.process_request] slow",
            "2024-09-27 23:42:55,701 INFO [pool.acquire] ok",
        ]);
        assert_eq!(
            format,
            "%(asctime)s %(levelname)s [%(module)s.%(funcName)s] %(message)s"
        );
        // A logger of a package (two dots) or `root` shows a logger's name.
        assert!(!modules_before(&["app.db.pool.acquire", "pool._run_once"]));
        assert!(!modules_before(&["root.lambda_handler"]));
        // A library that logs under its package's one word is a logger.
        assert!(!modules_before(&[
            "httpx._send_single_request",
            "asyncio._run_once"
        ]));
    }

    #[test]
    fn a_number_after_a_function_and_a_wide_separator_is_its_line_whatever_repeats() {
        let (format, _) = built(&[
            "2024-05-11 14:44:49,255 ¦ qcodes.logger.logger ¦ INFO ¦ logger ¦ start_logger ¦ 242 ¦ setup done",
            "2024-05-11 14:44:49,289 ¦ qcodes.logger.logger ¦ INFO ¦ logger ¦ log_versions ¦ 288 ¦ version",
            "2024-05-11 14:44:50,101 ¦ qcodes.dataset.measurements ¦ INFO ¦ measurements ¦ run ¦ 1008 ¦ a",
            "2024-05-11 14:44:51,101 ¦ qcodes.dataset.measurements ¦ INFO ¦ measurements ¦ run ¦ 1008 ¦ b",
            "2024-05-11 14:44:52,101 ¦ qcodes.dataset.measurements ¦ INFO ¦ measurements ¦ run ¦ 1008 ¦ c",
        ]);
        assert_eq!(
            format,
            "%(asctime)s ¦ %(name)s ¦ %(levelname)s ¦ %(module)s ¦ %(funcName)s ¦ %(lineno)d ¦ %(message)s"
        );
    }

    #[test]
    fn a_word_after_a_file_that_is_never_its_stem_is_the_function() {
        let (format, _) = built(&[
            "[2024-05-11 14:44:50,128] app.py:__init__ : [DEBUG] Initalizing app",
            "[2024-05-11 14:44:50,173] app.py:get_plugin_manager : [DEBUG] Creating plugin manager",
            "[2024-05-11 14:44:50,213] app.py:get_plugin_manager : [DEBUG] Loading plugins",
        ]);
        assert_eq!(
            format,
            "[%(asctime)s] %(filename)s:%(funcName)s : [%(levelname)s] %(message)s"
        );
    }

    #[test]
    fn a_number_between_the_level_and_the_logger_is_the_process() {
        let (format, _) = built(&[
            "2024-05-11 14:44:44,154 INFO 23 [queue.commands.update_users] update_users.py:24 - a",
            "2024-05-11 14:44:45,154 INFO 41 [xqueue_watcher.grader] grader.py:112 - b",
            "2024-05-11 14:44:46,154 DEBUG 41 [xqueue_watcher.grader] grader.py:130 - c",
            "2024-05-11 14:44:47,154 INFO 23 [queue.views] views.py:88 - d",
        ]);
        assert_eq!(
            format,
            "%(asctime)s %(levelname)s %(process)d [%(name)s] %(filename)s:%(lineno)d - %(message)s"
        );
    }

    #[test]
    fn a_scripts_main_among_four_or_more_modules_is_a_module_too() {
        let (format, _) = built(&[
            "2024-05-11 14:44:44,101 INFO {__main__.main():229} [MainThread]: Starting",
            "2024-05-11 14:44:44,357 DEBUG {ip_updater.update_ip():137} [polling]: IP changed",
            "2024-05-11 14:44:44,700 DEBUG {job.job_started():107} [command_runner]: New job",
            "2024-05-11 14:44:45,052 DEBUG {serial_adapter.write():357} [sq_sender]: Send",
        ]);
        assert_eq!(
            format,
            "%(asctime)s %(levelname)s {%(module)s.%(funcName)s():%(lineno)d} [%(threadName)s]: %(message)s"
        );
        // Three words or fewer are as likely an app's own loggers.
        assert!(!modules_before(&[
            "__main__.main",
            "job.run",
            "worker.poll"
        ]));
    }

    #[test]
    fn module_and_function_pairs_before_the_logger_leave_it_the_name() {
        // The logger's column mixes dotted names and one word (`worker`),
        // and the pairs' column reads as dotted too.
        let (format, _) = built(&[
            "[2024-05-25T02:28:06.736] h11_impl.run_asgi INFO uvicorn.access:778: GET /",
            "[2024-05-25T02:28:06.780] h11_impl.send INFO uvicorn.access:265: consumer delta",
            "[2024-05-25T02:28:06.809] worker._poll INFO worker:193: Task ok",
            "[2024-05-25T02:28:06.849] h11_impl.run_asgi INFO uvicorn.access:365: retrying",
            "[2024-05-25T02:28:06.866] worker._poll INFO worker:473: SELECT 1",
        ]);
        assert_eq!(
            format,
            "[%(asctime)s.%(msecs)03d] %(module)s.%(funcName)s %(levelname)s %(name)s:%(lineno)d: %(message)s"
        );
    }

    #[test]
    fn root_main_and_libraries_before_a_line_number_are_loggers_not_modules() {
        let (format, _) = built(&[
            "2024-11-29 17:22:55,716 __main__:22 INFO      job finished",
            "2024-11-29 17:22:55,800 asyncio:876 INFO      loop ready",
            "2024-11-29 17:22:56,001 asyncio:857 WARNING   slow callback",
        ]);
        assert_eq!(
            format,
            "%(asctime)s %(name)s:%(lineno)d %(levelname)-9s %(message)s"
        );
        // A bare word there is a module, as `getLogger(__name__)` apps
        // print their modules' stems.
        let (format, _) = built(&[
            "2024-11-29 17:22:55,716 views:22 INFO      job finished",
            "2024-11-29 17:22:55,800 views:876 INFO      loop ready",
        ]);
        assert!(format.contains("%(module)s:%(lineno)d"), "{format}");
    }

    #[test]
    fn the_same_spaces_after_numbers_of_different_widths_are_the_separator() {
        let (format, _) = built(&[
            "INFO    : 2025-01-25 05:04:09  payment:57  INFO level set",
            "ERROR   : 2025-01-25 05:04:09  payment:580  cache miss",
            "INFO    : 2025-01-25 05:04:09  tasks:18  trailing spaces",
        ]);
        assert_eq!(
            format,
            "%(levelname)-8s: %(asctime)s  %(module)s:%(lineno)d  %(message)s"
        );
    }

    #[test]
    fn function_names_where_a_logger_would_stand_are_funcname() {
        let (format, _) = built(&[
            "2024-07-03T11:11:10 | INFO | <MainThread> | [_protected_refresh]: first",
            "2024-07-03T11:11:11 | INFO | <MainThread> | [create_app]: second",
            "2024-07-03T11:11:12 | WARNING | <MainThread> | [load]: third",
        ]);
        assert!(format.contains("[%(funcName)s]: %(message)s"), "{format}");
        assert!(functions_alone(&["<module>"]));
        assert!(functions_alone(&["create_app", "charge_card", "handle"]));
        // One-word loggers: a library's, or words no function is named.
        assert!(!functions_alone(&["asyncio", "_run_once"]));
        assert!(!functions_alone(&["worker", "scheduler"]));
        assert!(!functions_alone(&["order_service"]));
    }

    #[test]
    fn a_double_colon_separator_keeps_its_space_and_a_padded_level_its_width() {
        let (format, _) = built(&[
            "[acme] :: CRITICAL :: orders.api :: Application startup complete.",
            "[acme] :: INFO  :: orders.api :: sent 5 bytes",
            "[acme] :: DEBUG :: app.db :: pool ready",
        ]);
        assert_eq!(
            format,
            "[%(field_1)s] :: %(levelname)-5s :: %(name)s :: %(message)s"
        );
    }

    #[test]
    fn a_number_may_lead_a_line_before_an_id() {
        let (format, _) = built(&[
            "7\t(9264e9814236c4b1bfdd5a46519374f1)\t[INFO]\t[payments:590]\tloaded",
            "7\t(1264e9814236c4b1bfdd5a46519374f1)\t[DEBUG]\t[pool:12]\tok",
        ]);
        assert_eq!(
            format,
            "%(process)d\t(%(field_1)s)\t[%(levelname)s]\t[%(module)s:%(lineno)d]\t%(message)s"
        );
    }

    #[test]
    fn djangos_verbose_layout_prints_the_module_whatever_its_workers_pids() {
        let (format, _) = built(&[
            "WARNING 2024-06-27 16:31:49,938 base 2976 139664384585728 slow query",
            "INFO 2024-06-27 16:31:49,947 base 2973 139664384585728 Uvicorn running",
            "INFO 2024-06-27 16:31:49,966 worker 2973 139664384585728 invoice emailed",
        ]);
        assert_eq!(
            format,
            "%(levelname)s %(asctime)s %(module)s %(process)d %(thread)d %(message)s"
        );
    }

    #[test]
    fn a_padded_line_number_gives_its_width() {
        let got = built(&[
            "[10:00:00] INFO [_client.py: 664] a",
            "[10:00:01] INFO [_client.py:  16] b",
            "[10:00:02] INFO [_client.py:1203] c",
        ]);
        assert_eq!(
            got.0,
            "[%(asctime)s] %(levelname)s [%(filename)s:%(lineno)4d] %(message)s"
        );
        // One space after a logger's name and a colon: a message that
        // starts with a number.
        let got = built(&[
            "10:00:00 INFO orders: 42 paid",
            "10:00:01 INFO orders: 7 paid",
        ]);
        assert_eq!(got.0, "%(asctime)s %(levelname)s %(name)s: %(message)s");
    }

    #[test]
    fn spaces_a_varying_word_doesnt_fill_pad_the_level_after_it() {
        let got = built(&[
            "10:00:00 orders.api.create_order     INFO: a",
            "10:00:01 celery.app.trace.info CRITICAL: b",
            "10:00:02 app.run_once  WARNING: c",
        ]);
        assert_eq!(
            got.0,
            "%(asctime)s %(name)s.%(funcName)s %(levelname)8s: %(message)s"
        );
    }

    #[test]
    fn dotted_words_ending_in_verbs_are_loggers_and_their_functions() {
        assert!(functions_after(&[
            "orders.api.handle",
            "orders.views.dispatch",
            "orders.api.list_orders"
        ]));
        // Module names are nouns: a stream of loggers stays whole.
        assert!(!functions_after(&[
            "celery.app.trace",
            "botocore.credentials",
            "urllib3.connectionpool"
        ]));
        assert!(
            !functions_after(&["orders.api.handle"]),
            "one word shows too little"
        );
        // Nor are `snake_case` and `_private` modules functions.
        assert!(!functions_after(&[
            "streamlit.error_util",
            "streamlit.runtime.scriptrunner.script_runner",
            "synapse.app._base",
            "optuna.storages._in_memory"
        ]));
        assert!(functions_after(&[
            "app.db.pool._run_once",
            "orders.tasks.charge_card",
            "api.middleware.__call__"
        ]));
    }

    #[test]
    fn a_logger_in_angle_brackets_is_a_name_not_code_without_a_function() {
        let got = built(&[
            "[10:00:00,298] <app> [INFO] a",
            "[10:00:01,299] <root> [ERROR] b",
        ]);
        assert_eq!(
            got.0,
            "[%(asctime)s,%(msecs)03d] <%(name)s> [%(levelname)s] %(message)s"
        );
    }

    #[test]
    fn a_bracketed_word_with_a_hyphen_is_a_custom_field_not_a_logger() {
        let got = built(&[
            "[10:00:00] [INFO] [svc-batch] a",
            "[10:00:01] [ERROR] [alice-smith] b",
        ]);
        assert_eq!(
            got.0,
            "[%(asctime)s] [%(levelname)s] [%(field_1)s] %(message)s"
        );
    }

    #[test]
    fn the_one_logger_of_a_stream_is_its_name_and_a_connective_stays_text() {
        let got = built(&[
            "[10:00:00] [4821] httpx [INFO] a",
            "[10:00:01] [4821] httpx [ERROR] b",
        ]);
        assert_eq!(
            got.0,
            "[%(asctime)s] [%(process)d] %(name)s [%(levelname)s] %(message)s"
        );
        let got = built(&[
            "[10:00:00] [INFO] pid [4821] a",
            "[10:00:01] [ERROR] pid [4821] b",
        ]);
        assert_eq!(
            got.0,
            "[%(asctime)s] [%(levelname)s] pid [%(process)d] %(message)s"
        );
    }

    #[test]
    fn seconds_since_the_epoch_as_str_prints_them_are_created() {
        let got = built(&["[1730408387.719] - INFO: a", "[1730408387.75] - ERROR: b"]);
        assert_eq!(got.0, "[%(created)s] - %(levelname)s: %(message)s");
        let got = built(&[
            "ts=1724196732.142 name=orders.api level=ERROR msg=a",
            "ts=1724196732.179 name=orders.api level=INFO msg=b",
        ]);
        assert_eq!(
            got.0,
            "ts=%(created)s name=%(name)s level=%(levelname)s msg=%(message)s"
        );
    }

    #[test]
    fn a_two_part_dotted_word_after_the_logger_is_the_module_and_function() {
        let got = built(&[
            "10:00:00:<INFO>:(myapp.services.payment):payment.authorize:a",
            "10:00:01:<ERROR>:(myapp.services.payment):payment.charge_card:b",
        ]);
        assert_eq!(
            got.0,
            "%(asctime)s:<%(levelname)s>:(%(name)s):%(module)s.%(funcName)s:%(message)s"
        );
    }

    #[test]
    fn numbers_are_named_by_what_the_lines_show() {
        let got = built(&[
            "2024-05-11 14:44:45,123 [31204] 140234571234112 INFO 20 app.py:42 x",
            "2024-05-11 14:44:45,124 [31204] 140234571234112 ERROR 40 app.py:57 y",
        ]);
        assert_eq!(
            got.0,
            "%(asctime)s [%(process)d] %(thread)d %(levelname)s %(levelno)d %(filename)s:%(lineno)d %(message)s"
        );
        assert_eq!(got.1, None);
    }

    #[test]
    fn a_word_every_line_repeats_is_the_formats_own_text() {
        let got = built(&[
            "[2024-05-11 14:44:45,123] [PID 7] [INFO] a",
            "[2024-05-11 14:44:45,124] [PID 7] [ERROR] b",
        ]);
        assert_eq!(
            got.0,
            "[%(asctime)s] [PID %(process)d] [%(levelname)s] %(message)s"
        );
        let got = built(&[
            "time=10:00:00 level=INFO logger=app msg=\"a\"",
            "time=10:00:01 level=ERROR logger=app.db msg=\"b\"",
        ]);
        assert_eq!(
            got.0,
            "time=%(asctime)s level=%(levelname)s logger=%(name)s msg=\"%(message)s\""
        );
    }

    #[test]
    fn an_unexplained_token_is_kept_under_a_neutral_key_typed_by_its_text() {
        let got = built(&[
            "2024-05-11 14:44:45,123 7 INFO mydb odoo.modules.loading: a",
            "2024-05-11 14:44:45,124 8 INFO shop odoo.modules.graph: b",
        ]);
        assert_eq!(
            got.0,
            "%(asctime)s %(field_1)d %(levelname)s %(field_2)s %(name)s: %(message)s"
        );
    }
}
