//! The library's side of the review marks: taking in what the runtime read, the width
//! the state column leaves the rows, and where the review keys act (`u` looks onward from
//! an entry).

use ratatui::layout::Rect;

use super::entry::LIST_SELECTABLE;
use super::review::{COLUMN_WIDTH, MarkRead, MarksRead, Review};
use super::view::LibraryView;
use crate::briefing::Library;
use crate::ui::content::Engine;
use crate::ui::layout::text_width;

impl LibraryView {
    /// The width an entry's row is laid out at in `list`: the text's, less the state
    /// column while marks are on.
    pub(super) fn row_width(&self, list: Rect) -> usize {
        let column = if self.review.is_on() { COLUMN_WIDTH } else { 0 };
        text_width(list, LIST_SELECTABLE).saturating_sub(column)
    }

    pub fn review(&self) -> &Review {
        &self.review
    }

    /// The marks as read just now: the column, the counts and the detail show them.
    pub fn receive_marks(
        &mut self,
        read: MarksRead,
        library: &Library,
        area: Rect,
        engine: Engine,
    ) {
        self.review.receive(read, library);
        self.refilter(library);
        self.detail_of = None;
        self.relayout(library, area, engine);
    }

    /// One briefing's marks, read back after a write.
    pub fn receive_mark(&mut self, one: MarkRead, library: &Library, area: Rect, engine: Engine) {
        self.review.receive_one(one, library);
        self.refilter(library);
        self.detail_of = None;
        self.relayout(library, area, engine);
    }

    /// Marks are off, and why.
    pub fn marks_off(&mut self, reason: String, library: &Library, area: Rect, engine: Engine) {
        self.review.turn_off(reason);
        self.refilter(library);
        self.detail_of = None;
        self.relayout(library, area, engine);
    }

    /// The state column in plain ASCII (`--color never`).
    pub fn plain_symbols(&mut self, plain: bool) {
        self.review.plain = plain;
    }

    /// The entry selected (the top when nothing is shown).
    pub fn selected_entry(&self) -> usize {
        self.selected
    }

    pub fn shows_any(&self) -> bool {
        self.shown_len() > 0
    }

    /// The position in the list just after library entry `index`: where looking onward
    /// from it begins (under a filter that hides it, the next one shown).
    pub fn position_after(&self, index: usize) -> usize {
        match &self.filter {
            None => index + 1,
            Some(filter) => filter.position_of(index).map_or_else(|at| at, |at| at + 1),
        }
    }
}
