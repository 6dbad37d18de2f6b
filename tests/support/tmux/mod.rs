//! The binary in panes of a private tmux server (`tmux -L NAME -f /dev/null`): keys go in
//! with `send-keys`, the screen comes out with `capture-pane -p`, pane state with
//! `display-message -p '#{...}'`. One `Tmux` is one session's pane; `new_session` opens
//! another on the same server. The server is killed, and its socket file removed (tmux
//! 3.3a leaves it behind), when the last of them drops.

mod server;
mod session;
mod waits;

use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::base_env;
use server::Server;
pub use session::Session;

static SERVERS: AtomicUsize = AtomicUsize::new(0);

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
