//! A long briefing named on the command line opens from its head (`briefing::load_head`):
//! the loader sends the head before the whole parse ends, then the whole, which takes its
//! place with the panes where they were. Keys wait for the whole (`awaits_whole`): a `G`
//! or a search typed meanwhile is meant for all of it.

use std::path::{Path, PathBuf};

use super::{App, Screen};
use crate::briefing::{LibraryEntry, Listing, Loaded};

impl App {
    /// Whether the briefing shown is the head of a file still being parsed whole: the
    /// runtime takes no key until it is not.
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

    /// A batch came after a head: if it changed (`gone`) the head's file, its whole parse is read
    /// (the loader kept it) to take the head's place, or, if the file failed, the library
    /// shows why.
    pub(super) fn complete_head(&mut self, gone: &[PathBuf]) {
        let Some(path) = self.head.clone().filter(|p| gone.contains(p)) else {
            return;
        };
        let shown = self.screen == Screen::Briefing
            && self.open.as_ref().is_some_and(|o| o.briefing.path == path);
        let at = self.library.position_of(&path);
        match at.map(|at| (at, self.library.entry(at))) {
            Some((at, Some(LibraryEntry::Listed(_)))) if shown => {
                self.reload = Some(path);
                self.read_to_open(at);
            }
            Some((at, Some(LibraryEntry::Failed(failure)))) if shown => {
                let first = failure.diagnostics.first().map(ToString::to_string);
                self.message = Some(first.unwrap_or_else(|| failure.to_string()));
                self.head = None;
                self.screen = Screen::Library;
                self.briefing.leave();
                self.open = None;
                self.library_view
                    .choose(&self.library, at, self.area, self.engine);
            }
            _ => self.head = None,
        }
    }

    /// Whether the file just read is the whole of the head shown: it takes the head's
    /// place without a word.
    pub(super) fn completes_head(&mut self, path: &Path) -> bool {
        self.head.take_if(|head| head == path).is_some()
    }
}
