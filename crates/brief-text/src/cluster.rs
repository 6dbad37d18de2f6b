//! Grapheme clusters: the unit that is wrapped, reordered and put into cells.

use std::ops::Range;

use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::cell_text::{CellText, char_str_width};

/// Shown in place of a grapheme wider than the whole line (a wide character at width 1).
pub(crate) const TOO_WIDE: &str = "\u{2026}";
/// The conventional base for a combining mark that has none.
pub(crate) const DOTTED_CIRCLE: char = '\u{25CC}';

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cluster {
    /// Byte range in the paragraph.
    pub range: Range<usize>,
    /// What the cells show, before mirroring.
    pub text: CellText,
    pub width: usize,
    /// A later piece of a grapheme split for the terminal (see `split`): no line break
    /// before it where one can be avoided, and it moves with the grapheme when reordered.
    pub continues: bool,
}

impl Cluster {
    pub fn new(range: Range<usize>, text: CellText) -> Self {
        let width = match &text {
            CellText::Char(one) => char_str_width(one),
            _ => text.width(),
        };
        Self {
            range,
            text,
            width,
            continues: false,
        }
    }

    /// `new` for a text whose width (`UnicodeWidthStr::width`) the caller has measured.
    pub fn measured(range: Range<usize>, text: CellText, width: usize) -> Self {
        Self {
            range,
            text,
            width,
            continues: false,
        }
    }

    pub fn continuing(self, continues: bool) -> Self {
        Self { continues, ..self }
    }

    /// The same source shown as `text`: keeps its place in its grapheme.
    pub fn with_text(&self, range: Range<usize>, text: CellText) -> Self {
        Self::new(range, text).continuing(self.continues)
    }

    pub fn is_space(&self) -> bool {
        !self.text.is_empty() && self.text.chars().all(is_breaking_space)
    }
}

/// Spaces that a line may end on and lose; no-break spaces are content.
pub(crate) fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// A terminal would put a lone combining mark on whatever cell came before it: padding,
/// a border, another line's letter. Give it the conventional dotted circle instead. (A
/// spacing mark, such as the vowel sign of "कि", takes a cell of its own anyway.)
pub(crate) fn base_orphan_marks(clusters: &mut [Cluster]) {
    for c in clusters.iter_mut().filter(|c| starts_with_mark(&c.text)) {
        let mut text = CellText::new();
        text.push(DOTTED_CIRCLE);
        text.push_str(&c.text);
        *c = c.with_text(c.range.clone(), text);
    }
}

pub(crate) fn is_mark(c: char) -> bool {
    GeneralCategoryGroup::Mark.contains(CodePointMapData::<GeneralCategory>::new().get(c))
}

/// Starts with a mark that has no cell of its own.
pub(crate) fn starts_with_mark(g: &str) -> bool {
    // The width test first: it is cheap and rules out nearly every grapheme before the
    // General_Category lookup (both are pure, so the order does not change the answer).
    g.chars()
        .next()
        .is_some_and(|c| c.width().unwrap_or(0) == 0 && is_mark(c))
}

/// No line may be wider than `width`, so a grapheme that cannot fit even alone is
/// replaced by a one-cell mark (its source range still says what it was).
pub(crate) fn fit(clusters: &mut [Cluster], width: usize) {
    for c in clusters.iter_mut().filter(|c| c.width > width) {
        *c = c.with_text(c.range.clone(), CellText::from(TOO_WIDE));
    }
}
