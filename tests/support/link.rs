//! A program in a pseudo-terminal behind a slow link. Its output crosses a simulated link
//! of a fixed rate: every chunk read takes `len / rate` seconds to cross, after the chunks
//! before it. Two ways to read the pty:
//! - `Reading::AtOnce`: everything is read as soon as it is written, as sshd does over a
//!   connection with a large window; the bytes queue in the link, not in the pty.
//! - `Reading::AtLinkRate`: the pty is read no faster than the link, as a slow terminal
//!   does; the program's writes block once the pty's buffer is full (back-pressure).
//!
//! The lag of a burst of keys is the time from the last key until the last byte has
//! crossed the link. The screen is what a vt100 terminal shows after every byte read.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::bail;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::{SYNC_END, base_env};

/// How the pty's output is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    AtOnce,
    AtLinkRate,
}

/// The most read at once when reading at the link's rate: a link hands bytes on in small
/// pieces, so the program's writes block about as a slow terminal makes them.
const LINK_READ: usize = 1024;

/// A chunk of output: when it was read and how long it is.
#[derive(Debug, Clone, Copy)]
pub struct Chunk {
    pub at: Instant,
    pub len: usize,
}

struct Seen {
    parser: vt100::Parser,
    raw: Vec<u8>,
    chunks: Vec<Chunk>,
    eof: bool,
}

/// A running program behind the link. Dropping it kills the program.
pub struct LinkPty {
    /// Kept open: the pty closes with its last master.
    _master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    seen: Arc<Mutex<Seen>>,
    reader: Option<JoinHandle<()>>,
    /// Bytes per second.
    pub rate: u64,
}

/// What a burst of keys cost, counted from the first key.
#[derive(Debug, Clone)]
pub struct Burst {
    pub keys: usize,
    pub bytes: usize,
    /// Frames that ended (brief's synchronized updates; 0 for other programs).
    pub frames: usize,
    /// From the last key until the last byte crossed the link; zero if it had already.
    pub lag: Duration,
}

