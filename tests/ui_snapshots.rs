//! Whole screens rendered into a TestBackend-sized buffer, as text. Below each row that has
//! search matches, a marker row shows which cells are drawn as matches: `^` a match, `#`
//! the current one (so highlighting on reordered RTL text can be checked by eye).

use std::path::{Path, PathBuf};

use brief::briefing::{LoadOptions, load_path};
use brief::ui::content::Engine;
use brief::ui::screen::render_buffer;
use brief::ui::{Action, App, KeySetup, UiOptions, settle_asked};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

const ARABIC: &str = "briefings/libya-ohchr-geneva.json";
const ENGLISH: &str = "briefings/veyra-basin-talks.json";
const MIXED: &str = "briefings/sabil-upr-tracker-tunis.json";

fn app(opened: Option<&str>, width: u16, height: u16) -> App {
    // Relative, as a user would type it: paths show on screen.
    let library = load_path(Path::new("briefings"), &LoadOptions::default());
    let options = UiOptions {
        engine: Engine::default(),
        color: false,
    };
    // The default keys, whatever the user running the tests has configured, and the
    // key file where most users have it, for the help screen.
    let keys = KeySetup {
        file: Some(PathBuf::from("~/.config/brief/keys.toml")),
        ..KeySetup::defaults()
    };
    let area = Rect::new(0, 0, width, height);
    let mut app = App::new(library, opened.map(PathBuf::from), options, keys, area);
    settle_asked(&mut app, &LoadOptions::default(), &[]);
    app
}

fn screen(app: &App, width: u16, height: u16) -> String {
    let buf = render_buffer(app, width, height);
    let mut out = String::new();
    for y in 0..height {
        let (mut text, mut marks) = (String::new(), String::new());
        let mut x = 0;
        while x < width {
            let cell = &buf[(x, y)];
            let cells = cell.symbol().width().max(1);
            text.push_str(cell.symbol());
            let mark = match (
                cell.modifier.contains(Modifier::UNDERLINED),
                cell.modifier.contains(Modifier::REVERSED),
            ) {
                (true, true) => '#',
                (true, false) => '^',
                _ => ' ',
            };
            marks.extend(std::iter::repeat_n(mark, cells));
            x = x.saturating_add(u16::try_from(cells).unwrap_or(1));
        }
        out.push_str(&format!("{text}\n"));
        if !marks.trim().is_empty() {
            out.push_str(&format!("{}\n", marks.trim_end()));
        }
    }
    out
}

/// Types `query` at the `/` prompt, and Enter if `submit`; the library's search runs as
/// each key asks for it.
fn search(app: &mut App, query: &str, submit: bool) {
    let mut act = |action| {
        app.update(action);
        settle_asked(app, &LoadOptions::default(), &[]);
    };
    act(Action::SearchStart);
    for c in query.chars() {
        act(Action::SearchInput(c));
    }
    if submit {
        act(Action::SearchSubmit);
    }
}

/// Snapshots `name_80x24` and `name_120x40` of the screen after `setup`.
fn at_both_sizes(name: &str, opened: Option<&str>, setup: impl Fn(&mut App)) {
    for (width, height) in [(80, 24), (120, 40)] {
        let mut app = app(opened, width, height);
        setup(&mut app);
        insta::assert_snapshot!(
            format!("{name}_{width}x{height}"),
            screen(&app, width, height)
        );
    }
}

#[test]
fn library() {
    at_both_sizes("library", None, |_| {});
}

#[test]
fn arabic_briefing() {
    at_both_sizes("arabic_briefing", Some(ARABIC), |_| {});
}

#[test]
fn english_briefing() {
    at_both_sizes("english_briefing", Some(ENGLISH), |app| {
        app.update(Action::FocusQuotes);
        app.update(Action::Down);
    });
}

#[test]
fn mixed_briefing() {
    at_both_sizes("mixed_briefing", Some(MIXED), |_| {});
}

#[test]
fn help() {
    at_both_sizes("help", None, |app| app.update(Action::Help));
}

#[test]
fn search_arabic() {
    // No hamza typed: matches الإنسان; the prompt is still open.
    at_both_sizes("search_arabic", Some(ARABIC), |app| {
        search(app, "الانسان", false)
    });
}

#[test]
fn search_mixed() {
    at_both_sizes("search_mixed", Some(MIXED), |app| {
        search(app, "upr", true);
        app.update(Action::SearchNext);
    });
}

#[test]
fn library_filtered() {
    // Kept by Enter: its words stay on the status line, laid out like any text. Each
    // result has the text around its match under its headline, the match marked.
    at_both_sizes("library_filter_water", None, |app| {
        search(app, "water", true)
    });
    // Still typing, in Arabic, without the harakat or hamza the headline has.
    at_both_sizes("library_filter_arabic", None, |app| {
        search(app, "المفوض السامي", false)
    });
}

#[test]
fn small_terminals() {
    for (width, height) in [(40, 12), (20, 5), (19, 4)] {
        let mut app = app(Some(ARABIC), width, height);
        app.update(Action::FocusQuotes);
        insta::assert_snapshot!(
            format!("small_{width}x{height}"),
            screen(&app, width, height)
        );
    }
}
