//! Ctrl-Z and SIGTSTP under a real job-control shell, a resize while stopped, and `fg`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support;
use crate::support::gate;
use crate::support_hostile::{
    Launch, Pty, TIMEOUT, assert_whole_run_clean, bin, process_alive, processes_running, wait_until,
};
use crate::{reference_screen, s, seed};

/// True when the process is stopped (state T), as a shell's Ctrl-Z leaves it.
fn stopped(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            stat.rsplit_once(')')
                .map(|(_, rest)| rest.trim_start().starts_with('T'))
        })
        .unwrap_or(false)
}

/// The child of `parent` running the brief binary.
fn brief_child_of(parent: u32) -> Option<u32> {
    processes_running(&bin()).into_iter().find(|pid| {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|stat| {
                let rest = stat.rsplit_once(')')?.1.to_owned();
                rest.split_whitespace().nth(1)?.parse::<u32>().ok()
            })
            == Some(parent)
    })
}

/// brief on the seed briefing under bash with job control, at `cols`×`rows`: the shell,
/// brief's pid, and the file; `None` (the test skipped) where there is no bash.
fn brief_under_bash(test: &str, cols: u16, rows: u16) -> Option<(Pty, u32, PathBuf)> {
    let (mut shell, pid, file) = brief_started_under_bash(test, cols, rows, "")?;
    shell.show("Headline", "brief did not start");
    Some((shell, pid, file))
}

/// The same, brief's command line led by `variables` (`NAME=value `), once its process
/// exists: it may not have drawn yet.
fn brief_started_under_bash(
    test: &str,
    cols: u16,
    rows: u16,
    variables: &str,
) -> Option<(Pty, u32, PathBuf)> {
    if !Path::new("/bin/bash").exists() {
        support::skipped(test, "no /bin/bash").unwrap_or_else(|e| panic!("{e}"));
        return None;
    }
    let file = seed();
    let mut shell = Launch::program("/bin/bash", &["--norc", "--noprofile", "-i"])
        .expect("set up bash")
        .size(cols, rows)
        .env("PS1", "READY$ ")
        .start();
    assert!(shell.wait_text("READY$"), "no prompt\n{}", shell.contents());
    shell.type_keys(format!("{variables}{} {}\r", s(&bin()), s(&file)).as_bytes());
    let parent = shell.pid().expect("the child's pid");
    let mut pid = None;
    wait_until(TIMEOUT, || {
        pid = brief_child_of(parent);
        pid.is_some()
    });
    Some((shell, pid.expect("brief's pid under the shell"), file))
}

/// Once brief is told to stop: it stops (state T) and the shell's prompt has the
/// terminal back, with the cursor shown.
fn assert_stopped_at_the_prompt(shell: &mut Pty, pid: u32, how: &str) {
    assert!(
        wait_until(TIMEOUT, || stopped(pid)),
        "brief did not stop on {how}"
    );
    assert!(
        shell.wait_until(TIMEOUT, |s| !s.alternate_screen()
            && s.contents().contains("READY$")),
        "the shell did not get the terminal back after {how}\n{}",
        shell.contents()
    );
    shell.with_screen(|s| assert!(!s.hide_cursor(), "cursor hidden at the shell prompt"));
}

/// `fg`: brief comes back drawn whole at the shell's size (`cols`×`rows`), the same screen
/// as a fresh start there; then `q` ends it cleanly and the shell exits.
fn fg_redraws_whole_then_quit(mut shell: Pty, pid: u32, file: &Path, size: (u16, u16), what: &str) {
    shell.type_keys(b"fg\r");
    let want = reference_screen(file, size.0, size.1);
    assert!(
        shell.wait_until(TIMEOUT, |s| s.alternate_screen() && s.contents() == want),
        "after fg the screen is not redrawn whole\n--- after fg ---\n{}\n--- fresh ---\n{want}",
        shell.contents()
    );
    shell.type_keys(b"q");
    assert!(
        wait_until(TIMEOUT, || !process_alive(pid)),
        "brief still running after q"
    );
    assert!(
        shell.wait_until(TIMEOUT, |s| !s.alternate_screen()),
        "alternate screen not left"
    );
    assert_whole_run_clean(&shell.raw(), what);
    shell.type_keys(b"exit\r");
    assert!(
        shell.exit_within(TIMEOUT).is_some(),
        "the shell did not exit"
    );
}

