//! The fast path: paragraphs made only of "simple" characters (see `props`), which is
//! nearly all prose in Arabic, Hebrew, Persian and Latin scripts, are laid
//! out in a few passes over per-character tables, reusing buffers from one paragraph to
//! the next. The result is the general path's, glyph for glyph (the tests compare both on
//! generated and real text); anything else goes to the general path.

mod bidi;
mod emit;
mod graphemes;
pub(crate) mod props;
#[cfg(test)]
pub(crate) mod props_source;
mod wrap;

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::direction::BaseDirection;
use crate::line::VisualLine;
use crate::options::LayoutOptions;
use emit::emit_line;
use graphemes::build_graphemes;
use props::{Bracket, Class, Props, ZWNJ, props_in};

/// One grapheme of simple characters: a base and the marks after it, one cell wide (the
/// general path's `Cluster` may be a piece of a grapheme, of any width).
#[derive(Debug, Clone, Copy)]
pub(crate) struct SimpleGrapheme {
    /// Byte range in the paragraph.
    start: u32,
    end: u32,
    /// Index of its first character.
    first: u32,
    /// What its cell shows before the marks (shaped, a ligature, or a dotted circle).
    base: char,
    /// Where its marks start (they run to `end`).
    marks: u32,
    space: bool,
    /// Its base has a mirror image to show at odd levels.
    mirrors: bool,
}

impl SimpleGrapheme {
    /// What its cell shows before the marks: the base, or its mirror image at an odd
    /// level (`mirrored`).
    #[inline]
    fn shown_base(&self, mirrored: bool) -> char {
        match self.mirrors && mirrored {
            true => crate::reorder::mirrored(self.base),
            false => self.base,
        }
    }

    /// The marks after its base, in `paragraph`.
    #[inline]
    fn marks_in<'a>(&self, paragraph: &'a str) -> &'a str {
        match self.marks < self.end {
            true => paragraph
                .get(self.marks as usize..self.end as usize)
                .unwrap_or(""),
            false => "",
        }
    }
}

/// A character of the paragraph: where it starts, what it is, and its properties.
#[derive(Debug, Clone, Copy)]
struct Char {
    at: u32,
    c: char,
    p: Props,
}

/// Buffers kept from one paragraph to the next.
#[derive(Default)]
pub(crate) struct Scratch {
    chars: Vec<Char>,
    /// Bidi classes, resolved in place (filled only for a paragraph of more than one level).
    classes: Vec<Class>,
    /// The characters that are brackets, by index.
    brackets: Vec<(usize, Bracket)>,
    /// The classes present, as bits (`1 << class`).
    present: u16,
    /// Every character is at the paragraph's level (see `one_level`).
    one_level: bool,
    pairs: Vec<(usize, usize)>,
    levels: Vec<u8>,
    graphemes: Vec<SimpleGrapheme>,
    lines: Vec<Range<usize>>,
    line_levels: Vec<u8>,
    order: Vec<usize>,
}

impl Scratch {
    /// Characters the largest paragraph laid out so far held.
    pub(crate) fn capacity(&self) -> usize {
        self.chars.capacity()
    }
}

/// Lays out `paragraph` (at byte `offset` of the text) as `crate::layout_paragraph`
/// would, if all its characters are simple; else returns false having emitted nothing.
pub(crate) fn layout_paragraph(
    paragraph: &str,
    offset: usize,
    options: &LayoutOptions,
    with_levels: bool,
    s: &mut Scratch,
    out: &mut dyn FnMut(VisualLine, Vec<u8>),
) -> bool {
    // Byte offsets are kept in u32; a longer paragraph takes the general path.
    if u32::try_from(paragraph.len()).is_err() || !decode(paragraph, s) {
        return false;
    }
    let rtl = direction(&s.chars, options) == BaseDirection::Rtl;
    s.one_level = one_level(s.present, rtl);
    if s.one_level {
        s.levels.clear();
        s.levels.resize(s.chars.len(), u8::from(rtl));
    } else {
        s.classes.clear();
        s.classes.extend(s.chars.iter().map(|ch| ch.p.class));
        let original = |i: usize| s.chars[i].p.class;
        bidi::resolve(
            &mut s.classes,
            s.present,
            original,
            &s.brackets,
            rtl,
            &mut s.pairs,
            &mut s.levels,
        );
    }
    build_graphemes(s, options.shaping);
    wrap::wrap(paragraph, &s.graphemes, options.width.max(1), &mut s.lines);
    for k in 0..s.lines.len() {
        let line = s.lines[k].clone();
        let (visual, levels) = emit_line(paragraph, offset, line, rtl, options, with_levels, s);
        out(visual, levels);
    }
    true
}

/// Whether every character resolves to the paragraph's level, as it does when no class
/// present can resolve to another: in a right-to-left paragraph no L and no number (an
/// EN after Arabic letters becomes AN), in a left-to-right one no R, AL or AN (an EN with
/// no R before it becomes L). Most paragraphs of prose in one script are so.
fn one_level(present: u16, rtl: bool) -> bool {
    let bits = |classes: &[Class]| classes.iter().fold(0, |b, &c| b | 1 << c as u16);
    let other = match rtl {
        true => bits(&[Class::L, Class::EN, Class::AN]),
        false => bits(&[Class::R, Class::AL, Class::AN]),
    };
    present & other == 0
}

/// Fills the per-character buffers; false at the first character that is not simple, or
/// at a ZWNJ that is not between two strong letters (see `props::ZWNJ`).
fn decode(paragraph: &str, s: &mut Scratch) -> bool {
    s.chars.clear();
    s.brackets.clear();
    s.present = 0;
    let table = props::table();
    let mut after_zwnj = false;
    for (at, c) in paragraph.char_indices() {
        let Some(&p) = props_in(table, c) else {
            return false;
        };
        if after_zwnj || c == ZWNJ {
            if !zwnj_between_letters(after_zwnj, c, &p, s.chars.last()) {
                return false;
            }
            after_zwnj = c == ZWNJ;
        }
        if p.bracket != Bracket::None {
            s.brackets.push((s.chars.len(), p.bracket));
        }
        // `paragraph.len()` fits in u32 (checked by the caller), so every offset does.
        let at = at as u32;
        s.chars.push(Char { at, c, p });
        s.present |= 1 << p.class as u16;
    }
    !after_zwnj
}

/// Whether `c` may follow a ZWNJ (if `after_zwnj`) and, if it is one, the character
/// `before` it: a ZWNJ must stand between two strong letters. Rare, so out of the loop.
#[cold]
fn zwnj_between_letters(after_zwnj: bool, c: char, p: &Props, before: Option<&Char>) -> bool {
    let strong = |p: &Props| matches!(p.class, Class::L | Class::R | Class::AL);
    (!after_zwnj || strong(p)) && (c != ZWNJ || before.is_some_and(|ch| strong(&ch.p)))
}

/// Rules P2-P3 (no isolates to skip in simple text), or the forced direction.
fn direction(chars: &[Char], options: &LayoutOptions) -> BaseDirection {
    match options.direction {
        BaseDirection::Auto => chars
            .iter()
            .find_map(|ch| match ch.p.class {
                Class::L => Some(BaseDirection::Ltr),
                Class::R | Class::AL => Some(BaseDirection::Rtl),
                _ => None,
            })
            .unwrap_or(match options.fallback {
                BaseDirection::Rtl => BaseDirection::Rtl,
                _ => BaseDirection::Ltr,
            }),
        forced => forced,
    }
}
