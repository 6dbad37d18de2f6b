//! Grapheme clusters: the unit that is wrapped, reordered and put into cells.

use std::ops::Range;
use std::sync::LazyLock;

use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::split;

/// Shown in place of a grapheme wider than the whole line (a wide character at width 1).
const TOO_WIDE: &str = "\u{2026}";
/// The conventional base for a combining mark that has none.
pub(crate) const DOTTED_CIRCLE: char = '\u{25CC}';

/// What a cluster or glyph shows: nearly always a grapheme of a few bytes, so it is kept
/// inline rather than as a `String` (a heap allocation per grapheme was most of layout's
/// time). Longer texts (a tag-sequence flag, a letter under many marks) go to the heap.
#[derive(Clone)]
pub(crate) enum Text {
    /// One common character, as a slice of `CHARS`: the usual case (a letter, shaped or
    /// not, a space, punctuation), and one that needs no UTF-8 check to read.
    Char(&'static str),
    Inline {
        len: u8,
        buf: [u8; INLINE],
    },
    Heap(String),
}

/// Blocks of common characters (Latin to Arabic, general punctuation, Arabic presentation
/// forms) whose UTF-8 is kept in `CHARS`, each with where its first character starts there.
/// Within a block every character takes the same number of bytes.
const BLOCKS: [(u32, u32, usize); 4] = [
    (0, 0x80, 0),
    (0x80, 0x800, 0x80),
    (0x2000, 0x2070, 0x80 + 0x780 * 2),
    (0xFB50, 0xFF00, 0x80 + 0x780 * 2 + 0x70 * 3),
];

/// The characters of `BLOCKS` in order: the UTF-8 of each is a slice at a computed offset
/// (built once, about 14 KB).
static CHARS: LazyLock<String> = LazyLock::new(|| {
    let mut s = String::new();
    for (start, end, _) in BLOCKS {
        // No block holds surrogates, so every code point is a character.
        s.extend((start..end).filter_map(char::from_u32));
    }
    s
});

/// `c`'s UTF-8 as a static slice, for characters of `BLOCKS`.
fn bmp_str(c: char) -> Option<&'static str> {
    let u = u32::from(c);
    let &(start, _, at) = BLOCKS.iter().find(|(s, e, _)| (*s..*e).contains(&u))?;
    let len = c.len_utf8();
    let from = at + (u - start) as usize * len;
    CHARS.get(from..from + len)
}

/// Code point ranges whose single-character widths are kept in `WIDTHS`: Latin, Arabic and
/// Arabic presentation forms (what shaping puts in nearly every cluster).
const LOW: u32 = 0x800;
const FORMS: std::ops::Range<u32> = 0xFB50..0xFF00;

/// `UnicodeWidthStr::width` of each one-character string of `LOW` then `FORMS`, computed
/// by that same function, so `char_str_width` answers exactly as it would.
static WIDTHS: LazyLock<Vec<u8>> = LazyLock::new(|| {
    (0..LOW)
        .chain(FORMS)
        .map(|u| {
            // u8::MAX makes `char_str_width` measure (none arises: every code point of
            // these ranges is in `BLOCKS`, and one character is at most 2 cells wide).
            char::from_u32(u)
                .and_then(bmp_str)
                .map_or(u8::MAX, |s| u8::try_from(s.width()).unwrap_or(u8::MAX))
        })
        .collect()
});

/// `one.width()` for a one-character string, from `WIDTHS` where it is there.
pub(crate) fn char_str_width(one: &str) -> usize {
    let u = one.chars().next().map_or(0, u32::from);
    let index = if u < LOW {
        Some(u as usize)
    } else if FORMS.contains(&u) {
        Some((LOW + u - FORMS.start) as usize)
    } else {
        None
    };
    match index.and_then(|i| WIDTHS.get(i)) {
        Some(&w) if w != u8::MAX => usize::from(w),
        _ => one.width(),
    }
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
            Text::Char(s) => s,
            // Only whole UTF-8 sequences are ever copied in (`push_str`), so the inline
            // bytes are valid UTF-8; the checked conversion cannot fail and costs little.
            // The variants are public, so a `len` past the buffer reads as empty, not a panic.
            Text::Inline { len, buf } => buf
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Text::Heap(s) => s,
        }
    }

    /// The text of one character.
    pub fn of_char(c: char) -> Self {
        match bmp_str(c) {
            Some(s) => Text::Char(s),
            None => Text::from(c.encode_utf8(&mut [0; 4]) as &str),
        }
    }

    pub fn push_str(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if let Text::Inline { len: 0, .. } = self {
            let mut chars = s.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && let Some(one) = bmp_str(c)
            {
                *self = Text::Char(one);
                return;
            }
        }
        if let Text::Char(one) = *self {
            *self = Text::new();
            self.push_str_inline(one);
        }
        self.push_str_inline(s);
    }

    /// `push_str` to an `Inline` or `Heap` text.
    fn push_str_inline(&mut self, s: &str) {
        match self {
            Text::Char(one) => {
                let one: &'static str = one;
                *self = Text::new();
                self.push_str_inline(one);
                self.push_str_inline(s);
            }
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
        let width = match &text {
            Text::Char(one) => char_str_width(one),
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
    pub fn measured(range: Range<usize>, text: Text, width: usize) -> Self {
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
pub(crate) fn is_breaking_space(c: char) -> bool {
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
    fn static_characters_and_widths_match_what_they_stand_for() {
        let mut buf = [0; 4];
        for c in (0..=0xFFFF_u32).filter_map(char::from_u32) {
            let s: &str = c.encode_utf8(&mut buf);
            if let Some(one) = bmp_str(c) {
                assert_eq!(one, s, "U+{:04X}", u32::from(c));
            }
            assert_eq!(char_str_width(s), s.width(), "U+{:04X}", u32::from(c));
            assert_eq!(Text::of_char(c), s);
            let mut t = Text::of_char(c);
            t.push_str("\u{64E}\u{64E}\u{64E}\u{64E}\u{64E}\u{64E}\u{64E}\u{64E}\u{64E}\u{64E}");
            assert_eq!(t.as_str(), format!("{s}{}", "\u{64E}".repeat(10)));
        }
    }

    #[test]
    fn text_stays_small_and_compares_by_content() {
        assert!(size_of::<Text>() <= 32, "{} bytes", size_of::<Text>());
        let long = "\u{64E}".repeat(12);
        let mut heap = Text::from(long.as_str());
        assert!(matches!(heap, Text::Heap(_)));
        heap.push('b');
        assert_eq!(heap, format!("{long}b").as_str());
        assert!(matches!(Text::from("ab"), Text::Inline { .. }));
        assert!(matches!(Text::of_char('a'), Text::Char("a")));
        let forged = Text::Inline {
            len: u8::MAX,
            buf: [b'a'; INLINE],
        };
        assert_eq!(forged, "");
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
