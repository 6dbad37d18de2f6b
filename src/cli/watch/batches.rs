//! Reading what a look at the folder found, in batches the main thread takes one at a
//! time, and keeping the index up to date with it.

use std::path::PathBuf;
use std::sync::mpsc::Sender;

use brief::briefing::index::{Access, Index};
use brief::briefing::{self, Listing};
use brief::ui::Batch;

use super::scan::Diff;
use super::{Message, Watch, send};
use crate::cli::loader::IndexPlace;

/// Files read into one batch: a burst of arrivals reaches the screen in steps, each one
/// merge into the library.
const BATCH_FILES: usize = 256;

/// What the watcher reads files with and sends them to.
pub(super) struct Reader<'a> {
    watch: &'a Watch,
    tx: &'a Sender<Message>,
    /// The file named on the command line, resolved: the library spells it as it was
    /// typed, which the folder's walk may not (`x.json` against `./x.json`).
    named: Option<(PathBuf, PathBuf)>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(watch: &'a Watch, tx: &'a Sender<Message>) -> Self {
        let named = watch.named.as_ref().and_then(|named| {
            let resolved = std::fs::canonicalize(named).ok()?;
            Some((named.clone(), resolved))
        });
        Self { watch, tx, named }
    }

    /// Reads `diff`'s files and sends them with the files gone, `BATCH_FILES` at a time;
    /// false when the reader has gone. A file read also goes first (it may have arrived
    /// in the load at start, or been listed before it changed).
    pub(super) fn send(&self, diff: Diff) -> bool {
        let Diff { read, gone } = diff;
        let mut gone: Vec<PathBuf> = gone.into_iter().map(|p| self.spelled(p)).collect();
        for chunk in read.chunks(BATCH_FILES) {
            let mut batch = Batch {
                gone: std::mem::take(&mut gone),
                ..Batch::default()
            };
            for file in chunk {
                let file = self.spelled(file.clone());
                match briefing::load_file(&file, &self.watch.load) {
                    Ok(loaded) => batch.listings.push(Listing::of(&loaded)),
                    Err(failure) => batch.failures.push(failure),
                }
                batch.gone.push(file);
            }
            if !send(self.watch, self.tx, Message::Changed(batch)) {
                return false;
            }
        }
        if gone.is_empty() {
            return true;
        }
        let batch = Batch {
            gone,
            ..Batch::default()
        };
        send(self.watch, self.tx, Message::Changed(batch))
    }

    /// `path` as the library spells it.
    fn spelled(&self, path: PathBuf) -> PathBuf {
        let Some((named, resolved)) = &self.named else {
            return path;
        };
        if path.file_name() != named.file_name() || path == *named {
            return path;
        }
        // The file may be gone: its folder is resolved, not it.
        let folder = path.parent().and_then(|p| std::fs::canonicalize(p).ok());
        let same = folder.zip(path.file_name()).map(|(f, n)| f.join(n));
        if same.as_deref() == Some(resolved.as_path()) {
            named.clone()
        } else {
            path
        }
    }

    /// Brings the index up to date with the folder, once the loader has (until then its
    /// own refresh or build may not have seen what changed): a search answered from it
    /// must find new briefings too. A failure is said. Returns whether the refresh is
    /// still owed: the index is being built or checked, and will be usable.
    pub(super) fn refresh_index(&self) -> bool {
        let state = &self.watch.fresh;
        if !state.is_fresh() {
            let failed = state.failed.lock().map_or(true, |failed| failed.is_some());
            return !failed;
        }
        let IndexPlace { folder, explicit } = &self.watch.place;
        let refreshed = Index::open(folder, explicit.as_deref(), Access::ReadWrite)
            .and_then(|mut index| index.refresh(&self.watch.load, &mut |_| {}));
        if let Err(error) = refreshed {
            let text = format!("the index could not take what changed: {error}");
            send(self.watch, self.tx, Message::Notice(text));
        }
        false
    }
}
