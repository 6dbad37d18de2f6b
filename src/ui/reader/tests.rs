//! The briefing screen driven through `App::update`: focus, scrolling, Enter on actors
//! and quotations, copying, search, zoom, the wheel, and rows built of several fields.

use std::path::Path;

use crate::ui::app::{App, Screen};
use crate::ui::reader::panes::PaneId;
use crate::ui::testing::{app_on, fixture_app, fixtures, open_reader, run};
use crate::ui::{Action, Effect};

fn focus(app: &App) -> PaneId {
    app.reader().map_or(PaneId::Headline, |r| r.focus)
}

#[test]
fn focus_cycles_both_ways_and_jumps_by_number() {
    let mut app = fixture_app();
    run(&mut app, &[Action::Select]);
    assert_eq!(focus(&app), PaneId::Body);
    let mut seen = Vec::new();
    for _ in 0..5 {
        app.update(Action::FocusNext);
        seen.push(focus(&app));
    }
    use PaneId::*;
    assert_eq!(seen, [Quotes, Points, Actors, Headline, Body]);
    run(&mut app, &[Action::FocusPrev]);
    assert_eq!(focus(&app), Headline);
    run(&mut app, &[Action::FocusActors]);
    assert_eq!(focus(&app), Actors);
    run(&mut app, &[Action::FocusQuotes]);
    assert_eq!(focus(&app), Quotes);
}

#[test]
fn scrolling_stops_at_both_ends_of_the_text() {
    let mut app = app_on(&fixtures(), None);
    run(
        &mut app,
        &[
            Action::Select,
            Action::Resize {
                width: 30,
                height: 8,
            },
        ],
    );
    let rows = app
        .reader()
        .map_or(0, |r| r.panes[PaneId::Body].text.rows.len());
    let page = app.reader().map_or(0, |r| r.page(PaneId::Body, app.area()));
    assert!(rows > page, "body must not fit: {rows} rows, page {page}");
    for _ in 0..500 {
        app.update(Action::Down);
    }
    let scroll = |app: &App| {
        app.reader()
            .map_or(usize::MAX, |r| r.panes[PaneId::Body].view.scroll)
    };
    assert_eq!(scroll(&app), rows - page);
    run(&mut app, &[Action::PageDown, Action::Bottom]);
    assert_eq!(scroll(&app), rows - page);
    run(&mut app, &[Action::PageUp]);
    assert_eq!(scroll(&app), rows - 2 * page);
    run(&mut app, &[Action::Top, Action::Up, Action::PageUp]);
    assert_eq!(scroll(&app), 0);
}

#[test]
fn enter_on_an_actor_filters_quotes_and_marks_names_in_the_body() {
    let mut app = fixture_app();
    run(
        &mut app,
        &[Action::Select, Action::FocusActors, Action::Select],
    );
    let reader = open_reader(&app);
    // Quote 0 names the actor by id, quote 1 by its Arabic name; quote 2 is UNDP's.
    assert_eq!(reader.quotes_shown, [0, 1]);
    assert_eq!(reader.actor_filter, Some(0));
    let body = &reader.panes[PaneId::Body].text;
    let marked: Vec<&str> = reader
        .actor_marks
        .iter()
        .map(|(field, range)| &body.fields[*field].text.text[range.clone()])
        .collect();
    assert_eq!(marked, ["Salma Haddad", "سلمى حداد", "Haddad"]);
    run(&mut app, &[Action::Down, Action::Select]);
    let reader = open_reader(&app);
    assert_eq!(
        (reader.actor_filter, reader.quotes_shown.as_slice()),
        (Some(1), &[2][..])
    );
    run(&mut app, &[Action::Back]);
    let reader = open_reader(&app);
    assert_eq!((reader.actor_filter, reader.quotes_shown.len()), (None, 3));
    assert_eq!(app.screen(), Screen::Briefing);
}

/// Zoomed or on a small screen, Enter on a quotation shows the body, scrolled to the
/// quotation's first row.
#[test]
fn enter_on_a_quote_shown_alone_focuses_the_body_at_the_quotation() {
    let small = Action::Resize {
        width: 40,
        height: 12,
    };
    for setup in [Action::Zoom, small] {
        let mut app = fixture_app();
        run(
            &mut app,
            &[Action::Select, setup.clone(), Action::FocusQuotes],
        );
        run(&mut app, &[Action::Select]);
        assert_eq!(focus(&app), PaneId::Body, "after {setup:?}");
        let reader = open_reader(&app);
        let Some((field, range)) = reader.quote_mark.clone() else {
            panic!("the quotation was not found in the body");
        };
        let mut body = reader.panes[PaneId::Body].text.clone();
        let row = body.row_of(field, range.start).unwrap_or(usize::MAX);
        let scroll = reader.panes[PaneId::Body].view.scroll;
        let page = reader.page(PaneId::Body, app.area());
        assert!(
            scroll <= row && row < scroll + page,
            "after {setup:?}: row {row}, rows {scroll}.. shown"
        );
    }
}

#[test]
fn enter_on_a_quote_scrolls_the_body_to_it() {
    let mut app = fixture_app();
    run(
        &mut app,
        &[Action::Select, Action::FocusQuotes, Action::Select],
    );
    let reader = open_reader(&app);
    let Some((field, range)) = reader.quote_mark.clone() else {
        panic!("the quotation was not found in the body");
    };
    let mut body = reader.panes[PaneId::Body].text.clone();
    assert_eq!(
        &body.fields[field].text.text[range],
        "We will publish the gauge data every day"
    );
    let row = body.row_of(field, 0).unwrap_or(0);
    let view = reader.panes[PaneId::Body].view;
    assert!(view.scroll <= row && row < view.scroll + reader.page(PaneId::Body, app.area()));
    run(&mut app, &[Action::Down, Action::Select]);
    assert_eq!(
        app.message(),
        Some("this quotation is not in the body text")
    );
}

