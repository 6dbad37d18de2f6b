//! Scrolling the zoomed pane through the terminal's own scrolling (a scroll region and
//! SU/SD, then only the rows that came into view): the screen after every key must be the
//! one a whole redraw gives at the same position, so a shift by the wrong amount, of the
//! wrong rows, or not matched by what ratatui thinks is on screen, shows up as a
//! difference.

mod support;

use anyhow::{Context, ensure};
use support::find_bytes;
use support::pty::{Launch, Pty};
use support::screen::focused_position;
use support::tmux::{Session, Tmux, brief_command, quote};

const SEED: &str = "briefings/libya-ohchr-geneva.json";
/// Ctrl-Z: with no shell to resume it, brief gives the terminal back and takes it again at
/// once, clearing the screen and drawing it whole, with no change of state.
const REDRAW: &[u8] = b"\x1a";
const SCROLL_UP: &[u8] = b"\x1b[S";
const ALT_SCREEN_ON: &[u8] = b"\x1b[?1049h";

/// Every cell's text, colours and attributes, as vt100 sees them. A cell never written
/// and one written with a plain space look the same on any terminal, so both are " ".
fn formatted(pty: &Pty) -> Vec<String> {
    pty.with_output(|out| {
        let screen = out.screen();
        let (rows, cols) = screen.size();
        (0..rows.get())
            .map(|row| {
                let mut line = String::new();
                for col in 0..cols.get() {
                    let Some(cell) = screen.cell(row, col) else {
                        continue;
                    };
                    let text = cell.contents();
                    let text = if text.is_empty() { " " } else { text };
                    line.push_str(&format!(
                        "[{text}|{:?}|{:?}|{}{}{}{}]",
                        cell.fgcolor(),
                        cell.bgcolor(),
                        u8::from(cell.bold()),
                        u8::from(cell.italic()),
                        u8::from(cell.underline()),
                        u8::from(cell.inverse()),
                    ));
                }
                line
            })
            .collect()
    })
}

/// The seed briefing at 120×40, body zoomed, at the top.
fn zoomed() -> anyhow::Result<Pty> {
    let mut pty = Launch::new(&[SEED])?.size(120, 40).spawn()?;
    let first = pty.wait_frame_after(0, "the first frame")?;
    let zoomed = pty.press(b"z")?;
    ensure!(zoomed != first, "'z' changed nothing:\n{zoomed}");
    pty.press(b"g")?;
    Ok(pty)
}

#[test]
fn zoomed_scrolling_matches_a_whole_redraw_after_every_key() -> anyhow::Result<()> {
    // `scrolled` only ever scrolls; `reference` takes the same keys and is then drawn
    // whole before each comparison.
    let mut scrolled = zoomed()?;
    let mut reference = zoomed()?;
    // Single lines down and back, a few keys at once (one frame, a shift of several
    // lines), past the end of the text (nothing moves) and back to the top.
    let mut keys: Vec<&[u8]> = vec![b"j"; 30];
    keys.extend([b"jjj" as &[u8], b"jj"]);
    keys.extend(vec![b"k" as &[u8]; 12]);
    keys.extend([b"kkkk" as &[u8], b"G", b"j", b"k", b"k", b"jkj", b"g", b"j"]);
    let mut moved = 0;
    let mut previous = formatted(&scrolled);
    for (step, key) in keys.iter().enumerate() {
        let shown = scrolled.press(key)?;
        reference.press(key)?;
        let whole = reference.press(REDRAW)?;
        let (got, want) = (formatted(&scrolled), formatted(&reference));
        let key = String::from_utf8_lossy(key);
        ensure!(
            shown == whole,
            "after key {step} ({key:?}) the screen differs from a whole redraw\n\
             scrolled:\n{shown}\nredrawn:\n{whole}"
        );
        if let Some(row) = (0..got.len()).find(|&r| got.get(r) != want.get(r)) {
            anyhow::bail!(
                "after key {step} ({key:?}) colours or attributes differ from a whole redraw \
                 on row {row}:\n{:?}\n{:?}",
                got.get(row),
                want.get(row)
            );
        }
        if got != previous {
            moved += 1;
        }
        previous = got;
    }
    ensure!(moved > 30, "only {moved} keys changed the screen");
    scrolled.send(b"q")?;
    reference.send(b"q")?;
    scrolled.wait_exit()?;
    reference.wait_exit()?;
    Ok(())
}

#[test]
fn a_zoomed_line_scroll_uses_the_terminal_and_writes_little() -> anyhow::Result<()> {
    let mut pty = zoomed()?;
    // Not at the top: the first key away from it also changes nothing else.
    pty.press(b"j")?;
    let start = pty.raw().len();
    pty.press(b"j")?;
    let raw = pty.raw();
    let frame = raw.get(start..).context("output shrank")?;
    ensure!(
        find_bytes(frame, b"\x1b[2;38r").is_some() && find_bytes(frame, SCROLL_UP).is_some(),
        "no scroll region for a one-line scroll: {:?}",
        String::from_utf8_lossy(frame)
    );
    // One new row of Arabic (up to 3 bytes a cell) and the position indicator, not the
    // 37 rows of the pane.
    ensure!(frame.len() < 1000, "{} bytes for one line", frame.len());
    // Among the five panes the body spans the whole width, so the region is its rows
    // alone and a line costs about what it costs zoomed (2,005 bytes at 120×40 when the
    // side panes shared its rows and were written back).
    pty.press(b"z")?;
    let start = pty.raw().len();
    pty.press(b"j")?;
    let raw = pty.raw();
    let frame = raw.get(start..).context("output shrank")?;
    ensure!(
        find_bytes(frame, b"\x1b[7;24r").is_some() && find_bytes(frame, SCROLL_UP).is_some(),
        "no scroll region for the body among the five panes: {:?}",
        String::from_utf8_lossy(frame)
    );
    ensure!(frame.len() < 1000, "{} bytes for one line", frame.len());
    pty.send(b"q")?;
    pty.wait_exit()?;
    Ok(())
}

