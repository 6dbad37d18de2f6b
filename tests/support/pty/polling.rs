//! Waits for tests that fail by panicking (the hostile-input tests): poll the screen, wait
//! for quiet, type keys whatever happened to the program meanwhile.

use std::time::{Duration, Instant};

use portable_pty::ExitStatus;

use super::super::recorder::Recorder;
use super::super::{POLL, TIMEOUT};
use super::Pty;

impl Pty {
    /// Writes bytes as if typed. A child that already exited closes the pty: a failed
    /// write is then not ours to report, the exit status and screen assertions will say
    /// what happened.
    pub fn type_keys(&mut self, bytes: &[u8]) {
        let _ = self.send(bytes);
    }

    pub fn raw_len(&self) -> usize {
        self.shared.lock().raw.len()
    }

    /// What the escape sequences written so far would have done to a terminal.
    pub fn recorder(&self) -> Recorder {
        self.shared.parsed().recorder().clone()
    }

    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.shared.parsed().screen())
    }

    pub fn rows_text(&self) -> Vec<String> {
        self.with_screen(|s| s.rows(0, s.size().1.get()).collect())
    }

    /// The screen, one line per row.
    pub fn contents(&self) -> String {
        self.rows_text().join("\n")
    }

    /// Resizes, failing the test if the pty cannot be.
    pub fn set_size(&mut self, cols: u16, rows: u16) {
        self.resize(cols, rows)
            .unwrap_or_else(|e| panic!("resize to {cols}×{rows}: {e:#}"));
    }

    /// Resizes, then waits for the frame that answers it to end and for quiet: on a busy
    /// machine the reader may take longer to answer SIGWINCH than `settle` waits for.
    pub fn resize_and_redraw(&mut self, cols: u16, rows: u16) {
        let frames = self.frames();
        self.set_size(cols, rows);
        let deadline = Instant::now() + TIMEOUT;
        while self.frames() == frames && !self.shared.lock().eof && Instant::now() < deadline {
            std::thread::sleep(POLL);
        }
        self.settle();
    }

    /// Polls the screen until `pred` holds; false on timeout or when the child exited
    /// first (the screen can no longer change).
    pub fn wait_until(
        &mut self,
        timeout: Duration,
        mut pred: impl FnMut(&vt100::Screen) -> bool,
    ) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if self.with_screen(&mut pred) {
                return true;
            }
            if self.shared.lock().eof || Instant::now() > deadline {
                return self.with_screen(&mut pred);
            }
            std::thread::sleep(POLL);
        }
    }

    pub fn wait_text(&mut self, text: &str) -> bool {
        self.wait_until(TIMEOUT, |s| s.contents().contains(text))
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
        while (quiet < 5 || self.shared.lock().in_frame) && Instant::now() < deadline {
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

    /// Types each of `keys` in turn and waits for the screen to change, failing with
    /// `what` and the screen if it does not, then for the frame to be complete (`settle`,
    /// so that no sequence in the output is cut in two); the screen then.
    pub fn answer(&mut self, keys: &[&[u8]], what: &str) -> String {
        let before = self.contents();
        for key in keys {
            self.type_keys(key);
        }
        assert!(
            self.wait_until(TIMEOUT, |s| s.contents() != before),
            "{what}\n--- screen ---\n{}",
            self.contents()
        );
        self.settle();
        self.contents()
    }

    /// Fails, with how it ended and the screen, if the program has exited.
    pub fn assert_running(&mut self, what: &str) {
        if let Some(status) = self.try_wait() {
            panic!("{what}: the program ended: {status:?}\n{}", self.contents());
        }
    }

    /// How the child ended, once it has, waiting at most `timeout`.
    pub fn exit_within(&mut self, timeout: Duration) -> Option<ExitStatus> {
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
            if self.shared.lock().eof {
                return true;
            }
            std::thread::sleep(POLL);
        }
        false
    }

    /// Quits with `q`; how brief exited.
    pub fn quit(&mut self) -> ExitStatus {
        self.type_keys(b"q");
        self.exit_within(TIMEOUT)
            .unwrap_or_else(|| panic!("brief did not exit within {TIMEOUT:?} after q"))
    }
}
