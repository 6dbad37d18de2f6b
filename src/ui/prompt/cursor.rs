//! Where the prompt's cursor is drawn: the visual position of the logical insertion point.
//!
//! A letter typed at the insertion point joins the letter before it, on that letter's
//! reading side: right of a left-to-right letter, left of a right-to-left one, whose cell
//! the new letter then takes while the old one moves a cell right. Either way the new
//! letter appears in the cell at that edge, and the cursor is drawn on that cell.

use crate::text::{Glyph, LeveledLine, VisualLine, sanitize};

/// The byte of `sanitized` (the whole of `raw` sanitized) where `raw`'s insertion point
/// `cursor` falls. Sanitizing maps each character on its own, but closes open embeddings at
/// the end of what it is given: the prefix sanitized alone agrees with the whole up to
/// the insertion point, and no further.
pub fn sanitized_offset(raw: &str, cursor: usize, sanitized: &str) -> usize {
    let prefix = sanitize(raw.get(..cursor).unwrap_or(raw)).text;
    prefix
        .char_indices()
        .zip(sanitized.chars())
        .find(|((_, a), b)| a != b)
        .map_or(prefix.len().min(sanitized.len()), |((at, _), _)| at)
}

/// The line holding byte `at` of the laid-out text, and the cell from its left end where
/// the cursor is drawn; the last line, with the cursor at its reading end, when no glyph
/// is next to `at` (spaces a wrap dropped). `visual`: the lines are in visual order, so a
/// glyph at an odd bidi level reads right to left; otherwise every glyph is taken as
/// reading left to right, in the order it is sent.
pub fn place(lines: Vec<LeveledLine>, at: usize, visual: bool) -> Option<(VisualLine, usize)> {
    let before = at.checked_sub(1).and_then(|byte| find(&lines, byte));
    if let Some((line, index)) = before {
        let (left, glyph, rtl) = edges(&lines[line], index, visual);
        let cell = if rtl { left } else { left + glyph.width };
        return Some((lines.into_iter().nth(line)?.line, cell));
    }
    if let Some((line, index)) = find(&lines, at) {
        let (left, glyph, rtl) = edges(&lines[line], index, visual);
        let cell = if rtl { left + glyph.width } else { left };
        return Some((lines.into_iter().nth(line)?.line, cell));
    }
    let last = lines.into_iter().last()?.line;
    let cell = if visual && last.rtl { 0 } else { last.width };
    Some((last, cell))
}

/// The line and the index of the glyph that shows byte `byte`.
fn find(lines: &[LeveledLine], byte: usize) -> Option<(usize, usize)> {
    lines.iter().enumerate().find_map(|(n, leveled)| {
        let index = leveled
            .line
            .glyphs()
            .position(|g| g.source.contains(&byte))?;
        Some((n, index))
    })
}

/// Glyph `index` of `leveled`: the cells before it, the glyph, and whether it reads right
/// to left.
fn edges(leveled: &LeveledLine, index: usize, visual: bool) -> (usize, Glyph<'_>, bool) {
    let left = leveled.line.glyphs().take(index).map(|g| g.width).sum();
    let glyph = leveled.line.glyph(index).unwrap_or(Glyph {
        text: "",
        width: 0,
        source: 0..0,
    });
    let rtl = visual
        && leveled
            .levels
            .get(index)
            .is_some_and(|level| level % 2 == 1);
    (left, glyph, rtl)
}
