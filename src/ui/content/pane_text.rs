//! A pane's fields and the rows they lay out into at the pane's width: the rows are
//! computed in `update`, once per width, and only read when drawing. The reader lays a
//! pane out lazily: from its first field on, as far as the rows asked for so far reach
//! (`lay_out_rows`, `lay_out_fields`), and from its last field up for its end
//! (`pane_tail`), so that the first screen of a long briefing, and its last, cost what
//! that screen shows; the rows are the same as laying out whole.

use super::columns::{has_translation, layout_columns};
use super::engine::Engine;
use super::model::{Field, FieldKind, Row};
use super::rows::{append_rows, layout_field_rows};
use super::tail::{Shift, Tail};
use crate::text::map_weighted;
use crate::ui::matching::normalize;

/// Bytes of text laid out at a time when more rows are asked for: a few screens of prose,
/// well under a millisecond of layout.
pub(super) const BATCH_BYTES: usize = 16 * 1024;

/// The least laid out at once in a pane whose rest is longer than a batch: a screen of
/// prose at the widest panes. A long briefing's first frame waits for no more.
pub(super) const STEP_BYTES: usize = 4 * 1024;

/// The least asked for the rows of a screen (`bytes_for_rows`): a few lines of prose.
pub(super) const ROW_BYTES_LEAST: usize = 256;

#[derive(Debug, Clone, Default)]
pub struct PaneText {
    pub fields: Vec<Field>,
    /// The rows of `fields[..laid]`: every field's after `relayout`, the first ones only
    /// while a lazy layout (`start_layout`) has not been asked for more.
    pub rows: Vec<Row>,
    /// Width the rows were laid out at (`None`: not laid out yet).
    pub width: Option<usize>,
    /// Whether each selectable item reads right to left (its first line of text does):
    /// its selection bar stands on the right, its reading side.
    pub item_rtl: Vec<bool>,
    /// Whether `item_rtl` has been set from the item's first row yet.
    pub(super) item_seen: Vec<bool>,
    /// Whether a translation's fields go beside the original's (else below them).
    side_by_side: bool,
    /// How many fields, from the first, `rows` holds.
    pub(super) laid: usize,
    /// The bytes of text of those fields, for estimating the rows of the rest.
    pub(super) laid_bytes: usize,
    /// The last fields' rows, laid out before the ones above them.
    pub(super) tail: Option<Tail>,
    /// How the rows of `tail` were numbered anew since `follow` last looked.
    pub(super) shifts: Vec<Shift>,
    /// How many times they were: a scroll across a renumbering is no shift of the screen.
    pub(super) numbering: u64,
    /// The most rows asked for at once (a page): the tail's first row is numbered more
    /// than this below the rows from the top.
    pub(super) margin: usize,
    pub(super) engine: Engine,
    /// A reader pane whose fields are not folded for search yet.
    to_normalize: bool,
    /// Its fields end before the list they show does (a long file's head): its count is
    /// never exact, and it is laid out a step at a time, as a long pane is.
    cut: bool,
    /// Only what is asked for is laid out, a short pane's rest too, until
    /// `finish_deferred`: a first frame lays out no more than it shows.
    deferred: bool,
}

/// How many rows a pane has: exact once every field is laid out, else estimated from the
/// rows of the text laid out so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowCount {
    Exact(usize),
    About(usize),
}

impl RowCount {
    pub fn value(self) -> usize {
        match self {
            RowCount::Exact(n) | RowCount::About(n) => n,
        }
    }
}

impl PaneText {
    pub fn new(fields: Vec<Field>) -> Self {
        Self {
            fields,
            ..Self::default()
        }
    }

    /// Marks the fields as the start of a longer list (`cut`).
    pub fn mark_cut(&mut self) {
        self.cut = true;
    }

    /// Lays out only what is asked for until `finish_deferred`.
    pub fn defer_rest(&mut self) {
        self.deferred = true;
    }

    /// Ends `defer_rest`: a short pane's rest is laid out now, as it would have been when
    /// its first rows were. Whether any was.
    pub fn finish_deferred(&mut self) -> bool {
        let rest = self.gap_end();
        if !std::mem::take(&mut self.deferred) || self.cut || self.laid == rest {
            return false;
        }
        if self.width.is_none() || self.batch_end(BATCH_BYTES) != rest {
            return false;
        }
        self.lay_out_fields(rest);
        true
    }

    /// Puts a translation's fields beside the original's, or below them; the rows are laid
    /// out again at the next `relayout`.
    pub fn set_side_by_side(&mut self, side_by_side: bool) {
        if self.side_by_side != side_by_side {
            self.side_by_side = side_by_side;
            self.width = None;
        }
    }

