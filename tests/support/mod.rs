//! Harness for end-to-end tests of the real `brief` binary in a terminal: `pty` runs it in a
//! pseudo-terminal whose output a terminal emulator crate (vt100) turns into a screen (the
//! hostile-input tests and the terminal benchmarks use the same harness); `tmux` runs it in
//! a private tmux server; `emulated` shows frames rendered in-process on the same emulator.
//! Waits poll (every 20 ms, at most 20 s) and fail with the last screen; none ever sleeps
//! a fixed time.

// Each test file uses part of the harness; the rest would be dead code, or unused
// re-exports, there.
#![allow(dead_code, unused_imports)]

pub mod emulated;
pub mod gate;
pub mod link;
pub mod process;
pub mod pty;
pub mod recorder;
pub mod screen;
pub mod tmux;

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long any wait may take before the test fails. Generous: CI machines are slow (and
/// several tmux servers at once slower still), and a wait that succeeds returns as soon as
/// its condition holds.
pub const TIMEOUT: Duration = Duration::from_secs(20);
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
        // The review state and the index: the reader writes both.
        ("XDG_STATE_HOME".into(), home.join(".local/state").into()),
        ("XDG_CACHE_HOME".into(), home.join(".cache").into()),
        ("LANG".into(), "C.UTF-8".into()),
        ("TERM".into(), "xterm-256color".into()),
    ]
}

/// Polls `pred` until it holds (true) or `timeout` has passed (false).
pub fn wait_until(timeout: Duration, mut pred: impl FnMut() -> bool) -> bool {
    let deadline = std::time::Instant::now() + timeout;
    loop {
        if pred() {
            return true;
        }
        if std::time::Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(POLL);
    }
}

/// Whether `text` occurs in `haystack`, as bytes.
pub fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The text of the first complete frame in the raw output `raw`: a first frame draws every
/// cell, so all its text is there, between the escapes.
pub fn first_frame_text(raw: &[u8]) -> anyhow::Result<String> {
    use anyhow::Context;
    let begin = find_bytes(raw, SYNC_BEGIN).context("no frame began")?;
    let end = find_bytes(&raw[begin..], SYNC_END).context("the first frame never ended")?;
    Ok(String::from_utf8_lossy(&raw[begin..begin + end]).into_owned())
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
    require(found, tool, test)
}

/// `require_tool` for a tool found some other way (`found`).
pub fn require(found: bool, tool: &str, test: &str) -> anyhow::Result<bool> {
    if found {
        return Ok(true);
    }
    let why = format!("`{tool}` is not installed (.ci/run must install it)");
    skipped(test, &why)?;
    Ok(false)
}

/// Says loudly, past the test harness's capture, that `test` did not run and why; an error
/// instead when CI is set, since CI has every capability the tests need and a silent skip
/// there would hide a broken set-up.
pub fn skipped(test: &str, why: &str) -> anyhow::Result<()> {
    if std::env::var_os("CI").is_some() {
        anyhow::bail!("{test} cannot run, and CI is set: {why}");
    }
    // Straight to stderr: eprintln! would be captured, and shown only if the test failed.
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {why}");
    Ok(())
}

/// A bundled sample briefing, parsed, for expectations derived from its text.
pub fn sample(file: &str) -> anyhow::Result<serde_json::Value> {
    let path = briefings_dir().join(file);
    let text = std::fs::read_to_string(&path)?;
    Ok(serde_json::from_str(&text)?)
}

/// The first `n` characters of a string field of `value`.
pub fn field_prefix(value: &serde_json::Value, field: &str, n: usize) -> anyhow::Result<String> {
    let text = value[field]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("no string field {field}"))?;
    Ok(text.chars().take(n).collect())
}

/// What `y` must copy for quotation `index`, built from the JSON by the rule in issue 4:
/// «text» — speaker, role, source, date. The speaker field is an actor's id, name or alias
/// (compared without case); the name and role come from that actor; the source is its name,
/// else its URL.
pub fn expected_attribution(briefing: &serde_json::Value, index: usize) -> anyhow::Result<String> {
    let quote = &briefing["quotes"][index];
    let text = quote["text"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("no quote {index}"))?;
    let speaker = quote["speaker"].as_str().unwrap_or_default();
    let wanted = speaker.trim().to_lowercase();
    let actors = briefing["actors"].as_array().cloned().unwrap_or_default();
    let actor = actors.iter().find(|actor| {
        let names = ["id", "name"].map(|k| actor[k].as_str().unwrap_or_default().to_string());
        let aliases = actor["aliases"].as_array().cloned().unwrap_or_default();
        let aliases = aliases
            .iter()
            .filter_map(|a| a.as_str().map(str::to_string));
        names
            .into_iter()
            .chain(aliases)
            .any(|n| n.trim().to_lowercase() == wanted)
    });
    let name = actor.and_then(|a| a["name"].as_str()).unwrap_or(speaker);
    let role = actor.and_then(|a| a["role"].as_str());
    let source = &briefing["source"];
    let source = source["name"].as_str().or(source["url"].as_str());
    let date = briefing["date"].as_str();
    let parts: Vec<&str> = [Some(name), role, source, date]
        .into_iter()
        .flatten()
        .collect();
    Ok(format!("«{text}» — {}", parts.join(", ")))
}
