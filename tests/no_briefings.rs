//! `brief` with nothing to read: the message names the default it looked for and how to
//! choose another, before the terminal is touched.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::path::Path;
use std::process::Command;

/// `brief ARGS` in `dir`, with BRIEF_DIR set to `brief_dir` or unset: exit code, stderr.
fn brief(dir: &Path, args: &[&str], brief_dir: Option<&str>) -> (Option<i32>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
    command
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("HOME", dir)
        .env("LANG", "C.UTF-8")
        .env("TERM", "xterm-256color");
    if let Some(brief_dir) = brief_dir {
        command.env("BRIEF_DIR", brief_dir);
    }
    let output = command.output().expect("brief runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8 output");
    (output.status.code(), stderr)
}

#[test]
fn with_no_argument_and_no_briefings_folder_the_default_and_the_choices_are_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, stderr) = brief(dir.path(), &[], None);
    assert_eq!(code, Some(2), "{stderr}");
    let here = dir.path().join("briefings");
    assert_eq!(
        stderr,
        format!(
            "brief: no briefings to read: with no PATH, brief reads ./briefings ({}), which \
             does not exist; choose with `brief PATH` (a briefing file or a folder of them) or \
             by setting BRIEF_DIR to a folder\n",
            here.display()
        )
    );
}

#[test]
fn a_brief_dir_that_does_not_exist_is_named_as_brief_dir_s() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (code, stderr) = brief(dir.path(), &[], Some("/no/such/folder"));
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("BRIEF_DIR names /no/such/folder, which does not exist; choose with"),
        "{stderr}"
    );
    let (_, stderr) = brief(dir.path(), &["typo.json"], None);
    assert!(
        stderr.contains("typo.json: no such file or folder (give a briefing file or folder)"),
        "{stderr}"
    );
}
