//! A program (brief, or a shell, or `less` for the benchmarks) in a pseudo-terminal
//! (portable-pty). A reader thread, started before the program, keeps every byte it writes;
//! the frames brief draws are counted where its synchronized updates end, and timed when
//! they are read. A vt100 screen that records what escape sequences would do to a terminal
//! is given those bytes when it is looked at. Waiting is always polling with a timeout,
//! failing with the last screen.
//!
//! One harness for the end-to-end tests (the waits here), the hostile-input tests
//! (`polling`) and the terminal benchmarks (`timing`).

mod launch;
mod output;
mod polling;
mod timing;

use std::io::Write;
use std::sync::atomic::Ordering;
use std::sync::{Arc, PoisonError};
use std::thread::JoinHandle;
use std::time::Instant;

use anyhow::{Context, bail};
use portable_pty::{Child, ExitStatus, MasterPty, PtySize};

pub use launch::Launch;
pub use output::Output;
use output::{Shared, Writer};

use super::{POLL, TIMEOUT};

/// A running program in a pty. Dropping it kills the child.
pub struct Pty {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Writer,
    child: Box<dyn Child + Send + Sync>,
    shared: Arc<Shared>,
    reader: Option<JoinHandle<()>>,
    status: Option<ExitStatus>,
    started: Instant,
    _home: Option<tempfile::TempDir>,
}

impl Pty {
    pub fn pid(&self) -> anyhow::Result<u32> {
        self.child
            .process_id()
            .context("the child has no process id")
    }

    /// Writes bytes as if typed; when they were written.
    pub fn send(&mut self, bytes: &[u8]) -> anyhow::Result<Instant> {
        let mut writer = self.writer.lock().unwrap_or_else(PoisonError::into_inner);
        let writer = writer.as_mut().context("the pty was hung up")?;
        let at = Instant::now();
        writer.write_all(bytes)?;
        writer.flush()?;
        Ok(at)
    }

    pub fn frames(&self) -> usize {
        self.shared.lock().frames
    }

    /// Types `keys` and waits for the frame they cause to be complete.
    pub fn press(&mut self, keys: &[u8]) -> anyhow::Result<String> {
        let before = self.frames();
        self.send(keys)?;
        self.wait_frame_after(before, &format!("a frame after typing {keys:?}"))
    }

    /// Waits until more than `before` frames have ended and none is open; the screen then.
    pub fn wait_frame_after(&self, before: usize, what: &str) -> anyhow::Result<String> {
        self.wait(what, |out| {
            (out.frames > before && out.between_frames()).then(|| out.screen_text())
        })
    }

    /// Waits until, between frames, the screen satisfies `check`; the screen then.
    pub fn wait_for(
        &self,
        what: &str,
        check: impl Fn(&vt100::Screen) -> bool,
    ) -> anyhow::Result<String> {
        self.wait(what, |out| {
            (out.frames > 0 && out.between_frames() && check(out.screen()))
                .then(|| out.screen_text())
        })
    }

    /// Polls `check` on the output until it gives a value; fails after `TIMEOUT` with the
    /// last screen.
    pub fn wait<T>(&self, what: &str, check: impl Fn(&Output) -> Option<T>) -> anyhow::Result<T> {
        let deadline = Instant::now() + TIMEOUT;
        let mut out = self.shared.parsed();
        loop {
            if let Some(value) = check(&out) {
                return Ok(value);
            }
            let now = Instant::now();
            if now >= deadline {
                bail!(
                    "timed out after {TIMEOUT:?} waiting for {what}; last screen:\n{}\n\
                     (reader at end of file: {}; {} bytes, {} frames)",
                    out.screen_text(),
                    out.eof,
                    out.raw.len(),
                    out.frames
                );
            }
            let wait = POLL.min(deadline - now);
            out = self
                .shared
                .changed
                .wait_timeout(out, wait)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
            out.catch_up();
        }
    }

    pub fn screen_text(&self) -> String {
        self.shared.parsed().screen_text()
    }

    /// Runs `f` on the output as it is now, its screen caught up.
    pub fn with_output<T>(&self, f: impl FnOnce(&Output) -> T) -> T {
        f(&self.shared.parsed())
    }

    pub fn raw(&self) -> Vec<u8> {
        self.shared.lock().raw.clone()
    }

