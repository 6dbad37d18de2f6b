//! State tests for a library that arrives in batches from a background load: order,
//! selection, progress, failures, and the named file opening when it arrives. No terminal:
//! `update` is driven with the actions the runtime sends.

use std::path::{Path, PathBuf};

use crate::ui::app::{App, Screen};
use ratatui::layout::Rect;

use crate::briefing::{Listing, LoadFailure, Loaded, load_bytes, reading_order};
use crate::ui::content::Engine;
use crate::ui::keys::KeySetup;
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::settle_from;
use crate::ui::{Action, Batch, UiOptions};

/// Briefing `n` of the given date, at `bNNN.json`.
fn dated(n: usize, date: &str) -> Loaded {
    let json = format!("{{\"headline\": \"Briefing {n:03}\", \"date\": \"{date}\"}}");
    let path = PathBuf::from(format!("b{n:03}.json"));
    match load_bytes(&path, json.as_bytes()) {
        Ok(loaded) => loaded,
        Err(failure) => panic!("fixture {n} does not load: {failure}"),
    }
}

fn broken(name: &str) -> LoadFailure {
    match load_bytes(Path::new(name), b"{ not json") {
        Ok(_) => panic!("{name} loaded"),
        Err(failure) => failure,
    }
}

fn batch(briefings: Vec<Loaded>, failures: Vec<LoadFailure>) -> Action {
    Action::LibraryLoaded(Batch {
        listings: briefings.into_iter().map(Listing::from).collect(),
        failures,
        gone: Vec::new(),
    })
}

fn loading_app(opened: Option<PathBuf>) -> App {
    let options = UiOptions {
        engine: Engine::default(),
        color: false,
    };
    App::loading(
        opened,
        options,
        KeySetup::defaults(),
        Rect::new(0, 0, 80, 24),
    )
}

fn headline_at(app: &App, index: usize) -> &str {
    app.library()
        .listings
        .get(index)
        .map_or("", |l| l.headline.as_str())
}

fn selected_headline(app: &App) -> &str {
    headline_at(app, app.library_view().selected())
}

fn screen(app: &App) -> String {
    buffer_lines(&render_buffer(app, 80, 24)).join("\n")
}

/// Days in 2025 as dates: a higher `day` is newer.
fn day(day: usize) -> String {
    format!("2025-{:02}-{:02}", 1 + day / 28, 1 + day % 28)
}

#[test]
fn batches_in_any_order_end_in_reading_order() {
    let mut app = loading_app(None);
    // Thirty briefings dealt out of order into four batches.
    let mut all: Vec<Loaded> = (0..30).map(|n| dated(n, &day(n * 7 % 30))).collect();
    let mut batches = Vec::new();
    for size in [3, 11, 1, 15] {
        batches.push(all.drain(..size).collect::<Vec<_>>());
    }
    for briefings in batches {
        app.update(batch(briefings, Vec::new()));
        let order = &app.library().listings;
        assert!(
            order
                .windows(2)
                .all(|w| reading_order(&w[0], &w[1]).is_le()),
            "out of reading order"
        );
        // The rows listed match the library entry for entry.
        let lines = buffer_lines(&render_buffer(&app, 80, 24));
        assert!(lines.iter().any(|l| l.contains(headline_at(&app, 0))));
    }
    assert_eq!(app.library().listings.len(), 30);
    assert_eq!(headline_at(&app, 0), "Briefing 017", "newest first");
}

#[test]
fn a_chosen_selection_stays_on_its_entry_and_row() {
    let mut app = loading_app(None);
    app.update(batch(
        (0..10).map(|n| dated(n, &day(n))).collect(),
        Vec::new(),
    ));
    app.update(Action::Down);
    app.update(Action::Down);
    let chosen = selected_headline(&app).to_owned();
    let row = app.library_view().selected() - app.library_view().scroll();
    // Newer briefings arrive above the selection, older ones below.
    let newer = (10..15).map(|n| dated(n, &day(n + 100)));
    let older = (15..20).map(|n| dated(n, &day(n - 15)));
    app.update(batch(newer.chain(older).collect(), Vec::new()));
    assert_eq!(selected_headline(&app), chosen);
    assert_eq!(app.library_view().selected(), 7);
    assert_eq!(
        app.library_view().selected() - app.library_view().scroll(),
        row,
        "the selection jumped on the screen"
    );
    assert!(screen(&app).contains(&format!("▌{}", &day(7)[..10])));
}

