//! A line's glyph records: where each glyph's text ends in the line's text, the source
//! range it stands for and its width. Nearly every line fits them in 8 bytes a glyph,
//! relative to the line (its text is short, its sources close together); a line that
//! does not keeps 16 bytes a glyph. Writing these records into fresh memory was the
//! largest cost of laying out a long text.

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

/// A record in 8 bytes: the source's start relative to the line's first glyph's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Near {
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

/// The records, all in `near` (relative to `base`) or, once one did not fit, all in `far`.
#[derive(Debug, Clone, Default)]
pub(super) struct Cells {
    base: u32,
    near: Vec<Near>,
    far: Vec<Record>,
}

impl Cells {
    pub fn with_capacity(glyphs: usize) -> Self {
        Self {
            base: 0,
            near: Vec::with_capacity(glyphs),
            far: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.near.len() + self.far.len()
    }

    #[inline]
    pub fn push(&mut self, record: Record) {
        if self.far.is_empty() {
            if self.near.is_empty() {
                self.base = record.source_start;
            }
            if let Some(near) = Near::new(self.base, &record) {
                self.near.push(near);
                return;
            }
        }
        self.wide().push(record);
    }

    #[inline]
    pub fn get(&self, index: usize) -> Option<Record> {
        match self.far.is_empty() {
            true => self.near.get(index).map(|n| n.record(self.base)),
            false => self.far.get(index).copied(),
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
        if !self.near.is_empty() {
            let base = self.base;
            self.far = self.near.drain(..).map(|n| n.record(base)).collect();
            self.near = Vec::new();
        }
        &mut self.far
    }
}

impl PartialEq for Cells {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && (0..self.len()).all(|i| self.get(i) == other.get(i))
    }
}

impl Eq for Cells {}
