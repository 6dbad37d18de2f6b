//! An imported article opens in the reader: `brief import` into a folder, then `brief`
//! on that folder in a pseudo-terminal shows the briefing with its actors.

mod support;

use anyhow::ensure;
use support::pty::Launch;

#[test]
fn an_imported_article_opens_in_the_reader() -> anyhow::Result<()> {
    let home = tempfile::tempdir()?;
    let article = support::repo_root().join("tests/data/import/en-basin-talks.md");
    let imported = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("import")
        .arg(&article)
        .args(["--out", "library"])
        .current_dir(home.path())
        .env("HOME", home.path())
        .env("XDG_STATE_HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .env("XDG_CACHE_HOME", home.path())
        .output()?;
    ensure!(imported.status.success(), "{imported:?}");
    let file = home
        .path()
        .join("library/2025-03-15-veyra-basin-talks-resume-in-geneva.json");
    let file = file.to_string_lossy().into_owned();
    let mut pty = Launch::new(&[&file])?.size(160, 50).spawn()?;
    let screen = pty.wait_for("the imported briefing", |s| {
        let text = s.contents();
        text.contains("Veyra basin talks resume in Geneva") && text.contains("Jane Doe")
    })?;
    ensure!(screen.contains("What is on the table"), "{screen}");
    ensure!(screen.contains("The draft agreement covers:"), "{screen}");
    ensure!(
        !screen.contains("brief-import"),
        "the import record is shown:\n{screen}"
    );
    pty.send(b"q")?;
    ensure!(pty.wait_exit_and_output()?.exit_code() == 0);
    Ok(())
}
