//! A program in a pseudo-terminal, timed from the outside.
//!
//! A reader thread stamps every chunk of output with the instant it was read; the main
//! thread consumes the chunks, feeds them to a vt100 screen and looks for the end of a
//! synchronized update (`ESC[?2026l`), which is where a frame of `brief` ends. The reader
//! thread also answers the few terminal queries a program may send at start-up (cursor
//! position, primary device attributes), as a real terminal would, so that nothing waits
//! on a timeout.

#![allow(dead_code)] // each bench target uses a different part of this module

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// End of a synchronized update (DEC private mode 2026): the end of one `brief` frame.
pub const FRAME_END: &[u8] = b"\x1b[?2026l";
/// Start of a synchronized update.
pub const FRAME_BEGIN: &[u8] = b"\x1b[?2026h";

pub struct Chunk {
    pub at: Instant,
    pub bytes: Vec<u8>,
}

pub struct Session {
    pub started: Instant,
    pub pid: u32,
    child: Box<dyn Child + Send + Sync>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    rx: Receiver<Chunk>,
    _master: Box<dyn MasterPty + Send>,
    pub screen: vt100::Parser,
    /// The last bytes seen, so a marker split across two reads is still found.
    tail: Vec<u8>,
    /// Every byte read from the program so far.
    pub total_bytes: usize,
    /// Frame ends seen so far, and the instant of the last one.
    pub frames: usize,
    pub last_frame_end: Option<Instant>,
    in_frame: bool,
    pub last_output: Option<Instant>,
    pub exited: bool,
}

/// The environment every program under test gets: a UTF-8 locale, a plain xterm, a home
/// directory of its own (no user configuration, no history files).
pub fn command(program: &Path, args: &[&str], home: &Path) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.env_clear();
    cmd.env("PATH", "/usr/local/bin:/usr/bin:/bin");
    cmd.env("HOME", home);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.env("LESSHISTFILE", "-");
    cmd.cwd(home);
    cmd
}

