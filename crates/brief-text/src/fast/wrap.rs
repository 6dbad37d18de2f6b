//! `crate::wrap` for graphemes that are all one cell wide, asking for line-break
//! opportunities only where a line overflows: `unicode_linebreak::split_at_safe` gives a
//! point before the overflow from which the opportunities are the same as from the
//! paragraph's start, so most of a paragraph is never run through the break tables.

use std::ops::Range;

use unicode_linebreak::{BreakClass, BreakOpportunity, break_property, linebreaks, split_at_safe};

use super::SimpleGrapheme;

/// Lines as ranges of grapheme indices, as `crate::wrap::wrap` makes them for these
/// graphemes (which hold no mandatory break: simple text has none).
pub(crate) fn wrap(
    paragraph: &str,
    graphemes: &[SimpleGrapheme],
    width: usize,
    lines: &mut Vec<Range<usize>>,
) {
    lines.clear();
    let mut start: usize = 0;
    // Every grapheme is one cell, so the line from `start` overflows at the first one
    // that is not a space from `start + width` on (spaces may hang past the edge).
    loop {
        let mut i = start.saturating_add(width);
        while graphemes.get(i).is_some_and(|g| g.space) {
            i += 1;
        }
        if i >= graphemes.len() {
            break;
        }
        let end = plain_break(paragraph, graphemes, start, i)
            .or_else(|| last_break(paragraph, graphemes, start, i))
            .unwrap_or(i);
        push_soft(lines, graphemes, start..end);
        start = end;
        // A word longer than the line is cut where it overflows.
        if i - start >= width {
            push_soft(lines, graphemes, start..i);
            start = i;
        }
    }
    push_hard(lines, graphemes, start..graphemes.len(), width);
    if lines.is_empty() {
        lines.push(0..0);
    }
}

fn trim_spaces(graphemes: &[SimpleGrapheme], range: &Range<usize>) -> usize {
    let mut end = range.end;
    while end > range.start && graphemes[end - 1].space {
        end -= 1;
    }
    end
}

/// A soft break drops the line's trailing spaces; a line of only spaces is no line.
fn push_soft(lines: &mut Vec<Range<usize>>, graphemes: &[SimpleGrapheme], range: Range<usize>) {
    let end = trim_spaces(graphemes, &range);
    if end > range.start {
        lines.push(range.start..end);
    }
}

/// At the paragraph's end trailing spaces are kept as far as they fit.
fn push_hard(
    lines: &mut Vec<Range<usize>>,
    graphemes: &[SimpleGrapheme],
    range: Range<usize>,
    width: usize,
) {
    let end = trim_spaces(graphemes, &range);
    let fits = range.end.min(range.start.saturating_add(width));
    lines.push(range.start..end.max(fits));
}

/// `last_break` where the line ends in plain words: the overflowing grapheme `i` is in a
/// word of letters and digits (with marks on them), after plain spaces after another such
/// word. The break is then before that word (UAX #14: rule LB18 breaks after spaces, and
/// none of the rules before it holds between letters or digits; LB9, LB23 and LB28 join
/// the word's own letters, digits and marks). None, so that the break tables decide,
/// when anything else is near.
fn plain_break(
    paragraph: &str,
    graphemes: &[SimpleGrapheme],
    start: usize,
    i: usize,
) -> Option<usize> {
    let mut k = i;
    while !graphemes.get(k)?.space {
        if k == start || !is_plain_word(paragraph, &graphemes[k]) {
            return None;
        }
        k -= 1;
    }
    let candidate = k + 1;
    while graphemes[k].space {
        let g = &graphemes[k];
        if k == start || paragraph.get(g.start as usize..g.end as usize) != Some(" ") {
            return None;
        }
        k -= 1;
    }
    is_plain_word(paragraph, &graphemes[k]).then_some(candidate)
}

/// A letter or digit, with only marks after it.
fn is_plain_word(paragraph: &str, g: &SimpleGrapheme) -> bool {
    let Some(text) = paragraph.get(g.start as usize..g.end as usize) else {
        return false;
    };
    let mut chars = text.chars().map(|c| break_property(u32::from(c)));
    chars.next().is_some_and(|b| {
        matches!(
            b,
            BreakClass::Alphabetic | BreakClass::HebrewLetter | BreakClass::Numeric
        )
    }) && chars.all(|b| b == BreakClass::CombiningMark)
}

/// The last grapheme in `start + 1..=i` that a line may break before, if any.
///
/// `split_at_safe` keeps one character before its safe pair in the text it returns, and
/// that character is read as if it began the paragraph (a mark after an em dash reads as
/// a letter), so the opportunity right after it is not trusted: only those from the safe
/// pair's second character on are. Each step back covers what the last one did not.
fn last_break(
    paragraph: &str,
    graphemes: &[SimpleGrapheme],
    start: usize,
    i: usize,
) -> Option<usize> {
    let lowest = graphemes[start].start as usize;
    let target = graphemes[i].start as usize;
    let mut end = target + char_len_at(paragraph, target);
    loop {
        let (before, safe) = split_at_safe(paragraph.get(..end)?);
        let base = before.len();
        let trusted = if base == 0 {
            0
        } else {
            base + char_len_at(paragraph, base)
        };
        let found = linebreaks(safe)
            .filter(|&(_, kind)| kind == BreakOpportunity::Allowed)
            .map(|(at, _)| at + base)
            .take_while(|&at| at <= target)
            .filter(|&at| at > lowest && at > trusted)
            .filter_map(|at| grapheme_starting_at(graphemes, at))
            .last();
        if found.is_some() || trusted <= lowest {
            return found;
        }
        end = trusted + char_len_at(paragraph, trusted);
    }
}

fn char_len_at(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|s| s.chars().next())
        .map_or(0, char::len_utf8)
}

fn grapheme_starting_at(graphemes: &[SimpleGrapheme], at: usize) -> Option<usize> {
    graphemes
        .binary_search_by_key(&at, |c| c.start as usize)
        .ok()
}
