use super::*;
use crate::briefing::load_file;

/// Every bundled sample and every loader and screen fixture, valid and not, copied into
/// a folder of their own: listings with and without warnings, right to left, failures.
fn every_kind_of_file() -> (tempfile::TempDir, PathBuf, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let folder = dir.path().join("library");
    std::fs::create_dir(&folder).unwrap_or_else(|e| panic!("{e}"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = [
        "briefings",
        "tests/fixtures/loader/valid",
        "tests/fixtures/loader/invalid",
        "tests/fixtures/ui",
    ];
    let mut files = Vec::new();
    for source in sources {
        let entries = std::fs::read_dir(root.join(source)).unwrap_or_else(|e| panic!("{e}"));
        for entry in entries.flatten() {
            let file = folder.join(entry.file_name());
            std::fs::copy(entry.path(), &file).unwrap_or_else(|e| panic!("{e}"));
            files.push(file);
        }
    }
    files.sort();
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|e| panic!("{e}"));
    (dir, folder, files)
}

fn loaded(file: &Path, options: &LoadOptions) -> Result<Listing, LoadFailure> {
    load_file(file, options).map(Listing::from)
}

fn kept_and_read(dir: &tempfile::TempDir, folder: &Path, files: &[PathBuf]) -> Snapshot {
    let place = dir.path().join("kept.json");
    let options = LoadOptions::default();
    keep_at(&place, folder, files, &options).unwrap_or_else(|e| panic!("keep: {e}"));
    read_at(&place, folder, &options).unwrap_or_else(|| panic!("the snapshot does not read"))
}

#[test]
fn every_file_kept_is_taken_back_as_loading_it_gives() {
    let (dir, folder, files) = every_kind_of_file();
    let mut snapshot = kept_and_read(&dir, &folder, &files);
    let options = LoadOptions::default();
    let (mut listed, mut failed, mut warned) = (0, 0, 0);
    for file in &files {
        let taken = snapshot.take(file, u64::MAX);
        let expected = loaded(file, &options);
        match &expected {
            Ok(listing) if !listing.warnings.is_empty() => warned += 1,
            Ok(_) => listed += 1,
            Err(_) => failed += 1,
        }
        assert_eq!(taken.as_ref(), Some(&expected), "{}", file.display());
        assert!(snapshot.take(file, u64::MAX).is_none(), "taken twice");
    }
    assert!(
        listed > 5 && failed > 10 && warned > 0,
        "{listed} {failed} {warned}"
    );
}

#[test]
fn a_file_changed_in_any_way_is_loaded_again() {
    let (dir, folder, files) = every_kind_of_file();
    let [same_length, longer, gone, unchanged] = [0, 1, 2, 3].map(|n| files[n].clone());
    let mut snapshot = kept_and_read(&dir, &folder, &files);
    // One byte changed, the length and the modification time as they were.
    let before = std::fs::metadata(&same_length).unwrap_or_else(|e| panic!("{e}"));
    let mut bytes = std::fs::read(&same_length).unwrap_or_else(|e| panic!("{e}"));
    let at = bytes.iter().position(u8::is_ascii_lowercase).unwrap_or(0);
    bytes[at] = bytes[at].to_ascii_uppercase();
    std::fs::write(&same_length, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let modified = before.modified().unwrap_or_else(|e| panic!("{e}"));
    std::fs::File::options()
        .write(true)
        .open(&same_length)
        .and_then(|file| file.set_modified(modified))
        .unwrap_or_else(|e| panic!("{e}"));
    let mut grown = std::fs::read(&longer).unwrap_or_else(|e| panic!("{e}"));
    grown.push(b'\n');
    std::fs::write(&longer, grown).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(&gone).unwrap_or_else(|e| panic!("{e}"));
    for file in [&same_length, &longer, &gone] {
        assert!(
            snapshot.take(file, u64::MAX).is_none(),
            "{}",
            file.display()
        );
    }
    assert!(snapshot.take(&unchanged, u64::MAX).is_some());
    let unkept = folder.join("new.json");
    std::fs::copy(&unchanged, &unkept).unwrap_or_else(|e| panic!("{e}"));
    assert!(snapshot.take(&unkept, u64::MAX).is_none(), "never kept");
}

#[test]
fn a_snapshot_of_other_options_folder_build_or_format_is_not_used() {
    let (dir, folder, files) = every_kind_of_file();
    let place = dir.path().join("kept.json");
    let options = LoadOptions::default();
    keep_at(&place, &folder, &files, &options).unwrap_or_else(|e| panic!("keep: {e}"));
    assert!(read_at(&place, &folder, &options).is_some());
    let smaller = LoadOptions { max_size: 1000 };
    assert!(
        read_at(&place, &folder, &smaller).is_none(),
        "other options"
    );
    assert!(
        read_at(&place, dir.path(), &options).is_none(),
        "other folder"
    );
    let text = std::fs::read_to_string(&place).unwrap_or_else(|e| panic!("{e}"));
    let edits = [
        (format!("\"format\":{FORMAT}"), "\"format\":0".to_owned()),
        ("\"exe_len\":".to_owned(), "\"exe_len\":1".to_owned()),
        ("\"version\":\"".to_owned(), "\"version\":\"0.".to_owned()),
    ];
    for (from, to) in edits {
        assert!(text.contains(&from), "{from}");
        std::fs::write(&place, text.replacen(&from, &to, 1)).unwrap_or_else(|e| panic!("{e}"));
        assert!(read_at(&place, &folder, &options).is_none(), "{to}");
    }
    std::fs::write(&place, &text[..text.len() / 2]).unwrap_or_else(|e| panic!("{e}"));
    assert!(read_at(&place, &folder, &options).is_none(), "cut short");
    assert!(read_at(&dir.path().join("absent"), &folder, &options).is_none());
}

#[test]
fn a_snapshot_is_written_whole_over_the_last_and_leaves_nothing_else() {
    let (dir, folder, files) = every_kind_of_file();
    let place = dir.path().join("cache").join("kept.json");
    let options = LoadOptions::default();
    keep_at(&place, &folder, &files, &options).unwrap_or_else(|e| panic!("keep: {e}"));
    keep_at(&place, &folder, &files[..2], &options).unwrap_or_else(|e| panic!("keep: {e}"));
    let left: Vec<_> = std::fs::read_dir(dir.path().join("cache"))
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|entry| entry.file_name())
        .collect();
    assert_eq!(left, ["kept.json"]);
    let mut snapshot =
        read_at(&place, &folder, &options).unwrap_or_else(|| panic!("does not read"));
    assert!(snapshot.take(&files[1], u64::MAX).is_some());
    assert!(
        snapshot.take(&files[2], u64::MAX).is_none(),
        "the old file's"
    );
}

#[test]
fn a_kept_file_longer_than_the_caller_reads_is_left_to_load() {
    let (dir, folder, files) = every_kind_of_file();
    let mut snapshot = kept_and_read(&dir, &folder, &files);
    let len = std::fs::metadata(&files[0]).map_or(0, |m| m.len());
    assert!(snapshot.take(&files[0], len - 1).is_none());
    let len = std::fs::metadata(&files[1]).map_or(0, |m| m.len());
    assert!(snapshot.take(&files[1], len).is_some());
}

#[test]
fn a_partial_file_left_by_a_writer_that_ended_is_removed_once_old() {
    let (dir, folder, files) = every_kind_of_file();
    let place = dir.path().join("kept");
    let options = LoadOptions::default();
    let left = dir.path().join("kept.123-456.partial");
    let recent = dir.path().join("kept.124-456.partial");
    for file in [&left, &recent] {
        std::fs::write(file, "{").unwrap_or_else(|e| panic!("{e}"));
    }
    let long_ago = std::time::SystemTime::now() - PARTIAL_LEFT * 2;
    std::fs::File::options()
        .write(true)
        .open(&left)
        .and_then(|file| file.set_modified(long_ago))
        .unwrap_or_else(|e| panic!("{e}"));
    keep_at(&place, &folder, &files, &options).unwrap_or_else(|e| panic!("keep: {e}"));
    assert!(!left.exists(), "an old partial file is left");
    assert!(recent.exists(), "another writer's partial file was removed");
}
