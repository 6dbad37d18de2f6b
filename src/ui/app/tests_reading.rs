//! Opening a briefing reads its file: `update` asks for the read as an effect and opens
//! what comes back, so a file changed since the library listed it opens as it is now, a
//! file that no longer loads says why and is listed as an error, and the library follows
//! entries that go, come back changed, or arrive, with the selection on the one chosen.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::json;
use tempfile::TempDir;

use super::{App, Screen};
use crate::briefing::{LibraryEntry, Listing, load_bytes};
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::{app_on, settle};
use crate::ui::{Action, Batch, Effect};

/// A folder of three briefings: c (March), b (February), a (January), newest first.
fn folder() -> TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temporary folder: {e}"));
    for (name, month) in [("a", 1), ("b", 2), ("c", 3)] {
        write(dir.path(), name, &format!("Briefing {name}"), month);
    }
    dir
}

fn write(dir: &Path, name: &str, headline: &str, month: u32) {
    let json = json!({"headline": headline, "date": format!("2025-{month:02}-01"),
                      "body": [format!("The body of {headline}.")]});
    let file = dir.join(format!("{name}.json"));
    fs::write(&file, json.to_string()).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
}

fn headlines(app: &App) -> Vec<String> {
    let entries = app.library().entries();
    let headline = |entry: LibraryEntry<'_>| match entry {
        LibraryEntry::Listed(listing) => listing.headline.clone(),
        LibraryEntry::Failed(failure) => format!("✗ {}", name(&failure.path)),
    };
    entries.map(headline).collect()
}

fn name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

fn selected(app: &App) -> String {
    let at = app.library_view().selected();
    app.library().path(at).map_or_else(String::new, name)
}

fn screen(app: &App) -> String {
    buffer_lines(&render_buffer(app, 80, 24)).join("\n")
}

#[test]
fn enter_asks_for_the_file_and_opens_what_reading_it_gave() {
    let dir = folder();
    let mut app = app_on(dir.path(), None);
    app.update(Action::Down);
    app.update(Action::Select);
    assert_eq!(
        app.screen(),
        Screen::Library,
        "nothing opens before the read"
    );
    let wanted = dir.path().join("b.json");
    assert_eq!(app.take_effects(), [Effect::Read(wanted.clone())]);
    app.update(Action::FileRead(Box::new(crate::briefing::load_file(
        &wanted,
        &crate::briefing::LoadOptions::default(),
    ))));
    assert_eq!(app.screen(), Screen::Briefing);
    assert!(screen(&app).contains("The body of Briefing b."));
}

#[test]
fn a_file_changed_since_it_was_listed_opens_as_it_is_now_and_moves_in_the_list() {
    let dir = folder();
    let mut app = app_on(dir.path(), None);
    assert_eq!(headlines(&app), ["Briefing c", "Briefing b", "Briefing a"]);
    // a is rewritten, dated after c, before it is opened.
    write(dir.path(), "a", "Briefing a, revised", 4);
    app.update(Action::Bottom);
    app.update(Action::Select);
    settle(&mut app);
    assert_eq!(app.screen(), Screen::Briefing);
    let shown = screen(&app);
    assert!(
        shown.contains("The body of Briefing a, revised."),
        "{shown}"
    );
    assert_eq!(
        headlines(&app),
        ["Briefing a, revised", "Briefing c", "Briefing b"]
    );
    assert_eq!(
        app.reader().map(|r| r.index()),
        Some(0),
        "the open one moved"
    );
    app.update(Action::Back);
    assert_eq!(selected(&app), "a.json", "the selection followed it");
    // ] goes on from where it is now: c, the next one listed.
    app.update(Action::Select);
    settle(&mut app);
    app.update(Action::NextBriefing);
    settle(&mut app);
    assert!(screen(&app).contains("The body of Briefing c."));
}

