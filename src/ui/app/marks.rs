//! The review keys (`r`, `f`, `a`, `u`) on the library's selected entry or the open
//! briefing: each asks the runtime to write (`Effect::Mark`), which reads that briefing's
//! marks back as `Action::MarkRead`; all marks are read again (`Effect::ReadMarks`, back as
//! `Action::MarksRead`) on Ctrl-L and when the library is shown again. Opening a briefing
//! marks it read.

use std::path::PathBuf;

use super::{App, Effect, Screen};
use crate::briefing::LibraryEntry;
use crate::briefing::state::Mark;
use crate::ui::Action;
use crate::ui::library::{MarkChange, MarkWrite};
use crate::ui::prompt::{Prompt, PromptEvent};

/// The note being written, and the briefing it is for.
#[derive(Debug, Clone)]
pub(super) struct NoteEditor {
    pub(super) prompt: Option<Prompt>,
    path: PathBuf,
    id: String,
}

/// What the status line shows before the note's text.
pub const NOTE_LABEL: &str = "note: ";

impl App {
    /// The review keys, and the note's prompt while it is open.
    pub(super) fn update_marks(&mut self, action: Action) {
        if self.note.is_some() {
            self.edit_note(&action);
            return;
        }
        if !self.library_view.review().is_on() {
            let why = self
                .library_view
                .review()
                .off_reason()
                .unwrap_or("no review state");
            self.message = Some(format!("marks are off: {why}"));
            return;
        }
        if action == Action::NextNew {
            self.open_next_new();
            return;
        }
        let Some(index) = self.marked_entry() else {
            self.message = Some("no briefing to mark".into());
            return;
        };
        let Some(LibraryEntry::Listed(listing)) = self.library.entry(index) else {
            self.message = Some("this file failed to load: it cannot be marked".into());
            return;
        };
        let (path, id) = (listing.path.clone(), listing.id.clone());
        let review = self.library_view.review();
        let me = review.me();
        let marks = review.marks(&path);
        let has = |mark: Mark| {
            marks.is_some_and(|m| match mark {
                Mark::Reviewed => m.is_reviewed(me),
                Mark::Flagged => m.is_flagged(me),
                Mark::Read => m.is_read(me),
            })
        };
        let (change, said) = match action {
            Action::ToggleReviewed if has(Mark::Reviewed) => {
                (MarkChange::Clear(Mark::Reviewed), "not reviewed")
            }
            Action::ToggleReviewed => (MarkChange::Set(Mark::Reviewed), "reviewed"),
            Action::ToggleFlagged if has(Mark::Flagged) => {
                (MarkChange::Clear(Mark::Flagged), "unflagged")
            }
            Action::ToggleFlagged => (MarkChange::Set(Mark::Flagged), "flagged"),
            _ => {
                let text = marks
                    .and_then(|m| m.note(me))
                    .map(|note| note.text.clone())
                    .unwrap_or_default();
                let mut prompt = None;
                let start = Action::SearchStart;
                Prompt::update(&mut prompt, &start, &text, self.note_width(), self.engine);
                self.note = Some(NoteEditor { prompt, path, id });
                return;
            }
        };
        self.message = Some(said.into());
        self.write_mark(MarkWrite { path, id, change });
    }

    /// The entry the review keys act on: the open briefing, else the library's selection.
    fn marked_entry(&self) -> Option<usize> {
        match self.screen {
            Screen::Briefing => self.briefing.reader().map(|reader| reader.index()),
            Screen::Library => self
                .library_view
                .shows_any()
                .then(|| self.library_view.selected_entry()),
            Screen::Actors => None,
        }
    }

    /// The runtime writes it and reads that briefing's marks back (`Action::MarkRead`).
    fn write_mark(&mut self, write: MarkWrite) {
        self.effects.push(Effect::Mark(write));
    }

