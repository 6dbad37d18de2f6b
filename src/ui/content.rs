//! What a pane holds: fields (each a sanitized string with its direction, sanitized once
//! when the briefing opens) and the rows they lay out into at the pane's width. The rows
//! are computed in `update` and only read when drawing.

use std::ops::Range;

use super::search::{Normalized, normalize};
use crate::briefing::{Briefing, Direction};
use crate::text::{
    BaseDirection, BidiMode, LayoutOptions, Sanitized, VisualLine, first_strong, isolate, layout,
    map_weighted, measure, sanitize,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Banner,
    Headline,
    Meta,
    Tags,
    Summary,
    Heading,
    Paragraph,
    Lead,
    Bullet,
    Quote,
    Attribution,
    Context,
    Name,
    Detail,
    Error,
    /// Text of our own (a notice), not from the briefing.
    Notice,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub text: Sanitized,
    pub directions: Directions,
    pub kind: FieldKind,
    /// The selectable item (quote, actor) this field belongs to.
    pub item: Option<usize>,
    /// Leave a blank row before this field.
    pub gap: bool,
    /// The text folded for search: filled once for the reader's panes
    /// (`PaneText::searchable`) so that no keystroke folds it again; empty elsewhere.
    pub normalized: Normalized,
}

#[derive(Debug, Clone)]
pub struct Row {
    /// The field this row shows; `None` for blank rows and our own notices.
    pub field: Option<usize>,
    pub kind: FieldKind,
    pub item: Option<usize>,
    pub line: VisualLine,
    /// Bullet marker on the row's reading-start side (right of an RTL line).
    pub bullet: bool,
}

/// Cells a bullet marker takes ("• " or " •").
pub const BULLET_WIDTH: usize = 2;

/// The side of a row its bullet marker goes on: where the line starts reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
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
pub fn placement_as(row: &Row, width: usize, rtl: bool) -> Placement {
    let side = if rtl { Side::Right } else { Side::Left };
    let pad = if row.kind == FieldKind::Banner {
        width.saturating_sub(row.line.width) / 2
    } else if rtl {
        text_width(row.kind, width).saturating_sub(row.line.width)
    } else if row.kind == FieldKind::Bullet {
        BULLET_WIDTH
    } else {
        0
    };
    Placement {
        pad,
        bullet: row.bullet.then_some(side),
    }
}

/// How the layout engine is driven, the same for every pane and for `brief show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Engine {
    pub mode: BidiMode,
    pub shaping: bool,
}

#[derive(Debug, Clone, Default)]
pub struct PaneText {
    pub fields: Vec<Field>,
    pub rows: Vec<Row>,
    /// Width the rows were laid out at (`None`: not laid out yet).
    pub width: Option<usize>,
}

