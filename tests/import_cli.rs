//! `brief import` run as the real binary, in temporary folders.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn data(name: &str) -> PathBuf {
    Path::new(ROOT).join("tests/data").join(name)
}

fn brief(home: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
    command
        .args(args)
        .current_dir(home)
        .env("HOME", home)
        .env("XDG_STATE_HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .env("XDG_CACHE_HOME", home)
        .env_remove("BRIEF_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("brief runs");
    if let Some(mut input) = child.stdin.take() {
        input
            .write_all(stdin.unwrap_or("").as_bytes())
            .expect("stdin");
    }
    child.wait_with_output().expect("brief ends")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn a_folder_and_a_file_become_briefings_that_pass_check() {
    let home = TempDir::new().expect("temp");
    let out = home.path().join("out");
    let seed = data("seed-article.txt");
    let folder = data("import");
    let args = [
        "import",
        seed.to_str().expect("utf8"),
        folder.to_str().expect("utf8"),
        "--out",
        "out",
    ];
    let output = brief(home.path(), &args, None);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        files(&out),
        vec![
            "2025-03-03-mvtst-mk-rzym-yshrh-t-tvknyt-hmym.json",
            // The HTML page and the Markdown article share date and headline, not text.
            "2025-03-15-veyra-basin-talks-resume-in-geneva-2.json",
            "2025-03-15-veyra-basin-talks-resume-in-geneva.json",
            "2025-07-12-qty-brq-dr-nykabad-dr-py-mwj-grma.json",
            "altqa-almklf-btsyyr-shawn-wzart-alkharjyt-waltawn-aldwly.json",
        ]
    );
    let printed = stdout(&output);
    assert_eq!(printed.matches("wrote out/").count(), 5, "{printed}");
    assert!(
        printed.contains("  check: headline, language, direction, location"),
        "{printed}"
    );
    let check = brief(home.path(), &["check", "out"], None);
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));
    let summary = String::from_utf8_lossy(&check.stderr);
    assert!(
        summary.contains("checked 5 files: 0 errors, 0 warnings"),
        "{summary}"
    );
}

#[test]
fn a_second_import_is_skipped_and_a_changed_article_is_written_beside() {
    let home = TempDir::new().expect("temp");
    let article = home.path().join("a.txt");
    fs::write(
        &article,
        "Talks resume in Geneva\nThe delegations met again.\n",
    )
    .expect("write");
    let args = ["import", "a.txt", "--out", "out"];
    assert!(brief(home.path(), &args, None).status.success());
    let again = brief(home.path(), &args, None);
    assert!(again.status.success());
    assert_eq!(
        stdout(&again).lines().next(),
        Some("skipped (already imported) out/talks-resume-in-geneva.json")
    );
    assert_eq!(
        files(&home.path().join("out")),
        vec!["talks-resume-in-geneva.json"]
    );
    fs::write(
        &article,
        "Talks resume in Geneva\nThe delegations met again, briefly.\n",
    )
    .expect("write");
    let changed = brief(home.path(), &args, None);
    assert_eq!(
        stdout(&changed).lines().next(),
        Some("wrote out/talks-resume-in-geneva-2.json")
    );
    let first =
        fs::read_to_string(home.path().join("out/talks-resume-in-geneva.json")).expect("kept");
    assert!(
        first.contains("met again.\""),
        "the first file is not overwritten"
    );
    let third = brief(home.path(), &args, None);
    assert_eq!(
        stdout(&third).lines().next(),
        Some("skipped (already imported) out/talks-resume-in-geneva-2.json")
    );
}

#[test]
fn dry_run_writes_nothing() {
    let home = TempDir::new().expect("temp");
    let seed = data("seed-article.txt");
    let output = brief(
        home.path(),
        &["import", seed.to_str().expect("utf8"), "--dry-run"],
        None,
    );
    assert!(output.status.success());
    assert!(
        stdout(&output).starts_with("would write briefings/altqa-"),
        "{}",
        stdout(&output)
    );
    assert!(files(home.path()).is_empty(), "{:?}", files(home.path()));
}

#[test]
fn standard_input_with_a_language_goes_to_the_library_folder() {
    let home = TempDir::new().expect("temp");
    let text = "# Water plan approved\n\nThe council approved the plan.\n";
    let output = brief(
        home.path(),
        &["import", "-", "--language", "en-GB"],
        Some(text),
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let written = home.path().join("briefings/water-plan-approved.json");
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&written).expect("written")).expect("JSON");
    assert_eq!(json["language"], "en-GB");
    assert_eq!(json["direction"], "ltr");
    assert_eq!(json["import"]["source"], "-");
    assert_eq!(json["import"]["guessed"], serde_json::json!([]));
    assert_eq!(
        json["body"],
        serde_json::json!(["The council approved the plan."])
    );
}

#[test]
fn bad_sources_are_named_and_the_others_still_imported() {
    let home = TempDir::new().expect("temp");
    fs::write(home.path().join("bad.txt"), b"caf\xe9 au lait\n").expect("write");
    fs::write(
        home.path().join("good.txt"),
        "Good news today\nIt rained.\n",
    )
    .expect("write");
    let args = [
        "import",
        "missing.txt",
        "bad.txt",
        "good.txt",
        "--out",
        "out",
    ];
    let output = brief(home.path(), &args, None);
    let errors = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        errors.contains("brief: missing.txt: cannot open"),
        "{errors}"
    );
    assert!(
        errors.contains("bad.txt: not UTF-8 text (invalid byte at offset 3)"),
        "{errors}"
    );
    assert_eq!(
        files(&home.path().join("out")),
        vec!["good-news-today.json"]
    );
    let invalid = brief(
        home.path(),
        &[
            "import",
            "good.txt",
            "--language",
            "not a tag",
            "--out",
            "o2",
        ],
        None,
    );
    assert_eq!(invalid.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&invalid.stderr).contains("would not load"));
    assert!(files(&home.path().join("o2")).is_empty());
}

/// `brief import` runs `brief-import` from beside itself: without it, it says so and what
/// installs it, and exits 2 having written nothing.
#[test]
fn import_without_its_executable_says_what_is_missing() {
    let home = TempDir::new().expect("temp dir");
    let alone = home.path().join("bin");
    fs::create_dir(&alone).expect("bin dir");
    let copy = alone.join("brief");
    fs::copy(env!("CARGO_BIN_EXE_brief"), &copy).expect("copy brief");
    let article = data("seed-article.txt");
    let output = Command::new(&copy)
        .arg("import")
        .arg(&article)
        .current_dir(home.path())
        .env("HOME", home.path())
        .env_remove("BRIEF_DIR")
        .output()
        .expect("brief runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("brief-import is missing"), "{stderr}");
    assert!(stderr.contains("cargo install --path ."), "{stderr}");
    assert!(!home.path().join("briefings").exists());
}
