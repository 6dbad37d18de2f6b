//! The candidate query selects few rows beyond the matches: the exact check after it keeps
//! results right whatever it selects, so these tests are what keeps it fast.

#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

use std::path::{Path, PathBuf};

use super::plan::{Order, plan};
use super::{Access, Index};
use crate::briefing::LoadOptions;
use crate::briefing::query::parse;

fn library(dir: &Path) -> Index {
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
    built(dir, &library).0
}

/// The index of the folder `library`, built in `dir`, and the folder's canonical path.
pub(super) fn built(dir: &Path, library: &Path) -> (Index, PathBuf) {
    let canonical = std::fs::canonicalize(library).expect("canonical");
    let mut index =
        Index::open_at(&dir.join("index.sqlite"), &canonical, Access::ReadWrite).expect("open");
    index
        .refresh(&LoadOptions::default(), &mut |_| {})
        .expect("refresh");
    (index, canonical)
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

/// A library of every kind of entry the list shows: warnings, a summary, right to left,
/// undated, and files that fail (bad JSON, invalid, too large).
fn varied_library(dir: &Path) -> PathBuf {
    let library = dir.join("varied");
    std::fs::create_dir_all(library.join("sub")).expect("library folder");
    let write = |name: &str, text: &str| std::fs::write(library.join(name), text).expect("write");
    for n in 0..12 {
        let mut json = serde_json::json!({
            "format": 1,
            "headline": format!("عنوان {n}"),
            "language": "ar",
            "direction": "rtl",
            "unknown_key": n,
        });
        if n % 3 == 0 {
            json["summary"] = format!("ملخص {n}").into();
        }
        if n != 5 {
            json["date"] = format!("2025-02-{:02}T10:00:00+0{}:00", n + 1, n % 3).into();
        }
        if n == 2 {
            json["classification"] = "SECRET".into();
        }
        write(&format!("sub/{n}.json"), &json.to_string());
    }
    write(
        "same-day.json",
        r#"{"format": 1, "headline": "Same", "date": "2025-02-03"}"#,
    );
    write("broken.json", "{\n  \"headline\": \"no end\"");
    write("invalid.json", r#"{"format": 1, "headline": 7}"#);
    write(
        "big.json",
        &format!("{{\"headline\": \"{}\"}}", "x".repeat(4096)),
    );
    library
}

fn open_varied(dir: &Path) -> (Index, PathBuf) {
    let library = varied_library(dir);
    let canonical = std::fs::canonicalize(&library).expect("canonical");
    let index =
        Index::open_at(&dir.join("index.sqlite"), &canonical, Access::ReadWrite).expect("open");
    (index, canonical)
}

fn small_files() -> LoadOptions {
    LoadOptions { max_size: 2048 }
}

#[test]
fn listings_are_what_loading_the_files_gives() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut index, library) = open_varied(dir.path());
    index.refresh(&small_files(), &mut |_| {}).expect("refresh");
    let loaded = crate::briefing::load_path(&library, &small_files());
    assert_eq!(loaded.failures.len(), 3, "{:?}", loaded.failures);
    assert!(loaded.listings.iter().any(|l| !l.warnings.is_empty()));
    let listed = index.listings().expect("listings");
    assert_eq!(listed.listings, loaded.listings);
    assert_eq!(listed.failures, loaded.failures);
    // Under another spelling of the folder, every path (and diagnostic path) follows it.
    let spelled = dir.path().join("varied");
    let under = index.listings_under(&spelled).expect("listings");
    let loaded = crate::briefing::load_path(&spelled, &small_files());
    assert_eq!(under.listings, loaded.listings);
    assert_eq!(under.failures, loaded.failures);
}

/// `index` (of `library`, in `dir/index.sqlite`) made as an older version wrote it by `sql`,
/// then opened again, and so migrated; checked to be of this version.
pub(super) fn migrated_from(index: Index, dir: &Path, library: &Path, sql: &str) -> Index {
    index
        .conn
        .execute_batch(sql)
        .expect("make it an older version");
    drop(index);
    let index =
        Index::open_at(&dir.join("index.sqlite"), library, Access::ReadWrite).expect("migrated");
    let version: i64 = index
        .conn
        .query_row("PRAGMA user_version", [], |row| row.get(0))
        .expect("version");
    assert_eq!(version, super::SCHEMA_VERSION);
    index
}

