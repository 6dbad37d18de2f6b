//! Parts of a field drawn in a style of their own: search matches, an actor's names, the
//! quotation looked up; and laying one list of them over another.

use std::ops::Range;

/// What a mark stands for; the theme gives each its style when the row is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    Match,
    CurrentMatch,
    /// The filtered actor's names, or the quotation looked up.
    Name,
}

impl MarkKind {
    /// A search match, the current one or not.
    pub fn search_match(current: bool) -> Self {
        if current {
            MarkKind::CurrentMatch
        } else {
            MarkKind::Match
        }
    }
}

/// A byte range of one field drawn in a style of its own (a search match, an actor name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub field: usize,
    pub range: Range<usize>,
    pub kind: MarkKind,
}

/// `top` laid over `below`, both sorted by (field, start) without overlaps, into one list
/// that is too: `top`'s marks stay whole and `below`'s keep only what `top` leaves
/// uncovered, so a search match inside a marked name still shows as a match.
pub fn overlay(top: Vec<Mark>, below: Vec<Mark>) -> Vec<Mark> {
    if below.is_empty() {
        return top;
    }
    let mut out = Vec::with_capacity(top.len() + below.len());
    let mut top = top.into_iter().peekable();
    // Where the last `top` mark placed ends: it may reach into the next `below` mark.
    let mut covered: Option<(usize, usize)> = None;
    for mark in below {
        let mut start = match covered {
            Some((field, end)) if field == mark.field => mark.range.start.max(end),
            _ => mark.range.start,
        };
        let before_end = |t: &Mark| (t.field, t.range.start) < (mark.field, mark.range.end);
        while let Some(t) = top.next_if(before_end) {
            if t.field == mark.field {
                if t.range.start > start {
                    out.push(piece(&mark, start..t.range.start));
                }
                start = start.max(t.range.end);
            }
            covered = Some((t.field, t.range.end));
            out.push(t);
        }
        if start < mark.range.end {
            out.push(piece(&mark, start..mark.range.end));
        }
    }
    out.extend(top);
    out
}

fn piece(mark: &Mark, range: Range<usize>) -> Mark {
    Mark {
        range,
        ..mark.clone()
    }
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    use super::*;
    use crate::text::{BaseDirection, BidiMode, layout};
    use crate::ui::content::{DirectionRule, Engine, FieldKind, Row, options};
    use crate::ui::testing::assert_sorted_without_overlaps;
    use crate::ui::theme::Theme;
    use crate::ui::view::draw_row;

    /// Tiny deterministic generator: the same cases on every run.
    fn next(seed: &mut u64) -> usize {
        *seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        usize::try_from(*seed >> 33).unwrap_or(0)
    }

    /// Sorted, non-overlapping marks over `len` bytes of field 0, of `kind`.
    fn random_marks(seed: &mut u64, len: usize, kind: MarkKind) -> Vec<Mark> {
        let mut marks = Vec::new();
        let mut at = next(seed) % 4;
        while at < len {
            let end = (at + 1 + next(seed) % 5).min(len);
            marks.push(Mark {
                field: 0,
                range: at..end,
                kind,
            });
            at = end + next(seed) % 6;
        }
        marks
    }

    /// `overlay` then `draw_row`'s binary search draw every glyph as a linear scan of the
    /// marks (the oracle here) does: the first mark that overlaps it, search matches before
    /// names.
    #[test]
    fn overlay_and_binary_search_draw_what_the_linear_scan_drew() {
        let text = "we were walking with wide waves past the weir";
        let theme = Theme::new(false);
        let engine = Engine {
            mode: BidiMode::App,
            shaping: true,
        };
        let options = options(80, DirectionRule::forced(BaseDirection::Ltr), engine);
        let Some(line) = layout(text, &options).pop() else {
            panic!("no line");
        };
        let row = Row {
            field: Some(0),
            kind: FieldKind::Paragraph,
            item: None,
            line,
            bullet: false,
            indent: 0,
            beside: None,
        };
        let area = Rect::new(0, 0, 80, 1);
        let mut seed = 7;
        for _ in 0..300 {
            let top = random_marks(&mut seed, text.len(), MarkKind::Match);
            let below = random_marks(&mut seed, text.len(), MarkKind::Name);
            let linear: Vec<Mark> = top.iter().chain(&below).cloned().collect();
            let marks = overlay(top, below);
            assert_sorted_without_overlaps(&marks);
            let mut buf = Buffer::empty(area);
            draw_row(&mut buf, area, &row, Style::new(), &marks, &theme);
            for (x, glyph) in row.line.glyphs().enumerate() {
                let first = linear.iter().find(|m| glyph.overlaps(&m.range));
                let expected = first.map_or(Style::new(), |m| theme.mark(m.kind));
                let cell = &buf[(u16::try_from(x).unwrap_or(0), 0)];
                assert_eq!(
                    cell.modifier, expected.add_modifier,
                    "glyph {x} in {marks:?}"
                );
            }
        }
    }
}
