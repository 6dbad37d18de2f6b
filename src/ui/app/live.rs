//! The live library: files that arrived, changed or went while the reader is open
//! (`Action::LibraryChanged`). Each goes into its place as a loaded batch does, the
//! selection staying on the entry chosen; the briefing being read is read again when its
//! file changed, keeping its panes where they were, and stays readable as it was when its
//! file went or no longer loads, the status line saying which.

use std::path::Path;

use super::{App, Screen};
use crate::briefing::Loaded;
use crate::text::sanitize;
use crate::ui::loading::Batch;
use crate::ui::outcome::Context;

/// What a change did to the open briefing's file.
#[derive(Debug, PartialEq, Eq)]
enum Fate {
    Untouched,
    Changed,
    /// Changed, and no longer loads: its first problem.
    Broken(String),
    Deleted,
}

impl Fate {
    fn of(batch: &Batch, path: &Path) -> Self {
        if batch.listings.iter().any(|l| l.path == path) {
            return Fate::Changed;
        }
        if let Some(failure) = batch.failures.iter().find(|f| f.path == path) {
            let first = failure.diagnostics.first().map(ToString::to_string);
            return Fate::Broken(first.unwrap_or_else(|| failure.to_string()));
        }
        if batch.gone.iter().any(|gone| gone == path) {
            return Fate::Deleted;
        }
        Fate::Untouched
    }
}

impl App {
    pub(super) fn live_change(&mut self, batch: Batch) {
        let open = match (self.screen, &self.open) {
            (Screen::Briefing, Some(open)) => Some(open.briefing.path.clone()),
            _ => None,
        };
        let fate = open
            .as_deref()
            .map_or(Fate::Untouched, |p| Fate::of(&batch, p));
        self.receive(batch);
        let Some(path) = open else {
            return;
        };
        let name = file_name(&path);
        match fate {
            Fate::Untouched => {}
            Fate::Changed => {
                if let Some(at) = self.library.position_of(&path) {
                    self.reload = Some(path.clone());
                    self.read_to_open(at);
                }
            }
            Fate::Broken(problem) => {
                self.message = Some(format!(
                    "{name} changed and no longer loads; shown as it was: {problem}"
                ));
            }
            Fate::Deleted => {
                self.message = Some(format!(
                    "{name} was deleted; it stays readable until you leave it"
                ));
            }
        }
    }

    /// The open briefing as its file holds it now, in place of what was shown (unless it
    /// is the same); `quiet` when it is the whole of a head (the file did not change).
    pub(super) fn reload_open(&mut self, index: usize, loaded: Loaded, quiet: bool) {
        // Written again as it was (or only touched): nothing to show or say.
        if self
            .open
            .as_ref()
            .is_some_and(|open| open.briefing == loaded.briefing)
        {
            return;
        }
        let loaded = self.open.insert(loaded);
        let cx = Context {
            library: &self.library,
            open: Some(loaded),
            area: self.area,
            engine: self.engine,
        };
        self.briefing.reload(&loaded.briefing, index, cx);
        if !quiet {
            let name = file_name(&loaded.briefing.path);
            self.message = Some(format!("reloaded {name}: its file changed"));
        }
    }
}

/// A file's name for the status line, controls made visible.
fn file_name(path: &Path) -> String {
    let name = path
        .file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy();
    sanitize(&name).text.replace('\n', " ")
}