impl LinkPty {
    /// `program ARGS` at COLS×ROWS in `home` (its home and working folder).
    pub fn spawn(
        program: &str,
        args: &[&str],
        home: &Path,
        (cols, rows): (u16, u16),
        reading: Reading,
        rate: u64,
    ) -> anyhow::Result<Self> {
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size)?;
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env_clear();
        for (name, value) in base_env(home) {
            cmd.env(name, value);
        }
        cmd.env("LC_ALL", "C.UTF-8");
        cmd.env("LESSHISTFILE", "-");
        cmd.cwd(home);
        let child = pair.slave.spawn_command(cmd)?;
        drop(pair.slave);
        let seen = Arc::new(Mutex::new(Seen {
            parser: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            raw: Vec::new(),
            chunks: Vec::new(),
            eof: false,
        }));
        let source = pair.master.try_clone_reader()?;
        let reader = spawn_reader(source, Arc::clone(&seen), reading, rate);
        Ok(Self {
            writer: pair.master.take_writer()?,
            _master: pair.master,
            child,
            seen,
            reader: Some(reader),
            rate,
        })
    }

    fn lock(&self) -> MutexGuard<'_, Seen> {
        self.seen.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn send(&mut self, keys: &[u8]) -> anyhow::Result<Instant> {
        let at = Instant::now();
        self.writer.write_all(keys)?;
        self.writer.flush()?;
        Ok(at)
    }

    pub fn screen_text(&self) -> String {
        self.lock().parser.screen().contents()
    }

    /// Every cell's text, colours and attributes, a row a line. A cell never written and
    /// one written with a plain space look the same on any terminal, so both are " ". Bold
    /// and dim count as one: vt100 keeps only the last set where xterm and tmux keep both,
    /// so for a cell drawn bold and dim it shows whichever an escape sequence set last.
    pub fn screen_cells(&self) -> String {
        let seen = self.lock();
        let screen = seen.parser.screen();
        let (rows, cols) = screen.size();
        let mut text = String::new();
        for row in 0..rows.get() {
            for col in 0..cols.get() {
                let Some(cell) = screen.cell(row, col) else {
                    continue;
                };
                let shown = match cell.contents() {
                    "" => " ",
                    shown => shown,
                };
                text.push_str(&format!(
                    "[{shown}|{:?}|{:?}|{}{}{}{}]",
                    cell.fgcolor(),
                    cell.bgcolor(),
                    u8::from(cell.bold() || cell.dim()),
                    u8::from(cell.italic()),
                    u8::from(cell.underline()),
                    u8::from(cell.inverse()),
                ));
            }
            text.push('\n');
        }
        text
    }

    /// Each chunk read, as `+SECONDS:LEN` from the first, for a failure's message.
    pub fn timeline(&self) -> String {
        let seen = self.lock();
        let Some(first) = seen.chunks.first().map(|c| c.at) else {
            return "nothing read".into();
        };
        let chunks: Vec<String> = seen
            .chunks
            .iter()
            .map(|c| format!("+{:.3}:{}", (c.at - first).as_secs_f64(), c.len))
            .collect();
        chunks.join(" ")
    }

    pub fn bytes_read(&self) -> usize {
        self.lock().raw.len()
    }

    /// Frames ended so far.
    pub fn frames(&self) -> usize {
        count(&self.lock().raw, SYNC_END)
    }

    /// Waits until `check` holds on the screen, or fails after `timeout` with the screen.
    pub fn wait_screen(
        &self,
        timeout: Duration,
        check: impl Fn(&str) -> bool,
    ) -> anyhow::Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            let screen = self.screen_text();
            if check(&screen) {
                return Ok(());
            }
            if Instant::now() > deadline || self.lock().eof {
                bail!("the screen never showed what was waited for:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until `quiet` has passed since the last byte read crossed the link (so a
    /// program that paces its frames to the link has had its turn), or `max` has passed.
    pub fn settle(&self, quiet: Duration, max: Duration) {
        let start = Instant::now();
        loop {
            let now = Instant::now();
            let crossed = {
                let seen = self.lock();
                let first = seen.chunks.first().map(|c| c.at);
                crossed_at(&seen.chunks, self.rate, first).unwrap_or(start)
            };
            if now.saturating_duration_since(crossed.max(start)) >= quiet || now - start >= max {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Types `key` `keys` times at `per_second`, then waits until the output has settled
    /// (nothing read for `quiet`, every byte across the link); what it cost.
    pub fn hold_key(
        &mut self,
        key: &[u8],
        keys: usize,
        per_second: f64,
        quiet: Duration,
    ) -> anyhow::Result<Burst> {
        let (bytes_before, chunks_before) = {
            let seen = self.lock();
            (seen.raw.len(), seen.chunks.len())
        };
        let interval = Duration::from_secs_f64(1.0 / per_second);
        let first = Instant::now();
        let mut last = first;
        for i in 0..keys {
            let due = first + interval.mul_f64(i as f64);
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
            last = self.send(key)?;
        }
        self.settle(quiet, Duration::from_secs(120));
        let seen = self.lock();
        let raw = &seen.raw[bytes_before..];
        let crossed = crossed_at(&seen.chunks[chunks_before..], self.rate, Some(first));
        Ok(Burst {
            keys,
            bytes: raw.len(),
            frames: count(raw, SYNC_END),
            lag: crossed.map_or(Duration::ZERO, |at| at.saturating_duration_since(last)),
        })
    }

    /// Sends `keys` (a quit key) and waits a little for the program to end.
    pub fn quit_with(mut self, keys: &[u8]) {
        let _ = self.send(keys);
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for LinkPty {
    fn drop(&mut self) {
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        if let Some(reader) = self.reader.take()
            && self.lock().eof
        {
            let _ = reader.join();
        }
    }
}

/// When the last of `chunks` has crossed a link of `rate` bytes per second that was idle
/// at `from` (or before the first chunk): each chunk starts crossing when it was read or
/// when the one before it has crossed, whichever is later.
pub fn crossed_at(chunks: &[Chunk], rate: u64, from: Option<Instant>) -> Option<Instant> {
    let mut done = from?;
    for chunk in chunks {
        let crossing = Duration::from_secs_f64(chunk.len as f64 / rate as f64);
        done = done.max(chunk.at) + crossing;
    }
    Some(done)
}

fn nonzero(cells: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(cells).unwrap_or(std::num::NonZeroU16::MIN)
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle)
        .count()
}

/// Reads the pty until it closes. At the link's rate, a read of `n` bytes keeps the link
/// busy for `n / rate`, and the next read waits for that.
fn spawn_reader(
    mut source: Box<dyn Read + Send>,
    seen: Arc<Mutex<Seen>>,
    reading: Reading,
    rate: u64,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let size = match reading {
            Reading::AtOnce => 64 * 1024,
            Reading::AtLinkRate => LINK_READ,
        };
        let mut buf = vec![0u8; size];
        let mut free_at = Instant::now();
        loop {
            if reading == Reading::AtLinkRate
                && let Some(wait) = free_at.checked_duration_since(Instant::now())
            {
                std::thread::sleep(wait);
            }
            let n = match source.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            let at = Instant::now();
            free_at = free_at.max(at) + Duration::from_secs_f64(n as f64 / rate as f64);
            let mut seen = seen.lock().unwrap_or_else(PoisonError::into_inner);
            seen.raw.extend_from_slice(&buf[..n]);
            seen.chunks.push(Chunk { at, len: n });
            seen.parser.process(&buf[..n]);
        }
        seen.lock().unwrap_or_else(PoisonError::into_inner).eof = true;
    })
}
