//! A pane's text as fields (each a sanitized string with its direction, sanitized once
//! when the briefing opens) and the rows they lay out into.

use super::direction::DirectionRule;
use crate::text::{Sanitized, VisualLine};
use crate::ui::matching::Normalized;

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
    /// A web address: one line, cut with "…" when longer than the pane.
    Address,
    Error,
    /// Text of our own (a notice), not from the briefing.
    Notice,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub text: Sanitized,
    pub rule: DirectionRule,
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

impl Row {
    /// A row of `kind` that shows no field of the briefing: text of our own (a notice, a
    /// title, what is typed) or a blank row; in no selectable item until the caller says.
    pub fn notice(line: VisualLine, kind: FieldKind) -> Self {
        Self {
            field: None,
            kind,
            item: None,
            line,
            bullet: false,
        }
    }
}
