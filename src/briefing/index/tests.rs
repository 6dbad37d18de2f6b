//! The candidate query selects few rows beyond the matches: the exact check after it keeps
//! results right whatever it selects, so these tests are what keeps it fast.

#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

use super::plan::{Order, plan};
use super::{Access, Index};
use crate::briefing::LoadOptions;
use crate::briefing::query::parse;

fn library(dir: &std::path::Path) -> Index {
    let library = dir.join("library");
    std::fs::create_dir(&library).expect("library folder");
    for n in 0..20 {
        let rare = if n == 7 {
            "zebra crossing"
        } else {
            "plain road"
        };
        let json = serde_json::json!({
            "format": 1,
            "headline": format!("Headline {n}"),
            "date": format!("2025-01-{:02}", n + 1),
            "body": [rare],
            "tags": [if n % 2 == 0 { "even" } else { "odd" }],
            "actors": [{"id": format!("a{n}"), "name": if n == 3 { "Mariam Haddad" } else { "Someone" }}],
        });
        std::fs::write(library.join(format!("{n}.json")), json.to_string()).expect("write");
    }
    let canonical = std::fs::canonicalize(&library).expect("canonical");
    let mut index =
        Index::open_at(&dir.join("index.sqlite"), &canonical, Access::ReadWrite).expect("open");
    index
        .refresh(&LoadOptions::default(), &mut |_| {})
        .expect("refresh");
    index
}

/// How many rows the candidate query selects; the same for both shapes of it, in the same
/// order.
fn candidates(index: &Index, text: &str) -> usize {
    let query = parse(text).expect("query");
    let ids = |broad| {
        let plan = plan(&query, Order::Newest, broad);
        let mut statement = index.conn.prepare(&plan.sql).expect("sql");
        let rows = statement
            .query_map(rusqlite::params_from_iter(plan.params), |row| {
                row.get::<_, i64>(0)
            })
            .expect("rows");
        rows.collect::<Result<Vec<i64>, _>>().expect("ids")
    };
    let narrow = ids(false);
    assert_eq!(narrow, ids(true), "{text}");
    narrow.len()
}

#[test]
fn selective_clauses_select_few_candidates() {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = library(dir.path());
    assert_eq!(candidates(&index, "zebra"), 1);
    assert_eq!(candidates(&index, "in:body zebra"), 1);
    assert_eq!(candidates(&index, "in:headline zebra"), 0);
    assert_eq!(candidates(&index, "ze"), 1);
    assert_eq!(candidates(&index, "\"zebra crossing\""), 1);
    assert_eq!(candidates(&index, "actor:haddad"), 1);
    assert_eq!(candidates(&index, "tag:even"), 10);
    assert_eq!(candidates(&index, "date:2025-01-05..2025-01-07"), 3);
    // Exclusions are left to the exact check.
    assert_eq!(candidates(&index, "-zebra"), 20);
    assert_eq!(candidates(&index, "road"), 19);
    assert_eq!(candidates(&index, "in:headline road"), 0);
}

/// Each column holds exactly the parts its scope looks in, so `in:` selects by column.
#[test]
fn columns_follow_the_scopes() {
    use crate::briefing::query::{Part, Scope};
    let parts = [
        Part::Headline,
        Part::Summary,
        Part::Body,
        Part::Point,
        Part::Quote,
        Part::QuoteContext,
        Part::Speaker,
        Part::Actor,
        Part::Tag,
        Part::Place,
        Part::Source,
        Part::Date,
        Part::Classification,
        Part::Language,
        Part::FileName,
    ];
    for part in parts {
        let column = super::record::column(part);
        assert_eq!(column == 0, part.in_scope(Scope::Headline), "{part:?}");
        assert_eq!(column == 1, part.in_scope(Scope::Body), "{part:?}");
        assert_eq!(column == 2, part.in_scope(Scope::Quotes), "{part:?}");
    }
}

#[test]
fn only_words_tags_and_classes_are_answered_by_the_sql_alone() {
    use super::plan::answered_by_sql;
    let answered = |text: &str| answered_by_sql(&parse(text).expect("query"));
    assert!(answered("zebra ze tag:even class:secret in:body road"));
    for text in [
        "-zebra",
        "\"zebra crossing\"",
        "actor:x",
        "speaker:x",
        "lang:en",
    ] {
        assert!(!answered(text), "{text}");
    }
    assert!(!answered("date:2025-01-01"));
}
