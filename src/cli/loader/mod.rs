//! The library loads on background threads, so the first frame need not wait for 10,000
//! files: the file named on the command line first, then the library from its index at once
//! when it has one (`index.rs`: then the index is checked against the folder and what
//! changed follows); else the folder's files are found, then loaded by up to two workers
//! that send batches over one channel (for a small folder, the main thread is the second
//! while it waits for the first frame: `share.rs`). Each briefing is sent as its
//! `Listing`, what the library keeps of it; opening one reads its file again, but for the
//! named file's first open (`kept.rs`). The main thread takes what has arrived between
//! terminal events; the channel closing (every sender gone) means the load is over.

mod index;
mod kept;
mod share;

use index::IndexBuild;
pub use index::{Fresh, IndexPlace, IndexState};
pub use kept::read_file;
use share::Shared;

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::{Duration, Instant};

use brief::briefing::{self, LoadOptions};
use brief::ui::{Action, App, Batch, Listed};

use super::gate;
use super::worker::Unstarted;

/// What the loader threads send.
enum Message {
    /// How many library entries to expect in all.
    Found(usize),
    Loaded(Batch),
    /// The library's first rows came from its index, which counts this many in all; `None`
    /// once the rest followed.
    Listing(Option<Listed>),
    /// The library came from the index; the files are being checked against it.
    Checking {
        done: usize,
        total: Option<usize>,
    },
    /// A line for the status line.
    Notice(String),
    /// The named file's head, before its whole parse (`briefing::load_head`).
    Head(Box<briefing::Loaded>),
    /// A small folder's files, which the first frame's wait helps to load.
    Share(Shared),
}

/// Files a worker claims at a time from the shared list: few enough that the two workers
/// finish together, enough that the shared counter is not touched per file. A folder of
/// this many files or fewer has no second worker: the loader claims them one at a time,
/// beside the main thread (`share.rs`).
const CHUNK: usize = 16;
/// A worker sends what it has once it holds this many entries...
const BATCH_ENTRIES: usize = 256;
/// ...or once this long has passed since its last send, so the screen fills steadily even
/// when files load slowly.
const BATCH_TIME: Duration = Duration::from_millis(15);
/// How long a small folder's first frame polls for the loader's messages before it sleeps
/// on them: about a dozen of its files' loads.
const POLL_MOST: Duration = Duration::from_millis(2);
/// Loading threads at most: the main thread needs little, and more threads than cores
/// would only fight over them.
const MAX_WORKERS: usize = 2;

/// Test hook, not for users: `BRIEF_TEST_LOAD_GATE=PATH` makes the loader read PATH to its
/// end before it looks for files (or, for a small folder, which the main thread lists,
/// before it loads its share), so an end-to-end test that holds a FIFO there decides
/// when loading goes on, whatever the machine's speed.
const TEST_LOAD_GATE_VAR: &str = "BRIEF_TEST_LOAD_GATE";
/// Test hook, not for users: `BRIEF_TEST_WHOLE_GATE=PATH` holds the named file's whole
/// parse, once its head is sent, until PATH is read to its end.
const TEST_WHOLE_GATE_VAR: &str = "BRIEF_TEST_WHOLE_GATE";

/// The receiving end, held by the main thread.
pub struct Loader {
    rx: Receiver<Message>,
    /// The loader thread, for a named file until the first frame is drawn
    /// (`first_frame_drawn`).
    unstarted: Option<Unstarted>,
    /// Dropped once the first frame is drawn (`first_frame_drawn`): an index built
    /// meanwhile waits for it, off the first frame's cores.
    drawn: Option<Sender<()>>,
    /// A small folder was opened: the load is over once its count of files is in.
    counts: bool,
    /// Some of a small folder's files are shared with the first frame's wait.
    shares: bool,
    /// A small folder's files not yet received, once its count is: at none, the load is
    /// over, without waiting for the loader thread to find nothing left and end (it may
    /// not even have started when this thread has loaded them all).
    shared_left: Cell<Option<usize>>,
}

/// What taking messages found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drained {
    Nothing,
    /// Something arrived and went into the app.
    More,
    /// The load is over (and the app told so).
    Done,
}

