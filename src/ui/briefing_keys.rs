//! What actions do on the briefing screen: focus, scrolling, briefing to briefing, Enter on
//! an actor or a quotation, copying, zoom and search.

use super::Action;
use super::app::App;
use super::layout::is_multi;
use super::panes::{self, PaneId};
use super::reader::Reader;

impl App {
    pub(super) fn update_briefing(&mut self, action: Action) {
        let area = self.area;
        let Some(reader) = self.reader.as_mut() else {
            self.back_to_library();
            return;
        };
        let focus = reader.focus;
        match action {
            Action::FocusNext => self.focus(focus.next()),
            Action::FocusPrev => self.focus(focus.prev()),
            Action::FocusHeadline => self.focus(PaneId::Headline),
            Action::FocusBody => self.focus(PaneId::Body),
            Action::FocusQuotes => self.focus(PaneId::Quotes),
            Action::FocusPoints => self.focus(PaneId::Points),
            Action::FocusActors => self.focus(PaneId::Actors),
            Action::Down => reader.step(focus, 1, area),
            Action::Up => reader.step(focus, -1, area),
            Action::PageDown => reader.page_by(focus, 1, area),
            Action::PageUp => reader.page_by(focus, -1, area),
            Action::Top => reader.jump(focus, false, area),
            Action::Bottom => reader.jump(focus, true, area),
            Action::Wheel { column, row, down } => {
                let hit = reader.rects(area).iter().position(|rect| {
                    rect.is_some_and(|r| r.contains(ratatui::layout::Position::new(column, row)))
                });
                if let Some(pane) = hit.and_then(|i| PaneId::ALL.get(i)) {
                    let view = &mut reader.views[pane.index()];
                    view.scroll = if down { view.scroll.saturating_add(3) } else { view.scroll.saturating_sub(3) };
                    reader.clamp(*pane, area);
                }
            }
            Action::PrevBriefing | Action::NextBriefing => {
                let count = self.library.briefings.len();
                let index = reader.index;
                let next = if action == Action::NextBriefing { index + 1 } else { index.wrapping_sub(1) };
                if next < count {
                    self.open_briefing(next);
                } else {
                    let end = if action == Action::NextBriefing { "last" } else { "first" };
                    self.set_message(format!("this is the {end} briefing"));
                }
            }
            Action::Back => self.back(),
            Action::Select => self.select(),
            Action::CopyQuote => self.copy_quote(),
            Action::Zoom => {
                reader.zoom = !reader.zoom;
                reader.relayout(area, self.engine);
            }
            Action::SearchStart => self.search.prompt = Some(String::new()),
            Action::SearchInput(c) => {
                if let Some(prompt) = self.search.prompt.as_mut() {
                    prompt.push(c);
                }
                self.search_live();
            }
            Action::SearchBackspace => {
                if let Some(prompt) = self.search.prompt.as_mut() {
                    prompt.pop();
                }
                self.search_live();
            }
            Action::SearchSubmit => {
                self.search.prompt = None;
                self.next_match(true);
            }
            Action::SearchCancel => self.search.clear(),
            Action::SearchNext => self.next_match(true),
            Action::SearchPrev => self.next_match(false),
            _ => {}
        }
    }

    fn focus(&mut self, pane: PaneId) {
        if let Some(reader) = self.reader.as_mut() {
            reader.focus = pane;
            if reader.zoom {
                reader.relayout(self.area, self.engine);
            }
        }
    }

    /// Esc undoes one thing at a time: the actor filter, then the search, then the
    /// briefing itself.
    fn back(&mut self) {
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        if reader.actor_filter.is_some() || reader.quote_mark.is_some() {
            reader.quote_mark = None;
            if reader.actor_filter.is_some() {
                self.filter(None);
            }
        } else if !self.search.query.is_empty() {
            self.search.clear();
        } else if reader.zoom {
            reader.zoom = false;
            reader.relayout(self.area, self.engine);
        } else {
            self.back_to_library();
        }
    }

    fn select(&mut self) {
        let Some(reader) = self.reader.as_ref() else {
            return;
        };
        match reader.focus {
            PaneId::Actors => {
                let actor = reader.views[PaneId::Actors.index()].selected;
                let toggled = (reader.actor_filter != Some(actor)).then_some(actor);
                self.filter(toggled);
            }
            PaneId::Quotes => self.find_quote_in_body(),
            _ => {}
        }
    }

