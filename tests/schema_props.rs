//! The schema's patterns and the loader's checks agree on generated values: dates,
//! language tags and blank headlines, where a regular expression and Rust code could drift.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::path::Path;
use std::sync::LazyLock;

use brief::briefing::load_bytes;
use proptest::prelude::*;
use serde_json::{Value, json};

static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/briefing.schema.json");
    let text = std::fs::read_to_string(path).expect("schema is readable");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
});

fn verdicts(document: &Value) -> (bool, bool) {
    let loader = load_bytes(Path::new("p.json"), document.to_string().as_bytes()).is_ok();
    (loader, VALIDATOR.is_valid(document))
}

proptest! {
    #[test]
    fn dates(date in "[0-9]{4}-[0-1][0-9]-[0-3][0-9]([Tt ][0-2][0-9]:[0-6][0-9]:[0-6][0-9](\\.[0-9]{0,2})?([Zz]|[+-][0-2][0-9]:[0-6][0-9])?)?") {
        let (loader, schema) = verdicts(&json!({"headline": "h", "date": date}));
        prop_assert_eq!(loader, schema, "{}", date);
    }

    #[test]
    fn leap_days(year in 1000u32..3000) {
        let date = format!("{year:04}-02-29");
        let (loader, schema) = verdicts(&json!({"headline": "h", "date": date}));
        prop_assert_eq!(loader, schema, "{}", date);
    }

    #[test]
    fn language_tags(tag in "[a-zA-Z0-9ع_-]{0,4}(-[a-zA-Z0-9]{0,9}){0,3}") {
        let (loader, schema) = verdicts(&json!({"headline": "h", "language": tag}));
        prop_assert_eq!(loader, schema, "{:?}", tag);
    }

    #[test]
    fn blank_headlines(headline in "[ \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{1680}\u{2000}-\u{200d}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{feff}x]{0,4}") {
        let (loader, schema) = verdicts(&json!({ "headline": headline }));
        prop_assert_eq!(loader, schema, "{:?}", headline);
    }
}
