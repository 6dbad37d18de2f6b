//! The persistent index of a library folder, in SQLite: what the library needs to list,
//! filter and search without opening the files. The files stay the only source of truth;
//! the index is a cache that can be deleted at any time (docs/ARCHITECTURE.md, "The index").
//!
//! How to use it (`brief index` and `brief search` do this; the reader will too):
//!
//! ```no_run
//! # use std::path::Path;
//! # use brief::briefing::index::{Access, Cancel, Index, Order, Page};
//! # use brief::briefing::LoadOptions;
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let library = Path::new("briefings");
//! let options = LoadOptions::default();
//! // Where it lives: the explicit path (--index / $BRIEF_INDEX), else
//! // $XDG_CACHE_HOME/brief/, else ~/.cache/brief/.
//! let mut index = match Index::open(library, None, Access::ReadWrite) {
//!     Ok(index) => index,
//!     // One line for the user; then rebuild it, or go on without an index.
//!     Err(error) if error.can_rebuild() => Index::rebuild(library, None)?,
//!     Err(error) => return Err(error.into()),
//! };
//! // Walks the folder; only new and changed files are read. Safe to run in a thread of
//! // its own with its own `Index` while another one searches.
//! let summary = index.refresh(&options, &mut |progress| {
//!     eprintln!("{} of {}", progress.done, progress.total);
//! })?;
//! let query = brief::briefing::query::parse("actor:تورك date:2025-01-01..")?;
//! let page = Page { order: Order::Newest, offset: 0, limit: 50, snippet_chars: 160 };
//! // Keep a clone of `cancel`: `cancel.cancel()` from another thread (the next key typed)
//! // makes this return `IndexError::Cancelled`.
//! let cancel = Cancel::default();
//! for hit in index.search(&query, &page, &options, &cancel)? {
//!     println!("{:?} {} {}", hit.date, hit.headline, hit.snippet);
//! }
//! for actor in index.actors()? {
//!     let timeline = index.timeline(&actor)?; // its briefings, oldest first, with quotes
//! #   let _ = timeline;
//! }
//! # let _ = summary;
//! # Ok(())
//! # }
//! ```
//!
//! - An `Index` holds one SQLite connection: it is `Send`, not `Sync`. Use one per thread
//!   (several on one file are fine: readers never block in WAL mode, a writer waits for
//!   another writer up to a timeout, then reports [`IndexError::Locked`]).
//! - Every failure is one [`IndexError`], shown in one line; none panics.
//! - Search results are read from the files when found (fields as the file reads now, the
//!   match checked exactly); [`Index::count`] checks every candidate, so it is slower than
//!   a page of results.
//! - Text is returned as the briefing holds it (snippets excepted, already one line and
//!   free of controls): callers sanitize it for the terminal.

mod actors;
mod error;
mod listed;
mod location;
mod plan;
mod record;
mod refresh;
mod schema;
mod score;
mod search;
mod searching;
mod snapshot;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_listed;
mod widen;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use actors::{MergedActor, TimelineEntry};
pub use error::IndexError;
pub use listed::Head;
pub use location::index_path;
pub use plan::Order;
pub use refresh::{Changed, Progress, RefreshSummary};
pub use schema::{Access, SCHEMA_VERSION};
pub use score::relevance;
pub use search::{Cancel, Hit, Page};
pub use searching::RELEVANCE_POOL;
pub use snapshot::{Snapshot, keep as keep_snapshot};

use crate::briefing::{Library, LoadOptions};

/// An open index of one library folder.
pub struct Index {
    conn: Connection,
    path: PathBuf,
    library: PathBuf,
    /// The library's actors merged, for widening `actor:` and `speaker:`.
    groups: RefCell<widen::Groups>,
}

impl Index {
    /// Opens the index of the folder `library` at `explicit`, else at its usual place
    /// ([`index_path`]); with [`Access::ReadWrite`] it is created when missing.
    pub fn open(
        library: &Path,
        explicit: Option<&Path>,
        access: Access,
    ) -> Result<Index, IndexError> {
        let library = canonical_folder(library)?;
        let path = index_path(&library, explicit).ok_or_else(|| IndexError::Io {
            path: PathBuf::from("~/.cache/brief"),
            detail: "no cache folder: neither XDG_CACHE_HOME nor HOME is set".into(),
        })?;
        Self::open_at(&path, &library, access)
    }

    /// Opens the index file `path` for the canonical folder `library`.
    pub fn open_at(path: &Path, library: &Path, access: Access) -> Result<Index, IndexError> {
        let conn = schema::open(path, library, access)?;
        Ok(Index {
            conn,
            path: path.to_path_buf(),
            library: library.to_path_buf(),
            groups: RefCell::default(),
        })
    }

    /// Deletes the index file (and its WAL and shared-memory files) and makes an empty one.
    pub fn rebuild(library: &Path, explicit: Option<&Path>) -> Result<Index, IndexError> {
        let library = canonical_folder(library)?;
        let path = index_path(&library, explicit).ok_or_else(|| IndexError::Io {
            path: PathBuf::from("~/.cache/brief"),
            detail: "no cache folder: neither XDG_CACHE_HOME nor HOME is set".into(),
        })?;
        delete_files(&path)?;
        Self::open_at(&path, &library, Access::ReadWrite)
    }

