//! The text of one cell: a grapheme (or a piece of one) of a few bytes, kept without a
//! heap allocation, and the widths of common one-character texts.

use unicode_width::UnicodeWidthStr;

use crate::tables;

/// What a cluster or glyph shows: nearly always a grapheme of a few bytes, so it is kept
/// inline rather than as a `String` (a heap allocation per grapheme was most of layout's
/// time). Longer texts (a tag-sequence flag, a letter under many marks) go to the heap.
#[derive(Clone)]
pub(crate) enum CellText {
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

/// The bytes of `CHARS`.
const CHARS_LEN: usize = 0x80 + 0x780 * 2 + 0x70 * 3 + 0x3B0 * 3;

/// The characters of `BLOCKS` in order: the UTF-8 of each is a slice at a computed offset
/// (about 7 KB, made at compile time).
static CHARS: &str = {
    const BYTES: [u8; CHARS_LEN] = {
        let mut bytes = [0; CHARS_LEN];
        let mut at = 0;
        let mut b = 0;
        while b < BLOCKS.len() {
            let (start, end, _) = BLOCKS[b];
            let mut u = start;
            while u < end {
                // No block holds surrogates.
                let Some(c) = char::from_u32(u) else {
                    panic!("a surrogate in BLOCKS")
                };
                let (_, rest) = bytes.split_at_mut(at);
                at += c.encode_utf8(rest).len();
                u += 1;
            }
            b += 1;
        }
        bytes
    };
    match std::str::from_utf8(&BYTES) {
        Ok(chars) => chars,
        Err(_) => panic!("CHARS is not UTF-8"),
    }
};

/// `c`'s UTF-8 as a static slice, for characters of `BLOCKS`.
fn bmp_str(c: char) -> Option<&'static str> {
    let u = u32::from(c);
    let &(start, _, at) = BLOCKS.iter().find(|(s, e, _)| (*s..*e).contains(&u))?;
    let len = c.len_utf8();
    let from = at + (u - start) as usize * len;
    CHARS.get(from..from + len)
}

/// Code point ranges whose single-character widths are kept in `tables::WIDTHS`: Latin,
/// Arabic and Arabic presentation forms (what shaping puts in nearly every cluster).
pub(crate) const LOW: u32 = 0x800;
pub(crate) const FORMS: std::ops::Range<u32> = 0xFB50..0xFF00;

/// `UnicodeWidthStr::width` of the one-character string of `u`, as `tables::WIDTHS` holds
/// it: u8::MAX makes `char_str_width` measure (none arises: every code point of `LOW` and
/// `FORMS` is in `BLOCKS`, and one character is at most 2 cells wide).
#[cfg(test)]
pub(crate) fn width_entry(u: u32) -> u8 {
    char::from_u32(u)
        .and_then(bmp_str)
        .map_or(u8::MAX, |s| u8::try_from(s.width()).unwrap_or(u8::MAX))
}

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
    match index.and_then(|i| tables::WIDTHS.get(i)) {
        Some(&w) if w != u8::MAX => usize::from(w),
        _ => one.width(),
    }
}

/// Bytes kept inline: a presentation form (3) with several harakat (2 each) fits.
const INLINE: usize = 22;

impl CellText {
    pub const fn new() -> Self {
        CellText::Inline {
            len: 0,
            buf: [0; INLINE],
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            CellText::Char(s) => s,
            // Only whole UTF-8 sequences are ever copied in (`push_str`), so the inline
            // bytes are valid UTF-8; the checked conversion cannot fail and costs little.
            // The variants are public, so a `len` past the buffer reads as empty, not a panic.
            CellText::Inline { len, buf } => buf
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            CellText::Heap(s) => s,
        }
    }

    /// The text of one character.
    pub fn of_char(c: char) -> Self {
        match bmp_str(c) {
            Some(s) => CellText::Char(s),
            None => CellText::from(c.encode_utf8(&mut [0; 4]) as &str),
        }
    }

    pub fn push_str(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if let CellText::Inline { len: 0, .. } = self {
            let mut chars = s.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && let Some(one) = bmp_str(c)
            {
                *self = CellText::Char(one);
                return;
            }
        }
        if let CellText::Char(one) = *self {
            *self = CellText::new();
            self.push_str_inline(one);
        }
        self.push_str_inline(s);
    }

    /// `push_str` to an `Inline` or `Heap` text.
    fn push_str_inline(&mut self, s: &str) {
        match self {
            CellText::Char(one) => {
                let one: &'static str = one;
                *self = CellText::new();
                self.push_str_inline(one);
                self.push_str_inline(s);
            }
            CellText::Inline { len, buf } => {
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
                    *self = CellText::Heap(heap);
                }
            }
            CellText::Heap(h) => h.push_str(s),
        }
    }

    pub fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }
}

impl Default for CellText {
    fn default() -> Self {
        Self::new()
    }
}

impl From<&str> for CellText {
    fn from(s: &str) -> Self {
        let mut t = CellText::new();
        t.push_str(s);
        t
    }
}

impl From<CellText> for String {
    fn from(t: CellText) -> Self {
        match t {
            CellText::Heap(s) => s,
            inline => inline.as_str().to_string(),
        }
    }
}

impl std::ops::Deref for CellText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for CellText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for CellText {}

impl PartialEq<&str> for CellText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for CellText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl std::fmt::Debug for CellText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for CellText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn static_characters_and_widths_match_what_they_stand_for() {
        let mut buf = [0; 4];
        for c in (0..=0xFFFF_u32).filter_map(char::from_u32) {
            let s: &str = c.encode_utf8(&mut buf);
            if let Some(one) = bmp_str(c) {
                assert_eq!(one, s, "U+{:04X}", u32::from(c));
            }
            assert_eq!(char_str_width(s), s.width(), "U+{:04X}", u32::from(c));
            assert_eq!(CellText::of_char(c), s);
            let mut t = CellText::of_char(c);
            t.push_str("\u{64E}\u{64E}\u{64E}\u{64E}\u{64E}\u{64E}\u{64E}\u{64E}\u{64E}\u{64E}");
            assert_eq!(t.as_str(), format!("{s}{}", "\u{64E}".repeat(10)));
        }
    }

    #[test]
    fn text_stays_small_and_compares_by_content() {
        assert!(
            size_of::<CellText>() <= 32,
            "{} bytes",
            size_of::<CellText>()
        );
        let long = "\u{64E}".repeat(12);
        let mut heap = CellText::from(long.as_str());
        assert!(matches!(heap, CellText::Heap(_)));
        heap.push('b');
        assert_eq!(heap, format!("{long}b").as_str());
        assert!(matches!(CellText::from("ab"), CellText::Inline { .. }));
        assert!(matches!(CellText::of_char('a'), CellText::Char("a")));
        let forged = CellText::Inline {
            len: u8::MAX,
            buf: [b'a'; INLINE],
        };
        assert_eq!(forged, "");
    }
}
