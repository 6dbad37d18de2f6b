//! The bytes a scroll leaves to the terminal, proven against whole redraws: random keys on
//! the Arabic seed briefing, each frame drawn as the runtime draws it (scroll regions and
//! the screen's diff) and replayed on a vt100 screen, must leave the screen cell for cell as a
//! fresh terminal shows the same state drawn whole.

use std::path::Path;

use brief::briefing::{LoadOptions, load_path};
use brief::ui::content::Engine;
use brief::ui::{Action, App, Effect, KeySetup, UiOptions, read_asked};
use ratatui::layout::Rect;

use super::frame::draw;
use crate::cli::screen::Screen;
use crate::cli::screen::tests::{Written, cells, screen};
use crate::cli::scroll::{Scroller, Shift};

type VecTerm = Screen<Written>;

const ACTIONS: [Action; 12] = [
    Action::Down,
    Action::Down,
    Action::Down,
    Action::Up,
    Action::Up,
    Action::HalfPageDown,
    Action::HalfPageUp,
    Action::PageDown,
    Action::Top,
    Action::Bottom,
    Action::FocusNext,
    Action::Zoom,
];

fn seed_app(width: u16, height: u16, color: bool) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/libya-ohchr-geneva.json");
    let load = LoadOptions::default();
    let library = load_path(&path, &load);
    let options = UiOptions {
        engine: Engine::default(),
        color,
    };
    let area = Rect::new(0, 0, width, height);
    let mut app = App::new(library, Some(path), options, KeySetup::defaults(), area);
    read_asked(&mut app, &load);
    app
}

fn terminal(width: u16, height: u16, written: &Written) -> VecTerm {
    Screen::fixed(written.clone(), Rect::new(0, 0, width, height))
}

/// The app's state drawn whole on a fresh terminal.
fn whole(app: &App, width: u16, height: u16) -> Vec<String> {
    let written = Written::default();
    let mut term = terminal(width, height, &written);
    draw(&mut term, app, &mut Scroller::default()).unwrap_or_else(|e| panic!("draw: {e}"));
    let mut parser = screen(width, height);
    parser.process(&written.take());
    cells(&parser)
}

/// The scrolls the app asked for go to the scroller, as the runtime does.
fn take_scrolls(app: &mut App, scroller: &mut Scroller) {
    for effect in app.take_effects() {
        if let Effect::ScrollRegion { top, bottom, lines } = effect {
            scroller.push(Shift { top, bottom, lines });
        }
    }
}

/// xorshift64: the same keys on every run, different for each seed.
fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// `steps` random keys (a few between frames, as when keys come faster than frames);
/// how many frames used a scroll region.
fn replay(seed: u64, (width, height): (u16, u16), color: bool, steps: usize) -> usize {
    let mut app = seed_app(width, height, color);
    let written = Written::default();
    let mut term = terminal(width, height, &written);
    let mut scroller = Scroller::default();
    let mut parser = screen(width, height);
    let mut state = seed;
    let mut shifted = 0;
    for step in 0..steps {
        let keys = 1 + next(&mut state) % 3;
        let mut done = Vec::new();
        for _ in 0..keys {
            let n = usize::try_from(next(&mut state) % 40).unwrap_or(0);
            // Mostly one line down or up: the scroll the regions are for.
            let action = ACTIONS.get(n).cloned().unwrap_or(if n % 2 == 0 {
                Action::Down
            } else {
                Action::Up
            });
            done.push(action.clone());
            app.update(action);
        }
        take_scrolls(&mut app, &mut scroller);
        draw(&mut term, &app, &mut scroller).unwrap_or_else(|e| panic!("draw: {e}"));
        let bytes = written.take();
        if bytes.windows(3).any(|w| w == b"\x1b[r") {
            shifted += 1;
        }
        parser.process(&bytes);
        let expected = whole(&app, width, height);
        let got = cells(&parser);
        if let Some(row) = (0..got.len()).find(|&r| got[r] != expected[r]) {
            panic!(
                "seed {seed}, {width}×{height}, step {step} after {done:?}: row {row} differs\n\
                 incremental: {}\nwhole:       {}\nscreen:\n{}",
                got[row],
                expected[row],
                parser.screen().contents()
            );
        }
    }
    shifted
}

#[test]
fn scrolls_left_to_the_terminal_leave_the_screen_a_whole_redraw_gives() {
    let mut shifted = 0;
    for (seed, size, color) in [
        (1, (120, 40), true),
        (2, (120, 40), false),
        (3, (100, 30), true),
        (4, (200, 60), true),
        (5, (80, 24), true),
    ] {
        shifted += replay(seed, size, color, 60);
    }
    assert!(
        shifted > 10,
        "only {shifted} frames used a scroll region: the test proves little"
    );
}
