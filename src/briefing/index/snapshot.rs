//! A small library's listings kept between starts, so that its first frame lists it
//! without parsing its files: each file's listing (or failure) beside the length and hash
//! of the bytes it came from. A start reads each file and takes its entry only when the
//! bytes are the same length and hash the same: a file changed in any way, whatever its
//! times say, is loaded again. Like the index, this is a cache: one that is missing,
//! unreadable, or written by another build of brief (whose checks may differ) is not used,
//! and a start may write it anew, whole, by renaming a finished file over it.

use std::io::{Error, ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_128;

use super::listed::{decode, direction, encode};
use super::location::{index_path, snapshot_path};
use super::record::direction_name;
use crate::briefing::load::{open_without_blocking, read_limited};
use crate::briefing::{Listing, LoadFailure, LoadOptions, load_bytes};

/// Changed whenever what is stored changes shape: an older file is then not used.
const FORMAT: u32 = 1;
/// A file written by a writer that never renamed it (its process ended first) is removed
/// by the next writer once it is this old: a writer takes a millisecond.
const PARTIAL_LEFT: std::time::Duration = std::time::Duration::from_secs(60);

/// The kept listings of one small library.
#[derive(Debug)]
pub struct Snapshot {
    kept: Vec<Kept>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Stored {
    format: u32,
    build: Build,
    /// The canonical folder: its file's name holds only a hash of it.
    library: String,
    max_size: u64,
    files: Vec<Kept>,
}

/// The brief that wrote the file: its version and its executable's length and time, so
/// that a rebuilt brief, whose checks may give other warnings, loads the files again.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Build {
    version: String,
    exe_len: u64,
    exe_secs: u64,
    exe_nanos: u32,
}

/// What loading one file gave, and the bytes it gave it for.
#[derive(Debug, Serialize, Deserialize)]
struct Kept {
    /// The file's name in the folder: the folder's spelling changes from start to start.
    name: String,
    len: u64,
    /// xxh3-128 of the bytes, in hex: 128 bits, so that bytes made to collide with a kept
    /// file's cannot show its old listing.
    hash: String,
    outcome: Outcome,
}

#[derive(Debug, Serialize, Deserialize)]
enum Outcome {
    Listed {
        id: String,
        headline: String,
        summary: Option<String>,
        date: Option<String>,
        language: Option<String>,
        direction: String,
        classification: Option<String>,
        /// As the index keeps them (`listed::encode`): without the file's path.
        warnings: String,
    },
    Failed {
        diagnostics: String,
    },
}

impl Snapshot {
    /// The listings kept beside the index of the canonical folder `library` (at
    /// `explicit`, else at its usual place), loaded with `options`; none when none are
    /// kept that this build of brief can use.
    pub fn read(library: &Path, explicit: Option<&Path>, options: &LoadOptions) -> Option<Self> {
        let index = index_path(library, explicit)?;
        read_at(&snapshot_path(&index), library, options)
    }

    /// What loading `file` would give, when it is kept for the bytes the file holds now;
    /// `None` when it is to be loaded. A file is read only when it has the kept length, and
    /// none longer than `largest` bytes is (the caller may not wait so long). Each entry is
    /// taken once.
    pub fn take(&mut self, file: &Path, largest: u64) -> Option<Result<Listing, LoadFailure>> {
        let name = file.file_name()?.to_str()?;
        let at = self.kept.iter().position(|kept| kept.name == name)?;
        let kept = self.kept.swap_remove(at);
        if kept.len > largest {
            return None;
        }
        let bytes = bytes_of_length(file, kept.len)?;
        (hash(&bytes) == kept.hash).then(|| kept.outcome.into_result(file))
    }
}

/// The bytes of the regular file `file` when it holds exactly `len` of them.
fn bytes_of_length(file: &Path, len: u64) -> Option<Vec<u8>> {
    let opened = open_without_blocking(file).ok()?;
    let metadata = opened.metadata().ok()?;
    if !metadata.is_file() || metadata.len() != len {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).ok()?);
    opened
        .take(len.saturating_add(1))
        .read_to_end(&mut bytes)
        .ok()?;
    (u64::try_from(bytes.len()).ok()? == len).then_some(bytes)
}

fn hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxh3_128(bytes))
}

fn read_at(path: &Path, library: &Path, options: &LoadOptions) -> Option<Snapshot> {
    let bytes = std::fs::read(path).ok()?;
    let stored: Stored = serde_json::from_slice(&bytes).ok()?;
    let usable = stored.format == FORMAT
        && Some(stored.library.as_str()) == library.to_str()
        && stored.max_size == options.max_size
        && this_build().is_some_and(|build| build == stored.build);
    usable.then_some(Snapshot { kept: stored.files })
}

