//! Where things go on screen, as pure functions of the terminal size, so `update` can lay
//! text out at the widths `render` will draw it at.

use ratatui::layout::{Constraint, Layout, Rect};

use super::panes::PaneId;
use super::view::chrome_width;

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
    let [main, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    (main, status)
}

pub type PaneRects = [Option<Rect>; 5];

/// One pane (the focused one) when zoomed or on a small terminal; else the headline across
/// the top, the body on the left, quotes, points and actors stacked on the right.
pub fn briefing_panes(area: Rect, focus: PaneId, zoom: bool, headline_rows: usize) -> PaneRects {
    let (main, _) = split_status(area);
    let mut rects = [None; 5];
    if zoom || !is_multi(area) {
        rects[focus.index()] = Some(main);
        return rects;
    }
    let most = (main.height / 5).max(2);
    let headline_height = u16::try_from(headline_rows)
        .unwrap_or(u16::MAX)
        .clamp(1, most)
        + 2;
    let [top, rest] =
        Layout::vertical([Constraint::Length(headline_height), Constraint::Fill(1)]).areas(main);
    let [body, side] =
        Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(rest);
    let [quotes, points, actors] = Layout::vertical([
        Constraint::Percentage(40),
        Constraint::Percentage(30),
        Constraint::Percentage(30),
    ])
    .areas(side);
    for (pane, rect) in PaneId::ALL
        .into_iter()
        .zip([top, body, quotes, points, actors])
    {
        rects[pane.index()] = Some(rect);
    }
    rects
}

/// The text width of each pane at this size, hidden panes included (they get the width
/// they would have when shown).
pub fn pane_text_widths(area: Rect, focus: PaneId, zoom: bool) -> [usize; 5] {
    let multi = briefing_panes(area, focus, false, 1);
    let (main, _) = split_status(area);
    PaneId::ALL.map(|pane| {
        let rect = match multi[pane.index()] {
            Some(rect) if !zoom || pane != focus => rect,
            _ => main,
        };
        usize::from(rect.width.saturating_sub(chrome_width(pane.selectable()))).max(1)
    })
}

/// Rows of text inside a pane drawn in `rect`.
pub fn inner_height(rect: Rect) -> usize {
    usize::from(rect.height.saturating_sub(2))
}

/// Half of a page of `page` rows (Ctrl-D, Ctrl-U), rounded down, at least one row.
pub fn half_page(page: usize) -> usize {
    (page / 2).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_panes_tile_the_screen_from_80x24() {
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let area = Rect::new(0, 0, width, height);
            let rects: Vec<Rect> = briefing_panes(area, PaneId::Body, false, 3)
                .into_iter()
                .flatten()
                .collect();
            assert_eq!(rects.len(), 5);
            let covered: u32 = rects
                .iter()
                .map(|r| u32::from(r.width) * u32::from(r.height))
                .sum();
            assert_eq!(
                covered,
                u32::from(width) * u32::from(height - 1),
                "all but the status line"
            );
            for (i, a) in rects.iter().enumerate() {
                assert!(
                    rects[i + 1..].iter().all(|b| !a.intersects(*b)),
                    "{a:?} overlaps"
                );
            }
        }
    }

    #[test]
    fn smaller_screens_and_zoom_show_the_focused_pane_alone() {
        let small = Rect::new(0, 0, 79, 24);
        let shown: Vec<_> = briefing_panes(small, PaneId::Actors, false, 3)
            .iter()
            .map(Option::is_some)
            .collect();
        assert_eq!(shown, [false, false, false, false, true]);
        let zoomed = briefing_panes(Rect::new(0, 0, 120, 40), PaneId::Quotes, true, 3);
        assert_eq!(
            zoomed[PaneId::Quotes.index()],
            Some(Rect::new(0, 0, 120, 39))
        );
        assert!(too_small(Rect::new(0, 0, 19, 5)) && too_small(Rect::new(0, 0, 20, 4)));
        assert!(!too_small(Rect::new(0, 0, 20, 5)));
    }
}
