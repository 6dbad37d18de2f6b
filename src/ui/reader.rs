//! The open briefing: its panes' text (laid out at the current size), focus, scroll
//! positions and selections. Scrolling uses saturating arithmetic and is clamped to the
//! text, so no key sequence can push a pane past its content.

use std::ops::Range;

use ratatui::layout::Rect;

use super::content::{DirectionRule, Engine, PaneText};
use super::layout::{
    PaneRects, briefing_panes, half_page, inner_height, is_multi, pane_text_widths, split_status,
};
use super::matching::{find, merge_overlaps, normalize};
use super::panes::{self, PaneId};
use super::view::Mark;
use crate::briefing::Briefing;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaneView {
    pub scroll: usize,
    /// The selected item (quote or actor) in selectable panes.
    pub selected: usize,
}

#[derive(Debug, Clone)]
pub struct Reader {
    /// Index of the briefing in `library.briefings`.
    pub index: usize,
    pub focus: PaneId,
    pub zoom: bool,
    pub views: [PaneView; 5],
    pub texts: [PaneText; 5],
    /// The quotations the quotes pane shows, as indices into `briefing.quotes`.
    pub quotes_shown: Vec<usize>,
    /// The actor whose quotations alone are shown and whose names are marked in the body.
    pub actor_filter: Option<usize>,
    /// Where the filtered actor is named in the body: (field, bytes).
    pub actor_marks: Vec<(usize, Range<usize>)>,
    /// Where the quotation last looked up with Enter stands in the body.
    pub quote_mark: Option<(usize, Range<usize>)>,
    /// What each pane draws marked (search matches, then in the body the actor's names and
    /// the quotation), sorted by (field, start) and never overlapping: built in `update`
    /// (`App::search_changed`) so that a frame only looks rows up in it.
    pub marks: [Vec<Mark>; 5],
    directions: DirectionRule,
    /// Where the panes go at the size last laid out for: `relayout` solves the screen
    /// layout once, and scrolling and drawing read it.
    layout: ScreenLayout,
}

/// The panes' places at one screen size, whichever pane has focus: a relayout happens on
/// resize and zoom, but on a small screen focus moves without one.
#[derive(Debug, Clone, Copy, Default)]
struct ScreenLayout {
    area: Rect,
    /// The screen minus the status line, which a pane shown alone fills.
    main: Rect,
    /// The five panes at once; `None` when the screen is too small for them.
    multi: Option<PaneRects>,
}

impl ScreenLayout {
    fn new(area: Rect, headline_rows: usize) -> Self {
        Self {
            area,
            main: split_status(area).0,
            // Focus only matters when one pane is shown alone: any pane will do.
            multi: is_multi(area).then(|| briefing_panes(area, PaneId::Body, false, headline_rows)),
        }
    }

    fn rects(&self, focus: PaneId, zoom: bool) -> PaneRects {
        match self.multi {
            Some(multi) if !zoom => multi,
            _ => {
                let mut rects = [None; 5];
                rects[focus.index()] = Some(self.main);
                rects
            }
        }
    }
}

impl Reader {
    pub fn open(briefing: &Briefing, index: usize) -> Self {
        let directions = DirectionRule::of(briefing);
        let quotes = panes::quotes::fields(briefing, directions, None);
        Self {
            index,
            focus: PaneId::Body,
            zoom: false,
            views: [PaneView::default(); 5],
            texts: [
                PaneText::searchable(panes::headline::fields(briefing, directions)),
                PaneText::searchable(panes::body::fields(briefing, directions)),
                PaneText::searchable(quotes.fields),
                PaneText::searchable(panes::points::fields(briefing, directions)),
                PaneText::searchable(panes::actors::fields(briefing, directions)),
            ],
            quotes_shown: quotes.shown,
            actor_filter: None,
            actor_marks: Vec::new(),
            quote_mark: None,
            marks: Default::default(),
            directions,
            layout: ScreenLayout::default(),
        }
    }

    /// Lays every pane out at the width it has at this size; keeps each pane's top row on
    /// the same field it showed before.
    pub fn relayout(&mut self, area: Rect, engine: Engine) {
        let widths = pane_text_widths(area, self.focus, self.zoom);
        for pane in PaneId::ALL {
            let text = &mut self.texts[pane.index()];
            let view = &mut self.views[pane.index()];
            let top_field = text.rows.get(view.scroll).and_then(|row| row.field);
            text.relayout(widths[pane.index()], engine);
            if let Some(field) = top_field {
                let first = text.rows.iter().position(|r| r.field == Some(field));
                view.scroll = first.unwrap_or(0);
            }
        }
        self.layout = ScreenLayout::new(area, self.headline_rows());
        for pane in PaneId::ALL {
            self.clamp(pane, area);
        }
    }

    fn headline_rows(&self) -> usize {
        self.texts[PaneId::Headline.index()].rows.len()
    }

    /// The layout `relayout` stored, when it was for `area` (it always is, since a resize
    /// relays out); else one solved for `area` now.
    fn layout(&self, area: Rect) -> ScreenLayout {
        if area == self.layout.area {
            self.layout
        } else {
            ScreenLayout::new(area, self.headline_rows())
        }
    }

