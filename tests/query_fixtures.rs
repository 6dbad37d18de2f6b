//! The search on the real fixture briefings: each is found by every word of every one of its
//! fields (in the scopes that hold the field), through the parser, with a snippet that
//! highlights it; and by each name of each of its actors.

use std::path::Path;

use brief::briefing::query::{Part, fields, matches, normalize_text, parse, snippet};
use brief::briefing::{Briefing, LoadOptions, load_file};

fn fixtures() -> Vec<Briefing> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut briefings = Vec::new();
    for folder in ["loader/valid", "ui"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            panic!("no fixtures in {folder}");
        };
        for entry in entries.flatten() {
            if let Ok(loaded) = load_file(&entry.path(), &LoadOptions::default()) {
                briefings.push(loaded.briefing);
            }
        }
    }
    assert!(
        briefings.len() >= 5,
        "{} fixture briefings",
        briefings.len()
    );
    briefings
}

fn scopes_of(part: Part) -> Vec<&'static str> {
    let mut scopes = vec![""];
    match part {
        Part::Headline => scopes.push(" in:headline"),
        Part::Summary | Part::Body | Part::Point => scopes.push(" in:body"),
        Part::Quote | Part::QuoteContext => scopes.push(" in:quotes"),
        _ => {}
    }
    scopes
}

#[test]
fn every_word_of_every_field_finds_its_briefing() {
    let mut searched = 0;
    for briefing in fixtures() {
        for field in fields(&briefing) {
            for word in normalize_text(&field.text)
                .split(' ')
                .filter(|w| !w.is_empty())
            {
                for scope in scopes_of(field.part) {
                    let input = format!("{word}{scope}");
                    let query = parse(&input).unwrap_or_else(|error| panic!("{input}: {error}"));
                    let path = briefing.path.display();
                    assert!(matches(&briefing, &query), "{path}: {input}");
                    assert!(!matches(
                        &briefing,
                        &parse(&format!("-{input}")).unwrap_or_default()
                    ));
                    let shown = snippet(&briefing, &query, 60);
                    let shown = shown.unwrap_or_else(|| panic!("{path}: no snippet for {input}"));
                    assert!(!shown.highlights.is_empty(), "{path}: {input}: {shown:?}");
                    searched += 1;
                }
            }
        }
    }
    assert!(searched > 500, "{searched} words searched");
}

#[test]
fn every_name_of_every_actor_finds_its_briefing() {
    let mut names = 0;
    for briefing in fixtures() {
        for actor in &briefing.actors {
            for name in [&actor.id, &actor.name].into_iter().chain(&actor.aliases) {
                let input = format!("actor:\"{}\"", name.replace('"', " "));
                let query = parse(&input).unwrap_or_else(|error| panic!("{input}: {error}"));
                assert!(
                    matches(&briefing, &query),
                    "{}: {input}",
                    briefing.path.display()
                );
                names += 1;
            }
        }
    }
    assert!(names >= 5, "{names} actor names");
}
