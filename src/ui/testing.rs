//! Fixtures for the state tests: the app on the fixture briefings, loaded by the real
//! loader, driven by actions with no terminal.

use std::path::{Path, PathBuf};

use ratatui::layout::Rect;

use crate::briefing::{LoadOptions, load_path};
use crate::ui::app::App;
use crate::ui::content::Engine;
use crate::ui::keys::KeySetup;
use crate::ui::mark::Mark;
use crate::ui::reader::OpenBriefing;
use crate::ui::{Action, UiOptions};

pub(crate) fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ui")
}

pub(crate) fn app_on(path: &Path, opened: Option<PathBuf>) -> App {
    let library = load_path(path, &LoadOptions::default());
    let options = ui_options(false);
    App::new(library, opened, options, KeySetup::defaults(), SIZE)
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

pub(crate) fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(action.clone());
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
    let briefings = (0..n)
        .filter_map(|n| {
            let json = format!("{{\"headline\": \"Briefing number {n:04}\"}}");
            let path = PathBuf::from(format!("b{n:04}.json"));
            crate::briefing::load_bytes(&path, json.as_bytes()).ok()
        })
        .collect();
    let library = crate::briefing::Library {
        briefings,
        failures: Vec::new(),
    };
    let options = ui_options(false);
    App::new(library, None, options, KeySetup::defaults(), area)
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
