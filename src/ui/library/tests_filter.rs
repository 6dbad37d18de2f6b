//! The library's `/` filter: what it finds (every word, anywhere in the fields it reads,
//! as the briefing search matches), moving and opening within it, `[` `]` within it, Esc,
//! and entries that arrive from the background load while it is on.

use std::path::{Path, PathBuf};

use ratatui::layout::Rect;
use serde_json::json;

use crate::briefing::{Listing, LoadFailure, Loaded, load_bytes};
use crate::ui::app::{App, Screen};
use crate::ui::content::Engine;
use crate::ui::keys::KeySetup;
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::settle_from;
use crate::ui::{Action, Batch, UiOptions};

/// Briefing `name` in the folder `inbox`.
fn loaded(name: &str, value: &serde_json::Value) -> Loaded {
    let path = Path::new("inbox").join(name);
    match load_bytes(&path, value.to_string().as_bytes()) {
        Ok(loaded) => loaded,
        Err(failure) => panic!("fixture {name} does not load: {failure}"),
    }
}

fn broken(name: &str) -> LoadFailure {
    match load_bytes(Path::new(name), b"{ not json") {
        Ok(_) => panic!("{name} loaded"),
        Err(failure) => failure,
    }
}

/// Newest first: water (Nov), libya (Oct), grid (Sep), dam (Aug); then broken-feed.json.
fn briefings() -> Vec<Loaded> {
    vec![
        loaded(
            "water.json",
            &json!({"headline": "Water talks resume in Amman", "date": "2025-11-04",
                    "tags": ["water", "UNDP"], "location": "Amman"}),
        ),
        loaded(
            "libya.json",
            &json!({"headline": "المفوض السامي يلتقي الباعور", "date": "2025-10-01",
                    "language": "ar", "summary": "لقاءٌ في جنيف بشأن لِيبْيَا",
                    "actors": [{"id": "turk", "name": "Volker Türk"}]}),
        ),
        loaded(
            "grid.json",
            &json!({"headline": "Grid failure in Nikabad", "date": "2025-09-02",
                    "classification": "RESTRICTED", "location": "Nikabad"}),
        ),
        loaded(
            "dam.json",
            &json!({"headline": "Dam filling schedule still open", "date": "2025-08-01",
                    "summary": "The basin's water agreement leaves the dam to a later round."}),
        ),
    ]
}

fn listings(briefings: Vec<Loaded>) -> Vec<Listing> {
    briefings.into_iter().map(Listing::from).collect()
}

/// An 80×24 reader whose library is still to load.
fn loading_app() -> App {
    let options = UiOptions {
        engine: Engine::default(),
        color: false,
    };
    App::loading(None, options, KeySetup::defaults(), Rect::new(0, 0, 80, 24))
}

fn app() -> App {
    let mut app = loading_app();
    act(
        &mut app,
        Action::LibraryLoaded(Batch {
            listings: listings(briefings()),
            failures: vec![broken("broken-feed.json")],
            gone: Vec::new(),
        }),
    );
    act(&mut app, Action::LibraryDone);
    app
}

fn type_text(app: &mut App, text: &str) {
    text.chars().for_each(|c| act(app, Action::SearchInput(c)));
}

/// The action, with the reads and searches it asks for carried out at once, the fixture
/// briefings answered from memory.
fn act(app: &mut App, action: Action) {
    app.update(action);
    settle_from(app, &briefings());
}

/// The names of the files the library lists, top to bottom.
fn listed(app: &App) -> Vec<String> {
    let view = app.library_view();
    let path = |at: usize| {
        app.library()
            .path(at)
            .map(Path::to_path_buf)
            .unwrap_or_default()
    };
    (0..view.shown_len())
        .filter_map(|p| view.entry_at(p))
        .filter_map(|at| Some(path(at).file_name()?.to_string_lossy().into_owned()))
        .collect()
}

