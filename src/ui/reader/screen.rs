//! The briefing screen's state, the open briefing and the search, and what actions do to
//! it: focus, scrolling, briefing to briefing, zoom and Esc. Selecting and copying items
//! are in `items`, the search in `search`, the marks in `marks`.

use ratatui::layout::Rect;

use super::open::OpenBriefing;
use super::panes::PaneId;
use super::scroll::{Page, Toward};
use super::search::Search;
use crate::briefing::{Briefing, Change, Library};
use crate::ui::action::Action;
use crate::ui::content::Engine;
use crate::ui::layout::inner;
use crate::ui::outcome::{Context, Go, Outcome};
use crate::ui::prompt::Prompt;

#[derive(Debug, Clone, Default)]
pub struct BriefingScreen {
    pub(super) reader: Option<OpenBriefing>,
    /// The query stays while briefings change (`[`, `]`); leaving for the library drops it.
    pub(super) search: Search,
    /// Until the first frame is drawn, a briefing opened lays out only what it shows.
    pub(super) first_screens_first: bool,
}

/// What must stay the same, all but the scroll, for a scroll of the focused pane to be the
/// terminal's to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneScroll {
    /// The pane's text rows on screen.
    pub inner: Rect,
    pub pane: PaneId,
    /// The briefing shown, as its index in the library.
    pub briefing: usize,
    pub scroll: usize,
    /// How many times the pane's rows were numbered anew (`PaneText::numbering`): a scroll
    /// across a renumbering moves the rows by something else than its difference.
    pub numbering: u64,
}

impl PaneScroll {
    /// The same rows of the same pane of the same briefing, scrolled or not.
    pub fn same_pane(&self, other: &PaneScroll) -> bool {
        let same = |s: &PaneScroll| (s.inner, s.pane, s.briefing, s.numbering);
        same(self) == same(other)
    }
}

impl BriefingScreen {
    pub fn reader(&self) -> Option<&OpenBriefing> {
        self.reader.as_ref()
    }

    /// Until `first_frame_drawn`, a briefing opened lays out only what its screen shows.
    pub fn first_screens_first(&mut self) {
        self.first_screens_first = true;
    }

    /// The first frame is drawn: the briefing's short panes are laid out whole.
    pub fn first_frame_drawn(&mut self) {
        self.first_screens_first = false;
        if let Some(reader) = self.reader.as_mut() {
            reader.finish_deferred();
        }
    }

    pub fn search(&self) -> &Search {
        &self.search
    }