impl PaneText {
    pub fn new(fields: Vec<Field>) -> Self {
        Self {
            fields,
            rows: Vec::new(),
            width: None,
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

/// Direction of each paragraph: the briefing's `direction` when forced; otherwise the
/// paragraph's own first strong character, and for text with none (a date, a number) the
/// script of the briefing's `language`.
/// A piece of a row: a field of the briefing, or punctuation of our own around it.
#[derive(Debug, Clone, Copy)]
pub enum Piece<'a> {
    Field(&'a str),
    Mark(&'a str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Directions {
    pub direction: BaseDirection,
    pub fallback: BaseDirection,
}

impl Directions {
    pub fn of(briefing: &Briefing) -> Self {
        let direction = match briefing.direction {
            Direction::Rtl => BaseDirection::Rtl,
            Direction::Ltr => BaseDirection::Ltr,
            Direction::Auto => BaseDirection::Auto,
        };
        let rtl_language = briefing.language.as_deref().is_some_and(is_rtl_language);
        let fallback = if rtl_language {
            BaseDirection::Rtl
        } else {
            BaseDirection::Ltr
        };
        Self {
            direction,
            fallback,
        }
    }

    /// For our own text (labels, notices, error messages): left to right unless it says
    /// otherwise.
    pub fn auto() -> Self {
        Self {
            direction: BaseDirection::Auto,
            fallback: BaseDirection::Ltr,
        }
    }

    pub fn ltr() -> Self {
        Self {
            direction: BaseDirection::Ltr,
            fallback: BaseDirection::Ltr,
        }
    }
}

/// The text's first strong character is right-to-left.
pub fn starts_rtl(text: &str) -> bool {
    first_strong(text) == Some(BaseDirection::Rtl)
}

fn is_rtl_language(tag: &str) -> bool {
    let primary = tag
        .split(['-', '_'])
        .next()
        .unwrap_or(tag)
        .to_ascii_lowercase();
    let rtl_script = tag.split(['-', '_']).any(|sub| {
        ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"]
            .contains(&sub.to_ascii_lowercase().as_str())
    });
    rtl_script
        || [
            "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur", "yi", "syr",
        ]
        .contains(&primary.as_str())
}

/// Builds a pane's fields, sanitizing each string once.
pub struct Fields {
    directions: Directions,
    fields: Vec<Field>,
    item: Option<usize>,
}

impl Fields {
    pub fn new(directions: Directions) -> Self {
        Self {
            directions,
            fields: Vec::new(),
            item: None,
        }
    }

    /// Fields pushed from now on belong to selectable item `item`.
    pub fn item(&mut self, item: usize) {
        self.item = Some(item);
    }

    pub fn push(&mut self, kind: FieldKind, raw: &str, gap: bool) {
        self.push_sanitized(kind, sanitize(raw), gap);
    }

    /// Several strings shown as one line, each sanitized on its own so that controls in one
    /// cannot reach into the next.
    /// Fields that share a row (date · location · source, tags) joined by `separator`.
    pub fn push_joined(&mut self, kind: FieldKind, parts: &[&str], separator: &str, gap: bool) {
        let mut pieces = Vec::with_capacity(parts.len() * 2);
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                pieces.push(Piece::Mark(separator));
            }
            pieces.push(Piece::Field(part));
        }
        self.push_row(kind, &pieces, gap);
    }

    /// A row of briefing fields and our own punctuation. Each field is isolated in the
    /// direction it would have alone, so one field's neutrals and controls never reorder
    /// its neighbours; the punctuation takes the row's direction (« » mirror with it). The
    /// row takes the briefing's direction, or in auto mode the first strong letter of its
    /// fields: the paragraph rule alone would skip the isolates and see no letter at all.
    pub fn push_row(&mut self, kind: FieldKind, pieces: &[Piece<'_>], gap: bool) {
        let mut text = String::new();
        let mut letters = String::new();
        let mut has_bidi_controls = false;
        for piece in pieces {
            match piece {
                Piece::Mark(mark) => text.push_str(mark),
                Piece::Field(field) => {
                    let field = sanitize(field);
                    has_bidi_controls |= field.has_bidi_controls;
                    letters.push_str(&field.text);
                    isolate(&field, self.directions.direction, &mut text);
                }
            }
        }
        let row = match self.directions.direction {
            BaseDirection::Auto => first_strong(&letters).unwrap_or(self.directions.fallback),
            forced => forced,
        };
        self.fields.push(Field {
            text: Sanitized {
                text,
                has_bidi_controls,
            },
            directions: Directions {
                direction: row,
                fallback: row,
            },
            kind,
            item: self.item,
            gap,
            normalized: Normalized::default(),
        });
    }

    fn push_sanitized(&mut self, kind: FieldKind, text: Sanitized, gap: bool) {
        self.fields.push(Field {
            text,
            directions: self.directions,
            kind,
            item: self.item,
            gap,
            normalized: Normalized::default(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    pub fn finish(self) -> Vec<Field> {
        self.fields
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
        let options = options(width, Directions::ltr(), engine);
        for line in layout(BIDI_CONTROL_NOTICE, &options) {
            rows.push(Row {
                field: None,
                kind: FieldKind::Notice,
                item: field.item,
                line,
                bullet: false,
            });
        }
    }
    let bullet = field.kind == FieldKind::Bullet;
    let lines = layout(
        &field.text.text,
        &options(text_width(field.kind, width), field.directions, engine),
    );
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

/// `text` laid out on one line, as wide as it measures, for the status line (which cuts
/// it where it has to): a message that holds what the user typed, in any script.
pub fn status_row(text: &str, engine: Engine) -> Option<Row> {
    let text = sanitize(text).text;
    let options = options(measure(&text), Directions::auto(), engine);
    let line = layout(&text, &options).into_iter().next()?;
    Some(Row {
        field: None,
        kind: FieldKind::Notice,
        item: None,
        line,
        bullet: false,
    })
}

pub fn options(width: usize, directions: Directions, engine: Engine) -> LayoutOptions {
    LayoutOptions {
        width: width.max(1),
        direction: directions.direction,
        fallback: directions.fallback,
        shaping: engine.shaping,
        mode: engine.mode,
    }
}

fn blank_row(item: Option<usize>) -> Row {
    Row {
        field: None,
        kind: FieldKind::Paragraph,
        item,
        line: VisualLine::default(),
        bullet: false,
    }
}

#[cfg(test)]
mod tests;
