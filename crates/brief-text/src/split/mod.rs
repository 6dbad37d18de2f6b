//! Graphemes that terminals draw at another width than the one they are measured at.
//!
//! unicode-width measures a grapheme as a whole: an emoji ZWJ sequence, a keycap or a
//! character with VS16 is 2 cells. ratatui also skips cells by that width. xterm, tmux and
//! the vt100 crate advance per code point instead (wcwidth), so where the two disagree a
//! row drifts and cells go stale. Even where they agree, a terminal keeps each spacing
//! code point in a cell of its own (a flag's two regional indicators, a letter and its
//! skin tones), and writing over the first leaves the others on screen. Such a grapheme
//! is cut into pieces that are the same width however they are measured and that a
//! terminal keeps in one cell: each holds one spacing character with the zero-width marks
//! that belong to it. The joiner and the presentation selectors, which only some terminals act on (tmux
//! 3.3a puts a wide character after a ZWJ into the cell before it; newer tmux widens a
//! character followed by VS16), are never shown: their pieces have no text.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::cell_text::{CellText, char_str_width};
use crate::cluster::{Cluster, starts_with_mark};

/// Characters that stay in the source but never reach the terminal, since terminals do
/// not agree on their width or on what they do to their neighbours.
pub(crate) fn is_hidden(c: char) -> bool {
    matches!(
        c,
        // Zero width joiner, text and emoji presentation selectors.
        '\u{200D}' | '\u{FE0E}' | '\u{FE0F}'
        // Soft hyphen: 0 cells for unicode-width, a visible hyphen cell for glibc's wcwidth.
        | '\u{AD}'
        // Hangul fillers: 0 cells for unicode-width, 2 and 1 for glibc (blank either way).
        | '\u{3164}' | '\u{FFA0}'
    )
}

/// Width as a terminal advances over `text`: code point by code point.
pub(crate) fn cell_width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Whether unicode-width (and so ratatui) and a terminal give `text` the same width.
pub(crate) fn agrees(text: &str) -> bool {
    text.width() == cell_width(text)
}

/// Code points that take cells of their own. A terminal keeps each in its own cell, and
/// writing over the first does not clear the others, while ratatui holds the grapheme in
/// one cell and would not rewrite them. A grapheme that starts with a combining mark
/// counts one more: it will get a dotted circle for a base.
fn spacing(text: &str) -> usize {
    let circle = usize::from(starts_with_mark(text));
    circle + text.chars().filter(|c| c.width().unwrap_or(0) > 0).count()
}

/// The clusters for one grapheme starting at byte `start`: the grapheme itself when
/// terminals agree on it, else its pieces. Later pieces are marked as continuing it, so
/// that wrapping and reordering keep them together where they can.
#[cfg(test)]
pub(crate) fn split(start: usize, grapheme: &str) -> Vec<Cluster> {
    let mut out = Vec::new();
    split_into(start, grapheme, &mut out);
    out
}

/// `split`, appending to `out` (one vector for the whole paragraph, not one per grapheme).
pub(crate) fn split_into(start: usize, grapheme: &str, out: &mut Vec<Cluster>) {
    if let Some(width) = whole_grapheme(grapheme) {
        let range = start..start + grapheme.len();
        out.push(Cluster::measured(range, CellText::from(grapheme), width));
        return;
    }
    let first = out.len();
    for (i, c) in grapheme.char_indices() {
        let range = start + i..start + i + c.len_utf8();
        let shown = match place(&out[first..], c) {
            Place::OnPiece(k) => {
                attach(out, first + k, range.end, c);
                continue;
            }
            Place::Hidden => CellText::new(),
            Place::Own => CellText::of_char(c),
        };
        let continues = out.len() > first;
        out.push(Cluster::new(range, shown).continuing(continues));
    }
}

/// Whether terminals agree on the grapheme as a whole: `agrees`, nothing hidden and at
/// most one spacing character (counting the dotted circle a leading mark will get). If so,
/// its width.
fn whole_grapheme(grapheme: &str) -> Option<usize> {
    let mut chars = grapheme.chars();
    // The common case, one character that takes cells: then `agrees` is this width
    // comparison, and its spacing is exactly 1 (no dotted circle: `starts_with_mark`
    // wants a character of width 0). Anything else takes the general test below.
    if let (Some(c), None) = (chars.next(), chars.next()) {
        let w = c.width().unwrap_or(0);
        if !is_hidden(c) && w > 0 && char_str_width(grapheme) == w {
            return Some(w);
        }
    }
    let width = grapheme.width();
    let whole =
        width == cell_width(grapheme) && !grapheme.chars().any(is_hidden) && spacing(grapheme) <= 1;
    whole.then_some(width)
}
enum Place {
    /// A zero-width mark joins the shown piece at this index.
    OnPiece(usize),
    Hidden,
    Own,
}

fn place(pieces: &[Cluster], c: char) -> Place {
    if is_hidden(c) {
        return Place::Hidden;
    }
    if c.width().unwrap_or(0) > 0 {
        return Place::Own;
    }
    match pieces.iter().rposition(|p| !p.text.is_empty()) {
        // A mark with nothing before it keeps a piece of its own; it gets a dotted
        // circle for a base later, like any grapheme that starts with a mark.
        None => Place::Own,
        Some(k) if agrees_with(&pieces[k].text, c) => Place::OnPiece(k),
        // unicode-width would widen the base for it (VS2 after a curly quote): hide it.
        Some(_) => Place::Hidden,
    }
}

/// `agrees` on `text` followed by `c`, without building the string on the heap.
fn agrees_with(text: &str, c: char) -> bool {
    let mut joined = CellText::from(text);
    joined.push(c);
    agrees(&joined)
}

/// Puts a mark on piece `k`; hidden pieces between them (the VS16 of a keycap) become part
/// of that piece's source, since source ranges must stay contiguous.
fn attach(pieces: &mut Vec<Cluster>, k: usize, end: usize, mark: char) {
    let piece = &pieces[k];
    let mut text = piece.text.clone();
    text.push(mark);
    let merged = Cluster::new(piece.range.start..end, text).continuing(piece.continues);
    pieces.truncate(k);
    pieces.push(merged);
}

#[cfg(test)]
mod tests;
