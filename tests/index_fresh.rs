//! Freshness: files added, changed, deleted, renamed or only touched between refreshes; the
//! index follows, and re-reads only what changed.

mod index_common;

use std::time::{Duration, SystemTime};

use brief::briefing::LoadOptions;
use brief::briefing::index::{Access, Index, RefreshSummary};
use index_common::{Sandbox, briefing, fill};

fn refresh(sandbox: &Sandbox) -> RefreshSummary {
    let mut index = Index::open(
        &sandbox.library(),
        Some(&sandbox.index_file()),
        Access::ReadWrite,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    index
        .refresh(&LoadOptions::default(), &mut |_| {})
        .unwrap_or_else(|e| panic!("{e}"))
}

fn summary(added: usize, changed: usize, removed: usize, unchanged: usize) -> RefreshSummary {
    RefreshSummary {
        added,
        changed,
        removed,
        unchanged,
        failed: 0,
    }
}

/// Moves a file's modification time, so a change of the same size is seen whatever the
/// file system's time resolution.
fn age(path: &std::path::Path, seconds: u64) {
    let file = std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap_or_else(|e| panic!("{e}"));
    let when = SystemTime::now() - Duration::from_secs(seconds);
    file.set_modified(when).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn adding_changing_deleting_and_renaming_are_followed() {
    let sandbox = Sandbox::new();
    fill(&sandbox, 6);
    assert_eq!(refresh(&sandbox), summary(6, 0, 0, 0));

    sandbox.write("sub/new.json", &briefing(90, "Added", "new"));
    let changed = sandbox.write("0001.json", &briefing(1, "Headline 1", "Body text X"));
    age(&changed, 100);
    std::fs::remove_file(sandbox.library().join("0002.json")).unwrap_or_else(|e| panic!("{e}"));
    std::fs::rename(
        sandbox.library().join("0003.json"),
        sandbox.library().join("renamed.json"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // added: sub/new.json and renamed.json; removed: 0002 and 0003; unchanged: 0000, 0004, 0005
    assert_eq!(refresh(&sandbox), summary(2, 1, 2, 3));
    assert_eq!(refresh(&sandbox), summary(0, 0, 0, 6));
}

#[test]
fn a_file_only_touched_is_hashed_not_reparsed() {
    let sandbox = Sandbox::new();
    fill(&sandbox, 3);
    refresh(&sandbox);
    age(&sandbox.library().join("0000.json"), 500);
    // Same content: counted unchanged, and the new time is stored (the next refresh does
    // not hash it again; it is unchanged either way, so only the count shows it).
    assert_eq!(refresh(&sandbox), summary(0, 0, 0, 3));
    assert_eq!(refresh(&sandbox), summary(0, 0, 0, 3));
}

#[test]
fn a_file_that_breaks_is_kept_as_a_failure_and_counted() {
    let sandbox = Sandbox::new();
    fill(&sandbox, 2);
    refresh(&sandbox);
    let broken = sandbox.library().join("0000.json");
    std::fs::write(&broken, "{\"format\": 1, \"headline\": ").unwrap_or_else(|e| panic!("{e}"));
    age(&broken, 50);
    let summary = refresh(&sandbox);
    assert_eq!(
        (summary.changed, summary.failed, summary.unchanged),
        (1, 1, 1)
    );
    let index = Index::open(
        &sandbox.library(),
        Some(&sandbox.index_file()),
        Access::ReadOnly,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(index.len().ok(), Some(2));
}

#[test]
fn two_indexes_of_one_file_refresh_in_turn() {
    let sandbox = Sandbox::new();
    fill(&sandbox, 40);
    let threads: Vec<_> = (0..2)
        .map(|_| {
            let library = sandbox.library();
            let file = sandbox.index_file();
            std::thread::spawn(move || {
                let mut index = Index::open(&library, Some(&file), Access::ReadWrite)?;
                index.refresh(&LoadOptions::default(), &mut |_| {})
            })
        })
        .collect();
    let mut added = 0;
    for thread in threads {
        let summary = thread
            .join()
            .unwrap_or_else(|_| panic!("a refresh panicked"))
            .unwrap_or_else(|e| panic!("{e}"));
        added += summary.added;
    }
    // Both wrote, one after the other or interleaved by batch: every file is in once.
    assert!(added >= 40, "added {added}");
    assert_eq!(refresh(&sandbox), summary(0, 0, 0, 40));
}

/// Killed while it writes, `brief index` leaves an index the next run uses: the batches
/// committed stay, the rest is added, nothing is counted twice.
#[test]
fn an_index_killed_while_building_is_finished_by_the_next_run() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let sandbox = Sandbox::new();
    fill(&sandbox, 2_000);
    let index_arg = sandbox.index_file().to_string_lossy().into_owned();
    let library = sandbox.library().to_string_lossy().into_owned();
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .env_clear()
        .envs(sandbox.env())
        .args(["index", &library, "--index", &index_arg])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = child.stderr.take().unwrap_or_else(|| panic!("no stderr"));
    // The first line after a committed batch: "indexed 256 of 2,000 files".
    let committed = BufReader::new(stderr)
        .lines()
        .map_while(Result::ok)
        .find(|line| line.contains("indexed") && !line.contains("indexed 0 of"));
    assert!(committed.is_some(), "no progress line");
    child.kill().unwrap_or_else(|e| panic!("{e}"));
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    assert!(
        !status.success(),
        "it finished before it was killed: nothing was tested"
    );

    let summary = refresh(&sandbox);
    assert!(
        summary.unchanged > 0 && summary.unchanged < 2_000,
        "{summary:?}"
    );
    assert_eq!(summary.added + summary.unchanged, 2_000, "{summary:?}");
    assert_eq!(
        (summary.changed, summary.removed, summary.failed),
        (0, 0, 0)
    );
    assert_eq!(refresh(&sandbox), summary_of_unchanged(2_000));
}

fn summary_of_unchanged(n: usize) -> RefreshSummary {
    summary(0, 0, 0, n)
}
