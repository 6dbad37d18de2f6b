//! The escape-injection corpus inside tmux, the terminal most analysts read through: a
//! private server (`-L`, `-f /dev/null`) with the settings that make injection dangerous
//! turned on (`set-clipboard on`, `allow-passthrough on`, `allow-rename on`). After
//! reading each hostile briefing and moving through its panes, the pane title, the window
//! name and the paste buffers are what they were, and the bytes brief wrote (captured with
//! `pipe-pane`) hold no escape sequence but the ones the reader itself uses (here including
//! the tmux passthrough wrapping of `CSI 8 l`).

// Tests fail by panicking: `expect` says what was being done when it failed.
#![allow(clippy::expect_used)]

mod support;
mod support_hostile;

use support::tmux::{Session, Tmux, quote};
use support_hostile::{Allow, TIMEOUT, audit, bin, corpus_dir, wait_until};

fn in_tmux(test: &str, file: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let raw_path = dir.path().join("pane-output");
    let go = dir.path().join("go");
    let path = corpus_dir().join(file);
    // The pane waits for `go` so that title, name and pipe are set before brief writes.
    let command = format!(
        "while [ ! -e {go} ]; do sleep 0.05; done; XDG_CONFIG_HOME=/nonexistent {brief} {file}",
        go = quote(&go.to_string_lossy()),
        brief = quote(&bin().to_string_lossy()),
        file = quote(&path.to_string_lossy()),
    );
    let session = Session::new("hostile", &command)
        .size(160, 50)
        .window("UNTOUCHED-WINDOW")
        .option("allow-passthrough", "on")
        .option("allow-rename", "on")
        .option("automatic-rename", "off")
        .option("set-titles", "on");
    let Some(tmux) = Tmux::launch(test, session).expect("start tmux") else {
        return;
    };
    let run = |args: &[&str]| tmux.run(args).unwrap_or_else(|e| panic!("{file}: {e:#}"));
    let display = |format: &str| {
        tmux.format(format)
            .unwrap_or_else(|e| panic!("{file}: {e:#}"))
    };
    let capture = || {
        tmux.capture()
            .unwrap_or_else(|e| format!("(no capture: {e:#})"))
    };
    run(&["select-pane", "-t", tmux.target(), "-T", "UNTOUCHED-TITLE"]);
    run(&[
        "pipe-pane",
        "-o",
        "-t",
        tmux.target(),
        &format!("cat >> {}", quote(&raw_path.to_string_lossy())),
    ]);
    std::fs::write(&go, b"").expect("start the pane");

    if let Err(e) = tmux.wait_for("the briefing", |s| s.contains("HL2")) {
        panic!("{file}: the briefing never showed: {e:#}");
    }
    for keys in ["Tab", "Tab", "j", "Tab", "G", "Tab", "g"] {
        tmux.send_keys(&[keys]).expect("send keys");
    }
    tmux.send_keys(&["q"]).expect("send keys");
    let status = tmux
        .wait_dead()
        .unwrap_or_else(|e| panic!("{file}: brief did not quit, or no exit status: {e:#}"));
    assert_eq!(status, 0, "{file}: exit status\n{}", capture());
    assert_eq!(
        display("#{pane_title}"),
        "UNTOUCHED-TITLE",
        "{file}: pane title changed"
    );
    assert_eq!(
        display("#{window_name}"),
        "UNTOUCHED-WINDOW",
        "{file}: window name changed"
    );
    let buffers = run(&["list-buffers"]);
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
                in_tmux(stringify!($name), $file);
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
