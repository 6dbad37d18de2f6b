//! `brief show --translation LANG` and `--side-by-side` run as the real binary.

use std::process::{Command, Output};

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const HEBREW: &str = "briefings/emek-arazim-water-plan.json";
const UNTRANSLATED: &str = "briefings/veyra-basin-talks.json";

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

fn cells(text: &str) -> usize {
    text.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// The logical-order text of every line, so that words can be looked for as written.
fn logical(args: &[&str]) -> String {
    let mut all = vec!["--logical"];
    all.extend_from_slice(args);
    stdout_lines(&show(&all)).join("\n")
}

#[test]
fn translation_prints_the_english_text_alone() {
    let text = logical(&[HEBREW, "--translation", "EN", "--width", "100"]);
    assert!(
        text.starts_with("Emek Arazim Regional Council approves"),
        "{text}"
    );
    assert!(text.contains("── Body · en "), "{text}");
    assert!(text.contains("• Repair of 40 known leaks"), "{text}");
    assert!(!text.contains("מליאת המועצה"), "{text}");
    // Names are not translated.
    assert!(text.contains("נועה בן-דוד"), "{text}");
}

#[test]
fn side_by_side_puts_each_block_beside_its_translation() {
    let lines = stdout_lines(&show(&[HEBREW, "--side-by-side", "--width", "120"]));
    let text = lines.join("\n");
    assert!(text.contains("── Body · he | en "), "{text}");
    // The heading and its translation share one row, the original on the left.
    let decision = lines
        .iter()
        .find(|line| line.ends_with("│ The decision"))
        .unwrap_or_else(|| panic!("no row with the translated heading:\n{text}"));
    assert!(decision.contains("הטלחהה"), "{decision}");
    // The rule between the columns is at the same cell on every paired row.
    let (left, _) = brief::ui::content::column_widths(120);
    for line in lines.iter().filter(|line| line.contains(" │ ")) {
        let (before, _) = line.split_once(" │ ").unwrap_or_default();
        assert_eq!(cells(before), left, "{line}");
        assert!(cells(line) <= 120, "{line}");
    }
}

#[test]
fn side_by_side_stacks_under_100_columns() {
    let text = logical(&[HEBREW, "--side-by-side", "--width", "80"]);
    let lines: Vec<&str> = text.lines().collect();
    let heading = lines
        .iter()
        .position(|line| *line == "ההחלטה")
        .unwrap_or_else(|| panic!("no heading:\n{text}"));
    assert_eq!(lines.get(heading + 1), Some(&"  The decision"), "{text}");
    assert!(!text.contains(" │ "), "{text}");
}

#[test]
fn an_unknown_or_missing_translation_is_an_error() {
    let output = show(&[HEBREW, "--translation", "fr"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no translation into \"fr\"; it has: en"),
        "{stderr}"
    );
    let output = show(&[UNTRANSLATED, "--side-by-side"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("this briefing has no translation"),
        "{stderr}"
    );
}
