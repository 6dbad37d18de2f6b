//! What the actor index asks of the runtime (`Effect::Actors`) and what comes back
//! (`Action::ActorsRead`, `Action::TimelineRead`): the index is read on a worker thread.

use crate::briefing::index::{MergedActor, TimelineEntry};

/// A read of the library's index for the actor screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActorAsk {
    /// Every actor, merged across the library.
    List,
    /// One actor's briefings and quotations; `generation` tells a late answer from the
    /// one asked for last.
    Timeline {
        actor: Box<MergedActor>,
        generation: u64,
    },
}

/// The actors, or why the index cannot give them (one line: it is being built, or its
/// error).
pub type ActorsRead = Result<Vec<MergedActor>, String>;

/// One actor's timeline, as `ActorAsk::Timeline` asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineRead {
    pub generation: u64,
    pub entries: Result<Vec<TimelineEntry>, String>,
}

/// What the screen says while the index is not there yet.
pub const INDEX_BEING_BUILT: &str = "the actor index needs the library's index: it is being built";
