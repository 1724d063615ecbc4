//! Level names: the standard ones, those widely used software adds, and
//! the standard ones cut short by a precision. A leaf the lexer and the
//! roles both ask.

/// The standard level names `logging` writes.
pub(super) const LEVELS: [&str; 5] = super::super::STANDARD_LEVELS;

/// Level names that widely used software adds with `logging.addLevelName`
/// (sorted, for a binary search): verboselogs' (coloredlogs) `SPAM`,
/// `VERBOSE`, `NOTICE` and `SUCCESS`; DNF's `DDEBUG`, `SUBDEBUG` and
/// `TRACE`; Salt's `GARBAGE`, `TRACE` and `PROFILE`; fail2ban's `NOTICE`,
/// `HEAVYDEBUG` and `TRACEDEBUG`; oslo.log's `AUDIT`; and `FATAL`, the
/// name apps give `logging.FATAL`. A column that shows one beside the
/// standard names is still the level.
pub(super) const CUSTOM_LEVELS: [&str; 13] = [
    "AUDIT",
    "DDEBUG",
    "FATAL",
    "GARBAGE",
    "HEAVYDEBUG",
    "NOTICE",
    "PROFILE",
    "SPAM",
    "SUBDEBUG",
    "SUCCESS",
    "TRACE",
    "TRACEDEBUG",
    "VERBOSE",
];

/// Whether `w` is a level name, standard or added (`CUSTOM_LEVELS`), in
/// full.
pub(super) fn is_known_level(w: &str) -> bool {
    LEVELS.contains(&w) || CUSTOM_LEVELS.binary_search(&w).is_ok()
}

/// Whether `w` is a standard level name cut short by a precision
/// (`%(levelname).1s`, `-5.5s`).
pub(super) fn is_cut_level(w: &str) -> bool {
    !w.is_empty() && LEVELS.iter().any(|l| l.len() > w.len() && l.starts_with(w))
}