impl Session {
    pub fn spawn(cmd: CommandBuilder, cols: u16, rows: u16) -> Result<Self> {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| anyhow!("openpty: {e}"))?;
        let mut reader = pair
            .master
            .try_clone_reader()
            .map_err(|e| anyhow!("pty reader: {e}"))?;
        let writer = Arc::new(Mutex::new(
            pair.master
                .take_writer()
                .map_err(|e| anyhow!("pty writer: {e}"))?,
        ));
        let started = Instant::now();
        let child = pair
            .slave
            .spawn_command(cmd)
            .map_err(|e| anyhow!("spawn: {e}"))?;
        drop(pair.slave);
        let pid = child.process_id().context("child has no pid")?;
        let (tx, rx) = mpsc::channel();
        let answer = Arc::clone(&writer);
        thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            let mut tail: Vec<u8> = Vec::new();
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let at = Instant::now();
                        let bytes = buf[..n].to_vec();
                        let old = tail.len();
                        tail.extend_from_slice(&bytes);
                        answer_queries(&tail, old, &answer);
                        let keep = tail.len().saturating_sub(16);
                        tail.drain(..keep);
                        if tx.send(Chunk { at, bytes }).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Ok(Self {
            started,
            pid,
            child,
            writer,
            rx,
            _master: pair.master,
            screen: vt100::Parser::new(nonzero(rows), nonzero(cols), 0),
            tail: Vec::new(),
            total_bytes: 0,
            frames: 0,
            last_frame_end: None,
            in_frame: false,
            last_output: None,
            exited: false,
        })
    }

    fn take(&mut self, chunk: Chunk) {
        self.screen.process(&chunk.bytes);
        self.total_bytes += chunk.bytes.len();
        self.last_output = Some(chunk.at);
        let mut scan = std::mem::take(&mut self.tail);
        scan.extend_from_slice(&chunk.bytes);
        // A frame is a begin (ESC[?2026h) followed by an end (ESC[?2026l); an end with no
        // begin (the reset brief sends when it restores the terminal) is no frame.
        let mut i = 0;
        let mut last_end = 0;
        while i + FRAME_END.len() <= scan.len() {
            let window = &scan[i..i + FRAME_END.len()];
            if window == FRAME_BEGIN {
                self.in_frame = true;
                i += FRAME_BEGIN.len();
                last_end = i;
            } else if window == FRAME_END {
                if self.in_frame {
                    self.frames += 1;
                    self.last_frame_end = Some(chunk.at);
                }
                self.in_frame = false;
                i += FRAME_END.len();
                last_end = i;
            } else {
                i += 1;
            }
        }
        // Keep what could be the start of a marker split across two reads (shorter than a
        // marker, after the last one found, so nothing is counted twice).
        let keep_from = last_end.max(scan.len().saturating_sub(FRAME_END.len() - 1));
        self.tail = scan[keep_from..].to_vec();
    }

    /// Reads one chunk, waiting until `deadline`; false when nothing came.
    fn pump(&mut self, deadline: Instant) -> bool {
        let wait = deadline.saturating_duration_since(Instant::now());
        match self.rx.recv_timeout(wait) {
            Ok(chunk) => {
                self.take(chunk);
                true
            }
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => {
                self.exited = true;
                false
            }
        }
    }

    /// Waits until `frames` frame ends have been seen in total; returns the instant the
    /// last of them was read, or None at `timeout`.
    pub fn wait_frames(&mut self, frames: usize, timeout: Duration) -> Option<Instant> {
        let deadline = Instant::now() + timeout;
        while self.frames < frames {
            if !self.pump(deadline) && (Instant::now() >= deadline || self.exited) {
                return None;
            }
        }
        self.last_frame_end
    }

    /// Waits for the next frame end after those already seen.
    pub fn wait_next_frame(&mut self, timeout: Duration) -> Option<Instant> {
        let n = self.frames + 1;
        self.wait_frames(n, timeout)
    }

    /// Reads until no output has come for `quiet` (or `max` has passed); returns the
    /// instant of the last output read, if any.
    pub fn settle(&mut self, quiet: Duration, max: Duration) -> Option<Instant> {
        let end = Instant::now() + max;
        loop {
            let deadline = (Instant::now() + quiet).min(end);
            if !self.pump(deadline) {
                return self.last_output;
            }
            if Instant::now() >= end {
                return self.last_output;
            }
        }
    }

    /// Reads until `pred` holds for the screen or `timeout` passes.
    pub fn wait_screen(&mut self, timeout: Duration, pred: impl Fn(&str) -> bool) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if pred(&self.screen.screen().contents()) {
                return true;
            }
            if !self.pump(deadline) && (Instant::now() >= deadline || self.exited) {
                return pred(&self.screen.screen().contents());
            }
        }
    }

    pub fn send(&mut self, bytes: &[u8]) -> Result<Instant> {
        let mut w = self
            .writer
            .lock()
            .map_err(|_| anyhow!("pty writer poisoned"))?;
        let at = Instant::now();
        w.write_all(bytes)?;
        w.flush()?;
        Ok(at)
    }

    /// With `BRIEF_BENCH_SCREENS=1`, prints the screen to stderr (to check what a figure
    /// measures).
    pub fn dump(&self, label: &str) {
        if std::env::var_os("BRIEF_BENCH_SCREENS").is_some_and(|v| v != "0") {
            eprintln!(
                "--- screen: {label} ({} bytes so far, {} frames) ---\n{}\n---",
                self.total_bytes,
                self.frames,
                self.contents()
            );
        }
    }

    pub fn contents(&self) -> String {
        self.screen.screen().contents()
    }

    /// Peak resident set size (VmHWM) in bytes, read while the program runs.
    pub fn peak_rss(&self) -> Option<u64> {
        proc_status_kb(self.pid, "VmHWM:").map(|kb| kb * 1024)
    }

    /// CPU time used so far: (utime+stime from /proc/PID/stat, in clock ticks of 10 ms)
    /// and the sum of all threads' run time from /proc/PID/task/*/schedstat, in ns.
    pub fn cpu(&self) -> Option<(u64, u64)> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.pid)).ok()?;
        let after = stat.rsplit_once(')')?.1;
        let fields: Vec<&str> = after.split_whitespace().collect();
        // Fields after the comm: state is index 0, utime is field 14 overall (index 11).
        let utime: u64 = fields.get(11)?.parse().ok()?;
        let stime: u64 = fields.get(12)?.parse().ok()?;
        let mut ns = 0u64;
        let mut read_any = false;
        for task in std::fs::read_dir(format!("/proc/{}/task", self.pid)).ok()? {
            let Ok(task) = task else { continue };
            let Ok(s) = std::fs::read_to_string(task.path().join("schedstat")) else {
                continue;
            };
            if let Some(v) = s
                .split_whitespace()
                .next()
                .and_then(|v| v.parse::<u64>().ok())
            {
                ns += v;
                read_any = true;
            }
        }
        read_any.then_some((utime + stime, ns))
    }

    /// Asks the program to quit with `keys`, then makes sure it is gone.
    pub fn quit(mut self, keys: &[u8]) {
        let _ = self.send(keys);
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            self.pump(Instant::now() + Duration::from_millis(20));
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn nonzero(n: u16) -> std::num::NonZero<u16> {
    std::num::NonZero::new(n).unwrap_or(std::num::NonZero::<u16>::MIN)
}

fn proc_status_kb(pid: u32, key: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line[key.len()..].split_whitespace().next()?.parse().ok()
}

fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

/// Answers the queries a terminal answers: DSR cursor position (`ESC[6n`) and primary
/// device attributes (`ESC[c`, also what crossterm sends after `ESC[?u` to learn that the
/// kitty keyboard protocol is not supported).
/// `recent` is the end of the previous read followed by this one (`old` bytes of it are
/// the previous read's, already answered).
fn answer_queries(recent: &[u8], old: usize, writer: &Arc<Mutex<Box<dyn Write + Send>>>) {
    let new = |needle: &[u8]| {
        recent
            .windows(needle.len())
            .enumerate()
            .filter(|(i, w)| *w == needle && i + needle.len() > old)
            .count()
    };
    let mut replies: Vec<u8> = Vec::new();
    for _ in 0..new(b"\x1b[6n") {
        replies.extend_from_slice(b"\x1b[1;1R");
    }
    for _ in 0..(new(b"\x1b[c") + new(b"\x1b[0c")) {
        replies.extend_from_slice(b"\x1b[?62;22c");
    }
    if !replies.is_empty()
        && let Ok(mut w) = writer.lock()
    {
        let _ = w.write_all(&replies);
        let _ = w.flush();
    }
}
