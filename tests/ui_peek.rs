use std::path::Path;

use brief::briefing::{LoadOptions, load_path};
use brief::text::BidiMode;
use brief::ui::screen::{buffer_lines, render_buffer};
use brief::ui::{Action, App, UiOptions};

#[test]
fn peek() {
    let dir = std::env::var("PEEK_DIR").unwrap_or("briefings".into());
    let library = load_path(Path::new(&dir), &LoadOptions::default());
    let mut app = App::new(library, None, UiOptions { bidi: BidiMode::App, shaping: true, color: false });
    let w: u16 = std::env::var("PEEK_W").ok().and_then(|s| s.parse().ok()).unwrap_or(80);
    let h: u16 = std::env::var("PEEK_H").ok().and_then(|s| s.parse().ok()).unwrap_or(24);
    app.update(Action::Resize { width: w, height: h });
    for a in std::env::var("PEEK_ACTIONS").unwrap_or_default().split(',').filter(|s| !s.is_empty()) {
        let action = match a {
            "enter" => Action::Select, "down" => Action::Down, "tab" => Action::FocusNext,
            "help" => Action::Help, "next" => Action::NextBriefing, "zoom" => Action::Zoom,
            "pgdn" => Action::PageDown, "esc" => Action::Back, "3" => Action::FocusQuotes, "5" => Action::FocusActors,
            "4" => Action::FocusPoints, "G" => Action::Bottom, "k" => Action::Up, "1" => Action::FocusHeadline, "2" => Action::FocusBody, "y" => Action::CopyQuote, "prev" => Action::PrevBriefing, "n" => Action::SearchNext, "/" => Action::SearchStart, "submit" => Action::SearchSubmit,
            s if s.starts_with('=') => { for c in s[1..].chars() { app.update(Action::SearchInput(c)); } continue; }
            other => panic!("{other}"),
        };
        app.update(action);
    }
    for line in buffer_lines(&render_buffer(&app, w, h)) {
        println!("|{line}|");
    }
}