/// Ctrl-Z under bash with job control: brief stops (state T) and gives the terminal back
/// to the shell's prompt; the terminal is resized while it is stopped; `fg` brings it
/// back redrawn whole at the new size, the same screen as a fresh start there.
#[test]
fn ctrl_z_under_a_job_control_shell_then_resize_then_fg() {
    let test = "ctrl_z_under_a_job_control_shell_then_resize_then_fg";
    let Some((mut shell, pid, file)) = brief_under_bash(test, 120, 40) else {
        return;
    };
    shell.type_keys(b"\x1a");
    assert_stopped_at_the_prompt(&mut shell, pid, "Ctrl-Z");
    shell.set_size(100, 30);
    fg_redraws_whole_then_quit(
        shell,
        pid,
        &file,
        (100, 30),
        "brief under a job-control shell",
    );
}

/// SIGTSTP from outside (`kill -TSTP`, as another terminal or a script would send it) does
/// what Ctrl-Z does: brief gives the terminal back before it stops, so the shell's prompt
/// is usable, and `fg` brings it back drawn whole.
#[test]
fn tstp_from_outside_gives_the_terminal_back_then_fg_redraws() {
    let test = "tstp_from_outside_gives_the_terminal_back_then_fg_redraws";
    let Some((mut shell, pid, file)) = brief_under_bash(test, 100, 30) else {
        return;
    };
    let kill = Command::new("kill")
        .args(["-TSTP", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(kill.success());
    assert_stopped_at_the_prompt(&mut shell, pid, "SIGTSTP");
    fg_redraws_whole_then_quit(shell, pid, &file, (100, 30), "brief stopped from outside");
}

/// SIGTSTP during the start, with the main thread coming to take the terminal after the
/// signal's thread has given it back and before the stop: brief stops with the terminal
/// as the shell had it, not raw on the main screen, and `fg` brings it up drawn whole.
/// Gates hold brief before it takes the terminal and the stop before it happens, so the
/// test makes that order; the main thread, let go, has 300 ms to take the terminal.
#[test]
fn tstp_while_the_start_takes_the_terminal_stops_with_the_shells_terminal() {
    let test = "tstp_while_the_start_takes_the_terminal_stops_with_the_shells_terminal";
    let dir = tempfile::tempdir().expect("tempdir");
    let enter = gate::fifo(dir.path(), "enter").expect("enter gate");
    let stop = gate::fifo(dir.path(), "stop").expect("stop gate");
    let variables = format!(
        "BRIEF_TEST_ENTER_GATE={} BRIEF_TEST_STOP_GATE={} ",
        s(&enter),
        s(&stop)
    );
    let Some((mut shell, pid, file)) = brief_started_under_bash(test, 100, 30, &variables) else {
        return;
    };
    // At its gate the start has registered the signals' handlers: a SIGTSTP before them
    // would stop brief by the kernel's default, with no stop of brief's own to hold.
    let enter_held = gate::hold(&enter).expect("the start reaches its gate");
    let kill = Command::new("kill")
        .args(["-TSTP", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(kill.success());
    // Held open until the stop is let go: the signal's thread waits at its gate, the
    // terminal given back.
    let stop_held = gate::hold(&stop).expect("the stop reaches its gate");
    drop(enter_held);
    std::thread::sleep(std::time::Duration::from_millis(300));
    drop(stop_held);
    assert_stopped_at_the_prompt(&mut shell, pid, "SIGTSTP during the start");
    fg_redraws_whole_then_quit(shell, pid, &file, (100, 30), "brief stopped as it started");
}
