//! The fast path: paragraphs made only of "simple" characters (see `props`), which is
//! nearly all prose in Arabic, Hebrew, Persian and Latin scripts, are laid
//! out in a few passes over per-character tables, reusing buffers from one paragraph to
//! the next. The result is the general path's, glyph for glyph (the tests compare both on
//! generated and real text); anything else goes to the general path.

mod bidi;
mod props;
mod wrap;

#[cfg(test)]
mod tests;

use std::ops::Range;

use crate::cluster::DOTTED_CIRCLE;
use crate::direction::BaseDirection;
use crate::line::VisualLine;
use crate::options::{BidiMode, LayoutOptions};
use crate::reorder;
use crate::shape::{LAM, lam_alef};
use props::{Bracket, Class, Props, ZWNJ, props};

/// Marks an alef absorbed into the lam-alef ligature before it (no simple character is NUL).
const ABSORBED: char = '\0';

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
    /// Bidi classes, resolved in place.
    classes: Vec<Class>,
    /// The characters that are brackets, by index.
    brackets: Vec<(usize, Bracket)>,
    /// The classes present, as bits (`1 << class`).
    present: u16,
    pairs: Vec<(usize, usize)>,
    levels: Vec<u8>,
    shaped: Vec<char>,
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
    let rtl = direction(&s.classes, options) == BaseDirection::Rtl;
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
    shape(s, options.shaping);
    build_graphemes(s);
    wrap::wrap(paragraph, &s.graphemes, options.width.max(1), &mut s.lines);
    for k in 0..s.lines.len() {
        let line = s.lines[k].clone();
        let (visual, levels) = emit_line(paragraph, offset, line, rtl, options, with_levels, s);
        out(visual, levels);
    }
    true
}

/// Fills the per-character buffers; false at the first character that is not simple, or
/// at a ZWNJ that is not between two strong letters (see `props::ZWNJ`).
fn decode(paragraph: &str, s: &mut Scratch) -> bool {
    s.chars.clear();
    s.classes.clear();
    s.brackets.clear();
    s.present = 0;
    let strong = |p: &Props| matches!(p.class, Class::L | Class::R | Class::AL);
    let mut after_zwnj = false;
    for (at, c) in paragraph.char_indices() {
        let Some(p) = props(c) else { return false };
        if after_zwnj && !strong(&p) {
            return false;
        }
        after_zwnj = c == ZWNJ;
        if after_zwnj && !s.chars.last().is_some_and(|ch| strong(&ch.p)) {
            return false;
        }
        if p.bracket != Bracket::None {
            s.brackets.push((s.chars.len(), p.bracket));
        }
        // `paragraph.len()` fits in u32 (checked by the caller), so every offset does.
        let at = at as u32;
        s.chars.push(Char { at, c, p });
        s.classes.push(p.class);
        s.present |= 1 << p.class as u16;
    }
    !after_zwnj
}

