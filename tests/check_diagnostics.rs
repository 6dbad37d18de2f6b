//! `brief check`'s diagnostics that help: what each says and where it points, run as the
//! real binary on files written here.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::fs;
use std::process::Command;

/// `brief check` on one file `name` holding `text`: its exit code and stdout.
fn check(name: &str, text: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join(name), text).expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("check")
        .arg(name)
        .current_dir(dir.path())
        .output()
        .expect("brief runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    (output.status.code(), stdout)
}

#[test]
fn right_to_left_text_without_a_language_is_warned() {
    let text = "{\n  \"headline\": \"\\\"UNHCR\\\" تقول إن الدعم انخفض\",\n  \
                \"body\": [\"المفوضية السامية\"]\n}\n";
    let (code, out) = check("unhcr.json", text);
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        "unhcr.json:1:1: warning: no \"language\", yet 86% of the letters are right to left: \
         name it (\"ar\", \"he\", \"fa\", …) so that every field reads right to left\n"
    );
    let with_language = text.replacen('{', "{\"language\": \"ar\",", 1);
    assert_eq!(
        check("unhcr.json", &with_language),
        (Some(0), String::new())
    );
}
