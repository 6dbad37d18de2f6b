//! The three views of a translated briefing (original, translation, side by side) as
//! whole screens at 80×24 and 160×50: under 100 columns a translation stacks under its
//! original, indented; from 100 on it goes beside it, each column in its own direction.

use std::path::{Path, PathBuf};

use brief::briefing::{LoadOptions, load_path};
use brief::ui::content::Engine;
use brief::ui::screen::{buffer_lines, render_buffer};
use brief::ui::{Action, App, KeySetup, UiOptions, settle_asked};
use ratatui::layout::Rect;

const ARABIC: &str = "briefings/libya-ohchr-geneva.json";
const HEBREW: &str = "briefings/emek-arazim-water-plan.json";

fn screen_after(opened: &str, presses: usize, width: u16, height: u16) -> String {
    let library = load_path(Path::new("briefings"), &LoadOptions::default());
    let options = UiOptions {
        engine: Engine::default(),
        color: false,
    };
    let area = Rect::new(0, 0, width, height);
    let opened = Some(PathBuf::from(opened));
    let mut app = App::new(library, opened, options, KeySetup::defaults(), area);
    // Opening reads the file: done here as the runtime does.
    settle_asked(&mut app, &LoadOptions::default(), &[]);
    for _ in 0..presses {
        app.update(Action::CycleTranslation);
    }
    buffer_lines(&render_buffer(&app, width, height)).join("\n")
}

/// `t` pressed 0, 1 and 2 times: the original, the translation, side by side.
fn three_views(name: &str, opened: &str) {
    for (width, height) in [(80, 24), (160, 50)] {
        for (presses, view) in ["original", "translation", "side_by_side"]
            .iter()
            .enumerate()
        {
            insta::assert_snapshot!(
                format!("{name}_{view}_{width}x{height}"),
                screen_after(opened, presses, width, height)
            );
        }
    }
}

#[test]
fn arabic_with_english() {
    three_views("arabic_english", ARABIC);
}

#[test]
fn hebrew_with_english() {
    three_views("hebrew_english", HEBREW);
}
