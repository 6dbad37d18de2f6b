//! Opening an index: a fresh one, and every way a file can be unusable (garbage, truncated,
//! from a newer brief, of another library, locked by another writer); each is one typed
//! error, and rebuilding recovers.

mod index_common;

use std::time::Duration;

use brief::briefing::LoadOptions;
use brief::briefing::index::{Access, Index, IndexError, RefreshSummary, SCHEMA_VERSION};
use index_common::{Sandbox, fill};

fn built(sandbox: &Sandbox, files: usize) -> RefreshSummary {
    fill(sandbox, files);
    let mut index = open(sandbox).unwrap_or_else(|e| panic!("{e}"));
    index
        .refresh(&LoadOptions::default(), &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"))
}

fn open(sandbox: &Sandbox) -> Result<Index, IndexError> {
    Index::open(
        &sandbox.library(),
        Some(&sandbox.index_file()),
        Access::ReadWrite,
    )
}

/// Opens and reads every row: an unusable file must fail here, never answer.
fn open_and_count(sandbox: &Sandbox) -> Result<usize, IndexError> {
    let index = open(sandbox)?;
    index.len()
}

fn rebuild_works(sandbox: &Sandbox, files: usize) {
    let mut index = Index::rebuild(&sandbox.library(), Some(&sandbox.index_file()))
        .unwrap_or_else(|e| panic!("rebuild: {e}"));
    let summary = index
        .refresh(&LoadOptions::default(), &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary.added, files);
    assert_eq!(index.len().ok(), Some(files));
}

#[test]
fn a_fresh_index_holds_every_file_and_a_second_refresh_changes_nothing() {
    let sandbox = Sandbox::new();
    let first = built(&sandbox, 12);
    assert_eq!(
        first,
        RefreshSummary {
            added: 12,
            ..RefreshSummary::default()
        }
    );
    let mut index = open(&sandbox).unwrap_or_else(|e| panic!("{e}"));
    let again = index
        .refresh(&LoadOptions::default(), &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        again,
        RefreshSummary {
            unchanged: 12,
            ..RefreshSummary::default()
        }
    );
}

#[test]
fn garbage_is_corrupt_and_rebuilt() {
    let sandbox = Sandbox::new();
    built(&sandbox, 3);
    let garbage: Vec<u8> = (0..20_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(sandbox.index_file(), garbage).unwrap_or_else(|e| panic!("{e}"));
    remove_wal(&sandbox);
    let error = open_and_count(&sandbox).err();
    assert!(
        matches!(error, Some(IndexError::Corrupt { .. })),
        "{error:?}"
    );
    assert!(error.is_some_and(|e| e.can_rebuild() && !e.to_string().contains('\n')));
    rebuild_works(&sandbox, 3);
}

#[test]
fn a_truncated_index_is_reported_not_read() {
    let sandbox = Sandbox::new();
    built(&sandbox, 400);
    let file = sandbox.index_file();
    let length = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
    assert!(
        length > 64 * 1024,
        "index of {length} bytes: too small to cut"
    );
    let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&file, &bytes[..bytes.len() / 2]).unwrap_or_else(|e| panic!("{e}"));
    remove_wal(&sandbox);
    let result = open(&sandbox).and_then(|mut index| {
        index.refresh(&LoadOptions::default(), &mut |_| {})?;
        index.len()
    });
    assert!(
        matches!(result, Err(IndexError::Corrupt { .. })),
        "{result:?}"
    );
    rebuild_works(&sandbox, 400);
}

#[test]
fn an_index_from_a_newer_brief_is_refused() {
    let sandbox = Sandbox::new();
    built(&sandbox, 2);
    set_user_version(&sandbox, SCHEMA_VERSION + 1);
    let error = open_and_count(&sandbox).err();
    assert!(
        matches!(error, Some(IndexError::NewerVersion { found, .. }) if found == SCHEMA_VERSION + 1),
        "{error:?}"
    );
    rebuild_works(&sandbox, 2);
}

#[test]
fn a_database_that_is_not_an_index_is_refused() {
    let sandbox = Sandbox::new();
    let conn = rusqlite::Connection::open(sandbox.index_file()).unwrap_or_else(|e| panic!("{e}"));
    conn.execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
        .unwrap_or_else(|e| panic!("{e}"));
    drop(conn);
    let error = open_and_count(&sandbox).err();
    assert!(
        matches!(error, Some(IndexError::Corrupt { .. })),
        "{error:?}"
    );
}

#[test]
fn an_index_of_another_library_is_refused() {
    let sandbox = Sandbox::new();
    built(&sandbox, 2);
    let other = sandbox.dir.path().join("other");
    std::fs::create_dir(&other).unwrap_or_else(|e| panic!("{e}"));
    let error = Index::open(&other, Some(&sandbox.index_file()), Access::ReadWrite).err();
    assert!(
        matches!(error, Some(IndexError::OtherLibrary { .. })),
        "{error:?}"
    );
}

#[test]
fn a_writer_holding_the_lock_makes_a_refresh_report_locked_and_readers_go_on() {
    let sandbox = Sandbox::new();
    built(&sandbox, 5);
    index_common::fill(&sandbox, 8);
    let holder = rusqlite::Connection::open(sandbox.index_file()).unwrap_or_else(|e| panic!("{e}"));
    holder
        .execute_batch("BEGIN EXCLUSIVE; DELETE FROM tags;")
        .unwrap_or_else(|e| panic!("{e}"));
    // In WAL mode an exclusive transaction still lets readers read the last commit.
    let reader = Index::open(
        &sandbox.library(),
        Some(&sandbox.index_file()),
        Access::ReadOnly,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reader.len().ok(), Some(5));
    let mut writer = open(&sandbox).unwrap_or_else(|e| panic!("{e}"));
    writer
        .set_busy_timeout(Duration::from_millis(50))
        .unwrap_or_else(|e| panic!("{e}"));
    let result = writer.refresh(&LoadOptions::default(), &mut |_| {});
    assert!(
        matches!(result, Err(IndexError::Locked { .. })),
        "{result:?}"
    );
    holder
        .execute_batch("ROLLBACK")
        .unwrap_or_else(|e| panic!("{e}"));
    let summary = writer
        .refresh(&LoadOptions::default(), &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((summary.added, summary.unchanged), (3, 5));
}

fn set_user_version(sandbox: &Sandbox, version: i64) {
    let conn = rusqlite::Connection::open(sandbox.index_file()).unwrap_or_else(|e| panic!("{e}"));
    conn.pragma_update(None, "user_version", version)
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The write-ahead log holds recent pages; removing it makes the damage to the main file
/// what the next open sees.
fn remove_wal(sandbox: &Sandbox) {
    for suffix in ["-wal", "-shm"] {
        let mut name = sandbox.index_file().into_os_string();
        name.push(suffix);
        let _ = std::fs::remove_file(name);
    }
}