    /// The `/` prompt while it is open.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.search.prompt.as_ref()
    }

    /// Opens `briefing`, library entry `index`, with the focus and zoom of the briefing
    /// shown before, and finds the search query in it.
    pub fn open(&mut self, briefing: &Briefing, index: usize, cx: Context<'_>) {
        let view = self.reader.as_ref().map(|r| r.view).unwrap_or_default();
        let mut reader = OpenBriefing::open(briefing, index, view);
        if let Some(previous) = &self.reader {
            reader.focus = previous.focus;
            reader.zoom = previous.zoom;
        }
        if self.first_screens_first {
            reader.defer_rest();
        }
        reader.relayout(cx.area, cx.engine);
        self.reader = Some(reader);
        self.search.prompt = None;
        self.refresh_search(cx);
    }

    /// Opens `briefing` like `open`, with the search set to `terms`, each found on its
    /// own: a briefing opened from the library's search shows what was found there.
    pub fn open_searching(
        &mut self,
        briefing: &Briefing,
        index: usize,
        terms: &[String],
        cx: Context<'_>,
    ) {
        self.search.set_terms(terms);
        self.open(briefing, index, cx);
    }

    /// Opens `briefing` like `open`, with the quotes pane focused on quotation `quote` (its
    /// index in the briefing's quotes): a briefing opened from an actor's timeline shows
    /// what was said.
    pub fn open_at_quote(
        &mut self,
        briefing: &Briefing,
        index: usize,
        quote: usize,
        cx: Context<'_>,
    ) {
        self.open(briefing, index, cx);
        if let Some(reader) = self.reader.as_mut() {
            reader.focus(PaneId::Quotes, cx.area, cx.engine);
            let shown = reader.quotes_shown.iter().position(|&q| q == quote);
            reader.panes[PaneId::Quotes].view.selected = shown.unwrap_or(0);
            reader.reveal_selected(PaneId::Quotes, cx.area);
        }
    }

    /// Back to the library: the search goes.
    pub fn leave(&mut self) {
        self.search.clear();
    }

    /// The library changed (see `Library::change`): the open briefing's entry moved. If
    /// its file went, the briefing stays open at the same place in the list.
    pub fn follow(&mut self, change: &Change, library: &Library) {
        if let Some(reader) = self.reader.as_mut() {
            let gone = reader.index.min(library.len().saturating_sub(1));
            reader.index = change.follow(library, reader.index).unwrap_or(gone);
        }
    }

    pub fn relayout(&mut self, area: Rect, engine: Engine) {
        if let Some(reader) = self.reader.as_mut() {
            reader.relayout(area, engine);
        }
    }

    /// The focused pane's text rows on screen, the pane, the briefing and its scroll,
    /// zoomed or among the five.
    pub fn focused_scroll(&self, area: Rect) -> Option<PaneScroll> {
        let reader = self.reader.as_ref()?;
        let pane = reader.focus;
        let rect = reader.rects(area)[pane]?;
        Some(PaneScroll {
            inner: inner(rect),
            pane,
            briefing: reader.index,
            scroll: reader.pane(pane).view.scroll,
            numbering: reader.pane(pane).text.numbering(),
        })
    }

    pub fn update(&mut self, action: Action, cx: Context<'_>) -> Outcome {
        let area = cx.area;
        let Some(reader) = self.reader.as_mut() else {
            return Outcome::go(Go::Library);
        };
        let focus = reader.focus;
        match action {
            Action::FocusNext => self.focus(focus.next(), cx),
            Action::FocusPrev => self.focus(focus.prev(), cx),
            Action::FocusHeadline => self.focus(PaneId::Headline, cx),
            Action::FocusBody => self.focus(PaneId::Body, cx),
            Action::FocusQuotes => self.focus(PaneId::Quotes, cx),
            Action::FocusPoints => self.focus(PaneId::Points, cx),
            Action::FocusActors => self.focus(PaneId::Actors, cx),
            Action::Down => reader.step(focus, 1, area),
            Action::Up => reader.step(focus, -1, area),
            Action::PageDown => reader.page_by(focus, Toward::End, Page::Full, area),
            Action::PageUp => reader.page_by(focus, Toward::Start, Page::Full, area),
            Action::HalfPageDown => reader.page_by(focus, Toward::End, Page::Half, area),
            Action::HalfPageUp => reader.page_by(focus, Toward::Start, Page::Half, area),
            Action::Top => reader.jump(focus, Toward::Start, area),
            Action::Bottom => reader.jump(focus, Toward::End, area),
            Action::Wheel { column, row, down } => reader.wheel(column, row, down, area),
            Action::Warnings => {
                let loaded = cx.library.listings.get(reader.index);
                if loaded.is_some_and(|l| !l.warnings.is_empty()) {
                    return Outcome::go(Go::Warnings);
                }
                return Outcome::saying("this briefing loaded without warnings");
            }
            Action::SearchOrder => {
                return Outcome::saying("o orders the library's search results (Esc: the library)");
            }
            Action::PrevBriefing | Action::NextBriefing => {
                let forward = action == Action::NextBriefing;
                let from = reader.index;
                return Outcome::go(Go::Neighbour { from, forward });
            }
            Action::Back => return self.back(cx),
            Action::Select => return self.select(cx),
            Action::CopyQuote => {
                reader.lay_out_top_field(focus);
                return self.copy(cx);
            }
            Action::CycleTranslation | Action::NextTranslation => {
                return self.change_view(action == Action::NextTranslation, cx);
            }
            Action::Zoom => {
                reader.zoom = !reader.zoom;
                reader.relayout(area, cx.engine);
            }
            Action::SearchStart
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchCursor(_)
            | Action::SearchRecall { .. }
            | Action::SearchSubmit
            | Action::SearchCancel
            | Action::SearchNext
            | Action::SearchPrev => return self.update_search(action, cx),
            _ => {}
        }
        Outcome::default()
    }

    pub(super) fn focus(&mut self, pane: PaneId, cx: Context<'_>) {
        if let Some(reader) = self.reader.as_mut() {
            reader.focus(pane, cx.area, cx.engine);
        }
    }

    /// Esc undoes one thing at a time: the actor filter, then the search, then the zoom,
    /// then the briefing itself.
    fn back(&mut self, cx: Context<'_>) -> Outcome {
        let Some(reader) = self.reader.as_mut() else {
            return Outcome::default();
        };
        if reader.actor_filter.is_some() || reader.quote_mark.is_some() {
            reader.quote_mark = None;
            if reader.actor_filter.is_some() {
                return self.filter(None, cx);
            }
            self.marks_changed(cx);
        } else if !self.search.query.is_empty() {
            self.search.clear();
            self.marks_changed(cx);
        } else if reader.zoom {
            reader.zoom = false;
            reader.relayout(cx.area, cx.engine);
        } else {
            return Outcome::go(Go::Library);
        }
        Outcome::default()
    }
}
