//! What the reader thread keeps of a program's output: every raw byte, the frames (brief's
//! synchronized updates) seen, and when output and frame ends were read; and a vt100 screen
//! with a `Recorder` for what an escape sequence would do to the terminal. The screen is
//! brought up to date when it is looked at, not as bytes come: parsing between two reads
//! would keep the reader from the next bytes, and a benchmark would time the frame's end
//! late by what parsing the frame's first part took.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Instant;

use super::super::recorder::{Recorder, ReplacementFeed};
use super::super::{SYNC_BEGIN, SYNC_END};

/// What the reader thread has seen.
pub struct Output {
    parser: vt100::Parser<Recorder>,
    /// How much of `raw` the parser has been given.
    parsed: usize,
    pub raw: Vec<u8>,
    /// Frames finished so far (synchronized updates begun and ended).
    pub frames: usize,
    /// When each frame's end was read, in order.
    pub frame_ends: Vec<Instant>,
    /// When the last bytes were read.
    pub last_output: Option<Instant>,
    /// A synchronized update is open: the screen may hold half a frame.
    pub in_frame: bool,
    /// Where the search for frame markers goes on from.
    scanned: usize,
    /// The reader saw end of file or an error: the child and every copy of the slave closed.
    pub eof: bool,
    feed: ReplacementFeed,
}

impl Output {
    pub fn new(rows: std::num::NonZeroU16, cols: std::num::NonZeroU16) -> Self {
        Self {
            parser: vt100::Parser::new_with_callbacks(rows, cols, 0, Recorder::default()),
            parsed: 0,
            raw: Vec::new(),
            frames: 0,
            frame_ends: Vec::new(),
            last_output: None,
            in_frame: false,
            scanned: 0,
            eof: false,
            feed: ReplacementFeed::default(),
        }
    }

    /// No synchronized update is open: the screen holds whole frames only.
    pub fn between_frames(&self) -> bool {
        !self.in_frame
    }

    /// Follows the frame markers in the bytes not yet searched. An end with no begin (the
    /// one brief sends when it restores the terminal, in case a frame was cut off) is not
    /// a frame.
    fn scan_markers(&mut self, at: Instant) {
        let len = SYNC_BEGIN.len();
        while self.scanned + len <= self.raw.len() {
            let window = &self.raw[self.scanned..self.scanned + len];
            if window == SYNC_BEGIN {
                self.in_frame = true;
            } else if window == SYNC_END && self.in_frame {
                self.in_frame = false;
                self.frames += 1;
                self.frame_ends.push(at);
            }
            self.scanned += 1;
        }
    }

    /// Gives the parser the bytes read since it last had any.
    pub fn catch_up(&mut self) {
        // vt100 drops U+FFFD: it gets a one-cell stand-in (the raw bytes keep the real one).
        let shown = self.feed.push(&self.raw[self.parsed..]);
        self.parser.process(&shown);
        self.parsed = self.raw.len();
    }

    /// The screen as every byte read so far left it (`Shared::parsed` caught it up).
    pub fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    pub fn screen_mut(&mut self) -> &mut vt100::Screen {
        self.parser.screen_mut()
    }

    pub fn recorder(&self) -> &Recorder {
        self.parser.callbacks()
    }

    pub fn screen_text(&self) -> String {
        self.parser.screen().contents()
    }
}

/// The output, shared between the reader thread and the test.
pub struct Shared {
    output: Mutex<Output>,
    pub changed: Condvar,
    /// The reader thread stops, closing its copy of the master, once this many frames have
    /// ended and none is open; `usize::MAX`: never.
    pub stop_after: AtomicUsize,
}

/// The pty's writing end, shared with the reader thread when it answers queries; `None`
/// once hung up.
pub type Writer = Arc<Mutex<Option<Box<dyn Write + Send>>>>;

impl Shared {
    pub fn new(output: Output) -> Self {
        Self {
            output: Mutex::new(output),
            changed: Condvar::new(),
            stop_after: AtomicUsize::new(usize::MAX),
        }
    }

    /// The output as read so far, its screen not necessarily caught up: for the bytes,
    /// frames and times only.
    pub fn lock(&self) -> MutexGuard<'_, Output> {
        // A panic in another test thread must not hide this test's own outcome.
        self.output.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The output with its screen showing every byte read so far.
    pub fn parsed(&self) -> MutexGuard<'_, Output> {
        let mut out = self.lock();
        out.catch_up();
        out
    }

    /// Takes new bytes; true when the reader should stop now.
    fn feed(&self, bytes: &[u8], at: Instant) -> bool {
        let mut out = self.lock();
        out.raw.extend_from_slice(bytes);
        out.last_output = Some(at);
        out.scan_markers(at);
        self.changed.notify_all();
        out.frames >= self.stop_after.load(Ordering::SeqCst) && out.between_frames()
    }

    fn finish(&self) {
        let mut out = self.parsed();
        let rest = out.feed.finish();
        out.parser.process(&rest);
        out.eof = true;
        self.changed.notify_all();
    }
}

/// Reads the pty until end of file (or until asked to stop), feeding `shared`; with
/// `answer`, replies to the queries a terminal answers, as a real one would.
pub fn spawn_reader(
    mut reader: Box<dyn Read + Send>,
    shared: Arc<Shared>,
    answer: Option<Writer>,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    let at = Instant::now();
                    let stop = shared.feed(&buf[..n], at);
                    if let Some(writer) = &answer {
                        answer_queries(&shared, n, writer);
                    }
                    if stop {
                        break;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                // EIO: every slave descriptor is closed.
                Err(_) => break,
            }
        }
        shared.finish();
    })
}

/// Answers the queries in the last `new` bytes (and a marker's length before them, for one
/// cut by a read): DSR cursor position (`ESC[6n`) and primary device attributes (`ESC[c`,
/// also what crossterm sends after `ESC[?u` to learn that the kitty keyboard protocol is
/// not supported).
fn answer_queries(shared: &Shared, new: usize, writer: &Writer) {
    let replies = {
        let out = shared.lock();
        let start = out.raw.len().saturating_sub(new);
        let recent = &out.raw[start.saturating_sub(8)..];
        let old = start - start.saturating_sub(8);
        let count = |needle: &[u8]| {
            recent
                .windows(needle.len())
                .enumerate()
                .filter(|(i, w)| *w == needle && i + needle.len() > old)
                .count()
        };
        let mut replies: Vec<u8> = Vec::new();
        for _ in 0..count(b"\x1b[6n") {
            replies.extend_from_slice(b"\x1b[1;1R");
        }
        for _ in 0..(count(b"\x1b[c") + count(b"\x1b[0c")) {
            replies.extend_from_slice(b"\x1b[?62;22c");
        }
        replies
    };
    if replies.is_empty() {
        return;
    }
    let mut writer = writer.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(w) = writer.as_mut() {
        let _ = w.write_all(&replies);
        let _ = w.flush();
    }
}