    /// A reader pane: its fields are also normalized for search, once, when a search
    /// first needs them (`normalize_for_search`).
    pub fn searchable(fields: Vec<Field>) -> Self {
        Self {
            to_normalize: true,
            ..Self::new(fields)
        }
    }

    /// Folds a reader pane's fields for search (`Field::normalized`), the first time only
    /// (on all cores when they are long): opening a long briefing does not wait for it.
    /// Our own notices are left out, so a search never finds them.
    pub fn normalize_for_search(&mut self) {
        if !std::mem::take(&mut self.to_normalize) {
            return;
        }
        let normalized = map_weighted(
            &self.fields,
            |field| field.text.text.len(),
            |_, field| (field.kind != FieldKind::Notice).then(|| normalize(&field.text.text)),
        );
        for (field, normalized) in self.fields.iter_mut().zip(normalized) {
            if let Some(normalized) = normalized {
                field.normalized = normalized;
            }
        }
    }

    /// Lays every field out at `width`, unless the rows are already at that width.
    pub fn relayout(&mut self, width: usize, engine: Engine) {
        self.start_layout(width, engine);
        self.lay_out_all();
    }

    /// Sets the width the rows are laid out at and drops rows of another width; the rows
    /// themselves come as they are asked for. Side by side, a translated pane is laid out
    /// whole here, since each pair's rows depend on both columns.
    pub fn start_layout(&mut self, width: usize, engine: Engine) {
        if self.width == Some(width) {
            return;
        }
        self.width = Some(width);
        self.engine = engine;
        self.rows = Vec::new();
        self.laid = 0;
        self.laid_bytes = 0;
        self.tail = None;
        self.shifts.clear();
        self.item_rtl = vec![false; self.item_count()];
        self.item_seen = vec![false; self.item_rtl.len()];
        if self.side_by_side && has_translation(&self.fields) {
            self.rows = layout_columns(&self.fields, width, engine);
            self.laid = self.fields.len();
            self.laid_bytes = self.fields.iter().map(|f| f.text.text.len()).sum();
            self.note_items(0);
        }
    }

    /// Whether every field's rows are in `rows`.
    pub fn is_laid_out(&self) -> bool {
        self.laid == self.fields.len()
    }

    /// The rows laid out (unless the list is cut), or the whole pane's estimated from them.
    pub fn row_count(&self) -> RowCount {
        if self.is_laid_out() && !self.cut {
            return RowCount::Exact(self.rows.len());
        }
        if let Some(tail) = &self.tail {
            return RowCount::About(tail.start + tail.rows.len());
        }
        let total: usize = self.fields.iter().map(|f| f.text.text.len()).sum();
        let laid = self.laid_bytes.max(1);
        let estimate = self.rows.len().saturating_mul(total) / laid;
        RowCount::About(estimate.max(self.rows.len() + 1))
    }

    /// Lays out fields, a batch at a time, until `rows` holds at least `wanted` rows or
    /// every field is laid out (all at once for `usize::MAX`: the end, on all cores).
    pub fn lay_out_rows(&mut self, wanted: usize) {
        if wanted == usize::MAX {
            self.lay_out_all();
        }
        self.lay_out_until(|rows| rows.len() >= wanted);
    }

    /// Lays out fields, in batches each twice as long as the one before (so that a long
    /// way down is laid out on all cores), until `done` holds of the rows or every field
    /// is laid out. The first is a step: what a screen asks for is often laid out by it.
    pub fn lay_out_until(&mut self, done: impl Fn(&[Row]) -> bool) {
        let mut batch = STEP_BYTES;
        while !self.is_laid_out() && !done(&self.rows) {
            let end = self.batch_end(batch);
            self.lay_out_fields(end);
            batch = batch.saturating_mul(2);
        }
    }

    /// Bytes of text that make about `rows` rows at this width, at a byte a cell: Arabic
    /// takes two a letter in UTF-8, but the space a line leaves at its end and the blank
    /// row between paragraphs halve that in prose (the seed's body: 0.8 a cell). What a
    /// screen asks for, at most a step; more is asked for when it falls short.
    pub(super) fn bytes_for_rows(&self, rows: usize) -> usize {
        let cells = rows.saturating_mul(self.width.unwrap_or(0));
        cells.clamp(ROW_BYTES_LEAST, STEP_BYTES)
    }

