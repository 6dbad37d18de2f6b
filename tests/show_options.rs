//! `brief show`'s options: a width must be a width, and logical output (for screen readers
//! and pipes) has no padding to align anything.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::process::{Command, Output};

const MIXED: &str = "briefings/sabil-upr-tracker-tunis.json";

fn show(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("show")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("brief runs")
}

#[test]
fn a_width_of_zero_is_a_usage_error() {
    for width in ["0", "-3", "wide", "70000"] {
        let output = show(&[MIXED, &format!("--width={width}")]);
        assert_eq!(output.status.code(), Some(2), "--width {width}");
        assert!(output.stdout.is_empty(), "--width {width}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("--width"), "{stderr}");
    }
}

#[test]
fn logical_output_has_no_alignment_padding() {
    let output = show(&[MIXED, "--logical", "--width", "60"]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    // The classification, centred on screen, is a line of its own here.
    assert!(text.lines().any(|l| l == "OFFICIAL"), "{text}");
    let padded: Vec<&str> = text.lines().filter(|l| l.starts_with(' ')).collect();
    assert!(padded.is_empty(), "{padded:#?}");
}