    pub fn rects(&self, area: Rect) -> PaneRects {
        self.layout(area).rects(self.focus, self.zoom)
    }

    /// Rows the pane shows at once: in its own rect, or the full screen when it is hidden
    /// now (it is shown alone once it gets focus on a small terminal).
    pub fn page(&self, pane: PaneId, area: Rect) -> usize {
        let layout = self.layout(area);
        let rect = layout.rects(self.focus, self.zoom)[pane.index()].unwrap_or(layout.main);
        inner_height(rect).max(1)
    }

    fn max_scroll(&self, pane: PaneId, area: Rect) -> usize {
        let rows = self.texts[pane.index()].rows.len();
        rows.saturating_sub(self.page(pane, area))
    }

    pub fn clamp(&mut self, pane: PaneId, area: Rect) {
        let max = self.max_scroll(pane, area);
        let items = self.texts[pane.index()].item_count();
        let view = &mut self.views[pane.index()];
        view.scroll = view.scroll.min(max);
        view.selected = view.selected.min(items.saturating_sub(1));
    }

    pub fn scroll_to(&mut self, pane: PaneId, row: usize, area: Rect) {
        self.views[pane.index()].scroll = row;
        self.clamp(pane, area);
    }

    /// Scrolls so that `rows` are in view, moving as little as possible.
    pub fn reveal(&mut self, pane: PaneId, rows: Range<usize>, area: Rect) {
        let page = self.page(pane, area);
        let view = &mut self.views[pane.index()];
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
            let items = self.texts[pane.index()].item_count();
            let view = &mut self.views[pane.index()];
            view.selected = view
                .selected
                .saturating_add_signed(delta)
                .min(items.saturating_sub(1));
            self.reveal_selected(pane, area);
        } else {
            let view = &mut self.views[pane.index()];
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
            .position(|r| r.is_some_and(|r| r.contains(at)));
        let Some(&pane) = hit.and_then(|i| PaneId::ALL.get(i)) else {
            return;
        };
        let view = &mut self.views[pane.index()];
        view.scroll = if down {
            view.scroll.saturating_add(3)
        } else {
            view.scroll.saturating_sub(3)
        };
        self.clamp(pane, area);
    }

    /// A page down or up; in selectable panes the selection follows to the first item that
    /// starts in view.
    /// A whole page when `half` is false, else half of one; up when `up`.
    pub fn page_by(&mut self, pane: PaneId, up: bool, half: bool, area: Rect) {
        let page = self.page(pane, area);
        let rows = isize::try_from(if half { half_page(page) } else { page }).unwrap_or(isize::MAX);
        let delta = if up { -rows } else { rows };
        let view = &mut self.views[pane.index()];
        view.scroll = view.scroll.saturating_add_signed(delta);
        self.clamp(pane, area);
        if pane.selectable() {
            let scroll = self.views[pane.index()].scroll;
            let text = &self.texts[pane.index()];
            let item = text.rows.iter().skip(scroll).find_map(|r| r.item);
            if let Some(item) = item {
                self.views[pane.index()].selected = item;
            }
        }
    }

    pub fn jump(&mut self, pane: PaneId, to_end: bool, area: Rect) {
        let items = self.texts[pane.index()].item_count();
        let view = &mut self.views[pane.index()];
        if to_end {
            view.scroll = usize::MAX;
            view.selected = items.saturating_sub(1);
        } else {
            view.scroll = 0;
            view.selected = 0;
        }
        self.clamp(pane, area);
    }

    pub fn reveal_selected(&mut self, pane: PaneId, area: Rect) {
        let selected = self.views[pane.index()].selected;
        if let Some(rows) = self.texts[pane.index()].item_rows(selected) {
            self.reveal(pane, rows, area);
        }
    }

    /// Shows only `actor`'s quotations (or all of them again) and marks where the actor is
    /// named in the body.
    pub fn filter_by_actor(&mut self, briefing: &Briefing, actor: Option<usize>) {
        self.actor_filter = actor;
        let quotes = panes::quotes::fields(briefing, self.directions, actor);
        self.texts[PaneId::Quotes.index()] = PaneText::searchable(quotes.fields);
        self.quotes_shown = quotes.shown;
        self.views[PaneId::Quotes.index()] = PaneView::default();
        self.actor_marks.clear();
        let Some(actor) = actor.and_then(|a| briefing.actors.get(a)) else {
            return;
        };
        let names: Vec<String> = panes::actors::names(actor)
            .into_iter()
            .map(|name| normalize(name).text)
            .collect();
        let mut found = Vec::new();
        for (index, field) in self.texts[PaneId::Body.index()].fields.iter().enumerate() {
            for name in &names {
                let ranges = find(&field.text.text, &field.normalized, name);
                found.extend(ranges.map(|range| (index, range)));
            }
        }
        // A short alias inside a longer name marks the same words: one mark covers both.
        self.actor_marks = merge_overlaps(found);
    }
}
