//! The built binary in a pty: briefings that arrive, change and go while it is open (the
//! live library), through change events and through `--poll` alone; and `E`, which writes
//! the open briefing's export to a new file in the current directory. Every wait is for
//! what the screen shows, with the harness's generous timeout; no test relies on timing.

mod support;

use std::path::{Path, PathBuf};

use anyhow::{Context, ensure};
use support::brief_bin;
use support::pty::{Launch, Pty};

/// brief's test hook: no change-event watcher, so only polling can find a change.
const NO_NOTIFY: &str = "BRIEF_TEST_NO_NOTIFY";

fn briefing(headline: &str, date: &str) -> String {
    serde_json::json!({
        "format": 1,
        "headline": headline,
        "date": date,
        "body": ["The talks resumed on the water-sharing formula."],
    })
    .to_string()
}

/// A library folder of three briefings, and a working folder that is also the home.
fn library() -> anyhow::Result<(tempfile::TempDir, PathBuf, PathBuf)> {
    let dir = tempfile::tempdir()?;
    let library = dir.path().join("library");
    let work = dir.path().join("work");
    std::fs::create_dir(&library)?;
    std::fs::create_dir(&work)?;
    for (n, day) in [(1, "01"), (2, "02"), (3, "03")] {
        let text = briefing(&format!("Standing briefing {n}"), &format!("2025-01-{day}"));
        std::fs::write(library.join(format!("standing-{n}.json")), text)?;
    }
    Ok((dir, library, work))
}

fn start(library: &Path, work: &Path, extra: &[&str], env: &[(&str, &str)]) -> anyhow::Result<Pty> {
    let library_arg = library.to_string_lossy();
    let mut args: Vec<&str> = extra.to_vec();
    args.push(&library_arg);
    let mut launch = Launch::new(&args)?.in_home(work).size(80, 24);
    for (name, value) in env {
        launch = launch.env(name, value);
    }
    let pty = launch.spawn()?;
    pty.wait_for("the library", |s| {
        s.contents().contains("Library: 3 briefings, 0 errors")
    })?;
    Ok(pty)
}

fn shows(pty: &Pty, what: &str, text: &str) -> anyhow::Result<String> {
    pty.wait_for(what, |s| s.contents().contains(text))
}

/// Adds a briefing, opens one and changes it, breaks another, deletes the open one: each
/// reaches the screen.
fn add_change_delete(pty: &mut Pty, library: &Path) -> anyhow::Result<()> {
    let arrived = library.join("arrived.json");
    std::fs::write(&arrived, briefing("Arrived while open", "2025-06-01"))?;
    shows(pty, "the arrival", "Library: 4 briefings, 0 errors")?;
    let screen = shows(pty, "the arrival's row", "Arrived while open")?;
    // The newest is first and selected: open it, then its file changes.
    let selected = screen.lines().find(|line| line.contains('▌'));
    ensure!(
        selected.is_some_and(|line| line.contains("2025-06-01")),
        "the selection moved:\n{screen}"
    );
    pty.send(b"\r")?;
    shows(pty, "the open briefing", "1 Headline")?;
    std::fs::write(&arrived, briefing("Arrived and revised", "2025-06-01"))?;
    let screen = shows(pty, "the reload", "reloaded arrived.json: its file changed")?;
    ensure!(
        screen.contains("Arrived and revised"),
        "not reloaded:\n{screen}"
    );
    std::fs::write(library.join("standing-1.json"), "{ \"headline\": ")?;
    std::fs::remove_file(&arrived)?;
    let deleted = "arrived.json was deleted; it stays readable until you leave it";
    let screen = shows(pty, "the deletion", deleted)?;
    ensure!(
        screen.contains("Arrived and revised"),
        "not readable:\n{screen}"
    );
    pty.send(b"\x1b")?;
    let screen = shows(pty, "the library", "Library: 2 briefings, 1 error")?;
    ensure!(
        !screen.contains("Arrived"),
        "the deleted one stays:\n{screen}"
    );
    Ok(())
}

#[test]
fn briefings_arrive_change_and_go_while_the_reader_is_open() -> anyhow::Result<()> {
    let (_dir, library, work) = library()?;
    let mut pty = start(&library, &work, &[], &[])?;
    add_change_delete(&mut pty, &library)?;
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}

/// With the change-event watcher switched off by the test hook, only `--poll 1` looks at
/// the folder: what reaches the screen was found by polling.
#[test]
fn with_poll_alone_the_same_changes_are_found() -> anyhow::Result<()> {
    let (_dir, library, work) = library()?;
    let mut pty = start(&library, &work, &["--poll", "1"], &[(NO_NOTIFY, "1")])?;
    add_change_delete(&mut pty, &library)?;
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}

