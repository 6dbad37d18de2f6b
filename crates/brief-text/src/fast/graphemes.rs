//! From characters to cells, in one pass: one grapheme per cell (a base, or a lam-alef
//! ligature, with the marks after it), its base shaped as `crate::shape` shapes it.

use super::props::{self, Joining};
use super::{Char, Scratch, SimpleGrapheme};
use crate::cluster::DOTTED_CIRCLE;
use crate::shape::{LAM, lam_alef};

/// The last character that is not transparent to joining: its index, the grapheme whose
/// base it is (none for a mark, or an alef taken into a ligature), and whether it joins
/// the letter before it. Whether it joins the next is known only at the next such
/// character, so its base is shaped one step late.
#[derive(Clone, Copy)]
struct Joiner {
    index: u32,
    /// `NONE` for a mark, or an alef taken into a ligature.
    grapheme: u32,
    c: char,
    joining: Joining,
    level: u8,
    forms: bool,
    joins_prev: bool,
}

/// No grapheme (`Joiner::grapheme`): the scratch holds far fewer graphemes than this.
const NONE: u32 = u32::MAX;

/// The paragraph's graphemes into `s.graphemes`, shaped if `shaping`: joining over
/// transparent marks between letters of one level, presentation forms, and the lam-alef
/// ligature at odd levels.
pub(super) fn build_graphemes(s: &mut Scratch, shaping: bool) {
    s.graphemes.clear();
    let shapes = props::shapes();
    let (chars, levels, graphemes) = (&s.chars[..], &s.levels[..], &mut s.graphemes);
    // Indices fit u32: the fast path takes only paragraphs shorter than 4 GiB.
    let mut last: Option<Joiner> = None;
    for (i, (ch, &level)) in chars.iter().zip(levels).enumerate() {
        let joins_here = shaping && ch.p.joining != Joining::T;
        let mut joins_prev = false;
        let mut absorbed = false;
        if joins_here && let Some(before) = last {
            joins_prev = before.joining.joins_forward()
                && ch.p.joining.joins_backward()
                && before.level == level;
            if let Some(base) = graphemes.get_mut(before.grapheme as usize) {
                if before.forms {
                    base.base = props::shaped_in(shapes, before.c, before.joins_prev, joins_prev);
                }
                if before.index as usize + 1 == i
                    && before.c == LAM
                    && joins_prev
                    && level % 2 == 1
                    && let Some(ligature) = lam_alef(ch.c, before.joins_prev)
                {
                    base.base = ligature;
                    absorbed = true;
                }
            }
        }
        let grapheme = push(graphemes, i, ch, absorbed);
        if joins_here {
            last = Some(Joiner {
                index: i as u32,
                grapheme: grapheme.map_or(NONE, |g| g as u32),
                c: ch.c,
                joining: ch.p.joining,
                level,
                forms: ch.p.forms,
                joins_prev,
            });
        }
    }
    if let Some(before) = last
        && before.forms
        && let Some(base) = graphemes.get_mut(before.grapheme as usize)
    {
        base.base = props::shaped_in(shapes, before.c, before.joins_prev, false);
    }
}

/// Character `i` into the graphemes: a new one unless it is a mark or an `absorbed`
/// alef (which goes, with the marks after it, into the lam's cell). Returns the new one.
#[inline]
fn push(graphemes: &mut Vec<SimpleGrapheme>, i: usize, ch: &Char, absorbed: bool) -> Option<usize> {
    let start = ch.at;
    let end = start + ch.c.len_utf8() as u32;
    match (graphemes.last_mut(), ch.p.extend) {
        (Some(last), true) => {
            last.end = end;
            last.space = false;
            return None;
        }
        (Some(last), false) if absorbed => {
            last.end = end;
            last.marks = end;
            last.mirrors = false;
            return None;
        }
        (None, true) => graphemes.push(SimpleGrapheme {
            start,
            end,
            first: i as u32,
            base: DOTTED_CIRCLE,
            marks: start,
            space: false,
            mirrors: false,
        }),
        _ => graphemes.push(SimpleGrapheme {
            start,
            end,
            first: i as u32,
            base: ch.c,
            marks: end,
            space: ch.p.space,
            mirrors: ch.p.mirrors,
        }),
    }
    // A leading mark's dotted circle is no letter to shape.
    Some(graphemes.len() - 1).filter(|_| !ch.p.extend)
}
