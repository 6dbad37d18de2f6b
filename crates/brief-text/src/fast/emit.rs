//! One line of a paragraph the fast path took: levels, visual order, mirroring, glyphs.

use std::ops::Range;

use super::props::Class;
use super::{Scratch, SimpleGrapheme};
use crate::line::{RUN_SPAN, RunLine, VisualLine};
use crate::options::{BidiMode, LayoutOptions};

/// One line: rule L1 (trailing white space at the paragraph's level), L2 on whole
/// graphemes, L4 mirroring, and the glyphs.
pub(super) fn emit_line(
    paragraph: &str,
    offset: usize,
    line: Range<usize>,
    rtl: bool,
    options: &LayoutOptions,
    with_levels: bool,
    s: &mut Scratch,
) -> (VisualLine, Vec<u8>) {
    let para = u8::from(rtl);
    // One level for the whole line: the paragraph's, when all its characters are at it.
    let uniform = match s.one_level {
        true => Some(para),
        false => line_levels(line.clone(), para, s),
    };
    let graphemes = &s.graphemes[line];
    let app = options.mode == BidiMode::App;
    let first = graphemes.first().map_or(0, |c| c.start);
    let bytes = graphemes.last().map_or(0, |c| c.end) - first;
    // Shaped letters take 3 bytes where the source's took 2.
    let capacity = bytes as usize * 3 / 2 + 4;
    if !with_levels && bytes <= RUN_SPAN {
        let level = if app { uniform } else { Some(para) };
        if let Some(level) = level {
            let odd = app && level % 2 == 1;
            let sources = (offset + first as usize, bytes);
            let mut run = VisualLine::run_from(rtl, sources, odd, graphemes.len(), capacity);
            emit_one_level(paragraph, graphemes, first, odd, &mut run);
            return (run.into_line(), Vec::new());
        }
    }
    let mut visual = VisualLine::with_capacity(rtl, graphemes.len(), capacity);
    let mut levels = Vec::with_capacity(if with_levels { graphemes.len() } else { 0 });
    let mut place = |k: usize| {
        let c = &graphemes[k];
        let level = match (app, uniform) {
            (false, _) => para,
            (true, Some(level)) => level,
            (true, None) => s.line_levels[k],
        };
        let base = c.shown_base(app && level % 2 == 1);
        let source = offset + c.start as usize..offset + c.end as usize;
        visual.push_char(base, c.marks_in(paragraph), 1, source);
        if with_levels {
            levels.push(level);
        }
    };
    match (app, uniform) {
        // A line of one direction: no need to run rule L2 to read it backwards or not.
        (true, Some(level)) if level % 2 == 1 => (0..graphemes.len()).rev().for_each(&mut place),
        (true, None) => {
            s.order.clear();
            s.order.extend(0..graphemes.len());
            reorder_visual(&s.line_levels, &mut s.order);
            s.order.iter().for_each(|&k| place(k));
        }
        _ => (0..graphemes.len()).for_each(&mut place),
    }
    (visual, levels)
}

/// The glyphs of a line whose graphemes are all at one level, read backwards and
/// mirrored if that level is odd (`odd`), their sources relative to `first`.
fn emit_one_level(
    paragraph: &str,
    graphemes: &[SimpleGrapheme],
    first: u32,
    odd: bool,
    run: &mut RunLine,
) {
    // Two plain loops: one closure called from both was not inlined.
    if odd {
        for c in graphemes.iter().rev() {
            run.push(c.shown_base(true), c.marks_in(paragraph), c.start - first);
        }
    } else {
        for c in graphemes {
            run.push(c.base, c.marks_in(paragraph), c.start - first);
        }
    }
}

/// Each grapheme's level into `s.line_levels`, with rule L1 (trailing white space at the
/// paragraph's level `para`); the one level of them all, if it is one.
fn line_levels(line: Range<usize>, para: u8, s: &mut Scratch) -> Option<u8> {
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
    let first = s.line_levels.first().copied().unwrap_or(para);
    s.line_levels.iter().all(|&l| l == first).then_some(first)
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
