//! What the search actions do on the briefing screen: the prompt, and walking the
//! matches pane by pane.

use ratatui::layout::Rect;

use super::open::OpenBriefing;
use super::screen::BriefingScreen;
use super::search::Match;
use crate::ui::action::Action;
use crate::ui::content::Engine;
use crate::ui::outcome::{Context, Outcome};
use crate::ui::prompt::{Prompt, PromptEvent};

impl BriefingScreen {
    pub(super) fn update_search(&mut self, action: Action, cx: Context<'_>) -> Outcome {
        match action {
            Action::SearchNext => return self.next_match(true, cx),
            Action::SearchPrev => return self.next_match(false, cx),
            _ => {}
        }
        if action == Action::SearchStart && self.search.prompt.is_none() {
            let search = &mut self.search;
            let terms = search.terms.clone();
            search.previous = Some((search.query.clone(), terms, search.current));
        }
        // A search starts empty, whatever the query in use.
        let prompt = &mut self.search.prompt;
        let event = match action {
            Action::SearchRecall { earlier } => {
                let history = &self.search.history;
                Prompt::recall(prompt, earlier, history, cx.area.width, cx.engine)
            }
            _ => Prompt::update(prompt, &action, "", cx.area.width, cx.engine),
        };
        match event {
            Some(PromptEvent::Changed) => self.search_live(cx),
            // The query was found as it was typed: Enter goes to its first match.
            Some(PromptEvent::Submitted(query)) => {
                self.search.remember(&query);
                self.search.previous = None;
                self.search.layout_status(cx.engine);
                return self.next_match(true, cx);
            }
            Some(PromptEvent::Cancelled) => self.restore_previous(cx),
            Some(PromptEvent::Moved) | None => {}
        }
        Outcome::default()
    }

    /// Esc at the prompt: the search in use before `/`, its current match included; none
    /// when there was none.
    fn restore_previous(&mut self, cx: Context<'_>) {
        let previous = self.search.previous.take();
        let (query, terms, current) = previous.unwrap_or_default();
        self.search.query = query;
        self.search.terms = terms;
        self.refresh_search(cx);
        if self.search.query.is_empty() {
            self.search.clear();
            self.marks_changed(cx);
            return;
        }
        self.search.current = current.filter(|&c| c < self.search.matches.len());
        self.marks_changed(cx);
    }

    /// The query is what the prompt holds, found as it is typed.
    fn search_live(&mut self, cx: Context<'_>) {
        let typed = self.search.prompt.as_ref().map(Prompt::text);
        self.search.query = typed.unwrap_or_default().to_owned();
        self.search.terms.clear();
        self.refresh_search(cx);
    }

    /// Moves to the next (or previous) match, wrapping, and scrolls its pane there.
    fn next_match(&mut self, forward: bool, cx: Context<'_>) -> Outcome {
        let total = self.search.matches.len();
        if total == 0 {
            // With a query, the status line already says `no match for "…"`, laid out by
            // the text engine; the message line would repeat it in logical order.
            if self.search.query.is_empty() {
                return Outcome::saying("no search: press / to search");
            }
            return Outcome::default();
        }
        let current = match (self.search.current, forward) {
            (None, true) => 0,
            (None, false) => total - 1,
            (Some(c), true) => (c + 1) % total,
            (Some(c), false) => (c + total - 1) % total,
        };
        self.restyle_match(self.search.current, false);
        self.search.current = Some(current);
        self.restyle_match(Some(current), true);
        self.search.layout_status(cx.engine);
        let found = self.search.matches[current].clone();
        if let Some(reader) = self.reader.as_mut() {
            show_match(reader, &found, cx.area, cx.engine);
        }
        Outcome::default()
    }
}

/// Focuses the match's pane and scrolls it into view; in a pane with a selection, selects
/// the item it is in.
pub(super) fn show_match(reader: &mut OpenBriefing, found: &Match, area: Rect, engine: Engine) {
    let pane = found.pane;
    if reader.focus != pane {
        reader.focus(pane, area, engine);
    }
    let text = &mut reader.panes[pane].text;
    let row = text.row_of(found.field, found.range.start).unwrap_or(0);
    let item = text.row(row).and_then(|r| r.item);
    if let Some(item) = item.filter(|_| pane.selectable()) {
        reader.panes[pane].view.selected = item;
    }
    reader.reveal(pane, row..row + 1, area);
}
