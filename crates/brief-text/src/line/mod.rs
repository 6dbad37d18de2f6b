//! A laid-out line: its glyphs' texts in one string, in screen order, and per glyph a
//! small record of where its text ends, its width and its source. Layout makes millions
//! of glyphs for a long document; a heap string or even a 56-byte record each was most of
//! its time (writing fresh memory), so a glyph is 4 to 8 bytes (see `cells`) and read
//! through `Glyph`.

mod cells;

use std::fmt;
use std::ops::Range;

pub(crate) use cells::RUN_SPAN;
use cells::{Cells, Record, RunCell};

/// One glyph of a line: what to put in its cell(s), which may differ from the logical
/// text (a mirrored bracket, a shaped presentation form, a visible control symbol), its
/// width, and the byte range of `Sanitized::text` it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyph<'a> {
    /// What its cells show: empty for a glyph of width 0 (nothing to draw).
    pub text: &'a str,
    /// Cells it takes: its text's width as a whole and code point by code point.
    pub width: usize,
    /// The bytes of the laid-out text it stands for.
    pub source: Range<usize>,
}

impl Glyph<'_> {
    /// Whether it stands for any byte of `range` (a styled range of the laid-out text).
    pub fn overlaps(&self, range: &Range<usize>) -> bool {
        self.source.start < range.end && range.start < self.source.end
    }
}

/// One line as it is drawn: its glyphs left to right, from the left edge of the line.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct VisualLine {
    text: String,
    cells: Cells,
    /// Sum of the glyphs' widths.
    pub width: usize,
    /// The line belongs to an RTL paragraph (right-align it with `pad_left`).
    pub rtl: bool,
}

/// A laid-out line with the bidi level of each glyph (`levels[i]` is `glyphs[i]`'s):
/// for tests against the Unicode data, and for a UI that needs run directions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeveledLine {
    /// The line.
    pub line: VisualLine,
    /// One bidi level per glyph, in the line's order (odd: right to left).
    pub levels: Vec<u8>,
}

