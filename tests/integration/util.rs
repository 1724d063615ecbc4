//! Helpers shared by the integration tests.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use logs_to_firehose::encode::{self, Origin};

/// The crate's root, where `events/` lives.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary directory removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("ltf-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    pub fn write(&self, name: &str, data: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, data).unwrap();
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The binary under test, with a clean environment: no stream (so records
/// go to stdout), no settings and no Lambda variables unless a test adds
/// them. Only what any process needs is kept.
pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_logs-to-firehose"));
    cmd.env_clear();
    for var in ["PATH", "HOME", "TMPDIR", "LANG"] {
        if let Some(v) = std::env::var_os(var) {
            cmd.env(var, v);
        }
    }
    cmd
}

/// Runs the binary with `stdin` as standard input.
pub fn run(mut cmd: Command, stdin: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// A subscription event holding `messages`, as CloudWatch would send it.
pub fn event_of(messages: Vec<String>) -> Vec<u8> {
    encode::event(&encode::payload(&Origin::default(), messages))
}

/// Stdout split into parsed JSON documents, one per line.
pub fn documents(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A subscription event from `group` whose events carry the given
/// timestamps (ms), as CloudWatch stamps lines read at different times.
pub fn event_at(group: &str, events: &[(i64, &str)]) -> Vec<u8> {
    let origin = Origin {
        log_group: group.to_owned(),
        ..Origin::default()
    };
    let messages = events.iter().map(|(_, m)| (*m).to_owned()).collect();
    let mut payload: serde_json::Value =
        serde_json::from_slice(&encode::payload(&origin, messages)).unwrap();
    for (e, (ms, _)) in payload["logEvents"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .zip(events)
    {
        e["timestamp"] = (*ms).into();
    }
    encode::event(&serde_json::to_vec(&payload).unwrap())
}
