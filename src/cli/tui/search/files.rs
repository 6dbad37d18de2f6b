//! The library search through the files themselves, one by one: when there is no index, for
//! files that arrived during a search, and for the files an index being brought up to date
//! does not have yet. An `actor:` or `speaker:` query is first widened by the actors of the
//! files it looks through (and those the index or an earlier part of the search gave).

use std::path::PathBuf;
use std::sync::mpsc::{SendError, Sender};
use std::time::{Duration, Instant};

use brief::briefing::query::{ActorGroups, Query};
use brief::briefing::{LoadOptions, load_file};
use brief::ui::Found;
use brief::ui::loading::search_file;

/// The worker sends what it has found at least this often, so results show as they come.
const BATCH_TIME: Duration = Duration::from_millis(30);

/// Adds the actors of the briefings at `paths` to `groups`; false if the search stopped
/// being the one asked for meanwhile.
pub(super) fn add_actors(
    groups: &mut ActorGroups,
    paths: &[PathBuf],
    load: &LoadOptions,
    is_current: &dyn Fn() -> bool,
) -> bool {
    for path in paths {
        if !is_current() {
            return false;
        }
        if let Ok(loaded) = load_file(path, load) {
            groups.add_briefing(&loaded.briefing);
        }
    }
    true
}

/// Looks through `paths` for `query` while it is still the search asked for, sending what
/// it finds under `generation`; the last batch says `done` when `last`. An error: the
/// reader has quit.
pub(super) fn scan(
    paths: &[PathBuf],
    (generation, last): (u64, bool),
    query: &Query,
    is_current: &dyn Fn() -> bool,
    send: &Sender<Found>,
    load: &LoadOptions,
) -> Result<(), SendError<Found>> {
    let mut hits = Vec::new();
    let mut sent = Instant::now();
    for path in paths {
        if !is_current() {
            return Ok(());
        }
        hits.extend(search_file(path, query, load));
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
    if hits.is_empty() && !last {
        return Ok(());
    }
    send.send(Found {
        generation,
        hits,
        done: last,
    })
}
