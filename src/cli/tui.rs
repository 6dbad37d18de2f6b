//! `brief [PATH]`: the full-screen reader. Checks the locale, loads, sets up the terminal
//! and the ways out of it (signals, hang-up, panic), then runs the event loop: block on the
//! next event, turn it into actions, update, carry out effects, draw. Nothing is drawn
//! without input or a resize, so an idle reader uses no CPU.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use brief::briefing::{self, Library, LoadOptions};
use brief::text::BidiMode;
use brief::ui::{Action, App, Effect, UiOptions};
use crossterm::event::{self, Event, KeyEventKind};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use signal_hook::consts::SIGTSTP;

use super::args::{BidiArg, ColorWhen, ReadArgs, Switch};
use super::terminal::{self, FrameWriter, Modes};
use super::{clipboard, locale, signals};

type Term = Terminal<CrosstermBackend<FrameWriter>>;

/// Exit status for every error brief reports itself (bad path, no terminal, locale).
const ERROR_STATUS: u8 = 2;
/// Test hook, not for users: `BRIEF_TEST_PANIC=1` panics after the first frame, so the
/// end-to-end tests can check that a panic restores the terminal.
const TEST_PANIC_VAR: &str = "BRIEF_TEST_PANIC";

pub fn run(args: &ReadArgs) -> anyhow::Result<ExitCode> {
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
    let (library, opened) = load(&path, args.max_size);
    let mut app = App::new(library, opened, ui_options(args));
    let modes = Modes {
        explicit_bidi: args.layout.bidi == BidiArg::App,
        tmux: std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()),
        mouse: !args.no_mouse,
    };
    let result = terminal::enter(modes)
        .map_err(anyhow::Error::from)
        .and_then(|()| session(&mut app, modes));
    if result.is_err() && signals::terminal_hung_up() {
        // The link dropped under us: that is a hang-up, not an error of ours.
        signals::shutdown(signals::HANGUP_STATUS);
    }
    let restored = terminal::leave();
    result?;
    restored?;
    Ok(ExitCode::SUCCESS)
}

/// A file opens that briefing inside the library of its folder (Esc shows the rest); a
/// folder opens the library; no path, the default folder.
fn load(path: &Path, max_size: u64) -> (Library, Option<PathBuf>) {
    let options = LoadOptions { max_size };
    if !path.is_file() {
        return (briefing::load_path(path, &options), None);
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut library = briefing::load_path(&folder, &options);
    let opened = find_or_add(&mut library, path, &options);
    (library, Some(opened))
}

/// The path under which `library` holds `file` (spelled as the folder walk found it), after
/// adding the file if the walk skipped it (a name not ending in .json, a hidden file).
fn find_or_add(library: &mut Library, file: &Path, options: &LoadOptions) -> PathBuf {
    let wanted = std::fs::canonicalize(file).ok();
    let same = |candidate: &Path| std::fs::canonicalize(candidate).ok() == wanted;
    let loaded = library.briefings.iter().map(|l| &l.briefing.path);
    let failed = library.failures.iter().map(|f| &f.path);
    if let Some(found) = loaded.chain(failed).find(|p| same(p)) {
        return found.clone();
    }
    match briefing::load_file(file, options) {
        Ok(loaded) => library.briefings.push(loaded),
        Err(failure) => library.failures.push(failure),
    }
    file.to_path_buf()
}

fn ui_options(args: &ReadArgs) -> UiOptions {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    UiOptions {
        bidi: match args.layout.bidi {
            BidiArg::App => BidiMode::App,
            BidiArg::Terminal => BidiMode::Logical,
        },
        shaping: args.layout.shaping == Switch::On,
        // An explicit --color always beats NO_COLOR, as no-color.org asks.
        color: match args.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => !no_color,
        },
    }
}

fn session(app: &mut App, modes: Modes) -> anyhow::Result<()> {
    let mut term = Terminal::new(CrosstermBackend::new(FrameWriter::default()))?;
    send_size(app, &term)?;
    draw(&mut term, app)?;
    if std::env::var_os(TEST_PANIC_VAR).is_some_and(|v| v == "1") {
        panic!("{TEST_PANIC_VAR}=1: panic forced after the first frame (test hook)");
    }
    loop {
        let mut dirty = apply(app, event::read()?);
        // Take whatever else is already waiting (a paste, a resize storm) before drawing
        // once: a zero timeout never blocks.
        while !app.should_quit() && event::poll(Duration::ZERO)? {
            dirty |= apply(app, event::read()?);
        }
        dirty |= carry_out_effects(app, &mut term, modes)?;
        if app.should_quit() {
            return Ok(());
        }
        if dirty {
            draw(&mut term, app)?;
        }
    }
}

/// Feeds the event to the app; true if it meant something (so a frame is due).
fn apply(app: &mut App, event: Event) -> bool {
    let action = match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => app.action_for_key(key),
        Event::Mouse(mouse) => app.action_for_mouse(mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    };
    let Some(action) = action else {
        return false;
    };
    app.update(action);
    true
}

/// Clipboard writes and suspension; true if the screen must be drawn again.
fn carry_out_effects(app: &mut App, term: &mut Term, modes: Modes) -> anyhow::Result<bool> {
    let mut dirty = false;
    for effect in app.take_effects() {
        match effect {
            Effect::Copy(text) => terminal::write_all(&clipboard::osc52(&text))?,
            Effect::Suspend => {
                suspend(term, modes)?;
                send_size(app, term)?;
                dirty = true;
            }
        }
    }
    Ok(dirty)
}

/// Ctrl-Z: raw mode turned ISIG off, so the key came to us instead of the kernel. Give the
/// terminal back, stop like any job, and on `fg` take it again with a cleared screen.
/// (In a process group with no shell to resume it, the kernel ignores SIGTSTP and this
/// comes straight back.)
fn suspend(term: &mut Term, modes: Modes) -> anyhow::Result<()> {
    terminal::leave()?;
    signal_hook::low_level::raise(SIGTSTP)?;
    terminal::enter(modes)?;
    // The window may have changed while stopped; resize also forgets the last frame, so
    // the next draw is whole.
    let size = term.size()?;
    term.resize(Rect::new(0, 0, size.width, size.height))?;
    Ok(())
}

fn send_size(app: &mut App, term: &Term) -> anyhow::Result<()> {
    let size = term.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    Ok(())
}

/// One frame inside a synchronized update (DEC mode 2026): terminals that know it show the
/// frame at once, and tests and benchmarks find where a frame ends.
fn draw(term: &mut Term, app: &App) -> anyhow::Result<()> {
    queue!(term.backend_mut(), BeginSynchronizedUpdate)?;
    term.draw(|frame| frame.render_widget(app, frame.area()))?;
    execute!(term.backend_mut(), EndSynchronizedUpdate)?;
    Ok(())
}
