//! The seed article imports to a briefing equal in structure to the bundled one
//! (briefings/libya-ohchr-geneva.json), compared field by field.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::path::Path;

use brief::briefing::{Block, Briefing, Direction, LoadOptions, load_bytes, load_file};
use brief::import::{Meta, from_text};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn bundled() -> Briefing {
    let path = Path::new(ROOT).join("briefings/libya-ohchr-geneva.json");
    load_file(&path, &LoadOptions::default())
        .expect("the bundled seed loads")
        .briefing
}

fn imported() -> (Briefing, Vec<String>) {
    let text = std::fs::read_to_string(Path::new(ROOT).join("tests/data/seed-article.txt"))
        .expect("seed article");
    let meta = Meta {
        source: Some("tests/data/seed-article.txt".into()),
        ..Meta::default()
    };
    let draft = from_text(&text, false, &meta).expect("the seed has text");
    let json = draft.to_json();
    let loaded = load_bytes(Path::new("seed.json"), json.as_bytes())
        .unwrap_or_else(|failure| panic!("{:#?}\n{json}", failure.diagnostics));
    let warnings = loaded.warnings.iter().map(ToString::to_string).collect();
    (loaded.briefing, warnings)
}

#[test]
fn the_imported_seed_loads_without_errors_or_warnings() {
    let (_, warnings) = imported();
    assert!(warnings.is_empty(), "{warnings:#?}");
}

#[test]
fn every_body_block_is_the_bundled_ones_text_for_text() {
    let (ours, _) = imported();
    let theirs = bundled();
    assert_eq!(ours.body.len(), theirs.body.len());
    for (index, (mine, bundled)) in ours.body.iter().zip(&theirs.body).enumerate() {
        assert_eq!(mine, bundled, "body[{index}]");
    }
    let typo = ours
        .body
        .iter()
        .any(|b| matches!(b, Block::Heading(h) if h.contains("ليببا")));
    assert!(typo, "the typo ليببا stays");
}

#[test]
fn four_subheadings_and_three_lists_of_three_three_and_four_with_leads() {
    let (ours, _) = imported();
    let headings: Vec<&Block> = ours
        .body
        .iter()
        .filter(|b| matches!(b, Block::Heading(_)))
        .collect();
    assert_eq!(headings.len(), 4);
    let lists: Vec<(bool, usize)> = ours
        .body
        .iter()
        .filter_map(|b| match b {
            Block::Bullets { lead, items } => Some((lead.is_some(), items.len())),
            _ => None,
        })
        .collect();
    assert_eq!(lists, vec![(true, 3), (true, 3), (true, 4)]);
}

#[test]
fn the_turk_quotation_is_spoken_by_the_actor_volker_turk() {
    let (ours, _) = imported();
    let theirs = bundled();
    assert_eq!(ours.quotes.len(), 1);
    assert_eq!(ours.quotes[0].text, theirs.quotes[0].text);
    let speaker = ours
        .find_actor(&ours.quotes[0].speaker)
        .expect("the speaker is an actor");
    assert_eq!(speaker.name, "فولكر تورك");
    assert_eq!(
        speaker.role.as_deref(),
        Some("المفوض السامي للأمم المتحدة لحقوق الإنسان")
    );
    assert!(speaker.aliases.contains(&"تورك".to_owned()));
}

#[test]
fn al_baour_is_one_actor_with_his_short_name_as_alias() {
    let (ours, _) = imported();
    let baour: Vec<_> = ours
        .actors
        .iter()
        .filter(|a| a.name.contains("الباعور") || a.aliases.iter().any(|x| x.contains("الباعور")))
        .collect();
    assert_eq!(baour.len(), 1, "{:#?}", ours.actors);
    assert_eq!(baour[0].name, "الطاهر الباعور");
    assert_eq!(baour[0].aliases, vec!["الباعور".to_owned()]);
}

#[test]
fn the_organizations_named_are_actors_and_nothing_else_is_invented() {
    let (ours, _) = imported();
    let theirs = bundled();
    let names: Vec<&str> = ours.actors.iter().map(|a| a.name.as_str()).collect();
    for expected in [
        "المفوضية السامية للأمم المتحدة لحقوق الإنسان",
        "مجلس حقوق الإنسان",
        "وزارة الخارجية والتعاون الدولي",
    ] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
        assert!(theirs.actors.iter().any(|a| a.name == expected));
    }
    assert_eq!(ours.actors.len(), 5, "{names:?}");
    assert_eq!(ours.language.as_deref(), Some("ar"));
    assert_eq!(ours.direction, Direction::Rtl);
    assert_eq!(ours.date, None, "the article gives no date");
    assert_eq!(ours.source, None, "nor a source");
    assert_eq!(ours.summary, None);
}
