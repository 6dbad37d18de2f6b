//! Hostile conditions around the reader, beyond what `tests/e2e_pty.rs` covers (signals
//! while idle, hang-up, forced panic, Ctrl-Z with no shell to stop it):
//! - resize storms down to 1×1 and zero columns and back to 300×100, with the final screen
//!   equal to a fresh start at that size;
//! - signals that land in the middle of a storm or of loading a large briefing;
//! - Ctrl-Z under a real job-control shell, a resize while stopped, and `fg`.

// Tests fail by panicking: `expect` says what was being done when it failed.
#![allow(clippy::expect_used)]

mod support;
mod support_hostile;

use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;
use support_hostile::{
    Allow, Launch, Pty, TIMEOUT, assert_layout_holds, assert_whole_run_clean, audit, bin,
    launch_brief, process_alive, processes_running, signal, wait_until, write_json,
};

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/libya-ohchr-geneva.json")
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

/// Sizes of a storm: every degenerate size the issue names, and ordinary ones between.
const STORM: &[(u16, u16)] = &[
    (1, 1),
    (0, 0),
    (0, 24),
    (80, 0),
    (2, 1),
    (20, 5),
    (19, 4),
    (300, 100),
    (3, 2),
    (80, 24),
    (1, 100),
    (300, 1),
    (41, 7),
    (120, 40),
    (0, 1),
    (7, 3),
    (200, 60),
    (1, 2),
    (33, 11),
    (160, 50),
];

/// Waits until the first frame shows the headline pane.
fn started(pty: &mut Pty, what: &str) {
    pty.show("Headline", &format!("{what}: no first frame"));
}

/// A fresh reader at `cols`×`rows` on `file`: the screen a storm must end on.
fn reference_screen(file: &Path, cols: u16, rows: u16) -> String {
    let mut fresh = launch_brief(&[s(file)]).size(cols, rows).start();
    started(&mut fresh, "reference run");
    let screen = fresh.contents();
    assert!(fresh.quit().success());
    screen
}

fn storm(pty: &mut Pty, resizes: usize) {
    for n in 0..resizes {
        let (cols, rows) = STORM[n % STORM.len()];
        pty.set_size(cols, rows);
    }
}

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

/// True when the process is stopped (state T), as a shell's Ctrl-Z leaves it.
fn stopped(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            stat.rsplit_once(')')
                .map(|(_, rest)| rest.trim_start().starts_with('T'))
        })
        .unwrap_or(false)
}

/// The child of `parent` running the brief binary.
fn brief_child_of(parent: u32) -> Option<u32> {
    processes_running(&bin()).into_iter().find(|pid| {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|stat| {
                let rest = stat.rsplit_once(')')?.1.to_owned();
                rest.split_whitespace().nth(1)?.parse::<u32>().ok()
            })
            == Some(parent)
    })
}

/// brief on the seed briefing under bash with job control, at `cols`×`rows`: the shell,
/// brief's pid, and the file; `None` (the test skipped) where there is no bash.
fn brief_under_bash(test: &str, cols: u16, rows: u16) -> Option<(Pty, u32, PathBuf)> {
    if !Path::new("/bin/bash").exists() {
        support::skipped(test, "no /bin/bash").unwrap_or_else(|e| panic!("{e}"));
        return None;
    }
    let file = seed();
    let mut shell = Launch::program("/bin/bash", &["--norc", "--noprofile", "-i"])
        .expect("set up bash")
        .size(cols, rows)
        .env("PS1", "READY$ ")
        .start();
    assert!(shell.wait_text("READY$"), "no prompt\n{}", shell.contents());
    shell.type_keys(format!("{} {}\r", s(&bin()), s(&file)).as_bytes());
    shell.show("Headline", "brief did not start");
    let pid = brief_child_of(shell.pid().expect("the child\'s pid"))
        .expect("brief's pid under the shell");
    Some((shell, pid, file))
}

/// Once brief is told to stop: it stops (state T) and the shell's prompt has the
/// terminal back, with the cursor shown.
fn assert_stopped_at_the_prompt(shell: &mut Pty, pid: u32, how: &str) {
    assert!(
        wait_until(TIMEOUT, || stopped(pid)),
        "brief did not stop on {how}"
    );
    assert!(
        shell.wait_until(TIMEOUT, |s| !s.alternate_screen()
            && s.contents().contains("READY$")),
        "the shell did not get the terminal back after {how}\n{}",
        shell.contents()
    );
    shell.with_screen(|s| assert!(!s.hide_cursor(), "cursor hidden at the shell prompt"));
}

/// `fg`: brief comes back drawn whole at the shell's size (`cols`×`rows`), the same screen
/// as a fresh start there; then `q` ends it cleanly and the shell exits.
fn fg_redraws_whole_then_quit(mut shell: Pty, pid: u32, file: &Path, size: (u16, u16), what: &str) {
    shell.type_keys(b"fg\r");
    let want = reference_screen(file, size.0, size.1);
    assert!(
        shell.wait_until(TIMEOUT, |s| s.alternate_screen() && s.contents() == want),
        "after fg the screen is not redrawn whole\n--- after fg ---\n{}\n--- fresh ---\n{want}",
        shell.contents()
    );
    shell.type_keys(b"q");
    assert!(
        wait_until(TIMEOUT, || !process_alive(pid)),
        "brief still running after q"
    );
    assert!(
        shell.wait_until(TIMEOUT, |s| !s.alternate_screen()),
        "alternate screen not left"
    );
    assert_whole_run_clean(&shell.raw(), what);
    shell.type_keys(b"exit\r");
    assert!(
        shell.exit_within(TIMEOUT).is_some(),
        "the shell did not exit"
    );
}