/// Starts loading `path`: a folder, or a file (`named`; then its folder, with the file first), from
/// the index at `place` when it can be used. Returns the loader, the file to open when it
/// arrives (spelled as given), and the flag set once the index is up to date. A long
/// named file's head is read for a screen of `screen_cells` cells.
///
/// A named file (its head, if it is long) is read on this thread, and the loader thread
/// that does the rest starts once the first frame is drawn: a thread started before it
/// took the main thread's core for a millisecond or more. So does a small folder's whose
/// listings were all kept from the last start (`Snapshot`). Any other folder's load
/// starts at once, since its first frame waits for it.
pub fn spawn(
    (path, named): (&Path, bool),
    options: LoadOptions,
    explicit_index: Option<PathBuf>,
    screen_cells: usize,
) -> std::io::Result<(Loader, Option<PathBuf>, IndexPlace, Fresh)> {
    let place = IndexPlace {
        folder: folder_of(path, named),
        explicit: explicit_index,
    };
    let opened = named.then(|| path.to_path_buf());
    let (tx, rx) = mpsc::channel();
    let named = opened.clone().map(|file| {
        let head_sent = load_named_first(&file, options, screen_cells, &tx);
        Named { file, head_sent }
    });
    // Asked here for a folder, since the main thread's start depends on it (`shares`).
    let small = match opened {
        Some(_) => Folder::NotAsked,
        None => share_small(&place, options, &tx),
    };
    let counts = matches!(small, Folder::Small { .. });
    let shares = matches!(&small, Folder::Small { shared, .. } if !shared.files.is_empty());
    // Before the first frame only if that frame waits for it: a large folder, or a small
    // one with files to load.
    let start_now = opened.is_none() && (shares || !counts);
    let fresh = Fresh::default();
    let (for_thread, fresh_for_thread) = (place.clone(), Arc::clone(&fresh));
    let (drawn, after_first_frame) = mpsc::channel();
    let thread = Unstarted::new("loader", move || {
        let index = IndexBuild {
            fresh: fresh_for_thread,
            after: Some(after_first_frame),
            keep: matches!(small, Folder::Small { keep: true, .. }),
        };
        load(&for_thread, (named, small), options, tx, index);
    });
    let mut loader = Loader {
        rx,
        unstarted: Some(thread),
        drawn: Some(drawn),
        counts,
        shares,
        shared_left: Cell::new(None),
    };
    if start_now {
        loader.start()?;
    }
    Ok((loader, opened, place, fresh))
}

/// What the main thread found of the folder it opened, before the loader thread started.
enum Folder {
    /// A file was named: the loader thread looks at its folder after the first frame.
    NotAsked,
    Large,
    /// A small folder's files whose listings were not kept, shared with the first frame's
    /// wait; `keep`: its listings are to be kept anew for the next start.
    Small {
        shared: Shared,
        keep: bool,
    },
}

/// A small folder's files listed on this thread and handed to its first frame's wait at
/// once, with their count: the loader thread, which otherwise listed them, starts a tenth
/// of a millisecond later, and waking this thread with its list took as long again. The
/// files whose listings were kept from the last start are sent as those listings.
fn share_small(place: &IndexPlace, options: LoadOptions, tx: &Sender<Message>) -> Folder {
    let Some(files) = index::small_files(&place.folder) else {
        return Folder::Large;
    };
    let _ = tx.send(Message::Found(files.len()));
    let (kept, rest, keep) = share::kept(place, files, &options);
    if !kept.is_empty() {
        let _ = tx.send(Message::Loaded(kept));
    }
    let shared = Shared::new(rest, options);
    if !shared.files.is_empty() {
        let _ = tx.send(Message::Share(shared.clone()));
    }
    Folder::Small { shared, keep }
}

/// The named file, once its first part is sent.
struct Named {
    file: PathBuf,
    /// Only its head was: the whole follows from the loader thread.
    head_sent: bool,
}

/// Sends the named file: a long file's head (returning true), else the whole file.
fn load_named_first(file: &Path, options: LoadOptions, cells: usize, tx: &Sender<Message>) -> bool {
    if let Some(head) = briefing::load_head(file, &options, cells) {
        let _ = tx.send(Message::Head(Box::new(head)));
        return true;
    }
    let _ = tx.send(Message::Loaded(named_batch(file, options)));
    false
}

/// The named file read whole, as a batch of one.
fn named_batch(file: &Path, options: LoadOptions) -> Batch {
    let mut batch = Batch::default();
    match kept::load_named(file, &options) {
        Ok(listing) => batch.listings.push(listing),
        Err(failure) => batch.failures.push(failure),
    }
    batch
}

