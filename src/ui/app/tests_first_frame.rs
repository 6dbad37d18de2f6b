//! A briefing opened before the first frame lays out only what its screen shows; once the
//! frame is drawn, its short panes are laid out whole. The screen is then the one an app
//! that laid everything out at once shows, and before, it differs only by row counts
//! marked as estimates.

#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

use std::path::Path;

use ratatui::layout::Rect;

use crate::briefing::{Listing, LoadOptions, load_file};
use crate::ui::app::{App, Screen};
use crate::ui::keys::KeySetup;
use crate::ui::screen::{buffer_lines, render_buffer};
use crate::ui::testing::{settle_from, ui_options};
use crate::ui::{Action, Batch};

const BRIEFINGS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/briefings");

/// `path` named on the command line and opened, its panes laid out first screens first
/// or not.
fn opened(path: &Path, area: Rect, first_screens_first: bool) -> App {
    let mut app = App::loading(
        Some(path.to_path_buf()),
        ui_options(false),
        KeySetup::defaults(),
        area,
    );
    if first_screens_first {
        app = app.first_screens_first();
    }
    let loaded = load_file(path, &LoadOptions::default()).expect("a bundled briefing");
    app.update(Action::LibraryLoaded(Batch {
        listings: vec![Listing::of(&loaded)],
        ..Batch::default()
    }));
    settle_from(&mut app, &[loaded]);
    assert_eq!(app.screen(), Screen::Briefing, "{}", path.display());
    app
}

fn screen(app: &App) -> Vec<String> {
    let area = app.area();
    buffer_lines(&render_buffer(app, area.width, area.height))
}

#[test]
fn the_first_frame_lays_out_what_it_shows_and_the_rest_follows_it() {
    let mut files: Vec<_> = std::fs::read_dir(BRIEFINGS)
        .expect("the bundled briefings")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    files.sort();
    let mut estimated = 0;
    for path in &files {
        for (width, height) in [(120, 40), (80, 24), (200, 60), (20, 5)] {
            let area = Rect::new(0, 0, width, height);
            let whole = screen(&opened(path, area, false));
            let mut app = opened(path, area, true);
            let first = screen(&app);
            for (shown, laid_out_whole) in first.iter().zip(&whole) {
                if shown != laid_out_whole {
                    estimated += 1;
                    assert!(shown.contains("/~"), "{shown}\n{laid_out_whole}");
                }
            }
            app.update(Action::FirstFrameDrawn);
            assert_eq!(
                screen(&app),
                whole,
                "{} at {width}×{height}",
                path.display()
            );
        }
    }
    assert!(
        estimated > 0,
        "no first frame left a short pane's rest for later"
    );
}
