//! Looking rows up in a pane laid out in part: by number (those from the top, then the
//! tail's, `pane_tail`), by item and by field, and following the numbers when the tail's
//! change.

use std::ops::Range;

use super::model::Row;
use super::pane_text::PaneText;

impl PaneText {
    /// Where row `row` (a scroll position) is since the tail was last numbered anew.
    pub fn follow(&mut self, row: usize) -> usize {
        let shifts = std::mem::take(&mut self.shifts);
        match row {
            usize::MAX => row,
            _ => shifts.into_iter().fold(row, |row, shift| shift.apply(row)),
        }
    }

    /// Counts the times the rows were numbered anew.
    pub fn numbering(&self) -> u64 {
        self.numbering
    }

    /// The row numbered `row`, when it is laid out.
    pub fn row(&self, row: usize) -> Option<&Row> {
        self.rows_from(row).next()
    }

    /// The number after the tail's last row, when there is a tail: the end of the pane.
    pub fn tail_end(&self) -> Option<usize> {
        self.tail.as_ref().map(|tail| tail.start + tail.rows.len())
    }

    /// The rows laid out from row `row` on, as far as they run without a gap: those from
    /// the top, or the tail's.
    pub fn rows_from(&self, row: usize) -> impl Iterator<Item = &Row> {
        let head = self.rows.get(row..).unwrap_or_default();
        let tail = self
            .tail
            .as_ref()
            .filter(|tail| head.is_empty() && row >= tail.start)
            .map(|tail| tail.rows.range((row - tail.start).min(tail.rows.len())..));
        head.iter().chain(tail.into_iter().flatten())
    }

    /// Every row laid out, with its number: those from the top, then the tail's.
    pub fn laid_rows(&self) -> impl Iterator<Item = (usize, &Row)> {
        let tail = self.tail.iter().flat_map(|tail| {
            let numbers = tail.start..;
            numbers.zip(&tail.rows)
        });
        self.rows.iter().enumerate().chain(tail)
    }

    /// The rows, with their numbers, of the part laid out that holds field `field`.
    pub(super) fn laid_rows_of(&self, field: usize) -> impl Iterator<Item = (usize, &Row)> {
        let in_tail = self.tail.as_ref().is_some_and(|tail| field >= tail.from);
        self.laid_rows()
            .skip(if in_tail { self.rows.len() } else { 0 })
    }

    /// The rows item `item` takes: where selecting it should scroll to.
    pub fn item_rows(&mut self, item: usize) -> Option<Range<usize>> {
        let first_field = self.fields.iter().position(|f| f.item == Some(item))?;
        let last_field = self.fields.iter().rposition(|f| f.item == Some(item))?;
        self.lay_out_field(first_field);
        if first_field < self.laid {
            self.lay_out_fields(last_field + 1);
        }
        let mut rows = self
            .laid_rows_of(first_field)
            .filter(|(_, r)| r.item == Some(item));
        let (start, _) = rows.next()?;
        let end = rows.last().map_or(start, |(at, _)| at) + 1;
        Some(start..end)
    }

    /// First row showing `byte` of field `field`.
    pub fn row_of(&mut self, field: usize, byte: usize) -> Option<usize> {
        self.lay_out_field(field);
        let mut first_of_field = None;
        for (index, row) in self.laid_rows_of(field) {
            let Some(part) = std::iter::once(row)
                .chain(row.beside.as_deref())
                .find(|part| part.field == Some(field))
            else {
                continue;
            };
            first_of_field.get_or_insert(index);
            if part.line.glyphs().any(|g| g.source.contains(&byte)) {
                return Some(index);
            }
        }
        first_of_field
    }
}