/// Rules P2-P3 (no isolates to skip in simple text), or the forced direction.
fn direction(classes: &[Class], options: &LayoutOptions) -> BaseDirection {
    match options.direction {
        BaseDirection::Auto => classes
            .iter()
            .find_map(|c| match c {
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

/// `crate::shape` on characters: joining over transparent marks between letters of one
/// level, presentation forms, and the lam-alef ligature at odd levels.
fn shape(s: &mut Scratch, shaping: bool) {
    s.shaped.clear();
    s.shaped.extend(s.chars.iter().map(|ch| ch.c));
    if !shaping {
        return;
    }
    // Whether a letter joins the next is known at the next non-transparent character,
    // so each letter is shaped one step late; `prev` is the last one and whether it joins
    // the one before it.
    let mut prev: Option<(usize, bool)> = None;
    let mut absorbed = None;
    for i in 0..s.chars.len() {
        let joining = s.chars[i].p.joining;
        if joining == props::Joining::T {
            continue;
        }
        let joins = prev.is_some_and(|(k, _)| {
            s.chars[k].p.joining.joins_forward()
                && joining.joins_backward()
                && s.levels[k] == s.levels[i]
        });
        if let Some((k, joins_prev)) = prev {
            if absorbed != Some(k) {
                shape_one(s, k, joins_prev, joins);
            }
            let level = s.levels[i];
            if k + 1 == i
                && s.chars[k].c == LAM
                && joins
                && level % 2 == 1
                && level == s.levels[k]
                && let Some(ligature) = lam_alef(s.chars[i].c, joins_prev)
            {
                s.shaped[k] = ligature;
                s.shaped[i] = ABSORBED;
                absorbed = Some(i);
            }
        }
        prev = Some((i, joins));
    }
    if let Some((k, joins_prev)) = prev
        && absorbed != Some(k)
    {
        shape_one(s, k, joins_prev, false);
    }
}

fn shape_one(s: &mut Scratch, k: usize, joins_prev: bool, joins_next: bool) {
    let ch = s.chars[k];
    if ch.p.forms {
        s.shaped[k] = props::shaped(ch.c, joins_prev, joins_next);
    }
}

fn build_graphemes(s: &mut Scratch) {
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

/// One line: rule L1 (trailing white space at the paragraph's level), L2 on whole
/// graphemes, L4 mirroring, and the glyphs.
fn emit_line(
    paragraph: &str,
    offset: usize,
    line: Range<usize>,
    rtl: bool,
    options: &LayoutOptions,
    with_levels: bool,
    s: &mut Scratch,
) -> (VisualLine, Vec<u8>) {
    let para = u8::from(rtl);
    let graphemes = &s.graphemes[line.clone()];
    let last_char = s
        .graphemes
        .get(line.end)
        .map_or(s.chars.len(), |c| c.first as usize);
    let first_char = graphemes.first().map_or(last_char, |c| c.first as usize);
    let mut trailing = last_char;
    while trailing > first_char && s.chars[trailing - 1].p.class == Class::WS {
        trailing -= 1;
    }
    s.line_levels.clear();
    s.line_levels
        .extend(graphemes.iter().map(|c| match c.first as usize {
            first if first >= trailing => para,
            first => s.levels[first],
        }));
    let app = options.mode == BidiMode::App;
    let bytes = graphemes.last().map_or(0, |c| c.end) - graphemes.first().map_or(0, |c| c.start);
    // Shaped letters take 3 bytes where the source's took 2.
    let mut visual = VisualLine::with_capacity(rtl, graphemes.len(), bytes as usize * 3 / 2 + 4);
    let mut levels = Vec::with_capacity(if with_levels { graphemes.len() } else { 0 });
    let mut place = |k: usize| {
        let c = &graphemes[k];
        let level = if app { s.line_levels[k] } else { para };
        let base = if c.mirrors && app && level % 2 == 1 {
            reorder::mirrored(c.base)
        } else {
            c.base
        };
        let marks = match c.marks < c.end {
            true => paragraph
                .get(c.marks as usize..c.end as usize)
                .unwrap_or(""),
            false => "",
        };
        let source = offset + c.start as usize..offset + c.end as usize;
        visual.push_char(base, marks, 1, source);
        if with_levels {
            levels.push(level);
        }
    };
    let first_level = s.line_levels.first().copied().unwrap_or(para);
    let uniform = s.line_levels.iter().all(|&l| l == first_level);
    match (app, uniform) {
        // A line of one direction: no need to run rule L2 to read it backwards or not.
        (true, true) if first_level % 2 == 1 => (0..graphemes.len()).rev().for_each(&mut place),
        (true, false) => {
            s.order.clear();
            s.order.extend(0..graphemes.len());
            reorder_visual(&s.line_levels, &mut s.order);
            s.order.iter().for_each(|&k| place(k));
        }
        _ => (0..graphemes.len()).for_each(&mut place),
    }
    (visual, levels)
}

/// Rule L2: from the highest level down to the lowest odd one, reverse every run at that
/// level or above. `levels` are by logical index, `order` starts as 0..n.
fn reorder_visual(levels: &[u8], order: &mut [usize]) {
    let Some(&highest) = levels.iter().max() else {
        return;
    };
    let lowest_odd = levels.iter().copied().min().unwrap_or(0) | 1;
    let mut level = highest;
    while level >= lowest_odd {
        let mut i = 0;
        while i < levels.len() {
            if levels[order[i]] < level {
                i += 1;
                continue;
            }
            let start = i;
            while i < levels.len() && levels[order[i]] >= level {
                i += 1;
            }
            order[start..i].reverse();
        }
        level -= 1;
    }
}
