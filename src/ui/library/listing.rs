//! Which entries the library lists: all, or those the filter lets through; where the
//! selection is among them, and the briefing before or after one.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;

use super::filter::{LibraryFilter, filter_row};
use super::view::LibraryView;
use crate::briefing::index::Order;
use crate::briefing::query::{QueryError, parse};
use crate::briefing::{Change, Library, LibraryEntry};
use crate::ui::content::Engine;
use crate::ui::loading::{Found, SearchAsk};

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
            // Dropping the query cannot fail.
            let _ = self.set_filter(library, None, area, engine);
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

    /// Searches for `text` (`None`, or only spaces: no search), keeping the selection on
    /// its entry if still shown, else on the next one shown. A new query asks the runtime
    /// to search (`take_ask`); one that cannot be read leaves the list as it is and says
    /// why.
    pub fn set_filter(
        &mut self,
        library: &Library,
        text: Option<&str>,
        area: Rect,
        engine: Engine,
    ) -> Result<(), QueryError> {
        let text = text.filter(|t| !t.trim().is_empty());
        let parsed = text.map(parse).transpose()?;
        match (text.zip(parsed), self.filter.as_mut()) {
            // The same query (a space typed, Enter): the same search goes on.
            (Some((text, parsed)), Some(old)) if parsed == old.parsed => {
                old.query = text.to_owned();
                old.row = filter_row(text, engine);
            }
            (None, None) => {}
            (new, _) => {
                self.generation += 1;
                let generation = self.generation;
                self.filter =
                    new.map(|(text, parsed)| LibraryFilter::new(text, parsed, generation, engine));
                // Review terms alone need no search: the marks answer them.
                let query = self.filter.as_ref().and_then(|f| f.searched.clone());
                let paths = match query {
                    Some(_) => self.library_paths(library),
                    None => Arc::from([]),
                };
                self.ask = Some(SearchAsk {
                    generation,
                    query,
                    paths,
                    whole: true,
                    order: self.order,
                });
                self.entries
                    .iter_mut()
                    .for_each(|entry| entry.snippet = None);
                self.refilter(library);
                self.scroll = 0;
            }
        }
        self.select(library, self.selected, area, engine);
        Ok(())
    }

    /// Takes in what the search found. The top stays selected unless the user chose
    /// another entry.
    pub fn found(&mut self, library: &Library, found: Found, area: Rect, engine: Engine) {
        let Some(filter) = self.filter.as_mut() else {
            return;
        };
        if filter.generation != found.generation {
            return;
        }
        filter.done |= found.done;
        for hit in found.hits {
            filter.found.insert(hit.path.clone(), hit);
        }
        self.refilter(library);
        let target = if self.moved {
            self.selected
        } else {
            self.entry_at(0).unwrap_or(0)
        };
        self.select(library, target, area, engine);
    }

    /// What the in-briefing search looks for in a briefing opened from the search results:
    /// the query's words and phrases (none without a search).
    pub fn search_terms(&self) -> Vec<String> {
        self.filter.as_ref().map(|f| f.terms()).unwrap_or_default()
    }

    /// Entries changed under a search: what was found in files that went is forgotten, and
    /// the briefings that came (new, or changed) are searched too, as part of the same
    /// search.
    pub(super) fn search_arrivals(&mut self, library: &Library, change: &Change) {
        let Some(filter) = self.filter.as_mut() else {
            return;
        };
        for (_, path) in &change.removed {
            filter.found.remove(path);
        }
        let arrived = change
            .placed
            .iter()
            .filter_map(|&at| match library.entry(at) {
                Some(LibraryEntry::Listed(listing)) => Some(listing.path.clone()),
                _ => None,
            });
        let Some(searched) = filter.searched.clone() else {
            return;
        };
        let generation = filter.generation;
        let order = self.order;
        let ask = self.ask.get_or_insert_with(|| SearchAsk {
            generation,
            query: Some(searched),
            paths: Arc::from([]),
            whole: false,
            order,
        });
        ask.paths = ask.paths.iter().cloned().chain(arrived).collect();
        if ask.paths.is_empty() {
            self.ask = None;
        }
    }

    /// The paths of the library's briefings, newest first, made once while it stays the
    /// same (`apply` forgets them).
    fn library_paths(&mut self, library: &Library) -> Arc<[PathBuf]> {
        let paths = self
            .paths
            .get_or_insert_with(|| library.listings.iter().map(|l| l.path.clone()).collect());
        Arc::clone(paths)
    }

    /// What to ask the runtime's search worker, once: a search, or to stop one.
    pub fn take_ask(&mut self) -> Option<SearchAsk> {
        self.ask.take()
    }

    /// Finds again which entries the search shows (it changed, found more, or entries
    /// arrived).
    pub(super) fn refilter(&mut self, library: &Library) {
        let Some(filter) = self.filter.as_mut() else {
            return;
        };
        let marks = &self.review;
        filter.shown = (0..library.len())
            .filter(|&at| filter.shows(library, at, marks))
            .collect();
        filter.ranked = false;
        if self.order == Order::Relevance {
            filter.rank(library);
        }
    }

    /// `o`: the search's results newest first, or best match first; the search runs again
    /// in the new order (the index ranks the matches it reads first).
    pub fn switch_order(&mut self, library: &Library, area: Rect, engine: Engine) {
        self.order = match self.order {
            Order::Newest => Order::Relevance,
            Order::Relevance => Order::Newest,
        };
        let Some(text) = self.filter.as_ref().map(|f| f.query.clone()) else {
            return;
        };
        // The same query: dropped and searched again under a new generation.
        let _ = self.set_filter(library, None, area, engine);
        let _ = self.set_filter(library, Some(&text), area, engine);
    }

    /// Briefing `index`'s place (from 1) among the briefings listed, and how many are
    /// listed: with a filter, among those it shows, as `[` and `]` walk them.
    pub fn place_of(&self, library: &Library, index: usize) -> (usize, usize) {
        let loaded = library.listings.len();
        match &self.filter {
            None => (index + 1, loaded),
            Some(filter) => {
                let shown = filter.shown.iter().filter(|&&at| at < loaded).count();
                let at = filter.position_of(index).unwrap_or_else(|at| at);
                (at + 1, shown)
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
