//! A long briefing named on the command line: its first frame comes from its head (the
//! file's first and last pieces) while the whole is parsed, and keys typed meanwhile act
//! on the whole. The loader holds the whole parse at a gate (brief's
//! `BRIEF_TEST_WHOLE_GATE` hook, a FIFO here) until the test opens it, so the head is on
//! screen, however fast the machine.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, ensure};
use serde_json::Value;
use support::gate;
use support::pty::{Launch, Pty};

const LIBYA: &str = "briefings/libya-ohchr-geneva.json";
const LAST_WORDS: &str = "the very last paragraph";

/// The Libya briefing, untranslated, its body repeated to about 3 MB and ending in
/// `LAST_WORDS`.
fn long_file(dir: &Path) -> anyhow::Result<PathBuf> {
    let text = std::fs::read_to_string(support::repo_root().join(LIBYA))?;
    let mut document: Value = serde_json::from_str(&text)?;
    document
        .as_object_mut()
        .context("a briefing is an object")?
        .remove("translations");
    let body = document["body"].as_array().cloned().unwrap_or_default();
    let mut long: Vec<Value> = body
        .iter()
        .cycle()
        .take(body.len() * 300)
        .cloned()
        .collect();
    long.push(Value::from(LAST_WORDS));
    document["body"] = Value::Array(long);
    let path = dir.join("long.json");
    std::fs::write(&path, serde_json::to_string_pretty(&document)?)?;
    Ok(path)
}

/// brief on a long file, its whole parse held at a gate; the gate, to open.
fn launch_held(dir: &Path) -> anyhow::Result<(Pty, PathBuf)> {
    let path = long_file(dir)?;
    let gate = gate::fifo(dir, "gate")?;
    let pty = Launch::new(&[&path.to_string_lossy()])?
        .env("BRIEF_TEST_WHOLE_GATE", gate.as_os_str())
        .size(120, 40)
        .spawn()?;
    Ok((pty, gate))
}

#[test]
fn the_head_shows_first_and_keys_typed_meanwhile_act_on_the_whole() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let (mut pty, gate) = launch_held(dir.path())?;
    let head = pty.wait_frame_after(0, "the head's frame")?;
    ensure!(
        head.contains("2 Body") && head.contains("5 Actors"),
        "the first frame is not the briefing:\n{head}"
    );
    pty.send(b"G")?;
    // The key waits while the whole is awaited: the body stays at its top (a slow machine
    // only makes this easier to pass; what decides is the end shown below).
    std::thread::sleep(Duration::from_millis(300));
    let held = pty.screen_text();
    ensure!(
        held.contains("━ 1-"),
        "a key was answered on the head:\n{held}"
    );
    gate::open(&gate)?;
    let end = pty.wait_for("the whole briefing's end", |s| {
        s.contents().contains(LAST_WORDS)
    })?;
    ensure!(!end.contains("reloaded"), "the whole was announced:\n{end}");
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}

#[test]
fn quitting_does_not_wait_for_the_whole() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    // The gate is never opened: the whole never comes.
    let (mut pty, _gate) = launch_held(dir.path())?;
    pty.wait_frame_after(0, "the head's frame")?;
    pty.send(b"jq")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}
