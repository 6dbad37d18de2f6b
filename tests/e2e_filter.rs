//! The library's `/` filter in the real binary: keys typed into a pseudo-terminal, Arabic
//! included (UTF-8 read by crossterm), the list and title following each key, Esc.

mod support;

use anyhow::ensure;
use support::pty::Launch;

#[test]
fn typing_filters_the_library_and_esc_brings_it_all_back() -> anyhow::Result<()> {
    let mut pty = Launch::new(&[])?.spawn()?;
    let first = pty.wait_frame_after(0, "the first frame")?;
    ensure!(first.contains("Library: 6 briefings"), "{first}");

    pty.send("/الباعور".as_bytes())?;
    let screen = pty.wait_for("the Arabic filter", |s| {
        s.contents().contains("Library: 1 shown of 6 briefings")
    })?;
    ensure!(
        !screen.contains("Veyra"),
        "an English briefing left in:\n{screen}"
    );

    pty.send(b"\x7f\x7f\x7f\x7f\x7f\x7f\x7fwater\r")?;
    // The search runs on a worker: its results come after the key that asked for it.
    let screen = pty.wait_for("the English filter, kept", |s| {
        let text = s.contents();
        text.contains("filter \"water\"") && text.contains("Library: 3 shown of 6 briefings")
    })?;
    ensure!(screen.contains("Veyra Basin"), "{screen}");

    pty.send(b"\x1b")?;
    let screen = pty.wait_for("the whole library", |s| {
        s.contents().contains("Library: 6 briefings")
    })?;
    ensure!(!screen.contains("filter \""), "{screen}");
    pty.send(b"q")?;
    ensure!(pty.wait_exit_and_output()?.exit_code() == 0);
    Ok(())
}
