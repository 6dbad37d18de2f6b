//! The terminal as one shared resource: the modes brief has turned on and the handle all
//! output goes through. Every write happens under one lock, in whole escape sequences, so
//! that a signal thread or the panic hook restoring the terminal never lands inside a
//! sequence of a half-written frame; and the record of what was turned on lets any exit
//! path undo exactly that.

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::os::fd::{AsFd, OwnedFd};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    Clear, ClearType, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, queue, style};

/// What brief turns on besides raw mode, the alternate screen and the hidden cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Modes {
    /// Put the terminal in explicit bidi mode (BDSM reset, `CSI 8 l`): brief sends cells
    /// in visual order and a terminal that reorders rows itself would undo that.
    pub explicit_bidi: bool,
    /// Inside tmux, which swallows `CSI 8 l`: wrap it in DCS passthrough.
    pub tmux: bool,
    pub mouse: bool,
}

struct Tty {
    out: File,
    entered: Option<Modes>,
    /// The process is ending (`close`): the terminal is not taken again.
    closed: bool,
}

static TTY: OnceLock<Mutex<Tty>> = OnceLock::new();
/// Bytes written to the terminal so far, for pacing frames to a link.
static SENT: AtomicUsize = AtomicUsize::new(0);

/// How many bytes have gone to the terminal since start.
pub fn sent() -> usize {
    SENT.load(Ordering::Relaxed)
}

/// Takes a private handle on standard output (a dup, so writes bypass std's buffered,
/// separately locked `Stdout`). Fails when standard output is not a terminal.
pub fn install() -> anyhow::Result<()> {
    let stdout = io::stdout();
    if !stdout.is_terminal() {
        anyhow::bail!(
            "standard output is not a terminal; the reader needs one \
             (`brief show FILE` prints a briefing to a pipe)"
        );
    }
    let fd: OwnedFd = stdout.as_fd().try_clone_to_owned()?;
    let tty = Tty {
        out: File::from(fd),
        entered: None,
        closed: false,
    };
    // A second install keeps the first handle: same terminal.
    let _ = TTY.set(Mutex::new(tty));
    Ok(())
}

/// The terminal's size in columns and rows, asked of standard output, which the reader
/// requires to be the terminal (`install`). crossterm's `size` opens `/dev/tty` for each
/// question, three system calls where one will do, and a frame asks once; it answers
/// when standard output cannot (a size of zero, or not a terminal).
pub fn size() -> io::Result<(u16, u16)> {
    match rustix::termios::tcgetwinsize(io::stdout()) {
        Ok(size) if size.ws_col > 0 && size.ws_row > 0 => Ok((size.ws_col, size.ws_row)),
        _ => crossterm::terminal::size(),
    }
}

/// The lock, even if a thread panicked while holding it: what it guards (a file handle and
/// a record of modes) is never left half-updated by a panic.
fn lock() -> Option<MutexGuard<'static, Tty>> {
    TTY.get()
        .map(|m| m.lock().unwrap_or_else(PoisonError::into_inner))
}

/// Writes bytes to the terminal in one go, under the lock. Nothing is written while the
/// terminal is given back (between `leave` and `enter`): a frame finished by the main
/// thread while another stops the process must not land on the shell's screen.
pub fn write_all(bytes: &[u8]) -> io::Result<()> {
    let Some(mut tty) = lock() else {
        return Err(io::Error::other("terminal not installed"));
    };
    if tty.entered.is_none() {
        return Ok(());
    }
    tty.out.write_all(bytes)?;
    SENT.fetch_add(bytes.len(), Ordering::Relaxed);
    tty.out.flush()
}

/// Raw mode, alternate screen, hidden cursor, cleared screen, and `modes`.
pub fn enter(modes: Modes) -> io::Result<()> {
    let Some(mut tty) = lock() else {
        return Err(io::Error::other("terminal not installed"));
    };
    // A signal's exit gave the terminal back before the main thread took it.
    if tty.closed {
        return Err(io::Error::other("the process is ending"));
    }
    tty.take(modes)
}

/// Gives the terminal back, runs `stop` (which returns once the process is continued),
/// then takes the terminal again if it was taken; says whether it was. The terminal stays
/// locked throughout, so the main thread cannot take it between its giving back and the
/// stop, which would leave it raw under the shell for as long as brief is stopped: the
/// main thread's `enter` waits for the continue instead.
pub fn given_back_during(stop: impl FnOnce()) -> bool {
    let Some(mut tty) = lock() else {
        stop();
        return false;
    };
    let entered = tty.give_back().ok().flatten();
    stop();
    match entered {
        Some(modes) if !tty.closed => tty.take(modes).is_ok(),
        _ => false,
    }
}

