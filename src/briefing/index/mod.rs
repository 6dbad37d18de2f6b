//! The persistent index of a library folder, in SQLite: what the library needs to list,
//! filter and search without opening the files. The files stay the only source of truth;
//! the index is a cache that can be deleted at any time.
//!
//! How to use it (the CLI and the reader do this):
//!
//! ```no_run
//! # use std::path::Path;
//! # use brief::briefing::index::{Index, Access};
//! # use brief::briefing::LoadOptions;
//! # fn main() -> Result<(), brief::briefing::index::IndexError> {
//! let library = Path::new("briefings");
//! // Where it lives: --index / $BRIEF_INDEX, else $XDG_CACHE_HOME/brief/, else ~/.cache/brief/.
//! let mut index = match Index::open(library, None, Access::ReadWrite) {
//!     Ok(index) => index,
//!     // One line for the user; then rebuild it or go on without an index.
//!     Err(error) if error.can_rebuild() => Index::rebuild(library, None)?,
//!     Err(error) => return Err(error),
//! };
//! let summary = index.refresh(&LoadOptions::default(), &mut |progress| {
//!     eprintln!("{} of {}", progress.done, progress.total);
//! })?;
//! # let _ = summary;
//! # Ok(())
//! # }
//! ```
//!
//! - Several processes may use one index: readers never block (WAL), a writer waits for
//!   another writer up to a timeout, then reports [`IndexError::Locked`].
//! - Every failure is one [`IndexError`], shown in one line; none panics.
//! - Text is stored as the briefing holds it: callers sanitize it for the terminal.

mod error;
mod location;
mod record;
mod refresh;
mod schema;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use error::IndexError;
pub use location::index_path;
pub use refresh::{Progress, RefreshSummary};
pub use schema::{Access, SCHEMA_VERSION};

use crate::briefing::LoadOptions;

/// An open index of one library folder.
pub struct Index {
    conn: Connection,
    path: PathBuf,
    library: PathBuf,
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
        refresh::refresh(&mut self.conn, &self.library, options, progress)
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
