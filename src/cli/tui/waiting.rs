//! Keys typed while the reader shows a long briefing's head wait for its whole.

use brief::briefing::LoadOptions;
use brief::ui::{Action, App, read_asked};
use crossterm::event::Event;

use super::act::{action_for, apply};

/// Keys typed while the briefing shown is a head (`App::awaits_whole`) wait for the whole:
/// a `G` or a search typed then is meant for all of it. They wait as events, not actions,
/// since what a key means depends on what the keys before it did (a `/`, then the
/// letters of a search). Redrawing and resizing act at once, and so do quitting and
/// suspending, unless a key waiting opens a prompt (the `q` would be a letter of it).
#[derive(Debug, Default)]
pub struct WaitingKeys(Vec<Event>);

impl WaitingKeys {
    /// `event`, unless it is kept to wait for the whole (or behind keys that do).
    pub(super) fn unless_kept(&mut self, app: &App, event: Event) -> Option<Event> {
        // The every-key case: no head shown, nothing waiting.
        if !app.awaits_whole() && self.0.is_empty() {
            return Some(event);
        }
        let at_once = match action_for(app, event.clone()) {
            Some(Action::Redraw | Action::Resize { .. }) => true,
            Some(Action::Quit | Action::Suspend) => !self.opens_a_prompt(app),
            _ => false,
        };
        if at_once {
            return Some(event);
        }
        self.0.push(event);
        None
    }

    fn opens_a_prompt(&self, app: &App) -> bool {
        let opens = |event: &Event| {
            let action = action_for(app, event.clone());
            matches!(action, Some(Action::SearchStart | Action::EditNote))
        };
        self.0.iter().any(opens)
    }

    /// Once the whole is in, the keys kept for it, in order; true if any acted.
    pub fn release(&mut self, app: &mut App, load: &LoadOptions) -> bool {
        if app.awaits_whole() || self.0.is_empty() {
            return false;
        }
        let mut dirty = false;
        for event in std::mem::take(&mut self.0) {
            if app.should_quit() {
                break;
            }
            dirty |= apply(app, event);
            read_asked(app, load);
        }
        dirty
    }
}

#[cfg(test)]
#[path = "tests_waiting.rs"]
mod tests;
