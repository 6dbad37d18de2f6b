//! The hostile corpus (`tests/hostile/`) opened in the real binary in a pseudo-terminal.
//! Each test asserts on the raw bytes brief writes (nothing from a briefing acts on the
//! terminal: no OSC, DCS, APC, PM, SOS, no C1, no BEL, BS or other C0 control, only the
//! CSI sequences ratatui and crossterm write) and on the screen vt100 parses from them
//! (the text shown with visible symbols, pane borders straight, and no window title,
//! clipboard write, bell or resize request).

// Tests fail by panicking: `expect` says what was being done when it failed.
#![allow(clippy::expect_used)]

#[path = "../support/mod.rs"]
mod support;
#[path = "../support_hostile/mod.rs"]
mod support_hostile;

mod clipboard;
mod harness;
mod injection;
mod library;

use std::path::{Path, PathBuf};

use support_hostile::{
    Allow, Pty, audit, bidi_controls_in, control_chars_on_screen, corpus_dir, launch_brief,
};

const COLS: u16 = 200;

const ROWS: u16 = 60;

fn corpus(name: &str) -> PathBuf {
    corpus_dir().join(name)
}

fn open(file: &Path) -> Pty {
    launch_brief(&[file.to_str().expect("utf-8 path")])
        .size(COLS, ROWS)
        .start()
}

/// Fails with everything the audit found and the screen, if anything from the briefing
/// reached the terminal as a control.
fn assert_raw_clean(pty: &Pty, what: &str, allow: Allow) {
    let raw = pty.raw();
    let found = audit(&raw, allow);
    assert!(
        found.is_empty(),
        "{what}: escape sequences or controls that brief must never write: {:#?}\n--- screen ---\n{}",
        &found[..found.len().min(20)],
        pty.contents()
    );
    // Embedding, override and isolate controls are applied by the engine (or dropped in
    // `--bidi terminal`); sent on, a terminal that reorders rows would apply them across
    // the whole row, neighbouring panes included.
    let bidi = bidi_controls_in(&String::from_utf8_lossy(&raw));
    assert!(bidi.is_empty(), "{what}: bidi controls written: {bidi:?}");
    let attacks = pty.recorder().attacks_seen();
    assert!(
        attacks.is_empty(),
        "{what}: the terminal was acted on: {attacks:#?}"
    );
}

fn assert_no_controls_on_screen(pty: &Pty, what: &str) {
    let found = pty.with_screen(control_chars_on_screen);
    assert!(
        found.is_empty(),
        "{what}: control characters in cells: {found:?}"
    );
}
