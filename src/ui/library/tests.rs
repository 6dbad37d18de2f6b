//! The library screen driven through `App::update`: listing, opening, moving the
//! selection and what that lays out.

use crate::ui::Action;
use crate::ui::app::{App, Screen};
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::{SIZE, fixture_app, numbered, numbered_app, run, settle_from};

#[test]
fn library_lists_briefings_newest_first_and_failures() {
    let app = fixture_app();
    assert_eq!(app.library().listings.len(), 2);
    assert_eq!(app.library().failures.len(), 1);
    assert_eq!(app.library().listings[0].id, "mixed-water-talks");
    assert_eq!(
        app.library_view().counts(app.library()),
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
    let headline = &app.library().listings[selected].headline;
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
        lines.iter().any(|l| l.contains(" 1/3,000 ")),
        "scroll position shown"
    );
}

#[test]
fn moving_the_selection_lays_out_no_row_twice() {
    let mut app = numbered_app(3000, SIZE);
    let page = app.library_view().page(app.area());
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
    let taller = app.library_view().page(app.area());
    assert!(taller > page + 1);
    assert_eq!(view(&app).0, taller);
    let details = view(&app).1;
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    assert_eq!(view(&app), (taller + taller, details));
}

#[test]
fn counts_are_written_with_thousands_separators_everywhere() {
    let mut app = numbered_app(3000, SIZE);
    let screen = |app: &App| buffer_lines(&render_buffer(app, 80, 24)).join("\n");
    let before = screen(&app);
    assert!(
        before.contains(" Library: 3,000 briefings, 0 errors "),
        "{before}"
    );
    assert!(before.contains(" 1/3,000 "), "{before}");
    assert!(
        before.contains(" 3,000 briefings, 0 errors · ? help"),
        "{before}"
    );
    // Entries 0000..2999 whose number holds a 1, counted here without the filter's code.
    let holding_1 = (0..3000)
        .filter(|n| format!("{n:04}").contains('1'))
        .count();
    assert_eq!(holding_1, 1542);
    app.update(Action::SearchStart);
    app.update(Action::SearchInput('1'));
    settle_from(&mut app, &numbered(3000));
    let filtered = screen(&app);
    assert!(
        filtered.contains(" Library: 1,542 shown of 3,000 briefings, 0 errors "),
        "{filtered}"
    );
    assert!(filtered.contains(" 1/1,542 "), "{filtered}");
    // Esc keeps the selection on the first entry shown, b0001: the second of all.
    app.update(Action::SearchCancel);
    app.update(Action::Select);
    settle_from(&mut app, &numbered(3000));
    let reading = screen(&app);
    assert!(reading.contains(" 2/3,000 · ? help"), "{reading}");
}

#[test]
fn a_failed_entry_in_a_narrow_list_is_cut_to_the_room_left() {
    // Under 50 columns a row shows the headline alone, but a failed entry keeps its
    // "✗ ERROR" date before its path: the path is cut to what is left, `…` and all.
    for width in [30, 40, 52, 80] {
        let mut app = fixture_app();
        app.update(Action::Resize { width, height: 24 });
        let path = app.library().failures[0].path.display().to_string();
        let lines = buffer_lines(&render_buffer(&app, width, 24));
        let Some(row) = lines.iter().find(|l| l.contains("✗ ERROR")) else {
            panic!("no failed entry at width {width}: {lines:#?}");
        };
        let after_date = row.split_once("✗ ERROR").map_or("", |(_, rest)| rest);
        let shown = after_date.trim_end_matches('│').trim();
        // Inside the border and the selection gutter: the date column, then the path
        // (at 80 columns, after the classification and language columns too).
        let room = if width < 53 {
            width - 3 - 11
        } else {
            width - 3 - 28
        };
        if path.chars().count() > usize::from(room) {
            let cut = shown.strip_suffix('…');
            assert!(
                cut.is_some_and(|cut| !cut.is_empty() && path.starts_with(cut)),
                "width {width}: {row:?}"
            );
            // Cut where a line may break, so it may fall short of the room.
            assert!(
                shown.chars().count() <= usize::from(room),
                "width {width}: {row:?}"
            );
        } else {
            assert_eq!(shown, path, "width {width}: {row:?}");
        }
    }
}

#[test]
fn the_list_and_the_detail_are_where_the_solver_put_them() {
    use ratatui::layout::{Constraint, Layout, Rect};
    for height in 0..=300 {
        let area = Rect::new(0, 0, 90, height);
        let (list, detail) = super::view::areas(area);
        let (main, _) = crate::ui::layout::split_status(area);
        let solver: [Rect; 2] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(detail.height)]).areas(main);
        assert_eq!([list, detail], solver, "height {height}");
    }
}
