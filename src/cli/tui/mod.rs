//! `brief [PATH]`: the full-screen reader. Checks the locale, sets up the terminal and the
//! ways out of it (signals, hang-up, panic), starts loading the library in the background,
//! then runs the event loop: wait for the next event, turn it into actions, update, carry
//! out effects, draw. While the library loads, the wait has a short timeout so arriving
//! batches go in, and frames they cause come at most every `FRAME_INTERVAL`; once it is
//! loaded the wait blocks with no timer, so an idle reader uses no CPU; the folder
//! watcher (`cli/watch`) wakes it when it has sent something (`wake.rs`).

mod act;
mod actors;
#[cfg(test)]
mod equivalence;
mod events;
mod export_file;
mod frame;
mod marks;
mod pace;
mod place;
mod review;
mod search;
mod waiting;
mod wake;

use crossterm::event;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use brief::briefing::config::Config;
use brief::briefing::{self, LoadOptions};
use brief::ui::content::Engine;
use brief::ui::{Action, App, UiOptions};
use ratatui::layout::Rect;

use self::events::{LOADING_POLL, take_events};
use self::frame::{Runtime, carry_out_effects, draw, redraw_whole};
use self::pace::Pacer;
use self::review::Review;
use self::search::Searcher;
use self::waiting::WaitingKeys;
use self::wake::Wake;
use super::args::{BidiArg, ColorWhen, ReadArgs};
use super::loader::{self, Drained, Fresh, IndexPlace, Loader};
use super::screen::{self, Screen};
use super::scroll::Scroller;
use super::terminal::{self, FrameWriter, Modes};
use super::watch::{Watch, Watcher};
use super::{config, gate, locale, signals};

/// Exit status for every error brief reports itself (bad path, no terminal, locale).
const ERROR_STATUS: u8 = 2;
/// Test hook, not for users: `BRIEF_TEST_ENTER_GATE=PATH` holds the start, signal handlers
/// registered, before the terminal is taken, until PATH is read to its end (`gate::pass`).
const TEST_ENTER_GATE_VAR: &str = "BRIEF_TEST_ENTER_GATE";
/// Test hook, not for users: `BRIEF_TEST_PANIC=1` panics after the first frame, so the
/// end-to-end tests can check that a panic restores the terminal.
const TEST_PANIC_VAR: &str = "BRIEF_TEST_PANIC";
/// The first frame of a folder waits this long after start for the library to finish
/// loading, so a small one shows whole at once; a larger one shows its progress after this.
const FIRST_FRAME_GRACE: Duration = Duration::from_millis(30);
/// How long after start the first frame may wait for the file named on the command line.
/// `loader::spawn` has read it (or its head) by then, on this thread, before the terminal
/// is taken, where Ctrl-C ends a read that stalls; this only bounds the wait should its
/// outcome not be in the channel.
const NAMED_FILE_WAIT: Duration = Duration::from_secs(1);
/// While the library loads: the shortest time between two frames caused by batches
/// arriving (keys and the end of the load draw at once).
const FRAME_INTERVAL: Duration = Duration::from_millis(30);

