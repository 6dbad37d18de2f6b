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

#[test]
fn a_second_start_lists_the_library_from_its_index_then_follows_the_folder() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let library = dir.path().join("library");
    std::fs::create_dir(&library)?;
    for n in 0..COUNT {
        write_briefing(&library, n, &format!("Briefing {n:03}"))?;
    }
    let index = dir.path().join("index.sqlite");
    let home = dir.path().join("home");
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
    // Since the index was built: 083 rewritten and 167 deleted (both of the newest day,
    // on the first screen), one added (the oldest).
    write_briefing(&library, 83, "Rewritten since")?;
    std::fs::remove_file(library.join("167.json"))?;
    let added = r#"{"format": 1, "headline": "Added since", "date": "2024-01-01"}"#;
    std::fs::write(library.join("added.json"), added)?;
    let gate_dir = tempfile::tempdir()?;
    let gate = gate_dir.path().join("gate");
    let made = std::process::Command::new("mkfifo").arg(&gate).status()?;
    ensure!(made.success(), "mkfifo {}", gate.display());
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
