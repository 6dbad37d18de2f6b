//! What the reader's background work sends it: parts of the library and how far the load
//! has got, what reading one briefing's file gave, and what a library search found.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::briefing::index::{Order, relevance};
use crate::briefing::query::{self, Query};
use crate::briefing::{Listing, LoadFailure, LoadOptions, Loaded, load_file};

/// The library's size as its index counts it, while the rows after its first screen are
/// still coming: the title counts the whole library from the first frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Listed {
    pub briefings: usize,
    pub failures: usize,
}

/// Part of the library, as the background loader sends it, in any order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    /// Files whose entries go before the new ones come in: deleted, or changed (then they
    /// are among the new entries too).
    pub gone: Vec<PathBuf>,
    pub listings: Vec<Listing>,
    pub failures: Vec<LoadFailure>,
}

impl Batch {
    pub fn len(&self) -> usize {
        self.gone.len() + self.listings.len() + self.failures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Takes `other`'s entries too: batches waiting together go in with one merge. What
    /// `other` says is gone goes from this batch as well, since it came later.
    pub fn append(&mut self, mut other: Batch) {
        if !other.gone.is_empty() {
            let gone = |path: &PathBuf| other.gone.contains(path);
            self.listings.retain(|l| !gone(&l.path));
            self.failures.retain(|f| !gone(&f.path));
        }
        self.gone.append(&mut other.gone);
        self.listings.append(&mut other.listings);
        self.failures.append(&mut other.failures);
    }
}

/// How far a background load has got; what has arrived is the library itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Library entries to expect in all, known once the files have been found.
    pub total: Option<usize>,
}

/// A briefing's file as the runtime read it when the app asked (`Effect::Read`).
pub type FileRead = Result<Loaded, LoadFailure>;

/// What a library search asks the runtime (`Effect::Search`): the briefings matching
/// `query` among `paths` (the library's, newest first), sent back as `Action::Found` under
/// `generation`. A request with no query stops the search in progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchAsk {
    pub generation: u64,
    pub query: Option<Query>,
    /// Shared by the asks made while the library stays the same: a search typed key by
    /// key over 100,000 briefings asks with the same list each time.
    pub paths: Arc<[PathBuf]>,
    /// The whole library (an index may answer), or only `paths`: files that arrived while
    /// the search ran.
    pub whole: bool,
    /// Newest first, or by relevance (`Hit::score`).
    pub order: Order,
}

/// A briefing a search found, and the text around the match its row shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub path: PathBuf,
    /// The text around the first match, on one line and free of controls (empty when only
    /// filters matched), and the byte ranges of it to highlight.
    pub snippet: String,
    pub highlights: Vec<Range<usize>>,
    /// How well it matches (`briefing::index::relevance`), for the order by relevance.
    pub score: u32,
}

/// Briefings a search found so far; `done` once it has looked everywhere.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    pub generation: u64,
    pub hits: Vec<Hit>,
    pub done: bool,
}

/// Characters of text around a match kept for a result's row: as wide as a wide terminal.
pub const SNIPPET_CHARS: usize = 240;

/// Whether the briefing in the file `path` matches `query`, read from the file as it is
/// now: the search without an index, one file at a time. A file that does not load
/// matches nothing.
pub fn search_file(path: &Path, query: &Query, options: &LoadOptions) -> Option<Hit> {
    let loaded = load_file(path, options).ok()?;
    search_briefing(&loaded, query)
}

/// Whether `loaded` matches `query`, and the text around the match.
pub fn search_briefing(loaded: &Loaded, query: &Query) -> Option<Hit> {
    let briefing = &loaded.briefing;
    query::matches(briefing, query).then(|| {
        let snippet = query::snippet(briefing, query, SNIPPET_CHARS);
        let (snippet, highlights) = snippet.map(|s| (s.text, s.highlights)).unwrap_or_default();
        Hit {
            path: briefing.path.clone(),
            snippet,
            highlights,
            score: relevance(briefing, query),
        }
    })
}
