//! Running the real `dossier` binary in a temporary directory (after ripgrep's
//! `tests/util.rs`).
#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_dossier"))
}

/// The workspace root (for `examples/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("the workspace root exists")
}

/// A temporary working directory with the binary ready to run in it.
pub struct Dir {
    pub tmp: tempfile::TempDir,
}

impl Dir {
    pub fn new() -> Dir {
        Dir {
            tmp: tempfile::tempdir().expect("a temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.tmp.path()
    }

    /// Write a file (bytes) under the directory.
    pub fn create(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path().join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(&p, contents).expect("write file");
        p
    }

    /// A command for the binary, run in this directory, colour off.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut c = Command::new(bin());
        c.current_dir(self.path()).args(args).env("NO_COLOR", "1");
        c
    }

    /// Run with `stdin` fed from bytes; returns the whole output.
    pub fn run(&self, args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
        run_cmd(self.cmd(args), stdin.as_ref())
    }
}

/// Run a command with the given stdin and collect its output. A run that takes more
/// than `DOSSIER_TEST_TIMEOUT` seconds (default 300) is killed and the test fails, so
/// that an accidentally quadratic stage fails CI instead of hanging it.
pub fn run_cmd(mut c: Command, stdin: &[u8]) -> Output {
    let limit = std::env::var("DOSSIER_TEST_TIMEOUT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300u64);
    c.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn dossier");
    let mut pipe = child.stdin.take().expect("stdin pipe");
    let input = stdin.to_vec();
    // feed from a thread so a large input cannot deadlock against a full stdout pipe
    let feeder = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let pid = child.id();
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if done_rx
            .recv_timeout(std::time::Duration::from_secs(limit))
            .is_err()
        {
            // still running: kill it (only this child, by its pid)
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            return true;
        }
        false
    });
    let out = child.wait_with_output().expect("wait for dossier");
    let _ = done_tx.send(());
    let killed = watchdog.join().unwrap_or(false);
    let _ = feeder.join();
    assert!(
        !killed,
        "dossier took more than {limit} s and was killed (a quadratic stage?)"
    );
    out
}

/// stdout as UTF-8 (panics with the stderr when it is not).
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap_or_else(|_| {
        panic!(
            "stdout is not UTF-8; stderr:\n{}",
            String::from_utf8_lossy(&o.stderr)
        )
    })
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Assert exit code 0 with a helpful message.
pub fn assert_ok(o: &Output) {
    assert_eq!(
        o.status.code(),
        Some(0),
        "dossier exited with {:?}; stderr:\n{}",
        o.status,
        stderr(o)
    );
    assert!(
        !stderr(o).contains("panicked"),
        "dossier panicked; stderr:\n{}",
        stderr(o)
    );
}

/// Stage panics already reported to their owners, as (file, part of the message); the
/// batch turns them into `"internal error"` lines. Remove a row when it is fixed.
///
/// - dossier-text `segment.rs` `word_before` slices inside a multi-byte character.
/// - dossier-quotes `lib.rs` speaker resolution builds `Span::new(end, start)`.
pub const KNOWN_PANICS: &[(&str, &str)] = &[
    ("crates/text/src/segment.rs", "is not a char boundary"),
    ("crates/quotes/src/lib.rs", "start after end"),
];

/// Exit code 0, and every panic reported on stderr is a known one.
pub fn assert_ok_or_known(o: &Output) {
    assert_eq!(o.status.code(), Some(0), "stderr:\n{}", stderr(o));
    let err = stderr(o);
    let lines: Vec<&str> = err.lines().collect();
    for (i, l) in lines.iter().enumerate() {
        if let Some(at) = l.find("panicked at ") {
            let loc = &l[at + "panicked at ".len()..];
            let msg = lines.get(i + 1).copied().unwrap_or("");
            assert!(
                KNOWN_PANICS
                    .iter()
                    .any(|(f, m)| loc.starts_with(f) && msg.contains(m)),
                "an unknown panic at {loc}: {msg}\nstderr:\n{err}"
            );
        }
    }
}

/// Every output line parsed as a JSON value.
pub fn jsonl(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("output line {} is not JSON: {e}", i + 1))
        })
        .collect()
}

/// One contract input line.
pub fn line(id: &str, text: &str) -> String {
    serde_json::json!({ "id": id, "text": text }).to_string()
}
