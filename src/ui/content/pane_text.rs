//! A pane's fields and the rows they lay out into at the pane's width: the rows are
//! computed in `update`, once per width, and only read when drawing.

use std::ops::Range;

use super::columns::{has_translation, layout_columns};
use super::engine::Engine;
use super::model::{Column, Field, FieldKind, Row};
use super::rows::{STACK_INDENT, blank_row, field_rows};
use crate::text::map_weighted;
use crate::ui::matching::normalize;

#[derive(Debug, Clone, Default)]
pub struct PaneText {
    pub fields: Vec<Field>,
    pub rows: Vec<Row>,
    /// Width the rows were laid out at (`None`: not laid out yet).
    pub width: Option<usize>,
    /// Whether each selectable item reads right to left (its first line of text does):
    /// its selection bar stands on the right, its reading side.
    pub item_rtl: Vec<bool>,
    /// Whether a translation's fields go beside the original's (else below them).
    side_by_side: bool,
}

impl PaneText {
    pub fn new(fields: Vec<Field>) -> Self {
        Self {
            fields,
            rows: Vec::new(),
            width: None,
            item_rtl: Vec::new(),
            side_by_side: false,
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

    /// A reader pane: its fields are also normalized for search, here and only here. Our
    /// own notices are left out, so a search never finds them.
    pub fn searchable(mut fields: Vec<Field>) -> Self {
        let normalized = map_weighted(
            &fields,
            |field| field.text.text.len(),
            |_, field| (field.kind != FieldKind::Notice).then(|| normalize(&field.text.text)),
        );
        for (field, normalized) in fields.iter_mut().zip(normalized) {
            if let Some(normalized) = normalized {
                field.normalized = normalized;
            }
        }
        Self::new(fields)
    }

    pub fn relayout(&mut self, width: usize, engine: Engine) {
        if self.width == Some(width) {
            return;
        }
        self.width = Some(width);
        self.rows = if self.side_by_side && has_translation(&self.fields) {
            layout_columns(&self.fields, width, engine)
        } else {
            layout_fields(&self.fields, width, engine)
        };
        self.item_rtl = vec![false; self.item_count()];
        let mut seen = vec![false; self.item_rtl.len()];
        for row in self.rows.iter().filter(|r| r.field.is_some()) {
            if let Some(item) = row.item.filter(|&i| !seen[i]) {
                seen[item] = true;
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
    pub fn item_rows(&self, item: usize) -> Option<Range<usize>> {
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
    pub fn row_of(&self, field: usize, byte: usize) -> Option<usize> {
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

/// Every field's rows, with a blank row where a field asks for a gap. The fields of a long
/// document are laid out on all cores (`text::map_weighted`).
pub fn layout_fields(fields: &[Field], width: usize, engine: Engine) -> Vec<Row> {
    let laid_out = map_weighted(
        fields,
        |field| field.text.text.len(),
        |index, field| {
            let indent = match field.column {
                Column::Translation => STACK_INDENT,
                Column::Whole | Column::Original => 0,
            };
            field_rows(index, field, width, indent, engine)
        },
    );
    let mut rows = Vec::with_capacity(laid_out.iter().map(Vec::len).sum::<usize>());
    for (field, field_rows) in fields.iter().zip(laid_out) {
        if field.gap && !rows.is_empty() {
            // A gap inside an item belongs to it; a gap between items to neither.
            let inside = rows.last().is_some_and(|r: &Row| r.item == field.item);
            rows.push(blank_row(if inside { field.item } else { None }));
        }
        rows.extend(field_rows);
    }
    rows
}