#[test]
fn rows_laid_out_move_with_their_entries_as_batches_arrive() {
    let mut app = loading_app(None);
    app.update(batch(
        (0..5).map(|n| dated(n, &day(n))).collect(),
        Vec::new(),
    ));
    assert_eq!(app.library_view().rows_laid_out, 5);
    // Two newer go in above: only they are laid out; the five move down with theirs.
    let newer = (5..7).map(|n| dated(n, &day(n + 100))).collect();
    app.update(batch(newer, Vec::new()));
    assert_eq!(app.library_view().rows_laid_out, 7);
    let lines = buffer_lines(&render_buffer(&app, 80, 24));
    let listed: Vec<&str> = (0..7).map(|at| headline_at(&app, at)).collect();
    for (line, headline) in lines[1..8].iter().zip(&listed) {
        assert!(line.contains(headline), "{line:?} is not {headline}");
    }
}

#[test]
fn entries_arriving_above_a_chosen_one_fill_the_screen() {
    // The named file first, the rest later, all newer: the list shows them all rather
    // than keeping the named one on the top row with the others hidden above it.
    let mut app = loading_app(Some(PathBuf::from("b000.json")));
    app.update(batch(vec![dated(0, &day(0))], Vec::new()));
    settle_from(&mut app, &[dated(0, &day(0))]);
    assert_eq!(app.screen(), Screen::Briefing);
    let newer = (1..5).map(|n| dated(n, &day(n))).collect();
    app.update(batch(newer, Vec::new()));
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Library);
    assert_eq!(
        (app.library_view().selected(), app.library_view().scroll()),
        (4, 0)
    );
    let shown = screen(&app);
    for n in 0..5 {
        assert!(shown.contains(&format!("Briefing {n:03}")), "{shown}");
    }
}

#[test]
fn without_a_choice_the_newest_stays_selected() {
    let mut app = loading_app(None);
    app.update(batch(vec![dated(1, &day(1))], Vec::new()));
    app.update(batch(vec![dated(2, &day(2))], Vec::new()));
    assert_eq!(app.library_view().selected(), 0);
    assert_eq!(selected_headline(&app), "Briefing 002");
    // Going back to the top (g) follows the newest again.
    app.update(Action::Down);
    app.update(Action::Top);
    app.update(batch(vec![dated(3, &day(3))], Vec::new()));
    assert_eq!(selected_headline(&app), "Briefing 003");
}

#[test]
fn progress_shows_until_done_then_the_counts() {
    let mut app = loading_app(None);
    assert!(app.is_loading());
    assert!(
        screen(&app).contains("Library: loading… "),
        "{}",
        screen(&app)
    );
    app.update(Action::LibraryFound(1234));
    app.update(batch(
        vec![dated(1, &day(1)), dated(2, &day(2))],
        Vec::new(),
    ));
    app.update(batch(Vec::new(), vec![broken("zz.json")]));
    assert!(
        screen(&app).contains("Library: loading 3 of 1,234…"),
        "{}",
        screen(&app)
    );
    app.update(Action::LibraryDone);
    assert!(!app.is_loading());
    let shown = screen(&app);
    assert!(shown.contains("Library: 2 briefings, 1 error"), "{shown}");
    assert!(!shown.contains("loading"), "{shown}");
}

