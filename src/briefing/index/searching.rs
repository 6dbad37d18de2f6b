//! Searching an index: a query widened by the library's actors, its candidates from SQL,
//! each read from its file and checked, a page at a time in the order asked for.

use std::path::{Path, PathBuf};

use super::plan::Order;
use super::search::{self, Cancel, Hit, Page};
use super::{Index, IndexError, widen};
use crate::briefing::LoadOptions;
use crate::briefing::query::{ActorGroups, MarksOf, NoMarks, Query};

impl Index {
    /// The briefings matching `query`, the page asked for, in its order. Each candidate is
    /// read from its file and checked exactly, so the answer is what a scan of the files
    /// gives for every file the index is up to date with.
    ///
    /// By relevance, the matches among the candidates in bm25 order are gathered until
    /// [`RELEVANCE_POOL`] (or the end of the page asked for, if further) and sorted by
    /// [`Hit::score`], ties newest first: the first page comes without reading every
    /// candidate, at the price that a match found only beyond the pool is not ranked
    /// against the pool (bm25 has already put the likeliest first).
    pub fn search(
        &self,
        query: &Query,
        page: &Page,
        options: &LoadOptions,
        cancel: &Cancel,
    ) -> Result<Vec<Hit>, IndexError> {
        self.search_marked(query, page, options, cancel, &NoMarks)
    }

    /// [`Index::search`], with `is:`, `has:` and `reviewed-by:` answered by `marks` for
    /// each briefing read (without, every briefing is new and nothing else). The marks
    /// select no candidates: a query of review filters alone reads every briefing.
    pub fn search_marked(
        &self,
        query: &Query,
        page: &Page,
        options: &LoadOptions,
        cancel: &Cancel,
        marks: &dyn MarksOf,
    ) -> Result<Vec<Hit>, IndexError> {
        let mut hits = Vec::new();
        if page.limit == 0 {
            return Ok(hits);
        }
        let query = &self.widened(query)?;
        if page.order == Order::Relevance {
            let pool = RELEVANCE_POOL.max(page.offset.saturating_add(page.limit));
            self.searcher(options, cancel, marks)
                .each_match(query, page, &mut |hit| {
                    hits.push(hit);
                    hits.len() < pool
                })
                .map_err(|error| IndexError::from_sqlite(&self.path, &error))?;
            hits.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| newest(a, b)));
            return Ok(hits
                .into_iter()
                .skip(page.offset)
                .take(page.limit)
                .collect());
        }
        let mut skipped = 0;
        self.searcher(options, cancel, marks)
            .each_match(query, page, &mut |hit| {
                if skipped < page.offset {
                    skipped += 1;
                } else {
                    hits.push(hit);
                }
                hits.len() < page.limit
            })
            .map_err(|error| IndexError::from_sqlite(&self.path, &error))?;
        Ok(hits)
    }

    /// How many briefings match `query`: every candidate read and checked, so it takes
    /// longer than a page of results; `cancel` stops it.
    pub fn count(
        &self,
        query: &Query,
        options: &LoadOptions,
        cancel: &Cancel,
    ) -> Result<usize, IndexError> {
        let query = &self.widened(query)?;
        let mut count = 0;
        let page = Page {
            snippet_chars: 0,
            ..Page::default()
        };
        self.searcher(options, cancel, &NoMarks)
            .each_match(query, &page, &mut |_| {
                count += 1;
                true
            })
            .map_err(|error| IndexError::from_sqlite(&self.path, &error))?;
        Ok(count)
    }

    /// `query` with its `actor:` and `speaker:` values widened to every name of the merged
    /// actors they match ([`ActorGroups::widen`]): what [`Index::search`] looks for. A query
    /// widened already is taken as it is.
    pub fn widened(&self, query: &Query) -> Result<Query, IndexError> {
        self.groups
            .borrow_mut()
            .widen(&self.conn, query)
            .map_err(|error| IndexError::from_sqlite(&self.path, &error))
    }

    /// The library's actors merged as the index has them, less those of the files in
    /// `stale` (absolute, under [`Index::library`]): for a searcher that reads those files
    /// itself while the index is brought up to date. It adds their actors, widens the query
    /// ([`ActorGroups::widen`]) and gives [`Index::search`] the widened query, which takes
    /// it as it is.
    pub fn actor_groups_without(
        &self,
        stale: &std::collections::HashSet<PathBuf>,
    ) -> Result<ActorGroups, IndexError> {
        let skip = |rel: &Path| stale.contains(&self.library.join(rel));
        widen::read(&self.conn, Some(&skip))
            .map_err(|error| IndexError::from_sqlite(&self.path, &error))
    }

    fn searcher<'a>(
        &'a self,
        options: &'a LoadOptions,
        cancel: &'a Cancel,
        marks: &'a dyn MarksOf,
    ) -> search::Search<'a> {
        search::Search {
            conn: &self.conn,
            library: &self.library,
            options,
            cancel,
            marks,
        }
    }
}

/// Matches gathered and ranked for a page by relevance (see [`Index::search`]).
pub const RELEVANCE_POOL: usize = 500;

/// Newest first by the date as written (undated last), then by path.
fn newest(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => y.cmp(x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
    .then_with(|| a.path.cmp(&b.path))
}
