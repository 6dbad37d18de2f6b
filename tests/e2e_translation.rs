//! Translations in the real binary, in a pseudo-terminal: `t` cycles the original, the
//! translation and side by side (pane titles naming the languages, the status line saying
//! which), and a search finds a word that only the translation has.

mod support;

use anyhow::ensure;
use support::pty::Launch;

const HEBREW: &str = "briefings/emek-arazim-water-plan.json";

#[test]
fn t_cycles_the_views_and_search_finds_the_translation() -> anyhow::Result<()> {
    let mut pty = Launch::new(&[HEBREW])?.size(160, 50).spawn()?;
    let first = pty.wait_frame_after(0, "the first frame")?;
    ensure!(first.contains("▶ 2 Body ◀"), "not the briefing:\n{first}");
    ensure!(
        !first.contains("The decision"),
        "English shown at first:\n{first}"
    );

    pty.send(b"t")?;
    let translated = pty.wait_for("the translation", |s| {
        s.contents().contains("▶ 2 Body · en ◀")
    })?;
    ensure!(translated.contains("translation: en"), "{translated}");
    ensure!(translated.contains("The decision"), "{translated}");

    pty.send(b"t")?;
    let both = pty.wait_for("side by side", |s| {
        s.contents().contains("▶ 2 Body · he | en ◀")
    })?;
    ensure!(both.contains("side by side with en"), "{both}");
    // The Hebrew heading and its translation on one row, the column rule between them.
    let row = both
        .lines()
        .find(|line| line.contains("│ The decision"))
        .unwrap_or_default();
    ensure!(row.contains("הטלחהה"), "no paired heading row:\n{both}");

    // The body's list and the points pane's, both in English only.
    pty.send(b"/leaks\r")?;
    let found = pty.wait_for("the matches in the translation", |s| {
        s.contents().contains("match 1 of 2")
    })?;
    ensure!(found.contains("Repair of 40 known leaks"), "{found}");

    // Esc alone (followed at once by `t` it would read as Alt-t) clears the search.
    pty.send(b"\x1b")?;
    pty.wait_for("the search cleared", |s| {
        !s.contents().contains("match 1 of 2")
    })?;
    pty.send(b"t")?;
    let original = pty.wait_for("the original again", |s| {
        let text = s.contents();
        text.contains("▶ 2 Body ◀") && text.contains("the original")
    })?;
    ensure!(!original.contains("The decision"), "{original}");
    pty.send(b"q")?;
    ensure!(pty.wait_exit_and_output()?.exit_code() == 0);
    Ok(())
}
