//! A terminal event turned into the app's action, and carried out.

use brief::ui::{Action, App};
use crossterm::event::{Event, KeyEventKind};

/// Feeds the event to the app; true if it meant something (so a frame is due).
pub(super) fn apply(app: &mut App, event: Event) -> bool {
    let Some(action) = action_for(app, event) else {
        return false;
    };
    app.update(action);
    true
}

/// What a terminal event asks of the app. Key releases (sent by terminals with the kitty
/// keyboard protocol) are dropped here, the one place: a key acts when pressed.
pub(super) fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => app.action_for_key(key),
        Event::Mouse(mouse) => app.action_for_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}
