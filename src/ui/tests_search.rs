//! Search, marks and the status line: state tests driven through `update`, on briefings
//! written to a temporary folder so that each test shows the case it is about.

use std::path::{Path, PathBuf};

use crate::briefing::{LoadOptions, load_path};
use crate::text::BidiMode;
use crate::ui::app::App;
use crate::ui::keys::KeyTable;
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
        bidi: BidiMode::App,
        shaping: true,
        color: false,
    };
    let mut app = App::with_keys(library, Some(file), options, KeyTable::defaults(), None);
    app.update(Action::Resize { width, height });
    app
}

fn type_query(app: &mut App, query: &str) {
    app.update(Action::SearchStart);
    for c in query.chars() {
        app.update(Action::SearchInput(c));
    }
}

/// A 2 MB body in which "w" is every fifth byte or so (about 400,000 matches).
fn big_briefing() -> String {
    let paragraph = "we were walking with wide waves ".repeat(32);
    let body: Vec<String> = (0..2048).map(|_| paragraph.clone()).collect();
    serde_json::json!({
        "format": 1,
        "headline": "A long briefing",
        "body": body,
    })
    .to_string()
}

/// Run by hand (`cargo test --release --lib timing_on_a_big_body -- --ignored
/// --nocapture`): the cost of a key in the prompt and of a frame with 400k matches. It
/// asserts nothing about time, which depends on the machine.
#[test]
#[ignore = "a timing print, run by hand in release"]
fn timing_on_a_big_body() {
    use std::time::Instant;
    let (_dir, mut app) = app_with(&big_briefing(), 120, 40);
    app.update(Action::SearchStart);
    let started = Instant::now();
    app.update(Action::SearchInput('w'));
    let key = started.elapsed();
    let started = Instant::now();
    app.update(Action::SearchInput('e'));
    let key2 = started.elapsed();
    app.update(Action::SearchBackspace);
    app.update(Action::SearchSubmit);
    let matches = app.search.matches.len();
    let started = Instant::now();
    let frames = 10;
    for _ in 0..frames {
        app.update(Action::Down);
        let _ = crate::ui::screen::render_buffer(&app, 120, 40);
    }
    let frame = started.elapsed() / frames;
    let started = Instant::now();
    app.update(Action::SearchNext);
    let next = started.elapsed();
    app.update(Action::SearchStart);
    let mut again = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        app.update(Action::SearchInput('w'));
        again.push(started.elapsed());
        app.update(Action::SearchBackspace);
    }
    eprintln!("key 'w' again: {again:?}");
    app.update(Action::SearchInput('w'));
    app.update(Action::SearchSubmit);
    let started = Instant::now();
    app.refresh_search();
    let refresh = started.elapsed();
    let started = Instant::now();
    app.search_changed();
    let changed = started.elapsed();
    eprintln!(
        "mark {} B; refresh_search {refresh:?} of which marks+status {changed:?}",
        std::mem::size_of::<crate::ui::view::Mark>()
    );
    eprintln!(
        "{matches} matches; key 'w': {key:?}; key 'e': {key2:?}; j + frame: {frame:?}; n: {next:?}"
    );
}
