//! A one-line progress bar on stderr, redrawn in place, only when stderr
//! is a terminal (a log file gets the summary alone).

use std::io::Write as _;

use super::say;
use crate::redrive::Tally;

pub(super) struct Progress {
    tty: bool,
    drawn: bool,
}

impl Progress {
    pub(super) fn new() -> Progress {
        use std::io::IsTerminal as _;
        Progress {
            tty: std::io::stderr().is_terminal(),
            drawn: false,
        }
    }

    /// The bar after `done` of `all` files.
    pub(super) fn show(&mut self, t: &Tally, done: usize, all: usize) {
        if !self.tty || all == 0 {
            return;
        }
        const WIDTH: usize = 30;
        let filled = done * WIDTH / all;
        let line = format!(
            "\r[{}{}] {done}/{all} files, {} documents, {} failed",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            t.documents,
            t.failed
        );
        let mut err = std::io::stderr().lock();
        if err
            .write_all(line.as_bytes())
            .and_then(|()| err.flush())
            .is_ok()
        {
            self.drawn = true;
        }
    }

    /// Ends the bar's line, if one was drawn.
    pub(super) fn finish(&self) {
        if self.drawn {
            say("");
        }
    }
}
