//! The hostile corpus (`tests/hostile/`) opened in the real binary in a pseudo-terminal.
//! Each test asserts on the raw bytes brief writes (nothing from a briefing acts on the
//! terminal: no OSC, DCS, APC, PM, SOS, no C1, no BEL, BS or other C0 control, only the
//! CSI sequences ratatui and crossterm write) and on the screen vt100 parses from them
//! (the text shown with visible symbols, pane borders straight, and no window title,
//! clipboard write, bell or resize request).

// Tests fail by panicking: `expect` says what was being done when it failed.
#![allow(clippy::expect_used)]

mod support;
mod support_hostile;

use std::path::{Path, PathBuf};

use support_hostile::{
    Allow, Launch, Pty, REPLACEMENT_STAND_IN, TIMEOUT, assert_layout_holds, audit,
    bidi_controls_in, control_chars_on_screen, corpus_dir, expected_symbols, launch_brief,
};

const COLS: u16 = 200;
const ROWS: u16 = 60;

fn corpus(name: &str) -> PathBuf {
    corpus_dir().join(name)
}

fn open(file: &Path) -> Pty {
    launch_brief(&[file.to_str().expect("utf-8 path")])
        .size(COLS, ROWS)
        .start()
}

/// Fails with everything the audit found and the screen, if anything from the briefing
/// reached the terminal as a control.
fn assert_raw_clean(pty: &Pty, what: &str, allow: Allow) {
    let raw = pty.raw();
    let found = audit(&raw, allow);
    assert!(
        found.is_empty(),
        "{what}: escape sequences or controls that brief must never write: {:#?}\n--- screen ---\n{}",
        &found[..found.len().min(20)],
        pty.contents()
    );
    // Embedding, override and isolate controls are applied by the engine (or dropped in
    // `--bidi terminal`); sent on, a terminal that reorders rows would apply them across
    // the whole row, neighbouring panes included.
    let bidi = bidi_controls_in(&String::from_utf8_lossy(&raw));
    assert!(bidi.is_empty(), "{what}: bidi controls written: {bidi:?}");
    let attacks = pty.recorder().attacks_seen();
    assert!(
        attacks.is_empty(),
        "{what}: the terminal was acted on: {attacks:#?}"
    );
}

fn assert_no_controls_on_screen(pty: &Pty, what: &str) {
    let found = pty.with_screen(control_chars_on_screen);
    assert!(
        found.is_empty(),
        "{what}: control characters in cells: {found:?}"
    );
}

/// Every field of the injection files carries a marker pair (`HL1 … HL2` for the headline);
/// these are the fields the reader shows on its briefing screen.
const SHOWN_MARKERS: &[&str] = &[
    "HL", // headline
    "CL", // classification banner
    "LO", // location
    "SN", // source name
    "TA", "TB", // tags
    "SU", // summary
    "BP", "BH", "BL", "BI", "BJ", // paragraph, heading, lead, bullets
    "PT", // key point
    "QT", "QC", // quotation and its context
    "AN", // actor name (also the quote's speaker)
    "AR", "AO", "AC", // role, organization, country
];

fn injection(file: &str) {
    let path = corpus(file);
    let raw_json = std::fs::read_to_string(&path).expect("read corpus file");
    let mut pty = open(&path);
    let screen = pty.show(
        "HL2",
        &format!("{file}: the briefing never showed its headline"),
    );
    let missing: Vec<String> = SHOWN_MARKERS
        .iter()
        .flat_map(|m| [format!("{m}1"), format!("{m}2")])
        .filter(|m| !screen.contains(m.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "{file}: fields not shown (their text was lost with the controls, or a control moved it): {missing:?}\n--- screen ---\n{screen}"
    );
    let raw_text = String::from_utf8_lossy(&pty.raw()).into_owned();
    for symbol in expected_symbols(&raw_json) {
        // C1 controls are shown as U+FFFD, which the parser sees as its stand-in; the
        // bytes written must hold the real one, once for each of the 32 controls.
        let shown = if symbol == '\u{fffd}' {
            raw_text.matches(symbol).count() >= 32 && screen.contains(REPLACEMENT_STAND_IN)
        } else {
            screen.contains(symbol)
        };
        assert!(
            shown,
            "{file}: visible symbol U+{:04X} missing\n--- screen ---\n{screen}",
            symbol as u32
        );
    }
    pty.with_screen(|s| {
        assert!(
            s.alternate_screen(),
            "{file}: the alternate screen was left"
        );
        assert_layout_holds(s, file);
    });
    assert_no_controls_on_screen(&pty, file);
    assert_raw_clean(&pty, file, Allow::default());

    // Moving through every pane redraws every field: still nothing leaks.
    for key in ["\t", "\t", "\t", "\t", "j", "G", "\t", "g"] {
        pty.type_keys(key.as_bytes());
    }
    pty.settle();
    assert_raw_clean(
        &pty,
        &format!("{file} after moving through the panes"),
        Allow::default(),
    );

    // Esc shows the library holding the briefing: its row shows the hostile headline.
    pty.type_keys(b"\x1b");
    assert!(
        pty.wait_until(TIMEOUT, |s| s.contents().contains("Library")),
        "{file}: Esc did not show the library\n{}",
        pty.contents()
    );
    pty.settle();
    pty.with_screen(|s| assert_layout_holds(s, &format!("{file} in the library")));
    assert_no_controls_on_screen(&pty, file);
    assert_raw_clean(&pty, &format!("{file} in the library"), Allow::default());

    let status = pty.quit();
    assert!(status.success(), "{file}: exit status {status:?}");
    assert!(pty.wait_eof(TIMEOUT), "{file}: output never ended");
    assert_raw_clean(&pty, &format!("{file} whole run"), Allow::WHOLE_RUN);
    pty.with_screen(|s| {
        assert!(
            !s.alternate_screen(),
            "{file}: alternate screen not left at exit"
        );
        assert!(!s.hide_cursor(), "{file}: cursor left hidden at exit");
    });
}

macro_rules! injection_tests {
    ($($name:ident => $file:literal),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                injection($file);
            }
        )*
    };
}

