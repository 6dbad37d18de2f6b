//! A pane's text as fields (each a sanitized string with its direction, sanitized once
//! when the briefing opens) and the rows they lay out into.

use super::direction::DirectionRule;
use crate::briefing::Unit;
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

/// Which text a field is from when a pane shows a briefing with its translation: each
/// original unit is followed by its translation's fields, which go beside it (or below,
/// indented, in a narrow pane); `Whole` fields (metadata, notices) span the pane.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Column {
    #[default]
    Whole,
    Original,
    Translation,
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
    /// at the first search (`PaneText::normalize_for_search`) so that no later keystroke
    /// folds it again; empty until then and elsewhere.
    pub normalized: Normalized,
    /// The piece of the briefing (headline, block, quote…) a translation pairs it with.
    pub unit: Option<Unit>,
    pub column: Column,
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
    /// Cells left empty on the row's reading-start side: a stacked translation's.
    pub indent: usize,
    /// Side by side, the translation's row drawn in the right-hand column of this one
    /// (a blank row where the translation is shorter); `None` for rows across the pane.
    pub beside: Option<Box<Row>>,
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
            indent: 0,
            beside: None,
        }
    }
}
