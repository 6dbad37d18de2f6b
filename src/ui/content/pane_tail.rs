//! The rows at the end of a long pane, laid out before the rows above them: `G`, and a
//! search match nearer the end than the rows laid out from the top, show their screen
//! without laying out what lies between. The tail's row numbers are counted back from an
//! estimated end (`RowCount::About`); when the rows from the top meet it, or would pass
//! the number its first row was given, its rows are numbered anew and the pane's scroll
//! follows them (`PaneText::follow`).

use std::ops::Range;

use super::model::Field;
use super::pane_text::{BATCH_BYTES, PaneText, ROW_BYTES_LEAST, note_items};
use super::rows::{append_rows, layout_field_rows};
use super::tail::{Shift, Tail, waiting, waiting_blanks};

impl PaneText {
    /// The tail below the rows from the top (`above` of them before the last were laid
    /// out): their rows and its rows as one, numbered exactly from here on.
    pub(super) fn join(&mut self, tail: Tail, above: usize) {
        let blanks = waiting_blanks(&self.fields, tail.waiting, self.rows.last());
        self.rows.extend(blanks);
        self.renumber(above, tail.start, self.rows.len());
        self.rows.extend(tail.rows);
        self.laid = self.fields.len();
        self.laid_bytes += tail.bytes;
    }

    /// Numbers the tail's rows from a page (`margin`) below the rows from the top when they
    /// begin above that (an estimate too low); `above`: the rows from the top before the
    /// last were laid out.
    pub(super) fn keep_tail_below(&mut self, above: usize) {
        let start = self.rows.len() + 1 + self.margin;
        let Some(tail) = self.tail.as_mut().filter(|t| t.start < start) else {
            return;
        };
        let from = tail.start;
        tail.start = start;
        self.renumber(above, from, start);
    }

    /// The tail's rows, numbered from `from` on, are numbered from `to` on now, and so are
    /// rows counted from them: every row below the `above` rows laid out from the top
    /// (a page up from the tail is still below those: `margin`).
    pub(super) fn renumber(&mut self, above: usize, from: usize, to: usize) {
        if from == to {
            return;
        }
        let by = match to > from {
            true => isize::try_from(to - from).unwrap_or(isize::MAX),
            false => isize::try_from(from - to).map_or(isize::MIN, |by| -by),
        };
        self.shifts.push(Shift {
            from: above + 1,
            by,
        });
        self.numbering += 1;
    }

    /// Lays out the rows numbered `rows`, from the part laid out next to them: the rows
    /// from the top when they begin there or right below, else the tail up.
    ///
    /// A row numbered from the tail's is at most a page above the tail's first; the tail
    /// is kept more than a page below the rows from the top (`margin`), so that a page
    /// up from the tail never reads as a row from the top.
    pub fn lay_out_span(&mut self, rows: Range<usize>) {
        self.keep_margin(rows.len());
        let mut batch = self.bytes_for_rows(rows.len());
        let seen = self.shifts.len();
        loop {
            let moved = |row| self.shifts[seen..].iter().fold(row, |row, s| s.apply(row));
            let (start, end) = (moved(rows.start), moved(rows.end));
            if self.width.is_none() || self.is_laid_out() || end <= self.rows.len() {
                return;
            }
            match &self.tail {
                Some(tail) if start > self.rows.len() => {
                    if start >= tail.start {
                        return;
                    }
                    self.grow_tail(batch);
                    batch = batch.saturating_mul(2);
                }
                _ => {
                    self.lay_out_fields(self.batch_end(batch));
                    batch = self.bytes_for_more_rows(end, batch);
                }
            }
        }
    }

    /// The text to lay out next for the rows from the top to reach `end`: the bytes a
    /// row took so far for each row missing, and a quarter more, so that a screen that
    /// fell a few rows short lays out a few rows more, not twice its text (the seed's
    /// first frame laid out its body whole so). At most twice the last `batch`, as
    /// doubling gave; at least a few lines.
    fn bytes_for_more_rows(&self, end: usize, batch: usize) -> usize {
        let missing = end.saturating_sub(self.rows.len());
        let per_row = self.laid_bytes / self.rows.len().max(1);
        let wanted = missing.saturating_mul(per_row).saturating_mul(5) / 4;
        wanted.clamp(
            ROW_BYTES_LEAST,
            batch.saturating_mul(2).max(ROW_BYTES_LEAST),
        )
    }

    /// Keeps the tail more than `page` rows below the rows from the top.
    fn keep_margin(&mut self, page: usize) {
        self.margin = self.margin.max(page);
        self.keep_tail_below(self.rows.len());
    }

