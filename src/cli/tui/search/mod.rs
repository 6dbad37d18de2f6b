//! The library search, away from the event loop: a worker thread takes each search the
//! app asks for (`Effect::Search`) and sends what it finds in batches as it comes, newest
//! first. A newer search (the next key typed) cancels the one in progress: only the
//! generation asked for last is worked on.
//!
//! It searches the library's index once the loader has brought it up to date with the
//! folder (`Fresh`; the index is then exact: each candidate is read from its file). While
//! the loader brings it up to date, it searches the index as it stands, which is right for
//! every file unchanged since it was indexed, and reads the new and changed files
//! themselves (`IndexState::stale`). Without an index (none yet, or one that cannot be
//! opened), it looks through the files one by one (`files.rs`).

mod files;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex};

use brief::briefing::LoadOptions;
use brief::briefing::index::{Access, Cancel, Index, IndexError, Page};
use brief::briefing::query::{ActorGroups, Query};
use brief::ui::loading::SNIPPET_CHARS;
use brief::ui::{Action, ActorAsk, App, Found, Hit, SearchAsk};

use super::actors::ActorReader;
use super::place::respelled;
use crate::cli::worker::Unstarted;

use crate::cli::loader::{Fresh, IndexPlace};

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
    /// The workers, until `start`.
    unstarted: Vec<Unstarted>,
}

impl Searcher {
    /// The searcher, its workers not started yet (`start`).
    pub fn new(load: LoadOptions, place: IndexPlace, fresh: Fresh) -> Self {
        let (asks, asked) = mpsc::channel();
        let (send, found) = mpsc::channel();
        let current = Arc::new(AtomicU64::new(0));
        let cancel = Arc::new(Mutex::new(Cancel::default()));
        let (actors, actor_worker) = ActorReader::new(place.clone(), Arc::clone(&fresh));
        let worker = Worker {
            current: Arc::clone(&current),
            cancel: Arc::clone(&cancel),
            fresh,
            place,
            load,
        };
        let search_worker = Unstarted::new("search", move || worker.work(&asked, &send));
        Self {
            asks,
            found,
            current,
            pending: 0,
            cancel,
            actors,
            unstarted: vec![search_worker, actor_worker],
        }
    }

