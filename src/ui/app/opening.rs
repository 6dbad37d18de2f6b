//! Opening a briefing: `update` asks the runtime to read its file (`Effect::Read`) and
//! opens what reading it gave (`Action::FileRead`), so a file changed on disk is never
//! shown stale. What the file holds now also brings its library entry up to date.

use std::path::PathBuf;

use super::{App, Effect, Screen};
use crate::briefing::{Library, LibraryEntry, Listing, LoadFailure, Loaded};
use crate::ui::Action;
use crate::ui::loading::{FileRead, SearchAsk};
use crate::ui::outcome::Context;

impl App {
    /// Asks the runtime to read entry `index`'s file; it opens when what that gave
    /// arrives (`Action::FileRead`). Asking again before then wins.
    pub(super) fn read_to_open(&mut self, index: usize) {
        let Some(path) = self.library.path(index) else {
            return;
        };
        self.reading = Some(path.to_path_buf());
        self.effects.push(Effect::Read(path.to_path_buf()));
    }

    /// Opens `loaded`, library entry `index`, as read from its file just now.
    pub(super) fn open_briefing(&mut self, index: usize, loaded: Loaded) {
        let loaded = self.open.insert(loaded);
        let cx = Context {
            library: &self.library,
            open: Some(loaded),
            area: self.area,
            engine: self.engine,
        };
        // From the library's search results: the briefing search is set to what was looked
        // for, at its first match.
        let terms = self.library_view.search_terms();
        self.from_actors = self.screen == Screen::Actors;
        let quote = self.open_quote.take().filter(|_| self.from_actors);
        let from_search = !terms.is_empty() && self.screen == Screen::Library;
        match from_search.then_some(terms) {
            _ if let Some(quote) = quote => {
                self.briefing
                    .open_at_quote(&loaded.briefing, index, quote, cx);
            }
            Some(terms) => {
                self.briefing
                    .open_searching(&loaded.briefing, index, &terms, cx);
                let outcome = self.briefing.update(Action::SearchNext, cx);
                self.carry_out(outcome);
            }
            None => self.briefing.open(&loaded.briefing, index, cx),
        }
        self.screen = Screen::Briefing;
        self.library_view
            .choose(&self.library, index, self.area, self.engine);
        self.library_view.close_prompt();
        self.mark_opened(index);
    }

    /// The searches asked for so far (`Effect::Search`), taken from the effects, like
    /// `take_reads`.
    pub fn take_searches(&mut self) -> Vec<SearchAsk> {
        let mut searches = Vec::new();
        self.effects.retain(|effect| match effect {
            Effect::Search(ask) => {
                searches.push(ask.clone());
                false
            }
            _ => true,
        });
        searches
    }

    /// The reads asked for so far (`Effect::Read`), taken from the effects: for a runtime
    /// that reads files apart from the terminal's effects, such as the tests'.
    pub fn take_reads(&mut self) -> Vec<PathBuf> {
        let mut reads = Vec::new();
        self.effects.retain(|effect| match effect {
            Effect::Read(path) => {
                reads.push(path.clone());
                false
            }
            _ => true,
        });
        reads
    }

    /// A briefing's file, as read just now: its library entry is brought up to date (the
    /// file may have changed since the library was listed), and if it is the one asked
    /// for, it opens, or its error is said and the library selects it.
    pub(super) fn receive_file(&mut self, read: FileRead) {
        let path = match &read {
            Ok(loaded) => loaded.briefing.path.clone(),
            Err(failure) => failure.path.clone(),
        };
        let Some(listed) = self.library.position_of(&path) else {
            // Not (or no longer) listed: nothing to bring up to date or open.
            if self.reading.as_ref() == Some(&path) {
                self.reading = None;
            }
            return;
        };
        let fresh = match &read {
            Ok(loaded) => Entry::Listed(Listing::of(loaded)),
            Err(failure) => Entry::Failed(failure.clone()),
        };
        let index = if fresh.is_entry(&self.library, listed) {
            listed
        } else {
            let (listings, failures) = fresh.split();
            let change = self
                .library
                .change(std::slice::from_ref(&path), listings, failures);
            self.take_change(&change);
            match change.follow(&self.library, listed) {
                Some(index) => index,
                None => return,
            }
        };
        if self.reading.as_ref() != Some(&path) {
            return;
        }
        self.reading = None;
        let reload = self.reload.take_if(|open| *open == path).is_some();
        let whole_of_head = self.completes_head(&path);
        match read {
            Ok(loaded) if whole_of_head => self.reload_open(index, loaded, true),
            Err(failure) if whole_of_head => self.leave_head(Some(index), &failure),
            Ok(loaded) if reload => self.reload_open(index, loaded, false),
            Ok(loaded) => self.open_briefing(index, loaded),
            Err(failure) => {
                let first = failure.diagnostics.first().map(ToString::to_string);
                self.message = Some(first.unwrap_or_else(|| failure.to_string()));
                if self.screen == Screen::Library {
                    self.library_view
                        .choose(&self.library, index, self.area, self.engine);
                }
            }
        }
    }
}

/// A file's library entry as reading it just now made it.
enum Entry {
    Listed(Listing),
    Failed(LoadFailure),
}

impl Entry {
    /// Whether library entry `at` is this already: then nothing moves.
    fn is_entry(&self, library: &Library, at: usize) -> bool {
        match (self, library.entry(at)) {
            (Entry::Listed(new), Some(LibraryEntry::Listed(old))) => new == old,
            (Entry::Failed(new), Some(LibraryEntry::Failed(old))) => new == old,
            _ => false,
        }
    }

    fn split(self) -> (Vec<Listing>, Vec<LoadFailure>) {
        match self {
            Entry::Listed(listing) => (vec![listing], Vec::new()),
            Entry::Failed(failure) => (Vec::new(), vec![failure]),
        }
    }
}
