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

mod support_hostile;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use support_hostile::{POLL, TIMEOUT, bin, process_alive, processes_running, wait_until};

const SSHD: &str = "/usr/sbin/sshd";
const COLS: u16 = 100;
const ROWS: u16 = 30;

/// Ok(false): the tool is missing and the test should skip (never under CI).
fn have(tool: &str, test: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool} || test -x {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        if std::env::var_os("CI").is_some() {
            panic!("{test}: {tool} is missing and CI is set: .ci/run installs it");
        }
        eprintln!("SKIPPED {test}: {tool} is not installed");
    }
    found
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn user() -> String {
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
struct Sshd {
    child: Child,
    made_privsep: bool,
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
    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local addr").port()
}

fn keygen(path: &Path) {
    run(Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-C", "brief-e2e-ssh", "-f"])
        .arg(path));
}

/// Starts sshd on a free port; retries with another port if one was taken in between.
fn start_sshd(dir: &Path, user: &str) -> (Sshd, u16) {
    // sshd running as root needs its privilege separation folder, which only the service
    // scripts create; a non-root sshd does without.
    let root = run(Command::new("id").arg("-u")).trim() == "0";
    let made_privsep = if root && !Path::new("/run/sshd").exists() {
        std::fs::create_dir_all("/run/sshd").expect("create /run/sshd (sshd's privsep folder)");
        true
    } else {
        false
    };
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
        let config = format!(
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
            pam = if locked { "yes" } else { "no" },
        );
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
            return (sshd, port);
        }
        last_log = sshd.log();
        // This attempt's folder state must not be removed by its drop: the next one uses it.
        sshd.made_privsep = false;
    }
    if made_privsep {
        let _ = std::fs::remove_dir("/run/sshd");
    }
    panic!("sshd did not start on any port:\n{last_log}");
}

/// A private tmux server, killed on drop, and its socket file removed (tmux 3.3a leaves
/// it behind).
struct Tmux {
    socket: String,
    socket_path: Option<String>,
}

