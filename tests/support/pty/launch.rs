//! How to start a program in the pty: which program, its arguments, environment, size and
//! working folder, and the few set-ups some tests need (no controlling terminal, a shell
//! around brief, a PID namespace, answers to terminal queries).

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

use super::output::{Output, Shared, Writer, spawn_reader};
use super::{Pty, nonzero};
use crate::support::base_env;

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
            cwd: crate::support::repo_root(),
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
        let brief = OsString::from(crate::support::brief_bin());
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
        let output = Output::new(nonzero(self.rows), nonzero(self.cols));
        let shared = Arc::new(Shared::new(output));
        let writer: Writer = Arc::new(Mutex::new(Some(pair.master.take_writer()?)));
        let answer = self.answer_queries.then(|| Arc::clone(&writer));
        // Started before the child, so that starting it neither takes a core from the
        // child's start nor is timed with it. It waits in its read meanwhile: our copy of
        // the slave keeps the pty open.
        let reader = spawn_reader(pair.master.try_clone_reader()?, Arc::clone(&shared), answer);
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd)?;
        // Our copy of the slave must go, or the reader never sees end of file.
        drop(pair.slave);
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
