//! The scan's operators, negation, date ranges, scopes and snippets, on briefings made by
//! hand.

use std::path::PathBuf;

use proptest::prelude::*;

use super::*;
use crate::briefing::{Actor, Block, Briefing, Direction, Quote, Source};

pub(super) fn blank(id: &str) -> Briefing {
    Briefing {
        path: PathBuf::from(format!("/archive/{id}.json")),
        id: id.into(),
        headline: "Weekly note".into(),
        summary: None,
        language: None,
        direction: Direction::Auto,
        date: None,
        location: None,
        source: None,
        classification: None,
        tags: Vec::new(),
        body: Vec::new(),
        points: Vec::new(),
        quotes: Vec::new(),
        actors: Vec::new(),
        translations: Vec::new(),
        cut: None,
    }
}

fn turk_briefing() -> Briefing {
    let mut b = blank("geneva-1");
    b.headline = "المفوض السامي يحذر".into();
    b.language = Some("ar-EG".into());
    b.date = Some("2025-03-14T07:45:00+03:00".into());
    b.classification = Some("Restricted".into());
    b.tags = vec!["Geneva".into(), "human rights".into()];
    b.actors = vec![Actor {
        id: "volker-turk".into(),
        name: "Volker Türk".into(),
        role: Some("High Commissioner".into()),
        organization: Some("OHCHR".into()),
        country: Some("Austria".into()),
        aliases: vec!["فولكر تورك".into()],
    }];
    b.quotes = vec![Quote {
        text: "لا بد من وقف إطلاق النار".into(),
        speaker: "volker-turk".into(),
        context: Some("في مؤتمر صحفي".into()),
    }];
    b
}

fn found(briefing: &Briefing, input: &str) -> bool {
    match parse(input) {
        Ok(query) => matches(briefing, &query),
        Err(error) => panic!("{input}: {error}"),
    }
}

#[test]
fn actor_by_id_name_or_any_alias() {
    let b = turk_briefing();
    for input in [
        "actor:تورك",
        "actor:\"فولكر تورك\"",
        "actor:TURK",
        "actor:\"volker türk\"",
        "actor:volker-turk",
    ] {
        assert!(found(&b, input), "{input}");
    }
    for input in ["actor:guterres", "actor:\"türk volker\"", "-actor:تورك"] {
        assert!(!found(&b, input), "{input}");
    }
}

#[test]
fn speaker_through_the_actor_it_names_or_as_written() {
    let mut b = turk_briefing();
    assert!(found(&b, "speaker:تورك"));
    assert!(found(&b, "speaker:volker"));
    b.quotes[0].speaker = "A spokesperson".into();
    assert!(!found(&b, "speaker:تورك"));
    assert!(found(&b, "speaker:spokesperson"));
    // An actor who is listed but not quoted is not a speaker.
    assert!(found(&b, "actor:تورك -speaker:تورك"));
}

#[test]
fn tag_and_class_are_whole_values_and_lang_a_primary_subtag() {
    let b = turk_briefing();
    assert!(found(&b, "tag:geneva") && found(&b, "tag:\"Human Rights\""));
    assert!(!found(&b, "tag:gen") && !found(&b, "tag:human"));
    assert!(found(&b, "class:restricted") && !found(&b, "class:restr"));
    assert!(found(&b, "lang:ar") && found(&b, "lang:AR-SA") && !found(&b, "lang:en"));
    assert!(!found(&blank("x"), "lang:ar") && found(&blank("x"), "-lang:ar"));
}

#[test]
fn date_ranges_with_open_ends() {
    let dated = |date: &str| {
        let mut b = blank("d");
        b.date = Some(date.into());
        b
    };
    let b = dated("2025-03-14T23:30:00-05:00");
    for input in [
        "date:2025-03-14",
        "date:2025-03-01..2025-03-31",
        "date:2025-03-14..",
        "date:..2025-03-14",
        "date:2025-01-01..",
    ] {
        assert!(found(&b, input), "{input}");
    }
    for input in [
        "date:2025-03-15..",
        "date:..2025-03-13",
        "date:2025-04-01..2025-04-30",
        "-date:2025-03-14",
    ] {
        assert!(!found(&b, input), "{input}");
    }
    assert!(found(&dated("2024-02-29"), "date:2024-02-29"));
    assert!(!found(&dated("someday"), "date:..2030-01-01"));
    assert!(!found(&blank("undated"), "date:2025-01-01.."));
    assert!(found(&blank("undated"), "-date:2025-01-01.."));
}

