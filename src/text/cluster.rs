//! Grapheme clusters: the unit that is wrapped, reordered and put into cells.

use std::ops::Range;

use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::split;

/// Shown in place of a grapheme wider than the whole line (a wide character at width 1).
const TOO_WIDE: &str = "\u{2026}";
/// The conventional base for a combining mark that has none.
const DOTTED_CIRCLE: char = '\u{25CC}';

/// What a cluster shows: nearly always a grapheme of a few bytes, so it is kept inline
/// rather than as a `String` (a heap allocation per grapheme was most of layout's time).
/// Longer texts (a tag-sequence flag, a letter under many marks) go to the heap.
#[derive(Clone)]
pub(crate) enum Text {
    Inline { len: u8, buf: [u8; INLINE] },
    Heap(String),
}

/// Bytes kept inline: a presentation form (3) with several harakat (2 each) fits.
const INLINE: usize = 22;

impl Text {
    pub const fn new() -> Self {
        Text::Inline {
            len: 0,
            buf: [0; INLINE],
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            // Only whole UTF-8 sequences are ever copied in (`push_str`), so the inline
            // bytes are valid UTF-8; the checked conversion cannot fail and costs little.
            Text::Inline { len, buf } => std::str::from_utf8(&buf[..usize::from(*len)])
                .unwrap_or_default(),
            Text::Heap(s) => s,
        }
    }

    pub fn push_str(&mut self, s: &str) {
        match self {
            Text::Inline { len, buf } => {
                let at = usize::from(*len);
                let end = at + s.len();
                if end <= INLINE {
                    buf[at..end].copy_from_slice(s.as_bytes());
                    // `end <= INLINE < 256`, so this never truncates.
                    *len = end as u8;
                } else {
                    let mut heap = String::with_capacity(end);
                    heap.push_str(self.as_str());
                    heap.push_str(s);
                    *self = Text::Heap(heap);
                }
            }
            Text::Heap(h) => h.push_str(s),
        }
    }

    pub fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }
}

impl Default for Text {
    fn default() -> Self {
        Self::new()
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        let mut t = Text::new();
        t.push_str(s);
        t
    }
}

impl From<Text> for String {
    fn from(t: Text) -> Self {
        match t {
            Text::Heap(s) => s,
            inline => inline.as_str().to_string(),
        }
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cluster {
    /// Byte range in the paragraph.
    pub range: Range<usize>,
    /// What the cells show, before mirroring.
    pub text: Text,
    pub width: usize,
    /// A later piece of a grapheme split for the terminal (see `split`): no line break
    /// before it where one can be avoided, and it moves with the grapheme when reordered.
    pub continues: bool,
}

impl Cluster {
    pub fn new(range: Range<usize>, text: Text) -> Self {
        let width = text.width();
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
    pub fn with_text(&self, range: Range<usize>, text: Text) -> Self {
        Self::new(range, text).continuing(self.continues)
    }

    pub fn is_space(&self) -> bool {
        !self.text.is_empty() && self.text.chars().all(is_breaking_space)
    }
}

/// Spaces that a line may end on and lose; no-break spaces are content.
fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// Graphemes, or their pieces where terminals disagree on a grapheme's width.
pub(crate) fn clusters(paragraph: &str) -> Vec<Cluster> {
    // Nearly one cluster per character in Arabic (a letter with a haraka is two); an
    // estimate avoids most of the regrowing.
    let mut out = Vec::with_capacity(paragraph.len() / 2 + 1);
    for (start, g) in paragraph.grapheme_indices(true) {
        split::split_into(start, g, &mut out);
    }
    out
}

/// A terminal would put a lone combining mark on whatever cell came before it: padding,
/// a border, another line's letter. Give it the conventional dotted circle instead. (A
/// spacing mark, such as the vowel sign of "कि", takes a cell of its own anyway.)
pub(crate) fn base_orphan_marks(clusters: &mut [Cluster]) {
    for c in clusters.iter_mut().filter(|c| starts_with_mark(&c.text)) {
        let mut text = Text::new();
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
        *c = c.with_text(c.range.clone(), Text::from(TOO_WIDE));
    }
}

/// Display width in cells as ratatui places it and a terminal draws it: the sum of the
/// widths of the clusters `layout` makes (unshaped). `UnicodeWidthStr::width` on the
/// whole string is not that (it counts "لا" as one cell, "👨‍👩‍👧‍👦" as two).
pub fn measure(text: &str) -> usize {
    let mut clusters = clusters(text);
    base_orphan_marks(&mut clusters);
    clusters.iter().map(|c| c.width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lam_alef_is_two_cells_when_measured_per_grapheme() {
        assert_eq!("لا".width(), 1, "the unicode-width trap this guards against");
        assert_eq!(measure("لا"), 2);
        assert_eq!(measure("بَيت"), 3);
        assert_eq!(measure("日本"), 4);
        assert_eq!(measure(""), 0);
    }

    #[test]
    fn harakat_stay_in_their_letter_and_lone_marks_get_a_base() {
        let mut c = clusters("\u{064E}بَ");
        base_orphan_marks(&mut c);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].text, "\u{25CC}\u{064E}");
        assert_eq!(c[0].width, 1);
        assert_eq!(c[1].text, "بَ");
        assert_eq!(c[1].range, 2..6);
    }

    #[test]
    fn too_wide_graphemes_are_replaced() {
        let mut c = clusters("日a");
        fit(&mut c, 1);
        assert_eq!(c[0].text, TOO_WIDE);
        assert_eq!(c[0].width, 1);
        assert_eq!(c[0].range, 0..3);
        assert_eq!(c[1].text, "a");
    }
}
