//! Search, marks and the status line: state tests driven through `update`, on briefings
//! written to a temporary folder so that each test shows the case it is about.

use std::path::{Path, PathBuf};

use ratatui::layout::Rect;

use crate::briefing::{LoadOptions, load_path};
use crate::text::{BidiMode, layout};
use crate::ui::app::App;
use crate::ui::content::{DirectionRule, Engine, FieldKind, options};
use crate::ui::keys::KeySetup;
use crate::ui::mark::{Mark, MarkKind};
use crate::ui::matching::{find, merge_overlaps, normalize};
use crate::ui::reader::OpenBriefing;
use crate::ui::reader::panes::PaneId;
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::{assert_sorted_without_overlaps, settle};
use crate::ui::{Action, UiOptions};

/// A folder holding one briefing file; the app opens it at `width`×`height`.
fn app_with(json: &str, width: u16, height: u16) -> (tempfile::TempDir, App) {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("temporary folder: {e}"),
    };
    let file = dir.path().join("case.json");
    if let Err(e) = std::fs::write(&file, json) {
        panic!("writing {}: {e}", file.display());
    }
    let app = open(dir.path(), file, width, height);
    (dir, app)
}

fn open(folder: &Path, file: PathBuf, width: u16, height: u16) -> App {
    let library = load_path(folder, &LoadOptions::default());
    let options = UiOptions {
        engine: Engine::default(),
        color: false,
    };
    let area = Rect::new(0, 0, width, height);
    let mut app = App::new(library, Some(file), options, KeySetup::defaults(), area);
    settle(&mut app);
    app
}

fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(action.clone());
        settle(app);
    }
}

fn type_query(app: &mut App, query: &str) {
    app.update(Action::SearchStart);
    for c in query.chars() {
        app.update(Action::SearchInput(c));
    }
}

fn fixture(name: &str) -> App {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ui");
    let file = folder.join(name);
    open(&folder, file, 80, 24)
}

fn reader(app: &App) -> &OpenBriefing {
    match app.reader() {
        Some(reader) => reader,
        None => panic!("no briefing is open"),
    }
}

fn bottom_row(app: &App, width: u16, height: u16) -> String {
    let lines = buffer_lines(&render_buffer(app, width, height));
    lines.last().cloned().unwrap_or_default()
}

// --- 1. Marks are built in `update`, sorted, and looked up by binary search ---

#[test]
fn marks_are_built_in_update_and_follow_the_current_match() {
    let mut app = fixture("arabic-harakat.json");
    type_query(&mut app, "المفوض");
    app.update(Action::SearchSubmit);
    let kinds = |app: &App| -> Vec<MarkKind> {
        let marks = &reader(app).panes[PaneId::Body].marks;
        assert_sorted_without_overlaps(marks);
        marks.iter().map(|m| m.kind).collect()
    };
    let body = app
        .search()
        .matches
        .iter()
        .filter(|m| m.pane == PaneId::Body);
    assert_eq!(body.count(), 1, "the body names the commissioner once");
    // The headline has no match; the body's one is current after Enter.
    assert_eq!(app.search().current, Some(0));
    assert_eq!(kinds(&app), [MarkKind::CurrentMatch]);
    app.update(Action::SearchNext);
    assert_eq!(kinds(&app), [MarkKind::Match]);
    let actors = &reader(&app).panes[PaneId::Actors].marks;
    assert!(actors.iter().any(|m| m.kind == MarkKind::CurrentMatch));
    app.update(Action::SearchCancel);
    assert!(reader(&app).panes.iter().all(|(_, p)| p.marks.is_empty()));
}

#[test]
fn the_filtered_actor_and_the_quotation_are_marked_under_the_search() {
    let mut app = fixture("arabic-harakat.json");
    run(&mut app, &[Action::FocusActors, Action::Select]);
    let body = reader(&app).panes[PaneId::Body].marks.clone();
    assert!(!body.is_empty() && body.iter().all(|m| m.kind == MarkKind::Name));
    // A search for part of the name: the match is whole, the name keeps the rest.
    type_query(&mut app, "مفو");
    app.update(Action::SearchSubmit);
    let marks = &reader(&app).panes[PaneId::Body].marks;
    assert_sorted_without_overlaps(marks);
    let matched: Vec<&Mark> = marks.iter().filter(|m| m.kind != MarkKind::Name).collect();
    assert_eq!(matched.len(), 1);
    let covered: usize = marks.iter().map(|m| m.range.len()).sum();
    let named: usize = body.iter().map(|m| m.range.len()).sum();
    assert_eq!(covered, named, "the match lies inside the name");
    app.update(Action::Back);
    assert!(reader(&app).actor_filter.is_none());
    let left = &reader(&app).panes[PaneId::Body].marks;
    assert!(left.iter().all(|m| m.kind != MarkKind::Name));
}

// --- 2. An empty needle finds nothing; a name or quotation of marks only is harmless ---

#[test]
fn an_empty_needle_finds_nothing() {
    let text = "abc";
    assert_eq!(find(text, &normalize(text), "").count(), 0);
    let marks_only = normalize("\u{0640}\u{0640}\u{064E}").text;
    assert_eq!(find(text, &normalize(text), &marks_only).count(), 0);
}

