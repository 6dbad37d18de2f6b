//! Helpers for the hostile-input tests: the real `brief` binary in the shared pseudo-terminal
//! harness (`tests/support/pty/`, whose vt100 screen records the callbacks an attack would
//! fire: title, clipboard, bell, resize), an audit of the raw bytes against the escape
//! sequences that ratatui and crossterm legitimately write, layout checks on the screen,
//! and what the hostile corpus (`tests/hostile/`) expects. Process helpers, paths and the
//! polling wait come from the shared harness (`tests/support/`), which every test that
//! uses these declares as well.
//!
//! Waiting is always polling with a timeout; timing never decides a pass or a fail.
// Each test file uses part of these; the rest would be dead code, or unused re-exports,
// there.
#![allow(dead_code, unused_imports)]

mod audit;
mod layout;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use crate::support::process::{process_alive, processes_running, signal};
pub use crate::support::pty::{Launch, Pty};
pub use crate::support::recorder::{REPLACEMENT_STAND_IN, Recorder};
pub use crate::support::{POLL, TIMEOUT, wait_until};
pub use audit::{Allow, Finding, audit, control_chars_on_screen, plain_text_controls};
pub use layout::{Box4, assert_layout_holds, boxes_and_faults, pane_texts};

/// brief with `args` at 160×50, the size the hostile tests read most at.
pub fn launch_brief(args: &[&str]) -> Launch {
    Launch::new(args)
        .unwrap_or_else(|e| panic!("set up brief: {e:#}"))
        .size(160, 50)
}

pub fn bin() -> PathBuf {
    PathBuf::from(crate::support::brief_bin())
}

pub fn corpus_dir() -> PathBuf {
    crate::support::repo_root().join("tests/hostile")
}

/// Runs `brief` with arguments outside a terminal (stdout a pipe) and returns
/// (status, stdout, stderr), killing it if it outlives the timeout.
pub fn run_piped(
    args: &[&str],
    timeout: Duration,
) -> (Option<std::process::ExitStatus>, Vec<u8>, Vec<u8>) {
    let mut child = std::process::Command::new(bin())
        .args(args)
        .env("LANG", "C.UTF-8")
        .env_remove("TMUX")
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn brief");
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let t_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let t_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Ok(Some(status)) = child.try_wait() {
            break Some(status);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(POLL);
    };
    let stdout = t_out.join().unwrap_or_default();
    let stderr = t_err.join().unwrap_or_default();
    (status, stdout, stderr)
}

pub fn write_json(dir: &Path, name: &str, value: &serde_json::Value) -> PathBuf {
    let path = dir.join(name);
    let bytes = serde_json::to_vec(value).expect("serialize");
    std::fs::write(&path, bytes).expect("write generated briefing");
    path
}

/// Fails with what the audit found if a whole run's output (the exit sequences allowed)
/// holds anything brief must never write.
pub fn assert_whole_run_clean(raw: &[u8], what: &str) {
    let found = audit(raw, Allow::WHOLE_RUN);
    assert!(found.is_empty(), "{what}: {found:#?}");
}

/// Which visible stand-ins a corpus file must show, judged from its raw JSON: ESC as
/// U+241B (SYMBOL FOR ESCAPE), BEL as U+2407, BS as U+2408, DEL as U+2421, C1 controls
/// as U+FFFD.
pub fn expected_symbols(raw: &str) -> Vec<char> {
    let mut want = Vec::new();
    if raw.contains("\\u001b") {
        want.push('\u{241b}');
    }
    if raw.contains("\\u0007") {
        want.push('\u{2407}');
    }
    if raw.contains("\\b") || raw.contains("\\u0008") {
        want.push('\u{2408}');
    }
    if raw.contains('\u{7f}') || raw.contains("\\u007f") {
        want.push('\u{2421}');
    }
    if raw.contains("\\u0080") || raw.contains('\u{80}') {
        want.push('\u{fffd}');
    }
    want
}

/// The texts that follow a spoofed field in the `bidi-*.json` files.
const INTACT: &[&str] = &[
    "NEXT SOURCE INTACT",
    "NEXT TAG INTACT",
    "NEXT PARAGRAPH INTACT",
    "NEXT BULLET INTACT",
    "NEXT QUOTE INTACT",
    "NEXT COUNTRY INTACT",
];

/// The texts that follow a spoofed field, as they must read: in the left-to-right files
/// (RLO, RLE, RLI, FSI) the final `!` stays at the end; in the right-to-left ones (LRO,
/// LRE, LRI) it sits at the left, where an RTL paragraph puts it. An override, embedding
/// or isolate leaking out of its field moves the `!` or reverses the letters.
pub fn intact_texts(file: &str) -> Vec<String> {
    let rtl = ["bidi-lro.json", "bidi-lre.json", "bidi-lri.json"].contains(&file);
    INTACT
        .iter()
        .map(|s| {
            if rtl {
                format!("!{s}")
            } else {
                format!("{s}!")
            }
        })
        .collect()
}

/// Embedding, override and isolate controls (LRE…RLO, LRI…PDI).
pub fn is_explicit_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The explicit bidi controls in `text`, as `U+XXXX`, in order.
pub fn bidi_controls_in(text: &str) -> Vec<String> {
    text.chars()
        .filter(|c| is_explicit_bidi_control(*c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect()
}
