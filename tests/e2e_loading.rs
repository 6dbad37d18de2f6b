//! The built binary on a folder that loads in the background: the first frame shows the
//! library loading, then the screen fills and ends on the final count. The loader waits
//! at a gate (brief's `BRIEF_TEST_LOAD_GATE` hook, a FIFO here) until the test opens it,
//! so the first frame comes while loading, however fast the machine.

mod support;

use std::path::Path;

use anyhow::ensure;
use support::pty::Launch;
use support::{first_frame_text, gate};

/// Briefings in the folder: a few hundred of about 30 KB (15 MB), so they arrive in
/// several batches once the gate opens.
const COUNT: usize = 500;

/// One paragraph repeated to about 30 KB, half the briefings in Arabic.
fn write_folder(dir: &Path) -> anyhow::Result<()> {
    let english = "The talks resumed on the water-sharing formula and the gauging network. ";
    let arabic = "استؤنفت المحادثات حول صيغة تقاسم المياه وشبكة القياس المشتركة. ";
    for n in 0..COUNT {
        let paragraph = if n % 2 == 0 { english } else { arabic };
        let body: Vec<String> = (0..12).map(|_| paragraph.repeat(30)).collect();
        let briefing = serde_json::json!({
            "format": 1,
            "headline": format!("Briefing {n:03}"),
            "date": format!("2025-{:02}-{:02}", 1 + n % 12, 1 + n % 28),
            "body": body,
        });
        let path = dir.join(format!("{n:03}.json"));
        std::fs::write(path, serde_json::to_vec(&briefing)?)?;
    }
    Ok(())
}

#[test]
fn a_big_folder_shows_progress_then_the_final_count() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    write_folder(dir.path())?;
    let folder = dir.path().to_string_lossy().into_owned();
    // Outside the folder, so the library does not list it.
    let gate_dir = tempfile::tempdir()?;
    let gate = gate::fifo(gate_dir.path(), "gate")?;
    let gate_arg = gate.to_string_lossy().into_owned();
    let mut pty = Launch::new(&[&folder])?
        .env("BRIEF_TEST_LOAD_GATE", &gate_arg)
        .size(100, 30)
        .spawn()?;
    pty.wait_frame_after(0, "the first frame")?;
    // "loading…": the files are still being found.
    let first = first_frame_text(&pty.raw())?;
    ensure!(
        first.contains("Library: loading"),
        "the first frame shows no progress:\n{first:?}"
    );
    gate::open(&gate)?;
    let done = format!("Library: {COUNT} briefings, 0 errors");
    let screen = pty.wait_for("the final count", |s| s.contents().contains(&done))?;
    ensure!(!screen.contains("loading"), "still loading:\n{screen}");
    // Newest first, and selected: 2025-12-28 is the latest date generated, and of the
    // briefings with it, 083 comes first by headline.
    let top = screen.lines().find(|l| l.contains('▌')).unwrap_or_default();
    ensure!(
        top.contains("2025-12-28") && top.contains("Briefing 083"),
        "the newest is not on top:\n{screen}"
    );
    pty.send(b"q")?;
    assert_eq!(pty.wait_exit_and_output()?.exit_code(), 0);
    Ok(())
}
