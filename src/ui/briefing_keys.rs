//! What actions do on the briefing screen: focus, scrolling, briefing to briefing, Enter on
//! an actor or a quotation, copying, zoom and search.

use super::Action;
use super::app::App;
use super::count::plural;
use super::layout::is_multi;
use super::matching::{find, normalize};
use super::panes::{self, PaneId};

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
            Action::PageDown => reader.page_by(focus, false, false, area),
            Action::PageUp => reader.page_by(focus, true, false, area),
            Action::HalfPageDown => reader.page_by(focus, false, true, area),
            Action::HalfPageUp => reader.page_by(focus, true, true, area),
            Action::Top => reader.jump(focus, false, area),
            Action::Bottom => reader.jump(focus, true, area),
            Action::Wheel { column, row, down } => reader.wheel(column, row, down, area),
            Action::PrevBriefing => self.step_briefing(false),
            Action::NextBriefing => self.step_briefing(true),
            Action::Back => self.back(),
            Action::Select => self.select(),
            Action::CopyQuote => match focus {
                PaneId::Actors => self.copy_actor(),
                PaneId::Headline => self.copy_citation(),
                _ => self.copy_quote(),
            },
            Action::Zoom => {
                reader.zoom = !reader.zoom;
                reader.relayout(area, self.engine);
            }
            Action::SearchStart
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchSubmit
            | Action::SearchCancel
            | Action::SearchNext
            | Action::SearchPrev => self.update_search(action),
            _ => {}
        }
    }

    /// `[` and `]`: the neighbouring briefing in library order, without the library.
    fn step_briefing(&mut self, forward: bool) {
        let Some(index) = self.reader.as_ref().map(|r| r.index) else {
            return;
        };
        match self.library_view.neighbour(&self.library, index, forward) {
            Some(next) => self.open_briefing(next),
            None => {
                let end = if forward { "last" } else { "first" };
                self.set_message(format!("this is the {end} briefing"));
            }
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
            } else {
                self.search_changed();
            }
        } else if !self.search.query.is_empty() {
            self.search.clear();
            self.search_changed();
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
                // An empty pane still has a selection (0): there is no one to filter by.
                let exists = self
                    .library
                    .briefings
                    .get(reader.index)
                    .is_some_and(|loaded| loaded.briefing.actors.get(actor).is_some());
                if !exists {
                    self.set_message("no actor selected");
                    return;
                }
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
                let (shown, marks) = (plural(shown, "quote"), plural(marks, "mention"));
                format!("{shown}, {marks} marked in the body (Esc clears)")
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
            self.library
                .briefings
                .get(reader.index)?
                .briefing
                .quotes
                .get(q)
        }) else {
            self.set_message("no quotation selected");
            return;
        };
        let needle = normalize(&crate::text::sanitize(&quote.text).text).text;
        let body = &reader.texts[PaneId::Body.index()];
        // The first match is enough: the search stops there, in the form folded at open.
        let found = body.fields.iter().enumerate().find_map(|(index, field)| {
            find(&field.text.text, &field.normalized, &needle)
                .next()
                .map(|range| (index, range))
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
        self.search_changed();
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
        let Some(quote) = reader
            .quotes_shown
            .get(selected)
            .and_then(|&q| briefing.quotes.get(q))
        else {
            self.set_message("no quotation to copy");
            return;
        };
        let text = panes::quotes::attributed(briefing, quote);
        self.copy(text);
        self.set_message(format!(
            "copied quotation {} with attribution to the clipboard",
            selected + 1
        ));
    }

    /// `y` on the actors pane: the selected actor, with role, organization and country.
    fn copy_actor(&mut self) {
        let Some(reader) = self.reader.as_ref() else {
            return;
        };
        let selected = reader.views[PaneId::Actors.index()].selected;
        let actor = self
            .library
            .briefings
            .get(reader.index)
            .and_then(|loaded| loaded.briefing.actors.get(selected));
        let Some(actor) = actor else {
            self.set_message("no actor to copy");
            return;
        };
        let text = panes::actors::copied(actor);
        self.copy(text);
        self.set_message(format!("copied actor {} to the clipboard", selected + 1));
    }

    /// `y` on the headline pane: the headline with its source, date and place.
    fn copy_citation(&mut self) {
        let Some(loaded) = self
            .reader
            .as_ref()
            .and_then(|reader| self.library.briefings.get(reader.index))
        else {
            return;
        };
        let text = panes::headline::cited(&loaded.briefing);
        self.copy(text);
        self.set_message("copied the headline with its source to the clipboard");
    }
}
