//! Where `tables::PROPS` and `tables::SHAPES` come from: each character's props and forms
//! from the sources the general path reads (unicode-bidi, unicode-width, ICU).

use icu_properties::CodePointMapData;
use icu_properties::props::{
    BidiMirroringGlyph, BidiPairedBracketType, BinaryProperty, ExtendedPictographic,
    GraphemeClusterBreak, JoiningType,
};
use unicode_bidi::{BidiClass, bidi_class};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::props::{
    Bracket, CLASSES, Class, JOININGS, Joining, Props, SHAPED_FROM, SHAPED_LEN, ZWNJ,
};
use crate::cluster::{is_breaking_space, is_mark};
use crate::reorder::mirrored;
use crate::shape::form;
use crate::split::is_hidden;

impl Class {
    pub(crate) fn from_bidi(class: BidiClass) -> Option<Self> {
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

impl Joining {
    pub(crate) fn from_icu(jt: JoiningType) -> Option<Self> {
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
}

/// `Props` in 16 bits, 0 for none: present (bit 0), class (1-4), extend (5), space (6),
/// joining (7-9), bracket none/open/close (10-11) and its pair (12-13), mirrors (14),
/// forms (15).
pub(crate) fn pack(props: Option<Props>) -> u16 {
    let Some(p) = props else { return 0 };
    let index = |found: Option<usize>| found.map_or(0, |i| i as u16);
    let (kind, pair) = match p.bracket {
        Bracket::None => (0, 0),
        Bracket::Open(pair) => (1, u16::from(pair)),
        Bracket::Close(pair) => (2, u16::from(pair)),
    };
    1 | index(CLASSES.iter().position(|&c| c == p.class)) << 1
        | u16::from(p.extend) << 5
        | u16::from(p.space) << 6
        | index(JOININGS.iter().position(|&j| j == p.joining)) << 7
        | kind << 10
        | pair << 12
        | u16::from(p.mirrors) << 14
        | u16::from(p.forms) << 15
}

/// The forms of `c` as `SHAPES` holds them: isolated, final, initial, medial.
pub(crate) fn forms_of(c: char) -> [char; 4] {
    let jt = CodePointMapData::<JoiningType>::new().get(c);
    let shape = |prev, next| form(c, jt, prev, next).unwrap_or(c);
    [
        shape(false, false),
        shape(true, false),
        shape(false, true),
        shape(true, true),
    ]
}

/// What `TABLE` holds for `c`, from the sources the general path reads.
pub(crate) fn simple_props(c: char) -> Option<Props> {
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
    // The sources, not the tables compiled from them (which the tests prove the same), so
    // that one regeneration makes every table of `data.rs` from them.
    let class = Class::from_bidi(bidi_class(c))?;
    let gcb = CodePointMapData::<GraphemeClusterBreak>::new().get(c);
    let extend = gcb == GraphemeClusterBreak::Extend;
    if !(extend || gcb == GraphemeClusterBreak::Other) || ExtendedPictographic::for_char(c) {
        return None;
    }
    let width = c.width().unwrap_or(0);
    let cell_width = UnicodeWidthStr::width(&*c.encode_utf8(&mut [0; 4]));
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
