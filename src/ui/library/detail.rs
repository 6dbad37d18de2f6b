//! The detail pane below the list (a briefing's summary and warnings, or a file's error):
//! Tab or `w` gives it the focus, and it then scrolls like any pane, so a long error or a
//! list of warnings can be read whole.

use ratatui::layout::Rect;

use crate::ui::action::Action;
use crate::ui::layout::{WHEEL_STEP, half_page, inner_height};

/// Whether the detail pane has the focus, and how far it is scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct DetailView {
    pub(super) focused: bool,
    pub(super) scroll: usize,
}

impl DetailView {
    /// Gives the pane drawn in `pane` the focus, when the screen has room to show it.
    pub(super) fn focus(&mut self, pane: Rect) {
        self.focused = pane.height > 0;
    }

    /// What `action` does to the pane drawn in `pane`, `rows` rows long: focus moves between
    /// it and the list, and while it has the focus, the moves scroll it and Esc gives the
    /// focus back. `false` when the action is the list's.
    pub(super) fn update(&mut self, action: &Action, pane: Rect, rows: usize) -> bool {
        let view = self;
        match action {
            Action::FocusNext | Action::FocusPrev | Action::Warnings => {
                view.focused = !view.focused && pane.height > 0;
                return true;
            }
            Action::Back if view.focused => {
                view.focused = false;
                return true;
            }
            _ if !view.focused => return false,
            _ => {}
        }
        let page = inner_height(pane).max(1);
        let last = rows.saturating_sub(page);
        let scroll = view.scroll;
        view.scroll = match action {
            Action::Down => scroll.saturating_add(1),
            Action::Up => scroll.saturating_sub(1),
            Action::PageDown => scroll.saturating_add(page),
            Action::PageUp => scroll.saturating_sub(page),
            Action::HalfPageDown => scroll.saturating_add(half_page(page)),
            Action::HalfPageUp => scroll.saturating_sub(half_page(page)),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Wheel { down: true, .. } => scroll.saturating_add(WHEEL_STEP),
            Action::Wheel { down: false, .. } => scroll.saturating_sub(WHEEL_STEP),
            // Opening, filtering and the rest are the list's, focus or not.
            _ => return false,
        }
        .min(last);
        true
    }
}
