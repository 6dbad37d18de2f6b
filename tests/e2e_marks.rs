//! The review marks in the real binary, in a pseudo-terminal: marked, flagged and noted
//! briefings are all still there when brief starts again on the same state, two readers
//! on one shared state see each other's marks after Ctrl-L, and the first frame does not
//! wait for the state: the marks follow it.

mod support;

use std::path::Path;

use anyhow::ensure;
use support::pty::{Launch, Pty};

/// brief on the bundled briefings, marking as `who` in the state file `state`.
fn reader(state: &Path, who: &str) -> anyhow::Result<Pty> {
    let state = state.to_str().unwrap_or_default();
    let pty = Launch::new(&["--state", state])?.env("USER", who).spawn()?;
    pty.wait_for("the library with its marks", |s| {
        s.contents().contains("Library: 6 briefings")
    })?;
    Ok(pty)
}

fn title_says(pty: &Pty, what: &str) -> anyhow::Result<String> {
    pty.wait_for(what, |s| {
        s.contents()
            .lines()
            .next()
            .is_some_and(|l| l.contains(what))
    })
}

#[test]
fn marks_flags_and_notes_are_there_when_brief_starts_again() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let state = dir.path().join("state.db");
    let mut pty = reader(&state, "amira")?;
    title_says(&pty, "6 new · 0 reviewed · 0 flagged")?;
    pty.send(b"r")?;
    title_says(&pty, "5 new · 1 reviewed · 0 flagged")?;
    pty.send(b"jf")?;
    title_says(&pty, "4 new · 1 reviewed · 1 flagged")?;
    pty.send("ja".as_bytes())?;
    pty.wait_for("the note's prompt", |s| s.contents().contains("note: "))?;
    pty.send("للعرض\r".as_bytes())?;
    title_says(&pty, "3 new · 1 reviewed · 1 flagged")?;
    pty.send(b"q")?;
    ensure!(pty.wait_exit_and_output()?.exit_code() == 0);

    let mut pty = reader(&state, "amira")?;
    let screen = title_says(&pty, "3 new · 1 reviewed · 1 flagged")?;
    let rows: Vec<&str> = screen.lines().skip(1).take(3).collect();
    ensure!(rows[0].starts_with("│▌✓"), "{screen}");
    ensure!(rows[1].starts_with("│ ·⚑"), "{screen}");
    ensure!(rows[2].starts_with("│ · ✎"), "{screen}");
    // The third opens with the note in its status line.
    pty.send(b"jj\r")?;
    let screen = pty.wait_for("the briefing with its note", |s| {
        s.contents().contains("amira: ")
    })?;
    ensure!(screen.contains("amira: "), "{screen}");
    pty.send(b"q")?;
    ensure!(pty.wait_exit_and_output()?.exit_code() == 0);
    Ok(())
}

#[test]
fn two_readers_on_one_state_see_each_others_marks_after_ctrl_l() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let state = dir.path().join("shared.db");
    let mut amira = reader(&state, "amira")?;
    let mut omar = reader(&state, "omar")?;
    amira.send(b"r")?;
    title_says(&amira, "1 reviewed")?;
    // Omar's own counts stay his; the detail says someone reviewed it.
    omar.send(b"\x0c")?;
    let screen = omar.wait_for("amira's review", |s| s.contents().contains("reviewed by 1"))?;
    ensure!(screen.contains("6 new · 0 reviewed"), "{screen}");
    omar.send(b"r")?;
    title_says(&omar, "1 reviewed")?;
    amira.send(b"\x0c")?;
    amira.wait_for("both reviews", |s| s.contents().contains("reviewed by 2"))?;
    for pty in [&mut amira, &mut omar] {
        pty.send(b"q")?;
        ensure!(pty.wait_exit_and_output()?.exit_code() == 0);
    }
    Ok(())
}

#[test]
fn a_state_that_cannot_be_made_leaves_the_reader_without_marks_saying_why() -> anyhow::Result<()> {
    // A folder under a file cannot be made, even by root.
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("a-file");
    std::fs::write(&file, "")?;
    let mut pty = reader(&file.join("state.db"), "amira")?;
    let screen = pty.wait_for("why marks are off", |s| {
        s.contents().contains("marks are off: ")
    })?;
    ensure!(!screen.contains(" new ·"), "{screen}");
    // The reader goes on: a briefing opens, and `r` says again why it cannot mark.
    pty.send(b"\r")?;
    pty.wait_for("the briefing", |s| s.contents().contains("1 Headline"))?;
    pty.send(b"r")?;
    pty.wait_for("why it cannot mark", |s| {
        s.contents().contains("marks are off: ")
    })?;
    pty.send(b"q")?;
    ensure!(pty.wait_exit_and_output()?.exit_code() == 0);
    Ok(())
}

#[test]
fn a_damaged_state_is_moved_aside_and_the_reader_marks_in_a_new_one() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let state = dir.path().join("state.db");
    let damaged = b"not a database, whatever it was".repeat(200);
    std::fs::write(&state, &damaged)?;
    let mut pty = reader(&state, "amira")?;
    pty.wait_for("the damage said", |s| s.contents().contains("damaged"))?;
    pty.send(b"r")?;
    title_says(&pty, "5 new · 1 reviewed")?;
    pty.send(b"q")?;
    ensure!(pty.wait_exit_and_output()?.exit_code() == 0);
    let aside: Vec<_> = std::fs::read_dir(dir.path())?
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().contains(".corrupt-"))
        .collect();
    ensure!(aside.len() == 1, "{aside:?}");
    ensure!(
        std::fs::read(aside[0].path())? == damaged,
        "the damaged file was changed"
    );
    Ok(())
}

/// The review state's open held back at a gate (brief's `BRIEF_TEST_STATE_GATE` hook, a
/// FIFO): the library's first frame comes without marks, and they follow once it opens.
#[test]
fn the_first_frame_does_not_wait_for_the_review_state() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let state = dir.path().join("state.db");
    let gate = support::gate::fifo(dir.path(), "gate")?;
    let state_arg = state.to_string_lossy().into_owned();
    let mut pty = Launch::new(&["--state", &state_arg])?
        .env("BRIEF_TEST_STATE_GATE", &gate)
        .spawn()?;
    let first = pty.wait_for("the library", |s| {
        s.contents().contains("Library: 6 briefings")
    })?;
    ensure!(
        !first.contains(" new · "),
        "marks before the state opened:\n{first}"
    );
    support::gate::open(&gate)?;
    title_says(&pty, "6 new · 0 reviewed · 0 flagged")?;
    pty.send(b"q")?;
    ensure!(pty.wait_exit_and_output()?.exit_code() == 0);
    Ok(())
}
