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

#[test]
fn a_briefing_opened_from_a_filtered_list_counts_within_it() {
    let mut app = fixture_app();
    // Two briefings; the filter keeps the second, by its file's name.
    run(&mut app, &[Action::SearchStart]);
    for c in "harakat".chars() {
        app.update(Action::SearchInput(c));
    }
    run(&mut app, &[Action::SearchSubmit, Action::Select]);
    assert_eq!(app.reader().map(|r| r.index()), Some(1));
    // The query goes on as the briefing's search (it found the file by its name, not its
    // text), and the count follows it.
    assert!(
        status_line(&app, 80, 24).ends_with(" · 1/1"),
        "{}",
        status_line(&app, 80, 24)
    );
    // Without the filter, it is the second of two. Esc drops the briefing's search, then
    // leaves it, then clears the library's.
    let backs = [Action::Back, Action::Back, Action::Back];
    run(&mut app, &backs);
    assert!(!app.library_view().is_filtered());
    run(&mut app, &[Action::Select]);
    assert!(
        status_line(&app, 80, 24).ends_with("2/2 · ? help"),
        "{}",
        status_line(&app, 80, 24)
    );
}

#[test]
fn a_message_naming_a_right_to_left_path_shows_it_in_reading_order() {
    let mut app = fixture_app();
    app.message = Some("key file ignored: /home/u/مفاتيح/keys.toml".to_owned());
    let shown = status_line(&app, 80, 24);
    // Shaped and reordered: the folder's letters read from the right, the rest as typed.
    assert!(shown.starts_with("key file ignored: /home/u/"), "{shown}");
    assert!(shown.contains("/keys.toml"), "{shown}");
    assert!(!shown.contains("مفاتيح"), "left in logical order: {shown}");
    assert!(shown.contains("/ﺢﻴﺗﺎﻔﻣ/"), "{shown}");
}