    /// Starts the workers (once).
    pub fn start(&mut self) -> std::io::Result<()> {
        self.unstarted.drain(..).try_for_each(Unstarted::start)
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

/// Why a search through the index stopped short.
enum Stop {
    /// A newer search was asked for.
    Cancelled,
    /// The reader has quit.
    Quit,
    /// The index failed: the files themselves are looked through.
    Failed,
}

impl From<IndexError> for Stop {
    fn from(error: IndexError) -> Self {
        match error {
            IndexError::Cancelled => Stop::Cancelled,
            _ => Stop::Failed,
        }
    }
}

impl<T> From<mpsc::SendError<T>> for Stop {
    fn from(_: mpsc::SendError<T>) -> Self {
        Stop::Quit
    }
}

impl Worker {
    /// The searches asked for in turn, skipping those a newer one cancelled. A search can
    /// come in parts (entries that arrived while it ran): each part is its own ask of the
    /// same generation.
    fn work(self, asked: &Receiver<SearchAsk>, send: &Sender<Found>) {
        let mut index: Option<Index> = None;
        // The actors of the files looked through for the current generation, so that a
        // later part of the search widens its query by the whole library's.
        let mut scanned: Option<(u64, ActorGroups)> = None;
        while let Ok(ask) = asked.recv() {
            let is_current = || self.current.load(Ordering::Relaxed) == ask.generation;
            let Some(query) = ask.query.as_ref().filter(|_| is_current()) else {
                continue;
            };
            let stale = self.fresh.stale();
            // Fresh, or being brought up to date with the stale files known: a refresh
            // that failed leaves the index behind the folder.
            let usable = self.fresh.is_fresh() || stale.is_some();
            if index.is_none() && usable {
                let explicit = self.place.explicit.as_deref();
                index = Index::open(&self.place.folder, explicit, Access::ReadOnly).ok();
            }
            let index_now = index.as_ref().filter(|_| usable);
            // Files that arrived during a search are looked at themselves: the index may
            // not have them yet.
            if ask.whole
                && let Some(index) = index_now
            {
                match self.search_index(index, &ask, query, stale.as_deref(), send) {
                    Ok(()) | Err(Stop::Cancelled) => continue,
                    Err(Stop::Quit) => return,
                    Err(Stop::Failed) => {}
                }
            }
            // The whole library's actors: those of every file, when all are looked
            // through; else those known so far in this search, or the index's, and the
            // new files'.
            let kept = scanned
                .take()
                .filter(|(generation, _)| *generation == ask.generation);
            let mut groups = query.names_an_actor().then(|| match kept {
                _ if ask.whole => ActorGroups::new(),
                Some((_, groups)) => groups,
                None => index_now
                    .and_then(|index| index.actor_groups_without(&HashSet::new()).ok())
                    .unwrap_or_default(),
            });
            let widened = match &mut groups {
                Some(groups) => {
                    if !files::add_actors(groups, &ask.paths, &self.load, &is_current) {
                        continue;
                    }
                    groups.widen(query)
                }
                None => query.clone(),
            };
            if let Some(groups) = groups {
                scanned = Some((ask.generation, groups));
            }
            let step = (ask.generation, true);
            if files::scan(&ask.paths, step, &widened, &is_current, send, &self.load).is_err() {
                return;
            }
        }
    }

    /// `query` through the index, a page at a time. With `stale` (the index is being
    /// brought up to date), the index is asked for every other file and these files are
    /// read themselves.
    fn search_index(
        &self,
        index: &Index,
        ask: &SearchAsk,
        query: &Query,
        stale: Option<&HashSet<PathBuf>>,
        send: &Sender<Found>,
    ) -> Result<(), Stop> {
        let cancel = Cancel::default();
        if let Ok(mut shared) = self.cancel.lock() {
            *shared = cancel.clone();
        }
        let is_current = || self.current.load(Ordering::Relaxed) == ask.generation;
        if !is_current() {
            return Err(Stop::Cancelled);
        }
        let canonical = std::fs::canonicalize(&self.place.folder).ok();
        let respell = |path: &PathBuf| respelled(path, canonical.as_deref(), &self.place.folder);
        let stale_paths: Vec<PathBuf> = stale.iter().flat_map(|s| s.iter()).map(respell).collect();
        let query = match stale {
            Some(stale) if query.names_an_actor() => {
                let mut groups = index.actor_groups_without(stale)?;
                if !files::add_actors(&mut groups, &stale_paths, &self.load, &is_current) {
                    return Err(Stop::Cancelled);
                }
                groups.widen(query)
            }
            _ => query.clone(),
        };
        let mut offset = 0;
        loop {
            let limit = if offset == 0 { FIRST_PAGE } else { INDEX_PAGE };
            let page = Page {
                order: ask.order,
                offset,
                limit,
                snippet_chars: SNIPPET_CHARS,
            };
            let hits = index.search(&query, &page, &self.load, &cancel)?;
            let done = hits.len() < limit;
            offset += hits.len();
            let hits = hits
                .into_iter()
                .filter(|hit| stale.is_none_or(|stale| !stale.contains(&hit.path)))
                .map(|hit| Hit {
                    path: respell(&hit.path),
                    snippet: hit.snippet,
                    highlights: hit.highlights,
                    score: hit.score,
                })
                .collect();
            send.send(Found {
                generation: ask.generation,
                hits,
                done: done && stale.is_none(),
            })?;
            if done {
                break;
            }
        }
        if stale.is_some() {
            let step = (ask.generation, true);
            files::scan(&stale_paths, step, &query, &is_current, send, &self.load)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
