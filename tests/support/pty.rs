//! The binary in a pseudo-terminal (portable-pty), its output fed to a vt100 parser by a
//! reader thread that also keeps every raw byte, for assertions on escape sequences.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::Instant;

use anyhow::{Context, bail};
use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

use super::{POLL, SYNC_BEGIN, SYNC_END, TIMEOUT, base_env};

/// What the reader thread has seen.
pub struct Output {
    pub parser: vt100::Parser,
    pub raw: Vec<u8>,
    /// Frames finished so far (synchronized updates begun and ended).
    pub frames: usize,
    /// A synchronized update is open: the screen may hold half a frame.
    pub in_frame: bool,
    /// Where the search for frame markers goes on from.
    scanned: usize,
    /// The reader saw end of file or an error: the child and every copy of the slave closed.
    pub eof: bool,
}

impl Output {
    /// No synchronized update is open: the screen holds whole frames only.
    pub fn between_frames(&self) -> bool {
        !self.in_frame
    }

    /// Follows the frame markers in the bytes not yet searched. An end with no begin (the
    /// one brief sends when it restores the terminal, in case a frame was cut off) is not
    /// a frame.
    fn scan_markers(&mut self) {
        let len = SYNC_BEGIN.len();
        while self.scanned + len <= self.raw.len() {
            let window = &self.raw[self.scanned..self.scanned + len];
            if window == SYNC_BEGIN {
                self.in_frame = true;
            } else if window == SYNC_END && self.in_frame {
                self.in_frame = false;
                self.frames += 1;
            }
            self.scanned += 1;
        }
    }

    pub fn screen_text(&self) -> String {
        self.parser.screen().contents()
    }
}

struct Shared {
    output: Mutex<Output>,
    changed: Condvar,
    /// The reader thread stops, closing its copy of the master, once this many frames have
    /// ended and none is open; `usize::MAX`: never.
    stop_after: AtomicUsize,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Output> {
        self.output.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes new bytes; true when the reader should stop now.
    fn feed(&self, bytes: &[u8]) -> bool {
        let mut out = self.lock();
        out.raw.extend_from_slice(bytes);
        out.scan_markers();
        out.parser.process(bytes);
        self.changed.notify_all();
        out.frames >= self.stop_after.load(Ordering::SeqCst) && out.between_frames()
    }
}

/// How to start the binary.
pub struct Launch {
    args: Vec<OsString>,
    env: Vec<(String, OsString)>,
    cols: u16,
    rows: u16,
    controlling_tty: bool,
    through_shell: bool,
    new_pid_namespace: bool,
    home: tempfile::TempDir,
}

/// Runs brief, then shows the terminal's line discipline settings and brief's exit status
/// on the screen: proof that raw mode was switched off, seen from the same terminal.
const SHELL_AFTER: &str = r#""$0" "$@"; status=$?; stty -a; echo "exit=$status""#;

impl Launch {
    /// `brief ARGS` at 100×30 in the repository root, with `base_env`.
    pub fn new(args: &[&str]) -> anyhow::Result<Self> {
        let home = tempfile::tempdir()?;
        Ok(Self {
            args: args.iter().map(OsString::from).collect(),
            env: base_env(home.path()),
            cols: 100,
            rows: 30,
            controlling_tty: true,
            through_shell: false,
            new_pid_namespace: false,
            home,
        })
    }

