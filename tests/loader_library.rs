//! Finding briefings in folders and ordering the library.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::fs;
use std::path::{Path, PathBuf};

use brief::briefing::{LoadOptions, discover, load_path, small_folder};

fn briefing(dir: &Path, name: &str, headline: &str, date: Option<&str>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("folders");
    }
    let mut document = serde_json::json!({ "headline": headline });
    if let Some(date) = date {
        document["date"] = date.into();
    }
    fs::write(&path, document.to_string()).expect("write");
    path
}

fn relative(dir: &Path, paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|path| {
            let inner = path.strip_prefix(dir).expect("inside the folder");
            inner.to_string_lossy().into_owned()
        })
        .collect()
}

#[test]
fn folders_are_searched_recursively_for_briefings_only() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    briefing(root, "b.json", "B", None);
    briefing(root, "a/deeper/c.json", "C", None);
    briefing(root, "a/UPPER.JSON", "U", None);
    briefing(root, "briefing.schema.json", "not a briefing", None);
    briefing(root, ".hidden.json", "skipped", None);
    briefing(root, ".git/x.json", "skipped", None);
    fs::write(root.join("notes.txt"), "not json").expect("write");
    let (files, failures) = discover(root);
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(
        relative(root, &files),
        ["a/UPPER.JSON", "a/deeper/c.json", "b.json"]
    );
}

/// A flat folder of plain files lists as `discover` walks it; anything that could hold
/// more (a folder, a link) or more entries than asked for is not small.
#[test]
fn a_small_folder_lists_the_files_discover_finds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    for name in [
        "b.json",
        "UPPER.JSON",
        "a.json",
        "x.schema.json",
        ".hidden.json",
    ] {
        briefing(root, name, "B", None);
    }
    fs::write(root.join("notes.txt"), "not json").expect("write");
    let (files, failures) = discover(root);
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(relative(root, &files), ["UPPER.JSON", "a.json", "b.json"]);
    assert_eq!(small_folder(root, 6), Some(files));
    assert_eq!(small_folder(root, 5), None, "six entries");
    assert_eq!(small_folder(&root.join("absent"), 6), None);
    let nested = tempfile::tempdir().expect("temp dir");
    briefing(nested.path(), "a.json", "A", None);
    briefing(nested.path(), "in/b.json", "B", None);
    assert_eq!(small_folder(nested.path(), 6), None, "a folder inside");
    #[cfg(unix)]
    {
        let linked = tempfile::tempdir().expect("temp dir");
        std::os::unix::fs::symlink(root.join("a.json"), linked.path().join("a.json"))
            .expect("link");
        assert_eq!(small_folder(linked.path(), 6), None, "a link");
    }
}

#[test]
fn a_named_file_is_taken_whatever_its_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = briefing(dir.path(), "draft.txt", "Draft", None);
    let (files, failures) = discover(&path);
    assert_eq!(files, std::slice::from_ref(&path));
    assert!(failures.is_empty());
    let library = load_path(&path, &LoadOptions::default());
    assert_eq!(library.listings.len(), 1);
    assert_eq!(library.listings[0].id, "draft.txt");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_and_each_folder_read_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    briefing(root, "top/one.json", "One", None);
    std::os::unix::fs::symlink(root.join("top"), root.join("top/again")).expect("loop link");
    std::os::unix::fs::symlink("self.json", root.join("top/self.json")).expect("self link");
    std::os::unix::fs::symlink("nowhere", root.join("top/gone.json")).expect("dangling link");
    let (files, failures) = discover(&root.join("top"));
    assert_eq!(relative(root, &files), ["top/one.json"]);
    let shown: Vec<String> = failures
        .iter()
        .flat_map(|failure| &failure.diagnostics)
        .map(|diagnostic| {
            diagnostic
                .to_string()
                .replace(&root.display().to_string(), "ROOT")
        })
        .collect();
    let canonical_top = fs::canonicalize(root.join("top")).expect("canonical");
    assert_eq!(
        shown,
        [
            format!(
                "ROOT/top/again: error: symbolic link loop: it leads back to {}, which is already being read",
                canonical_top.display()
            )
            .replace(&root.display().to_string(), "ROOT"),
            "ROOT/top/gone.json: error: broken symbolic link: no such file or directory".to_owned(),
            "ROOT/top/self.json: error: symbolic link loop: it never reaches a file or folder".to_owned(),
        ]
    );
}

#[test]
fn a_missing_folder_is_one_failure() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = load_path(&dir.path().join("nothing"), &LoadOptions::default());
    assert!(library.listings.is_empty());
    assert_eq!(library.failures.len(), 1);
    let message = &library.failures[0].diagnostics[0].message;
    assert_eq!(message, "cannot open: no such file or directory");
}

#[test]
fn newest_first_then_headline_undated_last_and_broken_files_kept_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    briefing(root, "1.json", "Undated B", None);
    briefing(root, "2.json", "Undated A", None);
    briefing(root, "3.json", "Old", Some("2023-01-05"));
    briefing(
        root,
        "4.json",
        "Same day, late",
        Some("2025-03-14T23:00:00Z"),
    );
    briefing(root, "5.json", "Same day, bare date", Some("2025-03-14"));
    // 01:00 on the 15th in Tehran is 21:30 on the 14th in UTC: earlier than "late".
    briefing(
        root,
        "6.json",
        "Tehran morning",
        Some("2025-03-15T01:00:00+03:30"),
    );
    briefing(root, "7.json", "Also old", Some("2023-01-05"));
    fs::write(root.join("8.json"), "{").expect("write");
    let library = load_path(root, &LoadOptions::default());
    let headlines: Vec<&str> = library
        .listings
        .iter()
        .map(|listing| listing.headline.as_str())
        .collect();
    assert_eq!(
        headlines,
        [
            "Same day, late",
            "Tehran morning",
            "Same day, bare date",
            "Also old",
            "Old",
            "Undated A",
            "Undated B"
        ]
    );
    assert_eq!(library.failures.len(), 1);
    assert_eq!(library.failures[0].path, root.join("8.json"));
}

#[test]
fn ten_thousand_files_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    for n in 0..10_000 {
        let date = format!("2024-{:02}-{:02}", n % 12 + 1, n % 28 + 1);
        briefing(
            root,
            &format!("f{n:05}.json"),
            &format!("Item {n:05}"),
            Some(&date),
        );
    }
    let library = load_path(root, &LoadOptions::default());
    assert!(library.failures.is_empty());
    assert_eq!(library.listings.len(), 10_000);
    let first = &library.listings[0];
    // n % 12 == 11 and n % 28 == 27 first happen together at n = 83.
    assert_eq!(
        (first.date.as_deref(), first.headline.as_str()),
        (Some("2024-12-28"), "Item 00083")
    );
    let dates: Vec<&str> = library
        .listings
        .iter()
        .filter_map(|listing| listing.date.as_deref())
        .collect();
    assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]));
}
