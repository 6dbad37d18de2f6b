//! What every export must be, checked with independent parsers: the HTML through html5ever
//! (scraper), the Markdown through comrak with GitHub's extensions. Shared by the export and
//! digest tests.
#![allow(dead_code)]

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use brief::briefing::{Briefing, LoadOptions, load_file};
use brief::export::{Block, Run, Section};
use comrak::nodes::NodeValue;
use scraper::{ElementRef, Html};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `*.json` files of a folder of the repository, sorted.
pub fn json_files(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(repo().join(folder))
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

pub fn load(path: &Path) -> Option<Briefing> {
    load_file(path, &LoadOptions::default())
        .ok()
        .map(|loaded| loaded.briefing)
}

/// Every paragraph of briefing text a section holds, each of which must come out whole.
pub fn runs(section: &Section) -> Vec<&Run> {
    let mut runs = vec![&section.headline];
    for meta in &section.meta {
        runs.extend(&meta.parts);
    }
    for block in section.parts.iter().flat_map(|part| &part.blocks) {
        match block {
            Block::Heading(run) | Block::Paragraph(run) => runs.push(run),
            Block::List { lead, items } => {
                runs.extend(lead);
                runs.extend(items.iter().flat_map(|item| &item.parts));
            }
            Block::Quote { text, by } => {
                runs.extend(text);
                runs.extend(&by.parts);
            }
        }
    }
    runs
}

const TAGS: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "nav",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "p",
    "ul",
    "ol",
    "li",
    "a",
    "span",
    "bdi",
    "blockquote",
];
const ATTRIBUTES: &[&str] = &[
    "lang", "dir", "charset", "name", "content", "href", "id", "class",
];

/// The page is well formed HTML made of the exporter's elements and attributes only, every
/// block has `lang` and `dir`, links stay in the page, and every paragraph of `sections` is
/// the whole text of one element.
pub fn check_html(html: &str, sections: &[Section]) {
    assert!(html.starts_with("<!doctype html>\n"), "no doctype");
    let document = Html::parse_document(html);
    assert!(
        document.errors.is_empty(),
        "HTML parse errors {:?}",
        document.errors
    );
    let mut texts = HashSet::new();
    let mut anchors = HashSet::new();
    for node in document.tree.nodes() {
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        let el = element.value();
        assert!(
            TAGS.contains(&el.name()),
            "element <{}> is not the exporter's",
            el.name()
        );
        for (name, value) in el.attrs() {
            assert!(
                ATTRIBUTES.contains(&name),
                "attribute {name} on <{}>",
                el.name()
            );
            match name {
                "href" => assert!(value.starts_with("#b"), "link out of the page: {value}"),
                "dir" => assert!(["ltr", "rtl"].contains(&value), "dir={value}"),
                "class" => assert!(["meta", "by"].contains(&value), "class={value}"),
                "id" => {
                    anchors.insert(value.to_owned());
                }
                _ => {}
            }
        }
        let block = ![
            "html", "body", "head", "meta", "title", "style", "a", "span",
        ]
        .contains(&el.name());
        if block {
            assert!(
                el.attr("lang").is_some() && el.attr("dir").is_some(),
                "<{}> lacks lang or dir",
                el.name()
            );
        }
        texts.insert(element.text().collect::<String>());
    }
    assert_eq!(document.select(&sel("meta")).count(), 2);
    assert_eq!(document.select(&sel("style")).count(), 1);
    for a in document.select(&sel("a")) {
        let target = a
            .value()
            .attr("href")
            .unwrap_or_default()
            .trim_start_matches('#');
        assert!(
            anchors.contains(target),
            "link to #{target}, which is not in the page"
        );
    }
    for section in sections {
        for run in runs(section) {
            assert!(
                texts.contains(&run.text),
                "{:?} is no element's whole text",
                run.text
            );
        }
    }
}

pub fn sel(selector: &str) -> scraper::Selector {
    scraper::Selector::parse(selector).unwrap_or_else(|e| panic!("{selector}: {e}"))
}

/// What comrak, with every GitHub extension on, reads in the Markdown.
pub struct MarkdownShape {
    pub headings: usize,
    pub items: usize,
    /// The text of each paragraph and heading, direction marks and isolates left out.
    pub texts: Vec<String>,
}

/// The Markdown holds no raw HTML, link, image, emphasis, code, table, footnote or rule;
/// every paragraph of `sections` comes out whole in one paragraph, heading or item.
pub fn check_markdown(markdown: &str, sections: &[Section]) -> MarkdownShape {
    let arena = comrak::Arena::new();
    let mut options = comrak::Options::default();
    options.extension.autolink = true;
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.tasklist = true;
    options.extension.footnotes = true;
    let root = comrak::parse_document(&arena, markdown, &options);
    let mut shape = MarkdownShape {
        headings: 0,
        items: 0,
        texts: Vec::new(),
    };
    for node in root.descendants() {
        let value = node.data().value.clone();
        match value {
            NodeValue::Document
            | NodeValue::List(_)
            | NodeValue::BlockQuote
            | NodeValue::Text(_) => {}
            NodeValue::Item(_) => shape.items += 1,
            NodeValue::Heading(_) | NodeValue::Paragraph => {
                if matches!(value, NodeValue::Heading(_)) {
                    shape.headings += 1;
                }
                let text: String = node
                    .descendants()
                    .filter_map(|n| match &n.data().value {
                        NodeValue::Text(t) => Some(t.to_string()),
                        _ => None,
                    })
                    .collect();
                shape
                    .texts
                    .push(text.chars().filter(|c| !is_mark(*c)).collect());
            }
            other => panic!("Markdown made {other:?}:\n{markdown}"),
        }
    }
    let whole: HashSet<&String> = shape.texts.iter().collect();
    for section in sections {
        for run in runs(section) {
            let want: String = run.text.chars().filter(|c| !is_mark(*c)).collect();
            // Most paragraphs are a paragraph's whole text; a field of a row is in one.
            assert!(
                whole.contains(&want) || shape.texts.iter().any(|text| text.contains(&want)),
                "{want:?} does not come out whole"
            );
        }
    }
    shape
}

/// Our marks and isolates, and the closing controls `sanitize` adds.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}')
}

/// Plain text holds no control character but the line break.
pub fn check_text(text: &str) {
    for (i, c) in text.char_indices() {
        let control = (c.is_control() && c != '\n') || ('\u{80}'..='\u{9f}').contains(&c);
        assert!(!control, "control U+{:04X} at byte {i}", c as u32);
    }
}
