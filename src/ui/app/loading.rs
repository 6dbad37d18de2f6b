//! The library as a background load delivers it: each batch goes into its place in reading
//! order while the selection (and an open briefing) stays on the entry the user chose, the
//! library's title shows how far the load has got, and the briefing named on the command
//! line opens as soon as it is in.

use std::path::PathBuf;

use ratatui::layout::Rect;

use super::{App, UiOptions};
use crate::briefing::{Library, LibraryEntry};
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
            Action::LibraryDone => {
                self.library_view.loaded();
                // A named file the load never delivered stays unopened; nothing to wait for.
                self.opening = None;
            }
            _ => {}
        }
    }

    fn receive(&mut self, batch: Batch) {
        if batch.is_empty() {
            return;
        }
        let placed = self.library.insert(batch.briefings, batch.failures);
        self.briefing.shift_index(&placed);
        self.library_view
            .insert(&self.library, &placed, self.area, self.engine);
        let Some(wanted) = self.opening.take() else {
            return;
        };
        let arrived = placed
            .iter()
            .copied()
            .find(|&at| self.library.path(at) == Some(wanted.as_path()));
        match arrived.map(|at| (at, self.library.entry(at))) {
            Some((at, Some(LibraryEntry::Loaded(_)))) => self.open_briefing(at),
            Some((at, _)) => {
                self.library_view
                    .choose(&self.library, at, self.area, self.engine);
            }
            None => self.opening = Some(wanted),
        }
    }
}
