//! The `/` prompt on an Arabic briefing: an Arabic query typed as UTF-8 bytes, and the
//! cell the cursor is drawn on as the terminal shows it.

use anyhow::{Context, ensure};

use crate::start;
use crate::support::pty::{Launch, Pty};

const COLS: u16 = 80;
const ROWS: u16 = 24;

/// The status line as the terminal shows it, and the columns whose reverse video differs
/// from the `/` at its start: the cursor on a letter.
fn status_line(pty: &Pty) -> (String, Vec<u16>) {
    pty.with_output(|out| {
        let screen = out.screen();
        let row = ROWS - 1;
        let first = screen.cell(row, 0).is_some_and(vt100::Cell::inverse);
        let mut text = String::new();
        let mut cursor = Vec::new();
        for col in 0..COLS {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            let contents = cell.contents();
            text.push_str(if contents.is_empty() { " " } else { contents });
            if cell.inverse() != first {
                cursor.push(col);
            }
        }
        (text.trim_end().to_owned(), cursor)
    })
}

fn press(pty: &mut Pty, keys: &[u8]) -> anyhow::Result<(String, Vec<u16>)> {
    pty.press(keys)?;
    Ok(status_line(pty))
}

#[test]
fn the_cursor_is_drawn_where_the_next_arabic_or_latin_letter_appears() -> anyhow::Result<()> {
    let launch = Launch::new(&["briefings/libya-ohchr-geneva.json"])?.size(COLS, ROWS);
    let mut pty = start(launch)?;
    pty.wait_for("the briefing", |s| s.contents().contains("1 Headline"))?;
    pty.press(b"/")?;
    // Arabic: the last letter typed is drawn leftmost, at column 1, with the cursor on it.
    let (text, cursor) = press(&mut pty, "حقوق".as_bytes())?;
    ensure!(text == "/ﻕﻮﻘﺣ", "status line: {text:?}");
    ensure!(cursor == [1], "cursor on columns {cursor:?}: {text:?}");
    // " UN": right to left still, UN at the left end; the next letter goes right after N.
    let (text, cursor) = press(&mut pty, b" UN")?;
    ensure!(text == "/UN ﻕﻮﻘﺣ", "status line: {text:?}");
    ensure!(cursor == [3], "cursor on columns {cursor:?}: {text:?}");
    // Home: the start of the text, right of its first letter: a bar past the text.
    let (text, cursor) = press(&mut pty, b"\x1b[H")?;
    ensure!(text == "/UN ﻕﻮﻘﺣ▏", "status line: {text:?}");
    ensure!(cursor.is_empty(), "cursor on columns {cursor:?}");
    // Right twice, through the logical text: after the second letter, on its left.
    press(&mut pty, b"\x1b[C")?;
    let (text, cursor) = press(&mut pty, b"\x1b[C")?;
    ensure!(cursor == [6], "cursor on columns {cursor:?}: {text:?}");
    // A letter typed there appears where the cursor was.
    let (text, cursor) = press(&mut pty, "م".as_bytes())?;
    let letters: Vec<char> = text.chars().collect();
    let typed = letters.get(6).context("a short status line")?;
    ensure!(
        "ﻡﻢﻣﻤ".contains(*typed),
        "column 6 holds {typed:?}, not م: {text:?}"
    );
    ensure!(cursor == [6], "cursor on columns {cursor:?}: {text:?}");
    pty.press(b"\x1b")?;
    pty.send(b"q")?;
    ensure!(pty.wait_exit_and_output()?.exit_code() == 0, "brief failed");
    Ok(())
}
