//! Half pages (Ctrl-D, Ctrl-U), the less-style page keys (Ctrl-F, Ctrl-B) and Ctrl-L's
//! redraw, in the library, a briefing, the help screen and the search prompt.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;

use crate::briefing::{LoadOptions, load_path};
use crate::ui::app::App;
use crate::ui::content::Engine;
use crate::ui::keys::KeySetup;
use crate::ui::layout::half_page;
use crate::ui::reader::panes::PaneId;
use crate::ui::testing::{app_on, fixture_app, fixtures, open_reader, run};
use crate::ui::{Action, Effect, UiOptions};

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

fn body_scroll(app: &App) -> usize {
    open_reader(app).pane(PaneId::Body).view.scroll
}

#[test]
fn half_a_page_rounds_down_and_moves_at_least_one_row() {
    assert_eq!(half_page(11), 5);
    assert_eq!(half_page(10), 5);
    assert_eq!(half_page(3), 1);
    assert_eq!(half_page(1), 1);
    assert_eq!(half_page(0), 1);
}

#[test]
fn the_default_table_binds_the_less_keys() {
    let app = fixture_app();
    assert_eq!(app.action_for_key(ctrl('d')), Some(Action::HalfPageDown));
    assert_eq!(app.action_for_key(ctrl('u')), Some(Action::HalfPageUp));
    assert_eq!(app.action_for_key(ctrl('f')), Some(Action::PageDown));
    assert_eq!(app.action_for_key(ctrl('b')), Some(Action::PageUp));
    assert_eq!(app.action_for_key(ctrl('l')), Some(Action::Redraw));
}

#[test]
fn half_pages_scroll_the_focused_pane_by_half_its_height() {
    let mut app = app_on(&fixtures(), None);
    let small = Action::Resize {
        width: 40,
        height: 12,
    };
    run(&mut app, &[Action::Select, small, Action::FocusBody]);
    let reader = open_reader(&app);
    let rows = reader.pane(PaneId::Body).text.rows.len();
    let page = reader.page(PaneId::Body, app.area());
    let half = page / 2;
    assert!(
        half >= 2,
        "page of {page} rows: too small to tell halves apart"
    );
    assert!(
        rows > 2 * page,
        "body must hold two pages: {rows} rows, page {page}"
    );
    run(&mut app, &[Action::HalfPageDown]);
    assert_eq!(body_scroll(&app), half);
    run(&mut app, &[Action::HalfPageDown, Action::PageDown]);
    assert_eq!(body_scroll(&app), (2 * half + page).min(rows - page));
    run(
        &mut app,
        &[Action::Top, Action::PageDown, Action::HalfPageUp],
    );
    assert_eq!(body_scroll(&app), page - half);
    run(&mut app, &[Action::HalfPageUp, Action::HalfPageUp]);
    assert_eq!(body_scroll(&app), 0);
    run(&mut app, &[Action::Bottom, Action::HalfPageDown]);
    assert_eq!(body_scroll(&app), rows - page, "past the end");
}

/// A library of `count` briefings, one a day, so the newest-first order is known.
fn library_of(count: usize) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}"));
    for day in 0..count {
        let json = serde_json::json!({
            "format": 1,
            "headline": format!("Briefing {day}"),
            "language": "en",
            "date": format!("2025-01-{:02}", day + 1),
            "body": ["text"],
        });
        let file = dir.path().join(format!("b{day:02}.json"));
        std::fs::write(&file, json.to_string()).unwrap_or_else(|e| panic!("{e}"));
    }
    let library = load_path(dir.path(), &LoadOptions::default());
    assert_eq!(library.listings.len(), count, "{:?}", library.failures);
    let options = UiOptions {
        engine: Engine::default(),
        color: false,
    };
    let app = App::new(library, None, options, KeySetup::defaults(), SIZE);
    (dir, app)
}

const SIZE: Rect = Rect::new(0, 0, 80, 24);

#[test]
fn half_pages_move_the_library_selection() {
    let (_dir, mut app) = library_of(30);
    let page = app.library_view().page(app.area());
    let half = page / 2;
    assert!(half >= 2 && 2 * page < 30, "page of {page} rows");
    let selected = |app: &App| app.library_view().selected();
    run(&mut app, &[Action::HalfPageDown]);
    assert_eq!(selected(&app), half);
    run(&mut app, &[Action::PageDown, Action::HalfPageUp]);
    assert_eq!(selected(&app), page);
    run(&mut app, &[Action::Bottom, Action::HalfPageDown]);
    assert_eq!(selected(&app), 29);
    run(&mut app, &[Action::HalfPageUp]);
    assert_eq!(selected(&app), 29 - half);
}

#[test]
fn half_pages_scroll_the_help() {
    let mut app = app_on(&fixtures(), None);
    let short = Action::Resize {
        width: 80,
        height: 12,
    };
    run(&mut app, &[short, Action::Help, Action::HalfPageDown]);
    // The help's page is the screen less its frame and title (`update_help`).
    let half = usize::from(app.area().height - 3) / 2;
    assert_eq!(app.help().scroll(), Some(half));
    run(&mut app, &[Action::HalfPageUp]);
    assert_eq!(app.help().scroll(), Some(0));
}

#[test]
fn redraw_is_asked_of_the_runtime_and_changes_nothing_else() {
    let mut app = fixture_app();
    run(&mut app, &[Action::Redraw]);
    assert_eq!(app.take_effects(), [Effect::Redraw]);
    run(&mut app, &[Action::Help, Action::Down, Action::Redraw]);
    assert_eq!(app.take_effects(), [Effect::Redraw]);
    assert_eq!(app.help().scroll(), Some(1), "help left open where it was");
    run(&mut app, &[Action::Back, Action::Select, Action::Down]);
    // The Down's scroll, which the runtime may leave to the terminal.
    let _ = app.take_effects();
    let before = body_scroll(&app);
    run(&mut app, &[Action::Redraw]);
    assert_eq!(app.take_effects(), [Effect::Redraw]);
    assert_eq!(body_scroll(&app), before);
}

#[test]
fn ctrl_l_redraws_while_typing_a_search() {
    let mut app = fixture_app();
    run(&mut app, &[Action::Select, Action::SearchStart]);
    assert_eq!(app.action_for_key(ctrl('l')), Some(Action::Redraw));
    assert_eq!(
        app.action_for_key(ctrl('d')),
        None,
        "not typed into the prompt"
    );
}
