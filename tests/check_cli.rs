//! `brief check`, run as the real binary.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};

fn brief_check(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("check")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("brief runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

fn folder_of_briefings() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("good.json"), r#"{"headline": "Fine"}"#).expect("write");
    fs::write(
        dir.path().join("chatty.json"),
        "{\n  \"headline\": \"Fine\",\n  \"mood\": \"calm\"\n}\n",
    )
    .expect("write");
    fs::create_dir(dir.path().join("sub")).expect("mkdir");
    fs::write(
        dir.path().join("sub/bad.json"),
        "{\n  \"headline\": \"x\",\n  \"quotes\": [{\"text\": \"t\"}],\n  \"date\": \"soon\"\n}\n",
    )
    .expect("write");
    dir
}

#[test]
fn clean_files_exit_zero_and_print_nothing() {
    let dir = folder_of_briefings();
    let output = brief_check(&["good.json"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr, "brief: checked 1 file: 0 errors, 0 warnings\n");
}

#[test]
fn warnings_alone_exit_zero() {
    let dir = folder_of_briefings();
    let output = brief_check(&["chatty.json", "good.json"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "chatty.json:3:3: warning: mood: unknown field \"mood\", ignored\n"
    );
}

#[test]
fn errors_exit_one_with_one_line_per_problem() {
    let dir = folder_of_briefings();
    let output = brief_check(&["."], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        concat!(
            "./chatty.json:3:3: warning: mood: unknown field \"mood\", ignored\n",
            "./sub/bad.json:3:14: error: quotes[0].speaker: missing required field \"speaker\"\n",
            "./sub/bad.json:4:11: error: date: expected a date as YYYY-MM-DD or an RFC 3339 date-time, found \"soon\"\n",
        )
    );
}

#[test]
fn json_format_lists_every_field() {
    let dir = folder_of_briefings();
    let output = brief_check(
        &["--format", "json", "absent.json", "sub/bad.json"],
        dir.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON output");
    assert_eq!(
        report,
        json!([
            {
                "path": "absent.json", "line": null, "column": null, "severity": "error",
                "json_path": null,
                "message": "cannot open: no such file or directory"
            },
            {
                "path": "sub/bad.json", "line": 3, "column": 14, "severity": "error",
                "json_path": "quotes[0].speaker",
                "message": "missing required field \"speaker\""
            },
            {
                "path": "sub/bad.json", "line": 4, "column": 11, "severity": "error",
                "json_path": "date",
                "message": "expected a date as YYYY-MM-DD or an RFC 3339 date-time, found \"soon\""
            }
        ])
    );
}

#[test]
fn max_size_refuses_larger_files() {
    let dir = folder_of_briefings();
    // good.json is {"headline": "Fine"}: 20 bytes.
    let at_limit = brief_check(&["--max-size", "20", "good.json"], dir.path());
    assert_eq!(at_limit.status.code(), Some(0));
    let over = brief_check(&["--max-size", "19", "good.json"], dir.path());
    assert_eq!(over.status.code(), Some(1));
    assert_eq!(
        stdout(&over),
        "good.json: error: file is 20 bytes, over the limit of 19 bytes (--max-size)\n"
    );
}

#[test]
fn json_format_with_no_problems_is_an_empty_array() {
    let dir = folder_of_briefings();
    let output = brief_check(&["--format", "json", "good.json"], dir.path());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "[]\n");
}

#[test]
fn a_missing_path_is_an_error_and_the_others_are_still_checked() {
    let dir = folder_of_briefings();
    let output = brief_check(&["absent.json", "chatty.json"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        concat!(
            "absent.json: error: cannot open: no such file or directory\n",
            "chatty.json:3:3: warning: mood: unknown field \"mood\", ignored\n",
        )
    );
}

#[test]
fn usage_errors_exit_two() {
    let dir = folder_of_briefings();
    assert_eq!(brief_check(&[], dir.path()).status.code(), Some(2));
    let bad_format = brief_check(&["--format", "xml", "good.json"], dir.path());
    assert_eq!(bad_format.status.code(), Some(2));
}

#[test]
fn terminal_escapes_in_names_and_values_are_shown_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("\u{1b}[31mred.json"),
        "{\"headline\": \"h\", \"direction\": \"\\u001b]0;pwned\\u0007\"}",
    )
    .expect("write");
    let output = brief_check(&["."], dir.path());
    assert_eq!(
        stdout(&output),
        "./\\u{1b}[31mred.json:1:32: error: direction: expected \"rtl\", \"ltr\" or \"auto\", found \"\\u{1b}]0;pwned\\u{7}\"\n"
    );
}

#[cfg(unix)]
#[test]
fn special_files_in_a_folder_are_errors_not_hangs() {
    let dir = folder_of_briefings();
    let made = Command::new("mkfifo")
        .arg(dir.path().join("pipe.json"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.json")).expect("symlink");
    let output = brief_check(&["pipe.json", "zero.json", "good.json"], dir.path());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        concat!(
            "pipe.json: error: not a regular file: it is a FIFO (named pipe)\n",
            "zero.json: error: not a regular file: it is a character device\n",
        )
    );
}
