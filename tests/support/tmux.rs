//! The binary in panes of a private tmux server (`tmux -L NAME -f /dev/null`): keys go in
//! with `send-keys`, the screen comes out with `capture-pane -p`, pane state with
//! `display-message -p '#{...}'`. One `Tmux` is one session's pane; `new_session` opens
//! another on the same server. The server is killed, and its socket file removed (tmux
//! 3.3a leaves it behind), when the last of them drops.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

use super::{POLL, TIMEOUT, base_env, wait_until};

static SERVERS: AtomicUsize = AtomicUsize::new(0);

/// How long a screen must stay the same to count as settled (`wait_settled`).
const QUIET: Duration = Duration::from_millis(100);

/// How to open a session: its name, the shell command its pane runs, the window's size and
/// name, and the global options set before it starts (by default `remain-on-exit on`, so
/// a dead pane can be read, and `set-clipboard on`, so OSC 52 from the pane lands in
/// tmux's paste buffers).
pub struct Session<'a> {
    name: &'a str,
    command: &'a str,
    cols: u16,
    rows: u16,
    window: Option<&'a str>,
    options: Vec<(&'a str, &'a str)>,
}

impl<'a> Session<'a> {
    /// A 100×30 session.
    pub fn new(name: &'a str, command: &'a str) -> Self {
        Self {
            name,
            command,
            cols: 100,
            rows: 30,
            window: None,
            options: vec![("remain-on-exit", "on"), ("set-clipboard", "on")],
        }
    }

    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.cols = cols;
        self.rows = rows;
        self
    }

    /// The window's name (`new-session -n`).
    pub fn window(mut self, name: &'a str) -> Self {
        self.window = Some(name);
        self
    }

    /// One more global option (`set-option -g NAME VALUE`), set before the pane starts.
    pub fn option(mut self, name: &'a str, value: &'a str) -> Self {
        self.options.push((name, value));
        self
    }
}

/// The server: its socket, and the environment and home every tmux command runs with.
struct Server {
    socket: String,
    /// Where the socket file is, as the server says (`#{socket_path}`).
    socket_path: PathBuf,
    env: Vec<(String, OsString)>,
    home: tempfile::TempDir,
}

impl Server {
    fn command(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.env_clear().envs(self.env.iter().map(|(k, v)| (k, v)));
        cmd.args(["-L", &self.socket, "-f", "/dev/null"]);
        cmd
    }

    fn run(&self, args: &[&str]) -> anyhow::Result<String> {
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

    /// Where the session's pane writes its command's exit status.
    fn status_file(&self, session: &str) -> PathBuf {
        self.home.path().join(format!(".{session}.status"))
    }

    /// Sets the session's options and opens it, its command followed by a line that writes
    /// the command's status to a file (unless the command `exec`s): tmux 3.3a sometimes
    /// leaves a dead pane's process unreaped for many seconds, `#{pane_dead_status}` empty
    /// all the while.
    fn open(&self, session: &Session<'_>) -> anyhow::Result<()> {
        let status = self.status_file(session.name);
        let command = format!(
            "{}\necho $? > {}",
            session.command,
            quote(&status.to_string_lossy())
        );
        let (cols, rows) = (session.cols.to_string(), session.rows.to_string());
        let mut args = Vec::new();
        for (name, value) in &session.options {
            args.extend(["set-option", "-g", name, value, ";"]);
        }
        args.extend(["new-session", "-d", "-s", session.name]);
        if let Some(window) = session.window {
            args.extend(["-n", window]);
        }
        let root = super::repo_root();
        let root = root.to_string_lossy();
        args.extend(["-x", &cols, "-y", &rows, "-c", &root, &command]);
        self.run(&args)?;
        Ok(())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.command().arg("kill-server").output();
        // kill-server returns before the server is gone: wait until it answers no more.
        wait_until(TIMEOUT, || {
            !self
                .command()
                .arg("list-sessions")
                .output()
                .is_ok_and(|out| out.status.success())
        });
        let _ = std::fs::remove_file(&self.socket_path);
    }
}

/// One session's pane on a private server.
pub struct Tmux {
    server: Rc<Server>,
    session: String,
    target: String,
}

impl Tmux {
    /// A 100×30 session named `brief` running `command`. Ok(None) when tmux is missing and
    /// CI is not set (the test says it skipped).
    pub fn start(test: &str, command: &str) -> anyhow::Result<Option<Self>> {
        Self::launch(test, Session::new("brief", command))
    }

