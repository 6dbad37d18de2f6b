//! The index answers what the reference scan answers: a plain loop over the loaded
//! briefings with the one normalisation. Words are planted under every normalisation
//! (harakat, tatweel, alef forms, ta marbuta, alef maqsura, clitics, niqqud, case, digits,
//! presentation forms) in every field, and searched in other spellings.

mod index_common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use brief::briefing::LoadOptions;
use brief::briefing::index::{Access, Cancel, Index, Order, Page};
use brief::briefing::load_briefings;
use brief::briefing::query::{ActorGroups, Searchable, parse};
use index_common::Sandbox;
use serde_json::{Value, json};

/// Paths the scan finds for `text`: the briefings loaded, the query's actors widened by
/// every briefing's actors, each briefing matched.
fn scanned(sandbox: &Sandbox, text: &str) -> BTreeSet<PathBuf> {
    let query = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    let loaded = load_briefings(&sandbox.library(), &LoadOptions::default());
    let query = ActorGroups::of(loaded.iter().map(|l| &l.briefing)).widen(&query);
    loaded
        .iter()
        .filter(|loaded| Searchable::new(&loaded.briefing).matches(&query))
        .map(|loaded| canonical(&loaded.briefing.path))
        .collect()
}

fn canonical(path: &std::path::Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn indexed(index: &Index, text: &str, order: Order) -> Vec<PathBuf> {
    let query = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    let page = Page {
        order,
        limit: usize::MAX,
        ..Page::default()
    };
    index
        .search(&query, &page, &LoadOptions::default(), &Cancel::default())
        .unwrap_or_else(|e| panic!("{text}: {e}"))
        .into_iter()
        .map(|hit| hit.path)
        .collect()
}

fn built(sandbox: &Sandbox) -> Index {
    let mut index = Index::open(
        &sandbox.library(),
        Some(&sandbox.index_file()),
        Access::ReadWrite,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    index
        .refresh(&LoadOptions::default(), &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"));
    index
}

/// A briefing with `word` in one field (`field`) and neutral text elsewhere.
fn planted(n: usize, field: &str, word: &str) -> Value {
    let mut briefing = json!({
        "format": 1,
        "id": format!("p{n}"),
        "headline": format!("neutral headline {n}"),
        "language": "en",
        "date": format!("2025-0{}-1{}", 1 + n % 3, n % 10),
        "body": ["nothing here"],
        "quotes": [{"text": "plain words", "speaker": "Someone Else"}],
        "actors": [{"id": format!("x{n}"), "name": "Nobody Special"}],
    });
    let text = json!(word);
    match field {
        "headline" | "summary" | "location" | "classification" | "language" => {
            briefing[field] = text
        }
        "paragraph" => briefing["body"] = json!([word]),
        "heading" => briefing["body"] = json!([{"heading": word}, "after"]),
        "lead" => briefing["body"] = json!([{"lead": word, "bullets": ["one"]}]),
        "bullet" => briefing["body"] = json!([{"bullets": ["one", word]}]),
        "point" => briefing["points"] = json!([word]),
        "quote" => briefing["quotes"] = json!([{"text": word, "speaker": "S"}]),
        "context" => briefing["quotes"] = json!([{"text": "t", "speaker": "S", "context": word}]),
        "speaker" => briefing["quotes"] = json!([{"text": "t", "speaker": word}]),
        "actor" => briefing["actors"] = json!([{"id": "a", "name": word}]),
        "alias" => briefing["actors"] = json!([{"id": "a", "name": "N", "aliases": [word]}]),
        "role" => briefing["actors"] = json!([{"id": "a", "name": "N", "role": word}]),
        "organization" => {
            briefing["actors"] = json!([{"id": "a", "name": "N", "organization": word}])
        }
        "country" => briefing["actors"] = json!([{"id": "a", "name": "N", "country": word}]),
        "tag" => briefing["tags"] = json!([word]),
        "source" => briefing["source"] = json!({"name": word}),
        other => panic!("no field {other}"),
    }
    briefing
}

const FIELDS: &[&str] = &[
    "headline",
    "summary",
    "paragraph",
    "heading",
    "lead",
    "bullet",
    "point",
    "quote",
    "context",
    "speaker",
    "actor",
    "alias",
    "role",
    "organization",
    "country",
    "tag",
    "location",
    "source",
    "classification",
];

/// Each word as planted in the text, and spellings a reader would type that must find it.
const PLANTED: &[(&str, &[&str])] = &[
    ("مُحَمَّدٌ", &["محمد", "مُحمد"]),
    ("كـتـاب", &["كتاب"]),
    ("أحمد", &["احمد", "إحمد"]),
    ("مدرسة", &["مدرسه", "مدرسة"]),
    ("مصطفى", &["مصطفي"]),
    ("والكتابة", &["كتابه", "الكتابة"]),
    ("שָׁלוֹם", &["שלום"]),
    ("WATERWORKS", &["water", "Works"]),
    ("٢٠٢٥م", &["2025", "۲۰۲۵"]),
    ("ﻻجئ", &["لاجئ"]),
    ("یک کتاب", &["يك", "\"يك كتاب\""]),
    ("אב", &["אב"]),
    ("xq", &["xq", "q"]),
];

#[test]
fn planted_words_are_found_in_every_field_as_the_scan_finds_them() {
    let sandbox = Sandbox::new();
    let mut n = 0;
    for (word, _) in PLANTED {
        for field in FIELDS {
            if *field == "language" && word.contains(' ') {
                continue;
            }
            sandbox.write(&format!("{n:04}.json"), &planted(n, field, word));
            n += 1;
        }
    }
    let index = built(&sandbox);
    let mut queries: Vec<String> = Vec::new();
    for (_, spellings) in PLANTED {
        for spelling in *spellings {
            queries.push((*spelling).to_owned());
            for scope in ["in:headline", "in:body", "in:quotes"] {
                queries.push(format!("{scope} {spelling}"));
            }
            queries.push(format!("-{spelling}"));
        }
    }
    queries.extend(
        [
            "actor:محمد",
            "speaker:שלום",
            "tag:مدرسه",
            "class:احمد",
            "lang:en",
            "date:2025-02-01..2025-02-28",
            "date:..2025-01-15",
            "neutral -water",
            "\"neutral headline\"",
            "n",
        ]
        .map(str::to_owned),
    );
    for text in &queries {
        let expected = scanned(&sandbox, text);
        let found: BTreeSet<PathBuf> = indexed(&index, text, Order::Newest).into_iter().collect();
        assert_eq!(found, expected, "query {text:?}");
    }
    // Every planted word was found somewhere: the comparison above is not of two empties.
    for (_, spellings) in PLANTED {
        assert!(!scanned(&sandbox, spellings[0]).is_empty(), "{spellings:?}");
    }
}

#[test]
fn results_come_newest_first_and_pages_follow_each_other() {
    let sandbox = Sandbox::new();
    index_common::fill(&sandbox, 30);
    let index = built(&sandbox);
    let all = indexed(&index, "headline", Order::Newest);
    assert_eq!(all.len(), 30);
    let query = parse("headline").unwrap_or_else(|e| panic!("{e}"));
    let dates: Vec<String> = index
        .search(
            &query,
            &Page {
                limit: 100,
                ..Page::default()
            },
            &LoadOptions::default(),
            &Cancel::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|hit| hit.date.unwrap_or_default())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let page = |offset| {
        index
            .search(
                &query,
                &Page {
                    offset,
                    limit: 7,
                    ..Page::default()
                },
                &LoadOptions::default(),
                &Cancel::default(),
            )
            .unwrap_or_else(|e| panic!("{e}"))
            .into_iter()
            .map(|hit| hit.path)
            .collect::<Vec<_>>()
    };
    assert_eq!(page(0), all[..7]);
    assert_eq!(page(7), all[7..14]);
    assert_eq!(page(28), all[28..]);
    let relevance: BTreeSet<PathBuf> = indexed(&index, "headline", Order::Relevance)
        .into_iter()
        .collect();
    assert_eq!(relevance, all.into_iter().collect());
}

#[test]
fn a_cancelled_search_says_so() {
    let sandbox = Sandbox::new();
    index_common::fill(&sandbox, 5);
    let index = built(&sandbox);
    let cancel = Cancel::default();
    cancel.cancel();
    let query = parse("headline").unwrap_or_else(|e| panic!("{e}"));
    let result = index.search(&query, &Page::default(), &LoadOptions::default(), &cancel);
    assert!(
        matches!(result, Err(brief::briefing::index::IndexError::Cancelled)),
        "{result:?}"
    );
}

#[test]
fn a_file_changed_after_indexing_is_answered_from_the_file() {
    let sandbox = Sandbox::new();
    index_common::fill(&sandbox, 3);
    let index = built(&sandbox);
    sandbox.write(
        "0001.json",
        &index_common::briefing(1, "Rewritten", "Body text 1"),
    );
    let query = parse("headline").unwrap_or_else(|e| panic!("{e}"));
    let hits = index
        .search(
            &query,
            &Page::default(),
            &LoadOptions::default(),
            &Cancel::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(hits.len(), 2, "{hits:?}");
    assert!(hits.iter().all(|hit| hit.headline.starts_with("Headline")));
}

/// Over 200 rows selected by trigrams, newest first walks the date index instead of
/// sorting the selection: the same results, in the same order.
#[test]
fn a_word_in_many_briefings_gives_what_the_scan_gives_newest_first() {
    let sandbox = Sandbox::new();
    index_common::fill(&sandbox, 260);
    sandbox.write("odd.json", &index_common::briefing(999, "Other", "nothing"));
    let index = built(&sandbox);
    for text in [
        "headline",
        "in:headline headline",
        "headline -other",
        "body text",
    ] {
        let found = indexed(&index, text, Order::Newest);
        assert_eq!(found.len(), 260, "{text}");
        assert_eq!(
            found.iter().cloned().collect::<BTreeSet<_>>(),
            scanned(&sandbox, text),
            "{text}"
        );
    }
    let query = parse("headline").unwrap_or_else(|e| panic!("{e}"));
    let dates: Vec<String> = index
        .search(
            &query,
            &Page {
                limit: 1_000,
                ..Page::default()
            },
            &LoadOptions::default(),
            &Cancel::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|hit| hit.date.unwrap_or_default())
        .collect();
    assert!(
        dates.windows(2).all(|pair| pair[0] >= pair[1]),
        "not newest first"
    );
}

/// A translation's words are found in the scope of the part they translate, as the scan
/// finds them.
#[test]
fn words_of_a_translation_are_found_as_the_scan_finds_them() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "translated.json",
        &json!({
            "format": 1, "language": "ar", "headline": "عنوان", "body": ["نص"],
            "quotes": [{"text": "قول", "speaker": "S"}],
            "translations": [{"language": "en", "headline": "Harbour reopens",
                              "body": ["Dredging finished"], "quotes": [{"text": "We waited"}]}]
        }),
    );
    sandbox.write("other.json", &planted(1, "paragraph", "harbour"));
    let index = built(&sandbox);
    for text in [
        "harbour",
        "in:headline harbour",
        "in:body dredging",
        "in:quotes waited",
        "in:headline waited",
        "-harbour",
    ] {
        let found: BTreeSet<PathBuf> = indexed(&index, text, Order::Newest).into_iter().collect();
        assert_eq!(found, scanned(&sandbox, text), "query {text:?}");
    }
    assert_eq!(scanned(&sandbox, "in:quotes waited").len(), 1);
}

/// Briefing A lists Volker Türk with the alias تورك; B lists only فولكر تورك, with no
/// aliases; B2 lists only "Volker Türk" under another id; C lists another Türk. `actor:تورك`
/// finds A, B (whose name contains it) and B2 (through A's alias: only the widening finds
/// it), in the index as in the scan; `speaker:` likewise; C is a different person.
#[test]
fn an_alias_recorded_in_another_briefing_finds_the_actor_in_both() {
    let sandbox = Sandbox::new();
    let a = sandbox.write(
        "a.json",
        &json!({"format": 1, "id": "a", "headline": "A", "date": "2025-01-02",
                "actors": [{"id": "turk", "name": "Volker Türk", "aliases": ["تورك"]}]}),
    );
    let b = sandbox.write(
        "b.json",
        &json!({"format": 1, "id": "b", "headline": "B", "date": "2025-01-03",
                "actors": [{"id": "vt", "name": "فولكر تورك"}],
                "quotes": [{"text": "words", "speaker": "فولكر تورك"}]}),
    );
    let b2 = sandbox.write(
        "b2.json",
        &json!({"format": 1, "id": "b2", "headline": "B2", "date": "2025-01-05",
                "actors": [{"id": "vt2", "name": "Volker Türk"}],
                "quotes": [{"text": "more words", "speaker": "Volker Türk"}]}),
    );
    let c = sandbox.write(
        "c.json",
        &json!({"format": 1, "id": "c", "headline": "C", "date": "2025-01-04",
                "actors": [{"id": "dt", "name": "Daniel Türk"}],
                "quotes": [{"text": "other", "speaker": "Daniel Türk"}]}),
    );
    let index = built(&sandbox);
    let [a, b, b2, c] = [a, b, b2, c].map(|path| canonical(&path));
    let expected: [(&str, &[&PathBuf]); 8] = [
        ("actor:تورك", &[&a, &b, &b2]),
        ("actor:\"volker türk\"", &[&a, &b2]),
        ("actor:vt2", &[&a, &b2]),
        ("speaker:تورك", &[&b, &b2]),
        ("in:quotes speaker:تورك words", &[&b, &b2]),
        ("-actor:تورك", &[&c]),
        ("actor:türk", &[&a, &b2, &c]),
        ("actor:daniel", &[&c]),
    ];
    for (text, paths) in expected {
        let want: BTreeSet<PathBuf> = paths.iter().map(|p| (*p).clone()).collect();
        assert_eq!(scanned(&sandbox, text), want, "scan: {text}");
        let found: BTreeSet<PathBuf> = indexed(&index, text, Order::Newest).into_iter().collect();
        assert_eq!(found, want, "index: {text}");
    }
    // Parsed and not widened, B2's own names do not match: the widening is what finds it.
    let query = parse("actor:تورك").unwrap_or_else(|e| panic!("{e}"));
    let loaded = brief::briefing::load_file(&b2, &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert!(!Searchable::new(&loaded.briefing).matches(&query));
}

/// A short `actor:` value widened to more names than are looked up one by one in SQL (each
/// of 300 people known by two names in two briefings): the same answer as the scan.
#[test]
fn an_actor_widened_to_hundreds_of_names_is_found_as_the_scan_finds_it() {
    let sandbox = Sandbox::new();
    for n in 0..300 {
        let actor = json!({"id": format!("p{n}"), "name": format!("Person {n}"),
                           "aliases": [format!("Alias {n}")]});
        sandbox.write(
            &format!("a{n:03}.json"),
            &json!({"format": 1, "id": format!("a{n}"), "headline": "A", "actors": [actor]}),
        );
        // Only the alias: found through the other briefing.
        let other = json!({"id": format!("q{n}"), "name": format!("Alias {n}")});
        sandbox.write(
            &format!("b{n:03}.json"),
            &json!({"format": 1, "id": format!("b{n}"), "headline": "B", "actors": [other]}),
        );
    }
    let index = built(&sandbox);
    for text in [
        "actor:person",
        "actor:\"person 12\"",
        "speaker:person",
        "actor:alias",
    ] {
        let found: BTreeSet<PathBuf> = indexed(&index, text, Order::Newest).into_iter().collect();
        assert_eq!(found, scanned(&sandbox, text), "{text}");
    }
    assert_eq!(scanned(&sandbox, "actor:person").len(), 600);
    // "person 12" is in "Person 12", "Person 120" to "Person 129" and "Person 212".
    assert_eq!(scanned(&sandbox, "actor:\"person 12\"").len(), 26);
}
