//! `brief digest`: the briefings a query finds, oldest first, listed in a table of contents
//! that points at each; notes and hostile briefings escaped like everything else.

mod export_check;

use std::path::Path;
use std::process::{Command, Output};

use brief::briefing::Briefing;
use brief::export::{DigestEntry, Format, Section, digest, digest_order};
use export_check::{check_html, check_markdown, check_text, json_files, load, repo, sel};

fn brief(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(repo())
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env_remove("BRIEF_DIR")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap_or_else(|e| panic!("run brief: {e}"))
}

fn digest_html(args: &[&str]) -> scraper::Html {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // The options come first: after `--`, every word is the query's.
    let mut all = vec!["digest", "--format", "html"];
    all.extend(args);
    let out = brief(&all, home.path());
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    scraper::Html::parse_document(&String::from_utf8(out.stdout).unwrap_or_default())
}

/// The headlines of the table of contents, and of the briefings that follow, in order.
fn contents_and_headlines(page: &scraper::Html) -> (Vec<String>, Vec<String>) {
    let texts = |selector: &str| -> Vec<String> {
        page.select(&sel(selector))
            .map(|e| e.text().collect())
            .collect()
    };
    (texts("nav li a"), texts("article h2"))
}

#[test]
fn the_digest_lists_its_briefings_oldest_first_and_its_contents_point_at_them() {
    let page = digest_html(&["briefings", "date:2025-03-01.."]);
    let (contents, headlines) = contents_and_headlines(&page);
    assert_eq!(contents, headlines);
    // The dated samples: Tunis 03-18, Veyra 06-12, Nikabad 07-12, Kiryat Hadas 08-03.
    let starts: Vec<String> = headlines
        .iter()
        .map(|h| h.chars().take(8).collect())
        .collect();
    assert_eq!(starts, ["UPR foll", "Veyra Ba", "نیک‌آباد", "ניסיון ח"]);
    for (link, article) in page
        .select(&sel("nav li a"))
        .zip(page.select(&sel("article")))
    {
        let target = link.value().attr("href").unwrap_or_default();
        assert_eq!(Some(&target[1..]), article.value().attr("id"));
    }
}

#[test]
fn filters_choose_the_briefings() {
    let count = |args: &[&str]| contents_and_headlines(&digest_html(args)).1.len();
    assert_eq!(count(&["briefings"]), 6);
    assert_eq!(count(&["briefings", "lang:en"]), 2);
    assert_eq!(count(&["briefings", "--", "-lang:en"]), 4);
    assert_eq!(count(&["briefings", "date:2025-07-01..2025-07-31"]), 1);
    assert_eq!(count(&["briefings", "actor:تورك"]), 1);
    // Without a PATH that exists, the first word is the query's, in the default folder.
    assert_eq!(count(&["veyra"]), 1);
}

#[test]
fn a_bad_query_or_no_match_says_so() {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = brief(&["digest", "briefings", "autor:x"], home.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown operator \"autor:\""));
    let out = brief(&["digest", "briefings", "zzzqqq"], home.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no briefing in briefings matches"));
    assert!(out.stdout.is_empty());
}

