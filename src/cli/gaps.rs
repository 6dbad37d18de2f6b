//! Short gaps written through: ratatui's diff skips every unchanged cell and moves the
//! cursor past it (`ESC[row;colH`, six bytes or more), so a changed line whose words moved
//! but whose spaces stayed costs a cursor move per word. Where the unchanged cells between
//! two changed ones are few, one cell wide and in the style just written, writing them is
//! cheaper than the move: they are marked changed in the previous frame, so the diff
//! writes them again, the same text in the same place.

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

/// A cursor move costs at least `ESC[r;cH`: six bytes.
const MOVE: usize = 6;

/// Marks in `previous` the short gaps between cells of `next` the diff writes anyway.
pub fn write_through_short_gaps(previous: &mut Buffer, next: &Buffer) {
    if previous.area != next.area {
        return;
    }
    let width = usize::from(next.area.width);
    for row in 0..usize::from(next.area.height) {
        let line = row * width..(row + 1) * width;
        let (before, after) = (&mut previous.content[line.clone()], &next.content[line]);
        mark_row(before, after);
    }
}

fn mark_row(before: &mut [Cell], after: &[Cell]) {
    // Where the cell after the last one written is, and that one's index.
    let mut written: Option<(usize, usize)> = None;
    let mut x = 0;
    while x < after.len() {
        if before[x] == after[x] {
            x += 1;
            continue;
        }
        if let Some((end, last)) = written
            && end < x
            && cheaper_to_write(&after[last], &after[end..x])
        {
            for (cell, shown) in before[end..x].iter_mut().zip(&after[end..x]) {
                *cell = changed(shown);
            }
        }
        let wide = UnicodeWidthStr::width(after[x].symbol()).max(1);
        written = Some((x + wide, x));
        x += wide;
    }
}

/// Whether writing `gap` after `last` costs less than a cursor move: one-cell glyphs in
/// `last`'s colours and attributes (so no colour change is written), fewer bytes than it.
fn cheaper_to_write(last: &Cell, gap: &[Cell]) -> bool {
    let same_style = |cell: &Cell| {
        (cell.fg, cell.bg, cell.modifier, cell.underline_color)
            == (last.fg, last.bg, last.modifier, last.underline_color)
    };
    let bytes: usize = gap.iter().map(|cell| cell.symbol().len()).sum();
    bytes < MOVE
        && gap
            .iter()
            .all(|cell| plain(cell) && same_style(cell) && cell.symbol().width() == 1)
}

/// A cell with no diff option (skipped, always written, a forced width).
fn plain(cell: &Cell) -> bool {
    cell.diff_option == CellDiffOption::None
}

/// A cell that compares unequal to `shown`, its text (and so its width) the same: the
/// diff writes `shown` over it.
fn changed(shown: &Cell) -> Cell {
    let mut cell = shown.clone();
    let other = if shown.fg == Color::Indexed(255) {
        254
    } else {
        255
    };
    cell.fg = Color::Indexed(other);
    cell
}

#[cfg(test)]
mod tests {
    use ratatui::style::Style;

    use super::*;

    fn written(previous: &Buffer, next: &Buffer) -> Vec<(u16, u16)> {
        previous
            .diff(next)
            .iter()
            .map(|&(x, y, _)| (x, y))
            .collect()
    }

    #[test]
    fn a_space_between_two_changed_words_is_written_not_skipped() {
        let mut previous = Buffer::with_lines(["ab cd   xy"]);
        let next = Buffer::with_lines(["AB CD   XY"]);
        write_through_short_gaps(&mut previous, &next);
        // One space and three spaces are both fewer bytes than a move.
        assert_eq!(written(&previous, &next).len(), 10);
        let mut previous = Buffer::with_lines(["ab          xy"]);
        let next = Buffer::with_lines(["AB          XY"]);
        write_through_short_gaps(&mut previous, &next);
        assert_eq!(written(&previous, &next).len(), 4, "ten spaces: a move");
    }

    #[test]
    fn a_gap_in_another_style_or_at_a_rows_ends_is_left_alone() {
        let mut previous = Buffer::with_lines(["ab cd"]);
        let mut next = Buffer::with_lines(["AB CD"]);
        next[(2, 0)].set_style(Style::default().fg(Color::Red));
        previous[(2, 0)].set_style(Style::default().fg(Color::Red));
        write_through_short_gaps(&mut previous, &next);
        assert_eq!(written(&previous, &next).len(), 4);
        let mut previous = Buffer::with_lines([" ab ", " cd "]);
        let next = Buffer::with_lines([" AB ", " CD "]);
        write_through_short_gaps(&mut previous, &next);
        assert_eq!(
            written(&previous, &next).len(),
            4,
            "nothing before or after"
        );
    }
}
