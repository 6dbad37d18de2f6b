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

#[test]
fn a_language_no_registry_knows_gets_the_code_it_names() {
    let text = "{\n  \"headline\": \"Talks\",\n  \"language\": \"Arabic\"\n}\n";
    let (code, out) = check("talks.json", text);
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        "talks.json:3:15: warning: language: \"Arabic\" names no language in ISO 639: did you \
         mean \"ar\"?\n"
    );
}

#[test]
fn bidi_controls_in_a_field_are_named_where_they_are() {
    let text = "{\n  \"headline\": \"Talks\",\n  \"tags\": [\"ok\", \"a\\u202Eb\"]\n}\n";
    let (code, out) = check("talks.json", text);
    assert_eq!(code, Some(0));
    assert_eq!(
        out,
        "talks.json:3:18: warning: tags[1]: holds bidi control characters (U+202E), which can \
         make text show otherwise than it reads; the reader marks the field and ends them \
         with it\n"
    );
}

#[test]
fn unknown_fields_get_the_field_meant() {
    let text = r#"{
  "title": "Talks",
  "headline": "Talks",
  "quotes": [
    {"quote": "We agree.", "by": "Jane Roe", "text": "t", "speaker": "s"},
    {"text": "t", "name": "Jane Roe", "speaker": "s"}
  ],
  "summery": "s",
  "mood": "calm",
  "actors": [{"id": "s", "name": "S"}]
}
"#;
    let (code, out) = check("talks.json", text);
    assert_eq!(code, Some(0));
    let expected = [
        r#"talks.json:2:3: warning: title: unknown field "title", ignored: did you mean "headline"?"#,
        r#"talks.json:5:6: warning: quotes[0].quote: unknown field "quote", ignored: did you mean "text"?"#,
        r#"talks.json:5:28: warning: quotes[0].by: unknown field "by", ignored: did you mean "speaker"?"#,
        r#"talks.json:6:19: warning: quotes[1].name: unknown field "name", ignored: did you mean "speaker"?"#,
        r#"talks.json:8:3: warning: summery: unknown field "summery", ignored: did you mean "summary"?"#,
        r#"talks.json:9:3: warning: mood: unknown field "mood", ignored"#,
    ];
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn a_trailing_comma_is_reported_at_the_comma() {
    let text = "{\n  \"headline\": \"Talks\",\n  \"tags\": [\n    \"a\",\n    \"b\"\n  ],\n  \
                \"points\": [\n    \"one\",\n    \"two\"\n  ],\n}\n";
    let (code, out) = check("talks.json", text);
    assert_eq!(code, Some(1));
    assert_eq!(
        out,
        "talks.json:10:4: error: invalid JSON: trailing comma\n"
    );
}
