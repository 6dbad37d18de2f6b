//! Where the library's index is, and how far the thread bringing it up to date has got:
//! what the search and actor workers share.

use std::path::{Path, PathBuf};

pub use crate::cli::loader::{IndexPlace, IndexState};

/// The index names files by their canonical path; the library by the folder as given.
pub fn respelled(path: &Path, canonical: Option<&Path>, folder: &Path) -> PathBuf {
    match canonical.and_then(|c| path.strip_prefix(c).ok()) {
        Some(inside) => folder.join(inside),
        None => path.to_path_buf(),
    }
}
