//! HTML pages: the main text, its headings, lists and block quotes, and the page's
//! metadata; hostile markup does not reach the briefing.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::path::Path;

use brief::briefing::{Block, Briefing, load_bytes};
use brief::import::{Draft, Meta, from_html, from_text};

fn load(draft: &Draft) -> Briefing {
    let json = draft.to_json();
    let loaded = load_bytes(Path::new("page.json"), json.as_bytes())
        .unwrap_or_else(|f| panic!("{:#?}\n{json}", f.diagnostics));
    let warnings: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "{warnings:#?}");
    loaded.briefing
}

fn article(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name);
    std::fs::read_to_string(path).expect("article")
}

#[test]
fn the_page_gives_the_same_briefing_as_its_markdown_plus_its_metadata() {
    let page = from_html(&article("en-basin-talks.html"), &Meta::default()).expect("draft");
    let markdown = from_text(&article("en-basin-talks.md"), true, &Meta::default()).expect("md");
    let page_briefing = load(&page);
    let markdown_briefing = load(&markdown);
    // The page has the date line as a paragraph of its own; the rest is the same text.
    assert_eq!(
        page_briefing.body[0],
        Block::Paragraph("15 March 2025".into())
    );
    assert_eq!(page_briefing.body[1..], markdown_briefing.body[..]);
    assert_eq!(page_briefing.quotes, markdown_briefing.quotes);
    assert_eq!(page_briefing.actors, markdown_briefing.actors);
    assert_eq!(page.headline, "Veyra basin talks resume in Geneva");
    assert_eq!(page.date.as_deref(), Some("2025-03-15"));
    assert_eq!(page.language.as_deref(), Some("en"));
    let source = page.source.as_ref().expect("source");
    assert_eq!(source.name.as_deref(), Some("River Wire"));
    assert_eq!(
        source.url.as_deref(),
        Some("https://news.example/2025/03/veyra-talks")
    );
    for read_from_the_page in ["headline", "date", "language"] {
        assert!(!page.import.guessed.contains(&read_from_the_page.to_owned()));
    }
}

#[test]
fn scripts_navigation_forms_and_pixels_stay_out() {
    let page = from_html(&article("en-basin-talks.html"), &Meta::default()).expect("draft");
    let json = page.to_json();
    for unwanted in [
        "tracking paragraph",
        "alert",
        "Home",
        "Related",
        "Subscribe",
        "footer",
        "pixel",
        "color: red",
    ] {
        assert!(!json.contains(unwanted), "{unwanted} leaked into\n{json}");
    }
}

#[test]
fn entities_broken_markup_and_bidi_overrides_in_titles() {
    let html = "<html lang=ar><title>\u{202e}عنوان &amp; &quot;خبر&quot;</title><body><p>فقرة أولى &lt;b&gt; بلا\u{2067} إغلاق\n<p>فقرة <i>ثانية\n<ul><li>بند\n<li>بند آخر</ul><div><p>نص &#1575; أخير";
    let draft = from_html(html, &Meta::default()).expect("draft");
    let briefing = load(&draft);
    assert_eq!(
        briefing.headline, "عنوان & \"خبر\"",
        "the override is dropped"
    );
    assert_eq!(
        briefing.body,
        vec![
            Block::Paragraph("فقرة أولى <b> بلا إغلاق".into()),
            Block::Paragraph("فقرة ثانية".into()),
            Block::Bullets {
                lead: None,
                items: vec!["بند".into(), "بند آخر".into()]
            },
            Block::Paragraph("نص ا أخير".into()),
        ]
    );
    assert_eq!(briefing.language.as_deref(), Some("ar"));
    let stem = brief::import::file_stem(None, &briefing.headline);
    assert!(
        stem.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'),
        "{stem}"
    );
}

#[test]
fn a_page_with_no_text_gives_no_briefing() {
    assert_eq!(
        from_html("<html><script>x()</script></html>", &Meta::default()),
        None
    );
    assert_eq!(from_html("", &Meta::default()), None);
}
