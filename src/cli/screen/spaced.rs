//! A frame written over a blank screen in fewer bytes: a short run of blank cells between
//! two glyphs on a row is written as spaces instead of being passed over with a cursor
//! move (`CSI row;col H`, 6 to 10 bytes). Arabic prose, whose words a blank cell parts, is
//! most of a briefing's first frame, and those moves were a quarter of its bytes.

use brief::ui::cell_width;
use ratatui::buffer::{Buffer, Cell};

use super::{BlankDiff, is_blank, is_plain};

type Item<'a> = (u16, u16, &'a Cell);

/// `BlankDiff`'s cells, with the blank cells of short gaps between them where spaces cost
/// fewer bytes than a move: after a plain glyph one column wide (so the terminal's cursor
/// stands right after it, with no colour or attribute to reset), on the same row.
pub(super) struct Spaced<'a> {
    frame: &'a Buffer,
    cells: BlankDiff<'a>,
    /// The last cell yielded, when a space may follow it.
    plain_last: Option<(u16, u16)>,
    /// Blank cells still to yield on a row (`y`, `from`, `to`), then the cell after them.
    gap: Option<(u16, u16, u16)>,
    after_gap: Option<Item<'a>>,
}

impl<'a> Spaced<'a> {
    pub(super) fn new(frame: &'a Buffer) -> Self {
        Spaced {
            frame,
            cells: BlankDiff::new(frame),
            plain_last: None,
            gap: None,
            after_gap: None,
        }
    }

    fn yielded(&mut self, item: Item<'a>) -> Option<Item<'a>> {
        let (x, y, cell) = item;
        self.plain_last = is_plain_and_narrow(cell).then_some((x, y));
        Some(item)
    }

    /// The blank run before `(x, y)` to write as spaces, if there is one.
    fn spaces_before(&self, x: u16, y: u16) -> Option<(u16, u16, u16)> {
        let (last_x, last_y) = self.plain_last?;
        let from = last_x.checked_add(1)?;
        if last_y != y || x <= from || usize::from(x - from) >= cursor_move_len(x, y) {
            return None;
        }
        let blank = |gap_x| self.frame.cell((gap_x, y)).is_some_and(is_blank);
        (from..x).all(blank).then_some((y, from, x))
    }
}

impl<'a> Iterator for Spaced<'a> {
    type Item = Item<'a>;

    fn next(&mut self) -> Option<Item<'a>> {
        if let Some((y, from, to)) = self.gap {
            if from < to
                && let Some(cell) = self.frame.cell((from, y))
            {
                self.gap = Some((y, from + 1, to));
                return Some((from, y, cell));
            }
            self.gap = None;
            let after = self.after_gap.take()?;
            return self.yielded(after);
        }
        let item = self.cells.next()?;
        if let Some(gap) = self.spaces_before(item.0, item.1) {
            self.gap = Some(gap);
            self.after_gap = Some(item);
            return self.next();
        }
        self.yielded(item)
    }
}

/// A glyph the terminal's cursor passes by one column, written with no colour or
/// attribute: a blank written after it needs no change of either.
fn is_plain_and_narrow(cell: &Cell) -> bool {
    is_plain(cell) && cell_width::of_cell(cell) == 1 && !cell.symbol().chars().any(char::is_control)
}

/// The bytes of `CSI row;col H` to `(x, y)`.
fn cursor_move_len(x: u16, y: u16) -> usize {
    let digits = |n: u16| (u32::from(n) + 1).ilog10() as usize + 1;
    4 + digits(x) + digits(y)
}
