//! Names libraries log under: the one-word loggers of the standard
//! library and popular packages, and the modules only their files are
//! named, which tell `%(name)s` from `%(module)s` in a column of single
//! words, where text alone can't: an app's own loggers and modules share
//! their words (`getLogger(__name__)`).

/// Whether a one-word name is a logger's and never a module's: the root
/// logger, a script's `__main__`, or a library that logs under its
/// package's name alone (`asyncio`, `httpx`). Their records print a
/// module of another name (`base_events`, `_client`), so a column of
/// these before `:` and a line number, or `.` and a function, is
/// `%(name)s`, where a bare word there is more often `%(module)s`.
pub(super) fn is_top_logger(w: &str) -> bool {
    TOP_LOGGERS.binary_search(&w).is_ok()
}

/// The root logger, `__main__`, and standard-library modules and popular
/// libraries that log under their top-level package name (sorted
/// for a binary search).
const TOP_LOGGERS: [&str; 40] = [
    "__main__",
    "aiobotocore",
    "aiohttp",
    "alembic",
    "apscheduler",
    "asyncio",
    "boto3",
    "botocore",
    "celery",
    "concurrent",
    "django",
    "elasticsearch",
    "fastapi",
    "flask",
    "gunicorn",
    "httpcore",
    "httpx",
    "kafka",
    "kombu",
    "multiprocessing",
    "openai",
    "opensearch",
    "paramiko",
    "pika",
    "pymongo",
    "redis",
    "requests",
    "root",
    "s3transfer",
    "scrapy",
    "sentry_sdk",
    "sqlalchemy",
    "starlette",
    "tornado",
    "twisted",
    "urllib3",
    "uvicorn",
    "websockets",
    "werkzeug",
    "zeep",
];

/// Whether a column of single words is `%(module)s`: one of them is a
/// module only a library names a file (urllib3's `connectionpool`,
/// asyncio's `base_events`, httpx's `_client`), and none is a logger's
/// alone (`root`, `__main__`, `asyncio`). Under `%(name)s` those records
/// print their library's logger, dotted (`urllib3.connectionpool`) or its
/// package's (`asyncio`), never the file's stem, so one such word is
/// enough. Varken's `%(asctime)s : %(levelname)s : %(module)s :
/// %(message)s` shows `connectionpool` beside its own `dbmanager` and
/// `tautulli`. (Not `__init__`: a package's module, but every class's
/// constructor too.)
pub(super) fn library_modules(column: &[&str]) -> bool {
    let one_word = |w: &str| !w.is_empty() && !w.contains('.') && !is_top_logger(w);
    let library = |w: &str| LIBRARY_MODULES.binary_search(&w).is_ok();
    column.iter().all(|w| one_word(w.trim())) && column.iter().any(|w| library(w.trim()))
}

/// Whether a column of single words is `%(module)s` for their number:
/// four different ones or more, all lower-case, none a logger's alone
/// (but `__main__`, the script's module, beside them).
/// An app that names its loggers after its modules (`getLogger(__name__)`)
/// prints them dotted under its package (`webchanges.handler`); one that
/// names them by hand names three at most far more often than four
/// (webchanges' `%(module)s[%(thread)s]`: `cli`, `command`, `handler`,
/// `worker`; Maestral's `daemon`, `main`, `manager`, `sync`).
pub(super) fn many_modules(column: &[&str]) -> bool {
    let trimmed: Vec<&str> = column.iter().map(|w| w.trim()).collect();
    let mut words = distinct_words(&trimmed);
    // Few digits: an id in hex is no module (`e18981814795f528`).
    let lower = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && w.bytes()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_')
            && w.bytes().filter(u8::is_ascii_digit).count() * 4 < w.len()
    };
    // The script's own is `__main__` among them (Tern's `__main__`,
    // `prep`, `rootfs`, `run`, `skopeo`), beside four others at least.
    words.retain(|w| *w != "__main__");
    words.len() >= MIN_MODULES
        && words.iter().all(|w| lower(w) && !is_top_logger(w))
        && !numbered(&words)
        && !one_family(&words)
}

