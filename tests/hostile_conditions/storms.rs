//! Resize storms down to 1×1 and zero columns and back, with keys typed in the middle.

use crate::support_hostile::{Allow, TIMEOUT, assert_layout_holds, audit, launch_brief};
use crate::{STORM, reference_screen, s, seed, started, storm};
use std::path::Path;

#[test]
fn resize_storm_down_to_nothing_and_back_ends_on_the_right_screen() {
    // The Arabic seed, and a briefing full of escape sequences laid out at every size.
    let hostile = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/esc-csi.json");
    for file in [seed(), hostile] {
        let what = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("?")
            .to_owned();
        let mut pty = launch_brief(&[s(&file)]).size(120, 40).start();
        started(&mut pty, &what);
        storm(&mut pty, 100);
        pty.set_size(300, 100);
        let want = reference_screen(&file, 300, 100);
        let same = pty.wait_until(TIMEOUT, |s| s.contents() == want);
        assert!(
            same,
            "{what}: after the storm the screen is not what a fresh start at 300×100 shows\n--- after storm ---\n{}\n--- fresh ---\n{want}",
            pty.contents()
        );
        pty.with_screen(|s| assert_layout_holds(s, &format!("{what} after the storm")));
        pty.assert_running(&format!("{what}: during the storm"));
        let found = audit(&pty.raw(), Allow::default());
        assert!(found.is_empty(), "{what}: {found:#?}");
        assert!(pty.recorder().attacks_seen().is_empty(), "{what}");
        let status = pty.quit();
        assert!(status.success(), "{what}: {status:?}");
    }
}

/// Keys typed in the middle of a storm (focus, scroll, library, help, search) are taken
/// at whatever size the terminal has then: no panic, and the reader still answers.
#[test]
fn keys_in_the_middle_of_a_storm() {
    let file = seed();
    let mut pty = launch_brief(&[s(&file)]).size(120, 40).start();
    started(&mut pty, "keys in a storm");
    let keys: [&[u8]; 10] = [
        b"\t",
        b"j",
        b"G",
        b"?",
        b"\x1b",
        b"\x1b",
        b"\r",
        b"3",
        b"/\xd8\xa7\r",
        b"n",
    ];
    for n in 0..100 {
        let (cols, rows) = STORM[n % STORM.len()];
        pty.set_size(cols, rows);
        pty.type_keys(keys[n % keys.len()]);
    }
    pty.set_size(100, 30);
    pty.settle();
    pty.assert_running("keys in a storm");
    pty.with_screen(|s| assert_layout_holds(s, "after keys in a storm"));
    pty.answer(&[b"?"], "no answer after the storm");
    let found = audit(&pty.raw(), Allow::default());
    assert!(found.is_empty(), "{found:#?}");
    let status = pty.quit();
    assert!(status.success(), "{status:?}\n{}", pty.contents());
}

/// Twice over: a storm that ends at 1×1, then one that ends at zero columns; each time
/// the reader is still there and answers once the terminal is usable again.
#[test]
fn a_storm_that_ends_tiny_then_grows_again() {
    let file = seed();
    let mut pty = launch_brief(&[s(&file)]).size(80, 24).start();
    started(&mut pty, "tiny storm");
    for last in [(1, 1), (0, 0)] {
        storm(&mut pty, 50);
        pty.set_size(last.0, last.1);
        pty.settle();
        pty.assert_running(&format!("at {last:?}"));
    }
    pty.set_size(100, 30);
    let want = reference_screen(&file, 100, 30);
    assert!(
        pty.wait_until(TIMEOUT, |s| s.contents() == want),
        "--- after ---\n{}\n--- fresh ---\n{want}",
        pty.contents()
    );
    // Still answering keys: Tab moves the focus, as it does on a fresh start.
    pty.type_keys(b"\t");
    assert!(
        pty.wait_until(TIMEOUT, |s| s.contents() != want),
        "no answer to Tab"
    );
    assert!(pty.quit().success());
}
