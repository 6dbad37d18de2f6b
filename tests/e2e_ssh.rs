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

mod support;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use support::process::{children_of, is_descendant_of, process_alive, processes_running};
use support::tmux::{Session, Tmux, quote};
use support::{TIMEOUT, wait_until};

const SSHD: &str = "/usr/sbin/sshd";
const COLS: u16 = 100;
const ROWS: u16 = 30;

/// false: the tool is missing and the test should skip (never under CI).
fn have(tool: &str, test: &str) -> bool {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {tool} || test -x {tool}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    support::require(found, tool, test).unwrap_or_else(|e| panic!("{e}"))
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

/// The seed briefing's first quotation, and its speaker's name, as the clipboard must
/// hold them (the briefing's text has no control characters, so nothing is replaced).
fn seed_quote() -> (String, String) {
    let value = support::sample("libya-ohchr-geneva.json").expect("read the seed");
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

    let brief = PathBuf::from(support::brief_bin());
    let seed = support::briefings_dir().join("libya-ohchr-geneva.json");
    let status_file = d.join("remote-status");
    // The far side runs through the login shell (bash -c): `trap : HUP` lets that shell
    // outlive the hang-up just long enough to write brief's exit status.
    let remote = format!(
        "trap : HUP; XDG_CONFIG_HOME=/nonexistent {} {}; echo $? > {}",
        quote(brief.to_str().expect("utf-8")),
        quote(seed.to_str().expect("utf-8")),
        quote(status_file.to_str().expect("utf-8")),
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
            remote = quote(&remote),
        )
    };
    let local_command = format!(
        "XDG_CONFIG_HOME=/nonexistent exec {} {}",
        quote(brief.to_str().expect("utf-8")),
        quote(seed.to_str().expect("utf-8"))
    );

    let Some(local) = Tmux::launch(test, Session::new("local", &local_command).size(COLS, ROWS))
        .expect("start tmux")
    else {
        return;
    };
    let remote = local
        .new_session(Session::new("remote", &ssh(true)).size(COLS, ROWS))
        .expect("open the ssh session");

    // 1. The Arabic seed renders the same rows over SSH as without it.
    let is_up = |s: &str| s.contains("Headline") && s.contains("Actors");
    let local_screen = local
        .wait_settled("local start", is_up)
        .expect("local start");
    let remote_screen = remote
        .wait_settled("the reader over SSH", is_up)
        .expect("the reader over SSH");
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
    remote.send_keys(&["3", "y"]).expect("send keys");
    let (quote, speaker) = seed_quote();
    let head: String = quote.chars().take(12).collect();
    let copied = wait_until(TIMEOUT, || {
        remote
            .paste_buffer()
            .is_ok_and(|buffer| buffer.contains(&head))
    });
    let buffer = remote.paste_buffer().unwrap_or_default();
    assert!(
        copied,
        "the quotation did not reach tmux's paste buffer over SSH: {buffer:?}\n{}",
        capture(&remote)
    );
    assert!(
        buffer.contains(&speaker),
        "no attribution in the copy: {buffer:?}"
    );

    // 3. Keys navigate, over SSH as locally: move the focus, scroll, go to the library and
    //    open another briefing. (The remote reader is on the quotes pane after the copy.)
    local.send_keys(&["3"]).expect("send keys");
    for keys in [
        &["2"][..],
        &["j", "j", "j"],
        &["Tab"],
        &["Escape"],
        &["k"],
        &["Enter"],
    ] {
        let before = capture(&remote);
        local.send_keys(keys).expect("send keys");
        remote.send_keys(keys).expect("send keys");
        let local_now = local
            .wait_settled("local keys", |s| !s.is_empty())
            .expect("local keys");
        let same = wait_until(TIMEOUT, || capture(&remote) == local_now);
        assert!(
            same,
            "after {keys:?} over SSH the screen differs from the local run\n--- ssh ---\n{}\n--- local ---\n{local_now}",
            capture(&remote)
        );
        assert_ne!(before, local_now, "{keys:?} changed nothing");
    }

    // 4. Killing the ssh client hangs up the far side: brief exits 129, nothing is left.
    let local_pid: u32 = pane_pid(&local);
    let ssh_pid: u32 = pane_pid(&remote);
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
    let nolang = local
        .new_session(Session::new("nolang", &ssh(false)).size(COLS, ROWS))
        .expect("open the ssh session without LANG");
    assert!(
        wait_until(TIMEOUT, || nolang
            .format("#{pane_dead}")
            .is_ok_and(|d| d == "1")),
        "ssh without LANG did not end\n{}",
        capture(&nolang)
    );
    let refused = nolang
        .capture_history()
        .expect("capture the pane's history");
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
    local.send_keys(&["q"]).expect("send keys");
    assert!(
        wait_until(TIMEOUT, || !process_alive(local_pid)),
        "local brief did not quit"
    );
    let socket_path = local.socket_path().to_path_buf();
    drop((local, remote, nolang));
    assert!(
        !Path::new(&socket_path).exists(),
        "tmux socket {} left behind",
        socket_path.display()
    );
    let sshd_pid = sshd.child.id();
    let made_privsep = sshd.made_privsep;
    drop(sshd);
    assert!(!process_alive(sshd_pid), "sshd still running");
    if made_privsep {
        assert!(!Path::new("/run/sshd").exists(), "/run/sshd left behind");
    }
}

/// The pane's screen, or what went wrong capturing it (for failure messages).
fn capture(pane: &Tmux) -> String {
    pane.capture()
        .unwrap_or_else(|e| format!("(no capture: {e:#})"))
}

fn pane_pid(pane: &Tmux) -> u32 {
    let pid = pane.format("#{pane_pid}").expect("#{pane_pid}");
    pid.parse()
        .unwrap_or_else(|e| panic!("pane pid {pid:?}: {e}"))
}
