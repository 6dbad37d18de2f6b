//! An index its user cannot write: `brief index` says so in one line, `brief search` still
//! answers. HOME and XDG_* point into the test's sandbox.

mod index_common;

use std::process::Command;

use index_common::{Sandbox, brief, fill, hits_in, library, text};

/// An index its user cannot write (a file and folder of another user, or read-only): `brief
/// index` says so in one line and exits 2; `brief search` still answers, from the files.
/// As root, who may write anything, brief runs as nobody through setpriv.
#[test]
fn a_read_only_index_is_reported_and_search_still_answers() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    fill(&sandbox, 3);
    let index = sandbox.index_file();
    let index_arg = index.to_string_lossy().into_owned();
    let built = brief(
        &sandbox,
        &["index", &library(&sandbox), "--index", &index_arg],
    );
    assert_eq!(built.status.code(), Some(0), "{}", text(&built.stderr));
    let chmod = |path: &std::path::Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
            .unwrap_or_else(|e| panic!("chmod {}: {e}", path.display()));
    };
    chmod(&index, 0o444);
    chmod(&sandbox.cache(), 0o555);
    for dir in [sandbox.dir.path(), &sandbox.library(), &sandbox.home()] {
        chmod(dir, 0o755);
    }
    let Some(program) = unprivileged(&sandbox) else {
        chmod(&sandbox.cache(), 0o755);
        return;
    };
    let run = |args: &[&str]| {
        let mut command = Command::new(&program[0]);
        command.args(&program[1..]).args(args);
        command
            .env_clear()
            .envs(sandbox.env())
            .env("LANG", "C.UTF-8");
        // The copy was just written: a child forked meanwhile by a parallel test may hold
        // its descriptor until it execs, and exec fails with ETXTBSY until then.
        let mut out = command.output().unwrap_or_else(|e| panic!("{e}"));
        for _ in 0..100 {
            if !text(&out.stderr).contains("Text file busy") {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
            out = command.output().unwrap_or_else(|e| panic!("{e}"));
        }
        out
    };
    let refused = run(&["index", &library(&sandbox), "--index", &index_arg]);
    let err = text(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{err}");
    assert!(
        err.contains("read-only") && err.trim().lines().count() == 1,
        "{err}"
    );
    let searched = run(&[
        "search",
        &library(&sandbox),
        "headline",
        "--index",
        &index_arg,
    ]);
    assert_eq!(
        searched.status.code(),
        Some(0),
        "{}",
        text(&searched.stderr)
    );
    assert_eq!(hits_in(&searched.stdout), 3);
    assert!(text(&searched.stderr).contains("read-only"));
    // The sandbox is deleted by this process; give the folders back their write bit.
    chmod(&sandbox.cache(), 0o755);
}

/// How to run brief as a user permissions apply to: brief itself when not root; as root, a
/// copy of it in the sandbox run as nobody by setpriv. None (said loudly, an error under
/// CI) without setpriv.
fn unprivileged(sandbox: &Sandbox) -> Option<Vec<String>> {
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| text(&out.stdout).trim() == "0");
    if !root {
        return Some(vec![env!("CARGO_BIN_EXE_brief").to_owned()]);
    }
    let have_setpriv = Command::new("setpriv").arg("--version").output().is_ok();
    if !have_setpriv {
        let why = "running as root and `setpriv` is missing: a read-only file binds no root";
        assert!(
            std::env::var_os("CI").is_none(),
            "cannot run under CI: {why}"
        );
        // Straight to stderr, past the harness's capture.
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!("SKIPPED a_read_only_index_is_reported_and_search_still_answers: {why}\n")
                .as_bytes(),
        );
        return None;
    }
    let copy = sandbox.dir.path().join("brief");
    std::fs::copy(env!("CARGO_BIN_EXE_brief"), &copy).unwrap_or_else(|e| panic!("{e}"));
    Some(vec![
        "setpriv".into(),
        "--reuid=65534".into(),
        "--regid=65534".into(),
        "--clear-groups".into(),
        copy.to_string_lossy().into_owned(),
    ])
}
