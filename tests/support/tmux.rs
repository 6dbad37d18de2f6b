//! The binary in a pane of a private tmux server (`tmux -L NAME -f /dev/null`): keys go in
//! with `send-keys`, the screen comes out with `capture-pane -p`, pane state with
//! `display-message -p '#{...}'`. The server is killed when the value drops.

use std::ffi::OsString;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{Context, bail};

use super::{POLL, TIMEOUT, base_env};

static SERVERS: AtomicUsize = AtomicUsize::new(0);

/// Where the one session's pane is.
const TARGET: &str = "brief:0.0";

pub struct Tmux {
    socket: String,
    env: Vec<(String, OsString)>,
    home: tempfile::TempDir,
}

impl Tmux {
    /// Ok(None) when tmux is missing and CI is not set (the test says it skipped).
    pub fn start(test: &str, command: &str) -> anyhow::Result<Option<Self>> {
        Self::start_sized(test, command, 100, 30)
    }

    /// A detached session of `cols`×`rows` whose pane runs `command` (through `sh -c`), with
    /// `remain-on-exit on` so the exit status can be read, and `set-clipboard on` so OSC 52
    /// from the pane lands in tmux's paste buffers.
    pub fn start_sized(
        test: &str,
        command: &str,
        cols: u16,
        rows: u16,
    ) -> anyhow::Result<Option<Self>> {
        if !super::require_tool("tmux", "-V", test)? {
            return Ok(None);
        }
        let home = tempfile::tempdir()?;
        let serial = SERVERS.fetch_add(1, Ordering::SeqCst);
        let tmux = Self {
            socket: format!("brief-test-{}-{serial}", std::process::id()),
            env: base_env(home.path()),
            home,
        };
        let (cols, rows) = (cols.to_string(), rows.to_string());
        tmux.run(&[
            "set-option",
            "-g",
            "remain-on-exit",
            "on",
            ";",
            "set-option",
            "-g",
            "set-clipboard",
            "on",
            ";",
            "new-session",
            "-d",
            "-s",
            "brief",
            "-x",
            &cols,
            "-y",
            &rows,
            "-c",
            &super::repo_root().to_string_lossy(),
            command,
        ])?;
        Ok(Some(tmux))
    }

    /// The private home the server and pane run with.
    pub fn home(&self) -> &std::path::Path {
        self.home.path()
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.env_clear().envs(self.env.iter().map(|(k, v)| (k, v)));
        cmd.args(["-L", &self.socket, "-f", "/dev/null"]);
        cmd
    }

    /// Runs a tmux command and returns its standard output; fails on a non-zero status.
    pub fn run(&self, args: &[&str]) -> anyhow::Result<String> {
        let out: Output = self.command().args(args).output().context("running tmux")?;
        if !out.status.success() {
            bail!(
                "tmux {args:?} failed ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// A format (`#{pane_dead}`, `#{alternate_on}`...) evaluated for the pane.
    pub fn format(&self, format: &str) -> anyhow::Result<String> {
        let out = self.run(&["display-message", "-p", "-t", TARGET, format])?;
        Ok(out.trim_end_matches('\n').to_string())
    }

    /// Keys by tmux name (`Tab`, `Escape`, `C-z`, `Enter`) or as literal text with `-l`.
    pub fn send_keys(&self, keys: &[&str]) -> anyhow::Result<()> {
        let mut args = vec!["send-keys", "-t", TARGET];
        args.extend_from_slice(keys);
        self.run(&args)?;
        Ok(())
    }

    pub fn send_text(&self, text: &str) -> anyhow::Result<()> {
        self.run(&["send-keys", "-t", TARGET, "-l", text])?;
        Ok(())
    }

    /// The visible screen of the pane, one line per row.
    pub fn capture(&self) -> anyhow::Result<String> {
        self.run(&["capture-pane", "-p", "-t", TARGET])
    }

    /// Waits until the screen satisfies `check` and a second capture agrees with the first
    /// (a frame written in several pieces is not mistaken for the finished one).
    pub fn wait_for(&self, what: &str, check: impl Fn(&str) -> bool) -> anyhow::Result<String> {
        let deadline = Instant::now() + TIMEOUT;
        let mut last = String::new();
        loop {
            let screen = self.capture()?;
            if check(&screen) && screen == last {
                return Ok(screen);
            }
            if Instant::now() >= deadline {
                bail!("timed out after {TIMEOUT:?} waiting for {what}; last screen:\n{screen}");
            }
            last = screen;
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the format gives `want`.
    pub fn wait_format(&self, format: &str, want: &str) -> anyhow::Result<()> {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let got = self.format(format)?;
            if got == want {
                return Ok(());
            }
            if Instant::now() >= deadline {
                bail!(
                    "timed out after {TIMEOUT:?} waiting for {format} = {want} (is {got}); \
                     last screen:\n{}",
                    self.capture()?
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits for the pane's command to end (kept by remain-on-exit) and returns its status.
    /// tmux marks the pane dead when its terminal closes, and learns the status a moment
    /// later, so wait for both. (A dead pane reports its cursor hidden whatever the program
    /// did: read the cursor from a live pane.)
    pub fn wait_dead(&self) -> anyhow::Result<i32> {
        self.wait_format("#{pane_dead}", "1")?;
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let status = self.format("#{pane_dead_status}")?;
            if let Ok(status) = status.parse() {
                return Ok(status);
            }
            if Instant::now() >= deadline {
                bail!("no exit status for the dead pane (killed by a signal?)");
            }
            std::thread::sleep(POLL);
        }
    }

    pub fn resize(&self, cols: u16, rows: u16) -> anyhow::Result<()> {
        let (cols, rows) = (cols.to_string(), rows.to_string());
        self.run(&["resize-window", "-t", "brief:0", "-x", &cols, "-y", &rows])?;
        Ok(())
    }

    /// The newest paste buffer (where OSC 52 from the pane goes with set-clipboard on).
    pub fn paste_buffer(&self) -> anyhow::Result<String> {
        self.run(&["show-buffer"])
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").output();
    }
}

/// A shell command line that runs the binary with `args`, each single-quoted.
pub fn brief_command(args: &[&str]) -> String {
    let mut line = quote(super::brief_bin());
    for arg in args {
        line.push(' ');
        line.push_str(&quote(arg));
    }
    line
}

/// POSIX single quoting.
pub fn quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}
