//! Filtering the library as the analyst types at its `/` prompt: a briefing stays listed
//! when every word typed is found in its headline, summary, date, classification, language,
//! place, source, tags, actors or file name, matched as the briefing search matches (case,
//! harakat, tatweel and the hamza forms of alef ignored). The words are looked for in a
//! normalized copy of those fields, made for an entry the first time a filter needs it.

use crate::briefing::{Library, LibraryEntry};
use crate::ui::content::{Engine, Row, status_row};
use crate::ui::matching::normalize_text as folded;

#[derive(Debug, Clone)]
pub struct LibraryFilter {
    pub query: String,
    pub(super) words: Vec<String>,
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
pub(super) fn haystack(library: &Library, at: usize) -> String {
    let listing = match library.entry(at) {
        Some(LibraryEntry::Listed(listing)) => listing,
        Some(LibraryEntry::Failed(failure)) => return folded(&failure.path.display().to_string()),
        None => return String::new(),
    };
    let l = listing;
    let mut fields: Vec<&str> = vec![&l.headline];
    fields.extend(l.summary.as_deref());
    fields.extend(l.date.as_deref());
    fields.extend(l.classification.as_deref());
    fields.extend(l.language.as_deref());
    fields.push(&l.keywords);
    // The file's name, not its folders: every entry shares those.
    let name = l.path.file_name().map(|n| n.to_string_lossy());
    fields.extend(name.as_deref());
    // A line break between fields: no word typed is found across two of them.
    folded(&fields.join("\n"))
}