#[test]
fn words_all_must_match_and_exclusions_must_not() {
    let b = turk_briefing();
    assert!(found(&b, "المفوض يحذر"));
    assert!(!found(&b, "المفوض غزة"));
    assert!(found(&b, "المفوض -غزة"));
    assert!(!found(&b, "المفوض -يحذر"));
    assert!(found(&b, ""));
    assert!(found(&b, "-غزة"));
    assert!(found(&b, "\"السامي يحذر\"") && !found(&b, "\"يحذر السامي\""));
}

#[test]
fn every_described_field_is_searched() {
    let b = turk_briefing();
    for input in [
        "commissioner",
        "ohchr",
        "austria",
        "geneva",
        "restricted",
        "2025-03-14",
        "ar-eg",
        "geneva-1.json",
        "مؤتمر",
    ] {
        assert!(found(&b, input), "{input}");
    }
    let mut b = blank("s");
    b.source = Some(Source {
        name: Some("Reuters".into()),
        url: Some("https://example.org/a".into()),
    });
    b.location = Some("Genève".into());
    assert!(found(&b, "reuters") && found(&b, "\"example org\"") && found(&b, "genève"));
}

#[test]
fn scopes() {
    let mut b = turk_briefing();
    b.summary = Some("ملخص".into());
    b.body = vec![Block::Bullets {
        lead: Some("قائمة".into()),
        items: vec!["بند".into()],
    }];
    b.points = vec!["نقطة".into()];
    let in_scope = |word: &str| {
        ["headline", "body", "quotes"].map(|scope| found(&b, &format!("{word} in:{scope}")))
    };
    assert_eq!(in_scope("المفوض"), [true, false, false]);
    assert_eq!(in_scope("ملخص"), [false, true, false]);
    assert_eq!(in_scope("قائمة"), [false, true, false]);
    assert_eq!(in_scope("بند"), [false, true, false]);
    assert_eq!(in_scope("نقطة"), [false, true, false]);
    assert_eq!(in_scope("النار"), [false, false, true]);
    assert_eq!(in_scope("مؤتمر"), [false, false, true]);
    assert_eq!(in_scope("geneva"), [false, false, false]);
    assert!(found(&b, "geneva"));
}

fn snip(briefing: &Briefing, input: &str, max_chars: usize) -> Option<(String, Vec<String>)> {
    let query = parse(input).ok()?;
    let snippet = snippet(briefing, &query, max_chars)?;
    let marked = snippet
        .highlights
        .iter()
        .map(|r| snippet.text[r.clone()].to_string())
        .collect();
    Some((snippet.text, marked))
}

#[test]
fn snippets_show_the_original_text_around_the_first_match() {
    let mut b = blank("s");
    b.body = vec![Block::Paragraph(
        "In Geneva,\nthe High Commissioner said on Monday that the talks, which began in March, had stalled.".into(),
    )];
    let (text, marked) = snip(&b, "commissioner \"talks which\"", 40).unwrap_or_default();
    assert_eq!(text, "…the High Commissioner said on Monday…");
    assert_eq!(marked, ["Commissioner"]);
    let (text, marked) = snip(&b, "stalled TALKS", 200).unwrap_or_default();
    assert_eq!(
        text,
        "In Geneva, the High Commissioner said on Monday that the talks, which began in March, had stalled."
    );
    assert_eq!(marked, ["talks", "stalled"]);
}

#[test]
fn snippets_keep_marks_and_are_safe_for_a_terminal() {
    let mut b = blank("s");
    b.headline = "قالَ المُفَوَّضُ\u{1b}[31m \u{202E}السامي".into();
    let (text, marked) = snip(&b, "المفوض", 80).unwrap_or_default();
    assert_eq!(text, "قالَ المُفَوَّضُ [31m السامي");
    assert_eq!(marked, ["المُفَوَّضُ"]);
}

