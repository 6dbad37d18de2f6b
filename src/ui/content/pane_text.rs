//! A pane's fields and the rows they lay out into at the pane's width: the rows are
//! computed in `update`, once per width, and only read when drawing.

use std::ops::Range;

use super::direction::DirectionRule;
use super::ellipsis::ellipsize;
use super::engine::{Engine, options};
use super::model::{Field, FieldKind, Row};
use super::placement::text_width;
use crate::text::{BaseDirection, VisualLine, layout, map_weighted};
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
}

impl PaneText {
    pub fn new(fields: Vec<Field>) -> Self {
        Self {
            fields,
            rows: Vec::new(),
            width: None,
            item_rtl: Vec::new(),
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
        self.rows = layout_fields(&self.fields, width, engine);
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
            if row.field != Some(field) {
                continue;
            }
            first_of_field.get_or_insert(index);
            if row.line.glyphs().any(|g| g.source.contains(&byte)) {
                return Some(index);
            }
        }
        first_of_field
    }
}

pub const BIDI_CONTROL_NOTICE: &str = "⚠ the next field holds bidi control characters";

/// Every field's rows, with a blank row where a field asks for a gap. The fields of a long
/// document are laid out on all cores (`text::map_weighted`).
pub fn layout_fields(fields: &[Field], width: usize, engine: Engine) -> Vec<Row> {
    let laid_out = map_weighted(
        fields,
        |field| field.text.text.len(),
        |index, field| field_rows(index, field, width, engine),
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

/// Field `index`'s own rows: the warning above a field that holds bidi controls, then its
/// lines.
fn field_rows(index: usize, field: &Field, width: usize, engine: Engine) -> Vec<Row> {
    let mut rows = Vec::new();
    if field.text.has_bidi_controls {
        let options = options(width, DirectionRule::forced(BaseDirection::Ltr), engine);
        for line in layout(BIDI_CONTROL_NOTICE, &options) {
            rows.push(Row {
                item: field.item,
                ..Row::notice(line, FieldKind::Notice)
            });
        }
    }
    let bullet = field.kind == FieldKind::Bullet;
    let lines = match field.kind {
        FieldKind::Address => address_line(&field.text.text, width, field.rule, engine),
        _ => layout(
            &field.text.text,
            &options(text_width(field.kind, width), field.rule, engine),
        ),
    };
    for (n, line) in lines.into_iter().enumerate() {
        rows.push(Row {
            field: Some(index),
            kind: field.kind,
            item: field.item,
            line,
            bullet: bullet && n == 0,
        });
    }
    rows
}

/// An address on one line, its end cut with "…" when it is wider than `width`: it has
/// no words to wrap at, and its start says where it leads.
fn address_line(text: &str, width: usize, rule: DirectionRule, engine: Engine) -> Vec<VisualLine> {
    let first = text.lines().next().unwrap_or_default();
    let mut lines = layout(first, &options(usize::MAX, rule, engine));
    lines.truncate(1);
    if let Some(line) = lines.first_mut().filter(|line| line.width > width) {
        ellipsize(line, width);
    }
    lines
}

pub(super) fn blank_row(item: Option<usize>) -> Row {
    Row {
        item,
        ..Row::notice(VisualLine::default(), FieldKind::Paragraph)
    }
}
