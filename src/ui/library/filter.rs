//! Filtering the library as the analyst types at its `/` prompt: a briefing stays listed
//! when every word typed is found in its headline, summary, date, classification, language,
//! place, source, tags, actors or file name, matched as the briefing search matches (case,
//! harakat, tatweel and the hamza forms of alef ignored). The words are looked for in a
//! normalized copy of those fields, made for an entry the first time a filter needs it.

use ratatui::layout::Rect;

use super::LibraryView;
use crate::briefing::Library;
use crate::ui::content::{Engine, Row, status_row};
use crate::ui::matching::folded;

#[derive(Debug, Clone)]
pub struct LibraryFilter {
    pub query: String,
    words: Vec<String>,
    /// The entries that match, in library order.
    pub shown: Vec<usize>,
    /// `filter "…"` laid out for the status line (the query may be right-to-left).
    pub row: Option<Row>,
}

impl LibraryFilter {
    pub fn new(query: &str, engine: Engine) -> Self {
        let words = folded(query)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        Self {
            query: query.to_owned(),
            words,
            shown: Vec::new(),
            row: status_row(&format!("filter \"{query}\""), engine),
        }
    }

    /// Whether the filter lets everything through (nothing but spaces typed).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn matches(&self, haystack: &str) -> bool {
        self.words
            .iter()
            .all(|word| haystack.contains(word.as_str()))
    }

    /// Where entry `entry` is among the shown ones, or where it would be.
    pub fn position_of(&self, entry: usize) -> Result<usize, usize> {
        self.shown.binary_search(&entry)
    }
}

/// The normalized text library entry `at` is found by: the briefings first, then the
/// files that failed to load (found by their path).
fn haystack(library: &Library, at: usize) -> String {
    let Some(loaded) = library.briefings.get(at) else {
        let failure = library.failures.get(at - library.briefings.len());
        return failure.map_or_else(String::new, |f| folded(&f.path.display().to_string()));
    };
    let b = &loaded.briefing;
    let mut fields: Vec<&str> = vec![&b.headline];
    fields.extend(b.summary.as_deref());
    fields.extend(b.date.as_deref());
    fields.extend(b.classification.as_deref());
    fields.extend(b.language.as_deref());
    fields.extend(b.location.as_deref());
    fields.extend(b.source.as_ref().and_then(|s| s.name.as_deref()));
    fields.extend(b.tags.iter().map(String::as_str));
    for actor in &b.actors {
        fields.push(&actor.name);
        fields.extend(actor.aliases.iter().map(String::as_str));
        fields.extend(actor.organization.as_deref());
        fields.extend(actor.country.as_deref());
    }
    // The file's name, not its folders: every entry shares those.
    let name = b.path.file_name().map(|n| n.to_string_lossy());
    fields.extend(name.as_deref());
    // A line break between fields: no word typed is found across two of them.
    folded(&fields.join("\n"))
}

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
        next.filter(|&n| n < library.briefings.len())
    }
}
