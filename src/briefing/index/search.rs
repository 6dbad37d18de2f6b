//! Running a query: candidates from the index in the order asked for, each read from its
//! file and checked exactly by the reference scan, so results are what a scan of the files
//! finds, and a file changed since it was indexed is never answered from its old row.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use rusqlite::Connection;

use super::path_from_bytes;
use super::plan::{Order, Plan, answered_by_sql, plan, trigram_query};
use crate::briefing::query::{MarksOf, Query, Searchable, snippet};
use crate::briefing::{LoadOptions, load_file};

/// One briefing found, with its fields as the file reads now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The briefing file, absolute.
    pub path: PathBuf,
    pub id: String,
    pub headline: String,
    pub date: Option<String>,
    pub language: Option<String>,
    /// The text around the first match, on one line and free of controls (empty when
    /// only filters matched), and the byte ranges of it to highlight.
    pub snippet: String,
    pub highlights: Vec<Range<usize>>,
    /// How well it matches (`score.rs`): what [`Order::Relevance`] sorts by; 0 in other
    /// orders, where it is not worked out.
    pub score: u32,
}

/// Which results to return, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub order: Order,
    pub offset: usize,
    pub limit: usize,
    /// The longest snippet, in characters.
    pub snippet_chars: usize,
}

impl Default for Page {
    fn default() -> Self {
        Page {
            order: Order::Newest,
            offset: 0,
            limit: 50,
            snippet_chars: 160,
        }
    }
}

/// Set from another thread to stop a search (the next key typed cancels the search for the
/// previous one); the search then returns [`super::IndexError::Cancelled`]. Clones share
/// one flag.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    pub fn cancel(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Above this many rows selected by trigrams, newest-first results walk the files in date
/// order instead of sorting the selection: for rows this many, the first screen comes
/// sooner from the walk.
const BROAD_ROWS: usize = 200;

/// Candidates read and checked at a time, split among the cores.
const CHECK_BATCH: usize = 16;

/// Database instructions between two looks at the cancel flag.
const CANCEL_POLL: i32 = 2_000;

/// One search over one index.
pub(crate) struct Search<'a> {
    pub conn: &'a Connection,
    pub library: &'a Path,
    pub options: &'a LoadOptions,
    pub cancel: &'a Cancel,
    pub marks: &'a dyn MarksOf,
}

impl Search<'_> {
    /// Calls `found` with each matching briefing, in order, until it returns false.
    pub fn each_match(
        &self,
        query: &Query,
        page: &Page,
        found: &mut dyn FnMut(Hit) -> bool,
    ) -> rusqlite::Result<()> {
        let flag = self.cancel.clone();
        self.conn
            .progress_handler(CANCEL_POLL, Some(move || flag.is_cancelled()))?;
        let result = self.walk(query, page, found);
        self.conn.progress_handler(0, None::<fn() -> bool>)?;
        result
    }

    fn walk(
        &self,
        query: &Query,
        page: &Page,
        found: &mut dyn FnMut(Hit) -> bool,
    ) -> rusqlite::Result<()> {
        let broad = match trigram_query(query) {
            Some(fts) if page.order == Order::Newest => self.trigram_rows(&fts)? > BROAD_ROWS,
            _ => false,
        };
        let Plan { sql, params } = plan(query, page.order, broad);
        let mut statement = self.conn.prepare_cached(&sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(params))?;
        let exact = answered_by_sql(query);
        let mut batch = Vec::with_capacity(CHECK_BATCH);
        loop {
            let row = rows.next()?;
            if let Some(row) = row {
                let path = self
                    .library
                    .join(path_from_bytes(&row.get::<_, Vec<u8>>(1)?));
                let stamp = (row.get::<_, i64>(2)?, row.get::<_, i64>(3)?);
                batch.push(Candidate {
                    path,
                    indexed_as: exact.then_some(stamp),
                });
                if batch.len() < CHECK_BATCH {
                    continue;
                }
            }
            if self.cancel.is_cancelled() {
                return Err(interrupted());
            }
            let checked = check_all(&batch, (query, self.marks), page, self.options);
            batch.clear();
            for hit in checked.into_iter().flatten() {
                if !found(hit) {
                    return Ok(());
                }
            }
            if row.is_none() {
                return Ok(());
            }
        }
    }

    /// How many rows hold every trigram of the query, counted up to just past
    /// `BROAD_ROWS`: the lists are merged lazily, so a common word stops early.
    fn trigram_rows(&self, fts: &str) -> rusqlite::Result<usize> {
        let limit = i64::try_from(BROAD_ROWS + 1).unwrap_or(i64::MAX);
        self.conn
            .prepare_cached(
                "SELECT count(*) FROM (SELECT rowid FROM texts WHERE texts MATCH ?1 LIMIT ?2)",
            )?
            .query_row(rusqlite::params![fts, limit], |row| row.get::<_, i64>(0))
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
    }
}

/// A file the candidate query selected.
struct Candidate {
    path: PathBuf,
    /// The size and modification time of its row, when the query's SQL answers it exactly:
    /// a file that still has them needs no check of its own.
    indexed_as: Option<(i64, i64)>,
}

impl Candidate {
    fn unchanged(&self) -> bool {
        let Some((size, mtime_ns)) = self.indexed_as else {
            return false;
        };
        std::fs::metadata(&self.path).is_ok_and(|metadata| {
            i64::try_from(metadata.len()).is_ok_and(|len| len == size)
                && super::refresh::mtime_ns(&metadata) == mtime_ns
        })
    }
}

/// Candidates read and checked together, on every core, in their order.
fn check_all(
    paths: &[Candidate],
    query: (&Query, &dyn MarksOf),
    page: &Page,
    options: &LoadOptions,
) -> Vec<Option<Hit>> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    if workers < 2 || paths.len() < 2 {
        return paths
            .iter()
            .map(|path| check(path, query, page, options))
            .collect();
    }
    let per_worker = paths.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let parts: Vec<_> = paths
            .chunks(per_worker)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|path| check(path, query, page, options))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            // A panic while checking is a bug: it goes on up, never a result quietly lost.
            .flat_map(|part| {
                part.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// The file read now and matched by the reference scan (unless the row it was selected by
/// answers the query exactly and the file is unchanged since): `None` when it no longer
/// loads or does not match.
fn check(
    candidate: &Candidate,
    (query, marks): (&Query, &dyn MarksOf),
    page: &Page,
    options: &LoadOptions,
) -> Option<Hit> {
    let path = &candidate.path;
    let briefing = load_file(path, options).ok()?.briefing;
    if !candidate.unchanged() {
        let searchable = Searchable::new(&briefing);
        let matched = if query.asks_marks() {
            searchable.matches_with(query, &*marks.marks_of(&briefing))
        } else {
            searchable.matches(query)
        };
        if !matched {
            return None;
        }
    }
    let (snippet, highlights) = (page.snippet_chars > 0)
        .then(|| snippet(&briefing, query, page.snippet_chars))
        .flatten()
        .map(|found| (found.text, found.highlights))
        .unwrap_or_default();
    let score = match page.order {
        Order::Relevance => super::score::relevance(&briefing, query),
        Order::Newest => 0,
    };
    Some(Hit {
        score,
        path: path.to_path_buf(),
        id: briefing.id,
        headline: briefing.headline,
        date: briefing.date,
        language: briefing.language,
        snippet,
        highlights,
    })
}

fn interrupted() -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_INTERRUPT),
        None,
    )
}