    fn filter(&mut self, actor: Option<usize>) {
        let area = self.area;
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        let Some(loaded) = self.library.briefings.get(reader.index) else {
            return;
        };
        reader.filter_by_actor(&loaded.briefing, actor);
        reader.relayout(area, self.engine);
        let message = match actor {
            Some(_) => {
                let shown = reader.quotes_shown.len();
                let marks = reader.actor_marks.len();
                if let Some((field, range)) = reader.actor_marks.first() {
                    let row = reader.texts[PaneId::Body.index()].row_of(*field, range.start);
                    reader.scroll_to(PaneId::Body, row.unwrap_or(0), area);
                }
                format!("{shown} quotation(s) by this actor; named {marks} time(s) in the body (Esc clears)")
            }
            None => "showing every quotation".into(),
        };
        self.set_message(message);
        self.refresh_search();
    }

    fn find_quote_in_body(&mut self) {
        let area = self.area;
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        let selected = reader.views[PaneId::Quotes.index()].selected;
        let Some(quote) = reader.quotes_shown.get(selected).and_then(|&q| {
            self.library.briefings.get(reader.index)?.briefing.quotes.get(q)
        }) else {
            self.set_message("no quotation selected");
            return;
        };
        let needle = super::search::normalize(&crate::text::sanitize(&quote.text).text).text;
        let body = &reader.texts[PaneId::Body.index()];
        let found = body.fields.iter().enumerate().find_map(|(index, field)| {
            super::search::find(&field.text.text, &needle).next().map(|range| (index, range))
        });
        let Some((field, range)) = found else {
            self.set_message("this quotation is not in the body text");
            return;
        };
        let row = body.row_of(field, range.start).unwrap_or(0);
        reader.quote_mark = Some((field, range));
        reader.scroll_to(PaneId::Body, row, area);
        if !is_multi(area) || reader.zoom {
            reader.focus = PaneId::Body;
            reader.relayout(area, self.engine);
        }
        self.set_message("the quotation is marked in the body (Esc clears)");
    }

    fn copy_quote(&mut self) {
        let Some(reader) = self.reader.as_ref() else {
            return;
        };
        let selected = reader.views[PaneId::Quotes.index()].selected;
        let Some(loaded) = self.library.briefings.get(reader.index) else {
            return;
        };
        let briefing = &loaded.briefing;
        let Some(quote) = reader.quotes_shown.get(selected).and_then(|&q| briefing.quotes.get(q)) else {
            self.set_message("no quotation to copy");
            return;
        };
        let text = panes::quotes::attributed(briefing, quote);
        self.copy(text);
        self.set_message(format!("copied quotation {} with attribution to the clipboard", selected + 1));
    }

    /// Re-finds the current query (the briefing or its quotes pane changed).
    pub(super) fn refresh_search(&mut self) {
        let Some(reader) = self.reader.as_ref() else {
            return;
        };
        let panes = PaneId::ALL.into_iter().map(|p| (p, reader.texts[p.index()].fields.as_slice()));
        self.search.find_in(panes);
    }

    fn search_live(&mut self) {
        self.search.query = self.search.prompt.clone().unwrap_or_default();
        self.refresh_search();
    }

    /// Moves to the next (or previous) match, wrapping, and scrolls its pane there.
    fn next_match(&mut self, forward: bool) {
        let total = self.search.matches.len();
        if total == 0 {
            let message = self.search.status().unwrap_or_else(|| "no search: press / to search".into());
            self.set_message(message);
            return;
        }
        let current = match (self.search.current, forward) {
            (None, true) => 0,
            (None, false) => total - 1,
            (Some(c), true) => (c + 1) % total,
            (Some(c), false) => (c + total - 1) % total,
        };
        self.search.current = Some(current);
        let found = self.search.matches[current].clone();
        if let Some(reader) = self.reader.as_mut() {
            show_match(reader, found.pane, found.field, found.range.start, self.area, self.engine);
        }
    }
}

fn show_match(
    reader: &mut Reader,
    pane: PaneId,
    field: usize,
    byte: usize,
    area: ratatui::layout::Rect,
    engine: super::content::Engine,
) {
    if reader.focus != pane {
        reader.focus = pane;
        if reader.zoom {
            reader.relayout(area, engine);
        }
    }
    let text = &reader.texts[pane.index()];
    let row = text.row_of(field, byte).unwrap_or(0);
    let item = text.rows.get(row).and_then(|r| r.item);
    if let Some(item) = item.filter(|_| pane.selectable()) {
        reader.views[pane.index()].selected = item;
    }
    reader.reveal(pane, row..row + 1, area);
}
