//! The library from its index: listed at once from the index's rows, then, on the same
//! thread, the index brought up to date with the folder, what changed going into the
//! library as batches (with the files that went) and how far it has got going into the
//! title. The search worker uses the index once it is up to date (`Fresh`), and while it
//! is brought up to date, with the files it is not yet up to date with (`IndexState::stale`)
//! read themselves. An index that cannot be used is said in one line, and the loader reads
//! the files instead.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex};

use brief::briefing::index::{Access, Changed, Head, Index, IndexError, index_path, keep_snapshot};
use brief::briefing::{Diagnostic, Library, Listing, LoadFailure, LoadOptions};
use brief::ui::{Batch, Listed};

use super::{Message, same_file};

/// The library folder and its index, as the loader and the search worker reach them.
#[derive(Debug, Clone)]
pub struct IndexPlace {
    /// The folder as the library spells its files' paths.
    pub folder: PathBuf,
    /// `--index` / `BRIEF_INDEX`, else the folder's own index.
    pub explicit: Option<PathBuf>,
}

/// Whether the index is up to date with the folder (searches and the actor screen may
/// then ask it), or why it cannot be used; and while a refresh of an index the library was
/// listed from runs, the files it is not up to date with.
#[derive(Debug, Default)]
pub struct IndexState {
    pub fresh: AtomicBool,
    pub failed: Mutex<Option<String>>,
    /// Set once the refresh has walked the folder: the new and changed files, under the
    /// canonical folder. The index as it stands is right for every other file.
    stale: Mutex<Option<Arc<HashSet<PathBuf>>>>,
}

impl IndexState {
    pub fn is_fresh(&self) -> bool {
        self.fresh.load(Ordering::Acquire)
    }

    /// While the index is brought up to date (not fresh, not failed): the files it is not
    /// up to date with, once known. A search may then ask the index and read these.
    pub fn stale(&self) -> Option<Arc<HashSet<PathBuf>>> {
        if self.is_fresh() || self.failed.lock().map_or(true, |failed| failed.is_some()) {
            return None;
        }
        self.stale.lock().ok().and_then(|stale| stale.clone())
    }

    pub(crate) fn set_stale(&self, paths: Vec<PathBuf>) {
        if let Ok(mut stale) = self.stale.lock() {
            *stale = Some(Arc::new(paths.into_iter().collect()));
        }
    }

    pub(super) fn set_fresh(&self) {
        self.fresh.store(true, Ordering::Release);
    }

    /// Records why the index cannot be used, for the screens that need it.
    pub(crate) fn fail(&self, why: String) {
        if let Ok(mut failed) = self.failed.lock() {
            *failed = Some(why);
        }
    }
}

/// Shared by the loader, which brings the index up to date, and the workers that read it.
pub type Fresh = Arc<IndexState>;

/// Briefings listed from the index before the rest: enough for the first screen of the
/// largest terminal, and a page or two down.
const FIRST_ROWS: usize = 500;

/// A folder of at most this many entries, none of them a folder or a link, is read
/// rather than listed from its index: opening the index and bringing it up to date cost
/// more than reading so few files (one worker's chunk), and a folder's first frame waits
/// for its library.
const SMALL_LIBRARY: usize = super::CHUNK;

/// Whether `folder` is a small library, by its entries alone (no file is opened).
pub(super) fn is_small(folder: &Path) -> bool {
    small_files(folder).is_some()
}

/// A small library's briefing files, as `briefing::discover` finds them; `None` for a
/// library that is not small.
pub(super) fn small_files(folder: &Path) -> Option<Vec<PathBuf>> {
    brief::briefing::small_folder(folder, SMALL_LIBRARY)
}

/// What opening the index at start gave.
pub(super) enum Opened {
    /// The first rows to list the library from; the rest are read after they are shown.
    Listed(Box<(Index, Head)>),
    /// No index yet, or an empty (or rebuilt) one: the files are read, and the index
    /// built meanwhile.
    Build,
    /// No index: the files are read.
    Unusable,
}

