//! State tests: `update` driven by actions on fixture briefings loaded by the real loader,
//! with no terminal. They look inside the state, hence unit tests.

use std::path::{Path, PathBuf};

use super::app::{App, Screen};
use ratatui::layout::Rect;

use super::keys::{KeyFileError, KeySetup};
use super::{Action, Effect, UiOptions};
use crate::briefing::{LoadOptions, load_path};
use crate::text::BidiMode;
use crate::ui::reader::Reader;
use crate::ui::reader::panes::PaneId;

pub(super) fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ui")
}

pub(super) fn app_on(path: &Path, opened: Option<PathBuf>) -> App {
    let library = load_path(path, &LoadOptions::default());
    let options = ui_options(false);
    App::new(library, opened, options, KeySetup::defaults(), SIZE)
}

const SIZE: Rect = Rect::new(0, 0, 80, 24);

fn ui_options(color: bool) -> UiOptions {
    UiOptions {
        bidi: BidiMode::App,
        shaping: true,
        color,
    }
}

/// The fixture folder: mixed (2025-11-04), arabic-harakat (2025-10-01), and broken.json.
pub(super) fn fixture_app() -> App {
    app_on(&fixtures(), None)
}

pub(super) fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(action.clone());
    }
}

pub(super) fn open_reader(app: &App) -> &Reader {
    match app.reader() {
        Some(reader) => reader,
        None => panic!("no briefing is open"),
    }
}

fn focus(app: &App) -> PaneId {
    app.reader().map_or(PaneId::Headline, |r| r.focus)
}

#[test]
fn library_lists_briefings_newest_first_and_failures() {
    let app = fixture_app();
    assert_eq!(app.library().briefings.len(), 2);
    assert_eq!(app.library().failures.len(), 1);
    assert_eq!(app.library().briefings[0].briefing.id, "mixed-water-talks");
    assert_eq!(
        super::library::counts(app.library()),
        "2 briefings, 1 error"
    );
}

#[test]
fn enter_on_a_failed_file_stays_in_the_library() {
    let mut app = fixture_app();
    run(&mut app, &[Action::Bottom, Action::Select]);
    assert_eq!(app.screen(), Screen::Library);
    assert_eq!(app.library_view().selected, 2);
    assert!(app.message().is_some_and(|m| m.contains("failed to load")));
}

#[test]
fn enter_opens_and_esc_returns_with_the_briefing_selected() {
    let mut app = fixture_app();
    run(&mut app, &[Action::Down, Action::Select]);
    assert_eq!(app.screen(), Screen::Briefing);
    assert_eq!(app.reader().map(|r| r.index), Some(1));
    run(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), Screen::Library);
    assert_eq!(app.library_view().selected, 1);
}

#[test]
fn a_file_named_on_the_command_line_opens_directly() {
    let file = fixtures().join("arabic-harakat.json");
    let mut app = app_on(&fixtures(), Some(file));
    assert_eq!(app.screen(), Screen::Briefing);
    assert_eq!(app.reader().map(|r| r.index), Some(1));
    run(&mut app, &[Action::Back]);
    assert_eq!(
        (app.screen(), app.library_view().selected),
        (Screen::Library, 1)
    );
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
    let body = &reader.panes[PaneId::Body].text;
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
    run(&mut app, &[Action::SearchCancel]);
    assert!(app.search().matches.is_empty() && app.search().prompt.is_none());
}

#[test]
fn prompt_takes_typed_keys_instead_of_the_table() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = fixture_app();
    app.update(Action::Select);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(app.action_for_key(q), Some(Action::Quit));
    app.update(Action::SearchStart);
    assert_eq!(app.action_for_key(q), Some(Action::SearchInput('q')));
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    assert_eq!(app.action_for_key(esc), Some(Action::SearchCancel));
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
fn tiny_terminals_and_every_action_never_panic() {
    let mut app = fixture_app();
    for (width, height) in [(20, 5), (1, 1), (0, 0), (200, 3), (21, 6), (80, 24)] {
        app.update(Action::Resize { width, height });
        for action in Action::BINDABLE.iter().cloned() {
            if action != Action::Quit && action != Action::Back {
                app.update(action);
            }
        }
        let _ = super::screen::render_buffer(&app, width, height);
    }
}

#[test]
fn quit_suspend_and_help_toggle() {
    let mut app = fixture_app();
    run(&mut app, &[Action::Help]);
    assert!(app.help().is_open());
    run(&mut app, &[Action::Down, Action::Back]);
    assert!(!app.help().is_open() && app.screen() == Screen::Library);
    run(&mut app, &[Action::Suspend]);
    assert_eq!(app.take_effects(), [Effect::Suspend]);
    assert!(!app.should_quit());
    run(&mut app, &[Action::Quit]);
    assert!(app.should_quit());
}

