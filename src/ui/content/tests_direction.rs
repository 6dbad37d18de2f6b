//! The direction rule of a right-to-left briefing's fields, against GNU FriBidi given the
//! direction the rule chooses.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::text::BidiMode;
use crate::ui::content::Engine;

const UNHCR: &str = "\"UNHCR\" تقول إن الدعم انخفض";

/// The body lines of `json` as `brief show` prints them at 60 columns, shaped, trimmed.
fn body(json: &str) -> Vec<String> {
    let loaded = crate::briefing::load_bytes(Path::new("t.json"), json.as_bytes())
        .unwrap_or_else(|failure| panic!("{:?}", failure.diagnostics));
    let engine = Engine {
        mode: BidiMode::App,
        shaping: true,
    };
    let lines = crate::ui::print::briefing_lines(&loaded.briefing, 60, engine, true);
    let start = lines.iter().position(|l| l.text.starts_with("── Body"));
    let end = lines.iter().position(|l| l.text.starts_with("── Quotes"));
    match (start, end) {
        (Some(start), Some(end)) => lines[start + 1..end]
            .iter()
            .map(|l| l.text.trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect(),
        _ => panic!("no body in {lines:#?}"),
    }
}

/// `text` in visual order by GNU FriBidi with `direction` (`--rtl`, `--ltr`), or `None`
/// (said loudly on stderr) when fribidi is not installed and CI is not set.
fn fribidi(text: &str, direction: &str) -> Option<String> {
    let child = Command::new("fribidi")
        .args(["--nobreak", "--clean", "--nopad", direction])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        assert!(
            std::env::var_os("CI").is_none(),
            "fribidi (Debian libfribidi-bin) is missing, and CI is set"
        );
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED FriBidi comparison: fribidi (Debian libfribidi-bin) is not installed"
        );
        return None;
    };
    if let Some(mut stdin) = child.stdin.take() {
        writeln!(stdin, "{text}").unwrap_or_else(|e| panic!("write to fribidi: {e}"));
    }
    let out = child
        .wait_with_output()
        .unwrap_or_else(|e| panic!("fribidi: {e}"));
    assert!(out.status.success(), "fribidi failed");
    Some(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn briefing(language: Option<&str>, direction: Option<&str>, paragraph: &str) -> String {
    let mut json = serde_json::json!({"headline": "عنوان", "body": [paragraph]});
    if let Some(language) = language {
        json["language"] = language.into();
    }
    if let Some(direction) = direction {
        json["direction"] = direction.into();
    }
    json.to_string()
}

#[test]
fn a_right_to_left_briefing_s_field_reads_right_to_left_whatever_letter_opens_it() {
    let lines = body(&briefing(Some("ar"), None, UNHCR));
    if let Some(rtl) = fribidi(UNHCR, "--rtl") {
        assert_eq!(lines, [rtl], "laid out as FriBidi does right to left");
    }
    // The subject, UNHCR, stands at the right end where the sentence starts.
    assert!(lines[0].ends_with("\"UNHCR\""), "{lines:#?}");
}

#[test]
fn a_field_without_right_to_left_letters_keeps_its_first_strong_direction() {
    let english = "UNHCR says support fell (by 20%).";
    let lines = body(&briefing(Some("fa-IR"), None, english));
    if let Some(ltr) = fribidi(english, "--ltr") {
        assert_eq!(lines, [ltr]);
    }
}

#[test]
fn a_forced_direction_or_no_right_to_left_language_leaves_the_first_strong_rule() {
    for (language, direction) in [(Some("ar"), Some("ltr")), (None, None), (Some("en"), None)] {
        let lines = body(&briefing(language, direction, UNHCR));
        if let Some(ltr) = fribidi(UNHCR, "--ltr") {
            assert_eq!(lines, [ltr], "{language:?} {direction:?}");
        }
        assert!(lines[0].starts_with("\"UNHCR\""), "{lines:#?}");
    }
}

/// A status row's cells, left to right.
fn cells(row: &crate::ui::content::Row) -> String {
    row.line.glyphs().map(|g| g.text.to_string()).collect()
}

#[test]
fn our_words_keep_their_direction_beside_a_right_to_left_query() {
    use crate::ui::content::{Piece, status_row};
    let engine = Engine {
        mode: BidiMode::App,
        shaping: false,
    };
    let pieces = [
        Piece::Mark("no match for \""),
        Piece::Field("حقوق UN"),
        Piece::Mark("\""),
    ];
    let row = status_row(&pieces, engine).unwrap_or_else(|| panic!("no row"));
    // The query reads right to left inside its quotation marks, which stay ours: UN at
    // its left end, the Arabic word (its first) at its right, the closing mark after it.
    assert_eq!(cells(&row), "no match for \"UN قوقح\"");
    assert!(!row.line.rtl);
}
