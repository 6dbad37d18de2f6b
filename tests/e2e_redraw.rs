//! Ctrl-L, as in less, vim and mutt: over a noisy link, or after another program wrote on
//! the terminal, the screen is cleared and drawn whole. Proof from the outside: the bytes
//! brief writes after the key, fed to a blank terminal, give the whole screen.

mod support;

use anyhow::ensure;
use support::find_bytes;
use support::pty::{Launch, Pty};

const CLEAR_SCREEN: &[u8] = b"\x1b[2J";

/// The screen a blank terminal of the pty's size shows after only the bytes written since
/// `from`.
fn replayed_from(pty: &Pty, from: usize) -> String {
    let raw = pty.raw();
    let (rows, cols) = pty.with_output(|out| out.screen().size());
    let mut blank = vt100::Parser::new(rows, cols, 0);
    blank.process(&raw[from..]);
    blank.screen().contents()
}

#[test]
fn ctrl_l_clears_and_draws_the_whole_screen() -> anyhow::Result<()> {
    let mut pty = Launch::new(&["briefings/libya-ohchr-geneva.json"])?.spawn()?;
    let first = pty.wait_frame_after(0, "the first frame")?;
    ensure!(first.contains("Body"), "not the briefing screen:\n{first}");

    // The control: an ordinary scroll only rewrites what changed, so replaying its bytes
    // alone does not give the screen. Without this the check below could not fail.
    let before_scroll = pty.raw().len();
    let scrolled = pty.press(b"j")?;
    ensure!(scrolled != first, "j did not scroll the body");
    ensure!(
        replayed_from(&pty, before_scroll) != scrolled,
        "a one-line scroll rewrote the whole screen"
    );

    let before_redraw = pty.raw().len();
    let redrawn = pty.press(b"\x0c")?;
    assert_eq!(redrawn, scrolled, "Ctrl-L changed what the screen shows");
    ensure!(
        find_bytes(&pty.raw()[before_redraw..], CLEAR_SCREEN).is_some(),
        "Ctrl-L did not clear the screen"
    );
    assert_eq!(
        replayed_from(&pty, before_redraw),
        scrolled,
        "the bytes after Ctrl-L do not draw the whole screen"
    );
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}
