//! What actions do on the library screen: moving through the entries listed, opening one,
//! and the `/` filter, typed at the same prompt as a briefing's search.

use super::Action;
use super::app::App;
use super::layout::half_page;
use super::library::LibraryView;

impl App {
    pub(super) fn update_library(&mut self, action: Action) {
        let view = &self.library_view;
        let position = view.position();
        let page = LibraryView::page(self.area);
        let count = view.shown_len();
        let target = match action {
            Action::Down => position.saturating_add(1),
            Action::Up => position.saturating_sub(1),
            Action::PageDown => position.saturating_add(page),
            Action::PageUp => position.saturating_sub(page),
            Action::HalfPageDown => position.saturating_add(half_page(page)),
            Action::HalfPageUp => position.saturating_sub(half_page(page)),
            Action::Top => 0,
            Action::Bottom => count.saturating_sub(1),
            Action::Wheel { down: true, .. } => position.saturating_add(3),
            Action::Wheel { down: false, .. } => position.saturating_sub(3),
            Action::Select => {
                self.open_selected();
                return;
            }
            Action::SearchStart
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchSubmit
            | Action::SearchCancel => {
                self.update_filter(action);
                return;
            }
            Action::Back if view.filter.is_some() => {
                self.filter_library(None);
                return;
            }
            _ => return,
        };
        let entry = view.entry_at(target.min(count.saturating_sub(1)));
        self.library_view
            .select(&self.library, entry.unwrap_or(0), self.area, self.engine);
        // Entries still arriving keep the selection on the one chosen, except the top: there
        // the newest stays selected, as at the start.
        self.library_view.moved = count > 0 && !matches!(action, Action::Top);
    }

    fn open_selected(&mut self) {
        let view = &self.library_view;
        let selected = view.selected;
        if view.shown_len() == 0 {
            if view.filter.is_some() {
                self.set_message("no briefing matches the filter: Esc clears it");
            }
        } else if selected < self.library.briefings.len() {
            self.open_briefing(selected);
        } else {
            self.set_message("this file failed to load: its error is shown below");
        }
    }

    /// The prompt filters as it is typed; Enter keeps the filter, Esc drops it.
    fn update_filter(&mut self, action: Action) {
        let prompt = &mut self.search.prompt;
        match action {
            Action::SearchStart => {
                let current = self.library_view.filter.as_ref().map(|f| f.query.clone());
                *prompt = Some(current.unwrap_or_default());
            }
            Action::SearchInput(c) => prompt.get_or_insert_default().push(c),
            Action::SearchBackspace => {
                prompt.get_or_insert_default().pop();
            }
            Action::SearchSubmit => {
                let query = prompt.take();
                self.search.prompt_row = None;
                self.filter_library(query.as_deref());
                return;
            }
            Action::SearchCancel => {
                *prompt = None;
                self.search.prompt_row = None;
                self.filter_library(None);
                return;
            }
            _ => return,
        }
        let query = self.search.prompt.clone();
        self.lay_out_prompt();
        self.filter_library(query.as_deref());
    }

    fn filter_library(&mut self, query: Option<&str>) {
        self.library_view
            .set_filter(&self.library, query, self.area, self.engine);
    }
}
