//! The seed briefing (Arabic, right to left) and the mixed sample (English with Arabic) in the
//! three formats, as a reader would receive them.

mod export_check;

use brief::export::{Format, export};
use export_check::{load, repo};

fn snapshot(file: &str, format: Format) -> String {
    let path = repo().join("briefings").join(file);
    let briefing = load(&path).unwrap_or_else(|| panic!("{file} does not load"));
    export(&[&briefing], format)
}

#[test]
fn seed_markdown() {
    insta::assert_snapshot!(snapshot("libya-ohchr-geneva.json", Format::Markdown));
}

#[test]
fn seed_html() {
    insta::assert_snapshot!(snapshot("libya-ohchr-geneva.json", Format::Html));
}

#[test]
fn seed_text() {
    insta::assert_snapshot!(snapshot("libya-ohchr-geneva.json", Format::Text));
}

#[test]
fn mixed_markdown() {
    insta::assert_snapshot!(snapshot("sabil-upr-tracker-tunis.json", Format::Markdown));
}
