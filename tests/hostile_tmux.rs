//! The escape-injection corpus inside tmux, the terminal most analysts read through: a
//! private server (`-L`, `-f /dev/null`) with the settings that make injection dangerous
//! turned on (`set-clipboard on`, `allow-passthrough on`, `allow-rename on`). After
//! reading each hostile briefing and moving through its panes, the pane title, the window
//! name and the paste buffers are what they were, and the bytes brief wrote (captured with
//! `pipe-pane`) hold no escape sequence but the ones the reader itself uses (here including
//! the tmux passthrough wrapping of `CSI 8 l`).

// Tests fail by panicking: `expect` says what was being done when it failed.
#![allow(clippy::expect_used)]

mod support_hostile;

use std::process::Command;

use support_hostile::{Allow, TIMEOUT, audit, bin, corpus_dir, wait_until};

/// Ok(false): tmux is missing and the test skips (never under CI).
fn have_tmux() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "tmux is missing and CI is set"
        );
        eprintln!("SKIPPED hostile_tmux: tmux is not installed");
    }
    found
}

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
        let out = self.cmd().args(args).output().expect("run tmux");
        assert!(
            out.status.success(),
            "tmux {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn display(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "hostile", format])
            .trim()
            .to_owned()
    }

    fn capture(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "hostile"])
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").output();
        // kill-server returns before the server is gone; tmux 3.3a leaves its socket.
        wait_until(TIMEOUT, || {
            !self
                .cmd()
                .arg("list-sessions")
                .output()
                .is_ok_and(|o| o.status.success())
        });
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn in_tmux(file: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let raw_path = dir.path().join("pane-output");
    let go = dir.path().join("go");
    let path = corpus_dir().join(file);
    let mut tmux = Tmux {
        socket: format!(
            "brief-hostile-{}-{}",
            std::process::id(),
            file.replace('.', "-")
        ),
        socket_path: None,
    };
    // The pane waits for `go` so that title, name and pipe are set before brief writes.
    // brief's status goes to a file: tmux 3.3a sometimes leaves a dead pane's process
    // unreaped (a zombie) for seconds, with #{pane_dead_status} empty meanwhile.
    let status_path = dir.path().join("status");
    let command = format!(
        "while [ ! -e '{go}' ]; do sleep 0.05; done; XDG_CONFIG_HOME=/nonexistent '{brief}' '{file}'; echo $? > '{status}'",
        go = go.display(),
        brief = bin().display(),
        file = path.display(),
        status = status_path.display(),
    );
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "hostile",
        "-n",
        "UNTOUCHED-WINDOW",
        "-x",
        "160",
        "-y",
        "50",
        &command,
    ]);
    tmux.socket_path = Some(
        tmux.run(&["display-message", "-p", "#{socket_path}"])
            .trim()
            .to_owned(),
    );
    for option in [
        &["set-option", "-g", "remain-on-exit", "on"][..],
        &["set-option", "-s", "set-clipboard", "on"],
        &["set-option", "-g", "allow-passthrough", "on"],
        &["set-option", "-g", "allow-rename", "on"],
        &["set-option", "-g", "automatic-rename", "off"],
        &["set-option", "-g", "set-titles", "on"],
        &["select-pane", "-t", "hostile", "-T", "UNTOUCHED-TITLE"],
    ] {
        tmux.run(option);
    }
    tmux.run(&[
        "pipe-pane",
        "-o",
        "-t",
        "hostile",
        &format!("cat >> '{}'", raw_path.display()),
    ]);
    std::fs::write(&go, b"").expect("start the pane");

    let shown = wait_until(TIMEOUT, || tmux.capture().contains("HL2"));
    assert!(
        shown,
        "{file}: the briefing never showed\n{}",
        tmux.capture()
    );
    for keys in ["Tab", "Tab", "j", "Tab", "G", "Tab", "g"] {
        tmux.run(&["send-keys", "-t", "hostile", keys]);
    }
    tmux.run(&["send-keys", "-t", "hostile", "q"]);
    assert!(
        wait_until(TIMEOUT, || tmux.display("#{pane_dead}") == "1"),
        "{file}: brief did not quit\n{}",
        tmux.capture()
    );
    let status = wait_until(TIMEOUT, || {
        std::fs::read_to_string(&status_path).is_ok_and(|s| s.ends_with('\n'))
    });
    assert!(status, "{file}: no exit status\n{}", tmux.capture());
    let status = std::fs::read_to_string(&status_path).expect("status");
    assert_eq!(
        status.trim(),
        "0",
        "{file}: exit status\n{}",
        tmux.capture()
    );
    assert_eq!(
        tmux.display("#{pane_title}"),
        "UNTOUCHED-TITLE",
        "{file}: pane title changed"
    );
    assert_eq!(
        tmux.display("#{window_name}"),
        "UNTOUCHED-WINDOW",
        "{file}: window name changed"
    );
    let buffers = tmux.run(&["list-buffers"]);
    assert!(
        buffers.trim().is_empty(),
        "{file}: paste buffers written: {buffers}"
    );

    // pipe-pane's copy ends when the pane does; wait for the whole exit sequence.
    let complete = wait_until(TIMEOUT, || {
        std::fs::read(&raw_path).is_ok_and(|raw| raw.windows(8).any(|w| w == b"\x1b[?1049l"))
    });
    assert!(complete, "{file}: pane output incomplete");
    let raw = std::fs::read(&raw_path).expect("pane output");
    let found = audit(
        &raw,
        Allow {
            tmux_passthrough: true,
            exit_sequences: true,
            ..Allow::default()
        },
    );
    assert!(
        found.is_empty(),
        "{file}: {:#?}",
        &found[..found.len().min(20)]
    );
    assert!(
        raw.windows(b"\x1bPtmux;\x1b\x1b[8l\x1b\\".len())
            .any(|w| w == b"\x1bPtmux;\x1b\x1b[8l\x1b\\"),
        "{file}: the bidi mode was not sent through tmux's passthrough"
    );
}

macro_rules! tmux_tests {
    ($($name:ident => $file:literal),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                if have_tmux() {
                    in_tmux($file);
                }
            }
        )*
    };
}

tmux_tests! {
    tmux_escape_and_csi => "esc-csi.json",
    tmux_osc_window_title => "osc-title.json",
    tmux_osc52_clipboard => "osc-clipboard.json",
    tmux_osc8_hyperlink => "osc-hyperlink.json",
    tmux_dcs_passthrough_apc_and_window_name => "dcs-apc.json",
    tmux_c1_controls_raw => "c1-raw.json",
    tmux_c0_controls_and_del => "c0-del.json",
}
