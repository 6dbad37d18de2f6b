//! The state's transitions and lookups, on files in a temporary folder.

use std::path::PathBuf;

use super::*;
use crate::briefing::query::{Review, ReviewLookup, parse};

fn temp_state() -> (tempfile::TempDir, State) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let state = State::open(&dir.path().join("state.db")).unwrap_or_else(|e| panic!("{e}"));
    (dir, state)
}

fn key(id: &str, content: &str, path: &str) -> BriefingKey {
    BriefingKey::new(id, content.as_bytes(), PathBuf::from(path))
}

fn ok<T>(result: Result<T, StateError>) -> T {
    result.unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_briefing_goes_from_new_to_read_reviewed_flagged_and_back() {
    let (_dir, mut state) = temp_state();
    let a = key("a", "{a}", "/b/a.json");
    assert!(ok(state.marks_of(&a)).is_new("amira"));
    ok(state.mark(&a, Mark::Read, "amira"));
    let marks = ok(state.marks_of(&a));
    assert!(marks.is_read("amira") && !marks.is_new("amira") && !marks.is_reviewed("amira"));
    assert!(marks.is_new("yosef"), "marks are per person");
    ok(state.mark(&a, Mark::Reviewed, "amira"));
    ok(state.mark(&a, Mark::Flagged, "amira"));
    ok(state.note(&a, "for the head of mission", "amira"));
    let marks = ok(state.marks_of(&a));
    assert!(marks.is_reviewed("amira") && marks.is_flagged("amira"));
    assert_eq!(
        marks.note("amira").map(|n| n.text.as_str()),
        Some("for the head of mission")
    );
    ok(state.clear(&a, Mark::Flagged, "amira"));
    let marks = ok(state.marks_of(&a));
    assert!(!marks.is_flagged("amira") && marks.is_reviewed("amira"));
    ok(state.note(&a, "  ", "amira"));
    assert!(
        !ok(state.marks_of(&a)).has_note("amira"),
        "a blank note removes it"
    );
    ok(state.clear(&a, Mark::Read, "amira"));
    let marks = ok(state.marks_of(&a));
    assert!(marks.is_new("amira") && !marks.is_reviewed("amira"));
}

#[test]
fn any_mark_marks_read_and_clear_all_makes_it_new() {
    let (_dir, mut state) = temp_state();
    let a = key("a", "{a}", "/b/a.json");
    ok(state.mark(&a, Mark::Flagged, "amira"));
    assert!(ok(state.marks_of(&a)).is_read("amira"));
    ok(state.note(&a, "see", "amira"));
    ok(state.clear_all(&a, "amira"));
    assert!(ok(state.marks_of(&a)).is_empty());
}

#[test]
fn marks_follow_a_briefing_by_id_then_hash_then_path() {
    let (_dir, mut state) = temp_state();
    ok(state.mark(&key("a", "{v1}", "/b/a.json"), Mark::Reviewed, "amira"));
    // Edited and moved: the same id.
    let moved = key("a", "{v2}", "/elsewhere/renamed.json");
    assert!(ok(state.marks_of(&moved)).is_reviewed("amira"));
    // Id unknown: found by content, wherever it lies.
    assert!(ok(state.marks_of(&key("", "{v1}", "/x/copy.json"))).is_reviewed("amira"));
    // Id unknown and content changed: found by path.
    assert!(ok(state.marks_of(&key("", "{v3}", "/b/a.json"))).is_reviewed("amira"));
    // Another id: a different briefing, even at the same path and with the same bytes.
    assert!(ok(state.marks_of(&key("b", "{v1}", "/b/a.json"))).is_empty());
    // A briefing stored without an id is found by hash or path for a key with one.
    ok(state.mark(&key("", "{anon}", "/b/anon.json"), Mark::Read, "amira"));
    assert!(ok(state.marks_of(&key("c", "{anon}", "/moved.json"))).is_read("amira"));
    assert!(ok(state.marks_of(&key("c", "{changed}", "/b/anon.json"))).is_read("amira"));
    // Marking through the moved key records its new path: found there by path now.
    ok(state.mark(&moved, Mark::Flagged, "amira"));
    let by_new_path = key("", "{v9}", "/elsewhere/renamed.json");
    assert!(ok(state.marks_of(&by_new_path)).is_flagged("amira"));
}

#[test]
fn changed_since_reviewed_compares_the_hash_reviewed_at() {
    let (_dir, mut state) = temp_state();
    let v1 = key("a", "{v1}", "/b/a.json");
    ok(state.mark(&v1, Mark::Reviewed, "amira"));
    let marks = ok(state.marks_of(&v1));
    assert!(!marks.changed_since_reviewed("amira", v1.hash));
    assert!(marks.changed_since_reviewed("amira", content_hash(b"{v2}")));
    assert!(!marks.changed_since_reviewed("yosef", content_hash(b"{v2}")));
}

#[test]
fn a_shared_state_says_who_reviewed() {
    let (_dir, mut state) = temp_state();
    let a = key("a", "{a}", "/b/a.json");
    ok(state.mark(&a, Mark::Reviewed, "amira"));
    ok(state.mark(&a, Mark::Reviewed, "yosef"));
    ok(state.mark(&a, Mark::Reviewed, "yosef"));
    let marks = ok(state.marks_of(&a));
    let who: Vec<&str> = marks.reviewed.iter().map(|s| s.who.as_str()).collect();
    assert_eq!(who.len(), 2, "one entry per person: {who:?}");
    assert!(who.contains(&"amira") && who.contains(&"yosef"));
    assert!(marks.reviewed_by("YOSEF") && !marks.reviewed_by("dana"));
}

#[test]
fn all_marks_finds_by_the_same_rule_as_marks_of() {
    let (_dir, mut state) = temp_state();
    let keys: Vec<BriefingKey> = (0..50)
        .map(|i| {
            key(
                &format!("id{i}"),
                &format!("{{{i}}}"),
                &format!("/b/{i}.json"),
            )
        })
        .collect();
    ok(state.mark(&key("", "{anon}", "/b/anon.json"), Mark::Flagged, "dana"));
    for (i, k) in keys.iter().enumerate() {
        let mark = [Mark::Read, Mark::Reviewed, Mark::Flagged][i % 3];
        ok(state.mark(k, mark, if i % 2 == 0 { "amira" } else { "yosef" }));
    }
    let table = ok(state.all_marks());
    assert_eq!(table.len(), 51);
    let anonymous = [key("x", "{anon}", "/y"), key("x", "{z}", "/b/anon.json")];
    let probes = keys.iter().chain(&anonymous).flat_map(|k| {
        [
            k.clone(),
            key("", &format!("{:x}", k.hash), &k.path.to_string_lossy()),
            BriefingKey {
                id: String::new(),
                ..k.clone()
            },
            key("", "{other}", &k.path.to_string_lossy()),
            key("nobody", "{none}", "/none.json"),
            BriefingKey {
                id: "other".into(),
                ..k.clone()
            },
        ]
    });
    for probe in probes {
        let one = ok(state.marks_of(&probe));
        assert_eq!(
            table.get(&probe).cloned().unwrap_or_default(),
            one,
            "{probe:?}"
        );
    }
}

#[test]
fn summary_counts_one_persons_marks() {
    let (_dir, mut state) = temp_state();
    for i in 0..5 {
        let k = key(&format!("{i}"), &format!("{i}"), &format!("/{i}"));
        ok(state.mark(&k, Mark::Reviewed, "amira"));
        if i < 2 {
            ok(state.mark(&k, Mark::Flagged, "amira"));
        }
        ok(state.mark(&k, Mark::Read, "yosef"));
    }
    let summary = ok(state.summary("amira"));
    assert_eq!(
        summary,
        Summary {
            briefings: 5,
            read: 5,
            reviewed: 5,
            flagged: 2,
            notes: 0
        }
    );
}

#[test]
fn the_query_language_asks_the_marks() {
    let (_dir, mut state) = temp_state();
    let a = key("a", "{a}", "/a");
    ok(state.mark(&a, Mark::Reviewed, "yosef"));
    ok(state.mark(&a, Mark::Flagged, "amira"));
    ok(state.note(&a, "n", "amira"));
    let table = ok(state.all_marks());
    let amira = SeenBy {
        marks: table.get(&a),
        me: "amira",
    };
    let dana = SeenBy {
        marks: table.get(&a),
        me: "dana",
    };
    let never = SeenBy {
        marks: None,
        me: "amira",
    };
    let cases = [
        ("is:new", [false, true, true]),
        ("is:read", [true, false, false]),
        ("is:reviewed", [false, false, false]),
        ("is:flagged", [true, false, false]),
        ("has:note", [true, false, false]),
        ("reviewed-by:Yosef", [true, true, false]),
        ("-reviewed-by:yosef", [false, false, true]),
    ];
    for (text, expected) in cases {
        let query = ok_query(text);
        let crate::briefing::query::Filter::Review(review) = &query.clauses[0].filter else {
            panic!("{text} is not a review filter");
        };
        let negated = query.clauses[0].negated;
        let got = [amira, dana, never].map(|seen| seen.holds(review) != negated);
        assert_eq!(got, expected, "{text}");
    }
    assert!(
        SeenBy {
            marks: None,
            me: "x"
        }
        .holds(&Review::New)
    );
}

fn ok_query(text: &str) -> crate::briefing::query::Query {
    parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

#[test]
fn an_empty_file_or_a_missing_folder_becomes_a_state_of_this_version() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap_or_else(|e| panic!("{e}"));
    let deep = dir.path().join("a/b/state.db");
    for path in [&empty, &deep] {
        let state = ok(State::open(path));
        let version: i64 = state
            .conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(version, SCHEMA_VERSION);
        drop(state);
        // Opened again: already at this version, nothing to do.
        drop(ok(State::open(path)));
    }
}

#[test]
fn a_library_is_counted_by_one_persons_marks() {
    let (_dir, mut state) = temp_state();
    let keys: Vec<BriefingKey> = (0..6)
        .map(|i| key(&format!("{i}"), &format!("v1 {i}"), &format!("/{i}")))
        .collect();
    ok(state.mark(&keys[0], Mark::Read, "amira"));
    ok(state.mark(&keys[1], Mark::Reviewed, "amira"));
    ok(state.mark(&keys[2], Mark::Reviewed, "amira"));
    ok(state.mark(&keys[2], Mark::Flagged, "amira"));
    ok(state.note(&keys[3], "n", "amira"));
    ok(state.mark(&keys[4], Mark::Reviewed, "yosef"));
    let mut library = keys.clone();
    // The second reviewed briefing has changed since.
    library[2] = key("2", "v2 2", "/2");
    let counts = ok(state.all_marks()).counts(&library, "amira");
    assert_eq!(
        counts,
        LibraryCounts {
            new: 2,
            read: 4,
            reviewed: 2,
            flagged: 1,
            noted: 1,
            changed: 1
        }
    );
}
