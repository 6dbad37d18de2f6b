//! Screens of right-to-left briefings where brief's own words meet briefing text (labels,
//! prompts, credits, the help at narrow widths), rendered in-process as text.

use std::path::{Path, PathBuf};

use brief::briefing::{LoadOptions, load_path};
use brief::ui::content::Engine;
use brief::ui::screen::render_buffer;
use brief::ui::{Action, App, KeySetup, UiOptions};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

const ARABIC: &str = "briefings/libya-ohchr-geneva.json";

fn app(opened: Option<&str>, width: u16, height: u16) -> App {
    // Relative, as a user would type it: paths show on screen.
    let library = load_path(Path::new("briefings"), &LoadOptions::default());
    let options = UiOptions {
        engine: Engine::default(),
        color: false,
    };
    let keys = KeySetup {
        file: Some(PathBuf::from("~/.config/brief/keys.toml")),
        ..KeySetup::defaults()
    };
    let area = Rect::new(0, 0, width, height);
    App::new(library, opened.map(PathBuf::from), options, keys, area)
}

/// The screen's cells as text, a row per line.
fn screen(app: &App, width: u16, height: u16) -> String {
    let buf = render_buffer(app, width, height);
    let mut out = String::new();
    for y in 0..height {
        let mut x = 0;
        while x < width {
            let symbol = buf[(x, y)].symbol();
            out.push_str(symbol);
            x = x.saturating_add(u16::try_from(symbol.width().max(1)).unwrap_or(1));
        }
        out.push('\n');
    }
    out
}

fn snapshot(name: &str, opened: Option<&str>, (width, height): (u16, u16), actions: &[Action]) {
    let mut app = app(opened, width, height);
    for action in actions {
        app.update(action.clone());
    }
    insta::assert_snapshot!(
        format!("{name}_{width}x{height}"),
        screen(&app, width, height)
    );
}

#[test]
fn arabic_briefing_with_the_actor_filter() {
    // Our label reads left to right, its colon at its end, above the Arabic name.
    let actions = [Action::FocusActors, Action::Select, Action::FocusQuotes];
    snapshot("arabic_actor_filter", Some(ARABIC), (80, 24), &actions);
}
