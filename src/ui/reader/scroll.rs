//! Moving through a pane: scrolling and moving the selection, with saturating arithmetic
//! clamped to the text, so that no key sequence can push a pane past its content.

use std::ops::Range;

use ratatui::layout::Rect;

use super::open::OpenBriefing;
use super::panes::PaneId;
use crate::ui::layout::{WHEEL_STEP, half_page};

/// How far PageDown and PageUp (Ctrl-D, Ctrl-U) move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Full,
    Half,
}

/// Which way a move goes: toward the start of the text (up) or its end (down).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Toward {
    Start,
    End,
}

impl OpenBriefing {
    /// The last row the pane can be scrolled to, once the rows of `scroll`'s page are laid
    /// out (the last page's for `usize::MAX`, the end): beyond the rows laid out from the
    /// top only when every row is, or the tail is.
    fn max_scroll(&mut self, pane: PaneId, area: Rect) -> usize {
        let page = self.page(pane, area);
        let state = &mut self.panes[pane];
        let scroll = state.view.scroll;
        match scroll {
            usize::MAX => state.text.lay_out_end(page),
            _ => state.text.lay_out_span(scroll..scroll.saturating_add(page)),
        }
        state.settle();
        let end = state.text.tail_end();
        end.unwrap_or(state.text.rows.len()).saturating_sub(page)
    }

    /// Keeps the scroll and the selection inside the text, and lays out the rows in view.
    pub fn clamp(&mut self, pane: PaneId, area: Rect) {
        let max = self.max_scroll(pane, area);
        let items = self.panes[pane].text.item_count();
        let view = &mut self.panes[pane].view;
        view.scroll = view.scroll.min(max);
        view.selected = view.selected.min(items.saturating_sub(1));
    }

    pub fn scroll_to(&mut self, pane: PaneId, row: usize, area: Rect) {
        self.panes[pane].view.scroll = row;
        self.clamp(pane, area);
    }

    /// Scrolls so that `rows` are in view, moving as little as possible.
    pub fn reveal(&mut self, pane: PaneId, rows: Range<usize>, area: Rect) {
        let page = self.page(pane, area);
        // `rows` were found laying out, which may have numbered the tail anew.
        self.panes[pane].settle();
        let view = &mut self.panes[pane].view;
        if rows.start < view.scroll {
            view.scroll = rows.start;
        } else if rows.end > view.scroll + page {
            view.scroll = rows.end.saturating_sub(page).min(rows.start);
        }
        self.clamp(pane, area);
    }

    /// Down (positive) or up by `rows`; in selectable panes by `rows` items instead.
    pub fn step(&mut self, pane: PaneId, delta: isize, area: Rect) {
        if pane.selectable() {
            let items = self.panes[pane].text.item_count();
            let view = &mut self.panes[pane].view;
            view.selected = view
                .selected
                .saturating_add_signed(delta)
                .min(items.saturating_sub(1));
            self.reveal_selected(pane, area);
        } else {
            let view = &mut self.panes[pane].view;
            view.scroll = view.scroll.saturating_add_signed(delta);
            self.clamp(pane, area);
        }
    }

    /// The mouse wheel scrolls whatever pane is under the pointer, focused or not.
    pub fn wheel(&mut self, column: u16, row: u16, down: bool, area: Rect) {
        let at = ratatui::layout::Position::new(column, row);
        let hit = self
            .rects(area)
            .iter()
            .find(|(_, rect)| rect.is_some_and(|r| r.contains(at)))
            .map(|(pane, _)| pane);
        let Some(pane) = hit else {
            return;
        };
        let view = &mut self.panes[pane].view;
        view.scroll = if down {
            view.scroll.saturating_add(WHEEL_STEP)
        } else {
            view.scroll.saturating_sub(WHEEL_STEP)
        };
        self.clamp(pane, area);
    }

    /// A page (or half of one) down or up; in selectable panes the selection follows to the
    /// first item that starts in view.
    pub fn page_by(&mut self, pane: PaneId, toward: Toward, by: Page, area: Rect) {
        let page = self.page(pane, area);
        let rows = match by {
            Page::Full => page,
            Page::Half => half_page(page),
        };
        let rows = isize::try_from(rows).unwrap_or(isize::MAX);
        let delta = match toward {
            Toward::Start => -rows,
            Toward::End => rows,
        };
        let view = &mut self.panes[pane].view;
        view.scroll = view.scroll.saturating_add_signed(delta);
        self.clamp(pane, area);
        if pane.selectable() {
            let scroll = self.panes[pane].view.scroll;
            let text = &mut self.panes[pane].text;
            let item = text.find_from(scroll, |_, r| r.item);
            self.panes[pane].settle();
            if let Some(item) = item {
                self.panes[pane].view.selected = item;
            }
        }
    }

    /// To the top or the bottom of the text, the selection to its first or last item.
    pub fn jump(&mut self, pane: PaneId, toward: Toward, area: Rect) {
        let items = self.panes[pane].text.item_count();
        let view = &mut self.panes[pane].view;
        match toward {
            Toward::Start => {
                view.scroll = 0;
                view.selected = 0;
            }
            Toward::End => {
                view.scroll = usize::MAX;
                view.selected = items.saturating_sub(1);
            }
        }
        self.clamp(pane, area);
    }

    pub fn reveal_selected(&mut self, pane: PaneId, area: Rect) {
        let selected = self.panes[pane].view.selected;
        if let Some(rows) = self.panes[pane].text.item_rows(selected) {
            self.reveal(pane, rows, area);
        }
    }
}