fn filtered(query: &str) -> Vec<String> {
    let mut app = app();
    act(&mut app, Action::SearchStart);
    type_text(&mut app, query);
    listed(&app)
}

fn selected_file(app: &App) -> PathBuf {
    let at = app.library_view().selected();
    app.library().listings[at].path.clone()
}

#[test]
fn words_are_found_in_any_field_ignoring_case_and_marks() {
    assert_eq!(
        filtered("water"),
        ["water.json", "dam.json"],
        "tag and summary"
    );
    assert_eq!(filtered("AMMAN"), ["water.json"]);
    assert_eq!(filtered("ليبيا"), ["libya.json"], "summary with harakat");
    assert_eq!(filtered("türk"), ["libya.json"], "an actor's name");
    assert_eq!(filtered("restricted nikabad"), ["grid.json"], "every word");
    assert_eq!(filtered("grid water"), Vec::<String>::new());
    assert_eq!(filtered("2025-09"), ["grid.json"], "the date");
    assert_eq!(
        filtered("feed"),
        ["broken-feed.json"],
        "a failed file by its path"
    );
    assert_eq!(filtered("grid.json"), ["grid.json"], "a file's name");
    assert_eq!(filtered("inbox"), Vec::<String>::new(), "not its folder");
    assert_eq!(filtered("  ").len(), 5, "spaces alone filter nothing");
}

#[test]
fn the_list_follows_each_key_typed_and_enter_keeps_it() {
    let mut app = app();
    act(&mut app, Action::SearchStart);
    type_text(&mut app, "wa");
    assert_eq!(listed(&app), ["water.json", "dam.json"]);
    type_text(&mut app, "ter amman");
    assert_eq!(listed(&app), ["water.json"]);
    (0..6).for_each(|_| act(&mut app, Action::SearchBackspace));
    assert_eq!(listed(&app), ["water.json", "dam.json"]);
    act(&mut app, Action::SearchSubmit);
    assert!(app.library_view().prompt().is_none());
    assert_eq!(listed(&app), ["water.json", "dam.json"]);
    let screen = buffer_lines(&render_buffer(&app, 80, 24)).join("\n");
    assert!(
        screen.contains("Library: 2 shown of 4 briefings, 1 error"),
        "{screen}"
    );
    assert!(screen.contains("filter \"water\""), "{screen}");
    // `/` again starts from the filter in force; Esc while typing drops it.
    act(&mut app, Action::SearchStart);
    assert_eq!(app.library_view().prompt().map(|p| p.text()), Some("water"));
    act(&mut app, Action::SearchCancel);
    assert_eq!(listed(&app).len(), 5);
}

#[test]
fn moving_opening_and_brackets_stay_within_the_filter() {
    let mut app = app();
    act(&mut app, Action::SearchStart);
    type_text(&mut app, "water");
    act(&mut app, Action::SearchSubmit);
    assert_eq!(selected_file(&app), Path::new("inbox/water.json"));
    act(&mut app, Action::Down);
    assert_eq!(
        selected_file(&app),
        Path::new("inbox/dam.json"),
        "skips libya and grid"
    );
    act(&mut app, Action::Down);
    assert_eq!(
        selected_file(&app),
        Path::new("inbox/dam.json"),
        "the last one shown"
    );
    act(&mut app, Action::Top);
    act(&mut app, Action::Select);
    assert_eq!(app.screen(), Screen::Briefing);
    // Opened from the search: the briefing search is set to the word looked for.
    assert_eq!(app.search().query, "water");
    assert!(!app.search().matches.is_empty());
    act(&mut app, Action::NextBriefing);
    let open = |app: &App| app.reader().map(|r| r.index());
    assert_eq!(open(&app), Some(3), "] goes to dam, the next one shown");
    act(&mut app, Action::NextBriefing);
    assert_eq!(app.message(), Some("this is the last briefing"));
    act(&mut app, Action::PrevBriefing);
    assert_eq!(open(&app), Some(0));
    // Esc clears the briefing search, then goes back to the library.
    act(&mut app, Action::Back);
    assert_eq!(app.screen(), Screen::Briefing);
    act(&mut app, Action::Back);
    assert_eq!(app.screen(), Screen::Library);
    assert_eq!(
        listed(&app),
        ["water.json", "dam.json"],
        "the filter outlives reading"
    );
    act(&mut app, Action::Back);
    assert_eq!(listed(&app).len(), 5, "Esc in the library clears it");
    assert_eq!(
        selected_file(&app),
        Path::new("inbox/water.json"),
        "selection kept"
    );
}

