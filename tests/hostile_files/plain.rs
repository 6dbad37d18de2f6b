//! `brief check` and `brief show` on the broken files, outside a terminal.

use std::os::unix::fs::PermissionsExt;

use crate::folder::{good, hostile_folder};
use crate::support;
use crate::support_hostile::{TIMEOUT, bin, plain_text_controls, run_piped};
use crate::{BAD, s};

#[test]
fn check_reports_every_broken_file_and_passes_the_good_ones() {
    let dir = hostile_folder();
    let (status, out, err) = run_piped(&["check", s(dir.path())], TIMEOUT);
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = status
        .unwrap_or_else(|| panic!("brief check hung on the folder (FIFO? /dev/zero?)\n{text}"));
    assert_eq!(
        status.code(),
        Some(1),
        "{text}\n{}",
        String::from_utf8_lossy(&err)
    );
    let found = plain_text_controls(&out);
    assert!(found.is_empty(), "{found:?}\n{text}");
    for bad in BAD {
        assert!(
            text.lines().any(|l| l.contains(bad) && l.contains("error")),
            "{bad} is not reported as an error:\n{text}"
        );
    }
    for ok in [
        "one.json",
        "two.json",
        "three.json",
        "four.json",
        "seed.json",
    ] {
        assert!(
            !text
                .lines()
                .any(|l| l.contains(&format!("/{ok}")) && l.contains("error")),
            "the good file {ok} is reported as broken:\n{text}"
        );
    }
}

#[test]
fn each_broken_file_alone_is_an_error_not_a_hang() {
    let dir = hostile_folder();
    for bad in BAD {
        let path = dir.path().join(bad);
        let (status, out, err) = run_piped(&["show", s(&path), "--width", "80"], TIMEOUT);
        let status = status.unwrap_or_else(|| panic!("brief show {bad} hung"));
        assert!(
            !status.success(),
            "brief show {bad} succeeded:\n{}",
            String::from_utf8_lossy(&out)
        );
        assert!(
            status.code().is_some(),
            "brief show {bad} died of a signal: {status}"
        );
        assert_ne!(status.code(), Some(101), "brief show {bad} panicked");
        let found = plain_text_controls(&err);
        assert!(found.is_empty(), "{bad}: {found:?}");
        assert!(!err.is_empty(), "brief show {bad}: no message");
    }
}

/// Tests run as root, who reads any file whatever its mode: the unreadable file is read
/// here by an unprivileged user (`setpriv` to nobody) so that the permission applies.
#[test]
fn a_file_without_read_permission() {
    let dir = tempfile::tempdir().expect("tempdir");
    good(dir.path(), "readable.json", "READABLE", "2025-01-01");
    let secret = good(dir.path(), "secret.json", "SECRET", "2025-01-02");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod 000");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
        .expect("chmod dir");
    let Some(mut cmd) = unprivileged_brief(dir.path()) else {
        return;
    };
    cmd.args(["check", s(dir.path())]).env("LANG", "C.UTF-8");
    let out = output_once_not_busy(&mut cmd);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.lines()
            .any(|l| l.contains("secret.json") && l.contains("error")),
        "the unreadable file is not reported:\n{text}"
    );
    assert!(
        !text.contains("readable.json:"),
        "the readable file is reported:\n{text}"
    );
}

/// brief as a user file permissions apply to: itself when not root; as root, a copy of it
/// in `dir` run by nobody through setpriv. None (the test skipped) without setpriv.
fn unprivileged_brief(dir: &std::path::Path) -> Option<std::process::Command> {
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    if !root {
        return Some(std::process::Command::new(bin()));
    }
    let have_setpriv = std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok();
    // Root reads every file: without setpriv the permission cannot be tested.
    let test = "a_file_without_read_permission";
    if !support::require(have_setpriv, "setpriv", test).unwrap_or_else(|e| panic!("{e}")) {
        return None;
    }
    // A copy of the binary in the (world-readable) tempdir: the checkout itself may sit
    // in a folder nobody cannot enter.
    let copy = dir.join("brief");
    std::fs::copy(bin(), &copy).expect("copy the binary");
    std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let mut cmd = std::process::Command::new("setpriv");
    cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
    cmd.arg(&copy);
    Some(cmd)
}

/// The copy was just written: a child forked meanwhile by a parallel test may still hold
/// its write descriptor until it execs, and exec then fails with ETXTBSY. Retry.
fn output_once_not_busy(cmd: &mut std::process::Command) -> std::process::Output {
    let mut out = cmd
        .output()
        .expect("run brief check as an unprivileged user");
    for _ in 0..100 {
        if !String::from_utf8_lossy(&out.stderr).contains("Text file busy") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        out = cmd
            .output()
            .expect("run brief check as an unprivileged user");
    }
    out
}
