//! A briefing and its translation side by side: each unit's original rows in the left
//! column, its translation's beside them in the right, the pair starting on one row.

use super::engine::Engine;
use super::model::{Column, Field, Row};
use super::rows::{blank_row, field_rows};
use crate::text::map_weighted;

/// Cells between the two columns; the rule between them is in the middle one.
pub const COLUMN_GAP: usize = 3;

/// The widths of the original's column and the translation's in a pane `width` wide.
pub fn column_widths(width: usize) -> (usize, usize) {
    let both = width.saturating_sub(COLUMN_GAP);
    let left = (both / 2).max(1);
    (left, both.saturating_sub(left).max(1))
}

pub fn has_translation(fields: &[Field]) -> bool {
    fields.iter().any(|f| f.column == Column::Translation)
}

/// The rows of `fields` in two columns: a `Whole` field across the pane; a run of fields
/// of one unit, the original's on the left and the translation's on the right, padded with
/// blank rows to the longer of the two so that the next pair starts level again.
pub fn layout_columns(fields: &[Field], width: usize, engine: Engine) -> Vec<Row> {
    let (left, right) = column_widths(width);
    let laid_out = map_weighted(
        fields,
        |field| field.text.text.len(),
        |index, field| {
            let width = match field.column {
                Column::Whole => width,
                Column::Original => left,
                Column::Translation => right,
            };
            field_rows(index, field, width, 0, engine)
        },
    );
    let mut rows: Vec<Row> = Vec::new();
    let mut laid_out = laid_out.into_iter();
    let mut start = 0;
    while let Some(first) = fields.get(start) {
        let end = if first.column == Column::Whole {
            start + 1
        } else {
            start
                + fields[start..]
                    .iter()
                    .take_while(|f| f.column != Column::Whole && f.unit == first.unit)
                    .count()
        };
        let group = &fields[start..end];
        let group_rows: Vec<Vec<Row>> = laid_out.by_ref().take(group.len()).collect();
        if group.iter().any(|f| f.gap) && !rows.is_empty() {
            let inside = rows.last().is_some_and(|r| r.item == first.item);
            rows.push(blank_row(if inside { first.item } else { None }));
        }
        if first.column == Column::Whole {
            rows.extend(group_rows.into_iter().flatten());
        } else {
            rows.extend(pair(group, group_rows));
        }
        start = end;
    }
    rows
}

/// One unit's rows: the original's beside the translation's.
fn pair(group: &[Field], group_rows: Vec<Vec<Row>>) -> Vec<Row> {
    let item = group.first().and_then(|f| f.item);
    let mut sides: [Vec<Row>; 2] = [Vec::new(), Vec::new()];
    for (field, field_rows) in group.iter().zip(group_rows) {
        let side = &mut sides[usize::from(field.column == Column::Translation)];
        // The unit's own gap is before the pair; a gap inside one side stays in it.
        if field.gap && !side.is_empty() {
            side.push(blank_row(item));
        }
        side.extend(field_rows);
    }
    let [original, translation] = sides;
    let height = original.len().max(translation.len());
    let mut original = original.into_iter();
    let mut translation = translation.into_iter();
    (0..height)
        .map(|_| {
            let mut row = original.next().unwrap_or_else(|| blank_row(item));
            let beside = translation.next().unwrap_or_else(|| blank_row(item));
            row.beside = Some(Box::new(beside));
            row
        })
        .collect()
}
