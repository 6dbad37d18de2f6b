//! The plain-text outputs on the hostile corpus: `brief show` and `brief check` print to a
//! pipe or straight to the user's terminal, so they are as dangerous as the reader. No
//! control character but `\n` may come out of them, whatever the briefing or its file
//! name holds.

// Tests fail by panicking: `expect` says what was being done when it failed.
#![allow(clippy::expect_used)]

mod support;
mod support_hostile;

use std::path::{Path, PathBuf};

use support_hostile::{
    TIMEOUT, bidi_controls_in, corpus_dir, expected_symbols, intact_texts, plain_text_controls,
    run_piped,
};

/// The corpus files that are valid briefings (every file but `echoed-values.json`, whose
/// values are wrong on purpose so that error messages quote them).
fn injection_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("read tests/hostile")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| !p.ends_with("echoed-values.json"))
        .collect();
    files.sort();
    assert!(files.len() >= 12, "corpus incomplete: {files:?}");
    files
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

fn assert_clean(what: &str, bytes: &[u8]) {
    let found = plain_text_controls(bytes);
    assert!(
        found.is_empty(),
        "{what}: control characters reached the output: {found:?}\n--- output ---\n{}",
        String::from_utf8_lossy(bytes).escape_debug()
    );
}

/// `brief check ARGS` on files with errors: `run_clean`, and the status must be 1. Its
/// stdout.
fn check_with_errors(args: &[&str], what: &str) -> Vec<u8> {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    let (status, out, err) = run_clean(&all, what);
    assert_eq!(
        status.code(),
        Some(1),
        "{what}: {}",
        String::from_utf8_lossy(&err)
    );
    out
}

/// Runs brief with `args` on a pipe; fails if it does not finish, or if a control
/// character reaches its stdout or its stderr. Its status, stdout and stderr.
fn run_clean(args: &[&str], what: &str) -> (std::process::ExitStatus, Vec<u8>, Vec<u8>) {
    let (status, out, err) = run_piped(args, TIMEOUT);
    let status = status.unwrap_or_else(|| panic!("{what}: did not finish"));
    assert_clean(&format!("{what} (stdout)"), &out);
    assert_clean(&format!("{what} (stderr)"), &err);
    (status, out, err)
}

#[test]
fn show_prints_no_control_character_for_any_corpus_file() {
    let variants: [&[&str]; 4] = [
        &["--width", "80"],
        &["--width", "40", "--logical"],
        &["--width", "120", "--bidi", "terminal"],
        &["--width", "60", "--shaping", "off"],
    ];
    for file in injection_files() {
        let raw = std::fs::read_to_string(&file).expect("read corpus file");
        for flags in variants {
            let mut args = vec!["show", path_str(&file)];
            args.extend_from_slice(flags);
            let what = format!("brief {}", args.join(" "));
            let (status, out, err) = run_clean(&args, &what);
            assert!(
                status.success(),
                "{what}: {status}\n{}",
                String::from_utf8_lossy(&err)
            );
            let text = String::from_utf8_lossy(&out);
            // The headline and the body are in every layout: their markers show the
            // field's text is there, not dropped with the controls.
            if raw.contains("HL1") {
                for marker in ["HL1", "HL2", "BP1", "BP2"] {
                    assert!(text.contains(marker), "{what}: {marker} missing:\n{text}");
                }
            }
            for symbol in expected_symbols(&raw) {
                assert!(
                    text.contains(symbol),
                    "{what}: the visible symbol U+{:04X} for a control is missing:\n{text}",
                    symbol as u32
                );
            }
        }
    }
}

#[test]
fn show_of_carriage_return_and_backspace_cannot_overstrike() {
    let file = corpus_dir().join("overstrike.json");
    let (status, out, _) = run_piped(&["show", path_str(&file), "--width", "100"], TIMEOUT);
    assert!(status.is_some_and(|s| s.success()));
    let text = String::from_utf8_lossy(&out);
    // "SAFE\rEVIL": both words stay on the page (CR is a paragraph break, never a return
    // to the start of the line); "100\b\b\b999": the backspaces are shown, so both numbers
    // are there and 999 cannot hide 100.
    for needle in ["SAFE", "EVIL", "100\u{2408}\u{2408}\u{2408}999"] {
        assert!(text.contains(needle), "{needle:?} missing:\n{text}");
    }
}

#[test]
fn check_prints_no_control_character_for_the_corpus() {
    let dir = corpus_dir();
    for format in ["text", "json"] {
        let what = format!("brief check --format {format} tests/hostile");
        // echoed-values.json has errors on purpose.
        let out = check_with_errors(&["--format", format, path_str(&dir)], &what);
        let text = String::from_utf8_lossy(&out);
        assert!(
            text.contains("echoed-values.json"),
            "{what}: the broken file is not reported:\n{text}"
        );
        if format == "json" {
            let parsed: serde_json::Value = serde_json::from_slice(&out)
                .unwrap_or_else(|e| panic!("{what}: not JSON: {e}\n{text}"));
            assert!(parsed.is_array(), "{what}: not an array: {text}");
        }
    }
}

