//! The reader's review state: opened once at start (`--state`, `$BRIEF_STATE`, the config
//! file, the XDG default), written when the app asks (`Effect::Mark`, the briefing's marks
//! read back as `Action::MarkRead`) and read whole for the library's briefings
//! (`Effect::ReadMarks` → `Action::MarksRead`). A state that
//! cannot be used leaves the reader without marks, saying why once.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use brief::briefing::config::Config;
use brief::briefing::state::{BriefingKey, State, content_hash};
use brief::ui::{Action, App, MarkChange, MarkRead, MarkWrite, MarksRead};

use crate::cli::config;

/// The review state and what it takes to look the library's briefings up in it.
pub struct Keeper {
    state: Option<State>,
    me: String,
    /// Why marks are off, until the app is told.
    untold: Option<String>,
    /// Absolute paths, as the state keeps them.
    absolute: HashMap<PathBuf, PathBuf>,
    /// Content hashes of files, while their size and modification time stay.
    hashes: HashMap<PathBuf, (u64, Option<SystemTime>, u64)>,
}

impl Keeper {
    /// Where the state is and who marks, from `--state` (else the environment, else the
    /// config file, read once at the start, its problems said then).
    pub fn place(flag: Option<&Path>, config: &Config) -> (Option<PathBuf>, String) {
        (config::state_path(flag, config), config::who(config))
    }

    /// Opens the state at `path`, once the reader runs in its terminal (nothing is made
    /// when it cannot start). Never fails: a state that cannot be used is said, once, in
    /// the status line.
    pub fn open((path, me): (Option<PathBuf>, String)) -> Self {
        let (state, notices) = match path {
            None => (
                None,
                vec![
                    "no place for the review state (set XDG_STATE_HOME or HOME, or use --state)"
                        .into(),
                ],
            ),
            Some(path) => {
                let opened = State::open_or_recover(&path);
                (opened.state, opened.notices)
            }
        };
        let untold = (!notices.is_empty()).then(|| notices.join("; "));
        Self {
            state,
            me,
            untold,
            absolute: HashMap::new(),
            hashes: HashMap::new(),
        }
    }

    /// Reads every briefing's marks and gives them to the app; without a state, tells
    /// it why (once).
    pub fn send_marks(&mut self, app: &mut App) {
        if let Some(notice) = self.untold.take() {
            if self.state.is_none() {
                app.update(Action::MarksOff(strip_off(&notice)));
                return;
            }
            // A damaged file moved aside: marks go on, from an empty state.
            app.update(Action::LibraryNotice(notice));
        }
        let Some(state) = &self.state else {
            return;
        };
        let table = match state.all_marks() {
            Ok(table) => table,
            Err(error) => {
                app.update(Action::MarksOff(error.to_string()));
                return;
            }
        };
        let mut read = MarksRead {
            me: self.me.clone(),
            ..MarksRead::default()
        };
        for (path, _) in app.briefing_keys() {
            if !self.absolute.contains_key(path) {
                self.absolute(path);
            }
        }
        for (path, id) in app.briefing_keys() {
            let hash = if id.is_empty() {
                self.hash(path).unwrap_or(0)
            } else {
                0
            };
            let absolute = self.absolute.get(path).map_or(path, PathBuf::as_path);
            let Some(marks) = table.find(id, hash, absolute) else {
                continue;
            };
            if marks.is_reviewed(&self.me) {
                let hash = self.hash(path);
                if hash.is_some_and(|hash| marks.changed_since_reviewed(&self.me, hash)) {
                    read.changed.insert(path.to_path_buf());
                }
            }
            read.marks.insert(path.to_path_buf(), marks.clone());
        }
        app.update(Action::MarksRead(Box::new(read)));
    }

    /// Writes what the app asked; a write that fails is said in the status line.
    pub fn write(&mut self, app: &mut App, write: MarkWrite) {
        let Some(bytes) = std::fs::read(&write.path).ok() else {
            let path = write.path.display();
            app.update(Action::LibraryNotice(format!(
                "{path}: cannot be read to mark it"
            )));
            return;
        };
        let key = BriefingKey::new(write.id, &bytes, self.absolute(&write.path));
        let Some(state) = self.state.as_mut() else {
            return;
        };
        let me = self.me.as_str();
        let written = match write.change {
            MarkChange::Set(mark) => state.mark(&key, mark, me),
            MarkChange::Clear(mark) => state.clear(&key, mark, me),
            MarkChange::Note(text) => state.note(&key, &text, me),
        };
        if let Err(error) = written {
            app.update(Action::LibraryNotice(format!("not marked: {error}")));
            return;
        }
        match state.marks_of(&key) {
            Ok(marks) => {
                let changed = marks.is_reviewed(me) && marks.changed_since_reviewed(me, key.hash);
                let path = write.path;
                app.update(Action::MarkRead(Box::new(MarkRead {
                    path,
                    marks,
                    changed,
                })));
            }
            Err(_) => self.send_marks(app),
        }
    }

    fn absolute(&mut self, path: &Path) -> PathBuf {
        self.absolute
            .entry(path.to_path_buf())
            .or_insert_with(|| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
            .clone()
    }

    /// The content hash of the file at `path`, read again only when its size or
    /// modification time changed.
    fn hash(&mut self, path: &Path) -> Option<u64> {
        let meta = std::fs::metadata(path).ok()?;
        let stamp = (meta.len(), meta.modified().ok());
        if let Some(&(len, modified, hash)) = self.hashes.get(path)
            && (len, modified) == stamp
        {
            return Some(hash);
        }
        let hash = content_hash(&std::fs::read(path).ok()?);
        self.hashes
            .insert(path.to_path_buf(), (stamp.0, stamp.1, hash));
        Some(hash)
    }
}

/// The notices say "marks are off: …"; the app says that itself.
fn strip_off(notice: &str) -> String {
    notice
        .strip_prefix("marks are off: ")
        .unwrap_or(notice)
        .to_owned()
}
