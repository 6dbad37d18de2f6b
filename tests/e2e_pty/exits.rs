//! Every way out: q, a panic, signals, a hang-up, and no terminal at all; each leaves the
//! terminal as it found it and exits with its own status.

use anyhow::{Context, ensure};
use rustix::process::Signal;

use crate::support::pty::{Launch, stty_after_exit};
use crate::support::{self, SYNC_BEGIN, find_bytes};
use crate::{ALT_SCREEN_ON, BIDI_EXPLICIT, assert_restored, start};

#[test]
fn quit_restores_the_terminal_and_exits_0() -> anyhow::Result<()> {
    let mut pty = start(Launch::new(&[])?.through_shell())?;
    pty.with_output(|out| {
        let on = find_bytes(&out.raw, ALT_SCREEN_ON).context("no alternate screen")?;
        let bidi = find_bytes(&out.raw, BIDI_EXPLICIT).context("no CSI 8 l at start")?;
        let frame = find_bytes(&out.raw, SYNC_BEGIN).context("no synchronized frame")?;
        ensure!(
            on < frame && bidi < frame,
            "modes set after the first frame"
        );
        ensure!(out.screen().hide_cursor(), "cursor shown while reading");
        Ok(())
    })?;
    // Queries stall over SSH (the answer takes a round trip, or never comes): none at all.
    let raw = pty.raw();
    for query in [
        &b"\x1b[6n"[..],
        b"\x1b[c",
        b"\x1b[>c",
        b"\x1b[?u",
        b"\x1b]11;?",
    ] {
        ensure!(
            find_bytes(&raw, query).is_none(),
            "terminal query {query:?} sent"
        );
    }
    pty.send(b"q")?;
    let after = stty_after_exit(&mut pty)?;
    assert_eq!(after.status, 0);
    ensure!(
        after.cooked,
        "raw mode still on after exit:\n{}",
        after.stty
    );
    assert_restored(&pty)
}

#[test]
fn forced_panic_restores_the_terminal_and_exits_101() -> anyhow::Result<()> {
    let launch = Launch::new(&[])?
        .env("BRIEF_TEST_PANIC", "1")
        .through_shell();
    let mut pty = launch.spawn()?;
    let after = stty_after_exit(&mut pty)?;
    assert_eq!(after.status, 101, "{}", after.stty);
    ensure!(
        after.cooked,
        "raw mode still on after the panic:\n{}",
        after.stty
    );
    // The message is printed after leaving the alternate screen, so it stays visible.
    ensure!(
        after.stty.contains("BRIEF_TEST_PANIC"),
        "no panic message:\n{}",
        after.stty
    );
    assert_restored(&pty)
}

/// Sends `signal` while brief waits for input; it must restore and exit 128+signo.
fn signal_restores(signal: Signal, status: u32) -> anyhow::Result<()> {
    let mut pty = start(Launch::new(&[])?)?;
    let pid = pty.pid()?;
    support::process::send_signal(pid, signal)?;
    let exit = pty.wait_exit_and_output()?;
    assert_eq!(
        exit.signal(),
        None,
        "killed by the signal instead of handling it"
    );
    assert_eq!(exit.exit_code(), status);
    assert_restored(&pty)
}

#[test]
fn sigterm_restores_and_exits_143() -> anyhow::Result<()> {
    signal_restores(Signal::TERM, 143)
}

#[test]
fn sighup_restores_and_exits_129() -> anyhow::Result<()> {
    signal_restores(Signal::HUP, 129)
}

#[test]
fn sigquit_restores_and_exits_131() -> anyhow::Result<()> {
    signal_restores(Signal::QUIT, 131)
}

#[test]
fn sigint_restores_and_exits_130() -> anyhow::Result<()> {
    signal_restores(Signal::INT, 130)
}

/// crossterm#793: once the tty is gone its reader spins. With no controlling terminal the
/// kernel sends no SIGHUP, so only brief's own hang-up watch can end the process.
#[test]
fn hang_up_without_sighup_leaves_no_process() -> anyhow::Result<()> {
    let mut pty = start(Launch::new(&[])?.no_controlling_tty())?;
    let pid = pty.pid()?;
    pty.hang_up(b"j")?;
    let exit = pty.wait_exit()?;
    assert_eq!(exit.exit_code(), 129, "{exit:?}");
    ensure!(
        !support::process::process_alive(pid),
        "process {pid} still there"
    );
    Ok(())
}

/// The SSH case: the controlling terminal hangs up (SIGHUP and a dead tty at once).
#[test]
fn hang_up_of_the_controlling_terminal_exits_129() -> anyhow::Result<()> {
    let mut pty = start(Launch::new(&[])?)?;
    pty.hang_up(b"j")?;
    let exit = pty.wait_exit()?;
    assert_eq!(exit.signal(), None, "{exit:?}");
    assert_eq!(exit.exit_code(), 129);
    Ok(())
}

#[test]
fn without_a_terminal_it_says_so_and_exits_2() -> anyhow::Result<()> {
    let out = std::process::Command::new(support::brief_bin())
        .current_dir(support::repo_root())
        .env("LANG", "C.UTF-8")
        .stdin(std::process::Stdio::null())
        .output()?;
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    ensure!(stderr.contains("not a terminal"), "stderr: {stderr}");
    ensure!(out.stdout.is_empty(), "wrote to a pipe: {:?}", out.stdout);
    Ok(())
}
