//! brief over a real SSH link: OpenSSH's sshd on 127.0.0.1 on a free high port, with a
//! host key and a user key made for the run, key authentication only; `ssh -tt` to it
//! inside a private tmux server, brief on the far side. Proves that the Arabic seed
//! briefing renders the same rows as the same run without SSH, that keys navigate, that
//! the OSC 52 copy reaches tmux's paste buffer, that killing the ssh client ends brief
//! (SIGHUP, status 129) with no process left behind, and that without LANG forwarded
//! brief refuses to draw mojibake. Everything it creates is removed at the end.
//!
//! Needs sshd, ssh, ssh-keygen and tmux: without them the test says it skipped, and fails
//! when CI is set. It runs as whoever runs the tests (root in CI: `PermitRootLogin
//! prohibit-password`).

// Tests fail by panicking: `expect` says what was being done when it failed.
#![allow(clippy::expect_used)]

#[path = "../support/mod.rs"]
mod support;

mod sshd;
mod steps;

use std::path::{Path, PathBuf};

use sshd::{SSHD, Sshd, have, keygen, start_sshd, user};
use support::tmux::{Session, Tmux, quote};

const COLS: u16 = 100;
const ROWS: u16 = 30;

/// What both ends of the link run: sshd with its keys in `dir`, and the commands that
/// start brief on the seed briefing locally and through ssh.
struct Link<'a> {
    dir: &'a Path,
    user: String,
    sshd: Sshd,
    port: u16,
    brief: PathBuf,
    seed: PathBuf,
    /// Where the far side writes brief's exit status.
    status_file: PathBuf,
}

impl<'a> Link<'a> {
    /// A host key and a user key made for the run, the user key authorized, sshd started.
    fn set_up(dir: &'a Path) -> Self {
        let user = user();
        keygen(&dir.join("host_key"));
        keygen(&dir.join("user_key"));
        std::fs::copy(dir.join("user_key.pub"), dir.join("authorized_keys"))
            .expect("authorized_keys");
        let (sshd, port) = start_sshd(dir, &user);
        Self {
            dir,
            user,
            sshd,
            port,
            brief: PathBuf::from(support::brief_bin()),
            seed: support::briefings_dir().join("libya-ohchr-geneva.json"),
            status_file: dir.join("remote-status"),
        }
    }

    /// The far side runs through the login shell (bash -c): `trap : HUP` lets that shell
    /// outlive the hang-up just long enough to write brief's exit status.
    fn remote_command(&self) -> String {
        format!(
            "trap : HUP; {} {} {}; echo $? > {}",
            self.own_dirs(),
            quote(self.brief.to_str().expect("utf-8")),
            quote(self.seed.to_str().expect("utf-8")),
            quote(self.status_file.to_str().expect("utf-8")),
        )
    }

    /// `ssh -tt` to the far side, forwarding LANG if `send_env`.
    fn ssh(&self, send_env: bool) -> String {
        format!(
            "exec ssh -F /dev/null -tt {env} -o StrictHostKeyChecking=no \
             -o UserKnownHostsFile={known} -o GlobalKnownHostsFile=/dev/null \
             -o IdentitiesOnly=yes -o BatchMode=yes -o LogLevel=ERROR \
             -i {key} -p {port} -l {user} 127.0.0.1 {remote}",
            env = if send_env { "-o SendEnv=LANG" } else { "" },
            known = self.dir.join("known_hosts").display(),
            key = self.dir.join("user_key").display(),
            port = self.port,
            user = self.user,
            remote = quote(&self.remote_command()),
        )
    }

    /// No config file, and the review state and index in the test's folder: brief marks
    /// the briefing it opens read, which must not reach the real home.
    fn own_dirs(&self) -> String {
        let dir = |name: &str| quote(self.dir.join(name).to_str().expect("utf-8"));
        format!(
            "XDG_CONFIG_HOME=/nonexistent XDG_STATE_HOME={} XDG_CACHE_HOME={}",
            dir("state"),
            dir("cache")
        )
    }

    fn local_command(&self) -> String {
        format!(
            "{} exec {} {}",
            self.own_dirs(),
            quote(self.brief.to_str().expect("utf-8")),
            quote(self.seed.to_str().expect("utf-8"))
        )
    }
}

#[test]
fn brief_over_a_real_ssh_link() {
    let test = "brief_over_a_real_ssh_link";
    for tool in [SSHD, "ssh", "ssh-keygen", "tmux"] {
        if !have(tool, test) {
            return;
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let link = Link::set_up(dir.path());
    let local_command = link.local_command();
    let local_session = Session::new("local", &local_command).size(COLS, ROWS);
    let Some(local) = Tmux::launch(test, local_session).expect("start tmux") else {
        return;
    };
    let remote = local
        .new_session(Session::new("remote", &link.ssh(true)).size(COLS, ROWS))
        .expect("open the ssh session");

    steps::same_rows_over_ssh(&link, &local, &remote);
    steps::copy_reaches_the_paste_buffer(&remote);
    steps::keys_navigate_alike(&local, &remote);
    let local_pid = steps::pane_pid(&local);
    steps::killing_ssh_hangs_up_the_far_side(&link, local_pid, &remote);
    let nolang = steps::refused_without_lang(&link, &local);
    steps::quit_and_leave_nothing(link, local_pid, (local, remote, nolang));
}
