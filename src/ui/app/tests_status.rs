//! The status line: no word cut, and the counts giving way to a message.

use crate::ui::Action;
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::{fixture_app, run};

fn status_line(app: &crate::ui::App, width: u16, height: u16) -> String {
    let lines = buffer_lines(&render_buffer(app, width, height));
    lines
        .last()
        .map(|l| l.trim().to_owned())
        .unwrap_or_default()
}

#[test]
fn a_message_keeps_its_words_and_the_counts_give_way() {
    let mut app = fixture_app();
    // The failed file is listed after the briefings; Enter on it explains.
    run(&mut app, &[Action::Down, Action::Down, Action::Select]);
    let message = "this file failed to load: its error is shown below";
    assert_eq!(app.message(), Some(message));
    assert_eq!(status_line(&app, 80, 24), message);
    run(
        &mut app,
        &[Action::Resize {
            width: 40,
            height: 12,
        }],
    );
    assert_eq!(
        status_line(&app, 40, 12),
        "this file failed to load: its error is…"
    );
    // Without a message the counts come back.
    run(
        &mut app,
        &[
            Action::Up,
            Action::Resize {
                width: 80,
                height: 24,
            },
        ],
    );
    assert_eq!(status_line(&app, 80, 24), "2 briefings, 1 error · ? help");
}
