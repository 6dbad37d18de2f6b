//! The actor screen's reads of the library's index (`Effect::Actors`), on a worker thread:
//! the event loop never waits for the database. Until the index is up to date with the
//! folder the screen is told it is being built, and then gets the answer; if the index
//! cannot be used, it gets that error, in one line.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::Duration;

use brief::briefing::index::{Access, Index};
use brief::ui::{Action, ActorAsk, App, INDEX_BEING_BUILT, actor_answer};

use super::place::{IndexPlace, IndexState, respelled};
use crate::cli::worker::Unstarted;

/// How often a waiting read looks whether the index is ready.
const READY_POLL: Duration = Duration::from_millis(50);

pub struct ActorReader {
    asks: Sender<ActorAsk>,
    /// Each answer, and whether it is the last for its ask.
    answers: Receiver<(Action, bool)>,
    pending: usize,
}

impl ActorReader {
    /// The reader, and its worker to start.
    pub fn new(place: IndexPlace, state: Arc<IndexState>) -> (Self, Unstarted) {
        let (asks, asked) = mpsc::channel();
        let (send, answers) = mpsc::channel();
        let worker = Unstarted::new("actors", move || work(&place, &state, &asked, &send));
        let reader = Self {
            asks,
            answers,
            pending: 0,
        };
        (reader, worker)
    }

    pub fn ask(&mut self, ask: ActorAsk) {
        // The worker ends only with the process.
        if self.asks.send(ask).is_ok() {
            self.pending += 1;
        }
    }

    pub fn busy(&self) -> bool {
        self.pending > 0
    }

    /// Gives the app what the index answered since; true if anything came.
    pub fn drain(&mut self, app: &mut App) -> bool {
        let mut got = false;
        loop {
            match self.answers.try_recv() {
                Ok((action, last)) => {
                    if last {
                        self.pending = self.pending.saturating_sub(1);
                    }
                    app.update(action);
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

fn work(
    place: &IndexPlace,
    state: &IndexState,
    asked: &Receiver<ActorAsk>,
    send: &Sender<(Action, bool)>,
) {
    let mut index: Option<Index> = None;
    while let Ok(ask) = asked.recv() {
        let mut told = false;
        let failed = loop {
            if state.fresh.load(Ordering::Acquire) {
                break None;
            }
            if let Ok(failed) = state.failed.lock()
                && let Some(error) = failed.as_ref()
            {
                break Some(error.clone());
            }
            if !told {
                let waiting = actor_answer(&ask, Err(INDEX_BEING_BUILT));
                if send.send((waiting, false)).is_err() {
                    return;
                }
                told = true;
            }
            std::thread::sleep(READY_POLL);
        };
        if failed.is_none() && index.is_none() {
            let explicit = place.explicit.as_deref();
            index = Index::open(&place.folder, explicit, Access::ReadOnly).ok();
        }
        let answer = match (&failed, &index) {
            (Some(error), _) => actor_answer(
                &ask,
                Err(&format!(
                    "the actor index needs the library's index: {error}"
                )),
            ),
            (None, Some(index)) => respell(actor_answer(&ask, Ok(index)), &place.folder),
            (None, None) => actor_answer(
                &ask,
                Err("the actor index needs the library's index: it could not be opened"),
            ),
        };
        if send.send((answer, true)).is_err() {
            return;
        }
    }
}

/// The index names files by their canonical path; the library by the folder as given.
fn respell(mut action: Action, folder: &Path) -> Action {
    if let Action::TimelineRead(read) = &mut action
        && let Ok(entries) = &mut read.entries
    {
        let canonical = std::fs::canonicalize(folder).ok();
        for entry in entries {
            entry.path = respelled(&entry.path, canonical.as_deref(), folder);
        }
    }
    action
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;
    use std::sync::atomic::Ordering;
    use std::sync::mpsc;

    use brief::briefing::LoadOptions;
    use brief::briefing::index::Index;
    use brief::ui::{Action, ActorAsk, INDEX_BEING_BUILT};

    use super::{IndexPlace, IndexState, work};

    /// A worker on the bundled briefings, its index file in `dir`.
    fn worker(
        dir: &tempfile::TempDir,
        state: &Arc<IndexState>,
    ) -> (
        IndexPlace,
        mpsc::Sender<ActorAsk>,
        mpsc::Receiver<(Action, bool)>,
    ) {
        let place = IndexPlace {
            folder: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("briefings"),
            explicit: Some(dir.path().join("index.db")),
        };
        let (asks, asked) = mpsc::channel();
        let (send, answers) = mpsc::channel();
        let (place_, state_) = (place.clone(), Arc::clone(state));
        std::thread::spawn(move || work(&place_, &state_, &asked, &send));
        (place, asks, answers)
    }

    #[test]
    fn a_read_before_the_index_is_ready_is_told_so_then_answered() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let state = Arc::new(IndexState::default());
        let (place, asks, answers) = worker(&dir, &state);
        asks.send(ActorAsk::List)?;
        let waiting = Action::ActorsRead(Err(INDEX_BEING_BUILT.to_owned()));
        assert_eq!(answers.recv()?, (waiting, false));
        let mut index = Index::rebuild(&place.folder, place.explicit.as_deref())?;
        index.refresh(&LoadOptions::default(), &mut |_| {})?;
        state.fresh.store(true, Ordering::Release);
        let (answer, last) = answers.recv()?;
        assert!(last);
        let Action::ActorsRead(Ok(actors)) = answer else {
            anyhow::bail!("no actors: {answer:?}");
        };
        assert_eq!(actors, index.actors()?);
        Ok(())
    }

    #[test]
    fn an_index_that_cannot_be_used_is_said_in_one_line() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let state = Arc::new(IndexState::default());
        if let Ok(mut failed) = state.failed.lock() {
            *failed = Some("the index is locked by another brief".into());
        }
        let (_, asks, answers) = worker(&dir, &state);
        asks.send(ActorAsk::List)?;
        let (answer, last) = answers.recv()?;
        assert!(last);
        let said =
            "the actor index needs the library's index: the index is locked by another brief";
        assert_eq!(answer, Action::ActorsRead(Err(said.into())));
        Ok(())
    }
}
