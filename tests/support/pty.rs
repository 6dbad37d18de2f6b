//! A program (brief, or a shell, or `less` for the benchmarks) in a pseudo-terminal
//! (portable-pty). A reader thread keeps every byte it writes and feeds a vt100 screen
//! that records what escape sequences would do to a terminal; the frames brief draws are
//! counted where its synchronized updates end, and timed when they are read. Waiting is
//! always polling with a timeout, failing with the last screen.
//!
//! One harness for the end-to-end tests (the waits here), the hostile-input tests
//! (`polling`) and the terminal benchmarks (`timing`).

mod output;
mod polling;
mod timing;

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Instant;

use anyhow::{Context, bail};
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub use output::Output;
use output::{Shared, Writer, spawn_reader};

use super::{POLL, TIMEOUT, base_env};

/// How to start the program.
pub struct Launch {
    program: Option<OsString>,
    args: Vec<OsString>,
    env: Vec<(String, OsString)>,
    cols: u16,
    rows: u16,
    cwd: PathBuf,
    controlling_tty: bool,
    through_shell: bool,
    new_pid_namespace: bool,
    answer_queries: bool,
    home: Option<tempfile::TempDir>,
}

/// Runs brief, then shows the terminal's line discipline settings and brief's exit status
/// on the screen: proof that raw mode was switched off, seen from the same terminal.
const SHELL_AFTER: &str = r#""$0" "$@"; status=$?; stty -a; echo "exit=$status""#;

impl Launch {
    /// `brief ARGS` at 100×30 in the repository root, with `base_env` and a home of its own.
    pub fn new(args: &[&str]) -> anyhow::Result<Self> {
        let home = tempfile::tempdir()?;
        Ok(Self {
            program: None,
            args: args.iter().map(OsString::from).collect(),
            env: base_env(home.path()),
            cols: 100,
            rows: 30,
            cwd: super::repo_root(),
            controlling_tty: true,
            through_shell: false,
            new_pid_namespace: false,
            answer_queries: false,
            home: Some(home),
        })
    }

    /// Another program than brief, set up the same way.
    pub fn program(program: impl AsRef<OsStr>, args: &[&str]) -> anyhow::Result<Self> {
        let mut launch = Self::new(args)?;
        launch.program = Some(program.as_ref().to_owned());
        Ok(launch)
    }

    /// Runs in `dir` with it as the home (and configuration) folder, instead of a new one.
    pub fn in_home(mut self, dir: &Path) -> Self {
        self.env = base_env(dir);
        self.cwd = dir.to_path_buf();
        self.home = None;
        self
    }

    pub fn env(mut self, name: &str, value: impl AsRef<OsStr>) -> Self {
        self.unset_in_place(name);
        self.env.push((name.into(), value.as_ref().to_owned()));
        self
    }

    pub fn unset(mut self, name: &str) -> Self {
        self.unset_in_place(name);
        self
    }

    fn unset_in_place(&mut self, name: &str) {
        self.env.retain(|(k, _)| k != name);
    }

    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.cols = cols;
        self.rows = rows;
        self
    }

    /// Without a controlling terminal the kernel sends no SIGHUP when the pty hangs up:
    /// only brief's own hang-up detection can end it then.
    pub fn no_controlling_tty(mut self) -> Self {
        self.controlling_tty = false;
        self
    }

    /// Runs brief under `sh -c`, which after it exits runs `stty -a` and prints `exit=N`
    /// (see `stty_after_exit`). Signals sent to `Pty::pid` then go to the shell.
    pub fn through_shell(mut self) -> Self {
        self.through_shell = true;
        self
    }

    /// Runs brief in a new PID namespace under a shell that waits for it, while the pty's
    /// session leader stays outside: brief then sees 0 as its session and group ids, as in
    /// a container started from outside. Needs `unshare` and the right to use it.
    pub fn in_new_pid_namespace(mut self) -> Self {
        self.new_pid_namespace = true;
        self
    }

    /// Answers the terminal queries a program may send at start-up (cursor position,
    /// device attributes), as a real terminal does, so that nothing waits on a timeout.
    pub fn answering_queries(mut self) -> Self {
        self.answer_queries = true;
        self
    }

    fn command(&self) -> CommandBuilder {
        let brief = OsString::from(super::brief_bin());
        let program = self.program.as_ref().unwrap_or(&brief);
        if self.new_pid_namespace {
            let mut cmd = CommandBuilder::new("unshare");
            // `; exit` keeps the shell from exec'ing brief, so brief's parent is inside.
            cmd.args(["--pid", "--fork", "--mount-proc", "sh", "-c"]);
            cmd.arg(r#""$0" "$@"; exit $?"#);
            cmd.arg(program);
            return cmd;
        }
        if self.through_shell {
            let mut cmd = CommandBuilder::new("sh");
            cmd.args(["-c", SHELL_AFTER]);
            cmd.arg(program);
            return cmd;
        }
        CommandBuilder::new(program)
    }

    pub fn spawn(self) -> anyhow::Result<Pty> {
        let size = PtySize {
            rows: self.rows,
            cols: self.cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pair = native_pty_system().openpty(size)?;
        let mut cmd = self.command();
        cmd.args(&self.args);
        cmd.env_clear();
        for (name, value) in &self.env {
            cmd.env(name, value);
        }
        cmd.cwd(&self.cwd);
        cmd.set_controlling_tty(self.controlling_tty);
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd)?;
        // Our copy of the slave must go, or the reader never sees end of file.
        drop(pair.slave);
        let output = Output::new(nonzero(self.rows), nonzero(self.cols));
        let shared = Arc::new(Shared::new(output));
        let writer: Writer = Arc::new(Mutex::new(Some(pair.master.take_writer()?)));
        let answer = self.answer_queries.then(|| Arc::clone(&writer));
        let reader = spawn_reader(pair.master.try_clone_reader()?, Arc::clone(&shared), answer);
        Ok(Pty {
            master: Some(pair.master),
            writer,
            child,
            shared,
            reader: Some(reader),
            status: None,
            started,
            _home: self.home,
        })
    }

    /// `spawn`, for tests that fail by panicking.
    pub fn start(self) -> Pty {
        self.spawn()
            .unwrap_or_else(|e| panic!("could not start the program in a pty: {e:#}"))
    }
}

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
            (out.frames > 0 && out.between_frames() && check(out.parser.screen()))
                .then(|| out.screen_text())
        })
    }

    /// Polls `check` on the output until it gives a value; fails after `TIMEOUT` with the
    /// last screen.
    pub fn wait<T>(&self, what: &str, check: impl Fn(&Output) -> Option<T>) -> anyhow::Result<T> {
        let deadline = Instant::now() + TIMEOUT;
        let mut out = self.shared.lock();
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
        }
    }

    pub fn screen_text(&self) -> String {
        self.shared.lock().screen_text()
    }

    /// Runs `f` on the output as it is now.
    pub fn with_output<T>(&self, f: impl FnOnce(&Output) -> T) -> T {
        f(&self.shared.lock())
    }

    pub fn raw(&self) -> Vec<u8> {
        self.shared.lock().raw.clone()
    }

    /// Resizes the emulated screen first, then the pty (which sends SIGWINCH), so no byte
    /// drawn for the new size is parsed at the old one. vt100 has no 0-cell screens: its
    /// grid stays at least 1×1.
    pub fn resize(&mut self, cols: u16, rows: u16) -> anyhow::Result<()> {
        self.shared
            .lock()
            .parser
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

/// Where a file under the repository is, for arguments.
pub fn repo_path(relative: &str) -> PathBuf {
    super::repo_root().join(relative)
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
