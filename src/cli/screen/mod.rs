//! The screen brief draws on: the frame being rendered, what the terminal shows, and the
//! difference between them written as bytes.
//!
//! This is ratatui's `Terminal` made lighter where a start feels it. `Terminal` makes two
//! whole-screen buffers before the first frame, one only to stand for a blank screen; here
//! the first frame is compared with a blank screen by rule, and the second buffer is made
//! once the first frame has gone. The frame shown is kept as it is (the scroller shifts it in place)
//! rather than copied after every frame.

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, sync_channel};
use std::time::Duration;

use brief::ui::cell_width;
use crossterm::queue;
use crossterm::terminal::{Clear, ClearType};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Color;

use super::cells::write_cells;
use super::terminal;
use spaced::Spaced;

mod spaced;

pub struct Screen<W: Write> {
    out: W,
    /// The frame being drawn.
    frame: Buffer,
    /// What the terminal shows, when it is a frame brief drew whole; none for a screen
    /// that is blank (fresh or cleared).
    shown: Option<Buffer>,
    /// The last frame's buffer, cleared, to draw the next one in.
    spare: Option<Buffer>,
    /// The screen must be cleared before the next frame is written.
    clear_first: bool,
    /// The size tests draw at; none: the terminal's.
    fixed: Option<Rect>,
    /// The first frame's buffer, until that frame takes it.
    ahead: Option<Ahead>,
}

/// The first frame's buffer, made ahead on another thread. Making it is mostly the kernel
/// handing out and zeroing its pages (230 KB at 120×40), which the other core can do while
/// the main thread reads the keys and takes the terminal. Whichever thread comes to it
/// first makes it: on two busy cores the other thread may not have begun by the time the
/// first frame needs it.
pub struct Ahead {
    made: Receiver<Buffer>,
    claimed: Arc<AtomicBool>,
}

/// How long the first frame waits for the buffer the other thread has begun: it is most
/// often ready or on its way, and making a second one would take as long again and fight
/// it for the kernel's pages.
const AHEAD_WAIT: Duration = Duration::from_millis(5);

/// What makes the buffer (to run on another thread), and where it will be.
pub fn make_ahead() -> (impl FnOnce() + Send + 'static, Ahead) {
    let (sender, made) = sync_channel(1);
    let claimed = Arc::new(AtomicBool::new(false));
    let claim = Arc::clone(&claimed);
    let make = move || {
        if !claim.swap(true, Ordering::AcqRel)
            && let Ok((width, height)) = terminal::size()
        {
            let _ = sender.send(Buffer::empty(Rect::new(0, 0, width, height)));
        }
    };
    (make, Ahead { made, claimed })
}

impl Ahead {
    /// The buffer made ahead, if it is `area`'s; none if the other thread had not begun
    /// it (it will not now) or does not end it within `AHEAD_WAIT`.
    fn take(self, area: Rect) -> Option<Buffer> {
        if !self.claimed.swap(true, Ordering::AcqRel) {
            return None;
        }
        let made = self.made.recv_timeout(AHEAD_WAIT).ok();
        made.filter(|made| made.area == area)
    }
}

impl<W: Write> Screen<W> {
    /// A screen the terminal's size, as it is blank after entering the alternate screen.
    /// The first frame is drawn in the buffer made ahead if that is its size: taking it
    /// then, rather than now, leaves the other thread the time the briefing takes to open.
    pub fn new(out: W, ahead: Ahead) -> Self {
        let mut screen = Self::blank(out, Rect::default(), None);
        screen.ahead = Some(ahead);
        screen
    }

    /// A blank screen of a fixed size, whatever the terminal's.
    #[cfg(test)]
    pub fn fixed(out: W, area: Rect) -> Self {
        Self::blank(out, area, Some(area))
    }

    fn blank(out: W, area: Rect, fixed: Option<Rect>) -> Self {
        Screen {
            out,
            frame: Buffer::empty(area),
            shown: None,
            spare: None,
            clear_first: false,
            fixed,
            ahead: None,
        }
    }

    /// The size to draw at now.
    pub fn area(&self) -> io::Result<Rect> {
        match self.fixed {
            Some(area) => Ok(area),
            None => terminal::size().map(|(w, h)| Rect::new(0, 0, w, h)),
        }
    }

    pub fn out(&mut self) -> &mut W {
        &mut self.out
    }

    /// The terminal was cleared or changed size behind the frames: the next one is whole,
    /// on a screen cleared first.
    pub fn forget(&mut self) {
        self.shown = None;
        self.spare = None;
        self.clear_first = true;
    }

    /// The frame to render into, of `area`'s size: blank, as it was made blank, made
    /// ahead (the first frame's, when it comes within `AHEAD_WAIT`) or made ready after
    /// the last frame (`ready_next`). A new size forgets what was shown.
    pub fn frame_for(&mut self, area: Rect) -> &mut Buffer {
        if self.shown.as_ref().is_some_and(|shown| shown.area != area) {
            self.forget();
        }
        if self.frame.area != area {
            let spare = self.spare.take().filter(|spare| spare.area == area);
            let mut made = || self.ahead.take()?.take(area);
            self.frame = match spare {
                Some(mut spare) => {
                    spare.reset();
                    spare
                }
                None => made().unwrap_or_else(|| Buffer::empty(area)),
            };
        }
        &mut self.frame
    }

