//! The real binary in a pseudo-terminal, every byte it writes kept and parsed by a vt100
//! screen with a `Recorder`. Waiting is polling with a timeout.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::recorder::{Recorder, ReplacementFeed};
use super::{POLL, TIMEOUT, bin};

struct Shared {
    raw: Vec<u8>,
    parser: vt100::Parser<Recorder>,
    eof: bool,
}

/// The real binary in a pseudo-terminal.
pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    shared: Arc<Mutex<Shared>>,
    reader: Option<JoinHandle<()>>,
    exit: Option<portable_pty::ExitStatus>,
    pub cols: u16,
    pub rows: u16,
}

pub struct Spawn<'a> {
    pub program: PathBuf,
    pub args: Vec<String>,
    pub cols: u16,
    pub rows: u16,
    pub env: Vec<(&'a str, String)>,
    pub cwd: Option<PathBuf>,
}

impl<'a> Spawn<'a> {
    pub fn brief<S: AsRef<str>>(args: &[S]) -> Self {
        Self {
            program: bin(),
            args: args.iter().map(|a| a.as_ref().to_owned()).collect(),
            cols: 160,
            rows: 50,
            env: Vec::new(),
            cwd: None,
        }
    }
    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.cols = cols;
        self.rows = rows;
        self
    }
    pub fn env(mut self, key: &'a str, value: impl Into<String>) -> Self {
        self.env.push((key, value.into()));
        self
    }
    pub fn start(self) -> Pty {
        Pty::start(self)
    }
}

fn lock(shared: &Mutex<Shared>) -> std::sync::MutexGuard<'_, Shared> {
    // A panic in another test thread must not hide this test's own outcome.
    shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN)
}

