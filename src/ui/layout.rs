//! Where things go on screen, as pure functions of the terminal size, so `update` can lay
//! text out at the widths `render` will draw it at.

use ratatui::layout::Rect;

/// Below this the reader only says the terminal is too small.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
/// From this size on, the five panes show at once.
pub const MULTI_WIDTH: u16 = 80;
pub const MULTI_HEIGHT: u16 = 24;

pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

pub fn is_multi(area: Rect) -> bool {
    area.width >= MULTI_WIDTH && area.height >= MULTI_HEIGHT
}

/// The screen minus its last row, and that row (the status line).
pub fn split_status(area: Rect) -> (Rect, Rect) {
    let status = area.height.min(1);
    let [main, status] = rows(area, [area.height - status, status]);
    (main, status)
}

/// `area` cut into rows of the given heights, top to bottom (which should sum to its
/// height). Layouts here are plain arithmetic rather than ratatui's `Layout`: its solver
/// took a tenth of the start, and the tests check the results are the solver's.
pub fn rows<const N: usize>(area: Rect, heights: [u16; N]) -> [Rect; N] {
    let mut y = area.y;
    heights.map(|height| {
        let row = Rect { y, height, ..area };
        y = y.saturating_add(height);
        row
    })
}

/// `area` cut into columns of the given widths, left to right.
pub fn columns<const N: usize>(area: Rect, widths: [u16; N]) -> [Rect; N] {
    let mut x = area.x;
    widths.map(|width| {
        let column = Rect { x, width, ..area };
        x = x.saturating_add(width);
        column
    })
}

/// `length` cells shared in proportion to `weights`, as ratatui's `Fill` (and
/// `Percentage`s summing to 100) share them: each boundary at its exact place, rounded
/// half away from zero.
pub fn shares<const N: usize>(length: u16, weights: [u32; N]) -> [u16; N] {
    let total: u64 = weights.iter().map(|&w| u64::from(w)).sum::<u64>().max(1);
    let mut before = 0u64;
    let mut edge = 0u16;
    weights.map(|weight| {
        before += u64::from(weight);
        let exact = 2 * u64::from(length) * before;
        let next = u16::try_from((exact + total) / (2 * total)).unwrap_or(length);
        let size = next.saturating_sub(edge);
        edge = next;
        size
    })
}

/// Rows (or library entries) one notch of the mouse wheel moves.
pub const WHEEL_STEP: usize = 3;

/// Cells a pane's border takes on each side.
const BORDER: u16 = 1;

/// Columns the selection marker takes left of the text, in panes with a selection.
pub fn gutter_width(selectable: bool) -> u16 {
    u16::from(selectable)
}

/// The cells inside a bordered pane drawn in `rect`.
pub fn inner(rect: Rect) -> Rect {
    Rect {
        x: rect.x.saturating_add(BORDER),
        y: rect.y.saturating_add(BORDER),
        width: rect.width.saturating_sub(2 * BORDER),
        height: rect.height.saturating_sub(2 * BORDER),
    }
}

/// Where a pane's text is drawn: inside its border (`inner`), after the selection gutter
/// in panes with a selection.
pub fn text_area(inner: Rect, selectable: bool) -> Rect {
    let gutter = gutter_width(selectable);
    Rect {
        x: inner.x.saturating_add(gutter),
        width: inner.width.saturating_sub(gutter),
        ..inner
    }
}

/// The width text is laid out at in a pane drawn in `rect`: what `text_area` leaves.
pub fn text_width(rect: Rect, selectable: bool) -> usize {
    usize::from(text_area(inner(rect), selectable).width)
}

/// Where the `/` prompt's text goes in the status line `line`: after the `/`, with a cell
/// left for the cursor after the text.
pub fn prompt_text_area(line: Rect) -> Rect {
    Rect {
        x: line.x.saturating_add(1),
        width: line.width.saturating_sub(2),
        ..line
    }
}

/// Rows of text inside a pane drawn in `rect`.
pub fn inner_height(rect: Rect) -> usize {
    usize::from(inner(rect).height)
}

/// Half of a page of `page` rows (Ctrl-D, Ctrl-U), rounded down, at least one row.
pub fn half_page(page: usize) -> usize {
    (page / 2).max(1)
}

#[cfg(test)]
mod tests {
    use ratatui::layout::{Constraint, Layout};

    use super::*;

    #[test]
    fn the_status_line_is_the_last_row_as_the_solver_puts_it() {
        for height in 0..=300 {
            let area = Rect::new(3, 7, 50, height);
            let solver: [Rect; 2] =
                Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
            let (main, status) = split_status(area);
            assert_eq!([main, status], solver, "height {height}");
        }
    }

    #[test]
    fn shares_are_the_solvers() {
        for length in 0..=400 {
            let area = Rect::new(0, 0, length, 1);
            let solver: [Rect; 3] = Layout::horizontal([
                Constraint::Percentage(40),
                Constraint::Percentage(30),
                Constraint::Percentage(30),
            ])
            .areas(area);
            let ours = columns(area, shares(length, [40, 30, 30]));
            assert_eq!(ours, solver, "40/30/30 of {length}");
            let area = Rect::new(0, 2, 1, length);
            let solver: [Rect; 2] =
                Layout::vertical([Constraint::Fill(3), Constraint::Fill(2)]).areas(area);
            assert_eq!(
                rows(area, shares(length, [3, 2])),
                solver,
                "3:2 of {length}"
            );
        }
    }

    #[test]
    fn too_small_below_20x5() {
        assert!(too_small(Rect::new(0, 0, 19, 5)) && too_small(Rect::new(0, 0, 20, 4)));
        assert!(!too_small(Rect::new(0, 0, 20, 5)));
    }

    #[test]
    fn inside_a_border() {
        assert_eq!(inner(Rect::new(2, 3, 10, 5)), Rect::new(3, 4, 8, 3));
        assert_eq!(inner(Rect::new(0, 0, 1, 1)), Rect::new(1, 1, 0, 0));
        assert_eq!(inner_height(Rect::new(0, 0, 10, 5)), 3);
    }

    #[test]
    fn text_goes_inside_the_chrome() {
        for width in [0, 1, 2, 3, 4, 80] {
            let pane = Rect::new(5, 1, width, 10);
            for selectable in [false, true] {
                let text = text_area(inner(pane), selectable);
                assert_eq!(text.right(), inner(pane).right().max(text.x));
                assert_eq!(
                    text_width(pane, selectable),
                    usize::from(width.saturating_sub(2 + u16::from(selectable)))
                );
            }
        }
        assert_eq!(
            text_area(Rect::new(3, 4, 8, 3), true),
            Rect::new(4, 4, 7, 3)
        );
        assert_eq!(
            text_area(Rect::new(3, 4, 8, 3), false),
            Rect::new(3, 4, 8, 3)
        );
        assert_eq!(
            prompt_text_area(Rect::new(0, 23, 80, 1)),
            Rect::new(1, 23, 78, 1)
        );
    }
}
