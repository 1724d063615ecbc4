//! Integration tests: the real binary and the public API, as users meet them.
//!
//! One test binary with modules (as ripgrep does), so cargo links once.

mod cli;
mod configured;
mod faults;
mod inference;
mod oracle;
mod properties;
mod util;
