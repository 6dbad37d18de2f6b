//! The review state as the session holds it: opened on a thread of its own, started once
//! the first frame is drawn (it shows no marks it would have to wait for), beside the
//! library's load; taken once its open has ended (the session looks between events), or
//! before a key is taken (it may be a mark), whichever comes first. Taking it reads every
//! mark into the app, so a mark read asked for before it was open is not lost.

use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::Duration;

use brief::ui::App;
use crossterm::event;

use super::marks::Keeper;
use crate::cli::gate;

/// Test hook, not for users: `BRIEF_TEST_STATE_GATE=PATH` makes the review state's open
/// read PATH to its end first, so an end-to-end test that holds a FIFO there sees what
/// the reader shows before its marks, whatever the machine's speed.
const TEST_STATE_GATE_VAR: &str = "BRIEF_TEST_STATE_GATE";

pub struct Review {
    /// Where the state is (`Keeper::place`), until its open starts.
    place: Option<(Option<PathBuf>, String)>,
    opening: Option<JoinHandle<Keeper>>,
    keeper: Option<Keeper>,
}

impl Review {
    /// The state at `place`, not opened yet (`start`).
    pub fn new(place: (Option<PathBuf>, String)) -> Self {
        Self {
            place: Some(place),
            opening: None,
            keeper: None,
        }
    }

    /// Starts opening the state, unless it has been started.
    pub fn start(&mut self) -> std::io::Result<()> {
        let Some(place) = self.place.take() else {
            return Ok(());
        };
        let opening = std::thread::Builder::new()
            .name("review-state".into())
            .spawn(move || {
                gate::pass(TEST_STATE_GATE_VAR);
                Keeper::open(place)
            })?;
        self.opening = Some(opening);
        Ok(())
    }

    /// The open state, waiting for the open to end if it has not; the first time, every
    /// briefing's marks go to the app.
    pub fn keeper(&mut self, app: &mut App) -> anyhow::Result<&mut Keeper> {
        self.start()?;
        if let Some(opening) = self.opening.take() {
            let mut keeper = opening
                .join()
                .map_err(|_| anyhow::anyhow!("opening the review state failed"))?;
            keeper.send_marks(app);
            self.keeper = Some(keeper);
        }
        self.keeper
            .as_mut()
            .ok_or_else(|| anyhow::anyhow!("opening the review state failed"))
    }

    /// Whether the state is still opening: the session looks again soon.
    pub fn is_opening(&self) -> bool {
        self.place.is_some() || self.opening.is_some()
    }

    /// Before the session takes terminal events, while the state opens: waits up to
    /// `limit` for one, and if one comes, takes the state first (a key may be a mark,
    /// which would find marks off); else takes it if its open has ended meanwhile.
    /// Returns how long the events are still to be waited for, and whether marks went to
    /// the app.
    pub fn before_events(
        &mut self,
        app: &mut App,
        limit: Option<Duration>,
    ) -> anyhow::Result<(Option<Duration>, bool)> {
        self.start()?;
        let Some(opening) = &self.opening else {
            return Ok((limit, false));
        };
        if event::poll(limit.unwrap_or(Duration::ZERO))? || opening.is_finished() {
            self.keeper(app)?;
            return Ok((Some(Duration::ZERO), true));
        }
        Ok((Some(Duration::ZERO), false))
    }

    /// Every briefing's marks to the app (`Effect::ReadMarks`): at once if the state is
    /// open; else taking it will, so the read waits for it rather than for the state.
    pub fn send_marks(&mut self, app: &mut App) {
        if let Some(keeper) = &mut self.keeper {
            keeper.send_marks(app);
        }
    }
}
