//! What the fast path needs to know of each character, looked up in one table built once
//! from the same sources the general path reads (unicode-bidi, unicode-width, ICU), for
//! the blocks prose in the briefings' scripts is written in. A character is "simple" when
//! the fast path can lay it out exactly as the general path would; any other character
//! sends its whole paragraph down the general path.

use std::sync::LazyLock;

use icu_properties::CodePointMapData;
use icu_properties::props::{
    BidiMirroringGlyph, BidiPairedBracketType, BinaryProperty, ExtendedPictographic,
    GraphemeClusterBreak, JoiningType,
};
use unicode_bidi::{BidiClass, BidiDataSource};
use unicode_width::UnicodeWidthChar;

use crate::cell_text::char_str_width;
use crate::cluster::{is_breaking_space, is_mark};
use crate::reorder::{BidiData, mirrored};
use crate::shape::form;
use crate::split::is_hidden;

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

impl Class {
    fn from_bidi(class: BidiClass) -> Option<Self> {
        Some(match class {
            BidiClass::L => Self::L,
            BidiClass::R => Self::R,
            BidiClass::AL => Self::AL,
            BidiClass::EN => Self::EN,
            BidiClass::ES => Self::ES,
            BidiClass::ET => Self::ET,
            BidiClass::AN => Self::AN,
            BidiClass::CS => Self::CS,
            BidiClass::NSM => Self::NSM,
            BidiClass::WS => Self::WS,
            BidiClass::ON => Self::ON,
            _ => return None,
        })
    }
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
    fn from_icu(jt: JoiningType) -> Option<Self> {
        Some(match jt {
            JoiningType::NonJoining => Self::U,
            JoiningType::Transparent => Self::T,
            JoiningType::DualJoining => Self::D,
            JoiningType::RightJoining => Self::R,
            JoiningType::LeftJoining => Self::L,
            JoiningType::JoinCausing => Self::C,
            _ => return None,
        })
    }

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
const BLOCKS: [(u32, u32, usize); 2] = [(0, 0x900, 0), (0x2000, 0x2070, 0x900)];

/// Forms of the Arabic letters U+0600..U+08FF: isolated, final, initial, medial.
const SHAPED_FROM: u32 = 0x600;
const SHAPED_LEN: usize = 0x300;

static TABLE: LazyLock<Vec<Option<Props>>> = LazyLock::new(|| {
    BLOCKS
        .iter()
        .flat_map(|&(start, end, _)| start..end)
        .map(|u| char::from_u32(u).and_then(simple_props))
        .collect()
});

static SHAPES: LazyLock<Vec<[char; 4]>> = LazyLock::new(|| {
    (SHAPED_FROM..SHAPED_FROM + SHAPED_LEN as u32)
        .map(|u| {
            let c = char::from_u32(u).unwrap_or(' ');
            let jt = CodePointMapData::<JoiningType>::new().get(c);
            let shape = |prev, next| form(c, jt, prev, next).unwrap_or(c);
            [
                shape(false, false),
                shape(true, false),
                shape(false, true),
                shape(true, true),
            ]
        })
        .collect()
});

/// The table `props_in` reads: a loop over a paragraph's characters takes it once, so the
/// lazy static is checked once a paragraph rather than once a character.
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

fn simple_props(c: char) -> Option<Props> {
    if c == ZWNJ {
        // A boundary neutral (BN), which UAX #9 removes (X9) before resolving types. Where
        // `decode` lets it through, between two strong letters, reading it as a mark on the
        // letter before (NSM, rule W1) resolves every character as removing it would. It
        // goes into the cell before it, as a grapheme extender, and breaks joining.
        return Some(Props {
            class: Class::NSM,
            extend: true,
            space: false,
            joining: Joining::U,
            bracket: Bracket::None,
            mirrors: false,
            forms: false,
        });
    }
    if c.is_control() || is_hidden(c) {
        return None;
    }
    let class = Class::from_bidi(BidiData.bidi_class(c))?;
    let gcb = CodePointMapData::<GraphemeClusterBreak>::new().get(c);
    let extend = gcb == GraphemeClusterBreak::Extend;
    if !(extend || gcb == GraphemeClusterBreak::Other) || ExtendedPictographic::for_char(c) {
        return None;
    }
    let width = c.width().unwrap_or(0);
    let cell_width = char_str_width(c.encode_utf8(&mut [0; 4]));
    let shape_ok = if extend {
        class == Class::NSM && width == 0 && cell_width == 0 && is_mark(c)
    } else {
        class != Class::NSM && width == 1 && cell_width == 1 && !is_mark(c)
    };
    let mirror = CodePointMapData::<BidiMirroringGlyph>::new().get(c);
    let bracket = match (mirror.paired_bracket_type, c) {
        (BidiPairedBracketType::None, _) => Bracket::None,
        (_, '(') => Bracket::Open(0),
        (_, ')') => Bracket::Close(0),
        (_, '[') => Bracket::Open(1),
        (_, ']') => Bracket::Close(1),
        (_, '{') => Bracket::Open(2),
        (_, '}') => Bracket::Close(2),
        _ => return None,
    };
    let joining = Joining::from_icu(CodePointMapData::<JoiningType>::new().get(c))?;
    let u = u32::from(c);
    let in_shaped = (SHAPED_FROM..SHAPED_FROM + SHAPED_LEN as u32).contains(&u);
    // Joining letters outside the shaped range would need the general path's lookup.
    if !shape_ok || (!in_shaped && !matches!(joining, Joining::U | Joining::T)) {
        return None;
    }
    let forms = in_shaped && {
        let jt = CodePointMapData::<JoiningType>::new().get(c);
        [(false, false), (true, false), (false, true), (true, true)]
            .iter()
            .any(|&(p, n)| form(c, jt, p, n).is_some())
    };
    let mirrors = mirrored(c) != c;
    if extend && (mirrors || forms) {
        return None;
    }
    Some(Props {
        class,
        extend,
        space: is_breaking_space(c),
        joining,
        bracket,
        mirrors,
        forms,
    })
}

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