#[test]
fn overlapping_ranges_merge_in_one_pass() {
    let merged = merge_overlaps(vec![(1, 4..6), (0, 5..9), (0, 0..3), (0, 2..4), (0, 8..12)]);
    assert_eq!(merged, [(0, 0..4), (0, 5..12), (1, 4..6)]);
}

const MARKS_ONLY: &str = r#"{
  "format": 1,
  "headline": "Marks only",
  "body": ["قال المُفَوَّضُ السامي إنَّ الإصلاحَ أولويةٌ."],
  "actors": [{"id": "t", "name": "ـــ", "aliases": ["َُ"]}],
  "quotes": [{"text": "ـَـ", "speaker": "t"}]
}"#;

#[test]
fn a_name_or_quotation_of_tatweel_and_harakat_marks_nothing() {
    let (_dir, mut app) = app_with(MARKS_ONLY, 80, 24);
    run(&mut app, &[Action::FocusActors, Action::Select]);
    assert_eq!(reader(&app).actor_filter, Some(0));
    assert!(reader(&app).actor_marks.is_empty());
    run(
        &mut app,
        &[Action::Back, Action::FocusQuotes, Action::Select],
    );
    assert!(reader(&app).quote_mark.is_none());
    assert_eq!(
        app.message(),
        Some("this quotation is not in the body text")
    );
}

// --- 3. Fields are normalized once, when the first search needs them ---

#[test]
fn the_reader_normalizes_each_field_once_when_it_first_searches() {
    let mut app = fixture("arabic-harakat.json");
    let unfolded = &reader(&app).panes[PaneId::Body].text;
    assert!(unfolded.fields.iter().all(|f| f.normalized.text.is_empty()));
    type_query(&mut app, "x");
    let body = &reader(&app).panes[PaneId::Body].text;
    let Some(field) = body.fields.first() else {
        panic!("no body");
    };
    assert_eq!(field.normalized.text, normalize(&field.text.text).text);
    assert!(
        !field.normalized.text.contains('\u{064E}'),
        "harakat folded"
    );
    // Filtering rebuilds the quotes pane: its fields are normalized too.
    run(&mut app, &[Action::FocusActors, Action::Select]);
    let quotes = &reader(&app).panes[PaneId::Quotes].text;
    for field in &quotes.fields {
        let expected = if field.kind == FieldKind::Notice {
            String::new()
        } else {
            normalize(&field.text.text).text
        };
        assert_eq!(field.normalized.text, expected);
    }
}

#[test]
fn find_maps_matches_back_through_the_stored_form() {
    let text = "قالَ المُفَوَّضُ: المفوض";
    let stored = normalize(text);
    let needle = normalize("المفوض").text;
    let found: Vec<&str> = find(text, &stored, &needle)
        .filter_map(|r| text.get(r))
        .collect();
    assert_eq!(found, ["المُفَوَّضُ", "المفوض"]);
    // Lazy: the first match alone is enough for Enter on a quotation.
    assert_eq!(find(text, &stored, &needle).next(), Some(9..31));
}

// --- 4. The status line goes through the text engine ---

const ENGLISH: &str = r#"{
  "format": 1,
  "headline": "Water talks",
  "body": ["The ministers met in Amman."]
}"#;

#[test]
fn a_query_with_no_match_is_laid_out_on_the_status_line() {
    let (_dir, mut app) = app_with(ENGLISH, 80, 24);
    type_query(&mut app, "مرحبا");
    app.update(Action::SearchSubmit);
    let status = "no match for \"مرحبا\"";
    let engine = Engine {
        mode: BidiMode::App,
        shaping: true,
    };
    let options = options(80, DirectionRule::auto(), engine);
    let Some(line) = layout(status, &options).pop() else {
        panic!("no line");
    };
    let drawn: String = line.glyphs().map(|g| g.text).collect();
    assert_ne!(drawn, status, "shaped and in visual order");
    let bottom = bottom_row(&app, 80, 24);
    assert!(bottom.contains(&drawn), "{bottom:?} lacks {drawn:?}");
    assert!(bottom.ends_with(" · 1/1 "), "{bottom:?}");
    // The message line does not repeat it in logical order.
    app.update(Action::SearchNext);
    assert_eq!(app.message(), None);
    assert!(!bottom_row(&app, 80, 24).contains(status));
}

#[test]
fn a_wide_query_is_measured_in_cells_not_chars() {
    let (_dir, mut app) = app_with(ENGLISH, 80, 24);
    type_query(&mut app, "北京");
    app.update(Action::SearchSubmit);
    let bottom = bottom_row(&app, 80, 24);
    assert!(
        bottom.ends_with("no match for \"北京\" · 1/1 "),
        "{bottom:?}"
    );
}

// --- 5. Enter on an empty actors pane filters nothing ---

#[test]
fn enter_on_an_empty_actors_pane_filters_nothing() {
    let (_dir, mut app) = app_with(ENGLISH, 80, 24);
    run(&mut app, &[Action::FocusActors, Action::Select]);
    assert_eq!(reader(&app).actor_filter, None);
    assert_eq!(app.message(), Some("no actor selected"));
    let screen = buffer_lines(&render_buffer(&app, 80, 24)).join("\n");
    assert!(!screen.contains("(filtered)"), "{screen}");
}
