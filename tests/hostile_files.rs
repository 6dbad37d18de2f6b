//! Broken files beside good ones in one folder: invalid JSON, wrong types, invalid UTF-8,
//! a binary file, an empty file, a symlink loop (file and folder), an unreadable file, a
//! FIFO and a symlink to /dev/zero named `.json`, a dangling symlink, a file over the size
//! limit, and files deleted or rewritten while the reader runs. The good ones read
//! normally, the bad ones are listed with their errors, nothing panics, nothing hangs.

// Tests fail by panicking: `expect` says what was being done when it failed.
#![allow(clippy::expect_used)]

mod support;
mod support_hostile;

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::json;
use support_hostile::{
    Allow, Pty, TIMEOUT, assert_layout_holds, assert_whole_run_clean, audit, bin, launch_brief,
    plain_text_controls, run_piped, write_json,
};

/// Files that must each be reported as an error, by name.
const BAD: &[&str] = &[
    "invalid.json",
    "wrong-types.json",
    "invalid-utf8.json",
    "binary.json",
    "empty.json",
    "loop-a.json",
    "loop-b.json",
    "fifo.json",
    "zero.json",
    "dangling.json",
    "too-large.json",
    "deep.json",
];

/// The status brief exits with when it reports an error itself.
const ERROR_STATUS: u32 = 2;

const GOOD: &[&str] = &[
    "GOOD BRIEFING ONE",
    "GOOD BRIEFING TWO",
    "GOOD BRIEFING THREE",
    "GOOD BRIEFING FOUR",
];