/// Ctrl-Z under bash with job control: brief stops (state T) and gives the terminal back
/// to the shell's prompt; the terminal is resized while it is stopped; `fg` brings it
/// back redrawn whole at the new size, the same screen as a fresh start there.
#[test]
fn ctrl_z_under_a_job_control_shell_then_resize_then_fg() {
    let test = "ctrl_z_under_a_job_control_shell_then_resize_then_fg";
    let Some((mut shell, pid, file)) = brief_under_bash(test, 120, 40) else {
        return;
    };
    shell.type_keys(b"\x1a");
    assert_stopped_at_the_prompt(&mut shell, pid, "Ctrl-Z");
    shell.set_size(100, 30);
    fg_redraws_whole_then_quit(
        shell,
        pid,
        &file,
        (100, 30),
        "brief under a job-control shell",
    );
}

/// SIGTSTP from outside (`kill -TSTP`, as another terminal or a script would send it) does
/// what Ctrl-Z does: brief gives the terminal back before it stops, so the shell's prompt
/// is usable, and `fg` brings it back drawn whole.
#[test]
fn tstp_from_outside_gives_the_terminal_back_then_fg_redraws() {
    let test = "tstp_from_outside_gives_the_terminal_back_then_fg_redraws";
    let Some((mut shell, pid, file)) = brief_under_bash(test, 100, 30) else {
        return;
    };
    let kill = Command::new("kill")
        .args(["-TSTP", &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(kill.success());
    assert_stopped_at_the_prompt(&mut shell, pid, "SIGTSTP");
    fg_redraws_whole_then_quit(shell, pid, &file, (100, 30), "brief stopped from outside");
}

/// A long field is laid out on several threads; where the process may start none (a limit
/// on the user's processes, which threads count against), it is laid out on the one it has,
/// with the same result. Run as nobody under `prlimit --nproc=1`: root ignores the limit.
#[test]
fn a_process_limit_that_forbids_threads_still_lays_out_a_long_field() {
    let test = "a_process_limit_that_forbids_threads_still_lays_out_a_long_field";
    let have = |tool: &str| Command::new(tool).arg("--version").output().is_ok();
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !support::require(have("prlimit"), "prlimit", test).unwrap_or_else(|e| panic!("{e}")) {
        return;
    }
    if root && !support::require(have("setpriv"), "setpriv", test).unwrap_or_else(|e| panic!("{e}"))
    {
        return;
    }
    // A container may map no uid 65534 (user namespaces): then nobody cannot be become.
    let as_nobody = ["--reuid=65534", "--regid=65534", "--clear-groups", "true"];
    if root
        && !Command::new("setpriv")
            .args(as_nobody)
            .status()
            .is_ok_and(|s| s.success())
    {
        support::skipped(
            test,
            "`setpriv --reuid=65534` is refused here (no uid 65534?)",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::set_permissions(
        dir.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .expect("chmod dir");
    // One field of 400 paragraphs of about 1.3 KB: over the 256 KB from which layout uses
    // threads (each field is laid out on its own).
    let field: Vec<String> = (0..400)
        .map(|n| format!("{n} {}", "والتقى الطاهر الباعور المفوض السامي ".repeat(20)))
        .collect();
    let file = write_json(
        dir.path(),
        "long.json",
        &json!({"headline": "LONG", "language": "ar", "body": [field.join("\n")]}),
    );
    std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o644))
        .expect("chmod file");
    // A copy of the binary in the world-readable tempdir: nobody may not enter the checkout.
    let copy = dir.path().join("brief");
    std::fs::copy(bin(), &copy).expect("copy the binary");
    std::fs::set_permissions(&copy, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod binary");
    let run = |limit: bool| {
        // [setpriv to nobody] [prlimit --nproc=1:1] brief show FILE
        let mut words: Vec<&str> = Vec::new();
        if root {
            words.extend([
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
            ]);
        }
        if limit {
            words.extend(["prlimit", "--nproc=1:1"]);
        }
        words.push(s(&copy));
        let mut cmd = Command::new(words[0]);
        cmd.args(&words[1..])
            .args(["show", s(&file), "--width", "100"])
            .env("LANG", "C.UTF-8");
        // The copy was just written: a child forked meanwhile by a parallel test may still
        // hold its write descriptor until it execs, and exec then fails. Retry.
        let mut out = cmd.output().expect("run brief show");
        for _ in 0..100 {
            if !String::from_utf8_lossy(&out.stderr).contains("Text file busy") {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            out = cmd.output().expect("run brief show");
        }
        out
    };
    let (free, limited) = (run(false), run(true));
    for (out, what) in [(&free, "without a limit"), (&limited, "under --nproc=1")] {
        assert!(
            out.status.success(),
            "{what}: {:?}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(
        free.stdout.len() > 256 * 1024,
        "{} bytes shown",
        free.stdout.len()
    );
    assert!(
        free.stdout == limited.stdout,
        "the limited run shows other lines"
    );
}
