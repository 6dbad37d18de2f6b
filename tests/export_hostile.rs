//! Export of every sample, the hostile corpus and a briefing made of markup: the HTML has only
//! the exporter's elements, the Markdown no raw HTML, link or markup of the briefing's making,
//! the text no control; every paragraph comes out whole in all three.

mod export_check;

use brief::briefing::{Briefing, load_bytes};
use brief::export::{Format, Section, export};
use export_check::{check_html, check_markdown, check_text, json_files, load};

/// Markup of every kind a briefing could try, in every field.
const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</p></article><a href=\"https://evil.invalid\">x</a>",
    "[click](javascript:alert(1)) ![img](https://evil.invalid/i.png) [ref]: https://evil.invalid",
    "<https://evil.invalid> https://evil.invalid/x www.evil.invalid mail@evil.invalid",
    "**bold** __b__ *em* _em_ ~~gone~~ `code` ``` fenced",
    "# heading",
    "1. ordered",
    "- bullet",
    "+ plus",
    "> quoted",
    "| a | b |",
    "---",
    "===",
    "[^1] [^1]: note",
    "- [ ] task",
    "&lt;script&gt; &amp; &#60;b&#62; &copy;",
    "<!-- comment --> <![CDATA[x]]> <?php ?>",
    "trailing backslash \\",
    "\"quotes\" 'single' `back`",
    "\u{1b}]8;;https://evil.invalid\u{7}link\u{1b}]8;;\u{7} \u{1b}[31mred\u{9b}0m \u{7f}",
];

fn crafted() -> Briefing {
    let text = PAYLOADS.join("\n");
    let list: Vec<&str> = PAYLOADS.to_vec();
    let json = serde_json::json!({
        "headline": PAYLOADS.join(" "),
        "summary": text,
        "language": "en",
        "date": "2025-03-01",
        "location": PAYLOADS[0],
        "classification": PAYLOADS[2],
        "source": {"name": PAYLOADS[3], "url": "https://evil.invalid/<script>"},
        "tags": list,
        "body": [
            {"heading": PAYLOADS[6]},
            text,
            {"lead": PAYLOADS[1], "bullets": list},
        ],
        "points": list,
        "quotes": PAYLOADS.iter().map(|p| serde_json::json!({"text": p, "speaker": p, "context": p})).collect::<Vec<_>>(),
        "actors": [{"id": "x", "name": PAYLOADS[0], "role": PAYLOADS[3], "aliases": [PAYLOADS[4]]}],
        "translations": [{
            "language": "ar",
            "translator": PAYLOADS.join(" "),
            "headline": PAYLOADS.join(" "),
            "summary": text,
        }],
    });
    let bytes = serde_json::to_vec(&json).unwrap_or_default();
    match load_bytes(std::path::Path::new("crafted.json"), &bytes) {
        Ok(loaded) => loaded.briefing,
        Err(failure) => panic!("the crafted briefing does not load: {failure}"),
    }
}

fn check_all(briefing: &Briefing) {
    let sections = [Section::whole(briefing, 1)];
    check_html(&export(&[briefing], Format::Html), &sections);
    let markdown = export(&[briefing], Format::Markdown);
    let shape = check_markdown(&markdown, &sections);
    let section = &sections[0];
    let labels = section
        .parts
        .iter()
        .filter(|part| part.label.is_some())
        .count();
    let headings = section
        .parts
        .iter()
        .flat_map(|part| &part.blocks)
        .filter(|block| matches!(block, brief::export::Block::Heading(_)))
        .count();
    assert_eq!(
        shape.headings,
        1 + labels + headings,
        "headings of {}",
        briefing.path.display()
    );
    let items: usize = section
        .parts
        .iter()
        .flat_map(|part| &part.blocks)
        .map(|block| match block {
            brief::export::Block::List { items, .. } => items.len(),
            _ => 0,
        })
        .sum();
    assert_eq!(
        shape.items,
        items,
        "list items of {}",
        briefing.path.display()
    );
    check_text(&export(&[briefing], Format::Text));
}

#[test]
fn a_briefing_made_of_markup_exports_as_text() {
    let briefing = crafted();
    assert_eq!(briefing.translations.len(), 1);
    check_all(&briefing);
    let html = export(&[&briefing], Format::Html);
    let page = scraper::Html::parse_document(&html);
    assert_eq!(page.select(&export_check::sel("script, img, a")).count(), 0);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The entities a briefing writes are shown as written, not decoded.
    assert!(html.contains("&amp;lt;script&amp;gt;"));
    // The translator's name, in a label of ours, is escaped too.
    assert!(html.contains("<h3 lang=\"en\" dir=\"ltr\">Translation (ar) — &lt;script&gt;"));
}

#[test]
fn every_sample_exports_whole_and_clean() {
    let files = json_files("briefings");
    assert!(files.len() >= 5);
    for file in files {
        let briefing = load(&file).unwrap_or_else(|| panic!("{} does not load", file.display()));
        check_all(&briefing);
    }
}

#[test]
fn the_hostile_corpus_exports_without_markup_or_controls() {
    let mut loaded = 0;
    for file in json_files("tests/hostile") {
        // A few files of the corpus are meant to fail loading; the rest must export clean.
        if let Some(briefing) = load(&file) {
            loaded += 1;
            check_all(&briefing);
        }
    }
    assert!(loaded >= 15, "only {loaded} hostile briefings loaded");
}

#[test]
fn several_briefings_export_as_one_page() {
    let briefings: Vec<Briefing> = json_files("briefings")
        .iter()
        .filter_map(|f| load(f))
        .collect();
    let refs: Vec<&Briefing> = briefings.iter().collect();
    let sections: Vec<Section> = refs
        .iter()
        .enumerate()
        .map(|(i, b)| Section::whole(b, i + 1))
        .collect();
    let html = export(&refs, Format::Html);
    check_html(&html, &sections);
    let page = scraper::Html::parse_document(&html);
    assert_eq!(
        page.select(&export_check::sel("article")).count(),
        briefings.len()
    );
    check_markdown(&export(&refs, Format::Markdown), &sections);
}

#[test]
fn huge_fields_export_whole() {
    let bullets: Vec<String> = (0..100_000).map(|n| format!("bullet {n} <b>")).collect();
    let word = "w".repeat(1_000_000);
    let marks = format!("a{}", "\u{0301}".repeat(10_000));
    let json = serde_json::json!({
        "headline": marks,
        "language": "en",
        "body": [word, {"bullets": bullets}],
    });
    let bytes = serde_json::to_vec(&json).unwrap_or_default();
    let briefing = match load_bytes(std::path::Path::new("huge.json"), &bytes) {
        Ok(loaded) => loaded.briefing,
        Err(failure) => panic!("the huge briefing does not load: {failure}"),
    };
    check_all(&briefing);
}
