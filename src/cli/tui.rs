//! `brief [PATH]`: the full-screen reader. Checks the locale, sets up the terminal and the
//! ways out of it (signals, hang-up, panic), starts loading the library in the background,
//! then runs the event loop: wait for the next event, turn it into actions, update, carry
//! out effects, draw. While the library loads, the wait has a short timeout so arriving
//! batches go in, and frames they cause come at most every `FRAME_INTERVAL`; once it is
//! loaded the wait blocks with no timer, so an idle reader uses no CPU.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use brief::briefing::{self, LoadOptions};
use brief::ui::content::Engine;
use brief::ui::{Action, App, Effect, UiOptions};
use crossterm::event::{self, Event, KeyEventKind};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use super::args::{BidiArg, ColorWhen, ReadArgs};
use super::loader::{self, Drained, Loader};
use super::scroll::{Scroller, Shift};
use super::terminal::{self, FrameWriter, Modes};
use super::{clipboard, config, locale, signals};

type Term = Terminal<CrosstermBackend<FrameWriter>>;

/// Exit status for every error brief reports itself (bad path, no terminal, locale).
const ERROR_STATUS: u8 = 2;
/// Test hook, not for users: `BRIEF_TEST_PANIC=1` panics after the first frame, so the
/// end-to-end tests can check that a panic restores the terminal.
const TEST_PANIC_VAR: &str = "BRIEF_TEST_PANIC";
/// The first frame waits this long after start for the library to finish loading, so a
/// small one shows whole at once; a larger one shows its progress after this.
const FIRST_FRAME_GRACE: Duration = Duration::from_millis(30);
/// How long after start the first frame may wait for the file named on the command line:
/// it loads first, normally in milliseconds, and the first keys are meant for it. The
/// bound keeps `q` working if it never loads (a stalled network mount).
const NAMED_FILE_WAIT: Duration = Duration::from_secs(1);
/// While the library loads: how long to wait for a terminal event before looking for
/// batches again...
const LOADING_POLL: Duration = Duration::from_millis(10);
/// ...and the shortest time between two frames caused by batches arriving (keys and the end
/// of the load draw at once).
const FRAME_INTERVAL: Duration = Duration::from_millis(30);

pub fn run(args: &ReadArgs) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    if let Err(message) = locale::check(args.assume_utf8, locale::from_env) {
        eprintln!("brief: {message}");
        return Ok(ExitCode::from(ERROR_STATUS));
    }
    let path = args.path.clone().unwrap_or_else(briefing::default_path);
    if !path.exists() {
        // A typo should not open a full screen that lists one error.
        anyhow::bail!(
            "{}: no such file or folder (give a briefing file or folder, or set BRIEF_DIR)",
            path.display()
        );
    }
    terminal::install()?;
    signals::install_panic_hook();
    // Before loading, so a signal during a slow load still ends the process cleanly.
    signals::spawn_signal_thread()?;
    signals::spawn_hangup_watcher()?;
    signals::spawn_job_control_thread()?;
    let options = LoadOptions {
        max_size: args.max_size,
    };
    let (loader, opened) = loader::spawn(&path, options)?;
    let (ui, keys) = (ui_options(args), config::user_keys());
    // Built once the terminal's size is known, so the first layout is the one shown.
    let app = move |area| App::loading(opened, ui, keys, area);
    let modes = Modes {
        explicit_bidi: args.layout.bidi == BidiArg::App,
        tmux: std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()),
        mouse: !args.no_mouse,
    };
    let result = terminal::enter(modes)
        .map_err(anyhow::Error::from)
        .and_then(|()| session(app, modes, loader, started));
    if result.is_err() && signals::terminal_hung_up() {
        // The link dropped under us: that is a hang-up, not an error of ours.
        signals::shutdown(signals::HANGUP_STATUS);
    }
    let restored = terminal::leave();
    result?;
    restored?;
    Ok(ExitCode::SUCCESS)
}

fn ui_options(args: &ReadArgs) -> UiOptions {
    let engine = Engine::from(args.layout);
    UiOptions {
        bidi: engine.mode,
        shaping: engine.shaping,
        // An explicit --color always beats NO_COLOR, as no-color.org asks.
        color: match args.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => !config::no_color(),
        },
    }
}

