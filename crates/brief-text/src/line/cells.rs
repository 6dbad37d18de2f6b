//! A line's glyph records: where each glyph's text ends in the line's text, the source
//! range it stands for and its width. Nearly every line fits them in 8 bytes a glyph,
//! relative to the line (its text is short, its sources close together); a line that
//! does not keeps 16 bytes a glyph. A line of one level from the fast path keeps 4: its
//! glyphs are one cell wide and their sources follow one another, so each source's end
//! is the next one's start. Writing these records into fresh memory was the largest cost
//! of laying out a long text.

use std::ops::Range;

/// A glyph's record as the line's readers see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Record {
    /// End of its text in the line's text (it starts where the previous one ends).
    pub text_end: u32,
    pub source_start: u32,
    pub source_end: u32,
    pub width: u16,
}

impl Record {
    pub fn source(&self) -> Range<usize> {
        self.source_start as usize..self.source_end as usize
    }
}

/// The span of sources within which a run's records all fit 4 bytes (see `RunCell::new`).
pub(crate) const RUN_SPAN: u32 = 20_000;

/// A record in 8 bytes: the source's start relative to the line's first glyph's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Near {
    text_end: u16,
    start: i16,
    len: u16,
    width: u16,
}

impl Near {
    fn new(base: u32, r: &Record) -> Option<Self> {
        Some(Self {
            text_end: u16::try_from(r.text_end).ok()?,
            start: i16::try_from(i64::from(r.source_start) - i64::from(base)).ok()?,
            len: u16::try_from(r.source_end.checked_sub(r.source_start)?).ok()?,
            width: r.width,
        })
    }

    fn record(self, base: u32) -> Record {
        let source_start = base.wrapping_add_signed(i32::from(self.start));
        Record {
            text_end: u32::from(self.text_end),
            source_start,
            source_end: source_start.wrapping_add(u32::from(self.len)),
            width: self.width,
        }
    }
}

/// A glyph of a run in 4 bytes: where its text ends, and where its source starts
/// relative to the line's base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RunCell {
    text_end: u16,
    start: u16,
}

impl RunCell {
    /// A glyph whose text ends at `text_end` of the line's text and whose source starts
    /// `start` bytes after the line's base: both fit, as the source is within `RUN_SPAN`
    /// and the text at most 3/2 of it (simple text grows when shaped) and a dotted circle.
    #[inline(always)]
    pub fn new(text_end: usize, start: u32) -> Self {
        debug_assert!(start <= RUN_SPAN && text_end <= usize::from(u16::MAX));
        Self {
            text_end: text_end as u16,
            start: start as u16,
        }
    }
}

/// The records of a line in one of three forms. A line's `VisualLine` is one of
/// millions, so the forms share one enum rather than each having a field.
#[derive(Debug, Clone)]
pub(super) enum Cells {
    /// 8 bytes a glyph, its source relative to `base` (the first glyph's start).
    Near { base: u32, cells: Vec<Near> },
    /// 16 bytes a glyph, once a record fitted neither of the others.
    Far(Vec<Record>),
    /// One-cell glyphs whose sources follow one another, left to right or (`reversed`)
    /// right to left: each source ends where the next one in the text starts, the last
    /// at `end` (relative to `base`). A line of one level the fast path lays out is such
    /// a run, and its records take half the memory of `Near` ones.
    Run {
        base: u32,
        end: u16,
        reversed: bool,
        cells: Vec<RunCell>,
    },
}

impl Default for Cells {
    fn default() -> Self {
        Self::Near {
            base: 0,
            cells: Vec::new(),
        }
    }
}

/// Glyph `index` of a run (see `Cells::Run`).
fn run_record(
    cells: &[RunCell],
    (base, end): (u32, u16),
    reversed: bool,
    index: usize,
) -> Option<Record> {
    let cell = cells.get(index)?;
    let next = match reversed {
        true => index.checked_sub(1),
        false => Some(index + 1),
    };
    let end = next.and_then(|k| cells.get(k)).map_or(end, |c| c.start);
    Some(Record {
        text_end: u32::from(cell.text_end),
        // Saturating as `narrow` does each offset of the other forms.
        source_start: base.saturating_add(u32::from(cell.start)),
        source_end: base.saturating_add(u32::from(end)),
        width: 1,
    })
}

impl Cells {
    pub fn with_capacity(glyphs: usize) -> Self {
        Self::Near {
            base: 0,
            cells: Vec::with_capacity(glyphs),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Self::Near { cells, .. } => cells.len(),
            Self::Far(cells) => cells.len(),
            Self::Run { cells, .. } => cells.len(),
        }
    }

    /// The records of a run (see `Cells::Run`) of sources from `base` to `base + end`,
    /// read backwards if `reversed`. `end` is at most `RUN_SPAN`.
    pub fn run(base: u32, end: u32, reversed: bool, cells: Vec<RunCell>) -> Self {
        debug_assert!(end <= RUN_SPAN);
        Self::Run {
            base,
            end: end as u16,
            reversed,
            cells,
        }
    }

    #[inline]
    pub fn push(&mut self, record: Record) {
        if let Self::Near { base, cells } = self {
            if cells.is_empty() {
                *base = record.source_start;
            }
            if let Some(near) = Near::new(*base, &record) {
                cells.push(near);
                return;
            }
        }
        self.wide().push(record);
    }

    #[inline]
    pub fn get(&self, index: usize) -> Option<Record> {
        match self {
            Self::Near { base, cells } => cells.get(index).map(|n| n.record(*base)),
            Self::Far(cells) => cells.get(index).copied(),
            Self::Run {
                base,
                end,
                reversed,
                cells,
            } => run_record(cells, (*base, *end), *reversed, index),
        }
    }

    /// Where the text of glyph `index` starts.
    #[inline]
    pub fn text_start(&self, index: usize) -> usize {
        index
            .checked_sub(1)
            .and_then(|before| self.get(before))
            .map_or(0, |r| r.text_end as usize)
    }

    /// The records in 16 bytes each, for an edit other than a push (rare: a line cut
    /// short, or a mark merged into its neighbour).
    pub fn wide(&mut self) -> &mut Vec<Record> {
        if !matches!(self, Self::Far(_)) {
            let far = (0..self.len()).filter_map(|i| self.get(i)).collect();
            *self = Self::Far(far);
        }
        match self {
            Self::Far(far) => far,
            Self::Near { .. } | Self::Run { .. } => unreachable!("made `Far` just above"),
        }
    }
}

impl PartialEq for Cells {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && (0..self.len()).all(|i| self.get(i) == other.get(i))
    }
}

impl Eq for Cells {}