#[test]
fn a_bad_key_file_is_reported_and_defaults_still_work() {
    let library = load_path(&fixtures(), &LoadOptions::default());
    let options = ui_options(true);
    let problem = KeyFileError {
        path: "/x/keys.toml".into(),
        line: 3,
        message: "unknown key \"hyper-x\"".into(),
    };
    let keys = KeySetup {
        problem: Some(problem),
        ..KeySetup::defaults()
    };
    let app = App::new(library, None, options, keys, SIZE);
    assert_eq!(
        app.message(),
        Some("key file ignored: /x/keys.toml:3: unknown key \"hyper-x\"")
    );
    assert!(app.help().line_count() > Action::BINDABLE.len());
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

/// A library of `n` one-line briefings, at `size`.
fn numbered_app(n: usize, area: Rect) -> App {
    let briefings = (0..n)
        .filter_map(|n| {
            let json = format!("{{\"headline\": \"Briefing number {n:04}\"}}");
            let path = PathBuf::from(format!("b{n:04}.json"));
            crate::briefing::load_bytes(&path, json.as_bytes()).ok()
        })
        .collect();
    let library = crate::briefing::Library {
        briefings,
        failures: Vec::new(),
    };
    let options = ui_options(false);
    App::new(library, None, options, KeySetup::defaults(), area)
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
    let selected = app.library_view().selected;
    let lines = super::screen::buffer_lines(&super::screen::render_buffer(&app, 80, 24));
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
        (app.library_view().selected, app.library_view().scroll),
        (0, 0)
    );
    let lines = super::screen::buffer_lines(&super::screen::render_buffer(&app, 80, 24));
    assert!(
        lines.iter().any(|l| l.contains(" 1/3000 ")),
        "scroll position shown"
    );
}

#[test]
fn moving_the_selection_lays_out_no_row_twice() {
    let mut app = numbered_app(3000, SIZE);
    let page = super::library::LibraryView::page(app.area());
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
    let taller = super::library::LibraryView::page(app.area());
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
fn the_app_is_laid_out_once_at_the_size_it_is_built_with() {
    let area = Rect::new(0, 0, 120, 40);
    let mut app = numbered_app(3000, area);
    let page = super::library::LibraryView::page(area);
    assert_eq!(app.library_view().rows_laid_out, page);
    // The runtime's resize to the same size (after a suspend, say) costs nothing.
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    assert_eq!(app.library_view().rows_laid_out, page);
    // And the screen is what a resize to that size would show.
    let mut resized = numbered_app(3000, SIZE);
    resized.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let screen =
        |app: &App| super::screen::buffer_lines(&super::screen::render_buffer(app, 120, 40));
    assert_eq!(screen(&app), screen(&resized));
}

#[test]
fn help_names_the_key_file_the_runtime_read() {
    let library = load_path(&fixtures(), &LoadOptions::default());
    let options = ui_options(false);
    let keys = KeySetup {
        file: Some(PathBuf::from("/cfg/brief/keys.toml")),
        ..KeySetup::defaults()
    };
    let mut app = App::new(library, None, options, keys, Rect::new(0, 0, 100, 60));
    app.update(Action::Help);
    let lines = super::screen::buffer_lines(&super::screen::render_buffer(&app, 100, 60));
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Keys can be rebound in /cfg/brief/keys.toml")),
        "{lines:#?}"
    );
    assert!(!lines.iter().any(|l| l.contains("~/.config")));
}

fn shown(json: &str) -> Vec<String> {
    let loaded = crate::briefing::load_bytes(Path::new("t.json"), json.as_bytes())
        .unwrap_or_else(|failure| panic!("{:?}", failure.diagnostics));
    let engine = super::content::Engine {
        mode: BidiMode::App,
        shaping: false,
    };
    super::print::briefing_lines(&loaded.briefing, 60, engine, true)
        .into_iter()
        .map(|line| line.text)
        .collect()
}

#[test]
fn each_field_of_a_row_keeps_its_own_direction() {
    // An Arabic tag in an English briefing: alone, "حقوق الإنسان!" is right-to-left, so its
    // "!" stands at its reading end, to the left of the Arabic, not after it.
    let lines = shown(r#"{"headline": "H", "tags": ["UPR", "حقوق الإنسان!"]}"#);
    assert!(
        lines.iter().any(|l| l == "UPR · !ناسنإلا قوقح"),
        "{lines:#?}"
    );
}

#[test]
fn quote_marks_take_the_row_direction_and_mirror_with_it() {
    // An Arabic quotation in an English briefing: the row is right-to-left, the opening
    // « stands at its right end, mirrored to », and the closing one at its left end.
    let json = r#"{"headline": "H", "quotes": [{"text": "نحن هنا", "speaker": "X"}],
        "actors": [{"name": "X"}]}"#;
    let lines = shown(json);
    let quote = lines.iter().find(|l| l.contains("انه")).map(|l| l.trim());
    assert_eq!(quote, Some("«انه نحن»"), "{lines:#?}");
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
