//! OpenSSH's sshd for one run: throwaway keys, a config that allows key authentication
//! only, and the server itself on a free port of 127.0.0.1.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::support::{TIMEOUT, wait_until};

pub const SSHD: &str = "/usr/sbin/sshd";

/// false: the tool is missing and the test should skip (never under CI).
pub fn have(tool: &str, test: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool} || test -x {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    crate::support::require(found, tool, test).unwrap_or_else(|e| panic!("{e}"))
}

pub fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn user() -> String {
    run(Command::new("id").arg("-un")).trim().to_owned()
}

/// The account's password field: `*` is a key-only account sshd lets in; `!…` is locked,
/// and with `UsePAM no` sshd refuses a locked account even with a good key.
fn account_locked(user: &str) -> bool {
    std::fs::read_to_string("/etc/shadow")
        .ok()
        .and_then(|shadow| {
            shadow
                .lines()
                .find(|l| l.split(':').next() == Some(user))
                .map(|l| l.split(':').nth(1).unwrap_or("").starts_with('!'))
        })
        .unwrap_or(false)
}

/// sshd, killed and waited for on drop; the privilege separation folder it needs is
/// removed too if this run created it.
pub struct Sshd {
    pub child: Child,
    pub made_privsep: bool,
    log: PathBuf,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if self.made_privsep {
            let _ = std::fs::remove_dir("/run/sshd");
        }
    }
}

impl Sshd {
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local addr").port()
}

pub fn keygen(path: &Path) {
    run(Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "brief-e2e-ssh", "-f"])
        .arg(path));
}

/// sshd's configuration: keys from `dir`, publickey only, `user` alone let in, LANG and
/// LC_* accepted from the client, no forwarding of any kind.
fn config(dir: &Path, user: &str, port: u16, pam: bool) -> String {
    format!(
        "Port {port}\n\
         ListenAddress 127.0.0.1\n\
         HostKey {dir}/host_key\n\
         PidFile {dir}/sshd.pid\n\
         AuthorizedKeysFile {dir}/authorized_keys\n\
         AuthenticationMethods publickey\n\
         PubkeyAuthentication yes\n\
         PasswordAuthentication no\n\
         KbdInteractiveAuthentication no\n\
         UsePAM {pam}\n\
         PermitRootLogin prohibit-password\n\
         StrictModes no\n\
         AllowUsers {user}\n\
         AcceptEnv LANG LC_*\n\
         X11Forwarding no\n\
         AllowTcpForwarding no\n\
         AllowAgentForwarding no\n\
         PermitTunnel no\n\
         PrintMotd no\n\
         PrintLastLog no\n\
         MaxStartups 10\n\
         LogLevel VERBOSE\n",
        dir = dir.display(),
        pam = if pam { "yes" } else { "no" },
    )
}

/// sshd running as root needs its privilege separation folder, which only the service
/// scripts create; a non-root sshd does without. Whether this run created it.
fn make_privsep() -> bool {
    let root = run(Command::new("id").arg("-u")).trim() == "0";
    if root && !Path::new("/run/sshd").exists() {
        std::fs::create_dir_all("/run/sshd").expect("create /run/sshd (sshd's privsep folder)");
        true
    } else {
        false
    }
}

/// Starts sshd on a free port; retries with another port if one was taken in between.
pub fn start_sshd(dir: &Path, user: &str) -> (Sshd, u16) {
    let made_privsep = make_privsep();
    let locked = account_locked(user);
    if locked {
        eprintln!(
            "e2e_ssh: account {user} is locked ('!' in /etc/shadow): using UsePAM yes, \
             with which sshd accepts a key for a locked account"
        );
    }
    let mut last_log = String::new();
    for _attempt in 0..5 {
        let port = free_port();
        match try_port(dir, config(dir, user, port, locked), port, made_privsep) {
            Ok(sshd) => return (sshd, port),
            Err(log) => last_log = log,
        }
    }
    if made_privsep {
        let _ = std::fs::remove_dir("/run/sshd");
    }
    panic!("sshd did not start on any port:\n{last_log}");
}

/// sshd with `config`, listening on `port`; or, if it did not start, its log.
fn try_port(dir: &Path, config: String, port: u16, made_privsep: bool) -> Result<Sshd, String> {
    let config_path = dir.join("sshd_config");
    std::fs::write(&config_path, config).expect("write sshd_config");
    run(Command::new(SSHD).arg("-t").arg("-f").arg(&config_path));
    let log = dir.join("sshd.log");
    let log_file = std::fs::File::create(&log).expect("sshd log");
    let child = Command::new(SSHD)
        .args(["-D", "-e", "-f"])
        .arg(&config_path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log_file)
        .spawn()
        .expect("start sshd");
    let mut sshd = Sshd {
        child,
        made_privsep,
        log,
    };
    let listening = wait_until(TIMEOUT, || {
        TcpStream::connect(("127.0.0.1", port)).is_ok()
            || sshd.child.try_wait().ok().flatten().is_some()
    });
    if listening && sshd.child.try_wait().ok().flatten().is_none() {
        return Ok(sshd);
    }
    // This attempt's folder state must not be removed by its drop: the next one uses it.
    sshd.made_privsep = false;
    Err(sshd.log())
}