    /// Resizes the emulated screen first, then the pty (which sends SIGWINCH), so no byte
    /// drawn for the new size is parsed at the old one. vt100 has no 0-cell screens: its
    /// grid stays at least 1×1.
    pub fn resize(&mut self, cols: u16, rows: u16) -> anyhow::Result<()> {
        self.shared
            .parsed()
            .screen_mut()
            .set_size(nonzero(rows), nonzero(cols));
        let master = self.master.as_ref().context("the pty was hung up")?;
        master.resize(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })?;
        Ok(())
    }

    /// Resizes and waits for the frame drawn for the new size.
    pub fn resize_and_wait(&mut self, cols: u16, rows: u16) -> anyhow::Result<String> {
        let before = self.frames();
        self.resize(cols, rows)?;
        self.wait_frame_after(before, &format!("a frame at {cols}×{rows}"))
    }

    /// Closes the master side, as a dropped SSH link does. The reader thread holds a copy of
    /// the master and sits in a blocking read, so it is asked to stop and woken by typed keys
    /// (brief answers keys with a frame) before every copy is closed.
    /// `wake`: keys that make brief draw (a resize would, but without a controlling
    /// terminal there is no SIGWINCH).
    pub fn hang_up(&mut self, wake: &[u8]) -> anyhow::Result<()> {
        let before = self.frames();
        self.shared.stop_after.store(before + 1, Ordering::SeqCst);
        self.send(wake)?;
        self.wait_frame_after(before, "the frame that wakes the reader before hanging up")?;
        if let Some(reader) = self.reader.take() {
            let _ = reader.join();
        }
        *self.writer.lock().unwrap_or_else(PoisonError::into_inner) = None;
        self.master = None;
        Ok(())
    }

    /// How the child ended, if it has.
    pub fn try_wait(&mut self) -> Option<ExitStatus> {
        if self.status.is_none()
            && let Ok(Some(status)) = self.child.try_wait()
        {
            self.status = Some(status);
        }
        self.status.clone()
    }

    /// Waits for the child to exit and returns how.
    pub fn wait_exit(&mut self) -> anyhow::Result<ExitStatus> {
        match self.exit_within(TIMEOUT) {
            Some(status) => Ok(status),
            None => bail!(
                "the program did not exit within {TIMEOUT:?}; last screen:\n{}",
                self.screen_text()
            ),
        }
    }

    /// Waits for the exit and for the reader to have every byte the child wrote.
    pub fn wait_exit_and_output(&mut self) -> anyhow::Result<ExitStatus> {
        let status = self.wait_exit()?;
        if self.reader.is_some() {
            self.wait("the end of the output", |out| out.eof.then_some(()))?;
        }
        Ok(status)
    }
}

/// vt100 has no 0-cell screens.
fn nonzero(cells: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(cells).unwrap_or(std::num::NonZeroU16::MIN)
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.try_wait().is_none() {
            // SIGKILL: whatever state the child is in, it goes.
            if let Ok(pid) = self.pid() {
                let _ = super::process::send_signal(pid, rustix::process::Signal::KILL);
            }
            let _ = self.child.wait();
        }
        *self.writer.lock().unwrap_or_else(PoisonError::into_inner) = None;
        self.master = None;
        // The reader ends when the pty closes; join it only if it already has.
        if let Some(reader) = self.reader.take()
            && self.shared.lock().eof
        {
            let _ = reader.join();
        }
    }
}

/// What a `through_shell` run printed after brief exited: its exit status and whether
/// `stty -a` shows the cooked mode that raw mode turns off (icanon, echo, isig).
pub struct AfterExit {
    pub status: i32,
    pub cooked: bool,
    pub stty: String,
}

/// Waits for the shell's `exit=N` line and reads it and the stty output above it.
pub fn stty_after_exit(pty: &mut Pty) -> anyhow::Result<AfterExit> {
    pty.wait_exit_and_output()?;
    let screen = pty.screen_text();
    let (at, status) = super::screen::exit_line(&screen)
        .with_context(|| format!("no exit= line in:\n{screen}"))?;
    let stty = screen[..at].to_string();
    let words: Vec<&str> = stty.split_whitespace().collect();
    let cooked = ["icanon", "echo", "isig"]
        .iter()
        .all(|flag| words.contains(flag));
    Ok(AfterExit {
        status,
        cooked,
        stty,
    })
}
