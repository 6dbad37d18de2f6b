//! Which briefing a mark belongs to, across renames, moves and edits.
//!
//! A key holds three things: the briefing's `id`, the hash of its file's bytes and its
//! path. A stored briefing is found for a key by the first of these that finds one:
//!
//! 1. the same `id` (when the key's id is not empty): a briefing keeps its marks when its
//!    file is renamed, moved or edited;
//! 2. the same content hash: a file whose id the caller does not know (empty) is still
//!    recognised by its bytes wherever it lies;
//! 3. the same path.
//!
//! Steps 2 and 3 join a key and a stored briefing only when one of the two has no id: a
//! file replaced by another briefing (another id) at the same path starts with no marks.
//!
//! When several stored rows answer one step, the one marked most recently wins. Marking
//! through a key records its hash and path as the briefing's latest, so the next lookup by
//! path finds it at its new place. Two different files that share an id share their marks:
//! ids are meant to be unique, and the rule prefers keeping marks across edits.

use std::path::{Path, PathBuf};

/// What identifies a briefing to the state.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BriefingKey {
    /// The briefing's `id` field; empty when unknown.
    pub id: String,
    /// The content hash of the file's bytes ([`content_hash`]).
    pub hash: u64,
    /// The file's path; callers give it absolute, so that two working folders agree.
    pub path: PathBuf,
}

impl BriefingKey {
    /// The key of a briefing whose id is `id`, read from `path` as `bytes`.
    pub fn new(id: impl Into<String>, bytes: &[u8], path: impl Into<PathBuf>) -> Self {
        Self {
            id: id.into(),
            hash: content_hash(bytes),
            path: path.into(),
        }
    }

    pub(super) fn hash_text(&self) -> String {
        hash_text(self.hash)
    }

    pub(super) fn path_bytes(&self) -> &[u8] {
        path_bytes(&self.path)
    }
}

/// The content hash of a briefing file: XXH3 (64 bits) of its bytes, the hash the index
/// keeps too, so a key can be made from an index row without reading the file.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// A hash as stored: sixteen lower-case hex digits.
pub(super) fn hash_text(hash: u64) -> String {
    format!("{hash:016x}")
}

/// A path as stored: its bytes, so that a path that is not UTF-8 still matches itself.
pub(super) fn path_bytes(path: &Path) -> &[u8] {
    path.as_os_str().as_encoded_bytes()
}
