//! Fixtures for the state tests: the app on the fixture briefings, loaded by the real
//! loader, driven by actions with no terminal.

use std::path::{Path, PathBuf};

use ratatui::layout::Rect;

use crate::briefing::{Listing, LoadOptions, Loaded, load_path};
use crate::ui::app::App;
use crate::ui::content::Engine;
use crate::ui::keys::KeySetup;
use crate::ui::mark::Mark;
use crate::ui::reader::OpenBriefing;
use crate::ui::{Action, UiOptions, settle_asked};

pub(crate) fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ui")
}

pub(crate) fn app_on(path: &Path, opened: Option<PathBuf>) -> App {
    let library = load_path(path, &LoadOptions::default());
    let options = ui_options(false);
    let mut app = App::new(library, opened, options, KeySetup::defaults(), SIZE);
    settle(&mut app);
    app
}

/// Reads and searches what the app asked for (`Effect::Read`, `Effect::Search`), as the
/// runtime does, until it asks for no more.
pub(crate) fn settle(app: &mut App) {
    settle_asked(app, &LoadOptions::default(), &[]);
}

/// `settle`, with the briefings in `store` (made in memory, under paths with no file)
/// answered from there.
pub(crate) fn settle_from(app: &mut App, store: &[Loaded]) {
    settle_asked(app, &LoadOptions::default(), store);
}

pub(crate) const SIZE: Rect = Rect::new(0, 0, 80, 24);

pub(crate) fn ui_options(color: bool) -> UiOptions {
    UiOptions {
        engine: Engine::default(),
        color,
    }
}

/// The fixture folder: mixed (2025-11-04), arabic-harakat (2025-10-01), and broken.json.
pub(crate) fn fixture_app() -> App {
    app_on(&fixtures(), None)
}

/// Each action, with the files it asks to read read at once.
pub(crate) fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(action.clone());
        settle(app);
    }
}

pub(crate) fn open_reader(app: &App) -> &OpenBriefing {
    match app.reader() {
        Some(reader) => reader,
        None => panic!("no briefing is open"),
    }
}

/// A library of `n` small briefings at `area`.
pub(crate) fn numbered_app(n: usize, area: Rect) -> App {
    let listings = numbered(n).iter().map(Listing::of).collect();
    let library = crate::briefing::Library {
        listings,
        failures: Vec::new(),
    };
    let options = ui_options(false);
    App::new(library, None, options, KeySetup::defaults(), area)
}

/// `n` small briefings, `b0000.json` (headline "Briefing number 0000") on, in memory.
pub(crate) fn numbered(n: usize) -> Vec<Loaded> {
    (0..n)
        .filter_map(|n| {
            let json = format!("{{\"headline\": \"Briefing number {n:04}\"}}");
            let path = PathBuf::from(format!("b{n:04}.json"));
            crate::briefing::load_bytes(&path, json.as_bytes()).ok()
        })
        .collect()
}

/// Marks as `draw_row` needs them: sorted by (field, start), none overlapping.
pub(crate) fn assert_sorted_without_overlaps(marks: &[Mark]) {
    for pair in marks.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            (a.field, a.range.end) <= (b.field, b.range.start),
            "{a:?} then {b:?}"
        );
    }
}
