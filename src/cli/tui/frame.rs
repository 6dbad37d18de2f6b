//! What the app asks of the terminal besides a frame (clipboard, suspension, a whole
//! redraw, a scroll), and the frame itself.

use std::io::Write;
use std::path::Path;

use brief::briefing::LoadOptions;
use brief::ui::{Action, App, Effect};
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use crossterm::{execute, queue};
use ratatui::widgets::Widget;

use super::export_file;
use super::review::Review;
use super::search::Searcher;
use crate::cli::screen::Screen;
use crate::cli::scroll::{Scroller, Shift};
use crate::cli::terminal::{self, FrameWriter, Modes};
use crate::cli::{clipboard, loader, signals};

pub type Term = Screen<FrameWriter>;

/// Files read, clipboard writes, suspension, and scrolls left to the next frame; true if
/// the screen must be drawn again. A file is read here, on this thread: it is one file, and
/// what it gives may ask for more (a file read may open a briefing), so this goes on until
/// nothing is left to do.
pub fn carry_out_effects(
    app: &mut App,
    term: &mut Term,
    runtime: Runtime,
    scroller: &mut Scroller,
    searcher: &mut Searcher,
    marks: &mut Review,
) -> anyhow::Result<bool> {
    let mut dirty = false;
    loop {
        let effects = app.take_effects();
        if effects.is_empty() {
            return Ok(dirty);
        }
        for effect in effects {
            match effect {
                Effect::Search(ask) => searcher.ask(ask),
                Effect::Actors(ask) => searcher.ask_actors(ask),
                Effect::Mark(write) => marks.keeper(app)?.write(app, write),
                Effect::ReadMarks => marks.send_marks(app),
                other => {
                    dirty |= carry_out(app, term, runtime, scroller, other)?;
                    continue;
                }
            }
            dirty = true;
        }
    }
}

/// What the session needs to carry out effects: how the terminal is used and how files
/// are read.
#[derive(Debug, Clone, Copy)]
pub struct Runtime {
    pub modes: Modes,
    pub load: LoadOptions,
    /// Bytes per second frames are paced to (`--max-rate`).
    pub max_rate: Option<u64>,
}

fn carry_out(
    app: &mut App,
    term: &mut Term,
    Runtime { modes, load, .. }: Runtime,
    scroller: &mut Scroller,
    effect: Effect,
) -> anyhow::Result<bool> {
    match effect {
        Effect::Read(path) => {
            let read = loader::read_file(&path, &load);
            app.update(Action::FileRead(Box::new(read)));
        }
        Effect::Copy(text) => {
            terminal::write_all(&clipboard::osc52(&text))?;
            return Ok(false);
        }
        Effect::Export(export) => {
            let written = export_file::write_new(Path::new("."), &export);
            // The name as the user will type it: `alpha.md`, not `./alpha.md`.
            let written = written.map(|path| {
                path.strip_prefix(".")
                    .map_or(path.clone(), Path::to_path_buf)
            });
            app.update(Action::Exported(written));
        }
        Effect::Suspend => {
            suspend(modes)?;
            redraw_whole(app, term, scroller)?;
        }
        Effect::Redraw => redraw_whole(app, term, scroller)?,
        Effect::ScrollRegion { top, bottom, lines } => {
            scroller.push(Shift { top, bottom, lines });
        }
        // Handed to the workers by `carry_out_effects`.
        Effect::Search(_) | Effect::Actors(_) | Effect::Mark(_) | Effect::ReadMarks => {}
    }
    Ok(true)
}

/// Ctrl-Z: raw mode turned ISIG off, so the key came to us instead of the kernel. Give the
/// terminal back, stop like any job, and on `fg` take it again with a cleared screen.
/// (In a process group with no shell to resume it, this comes straight back.)
pub fn suspend(modes: Modes) -> anyhow::Result<()> {
    terminal::leave()?;
    signals::stop_job()?;
    terminal::enter(modes)?;
    Ok(())
}

/// After the screen was cleared behind the frames' back: the window may have changed size
/// meanwhile, and the next frame is whole, on a screen cleared first.
pub fn redraw_whole(app: &mut App, term: &mut Term, scroller: &mut Scroller) -> anyhow::Result<()> {
    let area = term.area()?;
    term.forget();
    scroller.forget();
    app.update(Action::Resize {
        width: area.width,
        height: area.height,
    });
    Ok(())
}

/// One frame inside a synchronized update (DEC mode 2026): terminals that know it show the
/// frame at once, and tests and benchmarks find where a frame ends. A scroll left to the
/// terminal (`Scroller`) is done first, inside the same update, so it never shows alone.
/// The cursor was hidden on entering the screen (and again after a suspend), and brief
/// never shows it, so a frame does not hide it again: that would only add bytes to each
/// one, a one-line scroll's above all.
pub fn draw<W: Write>(
    screen: &mut Screen<W>,
    app: &App,
    scroller: &mut Scroller,
) -> anyhow::Result<()> {
    queue!(screen.out(), BeginSynchronizedUpdate)?;
    let area = screen.area()?;
    app.render(area, screen.frame_for(area));
    scroller.before_flush(screen)?;
    screen.write_frame()?;
    execute!(screen.out(), EndSynchronizedUpdate)?;
    // Made ready once the frame is on its way: it is no part of it.
    screen.ready_next();
    Ok(())
}