/// Opens the index for writing; one that cannot be used as it is (corrupt, from a newer
/// brief, of another folder) is rebuilt. With it, the line for the status line, if any:
/// what was wrong with the index.
pub(super) fn open(place: &IndexPlace) -> (Opened, Option<String>) {
    let explicit = place.explicit.as_deref();
    // Creating an index costs more than loading a small library: the first start reads
    // the files at once and leaves the making of it to the thread that builds it.
    let canonical = std::fs::canonicalize(&place.folder).ok();
    let path = canonical.and_then(|folder| index_path(&folder, explicit));
    if path.is_none_or(|path| !path.exists()) {
        return (Opened::Build, None);
    }
    let (opened, notice) = match Index::open(&place.folder, explicit, Access::ReadWrite) {
        Err(error) if error.can_rebuild() => (
            Index::rebuild(&place.folder, explicit),
            Some(format!("{error}; rebuilding it")),
        ),
        other => (other, None),
    };
    let index = match opened {
        Ok(index) => index,
        Err(error) => return unusable(&error),
    };
    match index.is_empty() {
        Ok(true) => (Opened::Build, notice),
        Ok(false) => match index.first_listings_under(&place.folder, FIRST_ROWS) {
            Ok(head) => (Opened::Listed(Box::new((index, head))), notice),
            Err(error) => unusable(&error),
        },
        Err(error) => unusable(&error),
    }
}

/// Keeps the small library `folder`'s listings for the next start. A cache that cannot
/// be written costs only that start's time: nothing to tell the reader.
fn keep_listings(place: &IndexPlace, load: &LoadOptions) {
    let Ok(canonical) = std::fs::canonicalize(&place.folder) else {
        return;
    };
    if let Some(files) = small_files(&canonical) {
        let _ = keep_snapshot((&canonical, place.explicit.as_deref()), &files, load);
    }
}

fn unusable(error: &IndexError) -> (Opened, Option<String>) {
    (
        Opened::Unusable,
        Some(format!("{error}; reading the files")),
    )
}

/// What an index built by the loader reports to, and waits for.
pub(super) struct IndexBuild {
    /// Set once the index is up to date.
    pub fresh: Fresh,
    /// Disconnected once the first frame is drawn: SQLite's work waits for it (`None`:
    /// it does not), so that a small folder's first frame has the cores to itself.
    pub after: Option<Receiver<()>>,
    /// The folder is small and its listings are to be kept for the next start, first.
    pub keep: bool,
}

/// Builds the index on a thread of its own while the loader reads the files, once the
/// first frame is drawn if it is to wait. An index that cannot be made leaves `fresh`
/// unset: searches then look through the files.
pub(super) fn build(place: IndexPlace, load: LoadOptions, build: IndexBuild) {
    let IndexBuild { fresh, after, keep } = build;
    let state = Arc::clone(&fresh);
    let started = std::thread::Builder::new()
        .name("index".into())
        .spawn(move || {
            if let Some(after) = after {
                let _ = after.recv();
            }
            if keep {
                keep_listings(&place, &load);
            }
            let explicit = place.explicit.as_deref();
            let opened = match Index::open(&place.folder, explicit, Access::ReadWrite) {
                Err(error) if error.can_rebuild() => Index::rebuild(&place.folder, explicit),
                other => other,
            };
            match opened.and_then(|mut index| index.refresh(&load, &mut |_| {})) {
                Ok(_) => state.set_fresh(),
                Err(error) => state.fail(error.to_string()),
            }
        });
    if let Err(error) = started {
        fresh.fail(error.to_string());
    }
}

/// Sends the library listed from the index (less the named file, already sent): its first
/// rows with the whole library's counts, then the rest; then brings the index up to date,
/// sending what changed as it is stored.
pub(super) fn serve(
    mut index: Index,
    mut head: Head,
    (folder, file): (&Path, Option<&Path>),
    load: LoadOptions,
    tx: &Sender<Message>,
    fresh: &Fresh,
) {
    let listed = Listed {
        briefings: head.briefings,
        failures: head.failures,
    };
    let whole = head.is_whole();
    let first = without(std::mem::take(&mut head.library), file);
    let checking = Message::Checking {
        done: 0,
        total: None,
    };
    if (!whole && tx.send(Message::Listing(Some(listed))).is_err())
        || tx.send(Message::Loaded(first)).is_err()
        || tx.send(checking).is_err()
    {
        return;
    }
    if !whole {
        let rest = match index.listings_after(folder, &head) {
            Ok(rest) => without(rest, file),
            Err(error) => {
                // The first rows stand; the refresh below lists every file it finds changed.
                let _ = tx.send(Message::Notice(format!(
                    "{error}; the library may be incomplete"
                )));
                Batch::default()
            }
        };
        if tx.send(Message::Loaded(rest)).is_err() || tx.send(Message::Listing(None)).is_err() {
            return;
        }
    }
    let canonical = index.library().to_path_buf();
    let spelled = Spelling {
        canonical: &canonical,
        folder,
    };
    let mut progress = |p: brief::briefing::index::Progress| {
        let _ = tx.send(Message::Checking {
            done: p.done,
            total: Some(p.total),
        });
    };
    let mut changed = |changed: Changed| {
        let _ = tx.send(Message::Loaded(spelled.batch(changed)));
    };
    let mut stale = |paths: Vec<PathBuf>| fresh.set_stale(paths);
    match index.refresh_reporting(&load, &mut progress, &mut changed, &mut stale) {
        Ok(_) => fresh.set_fresh(),
        Err(error) => {
            fresh.fail(error.to_string());
            let _ = tx.send(Message::Notice(format!(
                "{error}; the library may be out of date"
            )));
        }
    }
}

