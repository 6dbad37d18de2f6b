//! The built binary in a pseudo-terminal, its output parsed by vt100: start-up, every way
//! out (q, panic, signals, hang-up) and what it leaves the terminal in, the locale check,
//! Ctrl-Z, and a reading session over the bundled briefings.

#[path = "../support/mod.rs"]
mod support;

mod exits;
mod prompt;
mod session;
mod startup;
mod suspend;

use anyhow::{Context, ensure};
use support::pty::{Launch, Pty};
use support::{SYNC_BEGIN, find_bytes, rfind_bytes};

const ALT_SCREEN_ON: &[u8] = b"\x1b[?1049h";
const ALT_SCREEN_OFF: &[u8] = b"\x1b[?1049l";
const BIDI_EXPLICIT: &[u8] = b"\x1b[8l";
const BIDI_IMPLICIT: &[u8] = b"\x1b[8h";

/// After brief has exited: normal screen, visible cursor, no mouse reporting, the bidi mode
/// put back (`CSI 8 h` after the last `CSI 8 l`), and no frame begun after leaving.
fn assert_restored(pty: &Pty) -> anyhow::Result<()> {
    pty.with_output(|out| {
        let screen = out.screen();
        let text = out.screen_text();
        ensure!(
            !screen.alternate_screen(),
            "still on the alternate screen:\n{text}"
        );
        ensure!(!screen.hide_cursor(), "cursor still hidden:\n{text}");
        ensure!(
            screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None,
            "mouse reporting still on"
        );
        let explicit = rfind_bytes(&out.raw, BIDI_EXPLICIT).context("CSI 8 l never sent")?;
        let implicit = rfind_bytes(&out.raw, BIDI_IMPLICIT).context("CSI 8 h never sent")?;
        ensure!(
            implicit > explicit,
            "CSI 8 h not sent after the last CSI 8 l"
        );
        let left = rfind_bytes(&out.raw, ALT_SCREEN_OFF).context("alternate screen never left")?;
        let began = rfind_bytes(&out.raw, SYNC_BEGIN).unwrap_or(0);
        ensure!(
            left > began,
            "a frame began after the alternate screen was left"
        );
        Ok(())
    })
}

/// Starts `brief ARGS` on the bundled briefings and waits for its first whole frame.
fn start(launch: Launch) -> anyhow::Result<Pty> {
    let pty = launch.spawn()?;
    pty.wait_frame_after(0, "the first frame")?;
    Ok(pty)
}

/// Runs brief where it must refuse before the terminal is touched: exit status 2 and no
/// alternate screen. What it printed.
fn refused_before_setup(launch: Launch) -> anyhow::Result<String> {
    let mut pty = launch.spawn()?;
    let exit = pty.wait_exit_and_output()?;
    assert_eq!(exit.exit_code(), 2);
    ensure!(
        find_bytes(&pty.raw(), ALT_SCREEN_ON).is_none(),
        "terminal was set up"
    );
    Ok(pty.screen_text())
}
