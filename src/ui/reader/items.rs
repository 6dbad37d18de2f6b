//! Enter on the briefing screen: filtering the quotations by an actor, and finding a
//! quotation in the body.

use super::panes::PaneId;
use super::screen::BriefingScreen;
use crate::briefing::Loaded;
use crate::ui::count::plural;
use crate::ui::matching::{find, normalize};
use crate::ui::outcome::{Context, Outcome};

impl BriefingScreen {
    /// The open briefing, as read from its file.
    pub(super) fn loaded<'a>(&self, cx: Context<'a>) -> Option<&'a Loaded> {
        self.reader.as_ref().and(cx.open)
    }

    pub(super) fn select(&mut self, cx: Context<'_>) -> Outcome {
        let Some(reader) = self.reader.as_ref() else {
            return Outcome::default();
        };
        match reader.focus {
            PaneId::Actors => {
                let actor = reader.panes[PaneId::Actors].view.selected;
                // An empty pane still has a selection (0): there is no one to filter by.
                let exists = self
                    .loaded(cx)
                    .is_some_and(|loaded| loaded.briefing.actors.get(actor).is_some());
                if !exists {
                    return Outcome::saying("no actor selected");
                }
                let toggled = (reader.actor_filter != Some(actor)).then_some(actor);
                self.filter(toggled, cx)
            }
            PaneId::Quotes => self.find_quote_in_body(cx),
            _ => Outcome::saying("Enter acts on a quotation (3) or an actor (5)"),
        }
    }

    /// Shows only `actor`'s quotations (all of them for `None`), marks the actor's names in
    /// the body and scrolls the body to the first.
    pub(super) fn filter(&mut self, actor: Option<usize>, cx: Context<'_>) -> Outcome {
        let area = cx.area;
        let Some(loaded) = self.loaded(cx) else {
            return Outcome::default();
        };
        let Some(reader) = self.reader.as_mut() else {
            return Outcome::default();
        };
        reader.filter_by_actor(&loaded.briefing, actor);
        reader.relayout(area, cx.engine);
        let message = match actor {
            Some(_) => {
                let shown = reader.quotes_shown.len();
                let marks = reader.actor_marks.len();
                if let Some((field, range)) = reader.actor_marks.first() {
                    let row = reader.panes[PaneId::Body].text.row_of(*field, range.start);
                    reader.scroll_to(PaneId::Body, row.unwrap_or(0), area);
                }
                let (shown, marks) = (plural(shown, "quote"), plural(marks, "mention"));
                format!("{shown}, {marks} marked in the body (Esc clears)")
            }
            None => "showing every quotation".into(),
        };
        self.refresh_search(cx);
        Outcome::saying(message)
    }

    fn find_quote_in_body(&mut self, cx: Context<'_>) -> Outcome {
        let area = cx.area;
        let loaded = self.loaded(cx);
        let Some(reader) = self.reader.as_mut() else {
            return Outcome::default();
        };
        let selected = reader.panes[PaneId::Quotes].view.selected;
        let quote = reader
            .quotes_shown
            .get(selected)
            .and_then(|&q| loaded?.briefing.quotes.get(q));
        let Some(quote) = quote else {
            return Outcome::saying("no quotation selected");
        };
        let needle = normalize(&crate::text::sanitize(&quote.text).text).text;
        let body = &mut reader.panes[PaneId::Body].text;
        body.normalize_for_search();
        // The first match is enough: the search stops there, in the form folded at open.
        let found = body.fields.iter().enumerate().find_map(|(index, field)| {
            find(&field.text.text, &field.normalized, &needle)
                .next()
                .map(|range| (index, range))
        });
        let Some((field, range)) = found else {
            return Outcome::saying("this quotation is not in the body text");
        };
        if reader.shows_one_pane(area) {
            reader.focus(PaneId::Body, area, cx.engine);
        }
        // Focusing may have laid the body out again: its rows are looked up after.
        let body = &mut reader.panes[PaneId::Body].text;
        let row = body.row_of(field, range.start).unwrap_or(0);
        reader.quote_mark = Some((field, range));
        reader.scroll_to(PaneId::Body, row, area);
        self.marks_changed(cx);
        Outcome::saying("the quotation is marked in the body (Esc clears)")
    }
}
