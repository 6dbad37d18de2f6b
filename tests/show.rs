//! `brief show` run as the real binary.

use std::process::{Command, Output};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const SEED: &str = "briefings/libya-ohchr-geneva.json";
const SEED_HEADLINE: &str =
    "الباعور يلتقي المفوض السامي لحقوق الإنسان فولكر تورك في جنيف على هامش الاستعراض الدوري الشامل";

fn show(args: &[&str]) -> Output {
    let output = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("show")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output();
    output.unwrap_or_else(|e| panic!("cannot run brief: {e}"))
}

fn stdout_lines(output: &Output) -> Vec<String> {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

/// Cells a line takes: the sum of its graphemes' widths, as the reader measures.
fn cells(line: &str) -> usize {
    line.graphemes(true).map(UnicodeWidthStr::width).sum()
}

#[test]
fn rtl_lines_end_at_the_right_edge_and_none_is_wider() {
    let lines = stdout_lines(&show(&[SEED, "--width", "60"]));
    assert!(
        lines.len() > 100,
        "the whole briefing: {} lines",
        lines.len()
    );
    for line in &lines {
        assert!(cells(line) <= 60, "too wide: {line}");
    }
    let body_start = lines
        .iter()
        .position(|l| l.starts_with("── Body"))
        .unwrap_or(0);
    let quotes = lines
        .iter()
        .position(|l| l.starts_with("── Quotes"))
        .unwrap_or(0);
    assert!(body_start > 0 && quotes > body_start);
    for line in &lines[body_start + 1..quotes] {
        let width = cells(line);
        // A paragraph's lines end at 60; a bullet's continuation lines leave the bullet's 2.
        assert!(
            line.is_empty() || width == 60 || width == 58,
            "{width}: {line}"
        );
    }
    let bullets = lines[body_start..quotes]
        .iter()
        .filter(|l| l.ends_with(" •"))
        .count();
    assert_eq!(
        bullets,
        3 + 3 + 4,
        "the seed's three lists, bullets on the right"
    );
}

#[test]
fn logical_order_keeps_the_text_as_written() {
    let lines = stdout_lines(&show(&[SEED, "--width", "500", "--logical"]));
    assert_eq!(lines[0], SEED_HEADLINE);
    let visual = stdout_lines(&show(&[SEED, "--width", "500", "--shaping", "off"]));
    let mut reversed: Vec<&str> = SEED_HEADLINE.graphemes(true).collect();
    reversed.reverse();
    let headline = visual
        .iter()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim_start());
    assert_eq!(headline, Some(reversed.concat().as_str()));
}

#[test]
fn sections_follow_the_panes_and_quotes_carry_their_speaker() {
    let lines = stdout_lines(&show(&[
        "tests/fixtures/ui/mixed-water-talks.json",
        "--width",
        "80",
    ]));
    let order: Vec<&str> = lines
        .iter()
        .filter(|l| l.starts_with("── "))
        .map(|l| {
            l.trim_start_matches("── ")
                .split(' ')
                .next()
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(order, ["Body", "Quotes", "Points", "Actors"]);
    assert_eq!(lines[0].trim(), "RESTRICTED");
    assert!(
        lines
            .iter()
            .any(|l| l == "«We will publish the gauge data every day»")
    );
    let undp = lines
        .iter()
        .position(|l| l == "«UNDP stands ready to host the next round.»");
    let attribution = undp.and_then(|i| lines.get(i + 1)).map(String::as_str);
    assert_eq!(attribution, Some("— UNDP, Host of the talks"));
}

#[test]
fn no_escape_codes_when_stdout_is_not_a_terminal() {
    let output = show(&["tests/fixtures/ui/mixed-water-talks.json", "--width", "40"]);
    assert!(output.status.success());
    assert!(!output.stdout.contains(&0x1b));
}

#[test]
fn a_broken_file_prints_its_error_and_exits_1() {
    let output = show(&["tests/fixtures/ui/broken.json"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("tests/fixtures/ui/broken.json:"),
        "{stderr}"
    );
    assert!(stderr.contains("error"), "{stderr}");
    let output = show(&["tests/fixtures/ui/no-such-file.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no-such-file.json"));
}
