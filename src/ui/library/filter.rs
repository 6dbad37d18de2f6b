//! The library's `/`: a query in the query language (docs/QUERY.md) searched across every
//! field of every briefing. The search runs away from `update` (the runtime's search
//! worker, `Effect::Search`); what it finds arrives in batches (`Action::Found`), and the
//! list shows the briefings found so far, newest first, each with the text around its
//! match. Files that failed to load are shown when their path holds the query's words.
//! The review terms (`is:new`, `is:flagged`, `reviewed-by:`…) are answered here from the
//! marks the reader holds; only the rest of the query goes to the worker.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::review::Review;
use crate::briefing::query::{Clause, Filter, Query};
use crate::briefing::{Library, LibraryEntry};
use crate::ui::content::{Engine, Piece, Row, status_row};
use crate::ui::loading::Hit;
use crate::ui::matching::normalize_text as folded;

#[derive(Debug, Clone)]
pub struct LibraryFilter {
    /// The query as typed.
    pub query: String,
    pub(super) parsed: Query,
    /// What the search worker looks for: the query without its review terms; `None` when
    /// it has only those, and every briefing is a candidate.
    pub(super) searched: Option<Query>,
    /// The review terms, answered from the marks.
    review: Vec<Clause>,
    /// Which search this is: what an older one finds is dropped.
    pub(super) generation: u64,
    /// The briefings found so far, by file, with the text around the match.
    pub(super) found: HashMap<PathBuf, Hit>,
    /// The search has looked everywhere.
    pub(super) done: bool,
    /// The query's words and phrases, normalised: a failed file's path is matched by them.
    pub(super) words: Vec<String>,
    /// The entries shown, in library order, or best match first when `ranked`.
    pub shown: Vec<usize>,
    pub(super) ranked: bool,
    /// `filter "…"` laid out for the status line (the query may be right-to-left).
    pub row: Option<Row>,
}

impl LibraryFilter {
    pub fn new(text: &str, parsed: Query, generation: u64, engine: Engine) -> Self {
        let words = parsed.text_terms().concat();
        let (review, rest): (Vec<Clause>, Vec<Clause>) = parsed
            .clauses
            .iter()
            .cloned()
            .partition(|clause| matches!(clause.filter, Filter::Review(_)));
        let searched = (!rest.is_empty()).then_some(Query {
            clauses: rest,
            scope: parsed.scope,
            known_as: parsed.known_as.clone(),
        });
        Self {
            query: text.to_owned(),
            done: searched.is_none(),
            searched,
            review,
            parsed,
            generation,
            found: HashMap::new(),
            words,
            shown: Vec::new(),
            ranked: false,
            row: filter_row(text, engine),
        }
    }

    /// Where entry `entry` is among the shown ones, or where it would be (ranked by
    /// relevance, where the entries after it begin: the end).
    pub fn position_of(&self, entry: usize) -> Result<usize, usize> {
        if self.ranked {
            return self
                .shown
                .iter()
                .position(|&at| at == entry)
                .ok_or(self.shown.len());
        }
        self.shown.binary_search(&entry)
    }

    /// Orders the shown entries best match first, in library order among equals.
    pub(super) fn rank(&mut self, library: &Library) {
        let score = |at: usize| {
            library
                .path(at)
                .and_then(|path| self.found.get(path))
                .map_or(0, |hit| hit.score)
        };
        let mut shown = std::mem::take(&mut self.shown);
        shown.sort_by_key(|&at| std::cmp::Reverse(score(at)));
        self.shown = shown;
        self.ranked = true;
    }

    /// Whether library entry `at` is shown: a briefing found, or a failed file whose path
    /// holds every plain word of a query of nothing else.
    pub(super) fn shows(&self, library: &Library, at: usize, marks: &Review) -> bool {
        match library.entry(at) {
            Some(LibraryEntry::Listed(listing)) => {
                let path = &listing.path;
                (self.searched.is_none() || self.found.contains_key(path))
                    && self.review.iter().all(|clause| match &clause.filter {
                        Filter::Review(review) => marks.holds(path, review) != clause.negated,
                        _ => true,
                    })
            }
            Some(LibraryEntry::Failed(failure)) => self.path_matches(&failure.path),
            None => false,
        }
    }

    fn path_matches(&self, path: &Path) -> bool {
        let terms = self.parsed.text_terms();
        let only_terms = terms.len() == self.parsed.clauses.len();
        let haystack = folded(&path.display().to_string());
        let found = |w: &String| haystack.contains(w.as_str());
        only_terms && !self.words.is_empty() && self.words.iter().all(found)
    }

    /// The text around the match in the briefing at `path`, when it was found.
    pub(super) fn snippet(&self, path: &Path) -> Option<&Hit> {
        self.found.get(path).filter(|hit| !hit.snippet.is_empty())
    }

    /// What the in-briefing search looks for when a briefing opens from the results: each
    /// of the query's words and phrases (not those it excludes), a phrase's words joined.
    pub fn terms(&self) -> Vec<String> {
        let terms = self.parsed.text_terms();
        terms.iter().map(|words| words.join(" ")).collect()
    }
}

/// `filter "…"` for the status line, the query isolated from our words around it, so that
/// a query in a right-to-left script reads in its order and leaves ours in place.
pub(super) fn filter_row(text: &str, engine: Engine) -> Option<Row> {
    let pieces = [
        Piece::Mark("filter \""),
        Piece::Field(text),
        Piece::Mark("\""),
    ];
    status_row(&pieces, engine)
}
