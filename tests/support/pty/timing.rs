//! For the terminal benchmarks: when frames ended and output went quiet, read by the reader
//! thread as the bytes arrived, and what the program costs (memory, CPU time) from /proc.

use std::time::{Duration, Instant};

use super::super::POLL;
use super::{Output, Pty};

impl Pty {
    /// When the program was started.
    pub fn started(&self) -> Instant {
        self.started
    }

    /// Bytes the program has written so far.
    pub fn total_bytes(&self) -> usize {
        self.raw_len()
    }

    /// The output has ended: the program and every copy of the pty's slave closed.
    pub fn exited(&self) -> bool {
        self.shared.lock().eof
    }

    /// When the last frame seen ended.
    pub fn last_frame_end(&self) -> Option<Instant> {
        self.shared.lock().frame_ends.last().copied()
    }

    /// Waits until `frames` frames have ended in all; when the last of them was read, or
    /// None after `timeout` or once the output ended without it.
    pub fn wait_frames(&self, frames: usize, timeout: Duration) -> Option<Instant> {
        if frames == 0 {
            return Some(self.started);
        }
        self.wait_unparsed(timeout, |out| out.frame_ends.get(frames - 1).copied())
    }

    /// Waits until `found` gives a value from the output as read so far, its screen left
    /// unparsed: what waits here is timed by the bytes' arrival, which parsing would hold
    /// up. None after `timeout` or once the output ended without it.
    fn wait_unparsed<T>(
        &self,
        timeout: Duration,
        found: impl Fn(&Output) -> Option<T>,
    ) -> Option<T> {
        let deadline = Instant::now() + timeout;
        let mut out = self.shared.lock();
        loop {
            if let Some(value) = found(&out) {
                return Some(value);
            }
            let now = Instant::now();
            if now >= deadline || out.eof {
                return None;
            }
            out = self
                .shared
                .changed
                .wait_timeout(out, POLL.min(deadline - now))
                .map_or_else(|e| e.into_inner().0, |r| r.0);
        }
    }

    /// Waits until no output has come for `quiet` (counted from now at the earliest), or
    /// `max` has passed; when the last output was read, if any.
    pub fn quiet_for(&self, quiet: Duration, max: Duration) -> Option<Instant> {
        let start = Instant::now();
        let end = start + max;
        loop {
            let last = self.shared.lock().last_output;
            let since = last.map_or(start, |at| at.max(start));
            let now = Instant::now();
            if now >= since + quiet || now >= end {
                return last;
            }
            std::thread::sleep((since + quiet - now).min(end - now).min(POLL));
        }
    }

    /// Waits until the output holds `needle` or `timeout` passes, parsing nothing.
    pub fn wait_bytes(&self, timeout: Duration, needle: &[u8]) -> bool {
        let holds = |out: &Output| out.raw.windows(needle.len()).any(|w| w == needle);
        self.wait_unparsed(timeout, |out| holds(out).then_some(()))
            .is_some()
    }

    /// Waits until `pred` holds for the screen's text or `timeout` passes.
    pub fn wait_screen(&self, timeout: Duration, pred: impl Fn(&str) -> bool) -> bool {
        let deadline = Instant::now() + timeout;
        loop {
            if pred(&self.screen_text()) {
                return true;
            }
            if Instant::now() >= deadline || self.exited() {
                return pred(&self.screen_text());
            }
            std::thread::sleep(POLL);
        }
    }

    /// With `BRIEF_BENCH_SCREENS=1`, prints the screen to stderr (to check what a figure
    /// measures).
    pub fn dump(&self, label: &str) {
        if std::env::var_os("BRIEF_BENCH_SCREENS").is_some_and(|v| v != "0") {
            eprintln!(
                "--- screen: {label} ({} bytes so far, {} frames) ---\n{}\n---",
                self.total_bytes(),
                self.frames(),
                self.screen_text()
            );
        }
    }

    /// Peak resident set size (VmHWM) in bytes, read while the program runs.
    pub fn peak_rss(&self) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid().ok()?)).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        let kb: u64 = line["VmHWM:".len()..]
            .split_whitespace()
            .next()?
            .parse()
            .ok()?;
        Some(kb * 1024)
    }

    /// CPU time used so far: (utime+stime from /proc/PID/stat, in clock ticks of 10 ms)
    /// and the sum of all threads' run time from /proc/PID/task/*/schedstat, in ns.
    pub fn cpu(&self) -> Option<(u64, u64)> {
        let pid = self.pid().ok()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let after = stat.rsplit_once(')')?.1;
        let fields: Vec<&str> = after.split_whitespace().collect();
        // Fields after the comm: state is index 0, utime is field 14 overall (index 11).
        let utime: u64 = fields.get(11)?.parse().ok()?;
        let stime: u64 = fields.get(12)?.parse().ok()?;
        let mut ns = 0u64;
        let mut read_any = false;
        for task in std::fs::read_dir(format!("/proc/{pid}/task")).ok()? {
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

    /// Asks the program to quit with `keys`, waits for it a little; dropping the `Pty`
    /// then makes sure it is gone.
    pub fn quit_with(mut self, keys: &[u8]) {
        let _ = self.send(keys);
        self.exit_within(Duration::from_secs(2));
    }
}
