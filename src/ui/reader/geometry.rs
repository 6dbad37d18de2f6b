//! Where the panes of an open briefing go, as pure functions of the screen size, so that
//! `update` lays text out at the widths `render` draws it at.

use ratatui::layout::Rect;

use super::panes::{ByPane, PaneId};
use crate::ui::layout::{columns, is_multi, rows, shares, split_status, text_width};

/// The panes' places at one screen size, whichever pane has focus: a relayout happens on
/// resize and zoom, but on a small screen focus moves without one.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScreenLayout {
    pub area: Rect,
    /// The screen minus the status line, which a pane shown alone fills.
    pub main: Rect,
    /// The five panes at once; `None` when the screen is too small for them.
    multi: Option<PaneRects>,
}

impl ScreenLayout {
    pub fn new(area: Rect, headline_rows: usize) -> Self {
        Self {
            area,
            main: split_status(area).0,
            multi: tiled_panes(area, headline_rows),
        }
    }

    /// Whether one pane fills the screen: when zoomed, or when the screen is too small for
    /// the five at once.
    pub fn shows_one_pane(&self, zoom: bool) -> bool {
        zoom || self.multi.is_none()
    }

    /// Where each pane is drawn: the five tiled, or the focused one alone.
    pub fn rects(&self, focus: PaneId, zoom: bool) -> PaneRects {
        match self.multi {
            Some(multi) if !self.shows_one_pane(zoom) => multi,
            _ => {
                let mut rects = PaneRects::default();
                rects[focus] = Some(self.main);
                rects
            }
        }
    }

    /// The text width of each pane, hidden panes included: they get the width they would
    /// have when shown.
    pub fn text_widths(&self, focus: PaneId, zoom: bool) -> ByPane<usize> {
        let shown = self.rects(focus, zoom);
        ByPane::from_fn(|pane| {
            let tiled = self.multi.and_then(|multi| multi[pane]);
            let rect = shown[pane].or(tiled).unwrap_or(self.main);
            text_width(rect, pane.selectable()).max(1)
        })
    }
}

/// Where each pane goes; `None` for a pane not shown.
pub type PaneRects = ByPane<Option<Rect>>;

/// The five panes at once: the headline across the top, the body across the whole width
/// under it, and quotes, points and actors side by side beneath. The body spans the screen
/// so that the terminal can scroll it: a scroll region is always full width (tmux has no
/// left and right margins), and with nothing beside the body a one-line scroll costs the
/// new line alone. `None` when the screen is too small for the five.
fn tiled_panes(area: Rect, headline_rows: usize) -> Option<PaneRects> {
    if !is_multi(area) {
        return None;
    }
    let (main, _) = split_status(area);
    let most = (main.height / 5).max(2);
    let headline_height = u16::try_from(headline_rows)
        .unwrap_or(u16::MAX)
        .clamp(1, most)
        + 2;
    let [body_height, row_height] = shares(main.height.saturating_sub(headline_height), [3, 2]);
    let [top, body, row] = rows(main, [headline_height, body_height, row_height]);
    let [quotes, points, actors] = columns(row, shares(row.width, [40, 30, 30]));
    let mut rects = PaneRects::default();
    for (pane, rect) in PaneId::ALL
        .into_iter()
        .zip([top, body, quotes, points, actors])
    {
        rects[pane] = Some(rect);
    }
    Some(rects)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::{Constraint, Layout};

    /// The five panes as ratatui's solver placed them before `tiled_panes` did the sums.
    fn solver_tiles(area: Rect, headline_rows: usize) -> Option<[Rect; 5]> {
        let rects = tiled_panes(area, headline_rows)?;
        let (main, _) = split_status(area);
        let [top, body, row] = Layout::vertical([
            Constraint::Length(rects[PaneId::Headline]?.height),
            Constraint::Fill(3),
            Constraint::Fill(2),
        ])
        .areas(main);
        let [quotes, points, actors] = Layout::horizontal([
            Constraint::Percentage(40),
            Constraint::Percentage(30),
            Constraint::Percentage(30),
        ])
        .areas(row);
        Some([top, body, quotes, points, actors])
    }

    #[test]
    fn the_tiles_are_where_the_solver_put_them() {
        let widths = (80..=100).chain((101..=400).step_by(13));
        for width in widths {
            for height in (24..=160).chain([1000]) {
                for headline_rows in [1, 3, 40] {
                    let area = Rect::new(0, 0, width, height);
                    let ours = tiled_panes(area, headline_rows)
                        .map(|rects| PaneId::ALL.map(|pane| rects[pane].unwrap_or_default()));
                    assert_eq!(ours, solver_tiles(area, headline_rows), "{width}×{height}");
                }
            }
        }
    }

    #[test]
    fn five_panes_tile_the_screen_from_80x24() {
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let area = Rect::new(0, 0, width, height);
            let rects: Vec<Rect> = ScreenLayout::new(area, 3)
                .rects(PaneId::Body, false)
                .iter()
                .filter_map(|(_, rect)| *rect)
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
    fn the_body_alone_spans_its_rows_from_edge_to_edge() {
        for (width, height) in [(80, 24), (120, 40), (200, 60)] {
            let rects =
                ScreenLayout::new(Rect::new(0, 0, width, height), 3).rects(PaneId::Headline, false);
            let (Some(body), Some(beneath)) = (rects[PaneId::Body], rects[PaneId::Quotes]) else {
                panic!("the five are shown at {width}×{height}");
            };
            assert_eq!((body.x, body.width), (0, width));
            for (pane, rect) in rects.iter() {
                let rect = rect.unwrap_or(body);
                if pane != PaneId::Body {
                    assert!(
                        rect.bottom() <= body.y || rect.y >= body.bottom(),
                        "{pane:?} at {rect:?} shares rows with the body at {body:?}"
                    );
                }
            }
            assert!(body.y < beneath.y && body.height > beneath.height);
            assert!(inner_rows(beneath) >= 3, "{beneath:?} at {width}×{height}");
        }
    }

    fn inner_rows(rect: Rect) -> usize {
        crate::ui::layout::inner_height(rect)
    }

    #[test]
    fn smaller_screens_and_zoom_show_the_focused_pane_alone() {
        let small = Rect::new(0, 0, 79, 24);
        let shown: Vec<_> = ScreenLayout::new(small, 3)
            .rects(PaneId::Actors, false)
            .iter()
            .map(|(_, rect)| rect.is_some())
            .collect();
        assert_eq!(shown, [false, false, false, false, true]);
        let zoomed = ScreenLayout::new(Rect::new(0, 0, 120, 40), 3).rects(PaneId::Quotes, true);
        assert_eq!(zoomed[PaneId::Quotes], Some(Rect::new(0, 0, 120, 39)));
    }
}
