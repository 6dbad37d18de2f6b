//! A long file named on the command line opens from its head, and its whole takes the
//! head's place: the same screen (but for the estimated row counts, which the whole
//! makes exact), no message, and keys acting on the whole.

#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

use std::path::{Path, PathBuf};

use ratatui::layout::Rect;
use serde_json::Value;

use crate::briefing::{Listing, LoadOptions, Loaded, load_bytes, load_file, load_head};
use crate::ui::app::{App, Screen};
use crate::ui::keys::KeySetup;
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::{settle_from, ui_options};
use crate::ui::{Action, Batch};

const LIBYA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/briefings/libya-ohchr-geneva.json"
);
const LAST_WORDS: &str = "the very last paragraph";

/// The Libya briefing, untranslated, its body repeated past 600 KB and ending in
/// `LAST_WORDS`.
fn long_file(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(LIBYA).expect("the bundled briefing");
    let mut document: Value = serde_json::from_str(&text).expect("valid JSON");
    if let Some(members) = document.as_object_mut() {
        members.remove("translations");
    }
    let body = document["body"].as_array().cloned().unwrap_or_default();
    let mut long: Vec<Value> = body.iter().cycle().take(body.len() * 60).cloned().collect();
    long.push(Value::from(LAST_WORDS));
    document["body"] = Value::Array(long);
    let path = dir.join("long.json");
    std::fs::write(&path, document.to_string()).expect("written");
    path
}

fn named_app(path: &Path, width: u16, height: u16) -> App {
    App::loading(
        Some(path.to_path_buf()),
        ui_options(false),
        KeySetup::defaults(),
        Rect::new(0, 0, width, height),
    )
}

/// The screen with the estimated row counts (`1-11/~1,234`) made alike, with the border
/// they are written on.
fn screen(app: &App, width: u16, height: u16) -> Vec<String> {
    let lines = buffer_lines(&render_buffer(app, width, height));
    lines
        .into_iter()
        .map(|line| match line.split_once("/~") {
            Some((before, after)) => {
                let rest = after.trim_start_matches(|c: char| c.is_ascii_digit() || c == ',');
                format!("{before}/~N{rest}").replace(['─', '━'], "")
            }
            None => line,
        })
        .collect()
}

fn whole_batch(path: &Path, read: Result<Loaded, crate::briefing::LoadFailure>) -> Action {
    let (listings, failures) = match read {
        Ok(loaded) => (vec![Listing::of(&loaded)], Vec::new()),
        Err(failure) => (Vec::new(), vec![failure]),
    };
    Action::LibraryLoaded(Batch {
        gone: vec![path.to_path_buf()],
        listings,
        failures,
    })
}

#[test]
fn the_whole_takes_the_heads_place_with_the_same_screen_and_no_word() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = long_file(dir.path());
    let options = LoadOptions::default();
    let sizes = [(80, 24), (120, 40), (200, 60), (20, 5)];
    // The head is read for the screen: zoomed, the body fills it.
    for ((width, height), zoomed) in sizes.into_iter().flat_map(|s| [(s, false), (s, true)]) {
        let cells = usize::from(width) * usize::from(height);
        let head = load_head(&path, &options, cells).expect("a head");
        let mut app = named_app(&path, width, height);
        assert!(app.awaits_opened());
        app.update(Action::HeadRead(Box::new(head)));
        assert_eq!(app.screen(), Screen::Briefing);
        assert!(app.awaits_whole() && !app.awaits_opened());
        if zoomed {
            app.update(Action::FocusBody);
            app.update(Action::Zoom);
        }
        let first = screen(&app, width, height);
        app.update(whole_batch(&path, load_file(&path, &options)));
        settle_from(&mut app, &[]);
        assert!(!app.awaits_whole());
        assert_eq!(app.message(), None);
        assert_eq!(
            screen(&app, width, height),
            first,
            "at {width}×{height}, {zoomed}"
        );
        let shown = app.shown_briefing().map(|b| b.body.len());
        let whole = load_file(&path, &options).expect("loads").briefing;
        assert_eq!(shown, Some(whole.body.len()));
    }
    // At the size the e2e tests use, `G` then shows the whole's end.
    let mut app = named_app(&path, 120, 40);
    app.update(Action::HeadRead(Box::new(
        load_head(&path, &options, 120 * 40).expect("a head"),
    )));
    app.update(whole_batch(&path, load_file(&path, &options)));
    settle_from(&mut app, &[]);
    app.update(Action::Bottom);
    assert!(screen(&app, 120, 40).join("\n").contains(LAST_WORDS));
}

#[test]
fn a_whole_that_fails_leaves_the_head_for_the_library_and_says_why() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = long_file(dir.path());
    let options = LoadOptions::default();
    let head = load_head(&path, &options, 80 * 24).expect("a head");
    let mut app = named_app(&path, 80, 24);
    app.update(Action::HeadRead(Box::new(head)));
    let broken = load_bytes(&path, b"{\"headline\": \"h\", \"body\": [\"a\" \"b\"]}");
    app.update(whole_batch(&path, broken));
    settle_from(&mut app, &[]);
    assert_eq!(app.screen(), Screen::Library);
    assert!(!app.awaits_whole());
    let message = app.message().unwrap_or_default();
    assert!(message.contains("invalid JSON"), "{message}");
    assert_eq!(app.shown_briefing(), None);
}

#[test]
fn a_whole_that_no_longer_loads_when_read_leaves_the_head_too() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = long_file(dir.path());
    let options = LoadOptions::default();
    let head = load_head(&path, &options, 80 * 24).expect("a head");
    let whole = load_file(&path, &options);
    let mut app = named_app(&path, 80, 24);
    app.update(Action::HeadRead(Box::new(head)));
    app.update(whole_batch(&path, whole));
    // Rewritten, broken, between the whole's parse and its read.
    std::fs::write(&path, "{\"headline\": ").expect("rewritten");
    settle_from(&mut app, &[]);
    assert_eq!(app.screen(), Screen::Library);
    assert!(!app.awaits_whole());
    assert_eq!(app.shown_briefing(), None);
    let message = app.message().unwrap_or_default();
    assert!(message.contains("long.json"), "{message}");
}

#[test]
fn a_head_not_awaited_is_left_alone() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = long_file(dir.path());
    let head = load_head(&path, &LoadOptions::default(), 80 * 24).expect("a head");
    let mut app = named_app(&dir.path().join("other.json"), 80, 24);
    app.update(Action::HeadRead(Box::new(head)));
    assert_eq!(app.screen(), Screen::Library);
    assert!(!app.awaits_whole() && app.awaits_opened());
}
