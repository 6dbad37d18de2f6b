//! Which entries the library lists: all, or those the filter lets through; where the
//! selection is among them, and the briefing before or after one.

use ratatui::layout::Rect;

use super::filter::{LibraryFilter, haystack};
use super::view::LibraryView;
use crate::briefing::{Library, LibraryEntry};
use crate::ui::content::Engine;

impl LibraryView {
    /// Entries listed: those the filter lets through, or all.
    pub fn shown_len(&self) -> usize {
        self.filter
            .as_ref()
            .map_or(self.entries.len(), |f| f.shown.len())
    }

    /// The entry listed at `position`.
    pub fn entry_at(&self, position: usize) -> Option<usize> {
        match &self.filter {
            None => (position < self.entries.len()).then_some(position),
            Some(filter) => filter.shown.get(position).copied(),
        }
    }

    /// Selects entry `entry` as the user's choice. The file named on the command line may
    /// arrive while a filter that hides it is on: the filter goes, so that the selection
    /// is what is being read.
    pub fn choose(&mut self, library: &Library, entry: usize, area: Rect, engine: Engine) {
        if !self.shows(entry) {
            self.set_filter(library, None, area, engine);
        }
        self.select(library, entry, area, engine);
        self.moved = true;
    }

    /// Whether entry `entry` is listed.
    fn shows(&self, entry: usize) -> bool {
        match &self.filter {
            None => entry < self.entries.len(),
            Some(filter) => filter.position_of(entry).is_ok(),
        }
    }

    /// Where the selected entry is listed.
    pub fn position(&self) -> usize {
        match &self.filter {
            None => self.selected,
            Some(filter) => filter.position_of(self.selected).unwrap_or(0),
        }
    }

    /// Filters by `query` (`None`, or only spaces: no filter), keeping the selection on
    /// its entry if still shown, else on the next one shown.
    pub fn set_filter(
        &mut self,
        library: &Library,
        query: Option<&str>,
        area: Rect,
        engine: Engine,
    ) {
        let mut filter = query
            .map(|q| LibraryFilter::new(q, engine))
            .filter(|f| !f.is_empty());
        match (filter.as_mut(), self.filter.take()) {
            // The same words (a space typed, Enter): the same entries.
            (Some(new), Some(old)) if new.words == old.words => {
                new.shown = old.shown;
                self.filter = filter;
            }
            (None, None) => {}
            _ => {
                self.filter = filter;
                self.refilter(library);
                self.scroll = 0;
            }
        }
        self.select(library, self.selected, area, engine);
    }

    /// Finds again which entries the filter shows (it changed, or entries arrived).
    pub(super) fn refilter(&mut self, library: &Library) {
        let Some(filter) = self.filter.as_mut() else {
            return;
        };
        filter.shown.clear();
        for (at, entry) in self.entries.iter_mut().enumerate() {
            let haystack = entry.haystack.get_or_insert_with(|| haystack(library, at));
            if filter.matches(haystack) {
                filter.shown.push(at);
            }
        }
    }

    /// The briefing listed before or after briefing `index` (`[` and `]`).
    pub fn neighbour(&self, library: &Library, index: usize, forward: bool) -> Option<usize> {
        let next = match (&self.filter, forward) {
            (None, true) => index.checked_add(1),
            (None, false) => index.checked_sub(1),
            (Some(filter), true) => {
                let at = filter.position_of(index).map_or_else(|at| at, |at| at + 1);
                filter.shown.get(at).copied()
            }
            (Some(filter), false) => {
                let at = filter.position_of(index).unwrap_or_else(|at| at);
                at.checked_sub(1)
                    .and_then(|at| filter.shown.get(at).copied())
            }
        };
        next.filter(|&n| matches!(library.entry(n), Some(LibraryEntry::Listed(_))))
    }
}