#[test]
fn failures_are_listed_after_the_briefings_in_path_order() {
    let mut app = loading_app(None);
    app.update(batch(vec![dated(1, &day(1))], vec![broken("m.json")]));
    app.update(Action::Bottom);
    app.update(batch(
        vec![dated(2, &day(2))],
        vec![broken("z.json"), broken("a.json")],
    ));
    let paths: Vec<&Path> = app
        .library()
        .failures
        .iter()
        .map(|f| f.path.as_path())
        .collect();
    assert_eq!(
        paths,
        [
            Path::new("a.json"),
            Path::new("m.json"),
            Path::new("z.json")
        ]
    );
    // The chosen failure (m.json) is still the one selected: after 2 briefings and a.json.
    assert_eq!(app.library_view().selected(), 3);
    let shown = screen(&app);
    let row = shown
        .lines()
        .find(|l| l.contains("a.json"))
        .unwrap_or_default();
    assert!(row.contains("✗ ERROR"), "{shown}");
    app.update(Action::Select);
    assert_eq!(app.screen(), Screen::Library);
    assert!(app.message().is_some_and(|m| m.contains("failed to load")));
}

#[test]
fn the_named_file_opens_when_it_arrives_and_stays_open() {
    let wanted = PathBuf::from("b005.json");
    let files: Vec<Loaded> = [1, 2, 5, 8, 9].map(|n| dated(n, &day(n))).to_vec();
    let mut app = loading_app(Some(wanted.clone()));
    assert!(app.awaits_opened());
    app.update(batch(vec![dated(1, &day(1))], Vec::new()));
    assert_eq!(app.screen(), Screen::Library);
    app.update(batch(
        vec![dated(5, &day(5)), dated(2, &day(2))],
        Vec::new(),
    ));
    assert!(!app.awaits_opened());
    assert_eq!(app.take_reads(), [wanted], "its file is read to open it");
    assert_eq!(
        app.screen(),
        Screen::Library,
        "until what reading it gave arrives"
    );
    app.update(Action::FileRead(Box::new(Ok(dated(5, &day(5))))));
    assert_eq!(app.screen(), Screen::Briefing);
    let open = |app: &App| {
        let index = app.reader().map_or(usize::MAX, |r| r.index());
        headline_at(app, index).to_owned()
    };
    assert_eq!(open(&app), "Briefing 005");
    // Newer ones arrive in front of it: the same briefing stays open.
    app.update(batch(
        vec![dated(8, &day(8)), dated(9, &day(9))],
        Vec::new(),
    ));
    assert_eq!(open(&app), "Briefing 005");
    // [ and ] step through what has arrived so far; Esc shows the library on it.
    app.update(Action::PrevBriefing);
    settle_from(&mut app, &files);
    assert_eq!(open(&app), "Briefing 008");
    app.update(Action::NextBriefing);
    settle_from(&mut app, &files);
    app.update(Action::NextBriefing);
    settle_from(&mut app, &files);
    assert_eq!(open(&app), "Briefing 002");
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Library);
    assert_eq!(selected_headline(&app), "Briefing 002");
}

#[test]
fn a_named_file_that_fails_is_selected_in_the_library() {
    let mut app = loading_app(Some(PathBuf::from("bad.json")));
    app.update(batch(vec![dated(1, &day(1))], vec![broken("bad.json")]));
    assert_eq!(app.screen(), Screen::Library);
    assert_eq!(app.library_view().selected(), 1);
    app.update(batch(vec![dated(2, &day(2))], vec![broken("a.json")]));
    assert_eq!(app.library_view().selected(), 3, "still on bad.json");
}

#[test]
fn arrivals_keep_the_message_and_go_in_under_the_help() {
    let mut app = loading_app(None);
    app.update(batch(vec![dated(1, &day(1))], vec![broken("bad.json")]));
    app.update(Action::Bottom);
    app.update(Action::Select);
    let message = app.message().map(str::to_owned);
    assert!(message.is_some());
    app.update(batch(vec![dated(2, &day(2))], Vec::new()));
    assert_eq!(app.message().map(str::to_owned), message);
    app.update(Action::Help);
    app.update(batch(vec![dated(3, &day(3))], Vec::new()));
    app.update(Action::LibraryDone);
    assert!(app.help().is_open(), "the help screen stays up");
    app.update(Action::Help);
    assert!(screen(&app).contains("Library: 3 briefings, 1 error"));
}
