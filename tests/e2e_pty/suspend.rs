//! Ctrl-Z with no shell to stop brief: it gives the terminal back and takes it again.

use anyhow::{Context, ensure};

use crate::support::pty::Launch;
use crate::support::{self, find_bytes};
use crate::{ALT_SCREEN_OFF, ALT_SCREEN_ON, assert_restored, start};

/// With no shell to resume it (an orphaned process group) the kernel drops SIGTSTP, so
/// Ctrl-Z gives the terminal back and takes it again at once: the screen must come back
/// whole, not just the cells that changed.
#[test]
fn ctrl_z_gives_the_terminal_back_and_redraws_whole() -> anyhow::Result<()> {
    ctrl_z_round_trip(Launch::new(&[])?)
}

/// The same inside a PID namespace whose session and group leaders live outside it, where
/// getsid(2) answers 0: CI runs there, and brief once panicked on that 0.
#[test]
fn ctrl_z_in_a_pid_namespace_entered_from_outside() -> anyhow::Result<()> {
    let probe = std::process::Command::new("unshare")
        .args(["--pid", "--fork", "--mount-proc", "true"])
        .output();
    if !probe.as_ref().is_ok_and(|out| out.status.success()) {
        let why = format!("`unshare --pid` is not allowed here (needs CAP_SYS_ADMIN): {probe:?}");
        support::skipped("ctrl_z_in_a_pid_namespace_entered_from_outside", &why)?;
        return Ok(());
    }
    ctrl_z_round_trip(Launch::new(&[])?.in_new_pid_namespace())
}

fn ctrl_z_round_trip(launch: Launch) -> anyhow::Result<()> {
    let mut pty = start(launch)?;
    // The library may still be loading at the first frame, and the marks follow it: the
    // screen compared is the one it comes to.
    let before = pty.wait_for("the library loaded with its marks", |s| {
        let screen = s.contents();
        screen.starts_with("┌ Library: 6 briefings") && screen.contains(" new · ")
    })?;
    let sent_at = pty.raw().len();
    let screen = pty.press(b"\x1a")?;
    assert_eq!(screen, before, "screen not redrawn whole after Ctrl-Z");
    let raw = pty.raw();
    let after = &raw[sent_at..];
    let left = find_bytes(after, ALT_SCREEN_OFF).context("did not leave the screen")?;
    let back = find_bytes(after, ALT_SCREEN_ON).context("did not come back")?;
    ensure!(left < back, "came back before leaving");
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    assert_restored(&pty)
}
