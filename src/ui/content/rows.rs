//! One field's rows at a width, and the blank row between fields.

use super::direction::DirectionRule;
use super::ellipsis::ellipsize;
use super::engine::{Engine, options};
use super::model::{Field, FieldKind, Row};
use super::placement::text_width;
use crate::text::{BaseDirection, VisualLine, layout};

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
