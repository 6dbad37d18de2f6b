//! A pane's fields and the rows they lay out into at the pane's width: the rows are
//! computed in `update`, once per width, and only read when drawing. The reader lays a
//! pane out lazily: from its first field on, as far as the rows asked for so far reach
//! (`lay_out_rows`, `lay_out_fields`), so that the first screen of a long briefing costs
//! what its first screen shows; the rows are the same as laying out whole.

use std::ops::Range;

use super::columns::{has_translation, layout_columns};
use super::engine::Engine;
use super::model::{Field, FieldKind, Row};
use super::rows::{append_rows, layout_field_rows};
use crate::text::map_weighted;
use crate::ui::matching::normalize;

/// Bytes of text laid out at a time when more rows are asked for: a few screens of prose,
/// well under a millisecond of layout.
const BATCH_BYTES: usize = 16 * 1024;

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
    item_seen: Vec<bool>,
    /// Whether a translation's fields go beside the original's (else below them).
    side_by_side: bool,
    /// How many fields, from the first, `rows` holds.
    laid: usize,
    /// The bytes of text of those fields, for estimating the rows of the rest.
    laid_bytes: usize,
    engine: Engine,
    /// A reader pane whose fields are not folded for search yet.
    to_normalize: bool,
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

    /// The rows laid out, or the whole pane's estimated from them.
    pub fn row_count(&self) -> RowCount {
        if self.is_laid_out() {
            return RowCount::Exact(self.rows.len());
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
    /// is laid out.
    pub fn lay_out_until(&mut self, done: impl Fn(&[Row]) -> bool) {
        let mut batch = BATCH_BYTES;
        while !self.is_laid_out() && !done(&self.rows) {
            let end = self.batch_end(batch);
            self.lay_out_fields(end);
            batch = batch.saturating_mul(2);
        }
    }

    /// The end of a batch of `bytes` of text from the first field not laid out (or of the
    /// fields left).
    fn batch_end(&self, bytes: usize) -> usize {
        let mut taken = 0;
        let fields = &self.fields[self.laid..];
        let last = fields.iter().position(|field| {
            taken += field.text.text.len();
            taken >= bytes
        });
        last.map_or(self.fields.len(), |at| self.laid + at + 1)
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
            if let Some(hit) = self.rows.iter().skip(from).find_map(|r| found(fields, r)) {
                return Some(hit);
            }
            if self.is_laid_out() {
                return None;
            }
            from = from.max(self.rows.len());
            self.lay_out_rows(self.rows.len() + 1);
        }
    }

    /// Lays out every field before `end` (on all cores when they are many), and at least a
    /// batch: a pane of less than a batch is always laid out whole.
    pub fn lay_out_fields(&mut self, end: usize) {
        let Some(width) = self.width.filter(|_| end > self.laid) else {
            return;
        };
        let end = end.max(self.batch_end(BATCH_BYTES)).min(self.fields.len());
        let start = self.laid;
        let fields = &self.fields[start..end];
        let laid_out = layout_field_rows(fields, start, width, self.engine);
        let first_new = self.rows.len();
        append_rows(&mut self.rows, fields, laid_out);
        self.laid = end;
        self.laid_bytes += fields.iter().map(|f| f.text.text.len()).sum::<usize>();
        self.note_items(first_new);
    }

    pub fn lay_out_all(&mut self) {
        self.lay_out_fields(self.fields.len());
    }

    /// Sets each item's direction from its first row, among the rows from `first` on.
    fn note_items(&mut self, first: usize) {
        for row in self.rows[first..].iter().filter(|r| r.field.is_some()) {
            if let Some(item) = row.item.filter(|&i| !self.item_seen[i]) {
                self.item_seen[item] = true;
                self.item_rtl[item] = row.line.rtl;
            }
        }
    }

    /// Whether item `item` reads right to left.
    pub fn item_is_rtl(&self, item: Option<usize>) -> bool {
        item.and_then(|i| self.item_rtl.get(i))
            .copied()
            .unwrap_or(false)
    }

    /// The rows item `item` takes: where selecting it should scroll to.
    pub fn item_rows(&mut self, item: usize) -> Option<Range<usize>> {
        let last_field = self.fields.iter().rposition(|f| f.item == Some(item))?;
        self.lay_out_fields(last_field + 1);
        let start = self.rows.iter().position(|r| r.item == Some(item))?;
        let end = self.rows.iter().rposition(|r| r.item == Some(item))? + 1;
        Some(start..end)
    }

    pub fn item_count(&self) -> usize {
        self.fields
            .iter()
            .filter_map(|f| f.item)
            .max()
            .map_or(0, |last| last + 1)
    }

    /// First row showing `byte` of field `field`.
    pub fn row_of(&mut self, field: usize, byte: usize) -> Option<usize> {
        self.lay_out_fields(field.saturating_add(1));
        let mut first_of_field = None;
        for (index, row) in self.rows.iter().enumerate() {
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
