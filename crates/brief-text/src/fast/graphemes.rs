//! From characters to cells: shaping, then one grapheme per cell (a base, or a lam-alef
//! ligature, with the marks after it).

use super::props::{self, Joining};
use super::{Scratch, SimpleGrapheme};
use crate::cluster::DOTTED_CIRCLE;
use crate::shape::{LAM, lam_alef};

/// Marks an alef absorbed into the lam-alef ligature before it (no simple character is NUL).
const ABSORBED: char = '\0';

/// `crate::shape` on characters: joining over transparent marks between letters of one
/// level, presentation forms, and the lam-alef ligature at odd levels.
pub(super) fn shape(s: &mut Scratch, shaping: bool) {
    s.shaped.clear();
    s.shaped.extend(s.chars.iter().map(|ch| ch.c));
    if !shaping {
        return;
    }
    // Whether a letter joins the next is known at the next non-transparent character,
    // so each letter is shaped one step late; `prev` is the last one and whether it joins
    // the one before it.
    let shapes = props::shapes();
    let (chars, levels, shaped) = (&s.chars[..], &s.levels[..], &mut s.shaped[..]);
    let form = |shaped: &mut [char], k: usize, joins_prev: bool, joins_next: bool| {
        let ch = chars[k];
        if ch.p.forms {
            shaped[k] = props::shaped_in(shapes, ch.c, joins_prev, joins_next);
        }
    };
    let mut prev: Option<(usize, bool)> = None;
    let mut absorbed = None;
    for (i, (ch, &level)) in chars.iter().zip(levels).enumerate() {
        let joining = ch.p.joining;
        if joining == Joining::T {
            continue;
        }
        let Some((k, joins_prev)) = prev else {
            prev = Some((i, false));
            continue;
        };
        let before = chars[k];
        let joins =
            before.p.joining.joins_forward() && joining.joins_backward() && levels[k] == level;
        if absorbed != Some(k) {
            form(shaped, k, joins_prev, joins);
        }
        if k + 1 == i
            && before.c == LAM
            && joins
            && level % 2 == 1
            && let Some(ligature) = lam_alef(ch.c, joins_prev)
        {
            shaped[k] = ligature;
            shaped[i] = ABSORBED;
            absorbed = Some(i);
        }
        prev = Some((i, joins));
    }
    if let Some((k, joins_prev)) = prev
        && absorbed != Some(k)
    {
        form(shaped, k, joins_prev, false);
    }
}

pub(super) fn build_graphemes(s: &mut Scratch) {
    s.graphemes.clear();
    for (i, ch) in s.chars.iter().enumerate() {
        let start = ch.at;
        let end = start + ch.c.len_utf8() as u32;
        let last = s.graphemes.last_mut();
        match (last, ch.p.extend, s.shaped[i]) {
            (Some(last), true, _) => {
                last.end = end;
                last.space = false;
            }
            // The alef and its marks go into the lam's cell.
            (Some(last), false, ABSORBED) => {
                last.end = end;
                last.marks = end;
                last.mirrors = false;
            }
            (None, true, _) => s.graphemes.push(SimpleGrapheme {
                start,
                end,
                first: i as u32,
                base: DOTTED_CIRCLE,
                marks: start,
                space: false,
                mirrors: false,
            }),
            (_, _, base) => s.graphemes.push(SimpleGrapheme {
                start,
                end,
                first: i as u32,
                base,
                marks: end,
                space: ch.p.space,
                mirrors: ch.p.mirrors,
            }),
        }
    }
}