/// Whether three words or more all open with one stem of three letters
/// and end in one `_word` (Rhasspy's `rhasspydialogue_hermes`,
/// `rhasspynlu_hermes`): a family of packages named alike, each a logger;
/// nor are they modules, which would be `__init__` each. Functions that
/// share an end share no stem before their verb (`create_user`,
/// `update_user`), nor do an app's modules (`user_service`,
/// `order_service`).
pub(super) fn one_family(words: &[&str]) -> bool {
    fn end(w: &str) -> Option<&str> {
        let (stem, end) = w.rsplit_once('_')?;
        (!stem.is_empty()).then_some(end)
    }
    let Some(first) = words.first().and_then(|w| end(w)) else {
        return false;
    };
    let stem = words[0]
        .get(..3)
        .filter(|s| s.bytes().all(|c| c.is_ascii_alphabetic()));
    let shared = stem.is_some_and(|s| words.iter().all(|w| w.starts_with(s)));
    words.len() >= 3 && first.len() >= 3 && shared && words.iter().all(|w| end(w) == Some(first))
}

/// Whether two of `words` (distinct) are one stem numbered
/// (Kopano's `index0` and `index1`): one logger's instances, named at run
/// time; no app numbers its files so.
fn numbered(words: &[&str]) -> bool {
    fn stem(w: &str) -> Option<&str> {
        let s = w.trim_end_matches(|c: char| c.is_ascii_digit());
        (s.len() < w.len() && !s.is_empty()).then_some(s)
    }
    let mut stems = std::collections::HashSet::new();
    words
        .iter()
        .filter_map(|w| stem(w))
        .any(|s| !stems.insert(s))
}

/// A column's different texts, sorted: what it shows, however often.
pub(super) fn distinct_words<'a>(column: &[&'a str]) -> Vec<&'a str> {
    let mut words = column.to_vec();
    words.sort_unstable();
    words.dedup();
    words
}

/// Fewest different words that show modules rather than an app's own
/// loggers, alone or before a function (`names::modules_before`).
pub(super) const MIN_MODULES: usize = 4;

/// Modules of the standard library and popular packages that log at
/// `INFO` or `DEBUG` in apps' streams, named as no app names its own
/// files (sorted for a binary search). Words apps use too (`base`,
/// `client`, `server`, `utils`) are left out: an app's flat script of
/// that name logs under it with `%(name)s` too.
const LIBRARY_MODULES: [&str; 36] = [
    "PngImagePlugin",
    "TiffImagePlugin",
    "_application",
    "_client",
    "_default",
    "_internal",
    "_jobqueue",
    "_trace",
    "_transport",
    "_universal",
    "_updater",
    "autoreload",
    "base_connection",
    "base_events",
    "basehttp",
    "blocking_connection",
    "configuration_utils",
    "connection_workflow",
    "connectionpool",
    "font_manager",
    "glogging",
    "h11_impl",
    "http_logging_policy",
    "httptools_impl",
    "inotify_buffer",
    "io_services_utils",
    "logstats",
    "modeling_utils",
    "poolmanager",
    "proactor_events",
    "remote_connection",
    "retryhandler",
    "select_connection",
    "selector_events",
    "tokenization_utils_base",
    "unix_events",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_lists_are_sorted_for_their_binary_searches() {
        assert!(TOP_LOGGERS.is_sorted());
        assert!(LIBRARY_MODULES.is_sorted());
    }

    #[test]
    fn a_library_module_among_single_words_shows_modules() {
        assert!(library_modules(&[
            "dbmanager",
            "connectionpool",
            "tautulli"
        ]));
        assert!(!library_modules(&["executiongraph", "__init__"]));
        assert!(library_modules(&["h11_impl", "server", "on"]));
    }

    #[test]
    fn four_lower_case_words_or_more_show_modules() {
        assert!(many_modules(&["daemon", "main", "manager", "sync", "sync"]));
        // Three are an app's loggers as often.
        assert!(!many_modules(&["daemon", "manager", "sync", "sync"]));
        // Capitalised words may be loggers named after classes.
        assert!(!many_modules(&["Modem", "Protocol", "Mqtt", "Broadcast"]));
        // A library's logger alone is a logger.
        assert!(!many_modules(&["daemon", "main", "manager", "asyncio"]));
        // Ids are no modules.
        assert!(!many_modules(&[
            "e1898181", "443cd29e", "1634391b", "423512b1"
        ]));
        // Nor one stem numbered: a logger's instances (Kopano's).
        assert!(!many_modules(&[
            "search", "spamd", "index0", "index1", "query"
        ]));
        assert!(many_modules(&[
            "search", "spamd", "index", "http2", "query"
        ]));
    }

    #[test]
    fn a_dotted_word_or_a_library_logger_alone_shows_loggers() {
        assert!(!library_modules(&[
            "urllib3.connectionpool",
            "connectionpool"
        ]));
        assert!(!library_modules(&["asyncio", "base_events"]));
        assert!(!library_modules(&["root", "_client"]));
        assert!(!library_modules(&["dbmanager", "tautulli"]));
        assert!(!library_modules(&["", "connectionpool"]));
    }
}
