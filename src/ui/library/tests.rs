//! The library screen driven through `App::update`: listing, opening, moving the
//! selection and what that lays out.

use crate::ui::Action;
use crate::ui::app::{App, Screen};
use crate::ui::testing::{SIZE, fixture_app, numbered_app, run};

#[test]
fn library_lists_briefings_newest_first_and_failures() {
    let app = fixture_app();
    assert_eq!(app.library().briefings.len(), 2);
    assert_eq!(app.library().failures.len(), 1);
    assert_eq!(app.library().briefings[0].briefing.id, "mixed-water-talks");
    assert_eq!(
        crate::ui::library::counts(app.library()),
        "2 briefings, 1 error"
    );
}

#[test]
fn enter_on_a_failed_file_stays_in_the_library() {
    let mut app = fixture_app();
    run(&mut app, &[Action::Bottom, Action::Select]);
    assert_eq!(app.screen(), Screen::Library);
    assert_eq!(app.library_view().selected(), 2);
    assert!(app.message().is_some_and(|m| m.contains("failed to load")));
}

/// A library of `n` one-line briefings, at `size`.

#[test]
fn a_large_library_keeps_the_selection_in_view() {
    let mut app = numbered_app(3000, SIZE);
    run(
        &mut app,
        &[
            Action::PageDown,
            Action::PageDown,
            Action::Down,
            Action::Bottom,
            Action::PageUp,
        ],
    );
    let selected = app.library_view().selected();
    let lines = crate::ui::screen::buffer_lines(&crate::ui::screen::render_buffer(&app, 80, 24));
    let shown = lines
        .iter()
        .find(|l| l.contains('▌'))
        .cloned()
        .unwrap_or_default();
    let headline = &app.library().briefings[selected].briefing.headline;
    assert!(
        shown.contains(headline.as_str()),
        "{headline} not in {shown:?}"
    );
    run(&mut app, &[Action::Top]);
    assert_eq!(
        (app.library_view().selected(), app.library_view().scroll()),
        (0, 0)
    );
    let lines = crate::ui::screen::buffer_lines(&crate::ui::screen::render_buffer(&app, 80, 24));
    assert!(
        lines.iter().any(|l| l.contains(" 1/3000 ")),
        "scroll position shown"
    );
}

#[test]
fn moving_the_selection_lays_out_no_row_twice() {
    let mut app = numbered_app(3000, SIZE);
    let page = crate::ui::library::LibraryView::page(app.area());
    let view = |app: &App| {
        (
            app.library_view().rows_laid_out,
            app.library_view().details_built,
        )
    };
    assert_eq!(view(&app), (page, 1));
    run(
        &mut app,
        &[Action::Down, Action::Down, Action::Up, Action::Up],
    );
    // Four detail panes for four selections; no row again.
    assert_eq!(view(&app), (page, 5));
    // A page down scrolls one new row into view (the selection goes to the last row).
    run(&mut app, &[Action::PageDown]);
    assert_eq!(view(&app).0, page + 1);
    run(&mut app, &[Action::PageUp, Action::PageUp]);
    assert_eq!(view(&app).0, page + 1, "rows seen before are kept");
    // Taller: only the rows that come into view; wider: every row in view again.
    app.update(Action::Resize {
        width: 80,
        height: 30,
    });
    let taller = crate::ui::library::LibraryView::page(app.area());
    assert!(taller > page + 1);
    assert_eq!(view(&app).0, taller);
    let details = view(&app).1;
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    assert_eq!(view(&app), (taller + taller, details));
}
