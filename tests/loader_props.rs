//! Whatever the bytes, the loader returns a briefing or located errors, and never panics.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::path::Path;

use brief::briefing::{Diagnostic, load_bytes};
use proptest::prelude::*;

const FULL: &str = include_str!("fixtures/loader/valid/full.json");

/// Every diagnostic lies inside the text (positions count from after a BOM), or has no
/// position at all.
fn assert_in_bounds(bytes: &[u8], diagnostics: &[Diagnostic]) {
    let text = String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    let lines: Vec<&str> = text.split('\n').collect();
    for diagnostic in diagnostics {
        assert!(diagnostic.line >= 1, "{diagnostic}");
        let line = lines
            .get(diagnostic.line - 1)
            .unwrap_or_else(|| panic!("{diagnostic}"));
        assert!(
            diagnostic.column <= line.chars().count() + 1,
            "{diagnostic}"
        );
    }
}

fn check(bytes: &[u8]) {
    match load_bytes(Path::new("prop.json"), bytes) {
        Ok(loaded) => {
            assert!(!loaded.briefing.headline.trim().is_empty());
            assert!(loaded.warnings.iter().all(|d| !d.is_error()));
            assert_in_bounds(bytes, &loaded.warnings);
        }
        Err(failure) => {
            assert!(failure.diagnostics.iter().any(Diagnostic::is_error));
            assert_in_bounds(bytes, &failure.diagnostics);
        }
    }
}

fn json_token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just(",".to_owned()),
        Just(":".to_owned()),
        Just("\r\n".to_owned()),
        Just("null".to_owned()),
        Just("1".to_owned()),
        Just("\"\\u0000\"".to_owned()),
        prop::sample::select(vec![
            "headline",
            "format",
            "body",
            "bullets",
            "heading",
            "lead",
            "quotes",
            "speaker",
            "text",
            "actors",
            "name",
            "aliases",
            "date",
            "direction",
            "source",
            "tags",
            "x",
        ])
        .prop_map(|key| format!("\"{key}\"")),
        "\\PC{0,6}".prop_map(|text| serde_json::to_string(&text).expect("strings serialize")),
    ]
}

/// Inserts `"zz": 0` after the first `{` and formats the document with arbitrary white
/// space, returning the text and where (line, column) the key must be reported.
fn with_unknown_key(spaces: &[String]) -> (String, usize, usize) {
    let mut text = String::new();
    let tokens = [
        "{",
        "\"language\"",
        ":",
        "\"ar\"",
        ",",
        "\"headline\"",
        ":",
        "\"عنوان ‎x\"",
        ",",
        "\"zz\"",
        ":",
        "0",
        "}",
    ];
    let mut at = (0, 0);
    for (token, space) in tokens.iter().zip(spaces.iter().cycle()) {
        text.push_str(space);
        if *token == "\"zz\"" {
            let line = text.matches('\n').count() + 1;
            let column = text
                .rsplit('\n')
                .next()
                .map_or(0, |last| last.chars().count())
                + 1;
            at = (line, column);
        }
        text.push_str(token);
    }
    (text, at.0, at.1)
}

proptest! {
    #[test]
    fn any_bytes_load_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&bytes);
    }

    #[test]
    fn json_like_token_soup_loads_or_fails_cleanly(tokens in prop::collection::vec(json_token(), 0..60)) {
        check(tokens.concat().as_bytes());
    }

    #[test]
    fn damaged_briefings_load_or_fail_cleanly(
        edits in prop::collection::vec((0..FULL.len(), any::<u8>(), 0..3u8), 1..8)
    ) {
        let mut bytes = FULL.as_bytes().to_vec();
        for (position, byte, kind) in edits {
            let position = position.min(bytes.len().saturating_sub(1));
            match kind {
                0 => bytes[position] = byte,
                1 => { bytes.remove(position); }
                _ => bytes.insert(position, byte),
            }
        }
        check(&bytes);
    }

    #[test]
    fn strings_round_trip(headline in "\\PC*[^\\s]\\PC*", tags in prop::collection::vec("\\PC*", 0..4)) {
        let document = serde_json::json!({ "headline": headline, "tags": tags });
        let loaded = load_bytes(Path::new("prop.json"), document.to_string().as_bytes())
            .expect("a valid document loads");
        prop_assert_eq!(loaded.briefing.headline, headline);
        prop_assert_eq!(loaded.briefing.tags, tags);
    }

    #[test]
    fn warnings_point_at_the_key_whatever_the_layout(
        spaces in prop::collection::vec(prop::sample::select(vec!["", " ", "\t", "\n", "\r\n", "\n  "]), 1..12)
    ) {
        let spaces: Vec<String> = spaces.into_iter().map(str::to_owned).collect();
        let (text, line, column) = with_unknown_key(&spaces);
        let loaded = load_bytes(Path::new("prop.json"), text.as_bytes()).expect("valid document");
        prop_assert_eq!(loaded.warnings.len(), 1);
        prop_assert_eq!((loaded.warnings[0].line, loaded.warnings[0].column), (line, column));
    }
}
