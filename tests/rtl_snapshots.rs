//! Screens of right-to-left briefings where brief's own words meet briefing text (labels,
//! prompts, credits, the help at narrow widths), rendered in-process as text.

use std::path::{Path, PathBuf};

use brief::briefing::{LoadOptions, load_path};
use brief::ui::content::Engine;
use brief::ui::screen::render_buffer;
use brief::ui::{Action, App, CursorMove, KeySetup, UiOptions, settle_asked};
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

const ARABIC: &str = "briefings/libya-ohchr-geneva.json";
const HEBREW: &str = "briefings/kiryat-hadas-water-scada.json";

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
    let mut app = App::new(library, opened.map(PathBuf::from), options, keys, area);
    settle_asked(&mut app, &LoadOptions::default(), &[]);
    app
}

/// `action`, then the files it asks to read read and the searches it asks for run, as the
/// runtime does.
fn act(app: &mut App, action: Action) {
    app.update(action);
    settle_asked(app, &LoadOptions::default(), &[]);
}

/// The screen's rows `rows` as text, a row per line; below the status line, when its cells
/// are not all reversed alike (the prompt's cursor on a letter), a marker row with `^`
/// under each cell reversed otherwise than the line's first.
fn rows(app: &App, width: u16, height: u16, rows: std::ops::Range<u16>) -> String {
    let buf = render_buffer(app, width, height);
    let mut out = String::new();
    for y in rows {
        let (mut text, mut marks) = (String::new(), String::new());
        let first = buf[(0, y)].modifier.contains(Modifier::REVERSED);
        let mut x = 0;
        while x < width {
            let cell = &buf[(x, y)];
            let cells = cell.symbol().width().max(1);
            text.push_str(cell.symbol());
            let reversed = cell.modifier.contains(Modifier::REVERSED) != first;
            marks.extend(std::iter::repeat_n(if reversed { '^' } else { ' ' }, cells));
            x = x.saturating_add(u16::try_from(cells).unwrap_or(1));
        }
        out.push_str(&text);
        out.push('\n');
        if y == height - 1 && !marks.trim().is_empty() {
            out.push_str(marks.trim_end());
            out.push('\n');
        }
    }
    out
}

fn screen(app: &App, width: u16, height: u16) -> String {
    rows(app, width, height, 0..height)
}

fn snapshot(name: &str, opened: Option<&str>, (width, height): (u16, u16), actions: &[Action]) {
    let mut app = app(opened, width, height);
    for action in actions {
        act(&mut app, action.clone());
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

/// The status line while `/` is open on the Arabic briefing, after `keys`.
fn prompt_line(keys: &[Action]) -> String {
    let (width, height) = (80, 24);
    let mut app = app(Some(ARABIC), width, height);
    act(&mut app, Action::SearchStart);
    for key in keys {
        act(&mut app, key.clone());
    }
    rows(&app, width, height, height - 1..height)
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::SearchInput).collect()
}

#[test]
fn the_prompt_with_arabic_and_mixed_text() {
    // Arabic: the next letter goes left of the last one typed, at the left end.
    insta::assert_snapshot!("prompt_arabic", prompt_line(&typed("حقوق الإنسان")));
    // Mixed: right to left, UN at its left end; the cursor right after N, where the next
    // letter appears, not by the first letter at the right end.
    insta::assert_snapshot!("prompt_mixed", prompt_line(&typed("حقوق UN")));
    // Home: before the first letter, at the right end of the Arabic.
    let mut keys = typed("حقوق UN");
    keys.push(Action::SearchCursor(CursorMove::Start));
    insta::assert_snapshot!("prompt_mixed_home", prompt_line(&keys));
    // Then Right twice: after the second letter, on its left.
    keys.extend([const { Action::SearchCursor(CursorMove::Forward) }; 2]);
    insta::assert_snapshot!("prompt_mixed_right_2", prompt_line(&keys));
}

#[test]
fn the_hebrew_briefing_s_headline_and_quotes() {
    // Hebrew credits join name and role with the Latin comma, not the Arabic one.
    let actions = [Action::FocusQuotes, Action::Zoom];
    snapshot("hebrew_quotes", Some(HEBREW), (80, 24), &actions);
    let actions = [Action::FocusHeadline, Action::Zoom];
    snapshot("hebrew_headline", Some(HEBREW), (80, 24), &actions);
}

#[test]
fn the_help_at_40x12() {
    // Descriptions wrap at words under a small indent; the position reads first-last/total.
    snapshot("help", None, (40, 12), &[Action::Help]);
    snapshot(
        "help_paged",
        None,
        (40, 12),
        &[Action::Help, Action::PageDown],
    );
}