/// `config_file`: the user's config file, read once by `main` (its problems said then),
/// for what `args` does not set: the review state's place and who marks.
pub fn run(args: &ReadArgs, config_file: &Config) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    if let Err(message) = locale::check(args.assume_utf8, locale::from_env) {
        eprintln!("brief: {message}");
        return Ok(ExitCode::from(ERROR_STATUS));
    }
    let path = args.path.clone().unwrap_or_else(briefing::default_path);
    let Ok(metadata) = std::fs::metadata(&path) else {
        // A typo should not open a full screen that lists one error.
        anyhow::bail!(briefing::missing_path_message(&path, args.path.is_some()));
    };
    terminal::install()?;
    signals::install_panic_hook();
    let options = LoadOptions {
        max_size: args.max_size,
    };
    let explicit_index = args.index.index.clone();
    // Files changed from here on are read again by the watcher.
    let watch_started = std::time::SystemTime::now();
    let cells = terminal::size().map_or(usize::MAX, |(columns, rows)| {
        usize::from(columns) * usize::from(rows)
    });
    // Signals are watched before the terminal is taken, so that one during a slow load,
    // or while a first frame is written to a stalled link, still ends the process
    // cleanly. The signal thread makes the first frame's buffer beside this thread. A
    // named file is read before it starts, here, with the terminal as it was: if its
    // read stalls (a network mount), Ctrl-C ends brief as it would any command. For a
    // folder, the thread starts first and registers the handlers itself: its start, a
    // tenth of a millisecond, is not waited for.
    let (make_buffer, ahead) = screen::make_ahead();
    let named = metadata.is_file();
    let spawn = |explicit_index| loader::spawn((&path, named), options, explicit_index, cells);
    let (spawned, registered) = if named {
        let spawned = spawn(explicit_index)?;
        (spawned, signals::watch(make_buffer)?)
    } else {
        let registered = signals::watch_beside(make_buffer)?;
        (spawn(explicit_index)?, registered)
    };
    let (loader, opened, place, fresh) = spawned;
    let watch = Watch {
        place: place.clone(),
        named: opened.clone(),
        load: options,
        poll: args.poll.map(Duration::from_secs),
        fresh: fresh.clone(),
        started: watch_started,
        // Set once the main loop's wait exists (`session`).
        wake: Box::new(|| {}),
    };
    let (ui, keys) = (ui_options(args), config::user_keys());
    // Built once the terminal's size is known, so the first layout is the one shown.
    let app = move |area| App::loading(opened, ui, keys, area).first_screens_first();
    let modes = Modes {
        explicit_bidi: args.layout.bidi == BidiArg::App,
        tmux: std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()),
        mouse: !args.no_mouse,
    };
    let runtime = Runtime {
        modes,
        load: options,
        max_rate: args.max_rate,
    };
    let marks = marks::Keeper::place(args.state.as_deref(), config_file);
    let result = session(
        app,
        runtime,
        (loader, place, fresh),
        (marks, watch),
        (started, ahead, registered),
    );
    if result.is_err() && signals::ending() {
        // A signal is ending the process: it gave the terminal back before this thread
        // took it, or while it was drawing.
        signals::wait_for_the_end();
    }
    if result.is_err() && signals::terminal_hung_up() {
        // The link dropped under us: that is a hang-up, not an error of ours.
        signals::shutdown(signals::HANGUP_STATUS);
    }
    let restored = terminal::leave();
    result?;
    restored?;
    Ok(ExitCode::SUCCESS)
}

/// Takes the terminal once the signals' handlers are `registered`.
fn take_terminal(modes: Modes, registered: signals::Registered) -> std::io::Result<()> {
    registered.wait()?;
    gate::pass(TEST_ENTER_GATE_VAR);
    terminal::enter(modes)
}