#[test]
fn a_version_1_index_is_migrated_and_filled_in_by_the_next_refresh() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut index, library) = open_varied(dir.path());
    index.refresh(&small_files(), &mut |_| {}).expect("refresh");
    // What version 1 wrote: no summary or diagnostics columns.
    let sql = "ALTER TABLE files DROP COLUMN summary;
               ALTER TABLE files DROP COLUMN diagnostics;
               PRAGMA user_version = 1;";
    let mut index = migrated_from(index, dir.path(), &library, sql);
    let summary = index.refresh(&small_files(), &mut |_| {}).expect("refresh");
    assert_eq!((summary.changed, summary.unchanged), (16, 0), "{summary:?}");
    let loaded = crate::briefing::load_path(&library, &small_files());
    let listed = index.listings().expect("listings");
    assert_eq!(listed.listings, loaded.listings);
    assert_eq!(listed.failures, loaded.failures);
}

#[test]
fn a_refresh_reports_what_it_changed_as_the_files_load() {
    use super::Changed;
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut index, library) = open_varied(dir.path());
    index.refresh(&small_files(), &mut |_| {}).expect("refresh");
    std::fs::remove_file(library.join("sub/1.json")).expect("delete");
    std::fs::write(
        library.join("broken.json"),
        r#"{"format": 1, "headline": "Fixed"}"#,
    )
    .expect("fix");
    std::fs::write(
        library.join("new.json"),
        r#"{"format": 1, "headline": "New"}"#,
    )
    .expect("add");
    let mut all = Changed::default();
    let mut stale = Vec::new();
    index
        .refresh_reporting(
            &small_files(),
            &mut |_| {},
            &mut |changed| {
                all.gone.extend(changed.gone);
                all.listings.extend(changed.listings);
                all.failures.extend(changed.failures);
            },
            &mut |paths| stale.extend(paths),
        )
        .expect("refresh");
    stale.sort();
    assert_eq!(
        stale,
        [library.join("broken.json"), library.join("new.json")]
    );
    all.gone.sort();
    assert_eq!(
        all.gone,
        [library.join("broken.json"), library.join("sub/1.json")]
    );
    let mut headlines: Vec<_> = all.listings.iter().map(|l| l.headline.as_str()).collect();
    headlines.sort_unstable();
    assert_eq!(headlines, ["Fixed", "New"]);
    assert!(all.failures.is_empty());
    // Applied to the listing before, the changes give the listing after.
    let loaded = crate::briefing::load_path(&library, &small_files());
    assert_eq!(
        index.listings().expect("listings").listings,
        loaded.listings
    );
}

#[test]
fn relevance_puts_a_headline_match_before_a_body_only_match() {
    use super::{Cancel, Page};
    let dir = tempfile::tempdir().expect("tempdir");
    let library = dir.path().join("library");
    std::fs::create_dir(&library).expect("library folder");
    let briefings = [
        (
            "body.json",
            "Weekly round-up",
            "2025-03-02",
            "The desalination plant opened.",
        ),
        (
            "headline.json",
            "Desalination plant opens",
            "2025-03-01",
            "It opened today.",
        ),
        (
            "tag.json",
            "Other news",
            "2025-03-03",
            "Nothing of note, plant aside.",
        ),
    ];
    for (name, headline, date, body) in briefings {
        let json = serde_json::json!({
            "format": 1, "headline": headline, "date": date, "body": [body],
        });
        std::fs::write(library.join(name), json.to_string()).expect("write");
    }
    let canonical = std::fs::canonicalize(&library).expect("canonical");
    let mut index = Index::open_at(
        &dir.path().join("index.sqlite"),
        &canonical,
        Access::ReadWrite,
    )
    .expect("open");
    index
        .refresh(&LoadOptions::default(), &mut |_| {})
        .expect("refresh");
    let names = |order| {
        let page = Page {
            order,
            ..Page::default()
        };
        let query = parse("desalination plant").expect("query");
        let hits = index
            .search(&query, &page, &LoadOptions::default(), &Cancel::default())
            .expect("search");
        let named = |hit: &super::Hit| {
            let name = hit
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            (name.unwrap_or_default(), hit.score)
        };
        hits.iter().map(named).collect::<Vec<_>>()
    };
    // Both words in the headline (4 + 4) beat both only in the body (2 + 2).
    assert_eq!(
        names(Order::Relevance),
        [("headline.json".to_owned(), 8), ("body.json".to_owned(), 4)]
    );
    assert_eq!(
        names(Order::Newest),
        [("body.json".to_owned(), 0), ("headline.json".to_owned(), 0)]
    );
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
