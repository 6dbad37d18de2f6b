//! The audit and the recorder can fail: raw payloads and a reader that leaks are caught.

use crate::support_hostile::{Allow, Launch, TIMEOUT, audit};

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
