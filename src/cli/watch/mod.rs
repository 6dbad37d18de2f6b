//! The live library: briefings that arrive, change or go while the reader is open. A
//! thread watches the library folder (`notify`: inotify, FSEvents, kqueue...) and, where
//! the file system sends no events (NFS) or `--poll SECONDS` asks, also looks at it on a
//! timer. Events only wake it: each wake-up, once events have been quiet for `QUIET` (or
//! `MOST_WAIT` into a stream of them), it walks the folder (`scan`), compares each file's
//! size and time with the last walk, and reads what is new or changed in batches
//! (`batches`), so a burst of 1,000 files costs one walk and a few batches, not 1,000
//! reloads. The main thread blocks on the terminal when idle: each message sent wakes it
//! (`Watch::wake`), so watching costs nothing while nothing changes.

mod batches;
mod events;
mod scan;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::time::{Duration, Instant, SystemTime};

use brief::briefing::LoadOptions;
use brief::ui::{Action, App, Batch};

use self::batches::Reader;
use self::events::start_events;
use self::scan::Snapshot;
use super::loader::{Fresh, IndexPlace};

/// Events this close together are one change: a file written in several steps, or many
/// files copied in at once.
const QUIET: Duration = Duration::from_millis(200);
/// A stream of events that never goes quiet is still looked at this often.
const MOST_WAIT: Duration = Duration::from_secs(1);
/// When the folder cannot be watched and no `--poll` was given: how often to look.
const FALLBACK_POLL: Duration = Duration::from_secs(5);
/// Files written this long before the reader started are read again once it has loaded:
/// the load at start may have read them half written.
const START_SLACK: Duration = Duration::from_secs(2);

/// While the index is being built or checked at start: how often to look whether it is
/// ready to take what the watcher found.
const INDEX_RETRY: Duration = Duration::from_secs(1);

/// What the watcher thread sends.
pub enum Message {
    Changed(Batch),
    /// A line for the status line: the folder cannot be watched, the index not updated.
    Notice(String),
}

/// Sends `message` and wakes the main loop; false when the reader has gone.
fn send(watch: &Watch, tx: &Sender<Message>, message: Message) -> bool {
    if tx.send(message).is_err() {
        return false;
    }
    (watch.wake)();
    true
}

/// The receiving end, held by the main thread.
pub struct Watcher {
    rx: Receiver<Message>,
}

/// What the watcher needs: the folder, the file named on the command line (spelled as the
/// library has it), how files are read, how often to poll, and the index to keep fresh.
pub struct Watch {
    pub place: IndexPlace,
    pub named: Option<PathBuf>,
    pub load: LoadOptions,
    pub poll: Option<Duration>,
    pub fresh: Fresh,
    /// When the reader started: files written since (less `START_SLACK`) are read again.
    pub started: SystemTime,
    /// Wakes the main loop, which may be blocked waiting for a key.
    pub wake: Box<dyn Fn() + Send>,
}

impl Watcher {
    pub fn spawn(watch: Watch) -> std::io::Result<Self> {
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("watch".into())
            .spawn(move || run(&watch, &tx))?;
        Ok(Self { rx })
    }

    /// Takes every batch already waiting into the app, as one change; true if anything
    /// came.
    pub fn drain(&self, app: &mut App) -> bool {
        let mut batch = Batch::default();
        let mut got = false;
        loop {
            match self.rx.try_recv() {
                Ok(Message::Changed(more)) => batch.append(more),
                Ok(Message::Notice(text)) => app.update(Action::LibraryNotice(text)),
                Err(TryRecvError::Empty | TryRecvError::Disconnected) => break,
            }
            got = true;
        }
        if !batch.is_empty() {
            app.update(Action::LibraryChanged(batch));
        }
        got
    }
}

/// What wakes the watcher thread: paths a change event named (none: look at everything).
type Wake = Vec<PathBuf>;

