//! Harness for end-to-end tests of the real `brief` binary in a terminal: `pty` runs it in a
//! pseudo-terminal whose output a terminal emulator crate (vt100) turns into a screen;
//! `tmux` runs it in a private tmux server. Both wait by polling (every 20 ms, at most
//! 10 s) and fail with the last screen; neither ever sleeps a fixed time.

// Each test file uses part of the harness; the rest would be dead code there.
#![allow(dead_code)]

pub mod pty;
pub mod tmux;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long any wait may take before the test fails. Generous: CI machines are slow, and
/// a wait that succeeds returns as soon as its condition holds.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// How often a wait looks again.
pub const POLL: Duration = Duration::from_millis(20);

/// Synchronized update (DEC mode 2026): brief wraps every frame in these.
pub const SYNC_BEGIN: &[u8] = b"\x1b[?2026h";
pub const SYNC_END: &[u8] = b"\x1b[?2026l";

pub fn brief_bin() -> &'static str {
    env!("CARGO_BIN_EXE_brief")
}

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn briefings_dir() -> PathBuf {
    repo_root().join("briefings")
}

/// The environment every child starts from, whatever the test runner had (CI runs as root,
/// with no terminal and maybe no LANG): a UTF-8 locale, a common TERM, and a home and
/// config folder of its own, so a user's keys.toml never changes the keys under test.
pub fn base_env(home: &Path) -> Vec<(String, OsString)> {
    let path = std::env::var_os("PATH").unwrap_or_else(|| "/usr/bin:/bin".into());
    vec![
        ("PATH".into(), path),
        ("HOME".into(), home.into()),
        ("XDG_CONFIG_HOME".into(), home.join(".config").into()),
        ("LANG".into(), "C.UTF-8".into()),
        ("TERM".into(), "xterm-256color".into()),
    ]
}

/// Whether `text` occurs in `haystack`, as bytes.
pub fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Where the last `needle` starts in `haystack`.
pub fn rfind_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// For tests that need a tool the machine may lack: Ok(false) (after saying so loudly on
/// stderr) when it is missing and CI is not set; an error when CI is set, since CI installs
/// every tool and a silent skip there would hide a broken set-up.
pub fn require_tool(tool: &str, version_arg: &str, test: &str) -> anyhow::Result<bool> {
    let found = std::process::Command::new(tool)
        .arg(version_arg)
        .output()
        .is_ok_and(|out| out.status.success());
    if found {
        return Ok(true);
    }
    if std::env::var_os("CI").is_some() {
        anyhow::bail!("{test}: `{tool}` is not installed, and CI is set: .ci/run must install it");
    }
    eprintln!("SKIPPED {test}: `{tool}` is not installed (install it to run this test)");
    Ok(false)
}

/// Whether a process with this id still exists (a zombie counts until it is reaped).
pub fn process_exists(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw) else {
        return false;
    };
    rustix::process::test_kill_process(pid).is_ok()
}

/// Sends `signal` to the process `pid`.
pub fn send_signal(pid: u32, signal: rustix::process::Signal) -> anyhow::Result<()> {
    let raw = i32::try_from(pid)?;
    let pid = rustix::process::Pid::from_raw(raw)
        .ok_or_else(|| anyhow::anyhow!("bad pid {raw}"))?;
    rustix::process::kill_process(pid, signal)?;
    Ok(())
}