impl Tmux {
    fn cmd(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &self.socket, "-f", "/dev/null"]);
        cmd.env("LANG", "C.UTF-8");
        cmd.env_remove("TMUX");
        cmd
    }

    fn run(&self, args: &[&str]) -> String {
        run(self.cmd().args(args))
    }

    fn new_session(&mut self, name: &str, command: &str) {
        let (cols, rows) = (COLS.to_string(), ROWS.to_string());
        self.run(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            &cols,
            "-y",
            &rows,
            command,
        ]);
        if self.socket_path.is_none() {
            let path = self.run(&["display-message", "-p", "#{socket_path}"]);
            self.socket_path = Some(path.trim().to_owned());
        }
        // The options are per server once one exists (the first new-session starts it).
        self.run(&["set-option", "-g", "remain-on-exit", "on"]);
        self.run(&["set-option", "-s", "set-clipboard", "on"]);
    }

    fn capture(&self, target: &str) -> String {
        self.run(&["capture-pane", "-p", "-t", target])
    }

    fn display(&self, target: &str, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", target, format])
            .trim()
            .to_owned()
    }

    fn send(&self, target: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", target];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Polls until `pred` holds on the pane, then until two captures in a row agree.
    fn settled(&self, target: &str, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let ok = wait_until(TIMEOUT, || pred(&self.capture(target)));
        assert!(
            ok,
            "{what}: never happened in {target}\n{}",
            self.capture(target)
        );
        let mut last = self.capture(target);
        let deadline = std::time::Instant::now() + TIMEOUT;
        loop {
            std::thread::sleep(POLL * 5);
            let now = self.capture(target);
            if now == last || std::time::Instant::now() > deadline {
                return now;
            }
            last = now;
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().args(["kill-server"]).output();
        // kill-server returns before the server is gone: wait for it to stop answering.
        wait_until(TIMEOUT, || {
            !self
                .cmd()
                .args(["list-sessions"])
                .stderr(Stdio::null())
                .output()
                .is_ok_and(|o| o.status.success())
        });
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The seed briefing's first quotation, and its speaker's name, as the clipboard must
/// hold them (the briefing's text has no control characters, so nothing is replaced).
fn seed_quote() -> (String, String) {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/libya-ohchr-geneva.json");
    let value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(seed).expect("read seed")).expect("seed is JSON");
    let quote = &value["quotes"][0];
    let text = quote["text"].as_str().expect("quote text").to_owned();
    let speaker = quote["speaker"].as_str().expect("speaker").to_owned();
    let name = value["actors"]
        .as_array()
        .and_then(|actors| {
            actors.iter().find(|a| {
                a["id"].as_str() == Some(&speaker)
                    || a["name"].as_str() == Some(&speaker)
                    || a["aliases"]
                        .as_array()
                        .is_some_and(|al| al.iter().any(|x| x.as_str() == Some(&speaker)))
            })
        })
        .and_then(|a| a["name"].as_str())
        .unwrap_or(&speaker)
        .to_owned();
    (text, name)
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
    let d = dir.path();
    let user = user();
    keygen(&d.join("host_key"));
    keygen(&d.join("user_key"));
    std::fs::copy(d.join("user_key.pub"), d.join("authorized_keys")).expect("authorized_keys");
    let (sshd, port) = start_sshd(d, &user);

    let brief = bin();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/libya-ohchr-geneva.json");
    let status_file = d.join("remote-status");
    // The far side runs through the login shell (bash -c): `trap : HUP` lets that shell
    // outlive the hang-up just long enough to write brief's exit status.
    let remote = format!(
        "trap : HUP; XDG_CONFIG_HOME=/nonexistent {} {}; echo $? > {}",
        shell_quote(brief.to_str().expect("utf-8")),
        shell_quote(seed.to_str().expect("utf-8")),
        shell_quote(status_file.to_str().expect("utf-8")),
    );
    let ssh = |send_env: bool| {
        format!(
            "exec ssh -F /dev/null -tt {env} -o StrictHostKeyChecking=no \
             -o UserKnownHostsFile={known} -o GlobalKnownHostsFile=/dev/null \
             -o IdentitiesOnly=yes -o BatchMode=yes -o LogLevel=ERROR \
             -i {key} -p {port} -l {user} 127.0.0.1 {remote}",
            env = if send_env { "-o SendEnv=LANG" } else { "" },
            known = d.join("known_hosts").display(),
            key = d.join("user_key").display(),
            remote = shell_quote(&remote),
        )
    };
    let local = format!(
        "XDG_CONFIG_HOME=/nonexistent exec {} {}",
        shell_quote(brief.to_str().expect("utf-8")),
        shell_quote(seed.to_str().expect("utf-8"))
    );

    let mut tmux = Tmux {
        socket: format!("brief-ssh-{}", std::process::id()),
        socket_path: None,
    };
    tmux.new_session("local", &local);
    tmux.new_session("remote", &ssh(true));

    // 1. The Arabic seed renders the same rows over SSH as without it.
    let is_up = |s: &str| s.contains("Headline") && s.contains("Actors");
    let local_screen = tmux.settled("local", "local start", is_up);
    let remote_screen = tmux.settled("remote", "the reader over SSH", is_up);
    assert!(
        local_screen
            .chars()
            .any(|c| ('\u{0600}'..='\u{06ff}').contains(&c)
                || ('\u{fe70}'..='\u{feff}').contains(&c)),
        "no Arabic on the local screen:\n{local_screen}"
    );
    assert_eq!(
        remote_screen,
        local_screen,
        "over SSH the screen differs from the local run\n--- ssh ---\n{remote_screen}\n--- local ---\n{local_screen}\n--- sshd log ---\n{}",
        sshd.log()
    );

    // 2. OSC 52 copy passes through SSH into tmux's paste buffer.
    tmux.send("remote", &["3", "y"]);
    let (quote, speaker) = seed_quote();
    let head: String = quote.chars().take(12).collect();
    let copied = wait_until(TIMEOUT, || {
        tmux.cmd()
            .args(["show-buffer"])
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(&head))
    });
    let buffer = String::from_utf8_lossy(
        &tmux
            .cmd()
            .args(["show-buffer"])
            .output()
            .map(|o| o.stdout)
            .unwrap_or_default(),
    )
    .into_owned();
    assert!(
        copied,
        "the quotation did not reach tmux's paste buffer over SSH: {buffer:?}\n{}",
        tmux.capture("remote")
    );
    assert!(
        buffer.contains(&speaker),
        "no attribution in the copy: {buffer:?}"
    );

    // 3. Keys navigate, over SSH as locally: move the focus, scroll, go to the library and
    //    open another briefing. (The remote reader is on the quotes pane after the copy.)
    tmux.send("local", &["3"]);
    for keys in [
        &["2"][..],
        &["j", "j", "j"],
        &["Tab"],
        &["Escape"],
        &["k"],
        &["Enter"],
    ] {
        let before = tmux.capture("remote");
        tmux.send("local", keys);
        tmux.send("remote", keys);
        let local_now = tmux.settled("local", "local keys", |s| !s.is_empty());
        let same = wait_until(TIMEOUT, || tmux.capture("remote") == local_now);
        assert!(
            same,
            "after {keys:?} over SSH the screen differs from the local run\n--- ssh ---\n{}\n--- local ---\n{local_now}",
            tmux.capture("remote")
        );
        assert_ne!(before, local_now, "{keys:?} changed nothing");
    }

    // 4. Killing the ssh client hangs up the far side: brief exits 129, nothing is left.
    let local_pid: u32 = tmux
        .display("local", "#{pane_pid}")
        .parse()
        .expect("local pid");
    let ssh_pid: u32 = tmux
        .display("remote", "#{pane_pid}")
        .parse()
        .expect("ssh pid");
    let remote_briefs: Vec<u32> = processes_running(&brief)
        .into_iter()
        .filter(|pid| *pid != local_pid && is_descendant_of(*pid, sshd.child.id()))
        .collect();
    assert_eq!(
        remote_briefs.len(),
        1,
        "the far side's brief: {remote_briefs:?}"
    );
    let remote_pid = remote_briefs[0];
    let kill = Command::new("kill")
        .args(["-KILL", &ssh_pid.to_string()])
        .status();
    assert!(kill.is_ok_and(|s| s.success()), "kill the ssh client");
    assert!(
        wait_until(TIMEOUT, || !process_alive(remote_pid)),
        "brief {remote_pid} still running after its ssh client was killed\n{}",
        sshd.log()
    );
    assert!(
        wait_until(TIMEOUT, || std::fs::read_to_string(&status_file)
            .is_ok_and(|s| !s.trim().is_empty())),
        "the far side never wrote brief's status"
    );
    let status = std::fs::read_to_string(&status_file).unwrap_or_default();
    assert_eq!(
        status.trim(),
        "129",
        "brief's exit status after the hang-up"
    );
    assert!(
        wait_until(TIMEOUT, || !processes_running(&brief).contains(&remote_pid)
            && children_of(sshd.child.id()).is_empty()),
        "sshd still has sessions: {:?}",
        children_of(sshd.child.id())
    );

    // 5. Without LANG forwarded the far side has no UTF-8 locale: brief says so and exits
    //    with status 2 instead of drawing mojibake. (The message starts before the pane has
    //    its final size, so read it with the pane's history.)
    std::fs::remove_file(&status_file).expect("remove the status file");
    tmux.new_session("nolang", &ssh(false));
    assert!(
        wait_until(TIMEOUT, || tmux.display("nolang", "#{pane_dead}") == "1"),
        "ssh without LANG did not end\n{}",
        tmux.capture("nolang")
    );
    let refused = tmux.run(&["capture-pane", "-p", "-J", "-S", "-", "-t", "nolang"]);
    assert!(
        refused.contains("locale is not UTF-8") && refused.contains("SendEnv LANG"),
        "without LANG brief did not refuse with its advice:\n{refused}"
    );
    let status = std::fs::read_to_string(&status_file).unwrap_or_default();
    assert_eq!(
        status.trim(),
        "2",
        "brief's exit status without a UTF-8 locale"
    );

    // The local reader quits normally.
    tmux.send("local", &["q"]);
    assert!(
        wait_until(TIMEOUT, || !process_alive(local_pid)),
        "local brief did not quit"
    );
    let socket_path = tmux.socket_path.clone().expect("the tmux socket's path");
    drop(tmux);
    assert!(
        !Path::new(&socket_path).exists(),
        "tmux socket {socket_path} left behind"
    );
    let sshd_pid = sshd.child.id();
    let made_privsep = sshd.made_privsep;
    drop(sshd);
    assert!(!process_alive(sshd_pid), "sshd still running");
    if made_privsep {
        assert!(!Path::new("/run/sshd").exists(), "/run/sshd left behind");
    }
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn is_descendant_of(mut pid: u32, ancestor: u32) -> bool {
    for _ in 0..64 {
        match parent_of(pid) {
            Some(p) if p == ancestor => return true,
            Some(p) if p > 1 => pid = p,
            _ => return false,
        }
    }
    false
}

fn children_of(parent: u32) -> Vec<u32> {
    std::fs::read_dir("/proc")
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.file_name().to_str().and_then(|s| s.parse::<u32>().ok()))
                .filter(|pid| parent_of(*pid) == Some(parent) && process_alive(*pid))
                .collect()
        })
        .unwrap_or_default()
}
