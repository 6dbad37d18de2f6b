//! The open briefing: its panes' text (laid out at the current size), focus, scroll
//! positions, selections and marks.

use std::ops::Range;

use ratatui::layout::Rect;

use super::geometry::{PaneRects, ScreenLayout};
use super::panes::translation::{SIDE_BY_SIDE_WIDTH, TextView, view_fields};
use super::panes::{self, ByPane, PaneId};
use crate::briefing::Briefing;
use crate::ui::content::{Engine, PaneText};
use crate::ui::layout::inner_height;
use crate::ui::mark::Mark;
use crate::ui::matching::{find, merge_overlaps, normalize};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaneView {
    pub scroll: usize,
    /// The selected item (quote or actor) in selectable panes.
    pub selected: usize,
}

/// One pane of the open briefing: its text, where it is scrolled to, and what it draws
/// marked.
#[derive(Debug, Clone, Default)]
pub struct PaneState {
    pub text: PaneText,
    pub view: PaneView,
    /// Search matches, then in the body the actor's names and the quotation, sorted by
    /// (field, start) and never overlapping: built in `update` (`marks::rebuild`) so that
    /// a frame only looks rows up in it.
    pub marks: Vec<Mark>,
}

impl PaneState {
    /// Moves the scroll with the rows when laying out numbered the tail anew: called after
    /// each thing that lays out, before the scroll is read.
    pub(super) fn settle(&mut self) {
        self.view.scroll = self.text.follow(self.view.scroll);
    }
}

#[derive(Debug, Clone)]
pub struct OpenBriefing {
    /// Index of the briefing in `library.briefings`.
    pub(super) index: usize,
    pub(super) focus: PaneId,
    pub(super) zoom: bool,
    pub(super) panes: ByPane<PaneState>,
    /// The quotations the quotes pane shows, as indices into `briefing.quotes`.
    pub(super) quotes_shown: Vec<usize>,
    /// The actor whose quotations alone are shown and whose names are marked in the body.
    pub(super) actor_filter: Option<usize>,
    /// Where the filtered actor is named in the body: (field, bytes).
    pub(super) actor_marks: Vec<(usize, Range<usize>)>,
    /// Where the quotation last looked up with Enter stands in the body.
    pub(super) quote_mark: Option<(usize, Range<usize>)>,
    /// The original, a translation, or both.
    pub(super) view: TextView,
    /// The languages the pane titles name (`ar | en`), when the briefing has translations.
    pub(super) languages: Option<String>,
    /// Where the panes go at the size last laid out for: `relayout` solves the screen
    /// layout once, and scrolling and drawing read it.
    layout: ScreenLayout,
}

impl OpenBriefing {
    pub fn open(briefing: &Briefing, index: usize, view: TextView) -> Self {
        let view = view.fitted(briefing);
        let (panes, quotes_shown) = pane_states(briefing, view);
        Self {
            index,
            focus: PaneId::Body,
            zoom: false,
            panes,
            quotes_shown,
            actor_filter: None,
            actor_marks: Vec::new(),
            quote_mark: None,
            view,
            languages: view.languages(briefing),
            layout: ScreenLayout::default(),
        }
    }

    /// Lays out only what each pane's screen asks for until `finish_deferred`.
    pub fn defer_rest(&mut self) {
        for pane in PaneId::ALL {
            self.panes[pane].text.defer_rest();
        }
    }

    /// Lays out the short panes whole that `defer_rest` left.
    pub fn finish_deferred(&mut self) {
        for pane in PaneId::ALL {
            self.panes[pane].text.finish_deferred();
        }
    }

    /// Lays every pane out at the width it has at this size, as far as it shows (the rest
    /// as it is scrolled to, `clamp`); keeps each pane's top row on the same field it
    /// showed before.
    pub fn relayout(&mut self, area: Rect, engine: Engine) {
        // The headline's height, which its new width may change, moves no pane sideways.
        let widths =
            ScreenLayout::new(area, self.headline_rows()).text_widths(self.focus, self.zoom);
        for pane in PaneId::ALL {
            let PaneState { text, view, .. } = &mut self.panes[pane];
            let top_field = text.row(view.scroll).and_then(|row| row.field);
            text.set_side_by_side(area.width >= SIDE_BY_SIDE_WIDTH);
            text.start_layout(widths[pane], engine);
            if pane == PaneId::Headline {
                // Its height decides where the other panes go.
                text.lay_out_all();
            }
            if let Some(field) = top_field {
                text.lay_out_field(field);
                let mut rows = text.laid_rows();
                let first = rows.find(|(_, r)| r.field == Some(field));
                view.scroll = first.map_or(0, |(at, _)| at);
            }
            view.scroll = text.follow(view.scroll);
        }
        self.layout = ScreenLayout::new(area, self.headline_rows());
        for pane in PaneId::ALL {
            self.clamp(pane, area);
        }
    }

