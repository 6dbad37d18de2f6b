//! Actors merged across briefings, and queries widened by them.

use super::tests_scan::blank;
use super::*;
use crate::briefing::{Actor, Briefing, Quote};

fn with_actor(id: &str, actor_id: &str, name: &str, aliases: &[&str]) -> Briefing {
    let mut briefing = blank(id);
    briefing.actors = vec![Actor {
        id: actor_id.into(),
        name: name.into(),
        role: None,
        organization: None,
        country: None,
        aliases: aliases.iter().map(|a| (*a).into()).collect(),
    }];
    briefing
}

/// Which of `library` the query `input` finds, widened by the library's actors.
fn found<'a>(library: &'a [Briefing], input: &str) -> Vec<&'a str> {
    let query = parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
    let query = ActorGroups::of(library).widen(&query);
    library
        .iter()
        .filter(|b| matches(b, &query))
        .map(|b| b.id.as_str())
        .collect()
}

#[test]
fn names_link_briefings_from_one_to_the_next() {
    let library = [
        with_actor("a", "1", "First Name", &["Second Name"]),
        with_actor("b", "2", "Second Name", &["Third Name"]),
        with_actor("c", "3", "Third Name", &[]),
        with_actor("d", "4", "Other Person", &[]),
    ];
    assert_eq!(found(&library, "actor:first"), ["a", "b", "c"]);
    assert_eq!(found(&library, "actor:third"), ["a", "b", "c"]);
    assert_eq!(found(&library, "-actor:\"first name\""), ["d"]);
    // Unwidened, only the briefing that names it.
    let query = parse("actor:first").unwrap_or_else(|e| panic!("{e}"));
    assert!(!matches(&library[2], &query));
}

#[test]
fn an_id_equal_to_a_name_is_no_link_and_ids_link_across_names() {
    let library = [
        with_actor("a", "turk", "Volker Türk", &[]),
        with_actor("b", "x", "turk", &[]),
        with_actor("c", "turk", "المفوض السامي", &[]),
    ];
    // `turk` is a's id and b's name: b is another actor; c shares a's id.
    assert_eq!(found(&library, "actor:volker"), ["a", "c"]);
    assert_eq!(found(&library, "actor:المفوض"), ["a", "c"]);
    assert_eq!(found(&library, "actor:turk"), ["a", "b", "c"]);
}

#[test]
fn speaker_finds_a_quotation_under_a_name_another_briefing_gives() {
    let mut quoted = blank("q");
    quoted.quotes = vec![Quote {
        text: "words".into(),
        speaker: "Volker Türk".into(),
        context: None,
    }];
    let library = [with_actor("a", "turk", "Volker Türk", &["تورك"]), quoted];
    assert_eq!(found(&library, "speaker:تورك"), ["q"]);
    let widened = ActorGroups::of(&library).widen(&parse("speaker:تورك").unwrap_or_default());
    let hit = snippet(&library[1], &widened, 40).map(|s| s.text);
    assert_eq!(
        hit.as_deref(),
        Some("words"),
        "the quotation is the snippet"
    );
}