impl Tty {
    fn take(&mut self, modes: Modes) -> io::Result<()> {
        crossterm::terminal::enable_raw_mode()?;
        // Recorded before writing, so a failed write is still undone on exit.
        self.entered = Some(modes);
        let mut seq = Vec::new();
        queue!(
            seq,
            EnterAlternateScreen,
            cursor::Hide,
            Clear(ClearType::All)
        )?;
        if modes.mouse {
            queue!(seq, EnableMouseCapture)?;
        }
        if modes.explicit_bidi {
            seq.extend_from_slice(&bidi_sequence(false, modes.tmux));
        }
        self.out.write_all(&seq)?;
        self.out.flush()
    }

    fn give_back(&mut self) -> io::Result<Option<Modes>> {
        let Some(modes) = self.entered.take() else {
            return Ok(None);
        };
        let written = self
            .out
            .write_all(&restore_sequence(modes))
            .and_then(|()| self.out.flush());
        let raw = crossterm::terminal::disable_raw_mode();
        written.and(raw).map(|()| Some(modes))
    }
}

/// Undoes whatever `enter` turned on, and says what that was; does nothing if nothing is
/// on. Safe to call from any thread and more than once. Write errors are ignored past the first: the terminal may be
/// gone (SSH link dropped) and raw mode must still be switched off where it can be.
pub fn leave() -> io::Result<Option<Modes>> {
    restore(false)
}

/// Gives the terminal back for good, as the process ends: a main thread about to take it
/// (a signal came during the start) no longer does.
pub fn close() -> io::Result<Option<Modes>> {
    restore(true)
}

fn restore(for_good: bool) -> io::Result<Option<Modes>> {
    let Some(mut tty) = lock() else {
        return Ok(None);
    };
    tty.closed |= for_good;
    tty.give_back()
}

/// Everything to undo `enter`, in the reverse order: a frame cut off mid-way may have left
/// a synchronized update open and attributes set, so close and reset those too.
fn restore_sequence(modes: Modes) -> Vec<u8> {
    let mut seq = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = queue!(
        seq,
        EndSynchronizedUpdate,
        style::SetAttribute(style::Attribute::Reset)
    );
    if modes.mouse {
        let _ = queue!(seq, DisableMouseCapture);
    }
    let _ = queue!(seq, cursor::Show, LeaveAlternateScreen);
    if modes.explicit_bidi {
        seq.extend_from_slice(&bidi_sequence(true, modes.tmux));
    }
    seq
}

/// BDSM: `CSI 8 h` implicit (the terminal reorders, its default), `CSI 8 l` explicit (cells
/// shown as sent). tmux keeps it from the outer terminal unless it comes through
/// passthrough (`allow-passthrough on`), where every ESC inside is doubled.
pub fn bidi_sequence(implicit: bool, tmux: bool) -> Vec<u8> {
    let mode: &[u8] = if implicit { b"\x1b[8h" } else { b"\x1b[8l" };
    if !tmux {
        return mode.to_vec();
    }
    let mut seq = b"\x1bPtmux;".to_vec();
    for &byte in mode {
        if byte == 0x1b {
            seq.push(0x1b);
        }
        seq.push(byte);
    }
    seq.extend_from_slice(b"\x1b\\");
    seq
}

/// Where ratatui draws: bytes gather here and go to the terminal, under the lock, at each
/// flush (crossterm's `execute!` and ratatui's end of frame), so always in whole sequences.
#[derive(Debug, Default)]
pub struct FrameWriter {
    buf: Vec<u8>,
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let result = write_all(&self.buf);
        self.buf.clear();
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_passthrough_doubles_escapes() {
        assert_eq!(bidi_sequence(false, false), b"\x1b[8l");
        assert_eq!(bidi_sequence(true, false), b"\x1b[8h");
        assert_eq!(bidi_sequence(false, true), b"\x1bPtmux;\x1b\x1b[8l\x1b\\");
    }

    #[test]
    fn restore_shows_cursor_then_leaves_screen_then_resets_bidi() {
        let modes = Modes {
            explicit_bidi: true,
            tmux: false,
            mouse: true,
        };
        let seq = String::from_utf8_lossy(&restore_sequence(modes)).into_owned();
        let at = |needle: &str| seq.find(needle).unwrap_or(usize::MAX);
        assert!(at("\x1b[?2026l") < at("\x1b[?25h"), "{seq:?}");
        assert!(at("\x1b[?1000l") < at("\x1b[?25h"), "{seq:?}");
        assert!(at("\x1b[?25h") < at("\x1b[?1049l"), "{seq:?}");
        assert!(at("\x1b[?1049l") < at("\x1b[8h"), "{seq:?}");
    }
}