impl Pty {
    fn start(spec: Spawn<'_>) -> Self {
        let size = PtySize {
            rows: spec.rows,
            cols: spec.cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size).expect("openpty");
        let mut cmd = CommandBuilder::new(&spec.program);
        cmd.args(&spec.args);
        cmd.env_clear();
        cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
        cmd.env("HOME", std::env::var("HOME").unwrap_or_else(|_| "/".into()));
        cmd.env("LANG", "C.UTF-8");
        cmd.env("TERM", "xterm-256color");
        // A user key table must not change what the keys do in these tests.
        cmd.env("XDG_CONFIG_HOME", "/nonexistent/brief-hostile-tests");
        for (k, v) in &spec.env {
            cmd.env(k, v);
        }
        cmd.cwd(
            spec.cwd
                .clone()
                .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR"))),
        );
        let child = pair.slave.spawn_command(cmd).expect("spawn brief in a pty");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let shared = Arc::new(Mutex::new(Shared {
            raw: Vec::new(),
            parser: vt100::Parser::new_with_callbacks(
                nonzero(spec.rows),
                nonzero(spec.cols),
                0,
                Recorder::default(),
            ),
            eof: false,
        }));
        let sink = Arc::clone(&shared);
        let handle = std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            let mut feed = ReplacementFeed::default();
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut s = lock(&sink);
                        s.raw.extend_from_slice(&buf[..n]);
                        let bytes = feed.push(&buf[..n]);
                        s.parser.process(&bytes);
                    }
                }
            }
            let mut s = lock(&sink);
            let rest = feed.finish();
            s.parser.process(&rest);
            s.eof = true;
        });
        Pty {
            master: pair.master,
            writer,
            child,
            shared,
            reader: Some(handle),
            exit: None,
            cols: spec.cols,
            rows: spec.rows,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    pub fn send(&mut self, bytes: &[u8]) {
        // A child that already exited closes the pty: a failed write is then not ours to
        // report, the exit status and screen assertions will say what happened.
        let _ = self.writer.write_all(bytes);
        let _ = self.writer.flush();
    }

    pub fn raw(&self) -> Vec<u8> {
        lock(&self.shared).raw.clone()
    }

    pub fn raw_len(&self) -> usize {
        lock(&self.shared).raw.len()
    }

    pub fn recorder(&self) -> Recorder {
        lock(&self.shared).parser.callbacks().clone()
    }

    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(lock(&self.shared).parser.screen())
    }

    pub fn rows_text(&self) -> Vec<String> {
        self.with_screen(|s| s.rows(0, s.size().1.get()).collect())
    }

    pub fn contents(&self) -> String {
        self.rows_text().join("\n")
    }

    /// Resizes the pty (and the parser first, so nothing drawn for the new size is lost).
    /// vt100 cannot model a zero-sized screen, so its grid stays at least 1×1.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.shared)
            .parser
            .set_size(nonzero(rows), nonzero(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        self.cols = cols;
        self.rows = rows;
    }

    /// Resizes, then waits for the frame that answers it to end and for quiet: on a busy
    /// machine the reader may take longer to answer SIGWINCH than `settle` waits for.
    #[allow(
        dead_code,
        reason = "not every test binary that includes this module redraws"
    )]
    pub fn resize_and_redraw(&mut self, cols: u16, rows: u16) {
        let frames = self.frames_ended();
        self.resize(cols, rows);
        let deadline = Instant::now() + TIMEOUT;
        while self.frames_ended() == frames && !lock(&self.shared).eof && Instant::now() < deadline
        {
            std::thread::sleep(POLL);
        }
        self.settle();
    }

    fn frames_ended(&self) -> usize {
        let shared = lock(&self.shared);
        let end = b"\x1b[?2026l";
        shared.raw.windows(end.len()).filter(|w| w == end).count()
    }

    /// Polls the screen until `pred` holds; returns false on timeout or when the child
    /// exited first (the screen can no longer change).
    pub fn wait_for(
        &mut self,
        timeout: Duration,
        mut pred: impl FnMut(&vt100::Screen) -> bool,
    ) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if self.with_screen(&mut pred) {
                return true;
            }
            if lock(&self.shared).eof || Instant::now() > deadline {
                return self.with_screen(&mut pred);
            }
            std::thread::sleep(POLL);
        }
    }

    pub fn wait_text(&mut self, text: &str) -> bool {
        self.wait_for(TIMEOUT, |s| s.contents().contains(text))
    }

    /// Waits for `text` on screen, failing with `what` and the screen if it never comes,
    /// then for the frame to be complete (`settle`); the screen then.
    pub fn show(&mut self, text: &str, what: &str) -> String {
        assert!(
            self.wait_text(text),
            "{what}\n--- screen ---\n{}",
            self.contents()
        );
        self.settle();
        self.contents()
    }

    /// Waits until no new byte arrived for several polls in a row and no synchronized
    /// update (`CSI ? 2026 h` … `l`, one frame) is left open: the frame is complete.
    pub fn settle(&mut self) {
        let deadline = Instant::now() + TIMEOUT;
        let mut last = self.raw_len();
        let mut quiet = 0;
        while (quiet < 5 || self.inside_frame()) && Instant::now() < deadline {
            std::thread::sleep(POLL);
            let now = self.raw_len();
            if now == last {
                quiet += 1;
            } else {
                quiet = 0;
                last = now;
            }
        }
    }

    /// The output ends inside a synchronized update: a frame is still being written.
    fn inside_frame(&self) -> bool {
        let shared = lock(&self.shared);
        let raw = &shared.raw;
        let find_last = |needle: &[u8]| raw.windows(needle.len()).rposition(|w| w == needle);
        match (find_last(b"\x1b[?2026h"), find_last(b"\x1b[?2026l")) {
            (Some(begin), Some(end)) => begin > end,
            (Some(_), None) => true,
            _ => false,
        }
    }

    /// Types each of `keys` in turn and waits for the screen to change, failing with
    /// `what` and the screen if it does not, then for the frame to be complete (`settle`,
    /// so that no sequence in the output is cut in two); the screen then.
    pub fn answer(&mut self, keys: &[&[u8]], what: &str) -> String {
        let before = self.contents();
        for key in keys {
            self.send(key);
        }
        assert!(
            self.wait_for(TIMEOUT, |s| s.contents() != before),
            "{what}\n--- screen ---\n{}",
            self.contents()
        );
        self.settle();
        self.contents()
    }

    /// Fails, with how it ended and the screen, if brief has exited.
    pub fn assert_running(&mut self, what: &str) {
        if let Some(status) = self.try_wait() {
            panic!("{what}: brief ended: {status:?}\n{}", self.contents());
        }
    }

    pub fn try_wait(&mut self) -> Option<portable_pty::ExitStatus> {
        if self.exit.is_none()
            && let Ok(Some(status)) = self.child.try_wait()
        {
            self.exit = Some(status);
        }
        self.exit.clone()
    }

    pub fn wait_exit(&mut self, timeout: Duration) -> Option<portable_pty::ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.try_wait() {
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits for the reader to see the end of the output (all bytes are in `raw`).
    pub fn wait_eof(&mut self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            if lock(&self.shared).eof {
                return true;
            }
            std::thread::sleep(POLL);
        }
        false
    }

    /// Quits with `q` and checks the exit: status 0, terminal restored.
    pub fn quit(&mut self) -> portable_pty::ExitStatus {
        self.send(b"q");
        self.wait_exit(TIMEOUT)
            .expect("brief did not exit within the timeout after q")
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.try_wait().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // The reader ends when the pty closes; the master is dropped with self after this.
        if let Some(handle) = self.reader.take()
            && lock(&self.shared).eof
        {
            let _ = handle.join();
        }
    }
}
