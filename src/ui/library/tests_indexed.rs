//! The library served from its index: listed whole in one batch, then the folder checked
//! against it, what changed arriving as batches with the files that went, and the title
//! saying how far the check has got. No terminal: `update` is driven with the actions the
//! runtime's loader sends.

use std::path::PathBuf;

use ratatui::layout::Rect;

use crate::briefing::{Listing, load_bytes};
use crate::ui::app::App;
use crate::ui::content::Engine;
use crate::ui::keys::KeySetup;
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::{Action, Batch, Listed, UiOptions};

fn listing(name: &str, headline: &str, date: &str) -> Listing {
    let json = format!("{{\"headline\": \"{headline}\", \"date\": \"{date}\"}}");
    match load_bytes(&PathBuf::from(name), json.as_bytes()) {
        Ok(loaded) => Listing::of(&loaded),
        Err(failure) => panic!("{name} does not load: {failure}"),
    }
}

fn screen(app: &App) -> String {
    buffer_lines(&render_buffer(app, 80, 24)).join("\n")
}

fn loading_app() -> App {
    let options = UiOptions {
        engine: Engine::default(),
        color: false,
    };
    App::loading(None, options, KeySetup::defaults(), Rect::new(0, 0, 80, 24))
}

/// Briefings `numbers`, dated 2025-01-0N.
fn numbered(numbers: impl Iterator<Item = usize>) -> Vec<Listing> {
    numbers
        .map(|n| {
            listing(
                &format!("b{n}.json"),
                &format!("Briefing {n}"),
                &format!("2025-01-0{n}"),
            )
        })
        .collect()
}

fn served_app() -> App {
    let mut app = loading_app();
    let listings = numbered(1..=9);
    app.update(Action::LibraryLoaded(Batch {
        gone: Vec::new(),
        listings,
        failures: Vec::new(),
    }));
    app.update(Action::LibraryChecking {
        done: 0,
        total: None,
    });
    app
}

fn selected_headline(app: &App) -> &str {
    let at = app.library_view().selected();
    app.library()
        .listings
        .get(at)
        .map_or("", |l| l.headline.as_str())
}

#[test]
fn the_indexed_library_shows_whole_while_the_files_are_checked() {
    let mut app = served_app();
    let shown = screen(&app);
    assert!(
        shown.contains("Library: 9 briefings, 0 errors · checking the files…"),
        "{shown}"
    );
    app.update(Action::LibraryChecking {
        done: 256,
        total: Some(1024),
    });
    let shown = screen(&app);
    assert!(
        shown.contains("9 briefings, 0 errors · checking 256 of 1,024 changed files…"),
        "{shown}"
    );
    app.update(Action::LibraryDone);
    let shown = screen(&app);
    assert!(
        shown.contains(" Library: 9 briefings, 0 errors "),
        "{shown}"
    );
    assert!(!shown.contains("checking"), "{shown}");
}

#[test]
fn the_first_rows_show_with_the_whole_librarys_counts_and_the_rest_follows() {
    let mut app = loading_app();
    let listed = Listed {
        briefings: 9,
        failures: 0,
    };
    app.update(Action::LibraryListing(Some(listed)));
    app.update(Action::LibraryLoaded(Batch {
        listings: numbered((7..=9).rev()),
        ..Batch::default()
    }));
    app.update(Action::LibraryChecking {
        done: 0,
        total: None,
    });
    let shown = screen(&app);
    assert!(
        shown.contains("Library: 9 briefings, 0 errors · checking the files…"),
        "{shown}"
    );
    assert!(
        shown.contains("Briefing 7") && !shown.contains("Briefing 6"),
        "{shown}"
    );
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(selected_headline(&app), "Briefing 7");
    app.update(Action::LibraryLoaded(Batch {
        listings: numbered(1..=6),
        ..Batch::default()
    }));
    app.update(Action::LibraryListing(None));
    assert_eq!(selected_headline(&app), "Briefing 7");
    let shown = screen(&app);
    assert!(shown.contains("Briefing 1"), "{shown}");
    assert!(
        shown.contains("Library: 9 briefings, 0 errors · checking the files…"),
        "{shown}"
    );
    // Counted by the index, a file deleted since is not listed: the title follows the
    // library once the rest is in.
    app.update(Action::LibraryLoaded(Batch {
        gone: vec![PathBuf::from("b1.json")],
        ..Batch::default()
    }));
    app.update(Action::LibraryDone);
    assert!(screen(&app).contains(" Library: 8 briefings, 0 errors "));
}

#[test]
fn changes_found_by_the_check_go_in_and_the_selection_stays_put() {
    let mut app = served_app();
    // The user chooses Briefing 5 (fifth from the top: 9, 8, 7, 6, 5).
    for _ in 0..4 {
        app.update(Action::Down);
    }
    assert_eq!(selected_headline(&app), "Briefing 5");
    // b9 deleted, b3 rewritten (now the newest), b0 added above the selection.
    app.update(Action::LibraryLoaded(Batch {
        gone: vec![PathBuf::from("b9.json"), PathBuf::from("b3.json")],
        listings: vec![
            listing("b3.json", "Rewritten 3", "2025-02-01"),
            listing("b0.json", "Briefing 0", "2025-01-06T12:00:00Z"),
        ],
        failures: Vec::new(),
    }));
    assert_eq!(selected_headline(&app), "Briefing 5");
    let headlines: Vec<&str> = app
        .library()
        .listings
        .iter()
        .map(|l| l.headline.as_str())
        .collect();
    assert_eq!(
        headlines,
        [
            "Rewritten 3",
            "Briefing 8",
            "Briefing 7",
            "Briefing 0",
            "Briefing 6",
            "Briefing 5",
            "Briefing 4",
            "Briefing 2",
            "Briefing 1"
        ]
    );
    app.update(Action::LibraryDone);
    assert_eq!(selected_headline(&app), "Briefing 5");
    assert!(screen(&app).contains("Library: 9 briefings, 0 errors"));
}
