//! The actor index in the real binary: `A` lists the actors once the index is built, Enter
//! shows an actor's timeline, Enter opens a briefing from it, and a quotation's row opens
//! its briefing with the quotes pane focused on it; Esc comes back one step at a time.

mod support;

use anyhow::ensure;
use support::pty::Launch;

#[test]
fn a_then_enter_then_enter_opens_a_briefing_from_an_actors_timeline() -> anyhow::Result<()> {
    let mut pty = Launch::new(&[])?.spawn()?;
    pty.wait_for("the library", |s| {
        s.contents().contains("Library: 6 briefings")
    })?;

    pty.send(b"A")?;
    // The index is built in the background: the list comes once it is up to date.
    let screen = pty.wait_for("the actor list", |s| {
        let text = s.contents();
        text.contains("Actors across the library") && text.contains("/26 actors")
    })?;
    ensure!(
        screen.contains("Office of the United"),
        "not most mentioned first:\n{screen}"
    );

    pty.send(b"\r")?;
    pty.wait_for("the first actor's timeline", |s| {
        s.contents().contains("Actor timeline") && s.contents().contains("1/")
    })?;
    pty.send(b"\r")?;
    pty.wait_for("a briefing open", |s| s.contents().contains("1 Headline"))?;

    // Esc: back to the timeline; Esc: the list; then Volker Türk by an Arabic alias.
    pty.send(b"\x1b")?;
    pty.wait_for("the timeline again", |s| {
        s.contents().contains("Actor timeline")
    })?;
    pty.send(b"\x1b")?;
    pty.wait_for("the list again", |s| {
        s.contents().contains("Actors across the library")
    })?;
    pty.send("/تورك\r".as_bytes())?;
    pty.wait_for("one actor left", |s| s.contents().contains("1/1 actors"))?;
    pty.send(b"\r")?;
    pty.wait_for("his timeline", |s| s.contents().contains("1/2 rows"))?;
    pty.send(b"j\r")?;
    let screen = pty.wait_for("his briefing at the quotation", |s| {
        s.contents().contains("▶ 3 Quotes ◀")
    })?;
    ensure!(screen.contains("1 Headline"), "no briefing:\n{screen}");
    pty.send(b"q")?;
    ensure!(pty.wait_exit_and_output()?.exit_code() == 0);
    Ok(())
}
