//! The sample briefings, the JSON Schema in docs/ and the loader must agree: every sample
//! is clean for both, and every document in tests/fixtures/loader/invalid is refused by
//! both, the loader with the exact error below.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use brief::briefing::{LoadOptions, load_file};
use serde_json::Value;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn json_files(folder: &str) -> Vec<PathBuf> {
    let folder = Path::new(ROOT).join(folder);
    let mut files: Vec<PathBuf> = fs::read_dir(&folder)
        .expect("folder exists")
        .map(|entry| entry.expect("folder is readable").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .json files in {}", folder.display());
    files
}

fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path).expect("file is readable UTF-8");
    serde_json::from_str(&text).expect("file is JSON")
}

fn validator() -> jsonschema::Validator {
    let schema = read_json(&Path::new(ROOT).join("docs/briefing.schema.json"));
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, path: &Path) -> Vec<String> {
    let document = read_json(path);
    validator
        .iter_errors(&document)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

#[test]
fn schema_is_draft_2020_12() {
    let schema = read_json(&Path::new(ROOT).join("docs/briefing.schema.json"));
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

#[test]
fn samples_load_without_warnings() {
    for path in json_files("briefings") {
        let loaded = load_file(&path, &LoadOptions::default()).unwrap_or_else(|failure| {
            panic!("{} fails: {:#?}", path.display(), failure.diagnostics)
        });
        let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
        assert!(warnings.is_empty(), "{warnings:#?}");
    }
}

#[test]
fn samples_pass_brief_check_silently() {
    let output = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("check")
        .arg(Path::new(ROOT).join("briefings"))
        .output()
        .expect("brief runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert_eq!(stdout, "");
}

#[test]
fn samples_and_valid_fixtures_match_the_schema() {
    let validator = validator();
    let mut files = json_files("briefings");
    files.extend(json_files("tests/fixtures/loader/valid"));
    for path in files {
        let errors = schema_errors(&validator, &path);
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

/// Each invalid document with the loader's error, positions counted by hand in the file.
const INVALID: &[(&str, &str)] = &[
    (
        "actor-without-name",
        r#"1:30: error: actors[0].name: missing required field "name""#,
    ),
    (
        "aliases-not-array",
        "1:55: error: actors[0].aliases: expected an array, found a string",
    ),
    (
        "bad-date",
        r#"1:27: error: date: expected a date as YYYY-MM-DD or an RFC 3339 date-time, found "5 May 2024""#,
    ),
    (
        "bad-direction",
        r#"1:32: error: direction: expected "rtl", "ltr" or "auto", found "right-to-left""#,
    ),
    ("blank-headline", "1:14: error: headline: must not be blank"),
    (
        "body-block-empty-object",
        r#"1:28: error: body[0]: a block object needs "heading" or "bullets""#,
    ),
    (
        "body-block-number",
        r#"3:20: error: body[1]: expected a paragraph string, {"heading": ...} or {"bullets": [...]}, found a number"#,
    ),
    (
        "bullets-not-strings",
        "1:46: error: body[0].bullets[1]: expected a string, found an array",
    ),
    (
        "format-2",
        "1:12: error: format: unsupported format version 2",
    ),
    (
        "format-not-integer",
        "1:12: error: format: expected an integer, found a string",
    ),
    (
        "headline-not-string",
        "1:14: error: headline: expected a string, found a number",
    ),
    (
        "missing-headline",
        r#"1:1: error: headline: missing required field "headline""#,
    ),
    (
        "quote-without-speaker",
        r#"5:5: error: quotes[1].speaker: missing required field "speaker""#,
    ),
    (
        "root-array",
        "1:1: error: expected an object, found an array",
    ),
    (
        "source-number",
        r#"1:29: error: source: expected a string or {"name": ..., "url": ...}, found a number"#,
    ),
    (
        "tags-not-strings",
        "1:33: error: tags[1]: expected a string, found a number",
    ),
];

#[test]
fn invalid_documents_are_refused_by_the_loader_with_a_located_error() {
    for (name, expected) in INVALID {
        let path = Path::new(ROOT).join(format!("tests/fixtures/loader/invalid/{name}.json"));
        let Err(failure) = load_file(&path, &LoadOptions::default()) else {
            panic!("{name} loaded");
        };
        let shown: Vec<String> = failure
            .diagnostics
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            vec![format!("{}:{expected}", path.display())],
            "{name}"
        );
    }
}

#[test]
fn invalid_documents_are_refused_by_the_schema() {
    let validator = validator();
    for (name, _) in INVALID {
        let path = Path::new(ROOT).join(format!("tests/fixtures/loader/invalid/{name}.json"));
        assert!(
            !validator.is_valid(&read_json(&path)),
            "the schema accepts {name}"
        );
    }
}

#[test]
fn every_invalid_fixture_is_in_the_table() {
    for path in json_files("tests/fixtures/loader/invalid") {
        let name = path.file_stem().expect("file has a name").to_string_lossy();
        assert!(
            INVALID.iter().any(|(listed, _)| *listed == name),
            "{name} has no expected error"
        );
    }
}

// Forward compatibility: a key unknown to this version inside a block object is a warning
// for the loader, so the schema must accept it too.
#[test]
fn unknown_keys_in_block_objects_warn_in_the_loader_and_pass_the_schema() {
    let path = Path::new(ROOT).join("tests/fixtures/loader/valid/unknown-block-key.json");
    let loaded = load_file(&path, &LoadOptions::default()).expect("the file loads");
    let paths: Vec<Option<String>> = loaded
        .warnings
        .iter()
        .map(|w| w.json_path.clone())
        .collect();
    assert_eq!(
        paths,
        [
            Some("body[0].level".to_owned()),
            Some("body[1].style".to_owned())
        ]
    );
    assert!(schema_errors(&validator(), &path).is_empty());
}
