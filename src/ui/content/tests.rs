//! Placement of rows, and a long document laid out on several threads.

use super::pane_text::blank_row;
use super::*;
use crate::text::{BidiMode, VisualLine};

fn row(kind: FieldKind, rtl: bool, bullet: bool, width: usize) -> Row {
    let mut line = VisualLine::new(rtl);
    for i in 0..width {
        line.push("x", 1, i..i + 1);
    }
    Row {
        field: Some(0),
        kind,
        item: None,
        line,
        bullet,
    }
}

fn place(pad: usize, bullet: Option<Side>) -> Placement {
    Placement { pad, bullet }
}

#[test]
fn rows_are_placed_by_direction_kind_and_bullet() {
    let at = |r: &Row| placement(r, 10);
    assert_eq!(
        at(&row(FieldKind::Paragraph, false, false, 3)),
        place(0, None)
    );
    assert_eq!(
        at(&row(FieldKind::Paragraph, true, false, 3)),
        place(7, None)
    );
    assert_eq!(
        at(&row(FieldKind::Bullet, false, true, 3)),
        place(2, Some(Side::Left))
    );
    assert_eq!(at(&row(FieldKind::Bullet, false, false, 3)), place(2, None));
    assert_eq!(
        at(&row(FieldKind::Bullet, true, true, 3)),
        place(5, Some(Side::Right))
    );
    assert_eq!(at(&row(FieldKind::Banner, false, false, 4)), place(3, None));
    // Logical output places a right-to-left row as a left-to-right one.
    let rtl = row(FieldKind::Bullet, true, true, 3);
    assert_eq!(placement_as(&rtl, 10, false), place(2, Some(Side::Left)));
    assert_eq!(text_width(FieldKind::Bullet, 10), 8);
    assert_eq!(text_width(FieldKind::Bullet, 1), 0);
    assert_eq!(text_width(FieldKind::Quote, 10), 10);
}

/// Over 256 KB of fields are laid out on several threads: the rows must be those of
/// each field laid out alone, in order, with the same gaps.
#[test]
fn a_long_document_is_laid_out_as_its_fields_one_by_one() {
    let seed = include_str!("../../../tests/data/seed-article.txt");
    let mut fields = Fields::new(DirectionRule::auto());
    for (n, paragraph) in seed.lines().cycle().take(2400).enumerate() {
        match n % 5 {
            0 => fields.push(FieldKind::Heading, "Heading", true),
            1 => fields.item(n),
            _ => {}
        }
        let kind = [FieldKind::Paragraph, FieldKind::Bullet, FieldKind::Quote][n % 3];
        let text = if n % 7 == 0 {
            format!("{paragraph} \u{202E}override")
        } else {
            paragraph.to_owned()
        };
        fields.push(kind, &text, n % 2 == 0);
    }
    let fields = fields.finish();
    let total: usize = fields.iter().map(|f| f.text.text.len()).sum();
    assert!(total > 512 * 1024, "{total} bytes: not enough for threads");
    let engine = Engine {
        mode: BidiMode::App,
        shaping: true,
    };
    let rows = layout_fields(&fields, 60, engine);
    let mut expected: Vec<Row> = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        if field.gap && !expected.is_empty() {
            let inside = expected.last().is_some_and(|r| r.item == field.item);
            expected.push(blank_row(if inside { field.item } else { None }));
        }
        let alone = layout_fields(std::slice::from_ref(field), 60, engine);
        expected.extend(alone.into_iter().map(|row| Row {
            field: row.field.map(|_| index),
            ..row
        }));
    }
    assert_eq!(rows.len(), expected.len());
    for (got, want) in rows.iter().zip(&expected) {
        assert_eq!(
            (got.field, got.kind, got.item, got.bullet, &got.line),
            (want.field, want.kind, want.item, want.bullet, &want.line)
        );
    }
}
