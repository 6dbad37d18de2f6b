//! Signals that land in the middle of a resize storm or of loading a large briefing.

use serde_json::json;

use crate::support_hostile::{
    TIMEOUT, assert_whole_run_clean, launch_brief, process_alive, signal, wait_until, write_json,
};
use crate::{s, seed, started, storm};

/// SIGTERM, SIGHUP and SIGINT in the middle of a storm (frames being written, events
/// queued): the status says which signal, the terminal is restored, no process is left.
#[test]
fn signals_in_the_middle_of_a_resize_storm() {
    for (name, status) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let file = seed();
        let mut pty = launch_brief(&[s(&file)]).size(120, 40).start();
        started(&mut pty, name);
        let pid = pty.pid().expect("the child\'s pid");
        storm(&mut pty, 60);
        signal(pid, name);
        storm(&mut pty, 40);
        let exit = pty
            .exit_within(TIMEOUT)
            .unwrap_or_else(|| panic!("SIG{name}: brief still running\n{}", pty.contents()));
        assert_eq!(
            exit.signal(),
            None,
            "SIG{name}: killed instead of handled: {exit:?}"
        );
        assert_eq!(exit.exit_code(), status, "SIG{name}: {exit:?}");
        assert!(
            wait_until(TIMEOUT, || !process_alive(pid)),
            "SIG{name}: process {pid} still there"
        );
        assert!(pty.wait_eof(TIMEOUT), "SIG{name}: output never ended");
        pty.with_screen(|s| {
            assert!(
                !s.alternate_screen(),
                "SIG{name}: still on the alternate screen"
            );
            assert!(!s.hide_cursor(), "SIG{name}: cursor hidden");
        });
        assert_whole_run_clean(&pty.raw(), &format!("SIG{name}"));
    }
}

/// A signal while a large briefing is still loading or being laid out for the first
/// frame. It may land before brief has set anything up (then the default action ends it
/// and nothing was changed) or after (then brief restores and exits 128+n): either way the
/// process is gone and the terminal is not left on the alternate screen.
#[test]
fn sigterm_while_loading_a_large_briefing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let paragraphs: Vec<String> = (0..400)
        .map(|n| format!("{n} {}", "والتقى الطاهر الباعور المفوض السامي ".repeat(60)))
        .collect();
    let file = write_json(
        dir.path(),
        "large.json",
        &json!({"headline": "LARGE", "language": "ar", "body": paragraphs}),
    );
    for wait_for_output in [false, true] {
        let mut pty = launch_brief(&[s(&file)]).size(200, 60).start();
        let pid = pty.pid().expect("the child\'s pid");
        if wait_for_output {
            // Once anything is written the handlers are in place.
            assert!(
                wait_until(TIMEOUT, || pty.raw_len() > 0),
                "no output at all"
            );
        }
        signal(pid, "TERM");
        let exit = pty
            .exit_within(TIMEOUT)
            .expect("brief still running after SIGTERM");
        match exit.signal() {
            Some(_) => assert!(
                !wait_for_output,
                "killed by SIGTERM after start-up: {exit:?}"
            ),
            None => assert_eq!(exit.exit_code(), 143, "{exit:?}"),
        }
        assert!(
            wait_until(TIMEOUT, || !process_alive(pid)),
            "process {pid} left"
        );
        assert!(pty.wait_eof(TIMEOUT));
        pty.with_screen(|s| assert!(!s.alternate_screen(), "left on the alternate screen"));
    }
}
