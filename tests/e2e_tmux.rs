//! The built binary inside tmux, where analysts run it: a reading session with the copy
//! landing in tmux's paste buffer, Ctrl-Z and `fg` from a real job-control shell, signals
//! and a killed pane. Each test runs its own tmux server on a private socket. Without tmux
//! a test says SKIPPED on stderr, or fails when CI is set.

mod support;

use anyhow::{Context, ensure};
use rustix::process::Signal;
use support::screen::{exit_line, focused_position, selected_row};
use support::tmux::{Tmux, brief_command, quote};

/// The pane's title before brief starts: brief must leave it as it was.
const KNOWN_TITLE: &str = "TITLE-BEFORE-BRIEF";

/// capture-pane drops trailing spaces, so the prompt has none to lose.
const TEST_PROMPT: &str = "brief-test$";

/// Runs `command`, then prints `exit=N` and keeps the pane alive (a dead pane reports its
/// cursor hidden whatever brief did, so the state must be read from a live one).
fn then_report(command: &str) -> String {
    format!("{command}; echo \"exit=$?\"; exec sleep 3600")
}

/// Waits for the `exit=N` line of `then_report` and returns N.
fn reported_exit(tmux: &Tmux) -> anyhow::Result<i32> {
    let screen = tmux.wait_for("brief to exit", |s| s.contains("exit="))?;
    let (_, status) = exit_line(&screen).context("no exit line")?;
    Ok(status)
}

/// After brief has gone: the pane is on its normal screen with the cursor shown.
fn assert_restored(tmux: &Tmux) -> anyhow::Result<()> {
    assert_eq!(tmux.format("#{alternate_on}")?, "0", "{}", tmux.capture()?);
    assert_eq!(tmux.format("#{cursor_flag}")?, "1", "cursor hidden");
    Ok(())
}

#[test]
fn reading_session_in_tmux() -> anyhow::Result<()> {
    // The pane waits for `go`, so that its title is set before brief writes anything.
    let gate = tempfile::tempdir()?;
    let go = gate.path().join("go");
    let wait_for_go = format!(
        "while [ ! -e {} ]; do sleep 0.05; done",
        quote(&go.to_string_lossy())
    );
    let command = then_report(&format!("{wait_for_go}; {}", brief_command(&[])));
    let Some(tmux) = Tmux::start("reading_session_in_tmux", &command)? else {
        return Ok(());
    };
    let english = support::sample("veyra-basin-talks.json")?;
    let headline = support::field_prefix(&english, "headline", 20)?;
    tmux.run(&["select-pane", "-t", tmux.target(), "-T", KNOWN_TITLE])?;
    assert_eq!(tmux.format("#{pane_title}")?, KNOWN_TITLE);
    std::fs::write(&go, b"")?;

    let mut screen = tmux.wait_for("the library", |s| s.contains("Library"))?;
    assert_eq!(tmux.format("#{alternate_on}")?, "1");
    assert_eq!(
        tmux.format("#{cursor_flag}")?,
        "0",
        "cursor shown while reading"
    );
    for _ in 0..10 {
        if selected_row(&screen).is_some_and(|row| row.contains(&headline)) {
            break;
        }
        let before = screen.clone();
        tmux.send_keys(&["j"])?;
        screen = tmux.wait_for("the selection to move", |s| s != before)?;
    }
    tmux.send_keys(&["Enter"])?;
    tmux.wait_for("the briefing", |s| {
        s.contains("1 Headline") && s.contains(&headline)
    })?;

    tmux.send_keys(&["3"])?;
    tmux.wait_for("quotes focused", |s| s.contains("▶ 3 Quotes ◀"))?;
    tmux.send_keys(&["Tab"])?;
    tmux.wait_for("points focused", |s| s.contains("▶ 4 Points ◀"))?;
    tmux.send_keys(&["2"])?;
    let screen = tmux.wait_for("body focused", |s| s.contains("▶ 2 Body ◀"))?;
    let top = focused_position(&screen).context("no body position")?;
    tmux.send_keys(&["j", "j", "j"])?;
    tmux.wait_for("the body 3 lines down", |s| {
        focused_position(s) == Some(top + 3)
    })?;

    tmux.send_keys(&["/"])?;
    tmux.send_text("reservoir")?;
    tmux.send_keys(&["Enter"])?;
    tmux.wait_for("the first match", |s| s.contains("match 1 of "))?;
    tmux.send_keys(&["?"])?;
    tmux.wait_for("help", |s| s.contains("show or hide this help"))?;
    tmux.send_keys(&["?"])?;
    tmux.wait_for("help closed", |s| s.contains("1 Headline"))?;

    tmux.resize(20, 5)?;
    tmux.wait_for("the 20×5 layout", |s| {
        s.lines().count() == 5 && s.chars().any(char::is_alphanumeric) && !s.contains("1 Headline")
    })?;
    tmux.resize(100, 30)?;
    tmux.wait_for("the full layout", |s| {
        s.contains("1 Headline") && s.contains("5 Actors")
    })?;

    tmux.send_keys(&["3", "y"])?;
    tmux.wait_for("the copy message", |s| s.contains("copied"))?;
    let expected = support::expected_attribution(&english, 0)?;
    assert_eq!(
        tmux.paste_buffer()?,
        expected,
        "OSC 52 did not reach tmux's buffer"
    );

    tmux.send_keys(&["q"])?;
    assert_eq!(reported_exit(&tmux)?, 0);
    assert_restored(&tmux)?;
    assert_eq!(
        tmux.format("#{pane_title}")?,
        KNOWN_TITLE,
        "the window title changed"
    );
    Ok(())
}