    /// Index of the briefing in `library.briefings`.
    pub fn index(&self) -> usize {
        self.index
    }

    /// One pane's text, scroll, selection and marks.
    pub fn pane(&self, pane: PaneId) -> &PaneState {
        &self.panes[pane]
    }

    fn headline_rows(&self) -> usize {
        self.panes[PaneId::Headline].text.rows.len()
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

    /// Whether the focused pane fills the screen alone: zoomed, or on a small screen.
    pub fn shows_one_pane(&self, area: Rect) -> bool {
        self.layout(area).shows_one_pane(self.zoom)
    }

    /// Focuses `pane`; when zoomed, the panes are laid out again, since the focused pane
    /// is the one as wide as the screen.
    pub fn focus(&mut self, pane: PaneId, area: Rect, engine: Engine) {
        self.focus = pane;
        if self.zoom {
            self.relayout(area, engine);
        }
    }

    /// Rows the pane shows at once: in its own rect, or the full screen when it is hidden
    /// now (it is shown alone once it gets focus on a small terminal).
    pub fn page(&self, pane: PaneId, area: Rect) -> usize {
        let layout = self.layout(area);
        let rect = layout.rects(self.focus, self.zoom)[pane].unwrap_or(layout.main);
        inner_height(rect).max(1)
    }

    /// Shows only `actor`'s quotations (or all of them again) and marks where the actor is
    /// named in the body.
    pub fn filter_by_actor(&mut self, briefing: &Briefing, actor: Option<usize>) {
        self.actor_filter = actor;
        let (fields, shown) = view_fields(PaneId::Quotes, briefing, self.view, actor);
        let quotes = &mut self.panes[PaneId::Quotes];
        quotes.text = PaneText::searchable(fields);
        quotes.view = PaneView::default();
        self.quotes_shown = shown;
        self.actor_marks.clear();
        let Some(actor) = actor.and_then(|a| briefing.actors.get(a)) else {
            return;
        };
        let names: Vec<String> = panes::actors::names(actor)
            .into_iter()
            .map(|name| normalize(name).text)
            .collect();
        let mut found = Vec::new();
        self.panes[PaneId::Body].text.normalize_for_search();
        for (index, field) in self.panes[PaneId::Body].text.fields.iter().enumerate() {
            for name in &names {
                let ranges = find(&field.text.text, &field.normalized, name);
                found.extend(ranges.map(|range| (index, range)));
            }
        }
        // A short alias inside a longer name marks the same words: one mark covers both.
        self.actor_marks = merge_overlaps(found);
    }
}

/// Every pane's text for `view` of `briefing`, and the quotations the quotes pane shows.
pub(super) fn pane_states(briefing: &Briefing, view: TextView) -> (ByPane<PaneState>, Vec<usize>) {
    let mut quotes_shown = Vec::new();
    let panes = ByPane::from_fn(|pane| {
        let (fields, shown) = view_fields(pane, briefing, view, None);
        if pane == PaneId::Quotes {
            quotes_shown = shown;
        }
        let mut text = PaneText::searchable(fields);
        if shows_a_cut_list(briefing, pane) {
            text.mark_cut();
        }
        PaneState {
            text,
            ..PaneState::default()
        }
    });
    (panes, quotes_shown)
}

/// Whether `pane` shows the list a long file's head cuts: the points pane shows the
/// body's bullet lists when there are no key points.
fn shows_a_cut_list(briefing: &Briefing, pane: PaneId) -> bool {
    let Some(member) = briefing.cut.as_deref() else {
        return false;
    };
    match pane {
        PaneId::Headline => member == "tags",
        PaneId::Body => member == "body",
        PaneId::Quotes => member == "quotes",
        PaneId::Points => member == "points" || (member == "body" && briefing.points.is_empty()),
        PaneId::Actors => member == "actors",
    }
}
