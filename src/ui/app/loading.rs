//! The library as a background load delivers it: each batch goes into its place in reading
//! order while the selection (and an open briefing) stays on the entry the user chose, the
//! library's title shows how far the load has got, and the briefing named on the command
//! line opens as soon as it is in.

use std::path::PathBuf;

use ratatui::layout::Rect;

use super::{App, UiOptions};
use crate::briefing::{Change, Library, LibraryEntry};
use crate::ui::action::Action;
use crate::ui::keys::KeySetup;
use crate::ui::loading::Batch;

impl App {
    /// An empty library that fills from `LibraryLoaded` actions until `LibraryDone`.
    /// `opened`: the file named on the command line, opened when it arrives under exactly
    /// that path (the loader sends it first, spelled as given). `area`: the terminal's size.
    pub fn loading(
        opened: Option<PathBuf>,
        options: UiOptions,
        keys: KeySetup,
        area: Rect,
    ) -> Self {
        Self::new(Library::default(), None, options, keys, area).begin_loading(opened)
    }

    /// Until `Action::FirstFrameDrawn`, a briefing opened lays out only what its screen
    /// shows: a short pane's rest, and so its exact row count, follows the first frame.
    pub fn first_screens_first(mut self) -> Self {
        self.briefing.first_screens_first();
        self
    }

    fn begin_loading(mut self, opened: Option<PathBuf>) -> Self {
        self.library_view.begin_loading();
        self.opening = opened;
        self
    }

    /// Whether the library is still arriving.
    pub fn is_loading(&self) -> bool {
        self.library_view.is_loading()
    }

    /// Whether the briefing named on the command line has yet to arrive: the runtime holds
    /// the first frame for it, so the first keys act on it.
    pub fn awaits_opened(&self) -> bool {
        self.opening.is_some()
    }

    pub(super) fn update_loading(&mut self, action: Action) {
        match action {
            Action::LibraryFound(total) => {
                self.library_view.expect(total);
            }
            Action::LibraryLoaded(batch) => self.receive(batch),
            Action::LibraryListing(listed) => self.library_view.listing(listed),
            Action::LibraryChecking { done, total } => self.library_view.checking(done, total),
            Action::LibraryNotice(text) => self.message = Some(text),
            Action::LibraryDone => {
                self.library_view.loaded();
                // A named file the load never delivered stays unopened; nothing to wait for.
                self.opening = None;
                self.reread_marks();
            }
            Action::FileRead(read) => self.receive_file(*read),
            Action::HeadRead(head) => self.receive_head(*head),
            Action::Found(found) => {
                self.library_view
                    .found(&self.library, found, self.area, self.engine);
            }
            _ => {}
        }
    }

    pub(super) fn receive(&mut self, batch: Batch) {
        if batch.is_empty() {
            return;
        }
        let change = self
            .library
            .change(&batch.gone, batch.listings, batch.failures);
        self.take_change(&change);
        self.complete_head(&batch.gone);
        let Some(wanted) = self.opening.take() else {
            return;
        };
        let arrived = change
            .placed
            .iter()
            .copied()
            .find(|&at| self.library.path(at) == Some(wanted.as_path()));
        match arrived.map(|at| (at, self.library.entry(at))) {
            Some((at, Some(LibraryEntry::Listed(_)))) => {
                self.library_view
                    .choose(&self.library, at, self.area, self.engine);
                self.read_to_open(at);
            }
            Some((at, _)) => {
                self.library_view
                    .choose(&self.library, at, self.area, self.engine);
            }
            None => self.opening = Some(wanted),
        }
    }

    /// The library changed: the list and the open briefing follow their entries.
    pub(super) fn take_change(&mut self, change: &Change) {
        if change.is_empty() {
            return;
        }
        self.briefing.follow(change, &self.library);
        self.library_view
            .apply(&self.library, change, self.area, self.engine);
    }
}