/// Ctrl-Z in a job-control shell stops brief and gives the shell a usable terminal; `fg`
/// brings back the whole screen (tmux cleared its alternate screen in between, so a
/// redraw of only the changed cells would leave it mostly blank).
#[test]
fn ctrl_z_and_fg_redraw_the_whole_screen() -> anyhow::Result<()> {
    let shell = format!("env PS1='{TEST_PROMPT} ' sh -i");
    let Some(tmux) = Tmux::start("ctrl_z_and_fg_redraw_the_whole_screen", &shell)? else {
        return Ok(());
    };
    tmux.wait_for("the shell prompt", |s| s.contains(TEST_PROMPT))?;
    tmux.send_text(&brief_command(&[]))?;
    tmux.send_keys(&["Enter"])?;
    // The marks follow the first frame: the screen compared is the one with them.
    let before = tmux.wait_for("the library with its marks", |s| {
        s.contains("Library") && s.contains(" new · ")
    })?;

    tmux.send_keys(&["C-z"])?;
    tmux.wait_format("#{alternate_on}", "0")?;
    tmux.wait_for("the shell back", |s| {
        s.trim_end().ends_with(TEST_PROMPT.trim_end())
    })?;
    assert_eq!(
        tmux.format("#{cursor_flag}")?,
        "1",
        "cursor hidden at the shell"
    );

    tmux.send_text("fg")?;
    tmux.send_keys(&["Enter"])?;
    tmux.wait_format("#{alternate_on}", "1")?;
    tmux.wait_for("the whole screen again", |s| s == before)?;

    tmux.send_keys(&["q"])?;
    tmux.wait_format("#{alternate_on}", "0")?;
    tmux.send_text("echo \"exit=$?\"")?;
    tmux.send_keys(&["Enter"])?;
    tmux.wait_for("the exit status", |s| s.contains("exit=0"))?;
    assert_restored(&tmux)
}

/// brief started from a shell that reports its exit; brief's process id.
fn start_brief(test: &str, env: &str) -> anyhow::Result<Option<(Tmux, u32)>> {
    let command = then_report(&format!("{env} {}", brief_command(&[])));
    let Some(tmux) = Tmux::start(test, &command)? else {
        return Ok(None);
    };
    tmux.wait_for("the library", |s| s.contains("Library"))?;
    let shell = tmux.format("#{pane_pid}")?.parse()?;
    let children = support::process::children_of(shell);
    let [pid] = children[..] else {
        anyhow::bail!("expected brief as the shell's one child, found {children:?}");
    };
    Ok(Some((tmux, pid)))
}

#[test]
fn sigterm_in_tmux_restores_and_exits_143() -> anyhow::Result<()> {
    let Some((tmux, pid)) = start_brief("sigterm_in_tmux_restores_and_exits_143", "")? else {
        return Ok(());
    };
    support::process::send_signal(pid, Signal::TERM)?;
    assert_eq!(reported_exit(&tmux)?, 143);
    assert_restored(&tmux)
}

#[test]
fn forced_panic_in_tmux_restores_and_exits_101() -> anyhow::Result<()> {
    let test = "forced_panic_in_tmux_restores_and_exits_101";
    let command = then_report(&format!("BRIEF_TEST_PANIC=1 {}", brief_command(&[])));
    let Some(tmux) = Tmux::start(test, &command)? else {
        return Ok(());
    };
    assert_eq!(reported_exit(&tmux)?, 101);
    assert_restored(&tmux)?;
    let screen = tmux.capture()?;
    ensure!(
        screen.contains("BRIEF_TEST_PANIC"),
        "no panic message:\n{screen}"
    );
    Ok(())
}

/// Killing the pane closes its terminal and sends SIGHUP, as a dropped SSH link does:
/// brief must be gone, not spinning on a dead tty (crossterm#793).
#[test]
fn killed_pane_leaves_no_process() -> anyhow::Result<()> {
    let Some((tmux, pid)) = start_brief("killed_pane_leaves_no_process", "")? else {
        return Ok(());
    };
    ensure!(
        support::process::process_alive(pid),
        "brief {pid} not running"
    );
    // A second window keeps the server alive once the pane is gone.
    tmux.run(&["new-window", "-d", "-t", "brief:1", "sleep 60"])?;
    tmux.run(&["kill-pane", "-t", "brief:0.0"])?;
    ensure!(
        support::wait_until(support::TIMEOUT, || !support::process::process_alive(pid)),
        "brief {pid} still alive after hang-up"
    );
    Ok(())
}
