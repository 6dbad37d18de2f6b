//! Rendering checks on whole screens: every cell where a terminal shows it (the frames
//! written as ratatui writes them, read back through a terminal emulator), search matches
//! drawn on the right cells of reordered RTL text, and styles with and without colour.

mod support;

use std::path::{Path, PathBuf};

use brief::briefing::{LoadOptions, load_path};
use brief::text::BidiMode;
use brief::ui::content::Engine;
use brief::ui::screen::render_buffer;
use brief::ui::{Action, App, KeySetup, UiOptions, settle_asked};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use support::emulated::Emulated;
use unicode_segmentation::UnicodeSegmentation;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn app(folder: &Path, opened: Option<PathBuf>, shaping: bool, color: bool) -> App {
    let library = load_path(folder, &LoadOptions::default());
    let options = UiOptions {
        engine: Engine {
            mode: BidiMode::App,
            shaping,
        },
        color,
    };
    let mut app = App::new(library, opened, options, KeySetup::defaults(), SIZE);
    settle_asked(&mut app, &LoadOptions::default(), &[]);
    app
}

/// The size apps are built at; the tests resize them as they go.
const SIZE: Rect = Rect::new(0, 0, 80, 24);

fn type_query(app: &mut App, query: &str) {
    act(app, Action::SearchStart);
    for c in query.chars() {
        act(app, Action::SearchInput(c));
    }
}

/// The action, with the files it asks to read read at once, as the runtime does.
fn act(app: &mut App, action: Action) {
    app.update(action);
    settle_asked(app, &LoadOptions::default(), &[]);
}

/// Shows `buf` on the emulated terminal; fails with the cells that differ.
fn assert_shown_as_drawn(terminal: &mut Emulated, buf: &Buffer, context: &str) {
    let wrong = terminal
        .show(buf)
        .unwrap_or_else(|e| panic!("{context}: {e:#}"));
    assert!(wrong.is_empty(), "{context}: {wrong:#?}");
}

/// The checker itself: a frame whose cells a terminal counts otherwise than ratatui does
/// is caught, though every one of its rows is as wide as the screen.
#[test]
fn the_emulated_terminal_catches_a_cell_of_the_wrong_width() {
    let area = Rect::new(0, 0, 10, 2);
    let mut sound = Buffer::empty(area);
    sound.set_string(0, 0, "ab中cd", ratatui::style::Style::default());
    sound.set_string(0, 1, "سلام", ratatui::style::Style::default());
    assert_eq!(Emulated::default().show(&sound).ok(), Some(Vec::new()));
    // Two characters in one cell: ratatui counts the cell two wide and skips the next,
    // a terminal draws two narrow characters.
    let mut two_in_one = sound.clone();
    two_in_one[(0, 0)].set_symbol("xy");
    // A family emoji (a ZWJ sequence): two cells by its grapheme's width, four for a
    // terminal that counts its characters, pushing the rest of the row right.
    let mut family = Buffer::empty(area);
    family.set_string(
        0,
        0,
        "\u{1F469}\u{200D}\u{1F52C}abc",
        ratatui::style::Style::default(),
    );
    for (what, frame) in [("two in one", two_in_one), ("ZWJ sequence", family)] {
        let wrong = Emulated::default().show(&frame).unwrap_or_default();
        assert!(!wrong.is_empty(), "{what}: not caught");
    }
}

/// gitui-style reflow check over every briefing, at many sizes, through a tour of the keys:
/// every frame, written as ratatui writes it after the one before, shows on an emulated
/// terminal exactly as the engine laid it out.
#[test]
fn every_cell_of_every_screen_shows_where_it_was_drawn() {
    let tour = [
        Action::Select,
        Action::Down,
        Action::FocusQuotes,
        Action::Down,
        Action::FocusActors,
        Action::Select,
        Action::FocusBody,
        Action::PageDown,
        Action::Zoom,
        Action::Bottom,
        Action::NextBriefing,
        Action::Help,
        Action::Help,
    ];
    for folder in [root().join("briefings"), root().join("tests/fixtures/ui")] {
        for shaping in [true, false] {
            let mut app = app(&folder, None, shaping, false);
            let mut terminal = Emulated::default();
            for (width, height) in [
                (80, 24),
                (120, 40),
                (100, 30),
                (79, 23),
                (40, 12),
                (20, 5),
                (33, 7),
                (19, 4),
            ] {
                act(&mut app, Action::Resize { width, height });
                let briefings = 8;
                for index in 0..briefings {
                    for (step, action) in tour.iter().enumerate() {
                        act(&mut app, action.clone());
                        let context = format!(
                            "{} {width}x{height} briefing {index} step {step} shaping {shaping}",
                            folder.display()
                        );
                        let frame = render_buffer(&app, width, height);
                        assert_shown_as_drawn(&mut terminal, &frame, &context);
                    }
                    type_query(&mut app, "ال");
                    act(&mut app, Action::SearchSubmit);
                    let frame = render_buffer(&app, width, height);
                    assert_shown_as_drawn(&mut terminal, &frame, "search");
                    act(&mut app, Action::Back);
                    act(&mut app, Action::Back);
                    act(&mut app, Action::Back);
                    act(&mut app, Action::Down);
                }
            }
        }
    }
}