    /// The note's prompt: Enter saves what it holds (empty removes the note), Esc leaves
    /// the note as it was.
    fn edit_note(&mut self, action: &Action) {
        let width = self.note_width();
        let Some(editor) = self.note.as_mut() else {
            return;
        };
        match Prompt::update(&mut editor.prompt, action, "", width, self.engine) {
            Some(PromptEvent::Submitted(text)) => {
                let text = text.trim().to_owned();
                self.message = Some(
                    if text.is_empty() {
                        "note removed"
                    } else {
                        "noted"
                    }
                    .into(),
                );
                let write = MarkWrite {
                    path: std::mem::take(&mut editor.path),
                    id: std::mem::take(&mut editor.id),
                    change: MarkChange::Note(text),
                };
                self.note = None;
                self.write_mark(write);
            }
            Some(PromptEvent::Cancelled) => {
                self.note = None;
                self.message = Some("note left as it was".into());
            }
            _ => {}
        }
    }

    /// The screen width the note's prompt is laid out in: what its label leaves.
    fn note_width(&self) -> u16 {
        let label = u16::try_from(NOTE_LABEL.len()).unwrap_or(0);
        self.area.width.saturating_sub(label.saturating_sub(1))
    }

    /// `u`: the next briefing I never opened after the one selected or open, in the
    /// library's order, wrapping to the top.
    fn open_next_new(&mut self) {
        let from = self.marked_entry();
        let review = self.library_view.review();
        let shown = self.library_view.shown_len();
        let start = from.map_or(0, |at| self.library_view.position_after(at));
        let next = (0..shown)
            .map(|step| (start + step) % shown.max(1))
            .filter_map(|position| self.library_view.entry_at(position))
            .filter(|&at| Some(at) != from)
            .find(|&at| {
                matches!(self.library.entry(at), Some(LibraryEntry::Listed(l)) if review.is_new(&l.path))
            });
        match next {
            Some(at) => {
                self.library_view
                    .choose(&self.library, at, self.area, self.engine);
                self.read_to_open(at);
            }
            None => self.message = Some("no new briefing left".into()),
        }
    }

    /// A briefing just opened: read, if it was new to me.
    pub(super) fn mark_opened(&mut self, index: usize) {
        let Some(LibraryEntry::Listed(listing)) = self.library.entry(index) else {
            return;
        };
        if !self.library_view.review().is_new(&listing.path) {
            return;
        }
        let write = MarkWrite {
            path: listing.path.clone(),
            id: listing.id.clone(),
            change: MarkChange::Set(Mark::Read),
        };
        self.write_mark(write);
    }

    /// Asks for the marks again, when they are on: other readers of a shared state may
    /// have marked since.
    pub(super) fn reread_marks(&mut self) {
        if self.library_view.review().is_on() && !self.effects.contains(&Effect::ReadMarks) {
            self.effects.push(Effect::ReadMarks);
        }
    }

    /// The marks as the runtime read them, or why there are none.
    pub(super) fn receive_marks(&mut self, action: Action) {
        match action {
            Action::MarksRead(read) => {
                self.library_view
                    .receive_marks(*read, &self.library, self.area, self.engine);
            }
            Action::MarkRead(one) => {
                self.library_view
                    .receive_mark(*one, &self.library, self.area, self.engine);
            }
            Action::MarksOff(reason) => {
                self.message = Some(format!("marks are off: {reason}"));
                self.library_view
                    .marks_off(reason, &self.library, self.area, self.engine);
            }
            _ => {}
        }
    }

    /// Each listed briefing's path and id, for the runtime to look their marks up by.
    pub fn briefing_keys(&self) -> impl Iterator<Item = (&std::path::Path, &str)> {
        self.library
            .listings
            .iter()
            .map(|listing| (listing.path.as_path(), listing.id.as_str()))
    }

    /// The note's prompt, while it is open.
    pub(super) fn note_prompt(&self) -> Option<&Prompt> {
        self.note.as_ref()?.prompt.as_ref()
    }
}