fn ui_options(args: &ReadArgs) -> UiOptions {
    UiOptions {
        engine: Engine::from(args.layout),
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
    runtime: Runtime,
    (loader, place, fresh): (Loader, IndexPlace, Fresh),
    (marks, watch): ((Option<PathBuf>, String), Watch),
    (started, ahead, registered): (Instant, screen::Ahead, signals::Registered),
) -> anyhow::Result<()> {
    let mut term = Screen::new(FrameWriter::default(), ahead);
    let app = &mut app(term.area()?);
    // The first frame shows no marks: they follow it. Its effects may ask for them, or
    // for a search: the asks wait for the workers, started after it.
    let marks = &mut Review::new(marks);
    let mut searcher = Searcher::new(runtime.load, place, fresh);
    // A named file's first frame shows that file: the rest of its folder follows it.
    let grace = if app.awaits_opened() {
        started
    } else {
        started + FIRST_FRAME_GRACE
    };
    let mut loader = loader;
    // A small folder's files are read partly on this thread during the wait: the terminal
    // is taken after it, so that a read that stalls (a network mount) leaves it as it was,
    // where Ctrl-C ends brief. Any other wait may last its whole grace: the terminal is
    // taken before it, so that keys typed meanwhile are not echoed on the shell's screen.
    let enter = move || take_terminal(runtime.modes, registered);
    let enter_after_wait = match loader.shares() {
        true => Some(enter),
        false => {
            enter()?;
            None
        }
    };
    let done = loader.wait_first(app, grace, started + NAMED_FILE_WAIT) == Drained::Done;
    if let Some(enter) = enter_after_wait {
        enter()?;
    }
    let mut scroller = Scroller::default();
    // The named file's listing may have arrived: it opens (its file is read) before the
    // first frame.
    carry_out_effects(app, &mut term, runtime, &mut scroller, &mut searcher, marks)?;
    let mut pacer = Pacer::new(runtime.max_rate);
    paced_draw(&mut term, app, &mut scroller, &mut pacer)?;
    loader.first_frame_drawn()?;
    let mut loader = (!done).then_some(loader);
    // The workers the first frame need not wait for start now, off its way.
    marks.start()?;
    searcher.start()?;
    // The first frame laid out what it showed: the rest of its short panes is laid out
    // now, and its exact counts go out with the next frame, which the load's end brings.
    // No frame of its own: a key typed meanwhile is drawn with it.
    app.update(Action::FirstFrameDrawn);
    if std::env::var_os(TEST_PANIC_VAR).is_some_and(|v| v == "1") {
        panic!("{TEST_PANIC_VAR}=1: panic forced after the first frame (test hook)");
    }
    // crossterm's SIGWINCH handler is registered when its event source starts: starting it
    // first makes it run before ours, so a resize is its event by the time ours wakes the
    // loop. An event this reads stays queued in crossterm and is taken first.
    event::poll(Duration::ZERO)?;
    let wake = Wake::new()?;
    let waker = wake.waker();
    let watcher = Watcher::spawn(Watch {
        wake: Box::new(move || waker.wake()),
        ..watch
    })?;
    let mut last_frame = Instant::now();
    // Batches have arrived since the last frame.
    let mut arrived = false;
    // A frame is due but waits for the link (`--max-rate`).
    let mut held = false;
    let mut waiting_keys = WaitingKeys::default();
    loop {
        let waiting = loader.is_some() || searcher.busy() || marks.is_opening();
        let link = held.then(|| pacer.wait(Instant::now())).flatten();
        let limit = match (waiting.then_some(LOADING_POLL), link) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b).or(held.then_some(Duration::ZERO)),
        };
        let (limit, marked) = marks.before_events(app, limit)?;
        let keys = (&runtime.load, &mut waiting_keys);
        let mut dirty = take_events(app, limit, &wake, keys)? || held || marked;
        match loader.as_ref().map(|l| l.drain(app)) {
            Some(Drained::More) => arrived = true,
            Some(Drained::Done) => {
                loader = None;
                dirty = true;
            }
            Some(Drained::Nothing) | None => {}
        }
        // What the watcher found waits until the load is over: the load may yet deliver
        // a file as it was before the watcher read it.
        // Drawn at once: the loop may be about to block until the next key. Batches come
        // a few hundred files at a time, so a burst costs a few frames.
        if loader.is_none() && watcher.drain(app) {
            dirty = true;
        }
        if searcher.drain(app) {
            // The last results draw at once: with nothing more to wait for, the loop is
            // about to block until the next key.
            if searcher.busy() {
                arrived = true;
            } else {
                dirty = true;
            }
        }
        dirty |= carry_out_effects(app, &mut term, runtime, &mut scroller, &mut searcher, marks)?;
        // The whole has taken its head's place: the keys typed meanwhile act on it.
        if waiting_keys.release(app, &runtime.load) {
            dirty = true;
            dirty |=
                carry_out_effects(app, &mut term, runtime, &mut scroller, &mut searcher, marks)?;
        }
        if signals::take_redraw_whole() {
            redraw_whole(app, &mut term, &mut scroller)?;
            dirty = true;
        }
        if app.should_quit() {
            return Ok(());
        }
        if dirty || (arrived && last_frame.elapsed() >= FRAME_INTERVAL) {
            held = pacer.wait(Instant::now()).is_some();
            if held {
                continue;
            }
            follow_size(app, &term)?;
            paced_draw(&mut term, app, &mut scroller, &mut pacer)?;
            last_frame = Instant::now();
            arrived = false;
        }
    }
}

/// A frame due for another reason (a batch, search results) may come between a resize
/// and its event: the app takes the terminal's size first, so that rows laid out for the
/// old width are never drawn into the new one.
fn follow_size(app: &mut App, term: &frame::Term) -> anyhow::Result<()> {
    let area = term.area()?;
    if app.area().as_size() != area.as_size() {
        app.update(Action::Resize {
            width: area.width,
            height: area.height,
        });
    }
    Ok(())
}

/// Draws a frame and tells the pacer how many bytes it sent and when they began to go
/// (a write that blocked on a slow terminal has had its bytes crossing meanwhile).
fn paced_draw(
    term: &mut frame::Term,
    app: &App,
    scroller: &mut Scroller,
    pacer: &mut Pacer,
) -> anyhow::Result<()> {
    let (before, at) = (terminal::sent(), Instant::now());
    draw(term, app, scroller)?;
    pacer.wrote(terminal::sent() - before, at);
    Ok(())
}