    /// The end of a batch of `bytes` of text from the first field not laid out (or of the
    /// fields left).
    pub(super) fn batch_end(&self, bytes: usize) -> usize {
        let mut taken = 0;
        let end = self.gap_end();
        let fields = &self.fields[self.laid..end];
        let last = fields.iter().position(|field| {
            taken += field.text.text.len();
            taken >= bytes
        });
        last.map_or(end, |at| self.laid + at + 1)
    }

    /// The first field not laid out from the top on that the tail does not hold either.
    pub(super) fn gap_end(&self) -> usize {
        self.tail
            .as_ref()
            .map_or(self.fields.len(), |tail| tail.from)
    }

    /// The first `found` of the rows from `row` on (given the fields too), laying out more
    /// until one is found.
    pub fn find_from<T>(
        &mut self,
        row: usize,
        found: impl Fn(&[Field], &Row) -> Option<T>,
    ) -> Option<T> {
        let mut from = row;
        loop {
            let fields = &self.fields;
            if let Some(hit) = self.rows_from(from).find_map(|r| found(fields, r)) {
                return Some(hit);
            }
            if self.is_laid_out() || self.tail.as_ref().is_some_and(|t| from >= t.start) {
                return None;
            }
            from = from.max(self.rows.len());
            self.lay_out_rows(self.rows.len() + 1);
        }
    }

    /// Lays out every field before `end` (on all cores when they are many): the rest whole
    /// when it is less than a batch (so a short pane is laid out whole unless that is
    /// deferred), else at least a step. Meeting the tail joins it, and its rows are numbered from there.
    pub fn lay_out_fields(&mut self, end: usize) {
        let Some(width) = self.width.filter(|_| end > self.laid) else {
            return;
        };
        let rest_in_a_batch = self.batch_end(BATCH_BYTES);
        let least = match rest_in_a_batch == self.gap_end() && !self.cut {
            _ if self.deferred => self.laid,
            true => rest_in_a_batch,
            false => self.batch_end(STEP_BYTES),
        };
        let end = end.max(least).min(self.gap_end());
        let start = self.laid;
        let fields = &self.fields[start..end];
        let laid_out = layout_field_rows(fields, start, width, self.engine);
        let first_new = self.rows.len();
        append_rows(&mut self.rows, fields, laid_out);
        self.laid = end;
        self.laid_bytes += fields.iter().map(|f| f.text.text.len()).sum::<usize>();
        let (seen, rtl) = (&mut self.item_seen, &mut self.item_rtl);
        note_items(&self.rows[first_new..], seen, rtl);
        match self.tail.take() {
            Some(tail) if tail.from == end => self.join(tail, first_new),
            Some(tail) => {
                self.tail = Some(tail);
                self.keep_tail_below(first_new);
            }
            None => {}
        }
    }

    /// Lays out about `bytes` more of text (after `start_layout`) and hands over the rows
    /// no later field can change: all but the last, which the next field's gap looks at.
    /// For output printed as it is laid out (`brief show`), which then holds a batch's
    /// rows at a time. `None` once every row has been handed over.
    pub fn take_next_rows(&mut self, bytes: usize) -> Option<Vec<Row>> {
        if self.laid < self.fields.len() {
            self.lay_out_fields(self.batch_end(bytes));
            let last = self.rows.split_off(self.rows.len().saturating_sub(1));
            return Some(std::mem::replace(&mut self.rows, last));
        }
        (!self.rows.is_empty()).then(|| std::mem::take(&mut self.rows))
    }

    pub fn lay_out_all(&mut self) {
        self.lay_out_fields(self.fields.len());
    }

    /// Sets each item's direction from its first row.
    fn note_items(&mut self, first: usize) {
        note_items(&self.rows[first..], &mut self.item_seen, &mut self.item_rtl);
    }

    /// Whether item `item` reads right to left.
    pub fn item_is_rtl(&self, item: Option<usize>) -> bool {
        item.and_then(|i| self.item_rtl.get(i))
            .copied()
            .unwrap_or(false)
    }

    pub fn item_count(&self) -> usize {
        self.fields
            .iter()
            .filter_map(|f| f.item)
            .max()
            .map_or(0, |last| last + 1)
    }
}

/// Sets the direction of each item first seen among `rows` from its first row there.
pub(super) fn note_items<'a>(
    rows: impl IntoIterator<Item = &'a Row>,
    seen: &mut [bool],
    rtl: &mut [bool],
) {
    for row in rows {
        let Some(item) = row.item.filter(|_| row.field.is_some()) else {
            continue;
        };
        if let (Some(seen), Some(rtl)) = (seen.get_mut(item), rtl.get_mut(item))
            && !*seen
        {
            *seen = true;
            *rtl = row.line.rtl;
        }
    }
}
