//! The review marks as the reader shows them: each library entry's marks, read from the
//! state by the runtime (`Action::MarksRead`), the state column's symbols and the title's
//! counts. Nothing here reads or writes the state: writes are `Effect::Mark`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::briefing::state::{Mark, Marks};
use crate::briefing::{Library, query};
use crate::ui::count::thousands;

/// What the runtime read of the review state for the library's briefings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MarksRead {
    /// The name marks are recorded under.
    pub me: String,
    /// Everyone's marks, by library path; a briefing nobody marked is not here.
    pub marks: HashMap<PathBuf, Marks>,
    /// Briefings `me` reviewed whose file has changed since.
    pub changed: HashSet<PathBuf>,
}

/// One briefing's marks, read back after the runtime wrote a change to them: reading
/// every briefing's marks again after each key would cost a large library's size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkRead {
    /// The briefing's path in the library.
    pub path: PathBuf,
    /// Everyone's marks on it (empty when none are left).
    pub marks: Marks,
    /// `me` reviewed it and its file has changed since.
    pub changed: bool,
}

/// A change to one briefing's marks, for the runtime to write (`Effect::Mark`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkWrite {
    pub path: PathBuf,
    /// The briefing's `id` (empty when it has none): marks follow it across renames.
    pub id: String,
    pub change: MarkChange,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkChange {
    Set(Mark),
    Clear(Mark),
    /// The note's new text; empty removes it.
    Note(String),
}

/// The marks the reader knows, or why it has none.
#[derive(Debug, Clone, Default)]
pub struct Review {
    /// Why there are no marks; `None` once the state was read.
    off: Option<String>,
    read: Option<MarksRead>,
    counts: Counts,
    /// Symbols in plain ASCII (`--color never`).
    pub(super) plain: bool,
}

/// The library's briefings counted by `me`'s marks, for the title.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub reviewed: usize,
    pub flagged: usize,
}

/// Cells the state column takes before each row, with the space after it.
pub(super) const COLUMN_WIDTH: usize = 4;

impl Review {
    /// Whether marks are on: the state was read.
    pub fn is_on(&self) -> bool {
        self.read.is_some()
    }

    /// Why marks are off, when they are and it is known.
    pub fn off_reason(&self) -> Option<&str> {
        self.off.as_deref()
    }

    pub fn me(&self) -> &str {
        self.read.as_ref().map_or("", |read| read.me.as_str())
    }

    /// The marks of the briefing at `path`; `None` when nobody marked it.
    pub fn marks(&self, path: &Path) -> Option<&Marks> {
        self.read.as_ref()?.marks.get(path)
    }

    /// The answer to a review term of the query language for the briefing at `path`; with
    /// marks off every briefing is new and nothing else.
    pub fn holds(&self, path: &Path, review: &query::Review) -> bool {
        let unmarked = Marks::default();
        let marks = self.marks(path).unwrap_or(&unmarked);
        marks.holds(review, self.me())
    }

    /// Never opened by me (with marks on).
    pub fn is_new(&self, path: &Path) -> bool {
        self.is_on() && self.marks(path).is_none_or(|marks| marks.is_new(self.me()))
    }

    pub fn changed_since_reviewed(&self, path: &Path) -> bool {
        self.read
            .as_ref()
            .is_some_and(|read| read.changed.contains(path))
    }

    #[cfg(test)]
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// Takes in what the runtime read, and counts the library by it.
    pub fn receive(&mut self, read: MarksRead, library: &Library) {
        self.off = None;
        self.read = Some(read);
        self.count(library);
    }

    /// Takes in one briefing's marks, read back after a write, and counts the library again.
    pub fn receive_one(&mut self, one: MarkRead, library: &Library) {
        let Some(read) = self.read.as_mut() else {
            return;
        };
        if one.changed {
            read.changed.insert(one.path.clone());
        } else {
            read.changed.remove(&one.path);
        }
        if one.marks.is_empty() {
            read.marks.remove(&one.path);
        } else {
            read.marks.insert(one.path, one.marks);
        }
        self.count(library);
    }

    /// Marks are off, for this reason.
    pub fn turn_off(&mut self, reason: String) {
        self.read = None;
        self.off = Some(reason);
    }

    /// Counts the library's briefings again (after it changed).
    pub fn count(&mut self, library: &Library) {
        let Some(read) = &self.read else {
            return;
        };
        let mut counts = Counts::default();
        for listing in &library.listings {
            match read.marks.get(&listing.path) {
                None => counts.new += 1,
                Some(marks) => {
                    counts.new += usize::from(marks.is_new(&read.me));
                    counts.reviewed += usize::from(marks.is_reviewed(&read.me));
                    counts.flagged += usize::from(marks.is_flagged(&read.me));
                }
            }
        }
        self.counts = counts;
    }

    /// `12 new · 40 reviewed · 3 flagged`, for the library's title.
    pub fn counts_text(&self) -> Option<String> {
        self.is_on().then(|| {
            let Counts {
                new,
                reviewed,
                flagged,
            } = self.counts;
            format!(
                "{} new · {} reviewed · {} flagged",
                thousands(new),
                thousands(reviewed),
                thousands(flagged)
            )
        })
    }

    /// The state column of the briefing at `path`: its state (new, read, reviewed,
    /// changed since reviewed), flagged, noted; three cells.
    pub fn column(&self, path: &Path) -> [&'static str; 3] {
        let plain = self.plain;
        let pick = |symbol: &'static str, ascii: &'static str| if plain { ascii } else { symbol };
        let me = self.me();
        let Some(marks) = self.marks(path) else {
            return [pick("●", "N"), " ", " "];
        };
        let state = if self.changed_since_reviewed(path) {
            pick("Δ", "C")
        } else if marks.is_reviewed(me) {
            pick("✓", "R")
        } else if marks.is_read(me) {
            pick("·", " ")
        } else {
            pick("●", "N")
        };
        let flag = if marks.is_flagged(me) {
            pick("⚑", "F")
        } else {
            " "
        };
        let note = if marks.has_note(me) {
            pick("✎", "n")
        } else {
            " "
        };
        [state, flag, note]
    }

    /// `detail_line` of library entry `at`.
    pub(super) fn detail_line_of(&self, library: &Library, at: usize) -> Option<String> {
        self.detail_line(library.path(at)?)
    }

    /// Lines about the briefing at `path`'s marks for the library's detail pane: who
    /// else reviewed it, and that it changed since I reviewed it.
    pub fn detail_line(&self, path: &Path) -> Option<String> {
        let marks = self.marks(path)?;
        let mut parts = Vec::new();
        if self.changed_since_reviewed(path) {
            parts.push("changed since reviewed".to_owned());
        }
        if marks.reviewed.len() > 1 || marks.reviewed.first().is_some_and(|s| s.who != self.me()) {
            parts.push(format!("reviewed by {}", marks.reviewed.len()));
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

#[cfg(test)]
mod tests {
    use super::Review;
    use crate::text::measure;

    /// The column is three cells in every terminal that measures as unicode-width does:
    /// each symbol one cell, none of them an emoji that some terminals draw two wide.
    #[test]
    fn every_symbol_of_the_column_is_one_cell() {
        for symbol in ["●", "·", "✓", "Δ", "⚑", "✎", "N", "R", "C", "F", "n", " "] {
            assert_eq!(measure(symbol), 1, "{symbol}");
            assert!(
                unicode_width::UnicodeWidthStr::width(symbol) == 1,
                "{symbol}"
            );
        }
        let review = Review::default();
        assert_eq!(
            review.column(std::path::Path::new("a.json")),
            ["●", " ", " "]
        );
    }
}