    /// The frame rendered, and what the terminal shows when it is a frame of its size.
    pub fn frame_and_shown(&mut self) -> (&Buffer, Option<&mut Buffer>) {
        let shown = self.shown.as_mut().filter(|s| s.area == self.frame.area);
        (&self.frame, shown)
    }

    /// Writes what changed from the screen shown to the frame (colours and attributes
    /// reset after it); the frame is then what the terminal shows.
    pub fn write_frame(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.clear_first) {
            queue!(self.out, Clear(ClearType::All))?;
        }
        match &self.shown {
            Some(shown) if shown.area == self.frame.area => {
                write_cells(&mut self.out, shown.diff_iter(&self.frame))?;
            }
            _ => write_cells(&mut self.out, Spaced::new(&self.frame))?,
        }
        // An empty buffer stands in until `ready_next`: it allocates nothing.
        let drawn = std::mem::take(&mut self.frame);
        self.spare = self.shown.replace(drawn);
        Ok(())
    }

    /// After a frame has gone out: the buffer for the next one, so that drawing it costs
    /// no more than rendering.
    pub fn ready_next(&mut self) {
        if let Some(area) = self.shown.as_ref().map(|shown| shown.area) {
            self.frame_for(area);
        }
    }
}

/// What ratatui's diff (`Buffer::diff`) yields against a blank buffer of `frame`'s size,
/// without one: a buffer as large as the frame, made and filled only to be compared with.
/// Its rules, where every previous cell is blank and one column wide: skipped cells are
/// passed over; a cell equal to a blank one is not written; a wide one is, and its
/// trailing columns are not, except after an emoji with VS16, whose trailing columns are
/// written when they hold anything (some terminals leave them stale).
struct BlankDiff<'a> {
    cells: &'a [Cell],
    area: Rect,
    at: usize,
    /// The trailing columns of a VS16 emoji still to look at, and where they end.
    trailing: Option<(usize, usize)>,
}

impl<'a> BlankDiff<'a> {
    fn new(frame: &'a Buffer) -> Self {
        BlankDiff {
            cells: &frame.content,
            area: frame.area,
            at: 0,
            trailing: None,
        }
    }

    fn item(&self, index: usize) -> (u16, u16, &'a Cell) {
        let width = usize::from(self.area.width).max(1);
        let x = self.area.x + u16::try_from(index % width).unwrap_or(u16::MAX);
        let y = self.area.y + u16::try_from(index / width).unwrap_or(u16::MAX);
        (x, y, &self.cells[index])
    }

    fn next_trailing(&mut self) -> Option<(u16, u16, &'a Cell)> {
        let (mut next, mut end) = self.trailing.take()?;
        while next < end {
            let j = next;
            let cell = &self.cells[j];
            next += usize::from(cell_width::of_cell(cell).max(1));
            end = end.max(next).min(self.cells.len());
            if !is_skip(cell) && cell.symbol() != Cell::EMPTY.symbol() {
                self.trailing = Some((next, end));
                return Some(self.item(j));
            }
        }
        self.at = end;
        None
    }
}

impl<'a> Iterator for BlankDiff<'a> {
    type Item = (u16, u16, &'a Cell);

    fn next(&mut self) -> Option<Self::Item> {
        if self.trailing.is_some()
            && let Some(item) = self.next_trailing()
        {
            return Some(item);
        }
        while self.at < self.cells.len() {
            let i = self.at;
            self.at += 1;
            let cell = &self.cells[i];
            // A blank cell is one column wide: passing it over skips no other. Most of a
            // screen is blank, so this comes before the width, which is dearer.
            if is_skip(cell) || is_blank(cell) {
                continue;
            }
            let width = usize::from(cell_width::of_cell(cell));
            // A forced width is a directive a blank cell lacks: never equal to one.
            if let CellDiffOption::ForcedWidth(_) = cell.diff_option {
                self.at += width.saturating_sub(1);
                return Some(self.item(i));
            }
            if width > 1 && cell.symbol().contains('\u{fe0f}') {
                self.trailing = Some((i + 1, (i + width).min(self.cells.len())));
            } else {
                self.at += width.saturating_sub(1);
            }
            return Some(self.item(i));
        }
        None
    }
}

/// Whether `cell` equals `Cell::EMPTY`, as a blank screen's cells do: its symbol is looked
/// at byte by byte, not through `memcmp` as `Cell`'s `==` does, once for each of a
/// screen's thousands of cells.
fn is_blank(cell: &Cell) -> bool {
    cell.symbol().as_bytes() == b" " && is_plain(cell)
}

/// Whether `cell` has no colour, attribute or diff directive: `Cell::EMPTY`'s all but its
/// symbol.
#[allow(deprecated)]
fn is_plain(cell: &Cell) -> bool {
    cell.diff_option == CellDiffOption::None
        && !cell.skip
        && cell.fg == Color::Reset
        && cell.bg == Color::Reset
        && cell.underline_color == Color::Reset
        && cell.modifier.is_empty()
}

/// Cells ratatui's diff passes over.
#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    cell.diff_option == CellDiffOption::Skip
        || (cell.skip && cell.diff_option == CellDiffOption::None)
}

#[cfg(test)]
pub mod tests;
