//! The library search, away from the event loop: a worker thread takes each search the
//! app asks for (`Effect::Search`) and sends what it finds in batches as it comes, newest
//! first. A newer search (the next key typed) cancels the one in progress: only the
//! generation asked for last is worked on.
//!
//! It searches the library's index once the loader has brought the index up to date with
//! the folder (`Fresh`; the index is then exact: each candidate is read from its file);
//! until then, or if the index cannot be opened, it looks through the files one by one.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::{Duration, Instant};

use std::sync::Mutex;

use brief::briefing::LoadOptions;
use brief::briefing::index::{Access, Cancel, Index, IndexError, Page};
use brief::briefing::query::Query;
use brief::ui::loading::{SNIPPET_CHARS, search_file};
use brief::ui::{Action, ActorAsk, App, Found, Hit, SearchAsk};

use super::actors::ActorReader;
use super::place::respelled;

use crate::cli::loader::{Fresh, IndexPlace};

/// The worker sends what it has found at least this often, so results show as they come.
const BATCH_TIME: Duration = Duration::from_millis(30);
/// Results asked of the index at a time: a page shows while the next is looked for. The
/// first is a tall screenful, so that it comes soonest (each result is read from its file).
const FIRST_PAGE: usize = 40;
const INDEX_PAGE: usize = 200;

pub struct Searcher {
    asks: Sender<SearchAsk>,
    found: Receiver<Found>,
    /// The generation asked for last: the worker drops any other.
    current: Arc<AtomicU64>,
    /// Asks of the current generation not yet done.
    pending: usize,
    /// Stops the index search in progress.
    cancel: Arc<Mutex<Cancel>>,
    /// The actor screen's reads of the index.
    actors: ActorReader,
}

impl Searcher {
    pub fn spawn(load: LoadOptions, place: IndexPlace, fresh: Fresh) -> std::io::Result<Self> {
        let (asks, asked) = mpsc::channel();
        let (send, found) = mpsc::channel();
        let current = Arc::new(AtomicU64::new(0));
        let cancel = Arc::new(Mutex::new(Cancel::default()));
        let actors = ActorReader::spawn(place.clone(), Arc::clone(&fresh))?;
        let worker = Worker {
            current: Arc::clone(&current),
            cancel: Arc::clone(&cancel),
            fresh,
            place,
            load,
        };
        std::thread::Builder::new()
            .name("search".into())
            .spawn(move || worker.work(&asked, &send))?;
        Ok(Self {
            asks,
            found,
            current,
            pending: 0,
            cancel,
            actors,
        })
    }

    /// Passes a read of the index for the actor screen to its worker.
    pub fn ask_actors(&mut self, ask: ActorAsk) {
        self.actors.ask(ask);
    }

    /// Starts the search `ask` (or stops searching, with no query), cancelling the one in
    /// progress.
    pub fn ask(&mut self, ask: SearchAsk) {
        let previous = self.current.swap(ask.generation, Ordering::Relaxed);
        if previous != ask.generation {
            self.pending = 0;
            if let Ok(cancel) = self.cancel.lock() {
                cancel.cancel();
            }
        }
        self.pending += usize::from(ask.query.is_some());
        // The worker ends only with the process: a failed send leaves nothing to find.
        let _ = self.asks.send(ask);
    }

    /// Whether a search is in progress: the event loop then looks for its results.
    pub fn busy(&self) -> bool {
        self.pending > 0 || self.actors.busy()
    }

    /// Gives the app what has been found since; true if anything came.
    pub fn drain(&mut self, app: &mut App) -> bool {
        let mut got = self.actors.drain(app);
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

struct Worker {
    current: Arc<AtomicU64>,
    cancel: Arc<Mutex<Cancel>>,
    fresh: Fresh,
    place: IndexPlace,
    load: LoadOptions,
}

impl Worker {
    /// The searches asked for in turn, skipping those a newer one cancelled. A search can
    /// come in parts (entries that arrived while it ran): each part is its own ask of the
    /// same generation.
    fn work(self, asked: &Receiver<SearchAsk>, send: &Sender<Found>) {
        let mut index: Option<Index> = None;
        while let Ok(ask) = asked.recv() {
            let is_current = || self.current.load(Ordering::Relaxed) == ask.generation;
            let Some(query) = ask.query.as_ref().filter(|_| is_current()) else {
                continue;
            };
            if index.is_none() && self.fresh.is_fresh() {
                let explicit = self.place.explicit.as_deref();
                index = Index::open(&self.place.folder, explicit, Access::ReadOnly).ok();
            }
            // Files that arrived during a search are looked at themselves: the index may
            // not have them yet.
            if ask.whole
                && let Some(index) = &index
            {
                match self.search_index(index, &ask, query, send) {
                    Ok(Ok(())) | Err(IndexError::Cancelled) => continue,
                    // The reader has quit.
                    Ok(Err(_)) => return,
                    // The index failed: the files themselves.
                    Err(_) => {}
                }
            }
            if search(&ask, query, is_current, send, self.load).is_err() {
                return;
            }
        }
    }

    /// `query` through the index, a page at a time. `Ok(Err)`: the reader has quit.
    fn search_index(
        &self,
        index: &Index,
        ask: &SearchAsk,
        query: &Query,
        send: &Sender<Found>,
    ) -> Result<Result<(), mpsc::SendError<Found>>, IndexError> {
        let cancel = Cancel::default();
        if let Ok(mut shared) = self.cancel.lock() {
            *shared = cancel.clone();
        }
        if self.current.load(Ordering::Relaxed) != ask.generation {
            return Err(IndexError::Cancelled);
        }
        let canonical = std::fs::canonicalize(&self.place.folder).ok();
        let mut offset = 0;
        loop {
            let limit = if offset == 0 { FIRST_PAGE } else { INDEX_PAGE };
            let page = Page {
                order: ask.order,
                offset,
                limit,
                snippet_chars: SNIPPET_CHARS,
            };
            let hits = index.search(query, &page, &self.load, &cancel)?;
            let done = hits.len() < limit;
            offset += hits.len();
            let hits = hits
                .into_iter()
                .map(|hit| Hit {
                    path: respelled(&hit.path, canonical.as_deref(), &self.place.folder),
                    snippet: hit.snippet,
                    highlights: hit.highlights,
                    score: hit.score,
                })
                .collect();
            let found = Found {
                generation: ask.generation,
                hits,
                done,
            };
            if let Err(error) = send.send(found) {
                return Ok(Err(error));
            }
            if done {
                return Ok(Ok(()));
            }
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