fn session(
    app: impl FnOnce(Rect) -> App,
    modes: Modes,
    loader: Loader,
    started: Instant,
) -> anyhow::Result<()> {
    let mut term = Terminal::new(CrosstermBackend::new(FrameWriter::default()))?;
    let size = term.size()?;
    let app = &mut app(Rect::new(0, 0, size.width, size.height));
    let (grace, named) = (started + FIRST_FRAME_GRACE, started + NAMED_FILE_WAIT);
    let done = loader.wait_first(app, grace, named) == Drained::Done;
    let mut loader = (!done).then_some(loader);
    let mut scroller = Scroller::default();
    draw(&mut term, app, &mut scroller)?;
    if std::env::var_os(TEST_PANIC_VAR).is_some_and(|v| v == "1") {
        panic!("{TEST_PANIC_VAR}=1: panic forced after the first frame (test hook)");
    }
    let mut last_frame = Instant::now();
    // Batches have arrived since the last frame.
    let mut arrived = false;
    loop {
        let mut dirty = take_events(app, loader.is_some())?;
        match loader.as_ref().map(|l| l.drain(app)) {
            Some(Drained::More) => arrived = true,
            Some(Drained::Done) => {
                loader = None;
                dirty = true;
            }
            Some(Drained::Nothing) | None => {}
        }
        dirty |= carry_out_effects(app, &mut term, modes, &mut scroller)?;
        if signals::take_redraw_whole() {
            redraw_whole(app, &mut term, &mut scroller)?;
            dirty = true;
        }
        if app.should_quit() {
            return Ok(());
        }
        if dirty || (arrived && last_frame.elapsed() >= FRAME_INTERVAL) {
            draw(&mut term, app, &mut scroller)?;
            last_frame = Instant::now();
            arrived = false;
        }
    }
}

/// Feeds the next terminal events to the app; true if a frame is due. Blocks until one
/// comes, with no timer, except while the library loads: then it gives up after
/// `LOADING_POLL` so that arriving batches go in.
fn take_events(app: &mut App, loading: bool) -> anyhow::Result<bool> {
    if loading && !event::poll(LOADING_POLL)? {
        return Ok(false);
    }
    let mut events = vec![event::read()?];
    // Take whatever else is already waiting (a paste, a resize storm) before drawing
    // once: a zero timeout never blocks.
    while event::poll(Duration::ZERO)? {
        events.push(event::read()?);
    }
    let mut dirty = false;
    for event in last_size_once(events) {
        if app.should_quit() {
            break;
        }
        dirty |= apply(app, event);
    }
    Ok(dirty)
}

/// A resize storm costs one relayout, not one per step: the last size takes the place of
/// the first resize and the others go. Keys before it act at the old size, keys after it at
/// the size about to be drawn, all in the order they came.
fn last_size_once(mut events: Vec<Event>) -> Vec<Event> {
    let is_resize = |event: &Event| matches!(event, Event::Resize(..));
    let (Some(first), Some(last)) = (
        events.iter().position(is_resize),
        events.iter().rposition(is_resize),
    ) else {
        return events;
    };
    events.swap(first, last);
    let mut index = 0;
    events.retain(|event| {
        let keep = index == first || !is_resize(event);
        index += 1;
        keep
    });
    events
}

/// Feeds the event to the app; true if it meant something (so a frame is due).
fn apply(app: &mut App, event: Event) -> bool {
    let Some(action) = action_for(app, event) else {
        return false;
    };
    app.update(action);
    true
}

/// What a terminal event asks of the app. Key releases (sent by terminals with the kitty
/// keyboard protocol) are dropped here, the one place: a key acts when pressed.
fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => app.action_for_key(key),
        Event::Mouse(mouse) => app.action_for_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