/// The library folder of `path`: itself, or a file's folder (`is_file`).
fn folder_of(path: &Path, is_file: bool) -> PathBuf {
    if !is_file {
        return path.to_path_buf();
    }
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The loader thread: a long named file's whole (its head was sent, and its frame drawn,
/// before this thread started), then the index's rows, or discovery and the files by up to
/// two workers. Every send that fails means the reader has quit: stop.
fn load(
    place: &IndexPlace,
    (named, small): (Option<Named>, Folder),
    options: LoadOptions,
    tx: Sender<Message>,
    index: IndexBuild,
) {
    let folder = place.folder.as_path();
    let file = named.as_ref().map(|named| named.file.as_path());
    if let Some(Named {
        file,
        head_sent: true,
    }) = &named
    {
        // The whole comes as a change of the file its head stood for.
        gate::pass(TEST_WHOLE_GATE_VAR);
        let mut whole = named_batch(file, options);
        whole.gone.push(file.clone());
        if tx.send(Message::Loaded(whole)).is_err() {
            return;
        }
    }
    let small = match small {
        Folder::Small { shared, .. } => {
            // Beside the main thread's wait, which holds the first frame until both end;
            // with every listing kept, nothing is left, and this runs after the frame.
            gate::pass(TEST_LOAD_GATE_VAR);
            shared.work(1, &tx);
            true
        }
        Folder::NotAsked if index::is_small(folder) => {
            read_files(folder, file, options, &tx);
            true
        }
        Folder::NotAsked | Folder::Large => false,
    };
    if small {
        // The files are the library, and the index is brought up to date after them, on
        // a thread of its own: searches read the files meanwhile. The load is over once
        // the channel closes: before the index's thread starts.
        drop(tx);
        index::build(place.clone(), options, index);
        return;
    }
    let (opened, notice) = index::open(place);
    let unusable_reason = notice.clone().unwrap_or_default();
    if let Some(notice) = notice
        && tx.send(Message::Notice(notice)).is_err()
    {
        return;
    }
    match opened {
        index::Opened::Listed(listed) => {
            let (listed_index, head) = *listed;
            return index::serve(
                listed_index,
                head,
                (folder, file),
                options,
                &tx,
                &index.fresh,
            );
        }
        // Built beside the files' load: a large folder's first frame waits for a part of
        // it, not for its end.
        index::Opened::Build => {
            let beside = IndexBuild {
                after: None,
                ..index
            };
            index::build(place.clone(), options, beside);
        }
        index::Opened::Unusable => index.fresh.fail(unusable_reason),
    }
    read_files(folder, file, options, &tx);
}

/// Discovery, then the files (but the named one, sent already) read by up to two
/// workers.
fn read_files(folder: &Path, file: Option<&Path>, options: LoadOptions, tx: &Sender<Message>) {
    gate::pass(TEST_LOAD_GATE_VAR);
    let (mut files, failures) = briefing::discover(folder);
    if let Some(file) = file {
        files.retain(|found| !same_file(found, file));
    }
    let total = files.len() + failures.len() + usize::from(file.is_some());
    if tx.send(Message::Found(total)).is_err() {
        return;
    }
    let unlisted = Batch {
        failures,
        ..Batch::default()
    };
    if !unlisted.is_empty() && tx.send(Message::Loaded(unlisted)).is_err() {
        return;
    }
    let shared = Shared::new(files, options);
    if shared.files.len() <= CHUNK {
        // Few files need no helper thread, nor asking how many cores there are (std reads
        // the cgroup's quota files for that, a tenth of a small folder's load).
        return shared.work(1, tx);
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    if cores.min(MAX_WORKERS) > 1 {
        let (helper, tx) = (shared.clone(), tx.clone());
        // If the helper cannot start, this thread simply does all the work.
        let _ = std::thread::Builder::new()
            .name("loader-2".into())
            .spawn(move || helper.work(CHUNK, &tx));
    }
    shared.work(CHUNK, tx);
}

/// The walk finds the named file under its own spelling; it is already loaded. Names are
/// compared first so that only a namesake costs a path resolution.
fn same_file(found: &Path, file: &Path) -> bool {
    if found == file {
        return true;
    }
    if found.file_name() != file.file_name() {
        return false;
    }
    match (std::fs::canonicalize(found), std::fs::canonicalize(file)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

impl Loader {
    /// Whether the first frame's wait loads some of the files itself (a small folder with
    /// files whose listings were not kept): the main thread waits before it takes the terminal, so that a read that
    /// stalls (a network mount) leaves the terminal as it was, where Ctrl-C ends brief.
    pub fn shares(&self) -> bool {
        self.shares
    }

    /// Starts the loader thread, unless it has started.
    fn start(&mut self) -> std::io::Result<()> {
        self.unstarted.take().map_or(Ok(()), Unstarted::start)
    }

    /// The first frame is drawn: the loader thread starts if it waited for it, and an
    /// index built meanwhile goes on.
    pub fn first_frame_drawn(&mut self) -> std::io::Result<()> {
        self.drawn = None;
        self.start()
    }

    /// Takes every message already waiting into the app, without blocking.
    pub fn drain(&self, app: &mut App) -> Drained {
        self.take(app, None, None)
    }

    /// Takes `first` and every message already waiting into the app: the batches
    /// together, so they cost one merge. Files shared with this thread are loaded until
    /// `help_until`; none without it.
    fn take(&self, app: &mut App, first: Option<Message>, help_until: Option<Instant>) -> Drained {
        let mut found = None;
        let mut listing = None;
        let mut checking = None;
        let mut notices = Vec::new();
        let mut heads = Vec::new();
        let mut batch = Batch::default();
        let mut got = first.is_some();
        let mut take = |message| match message {
            Message::Found(total) => {
                found = Some(total);
                if self.counts {
                    self.shared_left.set(Some(total));
                }
            }
            Message::Loaded(more) => batch.append(more),
            Message::Listing(listed) => listing = Some(listed),
            Message::Checking { done, total } => checking = Some((done, total)),
            Message::Notice(text) => notices.push(text),
            Message::Head(head) => heads.push(head),
            Message::Share(shared) => {
                if let Some(deadline) = help_until {
                    batch.append(shared.help(deadline));
                }
            }
        };
        first.into_iter().for_each(&mut take);
        let closed = loop {
            match self.rx.try_recv() {
                Ok(message) => {
                    take(message);
                    got = true;
                }
                Err(TryRecvError::Empty) => break false,
                Err(TryRecvError::Disconnected) => break true,
            }
        };
        let done = closed || self.all_shared_in(batch.listings.len() + batch.failures.len());
        for head in heads {
            app.update(Action::HeadRead(head));
        }
        if let Some(total) = found {
            app.update(Action::LibraryFound(total));
        }
        if let Some(listed) = listing {
            app.update(Action::LibraryListing(listed));
        }
        if !batch.is_empty() {
            app.update(Action::LibraryLoaded(batch));
        }
        if let Some((done, total)) = checking {
            app.update(Action::LibraryChecking { done, total });
        }
        for text in notices {
            app.update(Action::LibraryNotice(text));
        }
        if done {
            app.update(Action::LibraryDone);
            return Drained::Done;
        }
        if got { Drained::More } else { Drained::Nothing }
    }

    /// Counts `received` files of a small folder: whether they are all in.
    fn all_shared_in(&self, received: usize) -> bool {
        let left = self
            .shared_left
            .get()
            .map(|left| left.saturating_sub(received));
        self.shared_left.set(left);
        left == Some(0)
    }

    /// Before the first frame: takes what arrives until `grace` ends, or sooner if the load
    /// ends, so a small library shows whole at once with no progress line flashing past.
    /// The named file is waited for until `named` (it comes first and the first keys are
    /// for it), but not forever: the keys that quit must work even if it never loads.
    /// Meanwhile this thread loads a share of a small folder's files itself.
    pub fn wait_first(&self, app: &mut App, grace: Instant, named: Instant) -> Drained {
        let mut got = Drained::Nothing;
        loop {
            let deadline = if app.awaits_opened() { named } else { grace };
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return got;
            }
            match self.next_message(left) {
                Ok(message) => {
                    if self.take(app, Some(message), Some(deadline)) == Drained::Done {
                        return Drained::Done;
                    }
                    got = Drained::More;
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    app.update(Action::LibraryDone);
                    return Drained::Done;
                }
            }
        }
    }

    /// The next message within `left`. A small folder's wait asks by polling for its first
    /// `POLL_MOST`: what it waits for, once it has loaded its share, is the loader's last
    /// file or two, and a thread that slept in that wait on a virtual machine of two cores
    /// was woken a tenth of a millisecond or more after the message came.
    fn next_message(&self, left: Duration) -> Result<Message, RecvTimeoutError> {
        let started = Instant::now();
        if self.shares {
            while started.elapsed() < left.min(POLL_MOST) {
                match self.rx.try_recv() {
                    Ok(message) => return Ok(message),
                    Err(TryRecvError::Disconnected) => return Err(RecvTimeoutError::Disconnected),
                    // Gives the core to the loader or the signal thread if they wait for it.
                    Err(TryRecvError::Empty) => std::thread::yield_now(),
                }
            }
        }
        self.rx.recv_timeout(left.saturating_sub(started.elapsed()))
    }
}

#[cfg(test)]
mod tests;
