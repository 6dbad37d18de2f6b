//! A process limit that forbids the layout's threads.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::json;

use crate::s;
use crate::support;
use crate::support_hostile::{bin, write_json};

/// A long field is laid out on several threads; where the process may start none (a limit
/// on the user's processes, which threads count against), it is laid out on the one it has,
/// with the same result. Run as nobody under `prlimit --nproc=1`: root ignores the limit.
#[test]
fn a_process_limit_that_forbids_threads_still_lays_out_a_long_field() {
    let test = "a_process_limit_that_forbids_threads_still_lays_out_a_long_field";
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !tools_present(test, root) {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (copy, file) = world_readable_run(dir.path());
    let (free, limited) = (
        show(root, false, &copy, &file),
        show(root, true, &copy, &file),
    );
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

/// prlimit, and for root setpriv and a uid 65534 to become; false (the test skipped, said
/// loudly) when one is missing.
fn tools_present(test: &str, root: bool) -> bool {
    let have = |tool: &str| Command::new(tool).arg("--version").output().is_ok();
    if !support::require(have("prlimit"), "prlimit", test).unwrap_or_else(|e| panic!("{e}")) {
        return false;
    }
    if root && !support::require(have("setpriv"), "setpriv", test).unwrap_or_else(|e| panic!("{e}"))
    {
        return false;
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
        return false;
    }
    true
}

/// In `dir`, made world-readable: a copy of the binary (nobody may not enter the
/// checkout) and a briefing with one long field. Their paths.
fn world_readable_run(dir: &Path) -> (PathBuf, PathBuf) {
    std::fs::set_permissions(dir, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod dir");
    // One field of 400 paragraphs of about 1.3 KB: over the 256 KB from which layout uses
    // threads (each field is laid out on its own).
    let field: Vec<String> = (0..400)
        .map(|n| format!("{n} {}", "والتقى الطاهر الباعور المفوض السامي ".repeat(20)))
        .collect();
    let file = write_json(
        dir,
        "long.json",
        &json!({"headline": "LONG", "language": "ar", "body": [field.join("\n")]}),
    );
    std::fs::set_permissions(&file, std::os::unix::fs::PermissionsExt::from_mode(0o644))
        .expect("chmod file");
    let copy = dir.join("brief");
    std::fs::copy(bin(), &copy).expect("copy the binary");
    std::fs::set_permissions(&copy, std::os::unix::fs::PermissionsExt::from_mode(0o755))
        .expect("chmod binary");
    (copy, file)
}

/// `[setpriv to nobody] [prlimit --nproc=1:1] brief show FILE`: nobody when `root`, under
/// the limit when `limit`.
fn show(root: bool, limit: bool, copy: &Path, file: &Path) -> Output {
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
    words.push(s(copy));
    let mut cmd = Command::new(words[0]);
    cmd.args(&words[1..])
        .args(["show", s(file), "--width", "100"])
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
}
