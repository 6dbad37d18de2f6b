//! A damaged state is never overwritten: reported, moved aside with a timestamp, and brief
//! goes on with an empty state. A newer schema or another program's database is refused
//! and left as it is.

mod state_common;

use std::path::{Path, PathBuf};

use brief::briefing::state::{BriefingKey, Mark, SCHEMA_VERSION, State, StateError};
use state_common::{Home, key_of, marks, open, text};

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The files `state.db.corrupt-YYYYMMDD-HHMMSS` beside `path`.
fn moved_aside(path: &Path) -> Vec<PathBuf> {
    let dir = path.parent().unwrap_or_else(|| panic!("no parent"));
    let prefix = format!(
        "{}.corrupt-",
        path.file_name().unwrap_or_default().to_string_lossy()
    );
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            name.strip_prefix(&prefix).is_some_and(|stamp| {
                stamp.len() == 15
                    && stamp.as_bytes()[8] == b'-'
                    && stamp.chars().filter(char::is_ascii_digit).count() == 14
            })
        })
        .collect();
    found.sort();
    found
}

/// A damaged file: refused by `open` without a change, then moved aside whole by
/// `open_or_recover`, which begins an empty, working state in its place.
fn check_recovery(path: &Path) {
    let before = read(path);
    match State::open(path) {
        Err(error @ StateError::Corrupt { .. }) => {
            assert!(error.to_string().contains(&path.display().to_string()));
        }
        Err(other) => panic!("not reported as damaged: {other}"),
        Ok(_) => panic!("a damaged file opened"),
    }
    assert_eq!(read(path), before, "open changed the damaged file");
    let opened = State::open_or_recover(path);
    let aside = moved_aside(path);
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        read(&aside[0]),
        before,
        "the damaged file was not kept whole"
    );
    assert_eq!(opened.notices.len(), 1);
    let notice = &opened.notices[0];
    assert!(
        notice.contains("damaged") && notice.contains(&aside[0].display().to_string()),
        "{notice}"
    );
    let mut state = opened
        .state
        .unwrap_or_else(|| panic!("no new state: {notice}"));
    let key = BriefingKey::new("a", b"{}", "/a.json");
    assert!(marks(&state, &key).is_empty());
    state
        .mark(&key, Mark::Reviewed, "amira")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(marks(&state, &key).is_reviewed("amira"));
}

#[test]
fn garbage_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("state.db");
    let garbage: Vec<u8> = (0..10_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&path, garbage).unwrap_or_else(|e| panic!("{e}"));
    check_recovery(&path);
}

#[test]
fn a_truncated_state_is_moved_aside() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("state.db");
    {
        let mut state = open(&path);
        for i in 0..400 {
            let key = BriefingKey::new(format!("b{i}"), format!("{i}").as_bytes(), format!("/{i}"));
            state
                .note(&key, &"a long note ".repeat(40), "amira")
                .unwrap_or_else(|e| panic!("{e}"));
        }
    } // the last connection closes: the WAL is folded into the file and removed
    assert!(!dir.path().join("state.db-wal").exists());
    let full = read(&path);
    assert!(full.len() > 100_000, "{} bytes", full.len());
    std::fs::write(&path, &full[..full.len() / 2]).unwrap_or_else(|e| panic!("{e}"));
    check_recovery(&path);
}

#[test]
fn a_second_damaged_file_in_the_same_second_keeps_the_first() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("state.db");
    for round in 0..2 {
        std::fs::write(&path, format!("not a database {round} {}", "x".repeat(600)))
            .unwrap_or_else(|e| panic!("{e}"));
        let opened = State::open_or_recover(&path);
        assert!(opened.state.is_some(), "{:?}", opened.notices);
    }
    let dir_names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.contains(".corrupt-"))
        .collect();
    assert_eq!(dir_names.len(), 2, "{dir_names:?}");
}

#[test]
fn a_newer_schema_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("state.db");
    drop(open(&path));
    let conn = rusqlite::Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    let before = read(&path);
    let opened = State::open_or_recover(&path);
    assert!(opened.state.is_none());
    let notice = opened.notices.join("\n");
    assert!(
        notice.contains("marks are off") && notice.contains("newer brief"),
        "{notice}"
    );
    assert_eq!(read(&path), before);
    assert!(moved_aside(&path).is_empty());
}

#[test]
fn another_programs_database_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("state.db");
    let conn = rusqlite::Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
    conn.execute_batch("CREATE TABLE accounts (id INTEGER PRIMARY KEY, owner TEXT)")
        .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    let before = read(&path);
    let opened = State::open_or_recover(&path);
    assert!(opened.state.is_none());
    assert!(
        opened.notices[0].contains("not a brief review state"),
        "{:?}",
        opened.notices
    );
    assert_eq!(read(&path), before);
}

#[test]
fn brief_mark_on_a_damaged_state_says_so_and_marks_in_a_new_one() {
    let home = Home::new();
    let a = home.briefing("a", "a");
    let path = home.state_path();
    std::fs::create_dir_all(path.parent().unwrap_or(&path)).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&path, "SQLite format 3\0 but not really".repeat(100))
        .unwrap_or_else(|e| panic!("{e}"));
    let out = home.run("amira", &["mark", "briefings/a.json", "--flagged"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("moved aside to") && err.contains("starting with no marks"),
        "{err}"
    );
    assert_eq!(moved_aside(&path).len(), 1);
    assert!(marks(&open(&path), &key_of(&a, "a")).is_flagged("amira"));
}
