//! The folder the tests read: good briefings beside every kind of broken file.

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::GOOD;
use crate::support_hostile::write_json;

pub fn good(dir: &Path, name: &str, headline: &str, date: &str) -> PathBuf {
    write_json(
        dir,
        name,
        &json!({
            "format": 1,
            "headline": headline,
            "date": date,
            "language": "en",
            "body": [format!("The body of {headline}.")],
        }),
    )
}

pub fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// The folder: four good briefings, the seed sample, and every kind of broken file.
pub fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    good(d, "one.json", GOOD[0], "2025-01-04");
    good(d, "two.json", GOOD[1], "2025-01-03");
    good(d, "three.json", GOOD[2], "2025-01-02");
    good(d, "four.json", GOOD[3], "2025-01-01");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefings/libya-ohchr-geneva.json");
    std::fs::copy(&seed, d.join("seed.json")).expect("copy the seed briefing");
    std::fs::write(d.join("invalid.json"), b"{ \"headline\": \"cut off").expect("write");
    std::fs::write(
        d.join("wrong-types.json"),
        br#"{"headline": 42, "tags": "not a list", "body": {"a": 1}, "quotes": [7]}"#,
    )
    .expect("write");
    std::fs::write(
        d.join("invalid-utf8.json"),
        b"{\"headline\": \"bad \xff\xfe bytes \x9b2J \xc3\"}",
    )
    .expect("write");
    let mut binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    binary.extend_from_slice(b"\x1b]0;PWNED-BINARY\x07\x1b[2J\x9b6n");
    std::fs::write(d.join("binary.json"), binary).expect("write");
    std::fs::write(d.join("empty.json"), b"").expect("write");
    symlink("loop-b.json", d.join("loop-a.json")).expect("symlink");
    symlink("loop-a.json", d.join("loop-b.json")).expect("symlink");
    std::fs::create_dir(d.join("sub")).expect("mkdir");
    symlink("..", d.join("sub/up")).expect("symlink to the parent folder");
    mkfifo(&d.join("fifo.json"));
    symlink("/dev/zero", d.join("zero.json")).expect("symlink");
    symlink("no-such-file.json", d.join("dangling.json")).expect("symlink");
    // 100,000 levels of nesting inside an unknown field (skipped fields are parsed with no
    // depth limit by serde_json: a stack overflow waiting to happen).
    let depth = 100_000;
    let deep = format!(
        "{{\"headline\": \"deep\", \"junk\": {}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    std::fs::write(d.join("deep.json"), deep).expect("write");
    // 17 MiB of holes: over the 16 MiB default limit without using the disk.
    let large = std::fs::File::create(d.join("too-large.json")).expect("create");
    large.set_len(17 * 1024 * 1024).expect("set_len");
    dir
}
