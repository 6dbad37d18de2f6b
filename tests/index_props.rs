//! Property: for random small libraries and random queries, the index finds exactly what
//! the reference scan finds. Words come from a small vocabulary in several spellings (so
//! normalisation, containment and short words all come up), in every kind of clause.

mod index_common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use brief::briefing::LoadOptions;
use brief::briefing::index::{Access, Cancel, Index, Order, Page};
use brief::briefing::load_briefings;
use brief::briefing::query::{ActorGroups, Searchable, parse};
use index_common::Sandbox;
use proptest::prelude::*;
use serde_json::{Value, json};

const WORDS: &[&str] = &[
    "water",
    "Waterworks",
    "ماء",
    "الماء",
    "مُدرسة",
    "مدرسه",
    "أحمد",
    "احمد",
    "שָׁלוֹם",
    "שלום",
    "٢٠٢٥",
    "2025",
    "ab",
    "b",
    "يك",
    "یک",
    "Türk",
    "turk",
];

fn words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..=max).prop_map(|w| w.join(" "))
}

fn briefing() -> impl Strategy<Value = Value> {
    (
        words(3),
        prop::collection::vec(words(4), 0..3),
        prop::option::of(words(2)),
        prop::sample::select(vec!["ar", "en", "he", "ar-EG", "fa"]),
        prop::option::of(0u8..60),
        prop::option::of(words(1)),
        prop::collection::vec(words(1), 0..2),
        (
            words(2),
            words(1),
            prop::option::of((prop::sample::select(vec!["x", "y", ""]), words(1))),
        ),
    )
        .prop_map(
            |(headline, body, summary, language, day, class, tags, (quote, speaker, actor))| {
                let mut value = json!({
                    "format": 1,
                    "headline": headline,
                    "body": body,
                    "language": language,
                    "tags": tags,
                    "quotes": [{"text": quote, "speaker": speaker}],
                });
                if let Some(summary) = summary {
                    value["summary"] = json!(summary);
                }
                if let Some(class) = class {
                    value["classification"] = json!(class);
                }
                if let Some(day) = day {
                    value["date"] = json!(format!("2025-0{}-{:02}", 1 + day / 28, 1 + day % 28));
                }
                // Few ids and words, so actors merge across briefings by id and by alias.
                if let Some((id, alias)) = actor {
                    value["actors"] = json!([{"id": id, "name": speaker, "aliases": [alias]}]);
                }
                value
            },
        )
}

fn query() -> impl Strategy<Value = String> {
    let word = prop::sample::select(WORDS).prop_map(str::to_owned);
    let clause = prop_oneof![
        word.clone(),
        word.clone().prop_map(|w| format!("-{w}")),
        (word.clone(), word.clone()).prop_map(|(a, b)| format!("\"{a} {b}\"")),
        word.clone().prop_map(|w| format!("actor:{w}")),
        word.clone().prop_map(|w| format!("speaker:{w}")),
        word.clone().prop_map(|w| format!("tag:{w}")),
        word.clone().prop_map(|w| format!("class:{w}")),
        prop::sample::select(vec!["lang:ar", "lang:en", "lang:he", "lang:fa"])
            .prop_map(str::to_owned),
        (1u8..3, 1u8..28).prop_map(|(m, d)| format!("date:2025-0{m}-{d:02}..")),
        (1u8..3, 1u8..28).prop_map(|(m, d)| format!("date:..2025-0{m}-{d:02}")),
    ];
    let scope = prop::sample::select(vec!["", "in:headline ", "in:body ", "in:quotes "]);
    (scope, prop::collection::vec(clause, 1..=3))
        .prop_map(|(scope, clauses)| format!("{scope}{}", clauses.join(" ")))
}

/// The reference: every briefing loaded, the query's actors widened by all their actors.
fn scan(sandbox: &Sandbox, text: &str) -> BTreeSet<PathBuf> {
    let query = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    let loaded = load_briefings(&sandbox.library(), &LoadOptions::default());
    let query = ActorGroups::of(loaded.iter().map(|l| &l.briefing)).widen(&query);
    loaded
        .into_iter()
        .filter(|loaded| Searchable::new(&loaded.briefing).matches(&query))
        .map(|loaded| {
            std::fs::canonicalize(&loaded.briefing.path).unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_index_finds_what_the_scan_finds(
        library in prop::collection::vec(briefing(), 1..8),
        queries in prop::collection::vec(query(), 1..6),
    ) {
        let sandbox = Sandbox::new();
        for (n, value) in library.iter().enumerate() {
            sandbox.write(&format!("{n}.json"), value);
        }
        let mut index = Index::open(&sandbox.library(), Some(&sandbox.index_file()), Access::ReadWrite)
            .unwrap_or_else(|e| panic!("{e}"));
        let summary = index.refresh(&LoadOptions::default(), &mut |_| {}).unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(summary.failed, 0);
        for text in &queries {
            let query = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            for order in [Order::Newest, Order::Relevance] {
                let page = Page { order, limit: usize::MAX, ..Page::default() };
                let found: BTreeSet<PathBuf> = index
                    .search(&query, &page, &LoadOptions::default(), &Cancel::default())
                    .unwrap_or_else(|e| panic!("{text}: {e}"))
                    .into_iter()
                    .map(|hit| hit.path)
                    .collect();
                prop_assert_eq!(&found, &scan(&sandbox, text), "query {:?}", text);
            }
        }
    }
}