injection_tests! {
    escape_and_csi_in_every_field => "esc-csi.json",
    osc_window_title_in_every_field => "osc-title.json",
    osc52_clipboard_in_every_field => "osc-clipboard.json",
    osc8_hyperlink_in_every_field => "osc-hyperlink.json",
    dcs_apc_pm_sos_in_every_field => "dcs-apc.json",
    c1_controls_json_escaped_in_every_field => "c1-escaped.json",
    c1_controls_raw_utf8_in_every_field => "c1-raw.json",
    every_c0_control_and_del_in_every_field => "c0-del.json",
    carriage_return_and_backspace_overstrike => "overstrike.json",
}

/// The audit itself must be able to fail: each payload of the corpus, written raw into an
/// otherwise ordinary frame, is caught.
#[test]
fn audit_catches_every_payload_written_raw() {
    let frame = b"\x1b[?1049h\x1b[?25l\x1b[2J\x1b[1;1H\x1b[1mHello\x1b[0m\x1b[8l";
    assert!(
        audit(frame, Allow::default()).is_empty(),
        "a clean frame is flagged"
    );
    let payloads: [&[u8]; 14] = [
        b"\x1b]0;PWNED\x07",
        b"\x1b]2;PWNED\x1b\\",
        b"\x1b]52;c;UFdORUQ=\x07",
        b"\x1b]8;;https://evil.invalid/\x07",
        b"\x1bP$qm\x1b\\",
        b"\x1b_Gf=100;AAAA\x1b\\",
        b"\x1b[6n",
        b"\x1b[21t",
        b"\x1bc",
        b"\x1b(0",
        "\u{9b}2J".as_bytes(),
        b"\x9b2J",
        b"ok\x07",
        b"100\x08\x08\x08999",
    ];
    for payload in payloads {
        let mut bytes = frame.to_vec();
        bytes.extend_from_slice(payload);
        assert!(
            !audit(&bytes, Allow::default()).is_empty(),
            "not caught: {}",
            payload.escape_ascii()
        );
    }
    assert!(!audit(b"\x1b[?1049l", Allow::default()).is_empty());
    assert!(
        audit(
            b"\x1b[?1049l",
            Allow {
                exit_sequences: true,
                ..Allow::default()
            }
        )
        .is_empty()
    );
}

/// `y` copies the selected quotation through OSC 52: the only OSC brief may write, and
/// what it carries is the sanitized text (controls as symbols), never the payload.
#[test]
fn copying_a_hostile_quotation_copies_no_control() {
    for file in ["osc-clipboard.json", "esc-csi.json", "c1-raw.json"] {
        let mut pty = open(&corpus(file));
        assert!(
            pty.wait_text("QT2"),
            "{file}: quotes not shown\n{}",
            pty.contents()
        );
        pty.type_keys(b"3");
        pty.settle();
        pty.type_keys(b"y");
        let copied =
            support_hostile::wait_until(TIMEOUT, || !pty.recorder().clipboard_writes.is_empty());
        assert!(copied, "{file}: y wrote no OSC 52\n{}", pty.contents());
        let writes = pty.recorder().clipboard_writes;
        assert_eq!(writes.len(), 1, "{file}: {writes:?}");
        let (_, data) = &writes[0];
        use base64::Engine;
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap_or_else(|e| panic!("{file}: clipboard data is not base64: {e}"));
        let text = String::from_utf8(decoded).expect("clipboard text is UTF-8");
        assert!(
            text.contains("QT1") && text.contains("QT2"),
            "{file}: copied {text:?}"
        );
        assert!(
            !text.chars().any(|c| c.is_control()),
            "{file}: the clipboard got control characters: {text:?}"
        );
        let raw = pty.raw();
        let found = audit(
            &raw,
            Allow {
                osc52: true,
                ..Allow::default()
            },
        );
        assert!(found.is_empty(), "{file}: {found:#?}");
        let status = pty.quit();
        assert!(status.success(), "{file}: {status:?}");
    }
}

