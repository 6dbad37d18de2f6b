//! The built binary on a folder with an index: the library is listed from the index at
//! once, while the loader's walk of the folder is held at its gate (brief's
//! `BRIEF_TEST_LOAD_GATE` hook, a FIFO here that the test never opens: reading the files
//! would wait there for good). Then the index is checked against the folder and what changed
//! since it was built (a file rewritten, one deleted, one added) reaches the list.

mod support;

use std::path::Path;

use anyhow::ensure;
use support::brief_bin;
use support::pty::Launch;

const COUNT: usize = 300;

fn write_briefing(dir: &Path, n: usize, headline: &str) -> anyhow::Result<()> {
    let briefing = serde_json::json!({
        "format": 1,
        "headline": headline,
        "date": format!("2025-{:02}-{:02}", 1 + n % 12, 1 + n % 28),
        "body": ["The talks resumed on the water-sharing formula."],
    });
    std::fs::write(
        dir.join(format!("{n:03}.json")),
        serde_json::to_vec(&briefing)?,
    )?;
    Ok(())
}

/// `count` briefings in `dir/library` and the `extra` files (name, content), indexed into
/// `dir/index.sqlite` by `brief index`; returns the library folder and the index.
fn indexed(
    dir: &Path,
    count: usize,
    extra: &[(&str, &str)],
) -> anyhow::Result<(std::path::PathBuf, std::path::PathBuf)> {
    let library = dir.join("library");
    std::fs::create_dir(&library)?;
    for n in 0..count {
        write_briefing(&library, n, &format!("Briefing {n:03}"))?;
    }
    for (name, content) in extra {
        std::fs::write(library.join(name), content)?;
    }
    let index = dir.join("index.sqlite");
    let home = dir.join("home");
    std::fs::create_dir(&home)?;
    let built = std::process::Command::new(brief_bin())
        .arg("index")
        .arg(&library)
        .arg("--index")
        .arg(&index)
        .env_clear()
        .envs(support::base_env(&home))
        .output()?;
    ensure!(built.status.success(), "brief index: {built:?}");
    Ok((library, index))
}

#[test]
fn a_second_start_lists_the_library_from_its_index_then_follows_the_folder() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let (library, index) = indexed(dir.path(), COUNT, &[])?;
    // Since the index was built: 083 rewritten and 167 deleted (both of the newest day,
    // on the first screen), one added (the oldest).
    write_briefing(&library, 83, "Rewritten since")?;
    std::fs::remove_file(library.join("167.json"))?;
    let added = r#"{"format": 1, "headline": "Added since", "date": "2024-01-01"}"#;
    std::fs::write(library.join("added.json"), added)?;
    let gate_dir = tempfile::tempdir()?;
    let gate = support::gate::fifo(gate_dir.path(), "gate")?;
    let (library_arg, index_arg) = (library.to_string_lossy(), index.to_string_lossy());
    let mut pty = Launch::new(&["--index", &index_arg, &library_arg])?
        .env("BRIEF_TEST_LOAD_GATE", gate.as_os_str())
        .size(100, 30)
        .spawn()?;
    // The walk of the folder waits at the gate for good: a library listed whole came from
    // the index.
    let listed = format!("Library: {COUNT} briefings, 0 errors");
    pty.wait_for("the indexed library", |s| s.contents().contains(&listed))?;
    let done = format!("Library: {COUNT} briefings, 0 errors ");
    let screen = pty.wait_for("the folder's changes", |s| {
        let text = s.contents();
        text.contains("Rewritten since") && text.contains(&done) && !text.contains("checking")
    })?;
    for gone in ["Briefing 083", "Briefing 167"] {
        ensure!(!screen.contains(gone), "{gone} stays:\n{screen}");
    }
    ensure!(
        screen.contains("Briefing 251"),
        "the newest are not shown:\n{screen}"
    );
    pty.send(b"G")?;
    pty.wait_for("the added one", |s| s.contents().contains("Added since"))?;
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}

/// Larger than the first rows the index lists before the rest (500): the whole library's
/// count shows with the first screen, and the rest follows, the oldest last.
#[test]
fn a_large_indexed_library_shows_its_count_at_once_and_the_rest_follows() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let oldest = r#"{"format": 1, "headline": "The oldest", "date": "2020-01-01T00:00:00+14:00"}"#;
    let (library, index) = indexed(dir.path(), 1_200, &[("oldest.json", oldest)])?;
    let (library_arg, index_arg) = (library.to_string_lossy(), index.to_string_lossy());
    let mut pty = Launch::new(&["--index", &index_arg, &library_arg])?
        .size(100, 30)
        .spawn()?;
    pty.wait_for("the count of the whole library", |s| {
        s.contents().contains("Library: 1,201 briefings, 0 errors")
    })?;
    // `G` goes to the last entry that is in: once every row is, the oldest.
    let mut screen = String::new();
    for _ in 0..100 {
        let before = pty.frames();
        pty.send(b"G")?;
        screen = pty.wait_frame_after(before, "G")?;
        if screen.contains("The oldest") && screen.contains("1,201/1,201") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    ensure!(
        screen.contains("The oldest") && screen.contains("1,201/1,201"),
        "{screen}"
    );
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}
