//! Translations in the loader and the JSON Schema: a translation whose own shape is wrong
//! is refused by both; one that does not mirror its original (a block of another kind, a
//! count that differs) is refused by the loader, which alone can compare the two, with an
//! error naming both sides. Positions were counted by hand in the fixture files.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::fs;
use std::path::{Path, PathBuf};

use brief::briefing::{Block, LoadOptions, load_bytes, load_file};
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn fixture(folder: &str, name: &str) -> PathBuf {
    Path::new(ROOT).join(format!("tests/fixtures/translations/{folder}/{name}.json"))
}

fn validator() -> jsonschema::Validator {
    let text = fs::read_to_string(Path::new(ROOT).join("docs/briefing.schema.json"))
        .expect("schema is readable");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn document(path: &Path) -> Value {
    let text = fs::read_to_string(path).expect("fixture is readable");
    serde_json::from_str(&text).expect("fixture is JSON")
}

fn loader_errors(path: &Path) -> Vec<String> {
    let Err(failure) = load_file(path, &LoadOptions::default()) else {
        panic!("{} loaded", path.display());
    };
    let prefix = format!("{}:", path.display());
    failure
        .diagnostics
        .iter()
        .map(|d| d.to_string().replacen(&prefix, "", 1))
        .collect()
}

const MISSHAPEN: &[(&str, &str)] = &[
    (
        "actor-string",
        "13:35: error: translations[0].actors[0]: expected an object, found a string",
    ),
    (
        "bad-language",
        r#"13:18: error: translations[0].language: expected a BCP 47 language tag such as "ar" or "fa-IR", found "en_GB""#,
    ),
    (
        "block-number",
        r#"13:53: error: translations[0].body[1]: expected a paragraph string, {"heading": ...} or {"bullets": [...]}, found a number"#,
    ),
    (
        "missing-language",
        r#"13:5: error: translations[0].language: missing required field "language""#,
    ),
    (
        "points-null",
        "13:34: error: translations[0].points: expected an array, found null",
    ),
    (
        "quote-string",
        "13:35: error: translations[0].quotes[0]: expected an object, found a string",
    ),
    (
        "translations-object",
        "12:19: error: translations: expected an array, found an object",
    ),
];

const MISMATCHED: &[(&str, &str)] = &[
    (
        "actors-count",
        "13:34: error: translations[0].actors: 2 actors, but actors has 1",
    ),
    (
        "block-count",
        "13:32: error: translations[0].body: 2 blocks, but body has 3",
    ),
    (
        "block-kind",
        "13:33: error: translations[0].body[0]: a heading, but body[0] is a paragraph",
    ),
    (
        "bullet-count",
        "13:76: error: translations[0].body[2].bullets: 1 item, but body[2].bullets has 2",
    ),
    (
        "points-count",
        "13:34: error: translations[0].points: 2 points, but points has 1",
    ),
    (
        "quotes-count",
        "13:34: error: translations[0].quotes: 0 quotes, but quotes has 1",
    ),
];

#[test]
fn misshapen_translations_are_refused_by_loader_and_schema() {
    let validator = validator();
    for (name, expected) in MISSHAPEN {
        let path = fixture("invalid", name);
        assert_eq!(loader_errors(&path), [*expected], "{name}");
        assert!(
            !validator.is_valid(&document(&path)),
            "the schema accepts {name}"
        );
    }
}

#[test]
fn translations_that_do_not_mirror_the_original_are_refused_naming_both_sides() {
    for (name, expected) in MISMATCHED {
        assert_eq!(
            loader_errors(&fixture("mismatched", name)),
            [*expected],
            "{name}"
        );
    }
}

#[test]
fn every_fixture_is_in_a_table() {
    for (folder, table) in [("invalid", MISSHAPEN), ("mismatched", MISMATCHED)] {
        let dir = Path::new(ROOT)
            .join("tests/fixtures/translations")
            .join(folder);
        for entry in fs::read_dir(dir).expect("folder exists") {
            let path = entry.expect("readable").path();
            let name = path.file_stem().expect("named").to_string_lossy();
            assert!(table.iter().any(|(n, _)| *n == name), "{name} not listed");
        }
    }
}

#[test]
fn a_partial_translation_loads_and_passes_the_schema() {
    let path = fixture("valid", "partial");
    let loaded = load_file(&path, &LoadOptions::default()).expect("loads");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    assert!(validator().is_valid(&document(&path)));
    let briefing = loaded.briefing;
    assert_eq!(briefing.translation_languages(), ["en", "fr"]);
    let english = briefing.translated(0).expect("a first translation");
    assert_eq!(english.language.as_deref(), Some("en"));
    // The headline is not translated: the original's stands in.
    assert_eq!(english.headline, "الاجتماع");
    assert_eq!(english.body[0], Block::Paragraph("First paragraph.".into()));
    assert_eq!(english.body[1], Block::Heading("عنوان".into()));
    // A list translated without its lead keeps the original's lead.
    assert_eq!(
        english.body[2],
        Block::Bullets {
            lead: Some("النقاط:".into()),
            items: vec!["A".into(), "B".into()],
        }
    );
    assert_eq!(english.quotes[0].text, "A saying");
    assert_eq!(english.quotes[0].speaker, "سفير");
    assert_eq!(english.actors[0].role.as_deref(), Some("سفير"));
    let french = briefing.translated(1).expect("a second translation");
    assert_eq!(french.headline, "La réunion");
    assert!(briefing.translated(2).is_none());
}

#[test]
fn a_lead_where_the_original_has_none_is_refused() {
    let text = r#"{"headline": "h", "body": [{"bullets": ["a"]}],
"translations": [{"language": "fr", "body": [{"lead": "L", "bullets": ["A"]}]}]}"#;
    let Err(failure) = load_bytes(Path::new("doc.json"), text.as_bytes()) else {
        panic!("loaded");
    };
    let shown: Vec<String> = failure
        .diagnostics
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        shown,
        ["doc.json:2:55: error: translations[0].body[0].lead: a lead, but body[0] has none"]
    );
}
