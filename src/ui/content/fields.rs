//! Building a pane's fields from a briefing, sanitizing each string once.

use super::direction::DirectionRule;
use super::model::{Column, Field, FieldKind};
use crate::briefing::Unit;
use crate::text::{BaseDirection, Sanitized, first_strong, isolate, sanitize, sanitize_owned};
use crate::ui::matching::Normalized;

/// A piece of a row: a field of the briefing, or punctuation of our own around it.
#[derive(Debug, Clone, Copy)]
pub enum Piece<'a> {
    Field(&'a str),
    Mark(&'a str),
}

/// Builds a pane's fields, sanitizing each string once.
pub struct Fields {
    rule: DirectionRule,
    fields: Vec<Field>,
    item: Option<usize>,
    unit: Option<Unit>,
}

impl Fields {
    pub fn new(rule: DirectionRule) -> Self {
        Self {
            rule,
            fields: Vec::new(),
            item: None,
            unit: None,
        }
    }

    /// Fields pushed from now on translate as `unit` (`None`: they are not translated).
    pub fn unit(&mut self, unit: Option<Unit>) {
        self.unit = unit;
    }

    /// Fields pushed from now on belong to selectable item `item`.
    pub fn item(&mut self, item: usize) {
        self.item = Some(item);
    }

    pub fn push(&mut self, kind: FieldKind, raw: &str, gap: bool) {
        self.push_sanitized(kind, sanitize(raw), gap);
    }

    /// `push` of text given up: it becomes the field's text without a copy when it needs
    /// no sanitizing.
    pub fn push_owned(&mut self, kind: FieldKind, raw: String, gap: bool) {
        self.push_sanitized(kind, sanitize_owned(raw), gap);
    }

    /// Text of our own (a label, a notice, a diagnostic), or an address: it reads left to
    /// right in any briefing, so `only quotations by:` keeps its colon at its end above an
    /// Arabic name.
    pub fn push_own(&mut self, kind: FieldKind, raw: &str, gap: bool) {
        self.fields.push(Field {
            text: sanitize(raw),
            rule: DirectionRule::forced(BaseDirection::Ltr),
            kind,
            item: self.item,
            gap,
            normalized: Normalized::default(),
            unit: self.unit,
            column: Column::Whole,
        });
    }

    /// Fields that share a row (date · location · source, tags) joined by `separator`, each
    /// sanitized on its own so that controls in one cannot reach into the next. A list of
    /// the briefing's fields reads in the briefing's direction, whatever letter comes
    /// first (the `T` of an RFC 3339 date must not turn a Hebrew briefing's row around).
    pub fn push_joined(&mut self, kind: FieldKind, parts: &[&str], separator: &str, gap: bool) {
        let mut pieces = Vec::with_capacity(parts.len() * 2);
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                pieces.push(Piece::Mark(separator));
            }
            pieces.push(Piece::Field(part));
        }
        self.push_pieces(kind, &pieces, self.rule.briefing, gap);
    }

    /// A row of briefing text framed by punctuation of our own (a quotation in « », an
    /// attribution): it reads in the direction its text would have as one field.
    pub fn push_row(&mut self, kind: FieldKind, pieces: &[Piece<'_>], gap: bool) {
        self.push_pieces(kind, pieces, BaseDirection::Auto, gap);
    }

    /// A row of briefing fields and our own punctuation. Each field is isolated in the
    /// direction it would have alone, so one field's neutrals and controls never reorder
    /// its neighbours; the punctuation takes the row's direction (« » mirror with it). The
    /// row takes `direction`, or when that is `Auto` the direction the rule gives its
    /// fields' letters taken together: the paragraph rule alone would skip the isolates
    /// and see no letter at all.
    fn push_pieces(
        &mut self,
        kind: FieldKind,
        pieces: &[Piece<'_>],
        direction: BaseDirection,
        gap: bool,
    ) {
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
                    isolate(&field, self.rule.field(&field.text).direction, &mut text);
                }
            }
        }
        let row = match direction {
            BaseDirection::Auto => match self.rule.field(&letters).direction {
                BaseDirection::Auto => first_strong(&letters).unwrap_or(self.rule.fallback),
                known => known,
            },
            known => known,
        };
        self.fields.push(Field {
            text: Sanitized {
                text,
                has_bidi_controls,
            },
            rule: DirectionRule::forced(row),
            kind,
            item: self.item,
            gap,
            normalized: Normalized::default(),
            unit: self.unit,
            column: Column::Whole,
        });
    }

    fn push_sanitized(&mut self, kind: FieldKind, text: Sanitized, gap: bool) {
        self.fields.push(Field {
            rule: self.rule.field(&text.text),
            text,
            kind,
            item: self.item,
            gap,
            normalized: Normalized::default(),
            unit: self.unit,
            column: Column::Whole,
        });
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    pub fn finish(self) -> Vec<Field> {
        self.fields
    }
}
