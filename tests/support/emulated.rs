//! What a terminal shows for the frames brief draws: each frame's cells written through
//! ratatui's crossterm backend, as ratatui writes them (only what changed since the last
//! frame), and parsed by a terminal emulator (vt100), which counts each character's width
//! as terminals do, one character at a time. A cell the layout counts narrower or wider
//! than the terminal shifts the rest of its row on screen, which `show` then reports.

use std::num::NonZeroU16;

use anyhow::Context;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use super::recorder::{REPLACEMENT_STAND_IN, ReplacementFeed};

/// An emulated terminal and the last frame written to it.
pub struct Emulated {
    parser: vt100::Parser,
    last: Buffer,
}

impl Default for Emulated {
    fn default() -> Self {
        Self {
            parser: vt100::Parser::new(NonZeroU16::MIN, NonZeroU16::MIN, 0),
            last: Buffer::default(),
        }
    }
}

impl Emulated {
    /// Writes `frame` as brief would after the last one (a new size starts from a blank
    /// screen, as a resize clears it) and lists every cell the terminal then shows other
    /// than the frame holds, as "row R col C: ...".
    pub fn show(&mut self, frame: &Buffer) -> anyhow::Result<Vec<String>> {
        if self.last.area != frame.area {
            let rows = NonZeroU16::new(frame.area.height).context("a frame 0 rows high")?;
            let cols = NonZeroU16::new(frame.area.width).context("a frame 0 columns wide")?;
            self.parser = vt100::Parser::new(rows, cols, 0);
            self.last = Buffer::empty(frame.area);
        }
        // vt100 drops U+FFFD, which a terminal draws in one cell: it gets a stand-in.
        let mut feed = ReplacementFeed::default();
        let mut bytes = feed.push(&frame_bytes(&self.last, frame)?);
        bytes.extend(feed.finish());
        self.parser.process(&bytes);
        self.last = frame.clone();
        Ok(mismatches(self.parser.screen(), frame))
    }
}

/// The bytes ratatui writes to go from `last` to `frame` on the screen.
pub fn frame_bytes(last: &Buffer, frame: &Buffer) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut backend = CrosstermBackend::new(&mut bytes);
    backend.draw(last.diff(frame).into_iter())?;
    Backend::flush(&mut backend)?;
    Ok(bytes)
}

/// Cells where `screen` differs from `frame`: another text, or a glyph the frame holds
/// wide drawn narrow (or the reverse).
pub fn mismatches(screen: &vt100::Screen, frame: &Buffer) -> Vec<String> {
    let area = frame.area;
    let mut found = Vec::new();
    for y in 0..area.height {
        for x in 0..area.width {
            let want = frame[(area.x + x, area.y + y)].symbol();
            let wide = want.width() > 1;
            let Some(cell) = screen.cell(y, x) else {
                found.push(format!("row {y} col {x}: outside the emulated screen"));
                continue;
            };
            let covered = x > 0 && frame[(area.x + x - 1, area.y + y)].symbol().width() > 1;
            let got = match cell.contents() {
                "" => " ",
                text => text,
            };
            let want_shown = blank_if_empty(want)
                .replace('\u{fffd}', REPLACEMENT_STAND_IN.encode_utf8(&mut [0; 4]));
            let ok = if cell.is_wide_continuation() {
                covered
            } else {
                got == want_shown && cell.is_wide() == wide
            };
            if !ok {
                found.push(format!(
                    "row {y} col {x}: the terminal shows {got:?}{}, the frame holds {want:?}",
                    if cell.is_wide_continuation() {
                        " (the right half of a wide glyph)"
                    } else {
                        ""
                    }
                ));
            }
        }
    }
    found
}

fn blank_if_empty(symbol: &str) -> &str {
    if symbol.is_empty() { " " } else { symbol }
}
