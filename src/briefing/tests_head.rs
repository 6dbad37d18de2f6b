//! A head is the whole briefing with its long list cut to a prefix (and the translations'
//! lists with it), whatever the pieces' sizes and wherever they cut the text.

#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;
use crate::briefing::{Briefing, load_bytes, load_file};

/// The cells of a 120×40 terminal.
const SCREEN: usize = 120 * 40;

const BUNDLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/briefings");

fn bundled() -> Vec<(PathBuf, Value)> {
    let mut files: Vec<PathBuf> = fs::read_dir(BUNDLED)
        .expect("the bundled briefings")
        .map(|entry| entry.expect("a folder entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = fs::read_to_string(&path).expect("a bundled briefing");
            let value = serde_json::from_str(&text).expect("valid JSON");
            (path, value)
        })
        .collect()
}

/// `document` with its body repeated past `bytes` of JSON, its translations' bodies with it.
fn long(document: &Value, bytes: usize) -> Value {
    let mut long = document.clone();
    let body = document["body"].as_array().cloned().unwrap_or_default();
    let rounds = bytes / Value::Array(body.clone()).to_string().len().max(1) + 1;
    long["body"] = repeated(&body, rounds);
    if let Some(translations) = long.get_mut("translations").and_then(Value::as_array_mut) {
        for translation in translations {
            if let Some(blocks) = translation["body"].as_array().cloned() {
                translation["body"] = repeated(&blocks, rounds);
            }
        }
    }
    long
}

fn repeated(items: &[Value], rounds: usize) -> Value {
    Value::Array(
        items
            .iter()
            .cycle()
            .take(items.len() * rounds)
            .cloned()
            .collect(),
    )
}

/// The whole briefing, its body and its translations' bodies cut to `blocks`.
fn cut(mut whole: Briefing, blocks: usize) -> Briefing {
    whole.cut = Some("body".into());
    whole.body.truncate(blocks);
    for translation in &mut whole.translations {
        translation.body.truncate(blocks);
    }
    whole
}

fn pieces(text: &str, first: usize, last: usize) -> (&[u8], &[u8]) {
    let bytes = text.as_bytes();
    (&bytes[..first], &bytes[bytes.len() - last..])
}

/// Whether `part` is `whole` with at most one array member (and the translations' lists
/// of that name) cut to a prefix.
fn is_cut_from(part: &Map<String, Value>, whole: &Value) -> bool {
    part.iter().all(|(key, value)| match (value, &whole[key]) {
        (Value::Array(mine), Value::Array(theirs)) if key != "translations" => {
            theirs.starts_with(mine)
        }
        (Value::Array(mine), Value::Array(theirs)) => {
            mine.len() == theirs.len()
                && mine.iter().zip(theirs).all(|(mine, theirs)| match mine {
                    Value::Object(mine) => is_cut_from(mine, theirs),
                    _ => mine == theirs,
                })
        }
        (value, theirs) => value == theirs,
    })
}

#[test]
fn every_bundled_briefing_made_long_has_a_head_that_is_its_whole_cut() {
    for (path, mut document) in bundled() {
        // Translated, it has none: see the next test.
        if let Some(members) = document.as_object_mut() {
            members.remove("translations");
        }
        let document = long(&document, 300_000);
        for text in [
            document.to_string(),
            serde_json::to_string_pretty(&document).expect("serialisable"),
        ] {
            let whole = load_bytes(&path, text.as_bytes()).expect("the long briefing loads");
            let (first, last) = pieces(&text, PIECE, PIECE);
            let head = head_of(&path, first, last).expect("a head");
            assert!(head.warnings.is_empty());
            let blocks = head.briefing.body.len();
            assert!(blocks > 10, "{}: {blocks} blocks", path.display());
            assert_eq!(
                head.briefing,
                cut(whole.briefing, blocks),
                "{}",
                path.display()
            );
        }
    }
}

#[test]
fn a_long_translated_briefing_has_no_head() {
    let mut translated = 0;
    for (path, document) in bundled() {
        if document.get("translations").is_none() {
            continue;
        }
        translated += 1;
        let text = long(&document, 300_000).to_string();
        let (first, last) = pieces(&text, PIECE, PIECE);
        assert_eq!(head_of(&path, first, last), None, "{}", path.display());
    }
    assert!(translated > 0, "no bundled briefing is translated");
}

