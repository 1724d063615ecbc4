//! A group's format refined from what all its lines show: the space
//! after the message, a logger that was only a guess.

use super::Head;
use super::role::Role;

/// Whether every head's logger is only a guess (`Inferred::guessed_name`),
/// and on how many heads the guess starts with a capital.
pub(super) fn guesses(heads: &[&Head<'_>]) -> (bool, usize) {
    let guessed_name = heads.iter().all(|h| {
        h.roles.contains(&Some(Role::NameGuess))
            && !h
                .roles
                .iter()
                .any(|r| matches!(r, Some(Role::Name | Role::NameSlot | Role::ModuleFunc)))
    });
    let capital = heads
        .iter()
        .filter(|h| guess(h).is_some_and(|g| g.starts_with(|c: char| c.is_ascii_uppercase())))
        .count();
    (guessed_name, capital)
}

/// The word a head guessed as its logger.
fn guess<'t>(h: &Head<'t>) -> Option<&'t str> {
    let k = h.roles.iter().position(|r| *r == Some(Role::NameGuess))?;
    Some(h.texts[k])
}

/// `format` with the space its lines end with after the message: nine in
/// ten of three or more (MACS3's `%(levelname)-5s @ %(asctime)s:
/// %(message)s `). A message ends with a space seldom; a line whose
/// record goes on below ends with its message's first line.
pub(super) fn space_after_message(format: &str, lines: &[&str]) -> Option<String> {
    let spaced = lines.iter().filter(|l| l.ends_with(' ')).count();
    (format.ends_with("%(message)s") && lines.len() >= 3 && spaced * 10 >= lines.len() * 9)
        .then(|| format!("{format} "))
}

/// `format` without the logger it guessed before the message, where every
/// guess is a capitalised word of small letters, as a sentence's first
/// word is (mock's `%(asctime)s - %(message)s`, `Start: init plugins`,
/// `Finish: run`): the words are the messages' labels.
pub(super) fn without_guess(format: &str, heads: &[&Head<'_>]) -> Option<String> {
    let plain = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(|f| f.is_ascii_uppercase())
            && w.len() >= 3
            && c.all(|c| c.is_ascii_lowercase())
    };
    let all_plain = heads.iter().all(|h| guess(h).is_some_and(plain));
    let (before, after) = format.rsplit_once("%(name)s")?;
    let sep = after.strip_suffix("%(message)s")?;
    (all_plain && !sep.contains('%')).then(|| format!("{before}%(message)s"))
}
