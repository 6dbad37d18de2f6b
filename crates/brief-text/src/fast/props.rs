//! What the fast path needs to know of each character, looked up in one table made by a
//! test from the same sources the general path reads (unicode-bidi, unicode-width, ICU), for
//! the blocks prose in the briefings' scripts is written in. A character is "simple" when
//! the fast path can lay it out exactly as the general path would; any other character
//! sends its whole paragraph down the general path.

use crate::tables;

/// The bidi classes a simple paragraph can hold (no embeddings, isolates, separators),
/// named as UAX #9 names them.
#[allow(clippy::upper_case_acronyms)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Class {
    L,
    R,
    AL,
    EN,
    ES,
    ET,
    AN,
    CS,
    NSM,
    WS,
    ON,
}

/// Joining types as shaping uses them (`U` for non-joining).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Joining {
    U,
    T,
    D,
    R,
    L,
    C,
}

impl Joining {
    pub fn joins_forward(self) -> bool {
        matches!(self, Self::D | Self::L | Self::C)
    }

    pub fn joins_backward(self) -> bool {
        matches!(self, Self::D | Self::R | Self::C)
    }
}

/// Which of the paired brackets a character is (only ASCII brackets are simple).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bracket {
    None,
    Open(u8),
    Close(u8),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Props {
    pub class: Class,
    /// Attaches to the character before it in one grapheme (a haraka, an accent).
    pub extend: bool,
    /// A space a soft line break may drop.
    pub space: bool,
    pub joining: Joining,
    pub bracket: Bracket,
    /// Has a different mirror glyph (drawn at odd levels).
    pub mirrors: bool,
    /// Shaping may replace it (an Arabic letter with presentation forms).
    pub forms: bool,
}

/// The blocks covered, each with where its entries start in `TABLE`: Latin to Arabic
/// Extended-A, and general punctuation. Nothing outside them is simple.
pub(crate) const BLOCKS: [(u32, u32, usize); 2] = [(0, 0x900, 0), (0x2000, 0x2070, 0x900)];

/// Forms of the Arabic letters U+0600..U+08FF: isolated, final, initial, medial.
pub(crate) const SHAPED_FROM: u32 = 0x600;
pub(crate) const SHAPED_LEN: usize = 0x300;

/// Entries of `TABLE`: the code points of `BLOCKS`.
pub(crate) const TABLE_LEN: usize = 0x970;
const _: () = assert!(BLOCKS[1].2 + (BLOCKS[1].1 - BLOCKS[1].0) as usize == TABLE_LEN);

/// Built at compile time from `tables::PROPS`, which a test makes from `simple_props`:
/// a table built at the start cost every process its first layout's time.
static TABLE: [Option<Props>; TABLE_LEN] = {
    let mut table = [None; TABLE_LEN];
    let mut i = 0;
    while i < TABLE_LEN {
        table[i] = unpack(tables::PROPS[i]);
        i += 1;
    }
    table
};

/// The four forms of each letter of U+0600..U+08FF, from `tables::SHAPES` (all in the
/// BMP), which a test makes from `shape::form`.
static SHAPES: [[char; 4]; SHAPED_LEN] = {
    let mut shapes = [[' '; 4]; SHAPED_LEN];
    let mut i = 0;
    while i < SHAPED_LEN {
        let mut k = 0;
        while k < 4 {
            shapes[i][k] = match char::from_u32(tables::SHAPES[i][k] as u32) {
                Some(c) => c,
                None => panic!("a surrogate in tables::SHAPES"),
            };
            k += 1;
        }
        i += 1;
    }
    shapes
};

/// The classes in the order `pack` numbers them.
pub(crate) const CLASSES: [Class; 11] = [
    Class::L,
    Class::R,
    Class::AL,
    Class::EN,
    Class::ES,
    Class::ET,
    Class::AN,
    Class::CS,
    Class::NSM,
    Class::WS,
    Class::ON,
];
pub(crate) const JOININGS: [Joining; 6] = [
    Joining::U,
    Joining::T,
    Joining::D,
    Joining::R,
    Joining::L,
    Joining::C,
];

const fn unpack(code: u16) -> Option<Props> {
    if code & 1 == 0 {
        return None;
    }
    let pair = ((code >> 12) & 3) as u8;
    Some(Props {
        class: CLASSES[((code >> 1) & 0xF) as usize],
        extend: code & 1 << 5 != 0,
        space: code & 1 << 6 != 0,
        joining: JOININGS[((code >> 7) & 7) as usize],
        bracket: match (code >> 10) & 3 {
            1 => Bracket::Open(pair),
            2 => Bracket::Close(pair),
            _ => Bracket::None,
        },
        mirrors: code & 1 << 14 != 0,
        forms: code & 1 << 15 != 0,
    })
}

/// The table `props_in` reads, taken once a paragraph by the loop over its characters.
pub(crate) fn table() -> &'static [Option<Props>] {
    &TABLE
}

/// The props of `c` if it is simple.
#[cfg(test)]
pub(crate) fn props(c: char) -> Option<Props> {
    props_in(table(), c).copied()
}

/// `props`, looked up in `table()`.
#[inline]
pub(crate) fn props_in(table: &[Option<Props>], c: char) -> Option<&Props> {
    let u = u32::from(c);
    let index = if u < 0x900 {
        u as usize
    } else if (0x2000..0x2070).contains(&u) {
        (u - 0x2000) as usize + 0x900
    } else {
        return None;
    };
    table.get(index)?.as_ref()
}

/// The forms `shaped_in` reads (taken once a paragraph, as `table`).
pub(crate) fn shapes() -> &'static [[char; 4]] {
    &SHAPES
}

/// The presentation form of `c` (which has `forms`) given whether it joins the letters
/// before and after it.
#[cfg(test)]
pub(crate) fn shaped(c: char, joins_prev: bool, joins_next: bool) -> char {
    shaped_in(shapes(), c, joins_prev, joins_next)
}

/// `shaped`, looked up in `shapes()`.
#[inline]
pub(crate) fn shaped_in(shapes: &[[char; 4]], c: char, joins_prev: bool, joins_next: bool) -> char {
    let k = usize::from(joins_prev) | usize::from(joins_next) << 1;
    u32::from(c)
        .checked_sub(SHAPED_FROM)
        .and_then(|i| shapes.get(i as usize))
        .map_or(c, |forms| forms[k])
}

/// Zero width non-joiner: in Persian it ends a letter's joining inside a word (می‌شود).
pub(crate) const ZWNJ: char = '\u{200C}';

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_characters_are_simple_and_controls_are_not() {
        for c in "abc ABC 123 ٣ ،.؟!«»()[]{} بيت שלום ـ \u{064E}".chars() {
            assert!(props(c).is_some(), "U+{:04X}", u32::from(c));
        }
        for c in
            "\u{200E}\u{200F}\u{061C}\u{200D}\u{202B}\u{2066}\u{0600}\u{00AD}\t©\u{2045}".chars()
        {
            assert!(props(c).is_none(), "U+{:04X}", u32::from(c));
        }
        assert!(props('\u{064E}').is_some_and(|p| p.extend));
        assert!(props(' ').is_some_and(|p| p.space && p.class == Class::WS));
        assert!(props('\u{00A0}').is_some_and(|p| !p.space));
    }

    #[test]
    fn shapes_are_the_general_paths() {
        assert_eq!(shaped('ب', false, true), '\u{FE91}');
        assert_eq!(shaped('ب', true, false), '\u{FE90}');
        assert_eq!(shaped('ء', true, true), 'ء');
    }
}
