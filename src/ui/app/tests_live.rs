//! The live library without a terminal: batches as the folder watcher sends them (every
//! file read is also in `gone`, so it replaces any entry it had), on real files, since
//! the open briefing is read again from its file.

use std::path::{Path, PathBuf};

use crate::briefing::{Listing, LoadOptions, load_file};
use crate::ui::app::{App, Screen};
use crate::ui::reader::panes::PaneId;
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::{app_on, fixtures, run, settle};
use crate::ui::{Action, Batch, Effect};

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn briefing(headline: &str, date: &str) -> String {
    serde_json::json!({"format": 1, "headline": headline, "date": date}).to_string()
}

/// What the watcher sends after reading `read` and finding `deleted` gone.
fn changed(read: &[&Path], deleted: &[&Path]) -> Action {
    let mut batch = Batch::default();
    for &file in read {
        match load_file(file, &LoadOptions::default()) {
            Ok(loaded) => batch.listings.push(Listing::of(&loaded)),
            Err(failure) => batch.failures.push(failure),
        }
    }
    let gone = read.iter().chain(deleted).map(|p| p.to_path_buf());
    batch.gone = gone.collect();
    Action::LibraryChanged(batch)
}

fn headlines(app: &App) -> Vec<&str> {
    let listings = app.library().listings.iter();
    listings.map(|l| l.headline.as_str()).collect()
}

fn selected(app: &App) -> &str {
    headlines(app)
        .get(app.library_view().selected())
        .copied()
        .unwrap_or("")
}

fn screen(app: &App) -> String {
    buffer_lines(&render_buffer(app, 80, 24)).join("\n")
}

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"))
}

#[test]
fn arrivals_changes_and_deletions_keep_the_selection_on_its_entry() {
    let dir = temp();
    let at = |name: &str| dir.path().join(name);
    write(&at("a.json"), &briefing("Alpha", "2025-01-01"));
    write(&at("b.json"), &briefing("Beta", "2025-02-01"));
    write(&at("c.json"), &briefing("Gamma", "2025-03-01"));
    let mut app = app_on(dir.path(), None);
    run(&mut app, &[Action::Down]);
    assert_eq!(selected(&app), "Beta");
    // A newer one arrives above it.
    write(&at("d.json"), &briefing("Delta", "2025-12-01"));
    app.update(changed(&[&at("d.json")], &[]));
    settle(&mut app);
    assert_eq!(headlines(&app), ["Delta", "Gamma", "Beta", "Alpha"]);
    assert_eq!(selected(&app), "Beta");
    assert!(
        screen(&app).contains("4 briefings, 0 errors"),
        "{}",
        screen(&app)
    );
    // One above it goes, one changes its date to below it, one breaks.
    std::fs::remove_file(at("d.json")).unwrap_or_else(|e| panic!("{e}"));
    write(&at("c.json"), &briefing("Gamma", "2024-01-01"));
    write(&at("a.json"), "{ \"headline\": ");
    let read = [at("c.json"), at("a.json")];
    app.update(changed(&[&read[0], &read[1]], &[&at("d.json")]));
    settle(&mut app);
    assert_eq!(headlines(&app), ["Beta", "Gamma"]);
    assert_eq!(selected(&app), "Beta");
    let failed: Vec<PathBuf> = app
        .library()
        .failures
        .iter()
        .map(|f| f.path.clone())
        .collect();
    assert_eq!(
        failed,
        [at("a.json")],
        "the broken file is listed with its error"
    );
    assert!(
        screen(&app).contains("2 briefings, 1 error"),
        "{}",
        screen(&app)
    );
}

/// The fixture with a long body, copied to `talks.json`, open with its body scrolled.
fn reading_talks(dir: &Path) -> (App, PathBuf, usize) {
    let file = dir.join("talks.json");
    let fixture = std::fs::read_to_string(fixtures().join("mixed-water-talks.json"));
    write(&file, &fixture.unwrap_or_else(|e| panic!("{e}")));
    write(&dir.join("other.json"), &briefing("Other", "2020-01-01"));
    let mut app = app_on(dir, Some(file.clone()));
    assert_eq!(app.screen(), Screen::Briefing);
    run(&mut app, &[Action::FocusBody, Action::PageDown]);
    let scroll = body_scroll(&app);
    assert!(scroll > 0, "the body scrolled");
    (app, file, scroll)
}

fn body_scroll(app: &App) -> usize {
    app.reader().map_or(0, |r| r.pane(PaneId::Body).view.scroll)
}

#[test]
fn the_open_briefing_reloads_in_place_and_says_so() {
    let dir = temp();
    let (mut app, file, scroll) = reading_talks(dir.path());
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
    let renamed = "Water-sharing talks adjourn in Amman after 18-month pause";
    let before = "Water-sharing talks resume in Amman after 18-month pause";
    write(&file, &text.replace(before, renamed));
    app.update(changed(&[&file], &[]));
    settle(&mut app);
    assert_eq!(app.screen(), Screen::Briefing);
    assert_eq!(app.message(), Some("reloaded talks.json: its file changed"));
    assert_eq!(body_scroll(&app), scroll, "the body stays where it was");
    let shown = screen(&app);
    assert!(shown.contains("adjourn"), "{shown}");
    // Esc goes back to the library, on the same briefing.
    run(&mut app, &[Action::Back]);
    assert_eq!(selected(&app), renamed);
}

#[test]
fn the_open_briefing_written_again_unchanged_stays_as_it_is_silently() {
    let dir = temp();
    let (mut app, file, scroll) = reading_talks(dir.path());
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
    write(&file, &text);
    app.update(changed(&[&file], &[]));
    settle(&mut app);
    assert_eq!((app.screen(), app.message()), (Screen::Briefing, None));
    assert_eq!(body_scroll(&app), scroll);
}

#[test]
fn the_open_briefing_deleted_stays_readable_until_left() {
    let dir = temp();
    let (mut app, file, scroll) = reading_talks(dir.path());
    std::fs::remove_file(&file).unwrap_or_else(|e| panic!("{e}"));
    app.take_effects();
    app.update(changed(&[], &[&file]));
    settle(&mut app);
    assert_eq!(app.screen(), Screen::Briefing);
    assert_eq!(
        app.message(),
        Some("talks.json was deleted; it stays readable until you leave it")
    );
    assert_eq!(body_scroll(&app), scroll);
    assert!(
        screen(&app).contains("Water-sharing talks"),
        "{}",
        screen(&app)
    );
    assert_eq!(headlines(&app), ["Other"]);
    // What is shown can still be handed on.
    run(&mut app, &[Action::CopyBriefing]);
    assert!(matches!(&app.take_effects()[..], [Effect::Copy(md)] if md.contains("Water-sharing")));
    run(&mut app, &[Action::Back]);
    assert_eq!(app.screen(), Screen::Library);
    assert!(
        !screen(&app).contains("Water-sharing talks"),
        "{}",
        screen(&app)
    );
}

#[test]
fn the_open_briefing_broken_on_disk_stays_as_it_was_and_says_why() {
    let dir = temp();
    let (mut app, file, scroll) = reading_talks(dir.path());
    write(&file, "{ \"headline\": ");
    app.update(changed(&[&file], &[]));
    settle(&mut app);
    assert_eq!(app.screen(), Screen::Briefing);
    let said = app.message().unwrap_or_default();
    assert!(
        said.starts_with("talks.json changed and no longer loads; shown as it was: "),
        "{said}"
    );
    assert_eq!(body_scroll(&app), scroll);
    assert_eq!(app.library().failures.len(), 1);
}