#[test]
fn a_snippet_follows_the_scope_and_the_speaker() {
    let b = turk_briefing();
    assert_eq!(snip(&b, "لا in:headline", 80), None);
    let (text, marked) = snip(&b, "النار in:quotes", 80).unwrap_or_default();
    assert_eq!(
        (text.as_str(), marked),
        ("لا بد من وقف إطلاق النار", vec!["النار".to_string()])
    );
    let (text, marked) = snip(&b, "speaker:تورك", 80).unwrap_or_default();
    assert_eq!((text.as_str(), marked.len()), ("لا بد من وقف إطلاق النار", 0));
    assert_eq!(snip(&b, "tag:geneva", 80), None);
}

fn text_piece() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قالَ",
        "المفوض",
        "والمفوضية",
        "ﻻ",
        "שָׁלוֹם",
        "Türk",
        "Ms.",
        "\n",
        "\u{1b}",
        "\u{202E}",
        " ",
        "، ",
        "ـ",
        "٢٠٢٥",
        "e\u{301}",
        "İ",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn a_matching_briefing_has_a_safe_snippet_on_char_boundaries(
        headline in text_piece(),
        paragraph in text_piece(),
        typed in text_piece(),
        max_chars in 1usize..60,
    ) {
        let mut b = blank("p");
        b.headline = headline;
        b.body = vec![Block::Paragraph(paragraph)];
        let Ok(query) = parse(&typed) else { return Ok(()) };
        let has_words = query.clauses.iter().any(|c| matches!(c.filter, Filter::Word(_) | Filter::Phrase(_)));
        let found = snippet(&b, &query, max_chars);
        if matches(&b, &query) && has_words {
            prop_assert!(found.is_some());
        }
        if let Some(found) = found {
            prop_assert!(found.text.chars().count() <= max_chars.max(3));
            prop_assert!(!found.text.chars().any(|c| crate::briefing::is_terminal_hazard(c) || c == '\n'));
            for range in &found.highlights {
                prop_assert!(found.text.get(range.clone()).is_some_and(|t| !t.is_empty()));
            }
        }
    }
}

/// A review state that holds what it is told.
struct Holds(Vec<Review>);

impl ReviewLookup for Holds {
    fn holds(&self, review: &Review) -> bool {
        self.0.contains(review)
    }
}

#[test]
fn review_filters_ask_the_lookup_and_combine_with_text() {
    let b = blank("a");
    let q = |text: &str| parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    let flagged = Holds(vec![Review::Flagged, Review::Read]);
    assert!(matches_with(&b, &q("weekly is:flagged"), &flagged));
    assert!(!matches_with(&b, &q("weekly -is:flagged"), &flagged));
    assert!(!matches_with(&b, &q("monthly is:flagged"), &flagged));
    assert!(!matches_with(&b, &q("is:new"), &flagged));
    // Without a state every briefing is new and nothing else.
    assert!(matches(&b, &q("is:new weekly")));
    assert!(!matches(&b, &q("is:read")));
    assert!(!matches(&b, &q("reviewed-by:amira")));
    assert!(matches_with(&b, &q("is:new"), &NoMarks));
}

#[test]
fn text_terms_are_the_words_and_phrases_looked_for() {
    let query = parse(r#"Türk -draft "وقف إطلاق" actor:x in:quotes"#).unwrap_or_default();
    let terms: Vec<String> = query.text_terms().iter().map(|t| t.join(" ")).collect();
    assert_eq!(terms, ["türk", "وقف اطلاق"]);
}

#[test]
fn a_translation_is_searched_in_the_part_it_translates() {
    use crate::briefing::{QuoteText, Translation};
    let mut b = blank("translated");
    b.body = vec![Block::Paragraph("نص عربي".into())];
    b.quotes = vec![Quote {
        text: "كلام".into(),
        speaker: "تورك".into(),
        context: None,
    }];
    b.translations = vec![Translation {
        language: "en".into(),
        translator: None,
        headline: None,
        summary: None,
        body: vec![Some(Block::Paragraph("Arabic text about ceasefire".into()))],
        points: Vec::new(),
        quotes: vec![Some(QuoteText {
            text: Some("words on detention".into()),
            context: None,
        })],
        actors: Vec::new(),
    }];
    assert!(found(&b, "ceasefire"));
    assert!(found(&b, "ceasefire in:body"));
    assert!(!found(&b, "ceasefire in:quotes"));
    assert!(found(&b, "detention in:quotes"));
    assert!(!found(&b, "armistice"));
}
