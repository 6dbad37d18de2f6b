//! The private tmux server the panes run on.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::{Command, Output};

use anyhow::{Context, bail};

use super::{Session, quote};
use crate::support::{TIMEOUT, wait_until};

/// The server: its socket, and the environment and home every tmux command runs with.
pub(super) struct Server {
    pub(super) socket: String,
    /// Where the socket file is, as the server says (`#{socket_path}`).
    pub(super) socket_path: PathBuf,
    pub(super) env: Vec<(String, OsString)>,
    pub(super) home: tempfile::TempDir,
}

impl Server {
    pub(super) fn command(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.env_clear().envs(self.env.iter().map(|(k, v)| (k, v)));
        cmd.args(["-L", &self.socket, "-f", "/dev/null"]);
        cmd
    }

    pub(super) fn run(&self, args: &[&str]) -> anyhow::Result<String> {
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
    pub(super) fn status_file(&self, session: &str) -> PathBuf {
        self.home.path().join(format!(".{session}.status"))
    }

    /// Sets the session's options and opens it, its command followed by a line that writes
    /// the command's status to a file (unless the command `exec`s): tmux 3.3a sometimes
    /// leaves a dead pane's process unreaped for many seconds, `#{pane_dead_status}` empty
    /// all the while.
    pub(super) fn open(&self, session: &Session<'_>) -> anyhow::Result<()> {
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
        let root = crate::support::repo_root();
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
