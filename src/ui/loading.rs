//! The library as a background load delivers it: each batch goes into its place in reading
//! order while the selection (and an open briefing) stays on the entry the user chose, the
//! library's title shows how far the load has got, and the briefing named on the command
//! line opens as soon as it is in.

use std::path::{Path, PathBuf};

use ratatui::layout::Rect;

use super::Action;
use super::app::{App, UiOptions};
use super::keys::KeySetup;
use crate::briefing::{Library, LoadFailure, Loaded};

/// Part of the library, as the background loader sends it, in any order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Batch {
    pub briefings: Vec<Loaded>,
    pub failures: Vec<LoadFailure>,
}

impl Batch {
    pub fn len(&self) -> usize {
        self.briefings.len() + self.failures.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Takes `other`'s entries too: batches waiting together go in with one merge.
    pub fn append(&mut self, mut other: Batch) {
        self.briefings.append(&mut other.briefings);
        self.failures.append(&mut other.failures);
    }
}

/// How far a background load has got; what has arrived is the library itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Library entries to expect in all, known once the files have been found.
    pub total: Option<usize>,
}

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

    pub(super) fn begin_loading(mut self, opened: Option<PathBuf>) -> Self {
        self.library_view.progress = Some(Progress::default());
        self.opening = opened;
        self
    }

    /// Whether the library is still arriving.
    pub fn is_loading(&self) -> bool {
        self.library_view.progress.is_some()
    }

    /// Whether the briefing named on the command line has yet to arrive: the runtime holds
    /// the first frame for it, so the first keys act on it.
    pub fn awaits_opened(&self) -> bool {
        self.opening.is_some()
    }

    pub(super) fn update_loading(&mut self, action: Action) {
        match action {
            Action::LibraryFound(total) => {
                if let Some(progress) = self.library_view.progress.as_mut() {
                    progress.total = Some(total);
                }
            }
            Action::LibraryLoaded(batch) => self.receive(batch),
            Action::LibraryDone => {
                self.library_view.progress = None;
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
        if let Some(reader) = self.reader.as_mut() {
            reader.index = Library::shifted(reader.index, &placed);
        }
        self.library_view
            .insert(&self.library, &placed, self.area, self.engine);
        let Some(wanted) = self.opening.take() else {
            return;
        };
        let arrived = placed
            .iter()
            .copied()
            .find(|&at| self.path_at(at) == Some(wanted.as_path()));
        match arrived {
            Some(at) if at < self.library.briefings.len() => self.open_briefing(at),
            Some(at) => {
                self.library_view
                    .choose(&self.library, at, self.area, self.engine);
            }
            None => self.opening = Some(wanted),
        }
    }

    /// The file behind library entry `at` (briefings first, then failures).
    fn path_at(&self, at: usize) -> Option<&Path> {
        match self.library.briefings.get(at) {
            Some(loaded) => Some(&loaded.briefing.path),
            None => self
                .library
                .failures
                .get(at - self.library.briefings.len())
                .map(|failure| failure.path.as_path()),
        }
    }
}

/// `12345` as "12,345": progress counts are read at a glance.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