/// The watcher thread. Returns when the reader has gone (a send fails).
fn run(watch: &Watch, tx: &Sender<Message>) {
    let folder = watch.place.folder.as_path();
    let (wake_tx, wake) = mpsc::channel::<Wake>();
    let (events, notice) = start_events(folder, wake_tx.clone());
    if let Some(text) = notice
        && !send(watch, tx, Message::Notice(text))
    {
        return;
    }
    let poll = match &events {
        Some(_) => watch.poll,
        None => Some(watch.poll.unwrap_or(FALLBACK_POLL)),
    };
    let Some(mut looking) = Looking::start(watch, tx, poll) else {
        return;
    };
    loop {
        let woke = match looking.deadline() {
            Some(at) => wake.recv_timeout(at.saturating_duration_since(Instant::now())),
            // Blocks until an event: `wake_tx` is held here, so the channel never closes.
            None => wake.recv().map_err(|_| RecvTimeoutError::Disconnected),
        };
        let now = Instant::now();
        match woke {
            Ok(paths) => looking.event(paths, now),
            Err(RecvTimeoutError::Timeout) => {
                if !looking.tick(now) {
                    return;
                }
            }
            Err(RecvTimeoutError::Disconnected) => return,
        }
    }
}

/// What the watcher keeps between wake-ups.
struct Looking<'a> {
    reader: Reader<'a>,
    folder: &'a Path,
    poll: Option<Duration>,
    /// The folder at the last look.
    snapshot: Snapshot,
    /// The first and the last event since the last look, and the paths they named.
    pending: Option<(Instant, Instant)>,
    touched: HashSet<PathBuf>,
    next_poll: Option<Instant>,
    /// When to try again to bring the index up to date, while it is being built or
    /// checked.
    index_owed: Option<Instant>,
}

impl<'a> Looking<'a> {
    /// The first look; none when the reader has gone.
    fn start(watch: &'a Watch, tx: &'a Sender<Message>, poll: Option<Duration>) -> Option<Self> {
        let folder = watch.place.folder.as_path();
        let reader = Reader::new(watch, tx);
        let snapshot = Snapshot::take(folder);
        let since = watch
            .started
            .checked_sub(START_SLACK)
            .unwrap_or(watch.started);
        let recent = snapshot.modified_since(since);
        // Written since the start: the index's check at start may have missed them too.
        let index_owed = (!recent.is_empty()).then(|| Instant::now() + INDEX_RETRY);
        let first = scan::Diff {
            read: recent,
            gone: Vec::new(),
        };
        reader.send(first).then(|| Self {
            reader,
            folder,
            poll,
            snapshot,
            pending: None,
            touched: HashSet::new(),
            next_poll: poll.map(|every| Instant::now() + every),
            index_owed,
        })
    }

    /// When the events seen so far count as one change.
    fn settle(&self) -> Option<Instant> {
        self.pending
            .map(|(first, last)| (last + QUIET).min(first + MOST_WAIT))
    }

    /// When something is next due, if anything is.
    fn deadline(&self) -> Option<Instant> {
        [self.settle(), self.next_poll, self.index_owed]
            .into_iter()
            .flatten()
            .min()
    }

    fn event(&mut self, paths: Wake, now: Instant) {
        self.touched.extend(paths);
        self.pending = Some(self.pending.map_or((now, now), |(first, _)| (first, now)));
    }

    /// Does what is due at `now`; false when the reader has gone.
    fn tick(&mut self, now: Instant) -> bool {
        if self.index_owed.is_some_and(|at| now >= at) {
            self.index_owed = self.reader.refresh_index().then(|| now + INDEX_RETRY);
        }
        let settled = self.settle().is_some_and(|at| now >= at);
        let polled = self.next_poll.is_some_and(|at| now >= at);
        if polled {
            self.next_poll = self.poll.map(|every| now + every);
        }
        if !settled && !polled {
            return true;
        }
        self.pending = None;
        let fresh = Snapshot::take(self.folder);
        let diff = fresh.since(&self.snapshot, self.touched.drain());
        self.snapshot = fresh;
        if diff.is_empty() {
            return true;
        }
        if !self.reader.send(diff) {
            return false;
        }
        self.index_owed = self.reader.refresh_index().then(|| now + INDEX_RETRY);
        true
    }
}