#[test]
fn nothing_matching_opens_nothing_and_says_why() {
    let mut app = app();
    act(&mut app, Action::SearchStart);
    type_text(&mut app, "zzz");
    act(&mut app, Action::SearchSubmit);
    act(&mut app, Action::Select);
    assert_eq!(app.screen(), Screen::Library);
    assert_eq!(
        app.message(),
        Some("no briefing matches the filter: Esc clears it")
    );
    let screen = buffer_lines(&render_buffer(&app, 80, 24)).join("\n");
    assert!(
        screen.contains("no briefing matches the filter"),
        "{screen}"
    );
    assert!(!screen.contains("Water talks"), "{screen}");
}

#[test]
fn entries_arriving_while_filtered_are_filtered_too() {
    let mut app = loading_app();
    let mut all = briefings().into_iter();
    let first: Vec<Loaded> = all.by_ref().take(2).collect();
    act(
        &mut app,
        Action::LibraryLoaded(Batch {
            listings: listings(first),
            ..Batch::default()
        }),
    );
    act(&mut app, Action::SearchStart);
    type_text(&mut app, "water");
    act(&mut app, Action::SearchSubmit);
    assert_eq!(listed(&app), ["water.json"]);
    act(
        &mut app,
        Action::LibraryLoaded(Batch {
            listings: listings(all.collect()),
            ..Batch::default()
        }),
    );
    assert_eq!(listed(&app), ["water.json", "dam.json"]);
    assert_eq!(selected_file(&app), Path::new("inbox/water.json"));
}

#[test]
fn a_named_file_hidden_by_the_filter_opens_and_the_filter_goes() {
    let options = UiOptions {
        engine: Engine::default(),
        color: false,
    };
    let named = Some(PathBuf::from("inbox/grid.json"));
    let area = Rect::new(0, 0, 80, 24);
    let mut app = App::loading(named, options, KeySetup::defaults(), area);
    let mut all = briefings().into_iter();
    act(
        &mut app,
        Action::LibraryLoaded(Batch {
            listings: listings(all.by_ref().take(2).collect()),
            ..Batch::default()
        }),
    );
    act(&mut app, Action::SearchStart);
    type_text(&mut app, "wat");
    act(
        &mut app,
        Action::LibraryLoaded(Batch {
            listings: listings(all.collect()),
            ..Batch::default()
        }),
    );
    assert_eq!(app.screen(), Screen::Briefing);
    assert_eq!(selected_file(&app), Path::new("inbox/grid.json"));
    assert!(!app.library_view().is_filtered());
    let screen = buffer_lines(&render_buffer(&app, 80, 24)).join("\n");
    assert!(!screen.contains("/wat"), "the prompt is gone:\n{screen}");
}

#[test]
fn the_nothing_matches_notice_stays_inside_the_border() {
    let mut app = app();
    act(
        &mut app,
        Action::Resize {
            width: 40,
            height: 10,
        },
    );
    act(&mut app, Action::SearchStart);
    type_text(&mut app, "zzz");
    act(&mut app, Action::SearchSubmit);
    let lines = buffer_lines(&render_buffer(&app, 40, 10));
    let notice = lines.iter().find(|l| l.contains("no briefing"));
    assert!(
        notice.is_some_and(|l| l.ends_with('│')),
        "{}",
        lines.join("\n")
    );
}
