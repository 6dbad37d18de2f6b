//! The runtime's part in the review tests: a real review state in a temporary folder,
//! written and read as `cli/tui/marks.rs` does, and the folder of briefings they mark.

use std::fs;
use std::path::Path;

use serde_json::json;
use tempfile::TempDir;

use super::App;
use crate::briefing::state::{BriefingKey, State};
use crate::briefing::{LoadOptions, load_path};
use crate::ui::keys::KeySetup;
use crate::ui::library::{MarkChange, MarkRead, MarksRead};
use crate::ui::testing::{SIZE, settle, ui_options};
use crate::ui::{Action, Effect};

/// The reader's review state, as the runtime keeps it.
pub(super) struct Runtime {
    _dir: TempDir,
    pub(super) state: State,
    me: String,
}

impl Runtime {
    pub(super) fn new(me: &str) -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}"));
        let state =
            State::open(&dir.path().join("state.db")).unwrap_or_else(|e| panic!("state: {e}"));
        Runtime {
            _dir: dir,
            state,
            me: me.into(),
        }
    }

    /// Carries out what the app asked until it asks for nothing more: file reads and
    /// searches, then writes and reads of the marks.
    pub(super) fn serve(&mut self, app: &mut App) {
        loop {
            settle(app);
            let effects = app.take_effects();
            if effects.is_empty() {
                return;
            }
            for effect in effects {
                match effect {
                    Effect::Mark(write) => {
                        let key = key_of(&write.path, &write.id);
                        let me = self.me.as_str();
                        let done = match write.change {
                            MarkChange::Set(mark) => self.state.mark(&key, mark, me),
                            MarkChange::Clear(mark) => self.state.clear(&key, mark, me),
                            MarkChange::Note(text) => self.state.note(&key, &text, me),
                        };
                        done.unwrap_or_else(|e| panic!("mark: {e}"));
                        self.send_one(app, &write.path, &key);
                    }
                    Effect::ReadMarks => self.send(app),
                    _ => {}
                }
            }
        }
    }

    /// Every listed briefing's marks, looked up as the runtime does.
    pub(super) fn send(&self, app: &mut App) {
        let table = self
            .state
            .all_marks()
            .unwrap_or_else(|e| panic!("marks: {e}"));
        let mut read = MarksRead {
            me: self.me.clone(),
            ..MarksRead::default()
        };
        for (path, id) in app.briefing_keys() {
            let key = key_of(path, id);
            if let Some(marks) = table.get(&key) {
                if marks.changed_since_reviewed(&self.me, key.hash) {
                    read.changed.insert(path.to_path_buf());
                }
                read.marks.insert(path.to_path_buf(), marks.clone());
            }
        }
        app.update(Action::MarksRead(Box::new(read)));
    }

    /// The marks of the briefing just written, read back as the runtime does.
    fn send_one(&self, app: &mut App, path: &Path, key: &BriefingKey) {
        let marks = self
            .state
            .marks_of(key)
            .unwrap_or_else(|e| panic!("marks: {e}"));
        let changed =
            marks.is_reviewed(&self.me) && marks.changed_since_reviewed(&self.me, key.hash);
        let path = path.to_path_buf();
        let one = MarkRead {
            path,
            marks,
            changed,
        };
        app.update(Action::MarkRead(Box::new(one)));
    }

    pub(super) fn act(&mut self, app: &mut App, actions: &[Action]) {
        for action in actions {
            app.update(action.clone());
            self.serve(app);
        }
    }
}

pub(super) fn key_of(path: &Path, id: &str) -> BriefingKey {
    let bytes = fs::read(path).unwrap_or_default();
    BriefingKey::new(id, &bytes, path)
}

/// Three briefings, newest first: c (March, id "c"), b (February, no id), a (January).
pub(super) fn folder() -> TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}"));
    for (name, month) in [("a", 1), ("b", 2), ("c", 3)] {
        write(dir.path(), name, month, "");
    }
    dir
}

pub(super) fn write(dir: &Path, name: &str, month: u32, extra: &str) {
    let mut json = json!({"headline": format!("Briefing {name}{extra}"),
                          "date": format!("2025-{month:02}-01"), "body": ["Text."]});
    if name != "b" {
        json["id"] = json!(name);
    }
    let file = dir.join(format!("{name}.json"));
    fs::write(&file, json.to_string()).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
}

/// The app on `dir` with marks on, as the runtime starts it.
pub(super) fn app_with_marks(dir: &Path, runtime: &Runtime, color: bool) -> App {
    let library = load_path(dir, &LoadOptions::default());
    let mut app = App::new(library, None, ui_options(color), KeySetup::defaults(), SIZE);
    runtime.send(&mut app);
    app
}