    pub fn env(mut self, name: &str, value: &str) -> Self {
        self.unset_in_place(name);
        self.env.push((name.into(), value.into()));
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

    fn command(&self) -> CommandBuilder {
        if self.new_pid_namespace {
            let mut cmd = CommandBuilder::new("unshare");
            // `; exit` keeps the shell from exec'ing brief, so brief's parent is inside.
            cmd.args(["--pid", "--fork", "--mount-proc", "sh", "-c"]);
            cmd.args([r#""$0" "$@"; exit $?"#, super::brief_bin()]);
            return cmd;
        }
        if self.through_shell {
            let mut cmd = CommandBuilder::new("sh");
            cmd.args(["-c", SHELL_AFTER, super::brief_bin()]);
            return cmd;
        }
        CommandBuilder::new(super::brief_bin())
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
        cmd.cwd(super::repo_root());
        cmd.set_controlling_tty(self.controlling_tty);
        let child = pair.slave.spawn_command(cmd)?;
        // Our copy of the slave must go, or the reader never sees end of file.
        drop(pair.slave);
        Pty::attach(pair.master, child, self.rows, self.cols, self.home)
    }
}

/// A running `brief` in a pty. Dropping it kills the child.
pub struct Pty {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    shared: Arc<Shared>,
    reader: Option<JoinHandle<()>>,
    status: Option<ExitStatus>,
    _home: tempfile::TempDir,
}

impl Pty {
    fn attach(
        master: Box<dyn MasterPty + Send>,
        child: Box<dyn Child + Send + Sync>,
        rows: u16,
        cols: u16,
        home: tempfile::TempDir,
    ) -> anyhow::Result<Self> {
        let shared = Arc::new(Shared {
            output: Mutex::new(Output {
                parser: vt100::Parser::new(nonzero(rows)?, nonzero(cols)?, 0),
                raw: Vec::new(),
                frames: 0,
                in_frame: false,
                scanned: 0,
                eof: false,
            }),
            changed: Condvar::new(),
            stop_after: AtomicUsize::new(usize::MAX),
        });
        let reader = spawn_reader(master.try_clone_reader()?, Arc::clone(&shared));
        Ok(Self {
            writer: Some(master.take_writer()?),
            master: Some(master),
            child,
            shared,
            reader: Some(reader),
            status: None,
            _home: home,
        })
    }

    pub fn pid(&self) -> anyhow::Result<u32> {
        self.child
            .process_id()
            .context("the child has no process id")
    }

    /// Writes bytes as if typed.
    pub fn send(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        let writer = self.writer.as_mut().context("the pty was hung up")?;
        writer.write_all(bytes)?;
        writer.flush()?;
        Ok(())
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
    /// drawn for the new size is parsed at the old one.
    pub fn resize(&mut self, cols: u16, rows: u16) -> anyhow::Result<()> {
        let size = (nonzero(rows)?, nonzero(cols)?);
        self.shared
            .lock()
            .parser
            .screen_mut()
            .set_size(size.0, size.1);
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
        self.writer = None;
        self.master = None;
        Ok(())
    }

    /// Waits for the child to exit and returns how.
    pub fn wait_exit(&mut self) -> anyhow::Result<ExitStatus> {
        if let Some(status) = &self.status {
            return Ok(status.clone());
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait()? {
                self.status = Some(status.clone());
                return Ok(status);
            }
            if Instant::now() >= deadline {
                bail!(
                    "brief did not exit within {TIMEOUT:?}; last screen:\n{}",
                    self.screen_text()
                );
            }
            std::thread::sleep(POLL);
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
fn nonzero(cells: u16) -> anyhow::Result<std::num::NonZeroU16> {
    std::num::NonZeroU16::new(cells).context("vt100 cannot emulate a screen 0 cells wide or high")
}

fn spawn_reader(mut reader: Box<dyn Read + Send>, shared: Arc<Shared>) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let mut buf = [0u8; 16 * 1024];
        loop {
            match reader.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    if shared.feed(&buf[..n]) {
                        break;
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                // EIO: every slave descriptor is closed.
                Err(_) => break,
            }
        }
        shared.lock().eof = true;
        shared.changed.notify_all();
    })
}

impl Drop for Pty {
    fn drop(&mut self) {
        if self.status.is_none() {
            // SIGKILL: whatever state the child is in, it goes.
            if let Ok(pid) = self.pid() {
                let _ = super::process::send_signal(pid, rustix::process::Signal::KILL);
            }
            let _ = self.child.wait();
        }
        self.writer = None;
        self.master = None;
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