#[test]
fn each_entry_has_its_details_note_points_and_quotations() {
    let briefings: Vec<Briefing> = json_files("briefings")
        .iter()
        .filter_map(|f| load(f))
        .collect();
    let note = "Flag for the head of mission: <b>see</b> [this](https://evil.invalid) راجع";
    let entries: Vec<DigestEntry> = briefings
        .iter()
        .map(|briefing| DigestEntry {
            briefing,
            note: Some(note),
        })
        .collect();
    let mut sorted: Vec<&Briefing> = briefings.iter().collect();
    sorted.sort_by(|a, b| digest_order(a, b));
    let sections: Vec<Section> = sorted
        .iter()
        .enumerate()
        .map(|(i, b)| Section::digest(b, i + 1, Some(note)))
        .collect();
    let html = digest("Morning <digest>", &entries, Format::Html);
    check_html(&html, &sections);
    let page = scraper::Html::parse_document(&html);
    assert_eq!(page.select(&sel("article")).count(), briefings.len());
    let labels: Vec<String> = page
        .select(&sel("article h3"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(
        labels.iter().filter(|l| *l == "Note").count(),
        briefings.len()
    );
    assert!(labels.iter().filter(|l| *l == "Quotations").count() >= 4);
    assert!(labels.iter().filter(|l| *l == "Key points").count() >= 4);
    // The undated briefing comes last.
    assert!(sorted.last().is_some_and(|b| b.date.is_none()));
    let markdown = digest("Morning <digest>", &entries, Format::Markdown);
    let shape = check_markdown(&markdown, &sections);
    // Title, "Contents", then per briefing its headline and labels.
    let labels: usize = sections.iter().map(|s| s.parts.len()).sum();
    assert_eq!(shape.headings, 2 + sections.len() + labels);
    check_text(&digest("Morning <digest>", &entries, Format::Text));
}

#[test]
fn a_digest_of_the_hostile_corpus_is_clean() {
    let briefings: Vec<Briefing> = json_files("tests/hostile")
        .iter()
        .filter_map(|f| load(f))
        .collect();
    assert!(briefings.len() >= 15);
    let entries: Vec<DigestEntry> = briefings
        .iter()
        .map(|briefing| DigestEntry {
            briefing,
            note: None,
        })
        .collect();
    let mut sorted: Vec<&Briefing> = briefings.iter().collect();
    sorted.sort_by(|a, b| digest_order(a, b));
    let sections: Vec<Section> = sorted
        .iter()
        .enumerate()
        .map(|(i, b)| Section::digest(b, i + 1, None))
        .collect();
    check_html(&digest("Digest", &entries, Format::Html), &sections);
    check_markdown(&digest("Digest", &entries, Format::Markdown), &sections);
    check_text(&digest("Digest", &entries, Format::Text));
}

#[test]
fn review_marks_choose_the_briefings_and_bring_their_notes() {
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mark = |args: &[&str]| {
        let out = brief(args, home.path());
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    mark(&[
        "mark",
        "briefings/veyra-basin-talks.json",
        "--flagged",
        "--note",
        "For the <b>head</b>",
    ]);
    mark(&[
        "mark",
        "briefings/nikabad-heatwave-power-cuts.json",
        "--flagged",
    ]);
    mark(&[
        "mark",
        "briefings/sabil-upr-tracker-tunis.json",
        "--reviewed",
    ]);
    let digest = |args: &[&str]| {
        let mut all = vec!["digest", "--format", "html"];
        all.extend(args);
        let out = brief(&all, home.path());
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        scraper::Html::parse_document(&String::from_utf8(out.stdout).unwrap_or_default())
    };
    let page = digest(&["briefings", "is:flagged"]);
    let (_, headlines) = contents_and_headlines(&page);
    let starts: Vec<String> = headlines
        .iter()
        .map(|h| h.chars().take(8).collect())
        .collect();
    assert_eq!(starts, ["Veyra Ba", "نیک‌آباد"]);
    let notes: Vec<String> = page
        .select(&sel("article p"))
        .map(|p| p.text().collect())
        .filter(|text: &String| text.starts_with("For the <"))
        .collect();
    assert_eq!(notes, ["For the <b>head</b>"]);
    assert_eq!(
        contents_and_headlines(&digest(&["briefings", "has:note"]))
            .1
            .len(),
        1
    );
    assert_eq!(
        contents_and_headlines(&digest(&["briefings", "is:reviewed"]))
            .1
            .len(),
        1
    );
    let page = digest(&["briefings", "is:flagged", "date:2025-07-01.."]);
    assert_eq!(contents_and_headlines(&page).1.len(), 1);
}