/// Clipboard writes, suspension, and scrolls left to the next frame; true if the screen
/// must be drawn again.
fn carry_out_effects(
    app: &mut App,
    term: &mut Term,
    modes: Modes,
    scroller: &mut Scroller,
) -> anyhow::Result<bool> {
    let mut dirty = false;
    for effect in app.take_effects() {
        match effect {
            Effect::Copy(text) => terminal::write_all(&clipboard::osc52(&text))?,
            Effect::Suspend => {
                suspend(modes)?;
                redraw_whole(app, term, scroller)?;
                dirty = true;
            }
            Effect::Redraw => {
                redraw_whole(app, term, scroller)?;
                dirty = true;
            }
            Effect::ScrollRegion { top, bottom, lines } => {
                scroller.push(Shift { top, bottom, lines });
                dirty = true;
            }
        }
    }
    Ok(dirty)
}

/// Ctrl-Z: raw mode turned ISIG off, so the key came to us instead of the kernel. Give the
/// terminal back, stop like any job, and on `fg` take it again with a cleared screen.
/// (In a process group with no shell to resume it, this comes straight back.)
fn suspend(modes: Modes) -> anyhow::Result<()> {
    terminal::leave()?;
    signals::stop_job()?;
    terminal::enter(modes)?;
    Ok(())
}

/// After the screen was cleared behind ratatui's back: the window may have changed size
/// meanwhile, and resizing also forgets the last frame, so the next draw is whole.
fn redraw_whole(app: &mut App, term: &mut Term, scroller: &mut Scroller) -> anyhow::Result<()> {
    let size = term.size()?;
    term.resize(Rect::new(0, 0, size.width, size.height))?;
    // No kept frame shows on the screen any more.
    scroller.forget();
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    Ok(())
}

/// One frame inside a synchronized update (DEC mode 2026): terminals that know it show the
/// frame at once, and tests and benchmarks find where a frame ends. A scroll of the zoomed
/// pane is done by the terminal first, inside the same update, so it never shows alone.
fn draw(term: &mut Term, app: &App, scroller: &mut Scroller) -> anyhow::Result<()> {
    queue!(term.backend_mut(), BeginSynchronizedUpdate)?;
    scroller.before_draw(term)?;
    // `Terminal::draw` step by step, all but hiding the cursor: it was hidden on entering
    // the screen (and again after a suspend), and brief never shows it, so hiding it again
    // in every frame would only add bytes to each one, a one-line scroll's above all.
    term.autoresize()?;
    let mut frame = term.get_frame();
    frame.render_widget(app, frame.area());
    scroller.drawn(term.current_buffer_mut());
    term.flush()?;
    term.swap_buffers();
    execute!(term.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use brief::briefing::Library;
    use brief::text::BidiMode;
    use brief::ui::KeySetup;
    use crossterm::event::{KeyCode, KeyEvent, KeyEventState, KeyModifiers};

    use super::*;

    fn key(c: char, kind: KeyEventKind) -> Event {
        Event::Key(KeyEvent {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::NONE,
            kind,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn a_resize_storm_becomes_its_last_size_once_with_keys_in_order() {
        let press = KeyEventKind::Press;
        let events = vec![
            key('a', press),
            Event::Resize(100, 30),
            key('j', press),
            Event::Resize(90, 20),
            Event::Resize(80, 24),
            key('k', press),
        ];
        let expected = vec![
            key('a', press),
            Event::Resize(80, 24),
            key('j', press),
            key('k', press),
        ];
        assert_eq!(last_size_once(events), expected);
        let keys = vec![key('a', press), key('b', press)];
        assert_eq!(last_size_once(keys.clone()), keys);
    }

    #[test]
    fn key_releases_are_dropped_by_the_runtime() {
        let options = UiOptions {
            bidi: BidiMode::App,
            shaping: true,
            color: false,
        };
        let area = Rect::new(0, 0, 80, 24);
        let app = App::new(
            Library::default(),
            None,
            options,
            KeySetup::defaults(),
            area,
        );
        let quit = action_for(&app, key('q', KeyEventKind::Press));
        assert_eq!(quit, Some(Action::Quit));
        let repeat = action_for(&app, key('q', KeyEventKind::Repeat));
        assert_eq!(repeat, Some(Action::Quit));
        assert_eq!(action_for(&app, key('q', KeyEventKind::Release)), None);
    }
}
