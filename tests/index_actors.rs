//! The actor index: actors merged across briefings by id, and by name or alias where ids
//! differ (after normalisation), with counts of briefings mentioning and quoting each, and
//! one actor's timeline in date order.

mod index_common;

use brief::briefing::LoadOptions;
use brief::briefing::index::{Access, Index};
use index_common::Sandbox;
use serde_json::json;

#[test]
fn one_person_under_four_names_is_one_actor_with_a_timeline() {
    let sandbox = Sandbox::new();
    let write =
        |name: &str, date: Option<&str>, actor: serde_json::Value, quotes: serde_json::Value| {
            let mut value = json!({"format": 1, "id": name, "headline": format!("About {name}"),
                               "actors": [actor], "quotes": quotes});
            if let Some(date) = date {
                value["date"] = json!(date);
            }
            sandbox.write(&format!("{name}.json"), &value);
        };
    write(
        "a",
        Some("2025-01-02"),
        json!({"id": "turk", "name": "Volker Türk", "aliases": ["فولكر تورك"]}),
        json!([{"text": "first words", "speaker": "Volker Türk"}]),
    );
    write(
        "b",
        Some("2025-03-01"),
        json!({"id": "ohchr-chief", "name": "فولكـر تُورك", "aliases": ["تورك"]}),
        json!([{"text": "other words", "speaker": "Someone"}, {"text": "later words", "speaker": "تورك"}]),
    );
    write(
        "c",
        Some("2024-12-01"),
        json!({"id": "x", "name": "تورك"}),
        json!([]),
    );
    write(
        "d",
        Some("2025-02-01"),
        json!({"id": "haddad", "name": "Mariam Haddad"}),
        json!([{"text": "water", "speaker": "haddad"}]),
    );
    write(
        "e",
        None,
        json!({"id": "turk", "name": "V. Turk"}),
        json!([]),
    );

    let mut index = Index::open(
        &sandbox.library(),
        Some(&sandbox.index_file()),
        Access::ReadWrite,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    index
        .refresh(&LoadOptions::default(), &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"));
    let actors = index.actors().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(actors.len(), 2, "{actors:#?}");
    let turk = &actors[0];
    assert_eq!((turk.mentioned_in, turk.quoted_in), (4, 2), "{turk:#?}");
    let mut names = turk.aliases.clone();
    names.push(turk.name.clone());
    names.sort();
    assert_eq!(
        names,
        [
            "V. Turk",
            "Volker Türk",
            "تورك",
            "فولكر تورك",
            "فولكـر تُورك"
        ]
    );
    assert_eq!(turk.ids, ["ohchr-chief", "turk", "x"]);
    let haddad = &actors[1];
    assert_eq!(
        (haddad.name.as_str(), haddad.mentioned_in, haddad.quoted_in),
        ("Mariam Haddad", 1, 1)
    );

    let timeline = index.timeline(turk).unwrap_or_else(|e| panic!("{e}"));
    let order: Vec<(&str, Vec<(usize, &str)>)> = timeline
        .iter()
        .map(|entry| {
            let quotes = entry
                .quotes
                .iter()
                .map(|(at, text)| (*at, text.as_str()))
                .collect();
            (entry.id.as_str(), quotes)
        })
        .collect();
    assert_eq!(
        order,
        [
            ("c", vec![]),
            ("a", vec![(0, "first words")]),
            ("b", vec![(1, "later words")]),
            ("e", vec![]),
        ]
    );
}