/// `document`'s members in the order people write them (and the format lists them): the
/// headline and metadata, the body, then points, quotations, actors and translations.
fn in_written_order(document: &Value) -> String {
    let members: Vec<String> = crate::briefing::validate::FIELDS
        .iter()
        .filter_map(|key| Some(format!("{}: {}", json!(key), document.get(key)?)))
        .collect();
    format!("{{\n{}\n}}\n", members.join(",\n"))
}

#[test]
fn a_long_body_in_written_order_has_a_head_with_every_member_after_it() {
    let (path, _) = libya();
    let document = seed_long();
    let text = in_written_order(&document);
    let whole = load_bytes(&path, text.as_bytes()).expect("the long briefing loads");
    let (first, last) = pieces(&text, PIECE, PIECE);
    let part = members(first, last).expect("members");
    let keys = |map: &Map<String, Value>| map.keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&part), keys(document.as_object().expect("an object")));
    let head = head_of(&path, first, last).expect("a head");
    assert_eq!(head.briefing, cut(whole.briefing, head.briefing.body.len()));
}

#[test]
fn a_long_list_after_the_long_body_leaves_no_head() {
    let (path, _) = libya();
    let mut document = seed_long();
    // Long quotations after the long body: the points between them are in neither piece.
    let quotes = document["quotes"].as_array().cloned().unwrap_or_default();
    document["quotes"] = repeated(&quotes, 400);
    document["points"] = json!(["a point between the two long lists"]);
    let text = in_written_order(&document);
    assert!(text.len() > 4 * PIECE);
    assert!(load_bytes(&path, text.as_bytes()).is_ok());
    let (first, last) = pieces(&text, PIECE, PIECE);
    assert_eq!(members(first, last), None);
    assert_eq!(head_of(&path, first, last), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Pieces of any size, cutting anywhere (inside escapes, inside two-byte letters), give
    /// the members whole in them, or nothing.
    #[test]
    fn pieces_of_any_size_give_a_cut_of_the_whole(
        which in 0usize..6,
        pretty in any::<bool>(),
        first in 1usize..40_000,
        last in 1usize..40_000,
    ) {
        let (_, document) = bundled().swap_remove(which);
        let document = long(&document, 90_000);
        let text = match pretty {
            true => serde_json::to_string_pretty(&document).expect("serialisable"),
            false => document.to_string(),
        };
        let (first, last) = pieces(&text, first, last);
        if let Some(part) = members(first, last) {
            prop_assert!(is_cut_from(&part, &document));
            // A head leaves no member out: only the long list is cut. (A list of strings
            // crossing the last piece's start passes for the body's end; the members
            // between are then missing, and here the headline is among them.)
            if head_of(Path::new("p.json"), first, last).is_some() {
                let keys = |map: &Map<String, Value>| map.keys().cloned().collect::<Vec<_>>();
                prop_assert_eq!(keys(&part), keys(document.as_object().expect("an object")));
            }
        }
    }
}

/// A long file, written to a temporary folder.
fn written(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).expect("a temporary file");
    path
}

fn libya() -> (PathBuf, Value) {
    let found = bundled()
        .into_iter()
        .find(|(path, _)| path.ends_with("libya-ohchr-geneva.json"));
    found.expect("the bundled Libya briefing")
}

/// The Libya briefing, untranslated, made long.
fn seed_long() -> Value {
    let mut document = libya().1;
    if let Some(members) = document.as_object_mut() {
        members.remove("translations");
    }
    long(&document, 2 * HEAD_MIN as usize)
}

