//! What the library folder holds, file by file, and what differs between two looks at it:
//! the watcher's only way to know what changed, whatever woke it (a change event, the poll
//! timer), so a missed or merged event costs nothing but a later look.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use brief::briefing::discover;

/// A file's size and modification time: what changes when it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
}

/// The briefing files under a folder (as `discover` finds them) and their stamps.
#[derive(Debug, Default)]
pub struct Snapshot {
    files: HashMap<PathBuf, Option<Stamp>>,
}

/// What a new look found: files to read (new or changed) and files gone.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Diff {
    pub read: Vec<PathBuf>,
    pub gone: Vec<PathBuf>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.read.is_empty() && self.gone.is_empty()
    }
}

impl Snapshot {
    /// Walks `folder`: one `stat` per file, no file read. Folders that cannot be read are
    /// left out (the load at start listed them).
    pub fn take(folder: &Path) -> Self {
        let (files, _) = discover(folder);
        let files = files
            .into_iter()
            .map(|file| {
                let stamp = std::fs::metadata(&file).ok().map(|m| Stamp {
                    len: m.len(),
                    modified: m.modified().ok(),
                });
                (file, stamp)
            })
            .collect();
        Self { files }
    }

    /// What differs in `self` from `older`; `touched` files (named by change events) are
    /// read again even when their stamp looks the same: a rewrite of the same size within
    /// the clock's resolution keeps it. Both lists in path order.
    pub fn since(&self, older: &Snapshot, touched: impl IntoIterator<Item = PathBuf>) -> Diff {
        let mut read: Vec<PathBuf> = self
            .files
            .iter()
            .filter(|(path, stamp)| older.files.get(*path) != Some(stamp))
            .map(|(path, _)| path.clone())
            .collect();
        let unchanged_but_touched: Vec<PathBuf> = touched
            .into_iter()
            .filter(|path| self.files.contains_key(path) && older.files.contains_key(path))
            .filter(|path| older.files.get(path) == self.files.get(path))
            .collect();
        read.extend(unchanged_but_touched);
        read.sort();
        read.dedup();
        let mut gone: Vec<PathBuf> = older
            .files
            .keys()
            .filter(|path| !self.files.contains_key(*path))
            .cloned()
            .collect();
        gone.sort();
        Diff { read, gone }
    }

    /// Files modified at or after `since`: written while the load at start may have been
    /// reading them.
    pub fn modified_since(&self, since: SystemTime) -> Vec<PathBuf> {
        let mut recent: Vec<PathBuf> = self
            .files
            .iter()
            .filter(|(_, stamp)| stamp.and_then(|s| s.modified).is_some_and(|m| m >= since))
            .map(|(path, _)| path.clone())
            .collect();
        recent.sort();
        recent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    #[test]
    fn a_new_look_finds_what_was_added_changed_and_deleted() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        let at = |name: &str| dir.path().join(name);
        write(&at("kept.json"), "{}");
        write(&at("changed.json"), "{}");
        write(&at("deleted.json"), "{}");
        write(&at("notes.txt"), "not a briefing");
        let before = Snapshot::take(dir.path());
        assert_eq!(before.files.len(), 3, "notes.txt is not a briefing");
        write(&at("changed.json"), "{\"headline\": \"longer now\"}");
        std::fs::remove_file(at("deleted.json")).unwrap_or_else(|e| panic!("{e}"));
        write(&at("added.json"), "{}");
        write(&at("notes.txt"), "still not a briefing, and changed");
        let after = Snapshot::take(dir.path());
        let diff = after.since(&before, [at("kept.json"), at("notes.txt")]);
        assert_eq!(
            diff.read,
            [at("added.json"), at("changed.json"), at("kept.json")],
            "kept.json was named by an event"
        );
        assert_eq!(diff.gone, [at("deleted.json")]);
        assert!(after.since(&after, []).is_empty());
    }
}
