//! Scrolling through the terminal: when the app reports that only one pane scrolled, the
//! terminal may shift the rows the pane spans itself (a scroll region, DECSTBM, and SU/SD),
//! and the screen's record is shifted the same way, so that the diff writes only the rows
//! that came into view and whatever else changed. A scroll region spans the whole width:
//! for the zoomed pane that is the pane alone, and a one-line scroll costs its new line
//! instead of every cell of the pane. The body spans its rows alone among the five panes
//! too; quotes, points and actors sit side by side, so a shift of one of them moves the
//! other two, which the diff then writes back: the frame is written whichever way costs
//! fewer bytes, counted from the two diffs.
//!
//! The one invariant: the buffer the screen keeps as shown is exactly what the terminal
//! shows after the shift. Then the diff makes the screen right whatever
//! else changed, so a scroll the app reported needlessly costs bytes, never correctness.

use std::io::{self, Write};

use ratatui::buffer::{Buffer, Cell};

use super::gaps::write_through_short_gaps;
use super::screen::Screen;

/// A shift of screen rows `top..bottom` (0-based, end exclusive) by `lines`: positive
/// moves the rows up (SU), negative down (SD).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    pub top: u16,
    pub bottom: u16,
    pub lines: i16,
}

impl Shift {
    /// Whether the shift fits a screen of `height` rows and keeps at least one row.
    fn fits(self, height: u16) -> bool {
        self.top < self.bottom
            && self.bottom <= height
            && self.lines != 0
            && self.lines.unsigned_abs() < self.bottom - self.top
    }

    /// The bytes that make the terminal do it: set the region (DECSTBM, 1-based rows),
    /// scroll it, and reset the region to the whole screen. DECSTBM moves the cursor home;
    /// the frame positions the cursor before the first cell it writes, so that does not
    /// matter.
    pub fn sequence(self) -> Vec<u8> {
        let verb = if self.lines > 0 { 'S' } else { 'T' };
        // One line, the common case, is the parameter's default: a byte saved per key.
        let n = match self.lines.unsigned_abs() {
            1 => String::new(),
            n => n.to_string(),
        };
        let (top, bottom) = (u32::from(self.top) + 1, u32::from(self.bottom));
        format!("\x1b[{top};{bottom}r\x1b[{n}{verb}\x1b[r").into_bytes()
    }

    /// Does to `buf` what the terminal does to the screen: rows move whole (wide glyphs
    /// with them) and the rows uncovered become blank cells with default colours, as
    /// terminals erase them with the current attributes, which are reset after every
    /// frame.
    pub fn apply(self, buf: &mut Buffer) {
        let width = usize::from(buf.area.width);
        let (top, bottom) = (usize::from(self.top), usize::from(self.bottom));
        let n = usize::from(self.lines.unsigned_abs());
        let rows = &mut buf.content[top * width..bottom * width];
        if self.lines > 0 {
            rows.rotate_left(n * width);
            let len = rows.len();
            rows[len - n * width..].fill(Cell::EMPTY);
        } else {
            rows.rotate_right(n * width);
            rows[..n * width].fill(Cell::EMPTY);
        }
    }
}

/// The shifts still to do before the next frame.
#[derive(Debug, Default)]
pub struct Scroller {
    pending: Vec<Shift>,
}

impl Scroller {
    pub fn push(&mut self, shift: Shift) {
        self.pending.push(shift);
    }

    /// The screen was cleared or resized outside a frame (a suspend): the shifts were of
    /// rows no longer shown.
    pub fn forget(&mut self) {
        self.pending.clear();
    }

    /// After the frame was rendered, before it is written: when shifting the frame shown
    /// by the pending shifts makes the frame cheaper to write, has the terminal do them
    /// and shifts the screen's record of what it shows the same way. Nothing happens
    /// unless the screen shows a frame the size of the one about to be written.
    pub fn before_flush<W: Write>(&mut self, screen: &mut Screen<W>) -> io::Result<()> {
        let pending = std::mem::take(&mut self.pending);
        let (frame, Some(shown)) = screen.frame_and_shown() else {
            return Ok(());
        };
        let bytes = shift_if_cheaper(shown, pending, frame);
        write_through_short_gaps(shown, frame);
        screen.out().write_all(&bytes)
    }
}

/// Shifts `shown` as the terminal will when the shifts make `frame` cheaper to write, and
/// returns their bytes; else leaves it and returns none.
fn shift_if_cheaper(shown: &mut Buffer, pending: Vec<Shift>, frame: &Buffer) -> Vec<u8> {
    let height = frame.area.height;
    if pending.is_empty() || !pending.iter().all(|s| s.fits(height)) {
        return Vec::new();
    }
    let mut shifted = shown.clone();
    let mut bytes = Vec::new();
    for shift in pending {
        bytes.extend_from_slice(&shift.sequence());
        shift.apply(&mut shifted);
    }
    if bytes.len() + write_cost(&shifted, frame) >= write_cost(shown, frame) {
        return Vec::new();
    }
    *shown = shifted;
    bytes
}

/// About how many bytes ratatui's diff writes to turn `from` into `to`: each changed
/// cell's text, and a cursor move before each run of changed cells.
fn write_cost(from: &Buffer, to: &Buffer) -> usize {
    const MOVE: usize = 8;
    let mut next = None;
    let mut cost = 0;
    for (x, y, cell) in from.diff(to) {
        if next != Some((x, y)) {
            cost += MOVE;
        }
        cost += cell.symbol().len();
        let width =
            u16::try_from(unicode_width::UnicodeWidthStr::width(cell.symbol())).unwrap_or(1);
        next = Some((x + width.max(1), y));
    }
    cost
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;

    use super::*;

    fn rows(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect()
    }

    fn sample() -> Buffer {
        Buffer::with_lines(["|hd|", "|a |", "|b |", "|c |", "|d |", "|ft|"])
    }

    #[test]
    fn sequences_are_1_based_and_reset_the_region() {
        let up = Shift {
            top: 1,
            bottom: 38,
            lines: 1,
        };
        assert_eq!(up.sequence(), b"\x1b[2;38r\x1b[S\x1b[r");
        let down = Shift { lines: -3, ..up };
        assert_eq!(down.sequence(), b"\x1b[2;38r\x1b[3T\x1b[r");
    }

    #[test]
    fn shifts_move_only_the_region_and_blank_what_they_uncover() {
        let mut buf = sample();
        let shift = Shift {
            top: 1,
            bottom: 5,
            lines: 1,
        };
        shift.apply(&mut buf);
        assert_eq!(rows(&buf), ["|hd|", "|b |", "|c |", "|d |", "    ", "|ft|"]);
        let mut buf = sample();
        Shift { lines: -2, ..shift }.apply(&mut buf);
        assert_eq!(rows(&buf), ["|hd|", "    ", "    ", "|a |", "|b |", "|ft|"]);
    }

    #[test]
    fn shifts_that_do_not_fit_are_refused() {
        let shift = Shift {
            top: 1,
            bottom: 5,
            lines: 4,
        };
        assert!(!shift.fits(6));
        assert!(!Shift { lines: 0, ..shift }.fits(6));
        assert!(
            !Shift {
                bottom: 7,
                lines: 1,
                ..shift
            }
            .fits(6)
        );
        assert!(Shift { lines: -3, ..shift }.fits(6));
        assert_eq!(sample().area, Rect::new(0, 0, 4, 6));
    }
}
