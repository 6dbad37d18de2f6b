//! The built binary in a pty: `E` writes the open briefing's export to a new file in the
//! current directory.

mod support;

use std::path::Path;

use anyhow::{Context, ensure};
use support::brief_bin;
use support::pty::Launch;

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
