//! A long briefing named on the command line opens from its head (`briefing::load_head`):
//! the loader sends the head before the whole parse ends, then the whole, which takes its
//! place with the panes where they were. The runtime holds the keys typed meanwhile for
//! the whole (`cli/tui/events.rs`).

use std::path::{Path, PathBuf};

use super::{App, Screen};
use crate::briefing::{LibraryEntry, Listing, LoadFailure, Loaded};

impl App {
    /// Whether the briefing shown is the head of a file still being parsed whole.
    pub fn awaits_whole(&self) -> bool {
        self.head.is_some()
    }

    /// The head of the file named on the command line, if it is still awaited: it opens.
    pub(super) fn receive_head(&mut self, head: Loaded) {
        let path = head.briefing.path.clone();
        if self.opening.as_ref() != Some(&path) {
            return;
        }
        let change = self
            .library
            .change(&[], vec![Listing::of(&head)], Vec::new());
        self.take_change(&change);
        let Some(at) = self.library.position_of(&path) else {
            return;
        };
        self.opening = None;
        self.head = Some(path);
        self.library_view
            .choose(&self.library, at, self.area, self.engine);
        self.open_briefing(at, head);
    }

    /// A batch came after a head: if it changed (`gone`) the head's file, its whole parse
    /// is read (the loader kept it) to take the head's place, or, if the file failed, the
    /// library shows why.
    pub(super) fn complete_head(&mut self, gone: &[PathBuf]) {
        let Some(path) = self.head.clone().filter(|p| gone.contains(p)) else {
            return;
        };
        let at = self.library.position_of(&path);
        match at.map(|at| (at, self.library.entry(at))) {
            Some((at, Some(LibraryEntry::Listed(_)))) => {
                self.reload = Some(path);
                self.read_to_open(at);
            }
            Some((at, Some(LibraryEntry::Failed(failure)))) => {
                let failure = failure.clone();
                self.leave_head(Some(at), &failure);
            }
            _ => self.leave_head(
                None,
                &LoadFailure {
                    path,
                    diagnostics: Vec::new(),
                },
            ),
        }
    }

    /// Whether the file just read is the whole of the head shown.
    pub(super) fn completes_head(&mut self, path: &Path) -> bool {
        self.head.take_if(|head| head == path).is_some()
    }

    /// The whole did not load: the head goes, and the library says why, on the file's
    /// entry.
    pub(super) fn leave_head(&mut self, at: Option<usize>, failure: &LoadFailure) {
        let first = failure.diagnostics.first().map(ToString::to_string);
        let problem = first.unwrap_or_else(|| format!("{} did not load", failure.path.display()));
        self.message = Some(problem);
        self.head = None;
        self.screen = Screen::Library;
        self.briefing.leave();
        self.open = None;
        if let Some(at) = at {
            self.library_view
                .choose(&self.library, at, self.area, self.engine);
        }
    }
}
