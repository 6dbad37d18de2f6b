//! A folder's files, loaded by whichever threads claim them: the loader, a second worker
//! for a large folder, and, for a small one, the main thread while it waits for the first
//! frame, since that frame waits for the whole folder and the main thread is idle until
//! it comes.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::time::Instant;

use brief::briefing::index::Snapshot;
use brief::briefing::{self, Listing, LoadOptions};
use brief::ui::Batch;

use super::{BATCH_ENTRIES, BATCH_TIME, IndexPlace, Message};

/// The largest file the main thread loads itself: about a millisecond's parse. A larger
/// one is left to the loader, so that the first frame is not held past its grace by a
/// file that the progress line would show loading.
const MAIN_THREAD_MOST: u64 = 128 * 1024;

/// The files, and the index of the next one no thread has claimed.
#[derive(Clone)]
pub(super) struct Shared {
    pub files: Arc<[PathBuf]>,
    pub next: Arc<AtomicUsize>,
    pub options: LoadOptions,
}

impl Shared {
    pub fn new(files: Vec<PathBuf>, options: LoadOptions) -> Self {
        Self {
            files: files.into(),
            next: Arc::new(AtomicUsize::new(0)),
            options,
        }
    }

    /// Loads files, `claim` at a time, until none is left, sending batches.
    pub fn work(&self, claim: usize, tx: &Sender<Message>) {
        let mut batch = Batch::default();
        let mut sent = Instant::now();
        loop {
            let start = self.next.fetch_add(claim, Ordering::Relaxed);
            let chunk = self.files.get(start..).unwrap_or_default();
            if chunk.is_empty() {
                break;
            }
            for file in chunk.iter().take(claim) {
                load_into(&mut batch, file, self.options);
            }
            if batch.len() >= BATCH_ENTRIES || sent.elapsed() >= BATCH_TIME {
                if tx
                    .send(Message::Loaded(std::mem::take(&mut batch)))
                    .is_err()
                {
                    return;
                }
                sent = Instant::now();
            }
        }
        if !batch.is_empty() {
            let _ = tx.send(Message::Loaded(batch));
        }
    }

    /// The main thread's share: files claimed one at a time until none is left, the next
    /// is larger than `MAIN_THREAD_MOST`, or `deadline` passes.
    pub fn help(&self, deadline: Instant) -> Batch {
        let mut batch = Batch::default();
        while Instant::now() < deadline {
            let at = self.next.load(Ordering::Relaxed);
            let Some(file) = self.files.get(at) else {
                break;
            };
            if !std::fs::metadata(file).is_ok_and(|m| m.len() <= MAIN_THREAD_MOST) {
                break;
            }
            let claimed =
                self.next
                    .compare_exchange(at, at + 1, Ordering::Relaxed, Ordering::Relaxed);
            if claimed.is_ok() {
                load_into(&mut batch, file, self.options);
            }
        }
        batch
    }
}

/// Of a small folder's `files`, those whose listings were kept from the last start, as a
/// batch; the rest, to load; and whether its listings are to be kept anew.
pub(super) fn kept(
    place: &IndexPlace,
    files: Vec<PathBuf>,
    options: &LoadOptions,
) -> (Batch, Vec<PathBuf>, bool) {
    let explicit = place.explicit.as_deref();
    let canonical = std::fs::canonicalize(&place.folder).ok();
    let read = |folder: PathBuf| Snapshot::read(&folder, explicit, options);
    let Some(mut snapshot) = canonical.and_then(read) else {
        return (Batch::default(), files, true);
    };
    let mut batch = Batch::default();
    let mut rest = Vec::new();
    for file in files {
        match snapshot.take(&file, MAIN_THREAD_MOST) {
            Some(Ok(listing)) => batch.listings.push(listing),
            Some(Err(failure)) => batch.failures.push(failure),
            None => rest.push(file),
        }
    }
    let keep = !rest.is_empty();
    (batch, rest, keep)
}

// The listing's strings are moved out of the briefing, not copied, and what is left of it
// is freed here, so that the next file's parse reuses its memory: freeing it after the
// first frame instead cost more in fresh pages than it saved.
fn load_into(batch: &mut Batch, file: &Path, options: LoadOptions) {
    match briefing::load_file(file, &options) {
        Ok(loaded) => batch.listings.push(Listing::from(loaded)),
        Err(failure) => batch.failures.push(failure),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    fn folder_of_briefings(count: usize) -> (tempfile::TempDir, Vec<PathBuf>) {
        let folder = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
        let files: Vec<PathBuf> = (0..count)
            .map(|n| {
                let file = folder.path().join(format!("{n:03}.json"));
                let text = format!(r#"{{"headline": "briefing {n}"}}"#);
                std::fs::write(&file, text).unwrap_or_else(|e| panic!("write: {e}"));
                file
            })
            .collect();
        (folder, files)
    }

    fn paths(batch: &Batch) -> Vec<PathBuf> {
        batch.listings.iter().map(|l| l.path.clone()).collect()
    }

    fn later() -> Instant {
        Instant::now() + Duration::from_secs(60)
    }

    #[test]
    fn the_main_threads_share_is_every_file_no_one_claimed() {
        let (_folder, files) = folder_of_briefings(5);
        let shared = Shared::new(files.clone(), LoadOptions::default());
        shared.next.store(2, Ordering::Relaxed);
        assert_eq!(paths(&shared.help(later())), files[2..]);
        assert_eq!(shared.next.load(Ordering::Relaxed), 5);
    }

    #[test]
    fn the_main_thread_leaves_a_large_file_and_what_follows_it_to_the_loader() {
        let (_folder, mut files) = folder_of_briefings(3);
        let padding = " ".repeat(usize::try_from(MAIN_THREAD_MOST).unwrap_or(0));
        let large = format!(r#"{{"headline": "large",{padding} "body": "b"}}"#);
        std::fs::write(&files[1], large).unwrap_or_else(|e| panic!("write: {e}"));
        let shared = Shared::new(std::mem::take(&mut files), LoadOptions::default());
        let batch = shared.help(later());
        assert_eq!(paths(&batch), shared.files[..1]);
        assert_eq!(shared.next.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn the_main_thread_claims_nothing_once_its_wait_is_over() {
        let (_folder, files) = folder_of_briefings(3);
        let shared = Shared::new(files, LoadOptions::default());
        assert!(shared.help(Instant::now()).is_empty());
        assert_eq!(shared.next.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn files_shared_by_the_loader_and_the_main_thread_are_each_loaded_once() {
        let (_folder, files) = folder_of_briefings(300);
        for _ in 0..20 {
            let shared = Shared::new(files.clone(), LoadOptions::default());
            let (tx, rx) = mpsc::channel();
            let loader = {
                let shared = shared.clone();
                std::thread::spawn(move || shared.work(1, &tx))
            };
            let mut loaded = paths(&shared.help(later()));
            loader
                .join()
                .unwrap_or_else(|_| panic!("the loader panicked"));
            for message in rx {
                if let Message::Loaded(batch) = message {
                    loaded.extend(paths(&batch));
                }
            }
            loaded.sort();
            assert_eq!(loaded, files);
        }
    }
}
