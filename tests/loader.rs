//! Hostile and odd files on disk: encodings, sizes, special files, permissions.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::fs;
use std::path::{Path, PathBuf};

use brief::briefing::{Diagnostic, LoadFailure, LoadOptions, load_file};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).expect("temp file is writable");
    path
}

fn only_error(failure: &LoadFailure) -> &Diagnostic {
    assert_eq!(failure.diagnostics.len(), 1, "{:#?}", failure.diagnostics);
    &failure.diagnostics[0]
}

fn failure_of(path: &Path, options: &LoadOptions) -> LoadFailure {
    match load_file(path, options) {
        Ok(loaded) => panic!("{} loaded: {:?}", path.display(), loaded.briefing.headline),
        Err(failure) => failure,
    }
}

fn refused(path: &Path) -> String {
    only_error(&failure_of(path, &LoadOptions::default())).to_string()
}

#[test]
fn bom_and_crlf_are_accepted_and_the_file_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = b"\xEF\xBB\xBF{\r\n  \"headline\": \"\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85\",\r\n  \"colour\": 1\r\n}\r\n";
    let path = write(dir.path(), "bom.json", bytes);
    let loaded = load_file(&path, &LoadOptions::default()).expect("BOM and CRLF load");
    assert_eq!(loaded.briefing.headline, "سلام");
    assert_eq!(loaded.briefing.id, "bom");
    // Columns count from after the BOM; the CR is not a column of the next line.
    let mut warnings = loaded.warnings.iter().map(ToString::to_string);
    let warning = warnings.find(|w| w.contains("colour")).expect("a warning");
    assert_eq!(
        warning,
        format!(
            "{}:3:3: warning: colour: unknown field \"colour\", ignored",
            path.display()
        )
    );
    assert_eq!(fs::read(&path).expect("still readable"), bytes);
}

#[test]
fn invalid_json_names_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "broken.json",
        "{\n  \"headline\": \"عنوان\"\n  \"date\": 1\n}".as_bytes(),
    );
    assert_eq!(
        refused(&path),
        format!(
            "{}:3:3: error: invalid JSON: expected `,` or `}}`",
            path.display()
        )
    );
}

#[test]
fn invalid_utf8_names_the_byte_offset_and_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "latin1.json",
        b"{\n \"headline\": \"caf\xE9\"\n}",
    );
    assert_eq!(
        refused(&path),
        format!(
            "{}:2:18: error: invalid UTF-8 at byte offset 19 (byte 0xE9); briefings are UTF-8",
            path.display()
        )
    );
}

#[test]
fn empty_file_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "empty.json", b"");
    let failure = failure_of(&path, &LoadOptions::default());
    assert_eq!(failure.to_string(), only_error(&failure).to_string());
    assert_eq!(
        refused(&path),
        format!(
            "{}:1:1: error: empty file; a briefing is a JSON object",
            path.display()
        )
    );
}

#[test]
fn nul_characters_in_strings_are_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "nul.json", br#"{"headline": "a\u0000b"}"#);
    let loaded = load_file(&path, &LoadOptions::default()).expect("\\u0000 is allowed");
    assert_eq!(loaded.briefing.headline, "a\0b");
}

#[test]
fn deep_nesting_is_an_error_even_in_unknown_fields() {
    let dir = tempfile::tempdir().expect("temp dir");
    let depth = 100_000;
    let document = format!(
        "{{\"headline\": \"x\", \"later\": {}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let path = write(dir.path(), "deep.json", document.as_bytes());
    let shown = refused(&path);
    // The root object is level 1, so the 127th bracket (brackets start at column 28) is
    // level 128, one too many.
    let expected = format!("{}:1:154: error: nesting too deep", path.display());
    assert!(shown.starts_with(&expected), "{shown}");
}

#[test]
fn files_over_the_limit_are_refused_by_their_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.json");
    // Sparse: 17 MiB on paper, nothing on disk; reading it whole would be the bug.
    fs::File::create(&path)
        .and_then(|file| file.set_len(17 * 1024 * 1024))
        .expect("sparse file");
    assert_eq!(
        refused(&path),
        format!(
            "{}: error: file is 17825792 bytes, over the limit of 16777216 bytes (--max-size)",
            path.display()
        )
    );
    let small = write(dir.path(), "small.json", br#"{"headline": "small"}"#);
    let tight = LoadOptions { max_size: 10 };
    let failure = failure_of(&small, &tight);
    assert!(only_error(&failure).message.starts_with("file is 21 bytes"));
    assert!(load_file(&small, &LoadOptions { max_size: 21 }).is_ok());
}

#[test]
fn a_folder_named_like_a_briefing_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("folder.json");
    fs::create_dir(&path).expect("dir");
    assert_eq!(
        refused(&path),
        format!(
            "{}: error: not a regular file: it is a directory",
            path.display()
        )
    );
}

#[test]
fn a_missing_file_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("absent.json");
    assert_eq!(
        refused(&path),
        format!(
            "{}: error: cannot open: no such file or directory",
            path.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("x.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success(), "mkfifo failed");
    // With no writer, opening this FIFO for reading would wait forever.
    assert_eq!(
        refused(&path),
        format!(
            "{}: error: not a regular file: it is a FIFO (named pipe)",
            path.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_to_dev_zero_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("zero.json");
    std::os::unix::fs::symlink("/dev/zero", &path).expect("symlink");
    assert_eq!(
        refused(&path),
        format!(
            "{}: error: not a regular file: it is a character device",
            path.display()
        )
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_refused_unless_we_may_read_anything() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "secret.json", br#"{"headline": "locked"}"#);
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).expect("chmod");
    // Root reads through mode 000; then the loader must read it too. Anyone else must
    // get the permission error.
    let privileged = fs::read(&path).is_ok();
    match load_file(&path, &LoadOptions::default()) {
        Ok(loaded) => assert!(
            privileged,
            "loaded without permission: {:?}",
            loaded.briefing
        ),
        Err(failure) => {
            assert!(
                !privileged,
                "refused a readable file: {:#?}",
                failure.diagnostics
            );
            assert_eq!(
                only_error(&failure).to_string(),
                format!("{}: error: cannot open: permission denied", path.display())
            );
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_longer_than_its_reported_size_is_cut_off_at_the_limit() {
    // /proc files report size 0 but hold more; only `take` stands between them and memory.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("status.json");
    std::os::unix::fs::symlink("/proc/self/status", &path).expect("symlink");
    let failure = failure_of(&path, &LoadOptions { max_size: 100 });
    assert_eq!(
        only_error(&failure).to_string(),
        format!(
            "{}: error: file grew past the limit of 100 bytes while being read (--max-size)",
            path.display()
        )
    );
}