fn good(dir: &Path, name: &str, headline: &str, date: &str) -> PathBuf {
    write_json(
        dir,
        name,
        &json!({
            "format": 1,
            "headline": headline,
            "date": date,
            "language": "en",
            "body": [format!("The body of {headline}.")],
        }),
    )
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// The folder: four good briefings, the seed sample, and every kind of broken file.
fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    good(d, "one.json", GOOD[0], "2025-01-04");
    good(d, "two.json", GOOD[1], "2025-01-03");
    good(d, "three.json", GOOD[2], "2025-01-02");
    good(d, "four.json", GOOD[3], "2025-01-01");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/libya-ohchr-geneva.json");
    std::fs::copy(&seed, d.join("seed.json")).expect("copy the seed briefing");
    std::fs::write(d.join("invalid.json"), b"{ \"headline\": \"cut off").expect("write");
    std::fs::write(
        d.join("wrong-types.json"),
        br#"{"headline": 42, "tags": "not a list", "body": {"a": 1}, "quotes": [7]}"#,
    )
    .expect("write");
    std::fs::write(
        d.join("invalid-utf8.json"),
        b"{\"headline\": \"bad \xff\xfe bytes \x9b2J \xc3\"}",
    )
    .expect("write");
    let mut binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    binary.extend_from_slice(b"\x1b]0;PWNED-BINARY\x07\x1b[2J\x9b6n");
    std::fs::write(d.join("binary.json"), binary).expect("write");
    std::fs::write(d.join("empty.json"), b"").expect("write");
    symlink("loop-b.json", d.join("loop-a.json")).expect("symlink");
    symlink("loop-a.json", d.join("loop-b.json")).expect("symlink");
    std::fs::create_dir(d.join("sub")).expect("mkdir");
    symlink("..", d.join("sub/up")).expect("symlink to the parent folder");
    mkfifo(&d.join("fifo.json"));
    symlink("/dev/zero", d.join("zero.json")).expect("symlink");
    symlink("no-such-file.json", d.join("dangling.json")).expect("symlink");
    // 100,000 levels of nesting inside an unknown field (skipped fields are parsed with no
    // depth limit by serde_json: a stack overflow waiting to happen).
    let depth = 100_000;
    let deep = format!(
        "{{\"headline\": \"deep\", \"junk\": {}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    std::fs::write(d.join("deep.json"), deep).expect("write");
    // 17 MiB of holes: over the 16 MiB default limit without using the disk.
    let large = std::fs::File::create(d.join("too-large.json")).expect("create");
    large.set_len(17 * 1024 * 1024).expect("set_len");
    dir
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

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

/// Reads the reader's "N briefings, M errors" count off the screen.
fn library_counts(screen: &str) -> Option<(usize, usize)> {
    let at = screen.find(" briefing")?;
    let before = &screen[..at];
    let n: usize = before
        .rsplit(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()?;
    let after = &screen[at..];
    let comma = after.find(", ")?;
    let rest = &after[comma + 2..];
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    Some((n, digits.parse().ok()?))
}

#[test]
fn reader_lists_good_and_bad_side_by_side_and_survives_files_changing() {
    let dir = hostile_folder();
    let mut pty = launch_brief(&[s(dir.path())]).size(160, 50).start();
    assert!(
        pty.wait_until(TIMEOUT, |s| GOOD.iter().all(|g| s.contents().contains(g))),
        "the good briefings are not all listed\n{}",
        pty.contents()
    );
    pty.settle();
    let screen = pty.contents();
    let (briefings, errors) = library_counts(&screen)
        .unwrap_or_else(|| panic!("no 'N briefings, M errors' count\n{screen}"));
    assert_eq!(briefings, 5, "four good briefings and the seed\n{screen}");
    assert!(
        errors >= BAD.len(),
        "{errors} errors shown, {} bad files\n{screen}",
        BAD.len()
    );
    assert!(
        screen.contains("ERROR"),
        "broken files are not marked\n{screen}"
    );
    pty.with_screen(|s| assert_layout_holds(s, "library"));

    // While it runs: one good file deleted, one rewritten as garbage, one made a FIFO.
    std::fs::remove_file(dir.path().join("four.json")).expect("delete");
    std::fs::write(dir.path().join("three.json"), b"\x1b]0;PWNED\x07 not json").expect("rewrite");
    std::fs::remove_file(dir.path().join("two.json")).expect("delete");
    mkfifo(&dir.path().join("two.json"));

    // Walk the whole list, opening every entry and going back, then page through.
    let rows = briefings + errors;
    for _ in 0..rows {
        pty.type_keys(b"\r");
        pty.type_keys(b"\x1b");
        pty.type_keys(b"j");
    }
    pty.type_keys(b"g\r]]]]]]\x1b");
    pty.settle();
    pty.assert_running("while files changed");
    assert!(
        pty.wait_until(TIMEOUT, |s| s.contents().contains("GOOD BRIEFING ONE")),
        "{}",
        pty.contents()
    );
    // brief reads a file once, when it loads: each good briefing, its file since deleted,
    // rewritten as garbage or replaced by a FIFO, still opens with the text it was read with.
    for headline in GOOD {
        open_filtered(&mut pty, headline);
    }
    let found = audit(&pty.raw(), Allow::default());
    assert!(found.is_empty(), "{found:#?}");
    assert!(
        pty.recorder().attacks_seen().is_empty(),
        "{:?}",
        pty.recorder().attacks_seen()
    );
    let status = pty.quit();
    assert!(status.success(), "{status:?}\n{}", pty.contents());
}

/// From the library: filters it down to `headline`, opens the briefing, checks that its
/// body is on screen, and goes back to the whole library.
fn open_filtered(pty: &mut Pty, headline: &str) {
    let body = format!("The body of {headline}.");
    pty.type_keys(b"/");
    pty.type_keys(headline.as_bytes());
    pty.type_keys(b"\r\r");
    assert!(
        pty.wait_until(TIMEOUT, |s| {
            let screen = s.contents();
            screen.contains("1 Headline") && screen.contains(&body)
        }),
        "{headline} does not open with its body\n{}",
        pty.contents()
    );
    // Back to the library, then the filter cleared (one Esc at a time: two in one read
    // are taken as one key).
    pty.type_keys(b"\x1b");
    assert!(
        pty.wait_until(TIMEOUT, |s| !s.contents().contains("1 Headline")),
        "not back to the library after {headline}\n{}",
        pty.contents()
    );
    pty.settle();
    pty.type_keys(b"\x1b");
    assert!(
        pty.wait_until(TIMEOUT, |s| GOOD.iter().all(|g| s.contents().contains(g))),
        "the filter is not cleared after {headline}\n{}",
        pty.contents()
    );
    pty.settle();
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

#[test]
fn a_broken_file_opened_directly_in_the_reader() {
    let dir = hostile_folder();
    for bad in ["fifo.json", "zero.json", "binary.json", "loop-a.json"] {
        let path = dir.path().join(bad);
        let mut pty = launch_brief(&[s(&path)]).size(100, 30).start();
        // Either the reader shows the error, or brief says so and exits: never a hang.
        let answered = pty.wait_until(Duration::from_secs(20), |s| {
            let c = s.contents();
            c.contains("rror") || c.contains(bad)
        });
        let exited = pty.try_wait();
        assert!(
            answered || exited.is_some(),
            "{bad}: no answer\n{}",
            pty.contents()
        );
        match exited {
            // brief refuses the path itself (a symlink loop does not exist): its error
            // status, from an exit, not a signal (a crash) nor a panic's 101.
            Some(status) => assert!(
                status.signal().is_none() && status.exit_code() == ERROR_STATUS,
                "{bad}: ended by {status}, not brief's error exit {ERROR_STATUS}\n{}",
                pty.contents()
            ),
            None => {
                let status = pty.quit();
                assert!(status.success(), "{bad}: {status:?}");
            }
        }
        assert_whole_run_clean(&pty.raw(), bad);
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
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let mut cmd = if root {
        let have_setpriv = std::process::Command::new("setpriv")
            .arg("--version")
            .output()
            .is_ok();
        // Root reads every file: without setpriv the permission cannot be tested.
        let test = "a_file_without_read_permission";
        if !support::require(have_setpriv, "setpriv", test).unwrap_or_else(|e| panic!("{e}")) {
            return;
        }
        // A copy of the binary in the (world-readable) tempdir: the checkout itself may sit
        // in a folder nobody cannot enter.
        let copy = dir.path().join("brief");
        std::fs::copy(bin(), &copy).expect("copy the binary");
        std::fs::set_permissions(&copy, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        let mut cmd = std::process::Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        cmd.arg(&copy);
        cmd
    } else {
        std::process::Command::new(bin())
    };
    cmd.args(["check", s(dir.path())]).env("LANG", "C.UTF-8");
    // The copy was just written: a child forked meanwhile by a parallel test may still hold
    // its write descriptor until it execs, and exec then fails with ETXTBSY. Retry.
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