/// 1,000 files written at once: the count ends right, and a key typed while they arrive
/// is answered.
fn burst(extra: &[&str], env: &[(&str, &str)]) -> anyhow::Result<()> {
    const BURST: usize = 1_000;
    let (_dir, library, work) = library()?;
    let mut pty = start(&library, &work, extra, env)?;
    let (started_tx, started) = std::sync::mpsc::channel();
    let writer = {
        let library = library.clone();
        std::thread::spawn(move || -> std::io::Result<()> {
            for n in 0..BURST {
                let text = briefing(&format!("Burst {n:04}"), "2024-05-05");
                std::fs::write(library.join(format!("burst-{n:04}.json")), text)?;
                if n == BURST / 10 {
                    let _ = started_tx.send(());
                }
            }
            Ok(())
        })
    };
    started.recv()?;
    pty.send(b"?")?;
    shows(
        &pty,
        "the help, asked for during the burst",
        "show or hide this help",
    )?;
    writer
        .join()
        .map_err(|_| anyhow::anyhow!("the writer panicked"))??;
    pty.send(b"?")?;
    // BURST + 3, as brief writes counts.
    let all = "Library: 1,003 briefings, 0 errors";
    let screen = shows(&pty, "every file of the burst", all)?;
    ensure!(screen.contains("Burst 0"), "{screen}");
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}

#[test]
fn a_burst_of_a_thousand_files_ends_with_the_right_count_and_keys_answered() -> anyhow::Result<()> {
    burst(&[], &[])
}

#[test]
fn a_burst_found_by_polling_alone_ends_with_the_right_count() -> anyhow::Result<()> {
    burst(&["--poll", "1"], &[(NO_NOTIFY, "1")])
}

/// `brief export FILE --format md`: the oracle for what the reader writes.
fn exported(file: &Path, home: &Path) -> anyhow::Result<String> {
    let out = std::process::Command::new(brief_bin())
        .arg("export")
        .arg(file)
        .args(["--format", "md"])
        .env_clear()
        .envs(support::base_env(home))
        .output()?;
    ensure!(out.status.success(), "brief export: {out:?}");
    Ok(String::from_utf8(out.stdout)?)
}

#[test]
fn e_writes_the_export_to_a_new_file_named_in_the_status_line() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let library = dir.path().join("library");
    std::fs::create_dir(&library)?;
    let file = library.join("veyra-basin-talks.json");
    std::fs::copy(
        support::briefings_dir().join("veyra-basin-talks.json"),
        &file,
    )?;
    let work = dir.path().join("work");
    std::fs::create_dir(&work)?;
    let expected = exported(&file, &work)?;
    let file_arg = file.to_string_lossy();
    let mut pty = Launch::new(&[&file_arg])?
        .in_home(&work)
        .size(100, 30)
        .spawn()?;
    pty.wait_for("the briefing", |s| s.contents().contains("Veyra"))?;
    pty.send(b"E")?;
    let first = "exported as Markdown to veyra-basin-talks.md";
    pty.wait_for("the first export", |s| s.contents().contains(first))?;
    let written =
        std::fs::read_to_string(work.join("veyra-basin-talks.md")).context("the first export")?;
    ensure!(
        written == expected,
        "E wrote:\n{written}\nexport gives:\n{expected}"
    );
    // Never over a file that exists: the second takes the next name.
    pty.send(b"E")?;
    let second = "exported as Markdown to veyra-basin-talks-2.md";
    pty.wait_for("the second export", |s| s.contents().contains(second))?;
    let again = std::fs::read_to_string(work.join("veyra-basin-talks-2.md"))?;
    ensure!(again == expected, "the second export differs");
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}

/// Whether the index at `index` lists a briefing headed `headline`, read as the index has
/// it (no refresh).
fn index_lists(library: &Path, index: &Path, headline: &str) -> bool {
    use brief::briefing::index::{Access, Index};
    let listed = Index::open(library, Some(index), Access::ReadOnly)
        .and_then(|index| index.listings_under(library));
    listed.is_ok_and(|l| {
        l.listings
            .iter()
            .any(|listing| listing.headline == headline)
    })
}

/// With the index in use, a briefing that arrives goes into the index too, and the
/// library's search (answered from the index) finds it.
#[test]
fn an_arrival_reaches_the_index_and_the_search() -> anyhow::Result<()> {
    let (dir, library, work) = library()?;
    let index = dir.path().join("index.sqlite");
    let built = std::process::Command::new(brief_bin())
        .arg("index")
        .arg(&library)
        .arg("--index")
        .arg(&index)
        .env_clear()
        .envs(support::base_env(&work))
        .output()?;
    ensure!(built.status.success(), "brief index: {built:?}");
    let index_arg = index.to_string_lossy();
    let mut pty = start(&library, &work, &["--index", &index_arg], &[])?;
    // The index is brought up to date with the folder before the watcher keeps it so.
    pty.wait_for("the check of the index", |s| {
        !s.contents().contains("checking")
    })?;
    let headline = "Zanzibar accord signed";
    ensure!(
        !index_lists(&library, &index, headline),
        "indexed too early"
    );
    std::fs::write(
        library.join("zanzibar.json"),
        briefing(headline, "2025-07-01"),
    )?;
    shows(&pty, "the arrival", "Library: 4 briefings, 0 errors")?;
    let indexed = support::wait_until(support::TIMEOUT, || index_lists(&library, &index, headline));
    ensure!(indexed, "the index does not list the arrival");
    pty.send(b"/zanzibar")?;
    let screen = shows(&pty, "the search", "Library: 1 shown of 4 briefings")?;
    ensure!(screen.contains(headline), "{screen}");
    pty.send(b"\x1b\x1bq")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}
