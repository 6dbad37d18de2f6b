//! Waiting on a pane: for a screen, for it to settle, for a format's value, for the
//! pane's command to end.

use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use super::Tmux;
use crate::support::{POLL, TIMEOUT};

/// How long a screen must stay the same to count as settled (`wait_settled`).
const QUIET: Duration = Duration::from_millis(100);

impl Tmux {
    /// Polls `step` every `every` until it gives a value; meanwhile it gives a note on
    /// what it saw. After `TIMEOUT` fails with `what`, the last note and the screen.
    fn poll<T>(
        &self,
        what: &str,
        every: Duration,
        mut step: impl FnMut() -> anyhow::Result<Result<T, String>>,
    ) -> anyhow::Result<T> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let note = match step()? {
                Ok(value) => return Ok(value),
                Err(note) => note,
            };
            if Instant::now() >= deadline {
                bail!(
                    "{}: timed out after {TIMEOUT:?} waiting for {what}{note}; last screen:\n{}",
                    self.session,
                    self.capture()?
                );
            }
            std::thread::sleep(every);
        }
    }

    /// Waits until the screen satisfies `check` and a second capture agrees with the first
    /// (a frame written in several pieces is not mistaken for the finished one).
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> anyhow::Result<String> {
        let mut last = String::new();
        self.poll(what, POLL, || {
            let screen = self.capture()?;
            if check(&screen) && screen == last {
                return Ok(Ok(screen));
            }
            last = screen;
            Ok(Err(String::new()))
        })
    }

    /// `wait_for`, then until the screen has stayed the same for `QUIET`: output that
    /// crosses a network link may pause for longer than a poll in the middle of a frame.
    pub fn wait_settled(&self, what: &str, check: impl Fn(&str) -> bool) -> anyhow::Result<String> {
        let mut last = self.wait_for(what, check)?;
        let mut since = Instant::now();
        self.poll(&format!("the screen to settle after {what}"), POLL, || {
            let screen = self.capture()?;
            if screen != last {
                last = screen;
                since = Instant::now();
            } else if since.elapsed() >= QUIET {
                return Ok(Ok(screen));
            }
            Ok(Err(String::new()))
        })
    }

    /// Waits until the format gives `want`.
    pub fn wait_format(&self, format: &str, want: &str) -> anyhow::Result<()> {
        self.poll(&format!("{format} = {want}"), POLL, || {
            let got = self.format(format)?;
            Ok(if got == want {
                Ok(())
            } else {
                Err(format!(" (is {got})"))
            })
        })
    }

    /// Waits for the pane's command to end (kept by remain-on-exit) and returns its status:
    /// from the file the pane's shell writes, or else from `#{pane_dead_status}` (a command
    /// that `exec`s writes no file), whichever comes first. (A dead pane reports its
    /// cursor hidden whatever the program did: read the cursor from a live pane.)
    pub fn wait_dead(&self) -> anyhow::Result<i32> {
        self.wait_format("#{pane_dead}", "1")?;
        let file = self.server.status_file(&self.session);
        self.poll("the dead pane's exit status", POLL, || {
            let written = std::fs::read_to_string(&file).unwrap_or_default();
            if let Some(line) = written.strip_suffix('\n') {
                let status = line.trim().parse();
                return Ok(Ok(
                    status.with_context(|| format!("status file {written:?}"))?
                ));
            }
            let status = self.format("#{pane_dead_status}")?;
            Ok(status
                .parse()
                .map_err(|_| " (none yet: killed by a signal?)".to_string()))
        })
    }
}
