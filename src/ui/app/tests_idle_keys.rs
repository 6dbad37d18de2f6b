//! Every key does something on the screen it is pressed on, or says briefly that it does
//! nothing there.

use crate::ui::Action;
use crate::ui::app::App;
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::{fixture_app, run};

/// Moves that do nothing only at the top, where the fixtures start: they move elsewhere.
const AT_THE_TOP: [Action; 4] = [Action::Up, Action::PageUp, Action::HalfPageUp, Action::Top];

/// The bindable actions that leave the screen of the app `make` builds as it was, with no
/// effect and no quit.
fn silent(make: impl Fn() -> App) -> Vec<Action> {
    let before = buffer_lines(&render_buffer(&make(), 80, 24));
    Action::BINDABLE
        .iter()
        .filter(|action| !AT_THE_TOP.contains(action))
        .filter(|action| {
            let mut app = make();
            app.update((*action).clone());
            let after = buffer_lines(&render_buffer(&app, 80, 24));
            after == before && app.take_effects().is_empty() && !app.should_quit()
        })
        .cloned()
        .collect()
}

#[test]
fn no_key_is_silent_in_the_library_or_a_briefing() {
    assert_eq!(silent(fixture_app), Vec::<Action>::new(), "in the library");
    let reading = || {
        let mut app = fixture_app();
        run(&mut app, &[Action::Select]);
        app
    };
    // Focusing the pane in focus already (the body, at first) changes nothing to say.
    assert_eq!(silent(reading), [Action::FocusBody], "in a briefing");
}