/// Offsets are kept in 32 bits: a field of 4 GiB or more is far past what the loader
/// accepts, and its glyphs would only point at the wrong bytes, never out of a slice
/// (`Glyph::source` is used to compare ranges, `text` is sliced at checked bounds).
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl VisualLine {
    /// An empty line, of a right-to-left paragraph or not.
    pub fn new(rtl: bool) -> Self {
        Self {
            rtl,
            ..Self::default()
        }
    }

    /// A line with room for `glyphs` glyphs of `bytes` bytes of text in all.
    pub(crate) fn with_capacity(rtl: bool, glyphs: usize, bytes: usize) -> Self {
        Self {
            text: String::with_capacity(bytes),
            cells: Cells::with_capacity(glyphs),
            width: 0,
            rtl,
        }
    }

    /// A line of `glyphs` one-cell glyphs whose sources run from `base` to `base + end`
    /// (at most `RUN_SPAN`) in order, or in reverse order if `reversed`, each ending where
    /// the next in the text starts, written through the `RunLine` returned.
    pub(crate) fn run_from(
        rtl: bool,
        (base, end): (usize, u32),
        reversed: bool,
        glyphs: usize,
        bytes: usize,
    ) -> RunLine {
        RunLine {
            text: String::with_capacity(bytes),
            cells: Vec::with_capacity(glyphs),
            base: narrow(base),
            end,
            reversed,
            rtl,
        }
    }

    /// Appends a glyph on the right.
    #[inline]
    pub fn push(&mut self, text: &str, width: usize, source: Range<usize>) {
        self.text.push_str(text);
        self.push_cell(width, source);
    }

    /// Appends a glyph of one character followed by `rest` (a shaped letter and its marks).
    #[inline]
    pub fn push_char(&mut self, c: char, rest: &str, width: usize, source: Range<usize>) {
        self.text.push(c);
        if !rest.is_empty() {
            self.text.push_str(rest);
        }
        self.push_cell(width, source);
    }

    #[inline]
    fn push_cell(&mut self, width: usize, source: Range<usize>) {
        self.width += width;
        self.cells.push(Record {
            text_end: narrow(self.text.len()),
            source_start: narrow(source.start),
            source_end: narrow(source.end),
            width: u16::try_from(width).unwrap_or(u16::MAX),
        });
    }

    /// Puts a glyph on the left.
    pub fn push_front(&mut self, text: &str, width: usize, source: Range<usize>) {
        self.text.insert_str(0, text);
        let shift = narrow(text.len());
        let cells = self.cells.wide();
        for cell in cells.iter_mut() {
            cell.text_end = cell.text_end.saturating_add(shift);
        }
        cells.insert(
            0,
            Record {
                text_end: shift,
                source_start: narrow(source.start),
                source_end: narrow(source.end),
                width: u16::try_from(width).unwrap_or(u16::MAX),
            },
        );
        self.width += width;
    }

    /// Removes the glyph at `index`.
    pub fn remove(&mut self, index: usize) {
        let Some(glyph) = self.glyph(index) else {
            return;
        };
        let start = self.cells.text_start(index);
        let end = start + glyph.text.len();
        self.width = self.width.saturating_sub(glyph.width);
        self.text.replace_range(start..end, "");
        let cells = self.cells.wide();
        cells.remove(index);
        let shift = narrow(end - start);
        for cell in &mut cells[index..] {
            cell.text_end -= shift;
        }
    }

    /// Makes glyph `index + 1` part of glyph `index`: texts and sources joined (sources
    /// must be adjacent), widths added.
    pub(crate) fn merge_with_next(&mut self, index: usize) {
        if index + 1 >= self.cells.len() {
            return;
        }
        let cells = self.cells.wide();
        let next = cells.remove(index + 1);
        let cell = &mut cells[index];
        cell.text_end = next.text_end;
        cell.source_start = cell.source_start.min(next.source_start);
        cell.source_end = cell.source_end.max(next.source_end);
        cell.width = cell.width.saturating_add(next.width);
    }

    /// Its number of glyphs.
    pub fn len(&self) -> usize {
        self.cells.len()
    }

    /// Whether it has no glyph.
    pub fn is_empty(&self) -> bool {
        self.cells.len() == 0
    }

    /// The glyph at `index` from the left.
    pub fn glyph(&self, index: usize) -> Option<Glyph<'_>> {
        let cell = self.cells.get(index)?;
        let start = self.cells.text_start(index);
        Some(Glyph {
            text: self.text.get(start..cell.text_end as usize).unwrap_or(""),
            width: usize::from(cell.width),
            source: cell.source(),
        })
    }

    /// The glyphs in screen order, left to right.
    pub fn glyphs(&self) -> Glyphs<'_> {
        Glyphs {
            line: self,
            front: 0,
            back: self.cells.len(),
        }
    }

    /// Cells of padding to put before the line so it sits right-aligned (RTL) or
    /// left-aligned (LTR) in `width` cells.
    pub fn pad_left(&self, width: usize) -> usize {
        if self.rtl {
            width.saturating_sub(self.width)
        } else {
            0
        }
    }

    /// The glyphs' texts, left to right.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// `text`, owned.
    pub fn to_plain(&self) -> String {
        self.text.clone()
    }
}

/// A line being written as a run of one-cell glyphs (`VisualLine::run_from`), its text and
/// records kept apart until `into_line`.
pub(crate) struct RunLine {
    text: String,
    cells: Vec<RunCell>,
    base: u32,
    end: u32,
    reversed: bool,
    rtl: bool,
}

impl RunLine {
    /// Appends the next glyph: `c` and the marks `rest`, its source starting `start`
    /// bytes after the line's base.
    #[inline(always)]
    pub(crate) fn push(&mut self, c: char, rest: &str, start: u32) {
        self.text.push(c);
        if !rest.is_empty() {
            self.text.push_str(rest);
        }
        self.cells.push(RunCell::new(self.text.len(), start));
    }

    pub(crate) fn into_line(self) -> VisualLine {
        VisualLine {
            width: self.cells.len(),
            cells: Cells::run(self.base, self.end, self.reversed, self.cells),
            text: self.text,
            rtl: self.rtl,
        }
    }
}

impl fmt::Debug for VisualLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VisualLine")
            .field("glyphs", &self.glyphs().collect::<Vec<_>>())
            .field("width", &self.width)
            .field("rtl", &self.rtl)
            .finish()
    }
}

/// The glyphs of a line, left to right (`VisualLine::glyphs`).
#[derive(Clone)]
pub struct Glyphs<'a> {
    line: &'a VisualLine,
    front: usize,
    back: usize,
}

impl<'a> Iterator for Glyphs<'a> {
    type Item = Glyph<'a>;

    fn next(&mut self) -> Option<Glyph<'a>> {
        if self.front >= self.back {
            return None;
        }
        self.front += 1;
        self.line.glyph(self.front - 1)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back - self.front;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for Glyphs<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        self.line.glyph(self.back)
    }
}

impl ExactSizeIterator for Glyphs<'_> {}

#[cfg(test)]
mod tests;
