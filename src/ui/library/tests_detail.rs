//! Warnings in the reader: the list marks a briefing that loaded with warnings, the detail
//! pane takes the focus and scrolls, and an open briefing counts its warnings and shows
//! them on `w`.

use ratatui::layout::Rect;

use crate::briefing::{Library, Listing, Loaded};
use crate::ui::Action;
use crate::ui::app::{App, Screen};
use crate::ui::keys::KeySetup;
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::{settle_from, ui_options};

/// Two briefings: "Calm" with no warning, "Chatty" with twelve unknown fields.
fn briefings() -> Vec<Loaded> {
    let chatty: String = (0..12).map(|n| format!(",\n\"extra{n}\": {n}")).collect();
    let chatty = format!("{{\"headline\": \"Chatty\", \"date\": \"2025-01-01\"{chatty}}}");
    let calm = "{\"headline\": \"Calm\", \"date\": \"2025-02-01\"}".to_owned();
    [("calm.json", calm), ("chatty.json", chatty)]
        .iter()
        .filter_map(|(name, json)| {
            crate::briefing::load_bytes(std::path::Path::new(name), json.as_bytes()).ok()
        })
        .collect()
}

/// The app on `briefings`, which are in memory only.
fn app() -> App {
    let listings = briefings().iter().map(Listing::of).collect();
    let library = Library {
        listings,
        failures: Vec::new(),
    };
    App::new(
        library,
        None,
        ui_options(false),
        KeySetup::defaults(),
        Rect::new(0, 0, 80, 24),
    )
}

/// Each action, with the briefing it opens read from `briefings`.
fn run(app: &mut App, actions: &[Action]) {
    let store = briefings();
    for action in actions {
        app.update(action.clone());
        settle_from(app, &store);
    }
}

fn screen(app: &App) -> Vec<String> {
    buffer_lines(&render_buffer(app, 80, 24))
}

#[test]
fn the_list_marks_a_briefing_that_loaded_with_warnings() {
    let app = app();
    let lines = screen(&app);
    let calm = lines.iter().find(|l| l.contains("Calm"));
    let chatty = lines.iter().find(|l| l.contains("Chatty"));
    // Calm is newer, so first and selected; Chatty carries the mark in the gutter.
    assert!(calm.is_some_and(|l| l.starts_with("│▌")), "{lines:#?}");
    assert!(chatty.is_some_and(|l| l.starts_with("│⚠")), "{lines:#?}");
}

#[test]
fn the_detail_pane_takes_the_focus_and_scrolls_through_the_warnings() {
    let mut app = app();
    run(&mut app, &[Action::Down]);
    let lines = screen(&app);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Summary · ⚠ 12 warnings (Tab)")),
        "{lines:#?}"
    );
    let first = |lines: &[String]| lines.iter().any(|l| l.contains("\"extra0\""));
    assert!(first(&lines), "{lines:#?}");
    run(&mut app, &[Action::FocusNext, Action::Down, Action::Down]);
    let lines = screen(&app);
    assert!(lines.iter().any(|l| l.contains("▶ Summary")), "{lines:#?}");
    assert!(!first(&lines), "scrolled: {lines:#?}");
    assert_eq!(app.library_view().selected(), 1, "j scrolled, not moved");
    run(&mut app, &[Action::Back, Action::Up]);
    assert_eq!(
        app.library_view().selected(),
        0,
        "Esc gave the list the focus"
    );
}

#[test]
fn an_open_briefing_counts_its_warnings_and_w_shows_them() {
    let mut app = app();
    run(&mut app, &[Action::Down, Action::Select]);
    let lines = screen(&app);
    assert!(
        lines.last().is_some_and(|l| l.contains("⚠ 12 (w) · 2/2")),
        "{lines:#?}"
    );
    run(&mut app, &[Action::Warnings]);
    assert_eq!(app.screen(), Screen::Library);
    let lines = screen(&app);
    assert!(lines.iter().any(|l| l.contains("▶ Summary")), "{lines:#?}");
    // A briefing without warnings says so.
    run(
        &mut app,
        &[Action::Back, Action::Up, Action::Select, Action::Warnings],
    );
    assert_eq!(app.message(), Some("this briefing loaded without warnings"));
}

/// The library's filter is typed at the same prompt: its cursor stands where the next
/// letter appears too.
#[test]
fn the_filter_prompt_draws_its_cursor_where_the_next_letter_appears() {
    let mut app = app();
    run(&mut app, &[Action::SearchStart]);
    for c in "حقوق UN".chars() {
        app.update(Action::SearchInput(c));
    }
    let prompt = app.library_view().prompt().map(|p| p.cursor_cell());
    assert_eq!(prompt, Some(2), "right after UN, at the left of the Arabic");
    run(
        &mut app,
        &[Action::SearchCursor(crate::ui::CursorMove::Start)],
    );
    let prompt = app.library_view().prompt().map(|p| p.cursor_cell());
    assert_eq!(prompt, Some(7), "right of the first letter");
}
