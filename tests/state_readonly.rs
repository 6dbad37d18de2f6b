//! A read-only or unusable place for the state: brief says why marks are off and exits
//! cleanly; it never crashes and never changes the file. Run as an unprivileged user
//! (through setpriv when the tests run as root, who may write anywhere).

mod state_common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use state_common::{Home, text};

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .unwrap_or_else(|e| panic!("chmod {}: {e}", path.display()));
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// `brief mark FILE --read --state STATE` as a user file permissions apply to; `None`
/// (said loudly, a failure under CI) when that cannot be arranged.
fn mark_unprivileged(home: &Home, state: &Path) -> Option<std::process::Output> {
    let mut command = if is_root() {
        if Command::new("setpriv").arg("--version").output().is_err() {
            let why = "running as root without setpriv: permissions cannot be tested";
            assert!(std::env::var_os("CI").is_none(), "{why}, and CI is set");
            eprintln!("SKIPPED state_readonly: {why}");
            return None;
        }
        // A copy nobody can run: the checkout may sit where nobody cannot enter.
        let copy = home.path("brief");
        if !copy.exists() {
            std::fs::copy(env!("CARGO_BIN_EXE_brief"), &copy).unwrap_or_else(|e| panic!("{e}"));
            chmod(&copy, 0o755);
        }
        let mut command = Command::new("setpriv");
        command
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&copy);
        command
    } else {
        Command::new(env!("CARGO_BIN_EXE_brief"))
    };
    let out = command
        .args(["mark", "briefings/a.json", "--read", "--state"])
        .arg(state)
        .env("HOME", home.path("home"))
        .env("XDG_CONFIG_HOME", home.path("config"))
        .env("USER", "nobody")
        .current_dir(home.dir.path())
        .output()
        .unwrap_or_else(|e| panic!("cannot run brief: {e}"));
    Some(out)
}

/// Every folder of the home readable and enterable by anyone, the files readable.
fn open_up(home: &Home) {
    let walk = Command::new("chmod")
        .args(["-R", "a+rX"])
        .arg(home.dir.path())
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(walk.success());
}

fn expect_marks_off(out: &std::process::Output, state: &Path, why: &str) {
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("marks are off"), "{err}");
    assert!(err.contains(&state.display().to_string()), "{err}");
    assert!(err.contains(why), "{why:?} not in {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_read_only_file_folder_or_place_turns_marks_off_with_the_reason() {
    let home = Home::new();
    home.briefing("a", "a");
    // A state nobody may write, made by us.
    let file = home.path("team/state.db");
    std::fs::create_dir_all(home.path("team")).unwrap_or_else(|e| panic!("{e}"));
    drop(state_common::open(&file));
    // A folder nobody may create a state in.
    let locked = home.path("locked");
    std::fs::create_dir_all(&locked).unwrap_or_else(|e| panic!("{e}"));
    open_up(&home);
    // 0o644 when ours and we are root: owned by root, nobody may write it.
    chmod(&file, if is_root() { 0o644 } else { 0o444 });
    chmod(&home.path("team"), 0o555);
    chmod(&locked, 0o555);
    let before = std::fs::read(&file).unwrap_or_else(|e| panic!("{e}"));
    let Some(out) = mark_unprivileged(&home, &file) else {
        return;
    };
    expect_marks_off(&out, &file, "read-only, marks cannot be saved");
    assert_eq!(std::fs::read(&file).unwrap_or_default(), before);
    let missing = locked.join("state.db");
    if let Some(out) = mark_unprivileged(&home, &missing) {
        expect_marks_off(&out, &missing, "cannot open");
    }
    let deeper = locked.join("brief/state.db");
    if let Some(out) = mark_unprivileged(&home, &deeper) {
        expect_marks_off(&out, &deeper, "cannot create its folder");
    }
    chmod(&home.path("team"), 0o755);
    chmod(&locked, 0o755);
}
