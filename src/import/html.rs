//! HTML pages into articles.
//!
//! The main text: everything inside `script`, `style`, `nav`, `aside`, `footer`, `header`,
//! `form` and the like is dropped; of the `article`, `main` and `[role=main]` elements
//! (else `body`), the one with the most text in its paragraphs is the article. In it,
//! `h1`–`h6` are headings, `p` paragraphs, `ul`/`ol` lists (a paragraph ending in `:` just
//! before one is its lead) and `blockquote` quotations. Metadata: the title from
//! `og:title`, else `<title>`, else the first `h1`; the date from `article:published_time`
//! or the first `<time datetime>`; the language from `<html lang>`; the source from
//! `og:site_name` and `og:url` or `<link rel=canonical>`.

use scraper::{ElementRef, Html, Node};

use super::blocks::{BlockQuote, Layout, take_lead};
use super::draft::DraftBlock;
use super::{Meta, dates};

const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "header", "form",
    "iframe", "svg", "button", "select", "textarea", "figure", "img", "video", "audio", "object",
    "embed", "canvas", "head",
];
const CONTAINERS: &[&str] = &["article", "main"];

fn is_dropped(element: &ElementRef<'_>) -> bool {
    DROPPED.contains(&element.value().name())
        || element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
}

/// The element's visible text, whitespace runs made one space.
fn text_of(element: ElementRef<'_>) -> String {
    let mut raw = String::new();
    collect_text(element, &mut raw);
    clean(&raw)
}

/// Whitespace runs made one space, and bidi embeddings, overrides and isolates dropped:
/// on a web page they are markup for the browser, and in a briefing they would reorder
/// the text around them (Trojan Source).
pub fn clean(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn collect_text(element: ElementRef<'_>, into: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => into.push_str(text),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child)
                    && !is_dropped(&child)
                {
                    if child.value().name() == "br" {
                        into.push(' ');
                    }
                    collect_text(child, into);
                }
            }
            _ => {}
        }
    }
}

fn paragraph_text(element: ElementRef<'_>) -> usize {
    element
        .descendent_elements()
        .filter(|e| e.value().name() == "p")
        .map(|p| text_of(p).len())
        .sum()
}

/// The element holding the article: the densest `article`/`main` block, else `body`.
fn main_block(document: &Html) -> ElementRef<'_> {
    let root = document.root_element();
    let candidates = root
        .descendent_elements()
        .filter(|e| CONTAINERS.contains(&e.value().name()) || e.attr("role") == Some("main"));
    let best = candidates.max_by_key(|e| paragraph_text(*e));
    best.filter(|e| paragraph_text(*e) > 0)
        .or_else(|| {
            root.descendent_elements()
                .find(|e| e.value().name() == "body")
        })
        .unwrap_or(root)
}

fn walk(element: ElementRef<'_>, layout: &mut Layout) {
    for child in element.child_elements() {
        if is_dropped(&child) {
            continue;
        }
        let name = child.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let text = text_of(child);
                if text.is_empty() {
                } else if layout.headline.is_none() && layout.body.is_empty() {
                    layout.headline = Some(text);
                } else if layout.headline.as_deref() != Some(text.as_str()) {
                    layout.body.push(DraftBlock::Heading { heading: text });
                }
            }
            "p" => {
                let text = text_of(child);
                if !text.is_empty() {
                    layout.body.push(DraftBlock::Paragraph(text));
                }
            }
            "ul" | "ol" => {
                let bullets: Vec<String> = child
                    .child_elements()
                    .filter(|li| li.value().name() == "li")
                    .map(text_of)
                    .filter(|t| !t.is_empty())
                    .collect();
                if !bullets.is_empty() {
                    let lead = take_lead(&mut layout.body);
                    layout.body.push(DraftBlock::Bullets { lead, bullets });
                }
            }
            "blockquote" => {
                let text = text_of(child);
                if !text.is_empty() {
                    let block = layout.body.len();
                    layout.block_quotes.push(BlockQuote {
                        text: text.clone(),
                        block,
                    });
                    layout.body.push(DraftBlock::Paragraph(text));
                }
            }
            _ => walk(child, layout),
        }
    }
}

fn meta_content<'a>(document: &'a Html, keys: &[&str]) -> Option<&'a str> {
    let root = document.root_element();
    keys.iter().find_map(|key| {
        root.descendent_elements()
            .filter(|e| e.value().name() == "meta")
            .find(|e| e.attr("property") == Some(key) || e.attr("name") == Some(key))
            .and_then(|e| e.attr("content"))
            .map(str::trim)
            .filter(|c| !c.is_empty())
    })
}

fn first_element<'a>(document: &'a Html, name: &str) -> Option<ElementRef<'a>> {
    document
        .root_element()
        .descendent_elements()
        .find(|e| e.value().name() == name)
}

/// The page's metadata over what the caller knows (the caller's values win).
fn page_meta(document: &Html, given: &Meta) -> Meta {
    let root = document.root_element();
    let title = meta_content(document, &["og:title", "twitter:title"])
        .map(clean)
        .or_else(|| first_element(document, "title").map(text_of))
        .filter(|t| !t.is_empty());
    let published =
        meta_content(document, &["article:published_time", "date", "dc.date"]).or_else(|| {
            root.descendent_elements()
                .filter(|e| e.value().name() == "time")
                .find_map(|e| e.attr("datetime"))
        });
    let date = published.and_then(|d| d.get(..10)).and_then(dates::find);
    let canonical = root
        .descendent_elements()
        .find(|e| e.value().name() == "link" && e.attr("rel") == Some("canonical"))
        .and_then(|e| e.attr("href"));
    let url = meta_content(document, &["og:url"])
        .or(canonical)
        .map(str::to_owned);
    let language = root.attr("lang").map(str::trim).filter(|l| !l.is_empty());
    Meta {
        source: given.source.clone(),
        language: given.language.clone().or(language.map(str::to_owned)),
        headline: given.headline.clone().or(title),
        date: given.date.clone().or(date),
        source_name: given
            .source_name
            .clone()
            .or(meta_content(document, &["og:site_name"]).map(str::to_owned)),
        url: given.url.clone().or(url),
        tags: given.tags.clone(),
    }
}

/// An HTML page or fragment as an article's layout and metadata.
pub fn read(html: &str, given: &Meta) -> (Layout, Meta) {
    let document = Html::parse_document(html);
    let meta = page_meta(&document, given);
    let mut layout = Layout::default();
    walk(main_block(&document), &mut layout);
    if let Some(title) = &meta.headline {
        if layout.headline.as_deref() == Some(title.as_str()) || layout.headline.is_none() {
            layout.headline = Some(title.clone());
        } else if let Some(h1) = layout.headline.take() {
            // The page title wins; the first heading stays in the body.
            layout.body.insert(0, DraftBlock::Heading { heading: h1 });
            for quote in &mut layout.block_quotes {
                quote.block += 1;
            }
        }
    }
    if layout.headline.is_none() {
        layout.headline_guessed = true;
        layout.headline = layout.body.iter().find_map(|b| match b {
            DraftBlock::Paragraph(text) => Some(text.clone()),
            _ => None,
        });
    }
    (layout, meta)
}