    /// How long a write waits for another process's write before [`IndexError::Locked`].
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<(), IndexError> {
        self.conn
            .busy_timeout(wait)
            .map_err(|error| IndexError::from_sqlite(&self.path, &error))
    }

    /// The index file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The library folder, canonical.
    pub fn library(&self) -> &Path {
        &self.library
    }

    /// Brings the index up to date with the folder; `progress` is called as files are
    /// stored. Committed in batches: an interrupted refresh leaves a usable index.
    pub fn refresh(
        &mut self,
        options: &LoadOptions,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<RefreshSummary, IndexError> {
        self.groups.get_mut().forget();
        let report = refresh::Report {
            progress,
            changed: None,
            stale: None,
        };
        refresh::refresh(&mut self.conn, &self.library, options, report)
            .map_err(|error| IndexError::from_sqlite(&self.path, &error))
    }

    /// [`Index::refresh`], also calling `changed` with what each committed batch changed of
    /// the library's entries (paths under [`Index::library`]): a reader listing the
    /// library from [`Index::listings`] applies these to stay equal to the folder; and
    /// `stale`, once the folder has been walked, with the files (under
    /// [`Index::library`]) that are new or changed since they were indexed. Until the
    /// refresh ends, searching the index as it stands and reading those files themselves
    /// finds what a search of the files finds (the files that were deleted are dropped
    /// when a result is read).
    pub fn refresh_reporting(
        &mut self,
        options: &LoadOptions,
        progress: &mut dyn FnMut(Progress),
        changed: &mut dyn FnMut(Changed),
        stale: &mut dyn FnMut(Vec<PathBuf>),
    ) -> Result<RefreshSummary, IndexError> {
        self.groups.get_mut().forget();
        let report = refresh::Report {
            progress,
            changed: Some(changed),
            stale: Some(stale),
        };
        refresh::refresh(&mut self.conn, &self.library, options, report)
            .map_err(|error| IndexError::from_sqlite(&self.path, &error))
    }

    /// Every file in the index as the library lists it, without opening one: briefings in
    /// reading order, failures by path, equal to what loading the files gave when they
    /// were indexed (the files the walk itself could not read are not in the index).
    /// Paths are under [`Index::library`].
    pub fn listings(&self) -> Result<Library, IndexError> {
        self.listings_under(&self.library)
    }

    /// [`Index::listings`] with each path under `folder`, the library folder as the caller
    /// spells it (not necessarily canonical).
    pub fn listings_under(&self, folder: &Path) -> Result<Library, IndexError> {
        listed::listings(&self.conn, folder)
            .map_err(|error| IndexError::from_sqlite(&self.path, &error))
    }

    /// The first `rows` briefings of [`Index::listings_under`] (more when they share the
    /// last one's instant) and the counts of the whole index, read without reading every
    /// row: a library listed from its index shows its first screen at once.
    pub fn first_listings_under(&self, folder: &Path, rows: usize) -> Result<Head, IndexError> {
        listed::first(&self.conn, folder, rows)
            .map_err(|error| IndexError::from_sqlite(&self.path, &error))
    }

    /// What [`Index::first_listings_under`] left out: the later briefings in reading order
    /// and every failure. Empty when `head` is whole.
    pub fn listings_after(&self, folder: &Path, head: &Head) -> Result<Library, IndexError> {
        listed::after(&self.conn, folder, head)
            .map_err(|error| IndexError::from_sqlite(&self.path, &error))
    }

    /// Every actor of the library, merged across briefings by id and by name or alias, most
    /// mentioned first.
    pub fn actors(&self) -> Result<Vec<MergedActor>, IndexError> {
        actors::actors(&self.conn).map_err(|error| IndexError::from_sqlite(&self.path, &error))
    }

    /// The briefings that list `actor`, oldest first, with its quotations in each.
    pub fn timeline(&self, actor: &MergedActor) -> Result<Vec<TimelineEntry>, IndexError> {
        actors::timeline(&self.conn, &self.library, actor)
            .map_err(|error| IndexError::from_sqlite(&self.path, &error))
    }

    /// Briefings and failed files in the index.
    pub fn len(&self) -> Result<usize, IndexError> {
        self.conn
            .query_row("SELECT count(*) FROM files", [], |row| row.get::<_, i64>(0))
            .map(|n| usize::try_from(n).unwrap_or(0))
            .map_err(|error| IndexError::from_sqlite(&self.path, &error))
    }

    pub fn is_empty(&self) -> Result<bool, IndexError> {
        self.len().map(|n| n == 0)
    }
}

/// A path stored as bytes (paths need not be UTF-8).
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

fn canonical_folder(library: &Path) -> Result<PathBuf, IndexError> {
    let io = |detail: String| IndexError::Io {
        path: library.to_path_buf(),
        detail,
    };
    let canonical = std::fs::canonicalize(library)
        .map_err(|error| io(format!("cannot open the library folder: {error}")))?;
    if !canonical.is_dir() {
        return Err(io("the library must be a folder".into()));
    }
    Ok(canonical)
}

fn delete_files(path: &Path) -> Result<(), IndexError> {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        match std::fs::remove_file(PathBuf::from(name)) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                return Err(IndexError::Io {
                    path: path.to_path_buf(),
                    detail: format!("cannot delete it: {error}"),
                });
            }
            _ => {}
        }
    }
    Ok(())
}
