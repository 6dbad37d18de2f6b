//! The review state: who read, reviewed, flagged and noted which briefing, and when, in a
//! SQLite file apart from the index (the index is a cache; this is the user's work).
//!
//! How the reader and `brief mark` use it:
//!
//! ```no_run
//! # use std::path::Path;
//! # use brief::briefing::state::{BriefingKey, Mark, State, StateError, SeenBy};
//! # fn main() -> Result<(), StateError> {
//! // Where: --state / $BRIEF_STATE / `state` in config.toml, else `default_path`.
//! let opened = State::open_or_recover(Path::new("/home/amira/.local/state/brief/state.db"));
//! for notice in &opened.notices {
//!     eprintln!("brief: {notice}"); // a damaged file moved aside, or why marks are off
//! }
//! let Some(mut state) = opened.state else { return Ok(()) }; // run without marks
//! let bytes = std::fs::read("briefings/a.json").unwrap_or_default();
//! let key = BriefingKey::new("libya-2025-03-01", &bytes, "/srv/briefings/a.json");
//! state.mark(&key, Mark::Reviewed, "amira")?;
//! state.note(&key, "for the head of mission", "amira")?;
//! let marks = state.marks_of(&key)?; // everyone's: marks.reviewed.len() is "reviewed by N"
//! assert!(marks.is_reviewed("amira") && !marks.is_new("amira"));
//! // A library of any size: one query, then lookups in memory.
//! let table = state.all_marks()?;
//! let seen = SeenBy { marks: table.get(&key), me: "amira" }; // for the query's `is:`
//! # let _ = (seen, state.summary("amira")?);
//! # Ok(())
//! # }
//! ```
//!
//! - `mark(key, Mark, who)`, `clear(key, Mark, who)`, `clear_all(key, who)` and
//!   `note(key, text, who)` each commit one transaction; `who` is the person's name (the
//!   config file's `name`, else `$USER`) and every mark records when.
//! - `marks_of(key)` gives a [`Marks`]: everyone's stamps, and `is_new`, `is_read`,
//!   `is_reviewed`, `is_flagged`, `has_note` for one person, `reviewed_by(name)`,
//!   `changed_since_reviewed(me, hash)`. [`SeenBy`] answers the query language's `is:new`,
//!   `is:read`, `is:reviewed`, `is:flagged`, `has:note` and `reviewed-by:NAME`.
//! - `all_marks()` reads every briefing's marks at once into a [`MarksTable`], whose
//!   `get(key)` finds one briefing's and `counts(keys, me)` counts a library's (new,
//!   reviewed, flagged...); `summary(me)` counts `me`'s marks over the whole state.
//! - A briefing is found by id, then content hash, then path ([`BriefingKey`]).
//!
//! Safety: WAL with `synchronous=FULL`, a busy timeout so that many processes (a team on
//! one shared file) queue rather than fail, `user_version` with migrations in one
//! transaction. A damaged file is never written to: [`State::open_or_recover`] moves it
//! aside as `state.db.corrupt-YYYYMMDD-HHMMSS` and begins an empty state, saying so. A
//! read-only or unusable location, or a file of a newer brief, leaves brief without marks,
//! with the reason; nothing panics.

mod error;
mod key;
mod location;
mod marks;
mod read;
mod schema;
#[cfg(test)]
mod tests;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use error::StateError;
pub use key::{BriefingKey, content_hash};
pub use location::default_path;
pub use marks::{Mark, Marks, Note, SeenBy, Stamp};
pub use read::{LibraryCounts, MarksTable, Summary};
pub use schema::SCHEMA_VERSION;

/// An open review state.
pub struct State {
    conn: Connection,
    path: PathBuf,
}

/// What opening a state came to: the state, unless marks are off, and what to tell the user.
pub struct Opened {
    pub state: Option<State>,
    /// One line each: a damaged file moved aside, or why there are no marks.
    pub notices: Vec<String>,
}

impl State {
    /// Opens the state at `path`, creating it (and its folder) when missing.
    pub fn open(path: &Path) -> Result<State, StateError> {
        let conn = schema::open(path)?;
        Ok(State {
            conn,
            path: path.to_path_buf(),
        })
    }

    /// Opens the state at `path`; a damaged file is moved aside and an empty state begun in
    /// its place. Any other failure gives no state and the reason.
    pub fn open_or_recover(path: &Path) -> Opened {
        let error = match State::open(path) {
            Ok(state) => {
                return Opened {
                    state: Some(state),
                    notices: Vec::new(),
                };
            }
            Err(error) if error.is_corrupt() => error,
            Err(error) => return without_marks(&error),
        };
        let moved = match location::move_aside(path, write::now()) {
            Ok(moved) => moved,
            Err(io) => {
                return Opened {
                    state: None,
                    notices: vec![format!(
                        "{error}; it could not be moved aside ({io}), so marks are off"
                    )],
                };
            }
        };
        let notice = format!(
            "{error}; moved aside to {}, starting with no marks",
            moved.display()
        );
        match State::open(path) {
            Ok(state) => Opened {
                state: Some(state),
                notices: vec![notice],
            },
            Err(again) => {
                let mut opened = without_marks(&again);
                opened.notices.insert(0, notice);
                opened
            }
        }
    }

    /// The file the state is in.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn without_marks(error: &StateError) -> Opened {
    Opened {
        state: None,
        notices: vec![format!("marks are off: {error}")],
    }
}
