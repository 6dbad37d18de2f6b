//! The built binary in a pseudo-terminal, its output parsed by vt100: start-up, every way
//! out (q, panic, signals, hang-up) and what it leaves the terminal in, the locale check,
//! Ctrl-Z, and a reading session over the bundled briefings.

mod support;

use anyhow::{Context, ensure};
use rustix::process::Signal;
use support::pty::{Launch, Pty, stty_after_exit};
use support::screen::{focused_position, selected_row};
use support::{SYNC_BEGIN, find_bytes, rfind_bytes};

const ALT_SCREEN_ON: &[u8] = b"\x1b[?1049h";
const ALT_SCREEN_OFF: &[u8] = b"\x1b[?1049l";
const BIDI_EXPLICIT: &[u8] = b"\x1b[8l";
const BIDI_IMPLICIT: &[u8] = b"\x1b[8h";

/// After brief has exited: normal screen, visible cursor, no mouse reporting, the bidi mode
/// put back (`CSI 8 h` after the last `CSI 8 l`), and no frame begun after leaving.
fn assert_restored(pty: &Pty) -> anyhow::Result<()> {
    pty.with_output(|out| {
        let screen = out.parser.screen();
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
        ensure!(
            out.parser.screen().hide_cursor(),
            "cursor shown while reading"
        );
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
fn a_missing_path_is_an_error_before_the_terminal_is_touched() -> anyhow::Result<()> {
    let text = refused_before_setup(Launch::new(&["no-such-briefings"])?)?;
    ensure!(
        text.contains("no-such-briefings: no such file or folder"),
        "{text}"
    );
    Ok(())
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

/// Refused before the terminal is touched: no alternate screen, a message that says why.
fn locale_refused(launch: Launch, expect: &str) -> anyhow::Result<()> {
    let text = refused_before_setup(launch)?;
    ensure!(
        text.contains("not UTF-8") && text.contains(expect),
        "message:\n{text}"
    );
    ensure!(text.contains("--assume-utf8"), "no override named:\n{text}");
    Ok(())
}

#[test]
fn a_latin1_locale_is_refused() -> anyhow::Result<()> {
    let launch = Launch::new(&[])?.env("LANG", "en_US.ISO-8859-1");
    locale_refused(launch, "LANG=en_US.ISO-8859-1")
}

#[test]
fn lc_all_c_overrides_a_utf8_lang_and_is_refused() -> anyhow::Result<()> {
    let launch = Launch::new(&[])?.env("LC_ALL", "C");
    locale_refused(launch, "LC_ALL=C")
}

#[test]
fn an_unset_locale_is_refused() -> anyhow::Result<()> {
    let launch = Launch::new(&[])?.unset("LANG");
    locale_refused(launch, "all unset")
}

#[test]
fn assume_utf8_starts_anyway() -> anyhow::Result<()> {
    for launch in [
        Launch::new(&["--assume-utf8"])?.env("LANG", "C"),
        Launch::new(&[])?
            .env("LANG", "C")
            .env("BRIEF_ASSUME_UTF8", "1"),
    ] {
        let mut pty = start(launch)?;
        pty.send(b"q")?;
        assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
        assert_restored(&pty)?;
    }
    Ok(())
}

#[test]
fn bidi_terminal_leaves_the_bidi_mode_alone() -> anyhow::Result<()> {
    let mut pty = start(Launch::new(&["--bidi", "terminal"])?)?;
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    let raw = pty.raw();
    ensure!(
        find_bytes(&raw, BIDI_EXPLICIT).is_none(),
        "CSI 8 l sent in terminal mode"
    );
    ensure!(
        find_bytes(&raw, BIDI_IMPLICIT).is_none(),
        "CSI 8 h sent in terminal mode"
    );
    Ok(())
}

/// Inside tmux (TMUX set) the bidi mode goes through DCS passthrough, ESCs doubled.
#[test]
fn inside_tmux_the_bidi_mode_goes_through_passthrough() -> anyhow::Result<()> {
    let launch = Launch::new(&[])?.env("TMUX", "/tmp/tmux-0/default,1,0");
    let mut pty = start(launch)?;
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    let raw = pty.raw();
    let on = find_bytes(&raw, b"\x1bPtmux;\x1b\x1b[8l\x1b\\").context("no passthrough 8l")?;
    let off = rfind_bytes(&raw, b"\x1bPtmux;\x1b\x1b[8h\x1b\\").context("no passthrough 8h")?;
    ensure!(off > on, "8h passthrough not after 8l");
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
    let before = pty.screen_text();
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

/// The pane title line the UI marks as focused (`▶ 3 Quotes ◀`), checked by eye.
fn focused(screen: &str, pane: &str) -> bool {
    screen.contains(&format!("▶ {pane} ◀"))
}

/// "match K of N" on the status line.
fn match_status(screen: &str) -> Option<(u32, u32)> {
    let at = screen.rfind("match ")?;
    let mut words = screen[at + 6..].split_whitespace();
    let k = words.next()?.parse().ok()?;
    let _of = words.next()?;
    let n = words.next()?.parse().ok()?;
    Some((k, n))
}

/// Library, open the English sample, focus, scroll, search, help, 20×5 and back, copy a
/// quotation (OSC 52), quit: the flow of issue 4 against the real binary.
#[test]
fn reading_session_over_the_bundled_briefings() -> anyhow::Result<()> {
    let english = support::sample("veyra-basin-talks.json")?;
    let headline = support::field_prefix(&english, "headline", 20)?;
    let mut pty = start(Launch::new(&[])?)?;

    // Walk the library down to the English sample and open it.
    let mut screen = pty.wait_for("the library", |s| s.contents().contains("Library"))?;
    for _ in 0..10 {
        if selected_row(&screen).is_some_and(|row| row.contains(&headline)) {
            break;
        }
        screen = pty.press(b"j")?;
    }
    ensure!(
        selected_row(&screen).is_some_and(|r| r.contains(&headline)),
        "{screen}"
    );
    pty.press(b"\r")?;
    pty.wait_for("the briefing", |s| {
        let text = s.contents();
        text.contains("1 Headline") && text.contains(&headline)
    })?;

    // Focus by number and by Tab.
    ensure!(
        focused(&pty.press(b"3")?, "3 Quotes"),
        "{}",
        pty.screen_text()
    );
    ensure!(
        focused(&pty.press(b"\t")?, "4 Points"),
        "{}",
        pty.screen_text()
    );

    // Scroll the body three lines.
    let screen = pty.press(b"2")?;
    ensure!(focused(&screen, "2 Body"), "{screen}");
    let top = focused_position(&screen).context("no scroll position on the body")?;
    let screen = pty.press(b"jjj")?;
    assert_eq!(focused_position(&screen), Some(top + 3), "{screen}");

    search_and_help(&mut pty, &english)?;
    tiny_and_back(&mut pty, &headline)?;

    // Copy the first quotation: OSC 52 with its attribution, and the status says so.
    pty.press(b"3")?;
    pty.press(b"y")?;
    pty.wait_for("the copy message", |s| s.contents().contains("copied"))?;
    let expected = support::expected_attribution(&english, 0)?;
    let osc52 = format!(
        "\x1b]52;c;{}\x1b\\",
        base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &expected)
    );
    ensure!(
        find_bytes(&pty.raw(), osc52.as_bytes()).is_some(),
        "no OSC 52 for {expected:?}"
    );

    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    assert_restored(&pty)
}

fn search_and_help(pty: &mut Pty, english: &serde_json::Value) -> anyhow::Result<()> {
    let word = "reservoir";
    ensure!(
        english.to_string().contains(word),
        "the sample no longer says {word}"
    );
    pty.press(b"/")?;
    pty.send(word.as_bytes())?;
    pty.press(b"\r")?;
    let screen = pty.wait_for("a match", |s| match_status(&s.contents()).is_some())?;
    let (k, n) = match_status(&screen).context("no match status")?;
    assert_eq!(k, 1, "{screen}");
    let screen = pty.press(b"n")?;
    assert_eq!(
        match_status(&screen),
        Some((if n > 1 { 2 } else { 1 }, n)),
        "{screen}"
    );

    let screen = pty.press(b"?")?;
    ensure!(
        screen.contains("show or hide this help"),
        "no help:\n{screen}"
    );
    let screen = pty.press(b"?")?;
    ensure!(
        screen.contains("1 Headline"),
        "help did not close:\n{screen}"
    );
    Ok(())
}

fn tiny_and_back(pty: &mut Pty, headline: &str) -> anyhow::Result<()> {
    let screen = pty.resize_and_wait(20, 5)?;
    ensure!(
        screen.chars().any(|c| c.is_alphanumeric()),
        "nothing readable at 20×5"
    );
    ensure!(
        pty.with_output(|out| !out.eof),
        "brief died at 20×5:\n{screen}"
    );
    pty.resize_and_wait(100, 30)?;
    pty.wait_for("the full layout again", |s| {
        let text = s.contents();
        text.contains("1 Headline") && text.contains(headline) && text.contains("5 Actors")
    })?;
    Ok(())
}

/// A named file opens on that briefing, even with a name a folder walk skips; Esc shows
/// the library holding it.
#[test]
fn a_named_file_opens_directly() -> anyhow::Result<()> {
    let english = support::sample("veyra-basin-talks.json")?;
    let headline = support::field_prefix(&english, "headline", 20)?;
    let folder = tempfile::tempdir()?;
    let file = folder.path().join("veyra.txt");
    std::fs::copy(
        support::briefings_dir().join("veyra-basin-talks.json"),
        &file,
    )?;
    let path = file.to_string_lossy().into_owned();
    let mut pty = start(Launch::new(&[&path])?)?;
    pty.wait_for("the briefing", |s| {
        let text = s.contents();
        text.contains("1 Headline") && text.contains(&headline)
    })?;
    pty.press(b"\x1b")?;
    let screen = pty.wait_for("the library", |s| s.contents().contains("Library"))?;
    ensure!(
        selected_row(&screen).is_some_and(|row| row.contains(&headline)),
        "{screen}"
    );
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}

/// Mouse reporting is on by default and the wheel scrolls the pane under the pointer;
/// `--no-mouse` leaves the mouse (and its text selection) to the terminal.
#[test]
fn wheel_scrolls_the_pane_under_the_pointer() -> anyhow::Result<()> {
    let file = support::briefings_dir().join("veyra-basin-talks.json");
    let mut pty = start(Launch::new(&[&file.to_string_lossy()])?)?;
    let mode = pty.with_output(|out| out.parser.screen().mouse_protocol_mode());
    assert_ne!(mode, vt100::MouseProtocolMode::None, "mouse reporting off");
    let screen = pty.press(b"2")?;
    ensure!(focused(&screen, "2 Body"), "{screen}");
    let top = focused_position(&screen).context("no body position")?;
    // SGR report of wheel-down (button 65) at column 10, row 15 (1-based): in the body.
    let screen = pty.press(b"\x1b[<65;10;15M")?;
    assert_eq!(focused_position(&screen), Some(top + 3), "{screen}");
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    assert_restored(&pty)
}

#[test]
fn no_mouse_leaves_the_mouse_to_the_terminal() -> anyhow::Result<()> {
    let mut pty = start(Launch::new(&["--no-mouse"])?)?;
    let mode = pty.with_output(|out| out.parser.screen().mouse_protocol_mode());
    assert_eq!(mode, vt100::MouseProtocolMode::None);
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}
