//! RSS 2.0 and Atom feeds: one briefing per item; hostile feeds (scripts, pixels, bidi
//! overrides in titles, a 50 MB feed, a feed that never ends) are contained.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use brief::briefing::load_bytes;
use brief::import::{Meta, from_feed};
use tempfile::TempDir;

fn feed(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import-feeds")
        .join(name)
}

fn drafts(name: &str) -> Vec<brief::import::Draft> {
    let bytes = std::fs::read(feed(name)).expect("feed");
    let drafts = from_feed(&bytes, &Meta::default()).expect("parses");
    for draft in &drafts {
        let json = draft.to_json();
        let loaded = load_bytes(Path::new("item.json"), json.as_bytes())
            .unwrap_or_else(|f| panic!("{:#?}\n{json}", f.diagnostics));
        assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    }
    drafts
}

#[test]
fn an_rss_feed_gives_one_briefing_per_item_with_its_metadata() {
    let items = drafts("news.rss");
    assert_eq!(items.len(), 2);
    let first = &items[0];
    assert_eq!(first.headline, "Veyra basin talks resume in Geneva");
    assert_eq!(first.date.as_deref(), Some("2025-03-15"));
    assert_eq!(first.tags, vec!["Water".to_owned(), "Diplomacy".to_owned()]);
    let source = first.source.as_ref().expect("source");
    assert_eq!(source.name.as_deref(), Some("River Wire"));
    assert_eq!(
        source.url.as_deref(),
        Some("https://news.example/2025/03/veyra-talks")
    );
    assert_eq!(
        first.import.source.as_deref(),
        Some("https://news.example/2025/03/veyra-talks")
    );
    assert_eq!(first.body.len(), 2);
    assert_eq!(first.quotes.len(), 1);
    assert_eq!(first.quotes[0].speaker, "Jane Doe");
    let json = first.to_json();
    assert!(!json.contains("alert") && !json.contains("pixel"), "{json}");
}

#[test]
fn a_bidi_override_in_a_title_is_dropped() {
    let items = drafts("news.rss");
    let second = &items[1];
    assert_eq!(second.headline, "Water plan approved & funded");
    assert_eq!(second.date.as_deref(), Some("2025-03-03"));
    let stem = brief::import::file_stem(second.date.as_deref(), &second.headline);
    assert_eq!(stem, "2025-03-03-water-plan-approved-funded");
}

#[test]
fn an_atom_feed_in_persian_with_html_content() {
    let items = drafts("news.atom");
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(item.headline, "قطعی برق در نیک‌آباد در پی موج گرما");
    assert_eq!(item.language.as_deref(), Some("fa"));
    assert_eq!(item.date.as_deref(), Some("2025-07-12"));
    assert_eq!(item.tags, vec!["انرژی".to_owned()]);
    assert_eq!(item.quotes.len(), 1);
    assert_eq!(item.quotes[0].speaker, "علی رضایی");
    let lists = item
        .body
        .iter()
        .filter(|b| matches!(b, brief::import::DraftBlock::Bullets { lead: Some(_), bullets } if bullets.len() == 2))
        .count();
    assert_eq!(lists, 1);
}

#[test]
fn what_is_not_a_feed_is_an_error() {
    for bytes in [&b"<html><p>page</p></html>"[..], b""] {
        assert!(from_feed(bytes, &Meta::default()).is_err(), "{bytes:?}");
    }
    let error = from_feed(b"not xml at all", &Meta::default()).expect_err("refused");
    assert!(
        error.to_string().starts_with("not an RSS or Atom feed"),
        "{error}"
    );
}

fn brief_import(home: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_brief"));
    command
        .arg("import")
        .args(args)
        .current_dir(home)
        .env("HOME", home)
        .env("XDG_STATE_HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .env("XDG_CACHE_HOME", home);
    command
}

#[test]
fn feeds_import_end_to_end_and_pass_check() {
    let home = TempDir::new().expect("temp");
    let rss = feed("news.rss");
    let atom = feed("news.atom");
    let output = brief_import(
        home.path(),
        &[
            rss.to_str().expect("utf8"),
            atom.to_str().expect("utf8"),
            "--out",
            "out",
        ],
    )
    .output()
    .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = String::from_utf8_lossy(&output.stdout);
    assert_eq!(printed.matches("wrote out/").count(), 3, "{printed}");
    let check = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["check", "out"])
        .current_dir(home.path())
        .output()
        .expect("check runs");
    assert_eq!(check.status.code(), Some(0));
}

#[test]
fn a_50_mb_feed_is_refused_without_being_read() {
    let home = TempDir::new().expect("temp");
    let big = home.path().join("big.rss");
    let file = std::fs::File::create(&big).expect("create");
    file.set_len(50 * 1024 * 1024).expect("sparse 50 MB");
    let output = brief_import(home.path(), &["big.rss", "--out", "out"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        errors.contains("big.rss: larger than 16777216 bytes"),
        "{errors}"
    );
    assert!(!home.path().join("out").exists());
}

#[test]
fn a_feed_that_never_ends_on_standard_input_is_cut_off() {
    let home = TempDir::new().expect("temp");
    let mut child = brief_import(home.path(), &["-", "--out", "out"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut input = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        let _ = input
            .write_all(b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>");
        let item = b"<item><title>Again and again</title><description>More.</description></item>\n";
        // Until brief stops reading: the write fails once it has closed its end.
        while input.write_all(item).is_ok() {}
    });
    let output = child.wait_with_output().expect("ends");
    writer.join().expect("writer ends");
    assert_eq!(output.status.code(), Some(1));
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        errors.contains("standard input: larger than 16777216 bytes"),
        "{errors}"
    );
}
