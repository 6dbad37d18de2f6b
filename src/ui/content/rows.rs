//! One field's rows at a width, the blank row between fields, and a run of fields' rows.

use super::direction::DirectionRule;
use super::ellipsis::ellipsize;
use super::engine::{Engine, options};
use super::model::{Column, Field, FieldKind, Row};
use super::placement::text_width;
use crate::text::{BaseDirection, VisualLine, layout, map_weighted};

pub const BIDI_CONTROL_NOTICE: &str = "⚠ the next field holds bidi control characters";

/// Cells a translation stacked below its original is indented by.
pub const STACK_INDENT: usize = 2;

/// Field `index`'s own rows, `indent` cells in from the reading-start side of `width`: the
/// warning above a field that holds bidi controls, then its lines.
pub(super) fn field_rows(
    index: usize,
    field: &Field,
    width: usize,
    indent: usize,
    engine: Engine,
) -> Vec<Row> {
    let width = width.saturating_sub(indent).max(1);
    let mut rows = Vec::new();
    if field.text.has_bidi_controls {
        let options = options(width, DirectionRule::forced(BaseDirection::Ltr), engine);
        for line in layout(BIDI_CONTROL_NOTICE, &options) {
            rows.push(Row {
                item: field.item,
                indent,
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
            indent,
            beside: None,
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

/// Every field's rows, with a blank row where a field asks for a gap. The fields of a long
/// document are laid out on all cores (`text::map_weighted`).
pub fn layout_fields(fields: &[Field], width: usize, engine: Engine) -> Vec<Row> {
    let laid_out = layout_field_rows(fields, 0, width, engine);
    let mut rows = Vec::with_capacity(laid_out.iter().map(Vec::len).sum::<usize>());
    append_rows(&mut rows, fields, laid_out);
    rows
}

/// Each of `fields`' own rows; the first of them is field `first` of its pane.
pub(super) fn layout_field_rows(
    fields: &[Field],
    first: usize,
    width: usize,
    engine: Engine,
) -> Vec<Vec<Row>> {
    map_weighted(
        fields,
        |field| field.text.text.len(),
        |index, field| own_rows(first + index, field, width, engine),
    )
}

/// Field `index`'s own rows across a pane `width` cells wide: a translation stacked below
/// its original is indented.
pub fn own_rows(index: usize, field: &Field, width: usize, engine: Engine) -> Vec<Row> {
    let indent = match field.column {
        Column::Translation => STACK_INDENT,
        Column::Whole | Column::Original => 0,
    };
    field_rows(index, field, width, indent, engine)
}

/// Appends `fields`' rows to `rows`, with a blank row before a field that asks for a gap.
pub(super) fn append_rows(rows: &mut Vec<Row>, fields: &[Field], laid_out: Vec<Vec<Row>>) {
    rows.reserve(laid_out.iter().map(Vec::len).sum::<usize>());
    for (field, field_rows) in fields.iter().zip(laid_out) {
        if field.gap && !rows.is_empty() {
            // A gap inside an item belongs to it; a gap between items to neither.
            let inside = rows.last().is_some_and(|r: &Row| r.item == field.item);
            rows.push(blank_row(if inside { field.item } else { None }));
        }
        rows.extend(field_rows);
    }
}
