//! A pane's tail as data: its rows, the number its first row is given, the fields whose
//! blank rows wait for the rows above it, and how its rows are numbered anew
//! (`pane_tail` lays it out).

use std::collections::VecDeque;
use std::ops::Range;

use super::model::{Field, Row};
use super::rows::blank_row;

#[derive(Debug, Clone, Default)]
pub(super) struct Tail {
    /// The first field laid out here; the tail runs to the pane's last field.
    pub from: usize,
    pub rows: VecDeque<Row>,
    /// The row number of `rows[0]`: estimated, and above the rows laid out from the top.
    pub start: usize,
    /// Bytes of text of the fields from `from` on.
    pub bytes: usize,
    /// The fields from `from` whose blank row (a gap before them) waits for the row above
    /// the tail: up to the first of them with rows of its own, which decides the rest.
    pub waiting: Range<usize>,
}

/// Rows numbered from `from` on moved by `by` (a tail, and rows counted from it, numbered
/// anew).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shift {
    pub from: usize,
    pub by: isize,
}

impl Shift {
    pub fn apply(self, row: usize) -> usize {
        match row >= self.from {
            true => row.saturating_add_signed(self.by),
            false => row,
        }
    }
}

/// The fields whose blank row waits for what is above the first of `fields[first..]`
/// laid out alone (`laid_out`: each field's own rows): those up to the first with rows.
pub(super) fn waiting(first: usize, laid_out: &[Vec<Row>]) -> Range<usize> {
    let shown = laid_out.iter().position(|rows| !rows.is_empty());
    first..first + shown.map_or(laid_out.len(), |at| at + 1)
}

/// The blank rows `waiting` fields ask for below `above` (the last row above them, if
/// any): what `append_rows` puts there when it lays them out below that row.
pub(super) fn waiting_blanks(
    fields: &[Field],
    waiting: Range<usize>,
    above: Option<&Row>,
) -> Vec<Row> {
    let mut last = above.map(|row| row.item);
    let mut blanks = Vec::new();
    for field in fields.get(waiting).unwrap_or_default() {
        let Some(item) = last.filter(|_| field.gap) else {
            continue;
        };
        let blank = blank_row(if item == field.item { field.item } else { None });
        last = Some(blank.item);
        blanks.push(blank);
    }
    blanks
}