#[test]
fn only_a_long_file_that_makes_a_briefing_has_a_head() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let options = LoadOptions::default();
    let document = seed_long();
    let text = document.to_string();
    let path = written(dir.path(), "long.json", &text);
    let head = load_head(&path, &options, SCREEN).expect("a head");
    let whole = load_file(&path, &options).expect("loads whole");
    assert_eq!(head.briefing, cut(whole.briefing, head.briefing.body.len()));
    // Short: parsed whole.
    let (short_path, _) = libya();
    assert_eq!(load_head(&short_path, &options, SCREEN), None);
    // Over the size limit: the whole load says so.
    let small_limit = LoadOptions { max_size: HEAD_MIN };
    assert_eq!(load_head(&path, &small_limit, SCREEN), None);
    // Keys are written in alphabetical order here: the headline lies between the body and
    // the quotations; both long, it is in neither piece, so there is no head.
    let mut two_long = document.clone();
    let quote = json!({"text": "q".repeat(100), "speaker": "s"});
    two_long["quotes"] = Value::Array(vec![quote; 2_000]);
    let path = written(dir.path(), "two-long.json", &two_long.to_string());
    assert!(load_file(&path, &options).is_ok());
    assert_eq!(load_head(&path, &options, SCREEN), None);
    // UTF-16 is refused, with its error from the whole load.
    let path = written(dir.path(), "utf16.json", &format!("\u{feff}{text}"));
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        fs::read(&path)
            .expect("written")
            .iter()
            .flat_map(|&b| [b, 0]),
    );
    fs::write(&path, utf16).expect("rewritten");
    assert_eq!(load_head(&path, &options, SCREEN), None);
}

/// A head is read for the screen it fills; a first piece that makes none (a long member
/// before the body), or that cuts a list other than the body (long points before it,
/// whose end the body's last string would pass for), is read again, longer.
#[test]
fn a_head_is_read_for_its_screen_and_again_from_a_longer_piece() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let options = LoadOptions::default();
    let head_for = |path: &Path| load_head(path, &options, 80 * 24).expect("a head").briefing;
    let whole_of = |path: &Path| load_file(path, &options).expect("loads whole").briefing;
    let document = seed_long();
    let path = written(dir.path(), "long.json", &in_written_order(&document));
    let small = head_for(&path);
    let large = load_head(&path, &options, 200 * 60)
        .expect("a head")
        .briefing;
    assert!(
        small.body.len() < large.body.len(),
        "{} blocks for a small screen, {} for a large one",
        small.body.len(),
        large.body.len()
    );
    assert_eq!(small, cut(whole_of(&path), small.body.len()));
    let mut long_summary = document.clone();
    long_summary["summary"] = json!("s".repeat(FIRST_LEAST));
    let summary_first = in_written_order(&long_summary);
    // Points of 20 KB, written before a body that ends in a paragraph.
    let mut pointless = document.clone();
    let points = json!(vec!["p".repeat(100); 200]);
    if let Some(members) = pointless.as_object_mut() {
        members.remove("points");
    }
    if let Some(body) = pointless["body"].as_array_mut() {
        body.push(json!("The last paragraph."));
    }
    let text = in_written_order(&pointless);
    let body_at = text.find("\"body\":").expect("a body");
    let points_first = format!(
        "{}\"points\": {points},\n{}",
        &text[..body_at],
        &text[body_at..]
    );
    for (name, text) in [
        ("summary.json", summary_first),
        ("points.json", points_first),
    ] {
        let path = written(dir.path(), name, &text);
        let head = head_for(&path);
        assert!(!head.body.is_empty(), "{name}");
        assert_eq!(head, cut(whole_of(&path), head.body.len()), "{name}");
    }
}

#[test]
fn a_file_broken_past_its_pieces_has_a_head_and_fails_whole() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let options = LoadOptions::default();
    let text = seed_long().to_string();
    let middle = text.floor_char_boundary(text.len() / 2);
    let comma = middle + text[middle..].find("\",\"").expect("a string's end") + 1;
    let broken = format!("{}{}", &text[..comma], &text[comma + 1..]);
    let path = written(dir.path(), "broken.json", &broken);
    assert!(load_head(&path, &options, SCREEN).is_some());
    let failure = load_file(&path, &options).expect_err("broken in the middle");
    assert!(failure.to_string().contains("invalid JSON"), "{failure}");
}

#[test]
fn a_byte_order_mark_is_passed_over() {
    let document = json!({
        "headline": "h",
        "body": ["a".repeat(50), "b".repeat(50), "c".repeat(50)],
        "quotes": [{"text": "q", "speaker": "s"}],
    });
    let text = format!("\u{feff}{document}");
    let (first, last) = pieces(&text, 70, 120);
    let part = members(first, last).expect("members");
    assert_eq!(part.get("headline"), Some(&json!("h")));
    assert_eq!(part.get("body"), Some(&json!(["a".repeat(50)])));
    assert_eq!(part.get("quotes"), Some(&document["quotes"]));
}