#[test]
fn a_file_that_no_longer_loads_says_where_and_is_listed_as_an_error() {
    let dir = folder();
    let mut app = app_on(dir.path(), None);
    fs::write(dir.path().join("b.json"), "{\n  \"headline\": \n}")
        .unwrap_or_else(|e| panic!("{e}"));
    fs::remove_file(dir.path().join("a.json")).unwrap_or_else(|e| panic!("{e}"));
    app.update(Action::Down);
    app.update(Action::Select);
    settle(&mut app);
    assert_eq!(app.screen(), Screen::Library);
    let message = app.message().unwrap_or_default().to_owned();
    let at = format!("{}:3:1", dir.path().join("b.json").display());
    assert!(message.starts_with(&at), "{message:?} does not say {at}");
    assert_eq!(headlines(&app), ["Briefing c", "Briefing a", "✗ b.json"]);
    assert_eq!(
        selected(&app),
        "b.json",
        "the selection is on it, with its error"
    );
    assert!(screen(&app).contains("┌ Error "), "{}", screen(&app));
    // The deleted one: the same, and the reader keeps working.
    app.update(Action::Up);
    app.update(Action::Select);
    settle(&mut app);
    assert!(app.message().is_some_and(|m| m.contains("a.json")));
    assert_eq!(headlines(&app), ["Briefing c", "✗ a.json", "✗ b.json"]);
    app.update(Action::Top);
    app.update(Action::Select);
    settle(&mut app);
    assert_eq!(app.screen(), Screen::Briefing);
}

#[test]
fn a_neighbour_that_fails_leaves_the_open_briefing_open() {
    let dir = folder();
    let mut app = app_on(dir.path(), None);
    fs::write(dir.path().join("b.json"), "not json").unwrap_or_else(|e| panic!("{e}"));
    app.update(Action::Select);
    settle(&mut app);
    app.update(Action::NextBriefing);
    settle(&mut app);
    assert_eq!(app.screen(), Screen::Briefing);
    assert!(screen(&app).contains("The body of Briefing c."));
    assert!(app.message().is_some_and(|m| m.contains("b.json")));
    // b is an error now: ] passes over it to a.
    app.update(Action::NextBriefing);
    settle(&mut app);
    assert!(screen(&app).contains("The body of Briefing a."));
}

#[test]
fn only_the_last_file_asked_for_opens() {
    let dir = folder();
    let mut app = app_on(dir.path(), None);
    app.update(Action::Select);
    let first = app.take_reads();
    app.update(Action::Down);
    app.update(Action::Select);
    settle(&mut app);
    assert!(screen(&app).contains("The body of Briefing b."));
    // c's read arrives late: it opens nothing.
    for path in first {
        let read = crate::briefing::load_file(&path, &crate::briefing::LoadOptions::default());
        app.update(Action::FileRead(Box::new(read)));
    }
    assert!(screen(&app).contains("The body of Briefing b."));
}

fn listing(name: &str, month: u32) -> Listing {
    let json = json!({"headline": format!("Briefing {name}"),
                      "date": format!("2025-{month:02}-01")});
    let path = PathBuf::from(format!("{name}.json"));
    match load_bytes(&path, json.to_string().as_bytes()) {
        Ok(loaded) => Listing::of(&loaded),
        Err(failure) => panic!("{failure}"),
    }
}

#[test]
fn entries_that_go_or_come_back_changed_keep_the_selection_on_the_one_chosen() {
    let options = crate::ui::testing::ui_options(false);
    let keys = crate::ui::keys::KeySetup::defaults();
    let mut app = App::loading(None, options, keys, crate::ui::testing::SIZE);
    let five = ["e", "d", "c", "b", "a"].iter().zip([5, 4, 3, 2, 1]);
    app.update(Action::LibraryLoaded(Batch {
        listings: five.map(|(n, m)| listing(n, m)).collect(),
        ..Batch::default()
    }));
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(selected(&app), "c.json");
    // d is deleted, c changed (now the newest), f arrives.
    let gone = ["d", "c"]
        .map(|n| PathBuf::from(format!("{n}.json")))
        .to_vec();
    app.update(Action::LibraryLoaded(Batch {
        gone,
        listings: vec![listing("c", 9), listing("f", 6)],
        failures: Vec::new(),
    }));
    let listed = [
        "Briefing c",
        "Briefing f",
        "Briefing e",
        "Briefing b",
        "Briefing a",
    ];
    assert_eq!(headlines(&app), listed);
    assert_eq!(selected(&app), "c.json");
    // The chosen entry's file goes: the selection stays where it was in the list.
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::LibraryLoaded(Batch {
        gone: vec![PathBuf::from("e.json")],
        ..Batch::default()
    }));
    assert_eq!(selected(&app), "b.json");
    assert!(screen(&app).contains("▌2025-02-01"), "{}", screen(&app));
}
