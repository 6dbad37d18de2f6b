//! The library search, away from the event loop: a worker thread takes each search the
//! app asks for (`Effect::Search`), looks through the library's files newest first, and
//! sends what it finds in batches as it comes. A newer search (the next key typed) cancels
//! the one in progress between two files: only the generation asked for last is worked on.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::{Duration, Instant};

use brief::briefing::LoadOptions;
use brief::briefing::query::Query;
use brief::ui::loading::search_file;
use brief::ui::{Action, App, Found, SearchAsk};

/// The worker sends what it has found at least this often, so results show as they come.
const BATCH_TIME: Duration = Duration::from_millis(30);

pub struct Searcher {
    asks: Sender<SearchAsk>,
    found: Receiver<Found>,
    /// The generation asked for last: the worker drops any other.
    current: Arc<AtomicU64>,
    /// Asks of the current generation not yet done.
    pending: usize,
}

impl Searcher {
    pub fn spawn(load: LoadOptions) -> std::io::Result<Self> {
        let (asks, asked) = mpsc::channel();
        let (send, found) = mpsc::channel();
        let current = Arc::new(AtomicU64::new(0));
        let worker = Arc::clone(&current);
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || work(&asked, &send, &worker, load))?;
        Ok(Self {
            asks,
            found,
            current,
            pending: 0,
        })
    }

    /// Starts the search `ask` (or stops searching, with no query), cancelling the one in
    /// progress.
    pub fn ask(&mut self, ask: SearchAsk) {
        let previous = self.current.swap(ask.generation, Ordering::Relaxed);
        if previous != ask.generation {
            self.pending = 0;
        }
        self.pending += usize::from(ask.query.is_some());
        // The worker ends only with the process: a failed send leaves nothing to find.
        let _ = self.asks.send(ask);
    }

    /// Whether a search is in progress: the event loop then looks for its results.
    pub fn busy(&self) -> bool {
        self.pending > 0
    }

    /// Gives the app what has been found since; true if anything came.
    pub fn drain(&mut self, app: &mut App) -> bool {
        let mut got = false;
        loop {
            match self.found.try_recv() {
                Ok(found) => {
                    let last = found.generation == self.current.load(Ordering::Relaxed);
                    if found.done && last {
                        self.pending = self.pending.saturating_sub(1);
                    }
                    app.update(Action::Found(found));
                    got = true;
                }
                Err(TryRecvError::Empty) => return got,
                Err(TryRecvError::Disconnected) => {
                    self.pending = 0;
                    return got;
                }
            }
        }
    }
}

/// The worker: the searches asked for in turn, skipping those a newer one cancelled. A
/// search can come in parts (entries that arrived while it ran): each part is its own ask
/// of the same generation.
fn work(asked: &Receiver<SearchAsk>, send: &Sender<Found>, current: &AtomicU64, load: LoadOptions) {
    while let Ok(ask) = asked.recv() {
        let is_current = || current.load(Ordering::Relaxed) == ask.generation;
        let Some(query) = ask.query.as_ref().filter(|_| is_current()) else {
            continue;
        };
        if search(&ask, query, is_current, send, load).is_err() {
            return;
        }
    }
}

/// Looks through `ask.paths` for `query` while it is still the search asked for. An error:
/// the reader has quit.
fn search(
    ask: &SearchAsk,
    query: &Query,
    is_current: impl Fn() -> bool,
    send: &Sender<Found>,
    load: LoadOptions,
) -> Result<(), mpsc::SendError<Found>> {
    let generation = ask.generation;
    let mut hits = Vec::new();
    let mut sent = Instant::now();
    for path in &ask.paths {
        if !is_current() {
            return Ok(());
        }
        hits.extend(search_file(path, query, &load));
        if !hits.is_empty() && sent.elapsed() >= BATCH_TIME {
            let hits = std::mem::take(&mut hits);
            send.send(Found {
                generation,
                hits,
                done: false,
            })?;
            sent = Instant::now();
        }
    }
    send.send(Found {
        generation,
        hits,
        done: true,
    })
}
