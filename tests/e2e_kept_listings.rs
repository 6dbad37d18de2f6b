//! The built binary on a small folder, started three times in one home: the first start
//! keeps the folder's listings beside its index; the second lists the folder from them
//! in its first frame, but for a file changed between the two, whose new listing it
//! shows and keeps; the third, with nothing changed, keeps nothing anew.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::ensure;
use support::first_frame_text;
use support::pty::Launch;

/// A listing, one with a warning (an unknown key) and a file that fails to load.
fn write_folder(folder: &Path) -> anyhow::Result<()> {
    std::fs::create_dir(folder)?;
    let briefing = |headline: &str, extra: &str| {
        format!(
            r#"{{"format": 1, "headline": "{headline}", "date": "2025-03-0{}"{extra}}}"#,
            headline.len() % 9
        )
    };
    std::fs::write(folder.join("a.json"), briefing("Alpha report", ""))?;
    std::fs::write(
        folder.join("b.json"),
        briefing("Basin talks", r#", "colour": "red""#),
    )?;
    std::fs::write(folder.join("c.json"), "{\"headline\": ")?;
    Ok(())
}

/// The listings file in `home`'s cache, once there is one.
fn kept_listings(home: &Path) -> anyhow::Result<PathBuf> {
    let cache = home.join(".cache").join("brief");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let found = std::fs::read_dir(&cache).into_iter().flatten().flatten();
        let kept = found
            .map(|entry| entry.path())
            .find(|path| path.to_string_lossy().ends_with(".listings"));
        if let Some(kept) = kept {
            return Ok(kept);
        }
        ensure!(
            Instant::now() < deadline,
            "no listings kept in {}",
            cache.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Starts brief on `folder` in `home`, waits for its first frame, for the whole library
/// and for listings kept with `kept_with` in them, then `linger`s and quits; returns the
/// first frame's text.
fn start(folder: &Path, home: &Path, kept_with: &str, linger: Duration) -> anyhow::Result<String> {
    let folder = folder.to_string_lossy().into_owned();
    let mut pty = Launch::new(&[&folder])?
        .in_home(home)
        .size(100, 30)
        .spawn()?;
    pty.wait_frame_after(0, "the first frame")?;
    let first = first_frame_text(&pty.raw())?;
    pty.wait_for("the whole library", |s| {
        s.contents().contains("2 briefings, 1 error")
    })?;
    let kept = kept_listings(home)?;
    let deadline = Instant::now() + Duration::from_secs(60);
    while !std::fs::read_to_string(&kept)?.contains(kept_with) {
        ensure!(
            Instant::now() < deadline,
            "no listings kept with {kept_with}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(linger);
    pty.send(b"q")?;
    ensure!(pty.wait_exit_and_output()?.exit_code() == 0, "brief failed");
    Ok(first)
}

#[test]
fn a_small_folder_is_listed_from_its_kept_listings_but_for_a_changed_file() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let (folder, home) = (dir.path().join("library"), dir.path().join("home"));
    write_folder(&folder)?;
    std::fs::create_dir(&home)?;
    let first = start(&folder, &home, "Alpha report", Duration::ZERO)?;
    ensure!(first.contains("Alpha report"), "{first:?}");
    let kept = kept_listings(&home)?;
    let text = std::fs::read_to_string(&kept)?;
    for part in ["a.json", "b.json", "c.json", "Alpha report", "colour"] {
        ensure!(text.contains(part), "{part} not kept: {text}");
    }
    // The same length, and within the same second as likely as not: only the bytes tell.
    let a = folder.join("a.json");
    let changed = std::fs::read_to_string(&a)?.replace("Alpha", "Omega");
    std::fs::write(&a, changed)?;
    let second = start(&folder, &home, "Omega report", Duration::ZERO)?;
    ensure!(
        second.contains("Omega report") && !second.contains("Alpha report"),
        "the first frame shows the kept listing of a changed file: {second:?}"
    );
    ensure!(second.contains("Basin talks"), "{second:?}");
    // Kept anew, they would be written within a millisecond of the first frame: the
    // third start lingers well past that before it quits.
    let stamp = |path: &Path| -> anyhow::Result<_> {
        use std::os::unix::fs::MetadataExt;
        let metadata = std::fs::metadata(path)?;
        Ok((metadata.ino(), metadata.modified()?))
    };
    let before = stamp(&kept)?;
    let third = start(&folder, &home, "Omega report", Duration::from_millis(300))?;
    ensure!(third.contains("Omega report"), "{third:?}");
    ensure!(
        stamp(&kept)? == before,
        "the listings were kept anew though nothing changed"
    );
    Ok(())
}