/// `library` as a batch, less the named file (sent before it).
fn without(library: Library, file: Option<&Path>) -> Batch {
    let Library {
        mut listings,
        mut failures,
    } = library;
    if let Some(file) = file {
        listings.retain(|listing| !same_file(&listing.path, file));
        failures.retain(|failure| !same_file(&failure.path, file));
    }
    Batch {
        gone: Vec::new(),
        listings,
        failures,
    }
}

/// The index names files under the canonical folder; the library under the folder as
/// given.
struct Spelling<'a> {
    canonical: &'a Path,
    folder: &'a Path,
}

impl Spelling<'_> {
    fn path(&self, path: &mut PathBuf) {
        if let Ok(inside) = path.strip_prefix(self.canonical) {
            *path = self.folder.join(inside);
        }
    }

    fn diagnostics(&self, diagnostics: &mut [Diagnostic]) {
        diagnostics.iter_mut().for_each(|d| self.path(&mut d.path));
    }

    fn batch(&self, changed: Changed) -> Batch {
        let Changed {
            mut gone,
            mut listings,
            mut failures,
        } = changed;
        gone.iter_mut().for_each(|path| self.path(path));
        for Listing { path, warnings, .. } in &mut listings {
            self.path(path);
            self.diagnostics(warnings);
        }
        for LoadFailure { path, diagnostics } in &mut failures {
            self.path(path);
            self.diagnostics(diagnostics);
        }
        Batch {
            gone,
            listings,
            failures,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(files: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        for n in 0..files {
            std::fs::write(dir.path().join(format!("{n}.json")), "{}")
                .unwrap_or_else(|e| panic!("write: {e}"));
        }
        dir
    }

    #[test]
    fn a_folder_is_small_with_few_plain_files_and_no_folder() {
        assert!(is_small(folder_with(3).path()));
        assert!(is_small(folder_with(SMALL_LIBRARY).path()));
        assert!(!is_small(folder_with(SMALL_LIBRARY + 1).path()));
        let nested = folder_with(2);
        std::fs::create_dir(nested.path().join("more")).unwrap_or_else(|e| panic!("{e}"));
        assert!(!is_small(nested.path()), "a folder inside may hold many");
        assert!(!is_small(&nested.path().join("absent")));
    }

    /// The build waits for the first frame: until then no index file is made (looked at
    /// after a pause a build takes a fraction of), and once it is drawn the index is.
    #[test]
    fn the_index_is_built_once_the_first_frame_is_drawn() {
        let dir = folder_with(2);
        let file = dir.path().join("index.sqlite");
        let place = IndexPlace {
            folder: dir.path().to_path_buf(),
            explicit: Some(file.clone()),
        };
        let fresh = Fresh::default();
        let (drawn, after) = std::sync::mpsc::channel::<()>();
        let index = IndexBuild {
            fresh: Arc::clone(&fresh),
            after: Some(after),
            keep: false,
        };
        build(place, LoadOptions::default(), index);
        std::thread::sleep(std::time::Duration::from_millis(300));
        assert!(
            !file.exists() && !fresh.is_fresh(),
            "built before the first frame"
        );
        drop(drawn);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while !fresh.is_fresh() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(
            fresh.is_fresh(),
            "{:?}",
            fresh.failed.lock().map(|f| f.clone())
        );
        assert!(file.exists());
    }
}
