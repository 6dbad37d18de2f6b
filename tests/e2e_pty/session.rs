//! Reading sessions over the bundled briefings: the flow of issue 4, a file named on the
//! command line, and the mouse.

use anyhow::{Context, ensure};

use crate::support::pty::{Launch, Pty};
use crate::support::screen::{focused_position, selected_row};
use crate::support::{self, find_bytes};
use crate::{assert_restored, start};

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
    open_from_the_library(&mut pty, &headline)?;
    focus_and_scroll(&mut pty)?;
    search_and_help(&mut pty, &english)?;
    tiny_and_back(&mut pty, &headline)?;
    copy_the_first_quotation(&mut pty, &english)?;
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    assert_restored(&pty)
}

/// Walks the library down to the briefing with `headline` and opens it.
fn open_from_the_library(pty: &mut Pty, headline: &str) -> anyhow::Result<()> {
    let mut screen = pty.wait_for("the library", |s| s.contents().contains("Library"))?;
    for _ in 0..10 {
        if selected_row(&screen).is_some_and(|row| row.contains(headline)) {
            break;
        }
        screen = pty.press(b"j")?;
    }
    ensure!(
        selected_row(&screen).is_some_and(|r| r.contains(headline)),
        "{screen}"
    );
    pty.press(b"\r")?;
    pty.wait_for("the briefing", |s| {
        let text = s.contents();
        text.contains("1 Headline") && text.contains(headline)
    })?;
    Ok(())
}

/// Focus by number and by Tab, then scroll the body three lines.
fn focus_and_scroll(pty: &mut Pty) -> anyhow::Result<()> {
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
    let screen = pty.press(b"2")?;
    ensure!(focused(&screen, "2 Body"), "{screen}");
    let top = focused_position(&screen).context("no scroll position on the body")?;
    let screen = pty.press(b"jjj")?;
    assert_eq!(focused_position(&screen), Some(top + 3), "{screen}");
    Ok(())
}

/// Copy the first quotation: OSC 52 with its attribution, and the status says so.
fn copy_the_first_quotation(pty: &mut Pty, english: &serde_json::Value) -> anyhow::Result<()> {
    pty.press(b"3")?;
    pty.press(b"y")?;
    pty.wait_for("the copy message", |s| s.contents().contains("copied"))?;
    let expected = support::expected_attribution(english, 0)?;
    let osc52 = format!(
        "\x1b]52;c;{}\x1b\\",
        base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &expected)
    );
    ensure!(
        find_bytes(&pty.raw(), osc52.as_bytes()).is_some(),
        "no OSC 52 for {expected:?}"
    );
    Ok(())
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
    let mode = pty.with_output(|out| out.screen().mouse_protocol_mode());
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
    let mode = pty.with_output(|out| out.screen().mouse_protocol_mode());
    assert_eq!(mode, vt100::MouseProtocolMode::None);
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}
