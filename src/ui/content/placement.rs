//! Where a row sits in a pane: its padding and the side of its bullet marker.

use super::model::{FieldKind, Row};

/// Cells a bullet marker (`Side::marker`) takes.
pub const BULLET_WIDTH: usize = 2;

/// The side of a row its bullet marker goes on: where the line starts reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

impl Side {
    /// The bullet marker on this side, `BULLET_WIDTH` cells with the gap towards the text.
    pub fn marker(self) -> &'static str {
        match self {
            Side::Left => "• ",
            Side::Right => " •",
        }
    }
}

/// Where a row sits in a pane: the cells before its text and, if it shows a bullet marker,
/// the side the marker's `BULLET_WIDTH` cells are on. Worked out here alone so that the
/// reader, `brief show` and the layout width can never disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub pad: usize,
    pub bullet: Option<Side>,
}

/// Cells a field's text may take in a pane `width` wide: bullet items leave room for the
/// marker column.
pub fn text_width(kind: FieldKind, width: usize) -> usize {
    if kind == FieldKind::Bullet {
        width.saturating_sub(BULLET_WIDTH)
    } else {
        width
    }
}

/// Where `row` sits in `width` cells: a banner centred like a classification stamp, a
/// right-to-left line against the right edge with its bullet outside it on the right, a
/// left-to-right one at the left edge after its bullet column.
pub fn placement(row: &Row, width: usize) -> Placement {
    placement_as(row, width, row.line.rtl)
}

/// `placement` with the row taken as right-to-left or not whatever its line says: output
/// in logical order (`rtl: false`) leaves right-to-left lines for the terminal to place.
/// A row's `indent` is on its reading-start side: the left of a left-to-right row, the
/// right of a right-to-left one, its bullet marker inside it.
pub fn placement_as(row: &Row, width: usize, rtl: bool) -> Placement {
    let side = if rtl { Side::Right } else { Side::Left };
    let inner = width.saturating_sub(row.indent);
    let pad = if row.kind == FieldKind::Banner {
        width.saturating_sub(row.line.width) / 2
    } else if rtl {
        text_width(row.kind, inner).saturating_sub(row.line.width)
    } else if row.kind == FieldKind::Bullet {
        row.indent + BULLET_WIDTH
    } else {
        row.indent
    };
    Placement {
        pad,
        bullet: row.bullet.then_some(side),
    }
}