/// The current match on an Arabic line is reordered with its line: the highlighted cells,
/// read left to right, are the matched word's graphemes in reverse.
#[test]
fn a_match_in_rtl_text_highlights_exactly_its_glyphs() {
    let folder = root().join("tests/fixtures/ui");
    let file = folder.join("arabic-harakat.json");
    let mut app = app(&folder, Some(file), false, false);
    act(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    type_query(&mut app, "المفوض");
    act(&mut app, Action::SearchSubmit);
    let buf = render_buffer(&app, 80, 24);
    let is_arabic = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let current: Vec<(u16, String)> = (0..23)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            let cell = &buf[(x, y)];
            cell.modifier.contains(Modifier::REVERSED) && is_arabic(cell.symbol())
        })
        .map(|(x, y)| (y, buf[(x, y)].symbol().to_string()))
        .collect();
    let rows: Vec<u16> = current.iter().map(|(y, _)| *y).collect();
    assert!(rows.windows(2).all(|w| w[0] == w[1]), "one row: {rows:?}");
    let drawn: Vec<&str> = current.iter().map(|(_, s)| s.as_str()).collect();
    let mut expected: Vec<&str> = "المُفَوَّضُ".graphemes(true).collect();
    expected.reverse();
    assert_eq!(drawn, expected);
    // The other match (the actor's name) is marked too, underlined rather than reversed.
    let underlined = (0..23)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .map(|(x, y)| &buf[(x, y)])
        .filter(|c| is_arabic(c.symbol()))
        .filter(|c| c.modifier.contains(Modifier::UNDERLINED))
        .filter(|c| !c.modifier.contains(Modifier::REVERSED))
        .count();
    assert_eq!(underlined, "المفوض".graphemes(true).count());
}

#[test]
fn monochrome_has_no_colour_yet_marks_focus_selection_and_matches() {
    let folder = root().join("tests/fixtures/ui");
    let mut app = app(&folder, None, true, false);
    act(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    act(&mut app, Action::Select);
    type_query(&mut app, "undp");
    act(&mut app, Action::SearchSubmit);
    let buf = render_buffer(&app, 80, 24);
    let cells: Vec<_> = buf.content().iter().collect();
    assert!(
        cells
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    let text: String = cells.iter().map(|c| c.symbol()).collect();
    assert!(
        text.contains('▶') && text.contains('┏'),
        "focused pane: arrow in title, thick border"
    );
    assert!(text.contains('▌'), "selected item gutter");
    assert!(
        cells
            .iter()
            .any(|c| c.modifier.contains(Modifier::UNDERLINED)),
        "matches underlined"
    );
}

#[test]
fn colour_sticks_to_the_16_ansi_colours() {
    let folder = root().join("tests/fixtures/ui");
    let mut app = app(&folder, None, true, true);
    act(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    act(&mut app, Action::Select);
    type_query(&mut app, "un");
    act(&mut app, Action::SearchSubmit);
    let buf = render_buffer(&app, 120, 40);
    for cell in buf.content() {
        for color in [cell.fg, cell.bg] {
            assert!(
                !matches!(color, Color::Rgb(..) | Color::Indexed(_)),
                "{color:?}"
            );
        }
    }
}

fn screen_text(app: &App, width: u16, height: u16) -> Vec<String> {
    brief::ui::screen::buffer_lines(&render_buffer(app, width, height))
}

#[test]
fn a_failed_file_is_listed_and_its_full_error_shown_when_selected() {
    let folder = root().join("tests/fixtures/ui");
    let mut app = app(&folder, None, true, false);
    act(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    let failure = load_path(&folder, &LoadOptions::default())
        .failures
        .remove(0);
    let error = failure.diagnostics[0].to_string();
    let lines = screen_text(&app, 120, 40);
    assert!(lines[0].contains("2 briefings, 1 error"), "{}", lines[0]);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("✗ ERROR") && l.contains("broken.json"))
    );
    assert!(
        !lines.iter().any(|l| l.contains(&error)),
        "not before it is selected"
    );
    act(&mut app, Action::Bottom);
    let lines = screen_text(&app, 120, 40);
    // Wrapping takes the spaces where lines break: compare without any.
    let squeeze = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '│')
            .collect::<String>()
    };
    let detail = squeeze(&lines.concat());
    assert!(detail.contains(&squeeze(&error)), "{error} not in {detail}");
}

#[test]
fn a_field_with_bidi_controls_is_flagged() {
    let json = "{\"headline\": \"Payment to \\u202Eaccount 4411\\u202C approved\", \"body\": [\"Plain.\"]}";
    let loaded = brief::briefing::load_bytes(Path::new("trojan.json"), json.as_bytes());
    let Ok(loaded) = loaded else {
        panic!("the fixture loads");
    };
    let library = brief::briefing::Library {
        listings: vec![brief::briefing::Listing::of(&loaded)],
        failures: Vec::new(),
    };
    let options = UiOptions {
        engine: Engine::default(),
        color: false,
    };
    let opened = Some(PathBuf::from("trojan.json"));
    let mut app = App::new(library, opened, options, KeySetup::defaults(), SIZE);
    settle_asked(&mut app, &LoadOptions::default(), &[loaded]);
    act(
        &mut app,
        Action::Resize {
            width: 80,
            height: 24,
        },
    );
    let lines = screen_text(&app, 80, 24);
    let notice = lines
        .iter()
        .position(|l| l.contains("⚠ the next field holds bidi control characters"));
    let headline = lines.iter().position(|l| l.contains("Payment to"));
    assert!(
        matches!((notice, headline), (Some(n), Some(h)) if h == n + 1),
        "{lines:#?}"
    );
    assert!(
        !lines
            .iter()
            .any(|l| l.contains("Plain.") && l.contains('⚠'))
    );
}