    /// Lays out the last fields, from the end up, until they fill `rows` rows (or meet the
    /// rows from the top): what `G` shows.
    pub fn lay_out_end(&mut self, rows: usize) {
        self.keep_margin(rows);
        let mut batch = BATCH_BYTES;
        let short = |tail: &Option<Tail>| tail.as_ref().is_none_or(|t| t.rows.len() < rows);
        while self.width.is_some() && !self.is_laid_out() && short(&self.tail) {
            self.grow_tail(batch);
            batch = batch.saturating_mul(2);
        }
    }

    /// Lays out field `field`: from the tail up when it is nearer the end than the rows
    /// laid out from the top, else from the top down.
    pub fn lay_out_field(&mut self, field: usize) {
        let gap = self.laid..self.gap_end();
        if !gap.contains(&field) {
            return;
        }
        let bytes = |fields: &[Field]| fields.iter().map(|f| f.text.text.len()).sum::<usize>();
        let above = bytes(&self.fields[gap.start..field]);
        let below = bytes(&self.fields[field..gap.end]);
        match below < above {
            true => self.grow_tail_to(item_start(&self.fields, field)),
            false => self.lay_out_fields(field + 1),
        }
    }

    /// Lays out about `bytes` more of text above the tail (the last fields when there is
    /// no tail yet).
    fn grow_tail(&mut self, bytes: usize) {
        let end = self.gap_end();
        let mut taken = 0;
        let above = self.fields[self.laid..end].iter().rposition(|field| {
            taken += field.text.text.len();
            taken >= bytes
        });
        let start = above.map_or(self.laid, |at| self.laid + at);
        self.grow_tail_to(item_start(&self.fields, start));
    }

    /// Lays out the fields from `start` to the tail, as the tail's first rows; meeting the
    /// rows from the top, as theirs.
    fn grow_tail_to(&mut self, start: usize) {
        let end = self.gap_end();
        let Some(width) = self.width.filter(|_| start < end) else {
            return;
        };
        if start <= self.laid {
            return self.lay_out_fields(end);
        }
        let fields = &self.fields[start..end];
        let laid_out = layout_field_rows(fields, start, width, self.engine);
        let now_waiting = waiting(start, &laid_out);
        let mut rows = Vec::new();
        append_rows(&mut rows, fields, laid_out);
        let bytes = fields.iter().map(|f| f.text.text.len()).sum::<usize>();
        note_items(&rows, &mut self.item_seen, &mut self.item_rtl);
        let tail = match self.tail.take() {
            Some(mut tail) => {
                // Rows above the old first ones decide the blank rows those waited for.
                if rows.is_empty() {
                    tail.waiting = start..tail.waiting.end;
                } else {
                    let blanks = waiting_blanks(&self.fields, tail.waiting.clone(), rows.last());
                    rows.extend(blanks);
                    tail.waiting = now_waiting;
                }
                let added = rows.len();
                for row in rows.into_iter().rev() {
                    tail.rows.push_front(row);
                }
                tail.from = start;
                tail.bytes += bytes;
                tail.start = tail.start.saturating_sub(added);
                tail
            }
            None => {
                let gap = self.estimate_rows(start, bytes, rows.len());
                let start_row = self.rows.len() + gap.max(1 + self.margin);
                Tail {
                    from: start,
                    rows: rows.into(),
                    start: start_row,
                    bytes,
                    waiting: now_waiting,
                }
            }
        };
        self.tail = Some(tail);
        self.keep_tail_below(self.rows.len());
    }

    /// The rows the fields between those laid out from the top and field `end` may take,
    /// at the rows per byte of all the text laid out so far (`rows` more rows of `bytes`
    /// about to be): at least one.
    fn estimate_rows(&self, end: usize, bytes: usize, rows: usize) -> usize {
        let gap: usize = self.fields[self.laid..end]
            .iter()
            .map(|f| f.text.text.len())
            .sum();
        let tail = self.tail.as_ref();
        let laid_rows = self.rows.len() + rows + tail.map_or(0, |t| t.rows.len());
        let laid_bytes = self.laid_bytes + bytes + tail.map_or(0, |t| t.bytes);
        (gap.saturating_mul(laid_rows) / laid_bytes.max(1)).max(1)
    }
}

/// The first field of the item field `field` is in (its own index when in none): a tail
/// begins with a whole item, so that each item's first row is laid out before its others.
fn item_start(fields: &[Field], field: usize) -> usize {
    let Some(item) = fields.get(field).and_then(|f| f.item) else {
        return field;
    };
    fields[..field]
        .iter()
        .rposition(|f| f.item != Some(item))
        .map_or(0, |at| at + 1)
}
