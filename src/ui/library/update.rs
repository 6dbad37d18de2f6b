//! What actions do on the library screen: moving through the entries listed, opening one,
//! and the `/` search, typed at the same prompt editor as a briefing's search.

use super::view::{LibraryView, areas};
use crate::briefing::LibraryEntry;
use crate::briefing::index::Order;
use crate::ui::action::Action;
use crate::ui::layout::{WHEEL_STEP, half_page};
use crate::ui::outcome::{Context, Go, Outcome};
use crate::ui::prompt::{Prompt, PromptEvent};

impl LibraryView {
    pub fn update(&mut self, action: Action, cx: Context<'_>) -> Outcome {
        let (_, detail) = areas(cx.area);
        let rows = self.detail.rows.len();
        if self.prompt.is_none() && self.detail_view.update(&action, detail, rows) {
            return Outcome::default();
        }
        let position = self.position();
        let page = self.page(cx.area);
        let count = self.shown_len();
        let target = match action {
            Action::Down => position.saturating_add(1),
            Action::Up => position.saturating_sub(1),
            Action::PageDown => position.saturating_add(page),
            Action::PageUp => position.saturating_sub(page),
            Action::HalfPageDown => position.saturating_add(half_page(page)),
            Action::HalfPageUp => position.saturating_sub(half_page(page)),
            Action::Top => 0,
            Action::Bottom => count.saturating_sub(1),
            Action::Wheel { down: true, .. } => position.saturating_add(WHEEL_STEP),
            Action::Wheel { down: false, .. } => position.saturating_sub(WHEEL_STEP),
            Action::Select => return self.open_selected(cx),
            Action::SearchStart
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchCursor(_)
            | Action::SearchSubmit
            | Action::SearchCancel => return self.update_filter(action, cx),
            Action::SearchOrder => {
                self.switch_order(cx.library, cx.area, cx.engine);
                return Outcome::saying(match self.order {
                    Order::Newest => "search results: newest first",
                    Order::Relevance => "search results: best match first",
                });
            }
            Action::Back if self.filter.is_some() => {
                // Dropping the query cannot fail.
                let _ = self.set_filter(cx.library, None, cx.area, cx.engine);
                return Outcome::default();
            }
            Action::Back => return Outcome::saying("nothing to go back to (q quits)"),
            // The keys of an open briefing: pressed here, they say so rather than nothing.
            Action::FocusHeadline
            | Action::FocusBody
            | Action::FocusQuotes
            | Action::FocusPoints
            | Action::FocusActors
            | Action::PrevBriefing
            | Action::NextBriefing
            | Action::CopyQuote
            | Action::Zoom
            | Action::CycleTranslation
            | Action::NextTranslation
            | Action::SearchNext
            | Action::SearchPrev => {
                return Outcome::saying("that key works in an open briefing (Enter opens one)");
            }
            _ => return Outcome::default(),
        };
        let entry = self.entry_at(target.min(count.saturating_sub(1)));
        self.select(cx.library, entry.unwrap_or(0), cx.area, cx.engine);
        // Entries still arriving keep the selection on the one chosen, except the top: there
        // the newest stays selected, as at the start.
        self.moved = count > 0 && !matches!(action, Action::Top);
        Outcome::default()
    }

    fn open_selected(&self, cx: Context<'_>) -> Outcome {
        if self.shown_len() == 0 {
            match &self.filter {
                Some(filter) if !filter.done => {
                    return Outcome::saying("still searching: nothing found yet");
                }
                Some(_) => return Outcome::saying("no briefing matches the filter: Esc clears it"),
                None => {}
            }
            Outcome::default()
        } else {
            match cx.library.entry(self.selected) {
                Some(LibraryEntry::Listed(_)) => Outcome::go(Go::Open(self.selected)),
                _ => Outcome::saying("this file failed to load: its error is shown below"),
            }
        }
    }

    /// The prompt searches as it is typed; Enter keeps the search, Esc drops it. A query
    /// that cannot be read says what is wrong and where, on the status line.
    fn update_filter(&mut self, action: Action, cx: Context<'_>) -> Outcome {
        let in_use = self.filter.as_ref().map_or("", |f| f.query.as_str());
        let event = Prompt::update(&mut self.prompt, &action, in_use, cx.area.width, cx.engine);
        let query = match event {
            Some(PromptEvent::Changed) => self.prompt.as_ref().map(|p| p.text().to_owned()),
            Some(PromptEvent::Submitted(text)) => Some(text),
            Some(PromptEvent::Cancelled) => None,
            Some(PromptEvent::Moved) | None => return Outcome::default(),
        };
        match self.set_filter(cx.library, query.as_deref(), cx.area, cx.engine) {
            Ok(()) => Outcome::default(),
            // The column first: the status line may have room for little more.
            Err(error) => Outcome::saying(format!(
                "query, column {}: {}",
                error.column(),
                error.message
            )),
        }
    }

    /// The open `/` prompt, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// Closes the prompt, keeping the filter as typed so far: a briefing opened under it.
    pub fn close_prompt(&mut self) {
        self.prompt = None;
    }
}
