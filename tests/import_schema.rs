//! The `import` object: the loader and the JSON Schema accept and refuse the same shapes,
//! and the reader does not show it.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::path::Path;
use std::process::Command;

use brief::briefing::load_bytes;
use serde_json::{Value, json};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(Path::new(ROOT).join("docs/briefing.schema.json"))
        .expect("schema is readable");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn with_import(import: Value) -> Value {
    json!({"headline": "Talks resume", "body": ["One paragraph."], "import": import})
}

/// The loader's messages for a document: errors, then warnings.
fn loader_says(document: &Value) -> (Vec<String>, Vec<String>) {
    let bytes = serde_json::to_vec(document).expect("serialises");
    match load_bytes(Path::new("doc.json"), &bytes) {
        Ok(loaded) => (
            Vec::new(),
            loaded.warnings.iter().map(ToString::to_string).collect(),
        ),
        Err(failure) => (
            failure
                .diagnostics
                .iter()
                .map(ToString::to_string)
                .collect(),
            Vec::new(),
        ),
    }
}

#[test]
fn a_well_formed_import_object_passes_both_without_warnings() {
    let validator = validator();
    let documents = [
        json!({"importer": "brief-import 0.1.0"}),
        json!({"importer": "brief-import 0.1.0", "source": "https://news.example/a/1",
               "guessed": ["headline", "quotes[0].speaker", "actors[1].role"]}),
        json!({"importer": "brief-import 0.1.0", "source": "articles/seed.txt", "guessed": []}),
    ];
    for import in documents {
        let document = with_import(import);
        let (errors, warnings) = loader_says(&document);
        assert!(
            errors.is_empty() && warnings.is_empty(),
            "{errors:?} {warnings:?}"
        );
        let schema: Vec<String> = validator
            .iter_errors(&document)
            .map(|e| e.to_string())
            .collect();
        assert!(schema.is_empty(), "{schema:?}");
    }
}

#[test]
fn a_malformed_import_object_is_refused_by_both() {
    let validator = validator();
    let cases = [
        (json!("brief-import"), "import: expected an object"),
        (
            json!({"source": "a.txt"}),
            "import.importer: missing required field \"importer\"",
        ),
        (json!({"importer": 1}), "import.importer: expected a string"),
        (
            json!({"importer": "x", "guessed": "headline"}),
            "import.guessed: expected an array",
        ),
        (
            json!({"importer": "x", "guessed": ["headline", 3]}),
            "import.guessed[1]: expected a string",
        ),
        (
            json!({"importer": "x", "source": {"url": "u"}}),
            "import.source: expected a string",
        ),
    ];
    for (import, expected) in cases {
        let document = with_import(import);
        let (errors, _) = loader_says(&document);
        assert!(
            errors.iter().any(|error| error.contains(expected)),
            "expected {expected:?} in {errors:?}"
        );
        assert!(
            !validator.is_valid(&document),
            "the schema accepts {document}"
        );
    }
}

#[test]
fn an_unknown_key_in_import_is_a_warning_as_elsewhere() {
    let document = with_import(json!({"importer": "x", "digest": "abc"}));
    let (errors, warnings) = loader_says(&document);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("import.digest: unknown field")),
        "{warnings:?}"
    );
}

#[test]
fn the_reader_does_not_show_the_import_object() {
    let dir = std::env::temp_dir().join(format!("brief-import-schema-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("imported.json");
    let document = with_import(json!({"importer": "brief-import 0.1.0",
        "source": "https://news.example/unmistakable-source", "guessed": ["headline"]}));
    std::fs::write(&file, document.to_string()).expect("writes");
    let output = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("show")
        .arg(&file)
        .env("HOME", &dir)
        .env("XDG_STATE_HOME", &dir)
        .env("XDG_CONFIG_HOME", &dir)
        .env("XDG_CACHE_HOME", &dir)
        .output()
        .expect("brief runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("Talks resume"), "{stdout}");
    assert!(!stdout.contains("unmistakable-source"), "{stdout}");
    assert!(!stdout.contains("brief-import"), "{stdout}");
}