    /// A new server with `session` open on it; Ok(None) as for `start`.
    pub fn launch(test: &str, session: Session<'_>) -> anyhow::Result<Option<Self>> {
        if !super::require_tool("tmux", "-V", test)? {
            return Ok(None);
        }
        let home = tempfile::tempdir()?;
        let serial = SERVERS.fetch_add(1, Ordering::SeqCst);
        let socket = format!("brief-test-{}-{serial}", std::process::id());
        // Where tmux puts the socket of `-L NAME` when TMUX_TMPDIR is not set: the path
        // to remove if the server never says (it failed to start).
        let uid = rustix::process::getuid().as_raw();
        let mut server = Server {
            socket_path: PathBuf::from(format!("/tmp/tmux-{uid}/{socket}")),
            socket,
            env: base_env(home.path()),
            home,
        };
        server.open(&session)?;
        let path = server.run(&["display-message", "-p", "#{socket_path}"])?;
        server.socket_path = PathBuf::from(path.trim_end_matches('\n'));
        Ok(Some(Self::on(Rc::new(server), session.name)))
    }

    fn on(server: Rc<Server>, session: &str) -> Self {
        Self {
            server,
            session: session.to_string(),
            target: format!("{session}:0.0"),
        }
    }

    /// Another session on the same server (its options set first).
    pub fn new_session(&self, session: Session<'_>) -> anyhow::Result<Self> {
        self.server.open(&session)?;
        Ok(Self::on(Rc::clone(&self.server), session.name))
    }

    /// The private home the server and panes run with.
    pub fn home(&self) -> &Path {
        self.server.home.path()
    }

    /// The server's socket file, removed once every session's `Tmux` has dropped.
    pub fn socket_path(&self) -> &Path {
        &self.server.socket_path
    }

    /// The pane, as a `-t` target.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// Runs a tmux command on the server and returns its standard output; fails on a
    /// non-zero status.
    pub fn run(&self, args: &[&str]) -> anyhow::Result<String> {
        self.server.run(args)
    }

    /// A format (`#{pane_dead}`, `#{alternate_on}`...) evaluated for the pane.
    pub fn format(&self, format: &str) -> anyhow::Result<String> {
        let out = self.run(&["display-message", "-p", "-t", &self.target, format])?;
        Ok(out.trim_end_matches('\n').to_string())
    }

    /// Keys by tmux name (`Tab`, `Escape`, `C-z`, `Enter`) or as literal text with `-l`.
    pub fn send_keys(&self, keys: &[&str]) -> anyhow::Result<()> {
        let mut args = vec!["send-keys", "-t", &self.target];
        args.extend_from_slice(keys);
        self.run(&args)?;
        Ok(())
    }

    pub fn send_text(&self, text: &str) -> anyhow::Result<()> {
        self.send_keys(&["-l", text])
    }

    /// The visible screen of the pane, one line per row.
    pub fn capture(&self) -> anyhow::Result<String> {
        self.run(&["capture-pane", "-p", "-t", &self.target])
    }

    /// The pane's whole history and screen, wrapped lines joined.
    pub fn capture_history(&self) -> anyhow::Result<String> {
        self.run(&["capture-pane", "-p", "-J", "-S", "-", "-t", &self.target])
    }

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

    pub fn resize(&self, cols: u16, rows: u16) -> anyhow::Result<()> {
        let (cols, rows) = (cols.to_string(), rows.to_string());
        let window = format!("{}:0", self.session);
        self.run(&["resize-window", "-t", &window, "-x", &cols, "-y", &rows])?;
        Ok(())
    }

    /// The newest paste buffer (where OSC 52 from a pane goes with set-clipboard on).
    pub fn paste_buffer(&self) -> anyhow::Result<String> {
        self.run(&["show-buffer"])
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