/// The pane with its colours and attributes (`capture-pane -e`).
fn capture(tmux: &Tmux) -> anyhow::Result<String> {
    tmux.run(&["capture-pane", "-p", "-e", "-t", tmux.target()])
}

/// The same in tmux, which keeps its own copy of the screen and draws it on the outer
/// terminal: two sessions take the same keys, one is drawn whole after each (Ctrl-Z, which
/// comes straight back: tmux's pane has no job-control shell), and the screens must meet.
/// Each key must move both to the position it leads to, and the reference's redraw is
/// seen in the bytes it wrote, so neither screen is compared before it changed.
#[test]
fn zoomed_scrolling_in_tmux_matches_a_whole_redraw() -> anyhow::Result<()> {
    scrolling_in_tmux_matches_a_whole_redraw(
        "zoomed_scrolling_in_tmux_matches_a_whole_redraw",
        true,
    )
}

/// The same among the five panes, where the shift moves the panes beside the body too.
#[test]
fn five_pane_scrolling_in_tmux_matches_a_whole_redraw() -> anyhow::Result<()> {
    scrolling_in_tmux_matches_a_whole_redraw(
        "five_pane_scrolling_in_tmux_matches_a_whole_redraw",
        false,
    )
}

fn scrolling_in_tmux_matches_a_whole_redraw(test: &str, zoom: bool) -> anyhow::Result<()> {
    let seed = support::repo_root().join(SEED);
    let command = brief_command(&[&seed.to_string_lossy()]);
    let Some(scrolled) = Tmux::launch(test, Session::new("scrolled", &command).size(120, 40))?
    else {
        return Ok(());
    };
    let reference = scrolled.new_session(Session::new("reference", &command).size(120, 40))?;
    let output = scrolled.home().join("reference-output");
    reference.run(&[
        "pipe-pane",
        "-t",
        reference.target(),
        &format!("cat >> {}", quote(&output.to_string_lossy())),
    ])?;
    let mut top = 0;
    for tmux in [&scrolled, &reference] {
        let first = tmux.wait_settled("the briefing", |s| s.contains('┃'))?;
        if zoom {
            tmux.send_text("z")?;
            tmux.wait_settled("the zoomed body", |s| s != first)?;
        }
        tmux.send_text("g")?;
        let screen = tmux.wait_settled("the top of the body", |s| {
            focused_position(s).is_some_and(|p| p <= 1)
        })?;
        top = focused_position(&screen).context("no position on the body")?;
    }
    let mut keys = vec!["j"; 15];
    keys.extend(["jjj", "k", "k", "kkk", "j"]);
    let mut position = top;
    for (step, key) in keys.iter().enumerate() {
        let down = key.matches('j').count();
        position = (position + u32::try_from(down)?) - u32::try_from(key.len() - down)?;
        let moved = |s: &str| focused_position(s) == Some(position);
        scrolled.send_text(key)?;
        reference.send_text(key)?;
        reference.wait_settled(&format!("the reference at line {position}"), moved)?;
        let redraws = redraws_in(&output);
        reference.send_keys(&["C-z"])?;
        let redrawn = support::wait_until(support::TIMEOUT, || redraws_in(&output) > redraws);
        ensure!(
            redrawn,
            "Ctrl-Z did not redraw the reference after key {step}"
        );
        let whole = reference.wait_settled("the redraw", moved)?;
        let want = capture(&reference)?;
        scrolled.wait_for(&format!("the scrolled session at line {position}"), moved)?;
        // A wrong shift leaves wrong rows until they are written again: the screens would
        // never meet.
        let met = support::wait_until(support::TIMEOUT, || {
            capture(&scrolled).is_ok_and(|got| got == want)
        });
        ensure!(
            met,
            "after key {step} ({key:?}) tmux's screen differs from a whole redraw\n\
             scrolled:\n{}\nredrawn:\n{whole}",
            scrolled.capture()?
        );
    }
    for tmux in [&scrolled, &reference] {
        tmux.send_text("q")?;
    }
    Ok(())
}

/// Whole redraws finished in brief's output so far: entries to the alternate screen
/// followed by the end of a frame.
fn redraws_in(output: &std::path::Path) -> usize {
    let bytes = std::fs::read(output).unwrap_or_default();
    let mut count = 0;
    let mut rest = bytes.as_slice();
    while let Some(at) = find_bytes(rest, ALT_SCREEN_ON) {
        rest = &rest[at + ALT_SCREEN_ON.len()..];
        if find_bytes(rest, support::SYNC_END).is_some() {
            count += 1;
        }
    }
    count
}