/// The source URL is shown when the source has no name: a URL full of escapes.
#[test]
fn escapes_in_a_source_url() {
    let path = corpus("source-url.json");
    let mut pty = open(&path);
    let screen = pty.show("HL2", "source-url.json: the briefing never showed");
    assert!(
        screen.contains("UR1") && screen.contains('\u{241b}'),
        "the URL is not shown with visible symbols\n{screen}"
    );
    assert_no_controls_on_screen(&pty, "source-url.json");
    assert_raw_clean(&pty, "source-url.json", Allow::default());
    pty.with_screen(|s| assert_layout_holds(s, "source-url.json"));
    assert!(pty.quit().success());
}

/// The harness itself can fail: a "reader" that writes a briefing's bytes raw (a shell
/// printf standing in for brief) is caught by the byte audit and by vt100's callbacks.
#[test]
fn the_harness_catches_a_reader_that_leaks() {
    let leak = r"printf '\033[?1049hHL1 \033]0;PWNED-TITLE\007\033]52;c;UFdORUQ=\007\033[2J HL2\n'; read x";
    let mut pty = Launch::program("/bin/sh", &["-c", leak])
        .expect("set up sh")
        .size(80, 24)
        .start();
    assert!(pty.wait_text("HL2"), "{}", pty.contents());
    let found = audit(&pty.raw(), Allow::default());
    assert!(found.iter().any(|f| f.what.starts_with("OSC")), "{found:?}");
    let recorder = pty.recorder();
    assert_eq!(recorder.titles, vec![b"PWNED-TITLE".to_vec()]);
    assert_eq!(recorder.clipboard_writes.len(), 1);
    assert_eq!(
        recorder.attacks_seen().len(),
        3,
        "{:?}",
        recorder.attacks_seen()
    );
    pty.type_keys(b"\n");
    assert!(pty.exit_within(TIMEOUT).is_some_and(|s| s.success()));
}

/// A briefing is open: its headline pane's title.
const BRIEFING_SHOWN: &str = "1 Headline";
/// What Enter on a file that failed to load says.
const FAILED_FILE: &str = "this file failed to load";
/// The start of the first error of echoed-values.json, the corpus's one failed file.
const ECHOED_ERROR: &str = "expected a BCP 47 language tag";

/// The whole corpus as one folder: every row of the library selected in turn (a failed
/// file shows its full error, which quotes hostile values), every briefing opened and
/// closed, in both bidi modes: nothing reaches the terminal, the borders hold.
#[test]
fn the_whole_corpus_in_the_library() {
    let dir = corpus_dir();
    for mode in ["app", "terminal"] {
        let mut pty = launch_brief(&[dir.to_str().expect("utf-8 path"), "--bidi", mode])
            .size(COLS, ROWS)
            .start();
        assert!(
            pty.wait_until(TIMEOUT, |s| s.contents().contains("Library")),
            "{}",
            pty.contents()
        );
        pty.settle();
        let files = std::fs::read_dir(&dir)
            .expect("read corpus")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json"))
            })
            .count();
        let (mut opened, mut failed) = (0, 0);
        for row in 0..files {
            pty.type_keys(b"\r");
            let what = format!("--bidi {mode}: row {row} opened");
            assert!(
                pty.wait_until(TIMEOUT, |s| {
                    let screen = s.contents();
                    screen.contains(BRIEFING_SHOWN) || screen.contains(FAILED_FILE)
                }),
                "{what}: neither a briefing nor a failed file's notice\n{}",
                pty.contents()
            );
            pty.settle();
            let screen = pty.contents();
            if screen.contains(BRIEFING_SHOWN) {
                opened += 1;
            } else {
                failed += 1;
                assert!(
                    screen.contains(ECHOED_ERROR),
                    "{what}: the failed file's error is not shown\n{screen}"
                );
            }
            pty.with_screen(|s| assert_layout_holds(s, &what));
            pty.type_keys(b"\x1b");
            assert!(
                pty.wait_until(TIMEOUT, |s| !s.contents().contains(BRIEFING_SHOWN)),
                "{what}: Esc did not go back to the library\n{}",
                pty.contents()
            );
            pty.type_keys(b"j");
            pty.settle();
            pty.with_screen(|s| {
                assert_layout_holds(s, &format!("--bidi {mode}: row {row} selected"))
            });
        }
        // One file of the corpus (echoed-values.json) fails validation; the rest open.
        assert_eq!(
            (opened, failed),
            (files - 1, 1),
            "--bidi {mode}: briefings opened, failed files shown"
        );
        assert_no_controls_on_screen(&pty, "the corpus library");
        assert_raw_clean(
            &pty,
            &format!("the corpus library, --bidi {mode}"),
            Allow::default(),
        );
        assert!(pty.quit().success());
    }
}
