//! The library listed from the index in two parts, its first rows and the rest, is the
//! library listed whole, for every size of the first part; and an index of version 2,
//! whose rows were ordered by the date as written, is keyed by instants once migrated.

#![allow(clippy::expect_used, reason = "a failed expectation is a failed test")]

use std::path::Path;

use super::Index;
use crate::briefing::{Library, LoadOptions, load_path};

/// Dates whose written order is not their order in time (offsets that cross midnight,
/// a bare date against a time on the same day), equal instants written differently, equal
/// dates and headlines, no date, a date that is not one, and files that fail.
const DATES: &[Option<&str>] = &[
    Some("2025-03-01T01:00:00+05:00"),
    Some("2025-02-28T22:00:00Z"),
    Some("2025-02-28T17:00:00-05:00"),
    Some("2025-02-28"),
    Some("2025-02-28"),
    Some("2025-03-01"),
    Some("1969-12-31T23:59:59Z"),
    Some("0001-01-01"),
    None,
    None,
    Some("last Tuesday"),
    Some("2030-01-01T00:00:00.5Z"),
];

fn indexed_library(dir: &Path) -> (Index, std::path::PathBuf) {
    let library = dir.join("library");
    std::fs::create_dir_all(library.join("sub")).expect("library folder");
    for (n, date) in DATES.iter().enumerate() {
        let mut json = serde_json::json!({
            "format": 1,
            "headline": if n % 4 == 0 { "Same".to_string() } else { format!("Headline {n}") },
        });
        if let Some(date) = date {
            json["date"] = (*date).into();
        }
        let folder = if n % 3 == 0 {
            library.join("sub")
        } else {
            library.clone()
        };
        std::fs::write(folder.join(format!("{n}.json")), json.to_string()).expect("write");
    }
    std::fs::write(library.join("broken.json"), "{").expect("write");
    std::fs::write(library.join("sub/empty.json"), "").expect("write");
    super::tests::built(dir, &library)
}

fn joined(index: &Index, folder: &Path, rows: usize) -> (Library, usize, usize) {
    let head = index.first_listings_under(folder, rows).expect("first");
    let rest = index.listings_after(folder, &head).expect("after");
    let first = head.library.listings.len();
    assert!(
        first >= rows || head.is_whole(),
        "{rows} rows asked, {first} given"
    );
    assert!(head.library.failures.is_empty() || head.is_whole());
    let mut whole = head.library.clone();
    whole.listings.extend(rest.listings);
    whole.failures.extend(rest.failures);
    (whole, head.briefings, head.failures)
}

#[test]
fn the_first_rows_and_the_rest_are_the_library_in_reading_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (index, library) = indexed_library(dir.path());
    let loaded = load_path(&library, &LoadOptions::default());
    // "last Tuesday" fails the file: a date must be one.
    assert_eq!(
        (loaded.listings.len(), loaded.failures.len()),
        (DATES.len() - 1, 3)
    );
    assert_eq!(
        index.listings().expect("listings").listings,
        loaded.listings
    );
    for rows in 1..=DATES.len() + 1 {
        let (whole, briefings, failures) = joined(&index, &library, rows);
        assert_eq!(whole.listings, loaded.listings, "first {rows}");
        assert_eq!(whole.failures, loaded.failures, "first {rows}");
        assert_eq!((briefings, failures), (DATES.len() - 1, 3));
    }
}

#[test]
fn a_version_2_index_is_keyed_by_instants_when_migrated() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (index, library) = indexed_library(dir.path());
    // What version 2 wrote: the date as written.
    let sql = "UPDATE files SET sort_key = coalesce(date, '');
               PRAGMA user_version = 2;";
    let mut index = super::tests::migrated_from(index, dir.path(), &library, sql);
    let summary = index
        .refresh(&LoadOptions::default(), &mut |_| {})
        .expect("refresh");
    assert_eq!(summary.changed, 0, "{summary:?}");
    let loaded = load_path(&library, &LoadOptions::default());
    for rows in [1, 3, 5] {
        assert_eq!(joined(&index, &library, rows).0.listings, loaded.listings);
    }
}