#[test]
fn y_copies_the_selected_quote_with_attribution_in_logical_order() {
    let mut app = fixture_app();
    run(
        &mut app,
        &[
            Action::Select,
            Action::FocusQuotes,
            Action::Down,
            Action::CopyQuote,
        ],
    );
    let expected = "«نحن ملتزمون بالشفافية الكاملة في تقاسم المياه» — سلمى حداد, \
                    Chair, technical committee, Field report FR-112, 2025-11-04";
    assert_eq!(app.take_effects(), [Effect::Copy(expected.into())]);
    assert!(
        app.message()
            .is_some_and(|m| m.starts_with("copied quotation 2"))
    );
    assert!(app.take_effects().is_empty());
}

#[test]
fn search_ignores_harakat_tatweel_and_hamza_and_walks_matches() {
    let file = fixtures().join("arabic-harakat.json");
    let mut app = app_on(&fixtures(), Some(file));
    app.update(Action::SearchStart);
    for c in "الاصلاح".chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchSubmit);
    let reader = open_reader(&app);
    let found: Vec<(PaneId, &str)> = app
        .search()
        .matches
        .iter()
        .map(|m| {
            (
                m.pane,
                &reader.panes[m.pane].text.fields[m.field].text.text[m.range.clone()],
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (PaneId::Body, "الإصلاحَ"),
            (PaneId::Body, "الاصلاح"),
            (PaneId::Points, "الإصلاح")
        ]
    );
    assert_eq!(app.search().status().as_deref(), Some("match 1 of 3"));
    run(&mut app, &[Action::SearchPrev]);
    assert_eq!(app.search().status().as_deref(), Some("match 3 of 3"));
    assert_eq!(focus(&app), PaneId::Points);
    run(&mut app, &[Action::SearchNext, Action::SearchNext]);
    assert_eq!(app.search().status().as_deref(), Some("match 2 of 3"));
    assert_eq!(focus(&app), PaneId::Body);
    run(&mut app, &[Action::SearchStart]);
    for c in "جنيف".chars() {
        app.update(Action::SearchInput(c));
    }
    assert_eq!(
        app.search().matches.len(),
        1,
        "tatweel in the headline is ignored"
    );
    // Esc at the prompt goes back to the search in use.
    run(&mut app, &[Action::SearchCancel]);
    assert!(app.search().prompt.is_none());
    assert_eq!(app.search().status().as_deref(), Some("match 2 of 3"));
}

#[test]
fn brackets_walk_the_library_without_leaving_the_briefing() {
    let mut app = fixture_app();
    run(
        &mut app,
        &[Action::Select, Action::FocusActors, Action::NextBriefing],
    );
    assert_eq!(
        app.reader().map(|r| (r.index, r.focus)),
        Some((1, PaneId::Actors))
    );
    run(&mut app, &[Action::NextBriefing]);
    assert_eq!(app.message(), Some("this is the last briefing"));
    run(&mut app, &[Action::PrevBriefing, Action::PrevBriefing]);
    assert_eq!(app.reader().map(|r| r.index), Some(0));
    assert_eq!(app.message(), Some("this is the first briefing"));
}

#[test]
fn zoom_gives_the_focused_pane_the_full_width() {
    let mut app = fixture_app();
    run(&mut app, &[Action::Select, Action::FocusQuotes]);
    let width = |app: &App| {
        app.reader()
            .and_then(|r| r.panes[PaneId::Quotes].text.width)
    };
    let before = width(&app);
    run(&mut app, &[Action::Zoom]);
    assert_eq!(width(&app), Some(77), "80 columns minus borders and gutter");
    assert!(before < width(&app));
    run(&mut app, &[Action::Back]);
    assert_eq!(width(&app), before);
}

#[test]
fn wheel_scrolls_the_pane_under_the_pointer() {
    use crossterm::event::{KeyModifiers, MouseEvent, MouseEventKind};
    let mut app = fixture_app();
    run(&mut app, &[Action::Select]);
    let rects = app
        .reader()
        .map(|r| r.rects(app.area()))
        .unwrap_or_default();
    let Some(points) = rects[PaneId::Points] else {
        panic!("points are shown at 80x24");
    };
    let wheel = MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: points.x + 2,
        row: points.y + 1,
        modifiers: KeyModifiers::NONE,
    };
    let action = app.action_for_mouse(wheel);
    assert!(matches!(action, Some(Action::Wheel { down: true, .. })));
    app.update(action.unwrap_or(Action::Quit));
    let reader = open_reader(&app);
    assert!(reader.panes[PaneId::Points].view.scroll > 0);
    assert_eq!(reader.panes[PaneId::Body].view.scroll, 0);
}

#[test]
fn an_override_in_a_name_stays_inside_it_in_the_copied_text() {
    let json = "{\"headline\": \"H\", \"date\": \"2025-01-02\",
        \"quotes\": [{\"text\": \"q\", \"speaker\": \"x\"}],
        \"actors\": [{\"id\": \"x\", \"name\": \"Evil\u{202E}eman\", \"role\": \"Role\"}]}";
    let loaded = crate::briefing::load_bytes(Path::new("t.json"), json.as_bytes())
        .unwrap_or_else(|failure| panic!("{:?}", failure.diagnostics));
    let briefing = &loaded.briefing;
    let copied = crate::ui::reader::panes::quotes::attributed(briefing, &briefing.quotes[0]);
    assert_eq!(copied, "«q» — Evil\u{202E}eman\u{202C}, Role, 2025-01-02");
}