/// Loads `files`, the small library in the canonical folder `library`, and keeps what
/// each gave for the next start, beside the folder's index (as for [`Snapshot::read`]).
/// A file that cannot be read is left out: it is loaded then, and says why.
pub fn keep(
    (library, explicit): (&Path, Option<&Path>),
    files: &[PathBuf],
    options: &LoadOptions,
) -> std::io::Result<()> {
    let index = index_path(library, explicit).ok_or_else(|| {
        Error::new(
            ErrorKind::NotFound,
            "no cache folder (XDG_CACHE_HOME, HOME)",
        )
    })?;
    keep_at(&snapshot_path(&index), library, files, options)
}

fn keep_at(
    path: &Path,
    library: &Path,
    files: &[PathBuf],
    options: &LoadOptions,
) -> std::io::Result<()> {
    let unusable = |what: &str| Error::new(ErrorKind::InvalidInput, what.to_owned());
    let stored = Stored {
        format: FORMAT,
        build: this_build().ok_or_else(|| unusable("brief's own executable cannot be read"))?,
        library: library
            .to_str()
            .ok_or_else(|| unusable("the folder's name is not UTF-8"))?
            .to_owned(),
        max_size: options.max_size,
        files: files
            .iter()
            .filter_map(|file| kept(file, options))
            .collect(),
    };
    write_whole(path, &serde_json::to_vec(&stored)?)
}

fn kept(file: &Path, options: &LoadOptions) -> Option<Kept> {
    let name = file.file_name()?.to_str()?.to_owned();
    let bytes = read_limited(file, options.max_size).ok()?;
    let outcome = match load_bytes(file, &bytes) {
        Ok(loaded) => Outcome::listed(Listing::from(loaded)),
        Err(failure) => Outcome::Failed {
            diagnostics: encode(&failure.diagnostics),
        },
    };
    Some(Kept {
        name,
        len: u64::try_from(bytes.len()).ok()?,
        hash: hash(&bytes),
        outcome,
    })
}

impl Outcome {
    fn listed(listing: Listing) -> Self {
        Outcome::Listed {
            id: listing.id,
            headline: listing.headline,
            summary: listing.summary,
            date: listing.date,
            language: listing.language,
            direction: direction_name(listing.direction).to_owned(),
            classification: listing.classification,
            warnings: encode(&listing.warnings),
        }
    }

    fn into_result(self, file: &Path) -> Result<Listing, LoadFailure> {
        match self {
            Outcome::Listed {
                id,
                headline,
                summary,
                date,
                language,
                direction: name,
                classification,
                warnings,
            } => Ok(Listing {
                path: file.to_path_buf(),
                id,
                headline,
                summary,
                date,
                language,
                direction: direction(Some(&name)),
                classification,
                warnings: decode(&warnings, file),
            }),
            Outcome::Failed { diagnostics } => Err(LoadFailure {
                path: file.to_path_buf(),
                diagnostics: decode(&diagnostics, file),
            }),
        }
    }
}

fn this_build() -> Option<Build> {
    let exe = std::env::current_exe().ok()?.metadata().ok()?;
    let modified = exe.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(Build {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        exe_len: exe.len(),
        exe_secs: modified.as_secs(),
        exe_nanos: modified.subsec_nanos(),
    })
}

/// Writes `bytes` to a file of its own beside `path`, then renames it over `path`: a
/// reader finds the old file or the new one, whole, however many brief write at once.
fn write_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    remove_left_partials(path);
    let mut partial = path.as_os_str().to_owned();
    // The time too: two processes of one pid (two containers sharing a cache) must not
    // write one file.
    let nanos = std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.subsec_nanos());
    partial.push(format!(".{}-{nanos}.partial", std::process::id()));
    let partial = PathBuf::from(partial);
    let written = std::fs::File::create_new(&partial)
        .and_then(|mut file| file.write_all(bytes))
        .and_then(|()| std::fs::rename(&partial, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

/// Removes what writers of `path` whose process ended before their rename left beside it.
fn remove_left_partials(path: &Path) {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!("{}.", name.to_string_lossy());
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let entry_name = entry.file_name().to_string_lossy().into_owned();
        let left = entry_name.starts_with(&prefix) && entry_name.ends_with(".partial");
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|at| at.elapsed().is_ok_and(|age| age > PARTIAL_LEFT));
        if left && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
#[path = "tests_snapshot.rs"]
mod tests;