/// File names are as hostile as contents (an archive unpacked from outside): ESC, OSC,
/// C1, a newline that would forge a second diagnostic line, and a bidi override.
#[test]
fn check_escapes_hostile_file_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let names = [
        "title\u{1b}]0;PWNED-TITLE\u{7}.json",
        "clear\u{1b}[2J\u{1b}[H.json",
        "c1\u{9b}2J\u{9d}0;PWNED\u{9c}.json",
        "newline\nFORGED.json:1:1: error: forged.json",
        "override\u{202e}nosj.exe.json",
    ];
    for name in names {
        // Not a briefing: each one gets an error line that names it.
        std::fs::write(dir.path().join(name), b"{ not json").expect("write hostile name");
    }
    let root = path_str(dir.path()).to_owned();
    for format in ["text", "json"] {
        let what = format!("brief check --format {format} on hostile file names");
        let out = check_with_errors(&["--format", format, &root], &what);
        let text = String::from_utf8_lossy(&out);
        if format == "text" {
            // Each file is reported, and a newline in a name cannot start a line of its own.
            for line in text.lines().filter(|l| l.contains("FORGED")) {
                assert!(
                    line.starts_with(&root),
                    "{what}: forged line {line:?} in:\n{text}"
                );
            }
            assert!(
                text.contains("FORGED"),
                "{what}: the newline file is missing:\n{text}"
            );
            assert!(
                !text.contains('\u{202e}'),
                "{what}: a bidi override in a file name reached the output:\n{text}"
            );
            let reported = text.lines().filter(|l| l.starts_with(&root)).count();
            assert!(
                reported >= names.len(),
                "{what}: not every file reported:\n{text}"
            );
        }
    }
}

#[test]
fn check_quotes_hostile_values_without_their_controls() {
    let file = corpus_dir().join("echoed-values.json");
    let out = check_with_errors(&[path_str(&file)], "brief check echoed-values.json");
    let text = String::from_utf8_lossy(&out);
    // The bad language, direction and date are errors that say which field; the unknown
    // keys and the unmatched speaker are warnings.
    for field in ["language", "direction", "date", "speaker"] {
        assert!(text.contains(field), "{field} not reported:\n{text}");
    }
    assert!(
        !text.contains('\u{202e}'),
        "a quoted value's bidi override reached the output:\n{text}"
    );
    assert!(text.contains("error"), "{text}");
    assert!(text.contains("warning"), "{text}");
}

/// An unbalanced override, embedding or isolate in one field must not reorder the field
/// after it: every "NEXT ... INTACT" text in the bidi files reads in its own order. In
/// visual order (`--bidi app`, the default) the controls have done their work and must
/// not be printed, or a terminal that reorders would apply them a second time, across
/// whatever shares the row.
#[test]
fn show_keeps_bidi_spoofs_inside_their_field() {
    let mut failures = Vec::new();
    for file in injection_files() {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_owned();
        if !name.starts_with("bidi-") {
            continue;
        }
        let (status, out, err) = run_piped(&["show", path_str(&file), "--width", "200"], TIMEOUT);
        assert!(
            status.is_some_and(|s| s.success()),
            "{name}: {}",
            String::from_utf8_lossy(&err)
        );
        let text = String::from_utf8_lossy(&out);
        // In the right-to-left files the final `!` of each text sits at its left.
        for intact in intact_texts(&name) {
            if !text.contains(&intact) {
                failures.push(format!("{name}: {intact:?} was reordered or lost"));
            }
        }
        let leaked = bidi_controls_in(&text);
        if !leaked.is_empty() {
            failures.push(format!("{name}: visual output still holds {leaked:?}"));
        }
        if failures.iter().any(|f| f.starts_with(&name)) {
            failures.push(format!("--- {name} output ---\n{text}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `brief show BIG | head`: the reader of the pipe goes away after a few bytes. brief must
/// stop quietly (no panic, no "Broken pipe" message, no hang), as `cat` does.
#[test]
fn show_into_a_pipe_closed_early() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("tempdir");
    let bullets: Vec<String> = (0..100_000).map(|n| format!("bullet {n}")).collect();
    let doc = serde_json::json!({"headline": "MANY", "body": [{"bullets": bullets}]});
    let path = dir.path().join("many.json");
    std::fs::write(&path, serde_json::to_vec(&doc).expect("json")).expect("write");
    let mut child = std::process::Command::new(support_hostile::bin())
        .args(["show", path_str(&path), "--width", "80"])
        .env("LANG", "C.UTF-8")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn brief show");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 10];
    stdout.read_exact(&mut first).expect("read the first bytes");
    drop(stdout);
    let finished =
        support_hostile::wait_until(TIMEOUT, || child.try_wait().ok().flatten().is_some());
    if !finished {
        let _ = child.kill();
        let _ = child.wait();
        panic!("brief show kept running after its reader went away");
    }
    let status = child.wait().expect("status");
    let mut err = String::new();
    let _ = child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err);
    assert_ne!(status.code(), Some(101), "panicked: {err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(status.code().is_some(), "killed by a signal: {status}");
}
