//! Where the library's index is, and how far the thread bringing it up to date has got:
//! what the search and actor workers share.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

/// The library folder and its index, as the worker threads reach them.
#[derive(Debug, Clone)]
pub struct IndexPlace {
    /// The folder as the library spells its files' paths.
    pub folder: PathBuf,
    /// `--index` / `BRIEF_INDEX`, else the folder's own index.
    pub explicit: Option<PathBuf>,
}

/// Whether the index is up to date with the folder, or why it cannot be used.
#[derive(Debug, Default)]
pub struct IndexState {
    pub fresh: AtomicBool,
    pub failed: Mutex<Option<String>>,
}

/// The index names files by their canonical path; the library by the folder as given.
pub fn respelled(path: &Path, canonical: Option<&Path>, folder: &Path) -> PathBuf {
    match canonical.and_then(|c| path.strip_prefix(c).ok()) {
        Some(inside) => folder.join(inside),
        None => path.to_path_buf(),
    }
}
