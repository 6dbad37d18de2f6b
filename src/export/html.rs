//! A standalone HTML page: every element and attribute is the exporter's own, every piece
//! of briefing text is escaped, and every block carries `lang` and `dir`.

use std::fmt::Write;

use super::document::{Block, Document, OUR_LANG, Row, Run, Section};

/// What the page is styled with: readable measure, quotations set off, details muted.
const STYLE: &str = "body{font-family:sans-serif;max-width:46em;margin:2em auto;padding:0 1em;\
line-height:1.5}blockquote{margin:1em 0;padding:0 1em;border-inline-start:3px solid #999}\
.meta,.by{color:#555}article{margin-bottom:3em}";

pub fn render(document: &Document) -> String {
    let mut out = String::new();
    // A page of one briefing is in its language and direction (scroll bars, printing); a
    // page of several is in ours, each article in its own.
    let (lang, dir) = match document.sections.as_slice() {
        [only] if !document.toc => (only.lang.as_str(), only.dir.attribute()),
        _ => (OUR_LANG, "ltr"),
    };
    let _ = writeln!(out, "<!doctype html>\n<html {}>", attributes(lang, dir));
    out.push_str("<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&document.title));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>");
    if document.toc {
        toc(&mut out, document);
    }
    for section in &document.sections {
        article(&mut out, section);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn toc(out: &mut String, document: &Document) {
    let _ = writeln!(
        out,
        "<nav lang=\"{OUR_LANG}\" dir=\"ltr\">\n<h1 lang=\"{OUR_LANG}\" dir=\"ltr\">{}</h1>",
        escape(&document.title)
    );
    out.push_str("<ol lang=\"en\" dir=\"ltr\">\n");
    for section in &document.sections {
        let head = &section.headline;
        let _ = write!(
            out,
            "<li {}><a href=\"#{}\">{}</a>",
            attributes(&head.lang, head.dir.attribute()),
            section.anchor,
            escape(&head.text)
        );
        if let Some(details) = section.meta.first() {
            out.push_str(" <span class=\"meta\">");
            row_text(out, details);
            out.push_str("</span>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</nav>\n");
}

fn article(out: &mut String, section: &Section) {
    let _ = writeln!(
        out,
        "<article id=\"{}\" {}>",
        section.anchor,
        attributes(&section.lang, section.dir.attribute())
    );
    let _ = writeln!(
        out,
        "<h2 {}>{}</h2>",
        run_attributes(&section.headline),
        escape(&section.headline.text)
    );
    for row in &section.meta {
        paragraph_row(out, row, "meta");
    }
    for part in &section.parts {
        if let Some(label) = &part.label {
            // Ours, though a translation's names its translator.
            let label = escape(label);
            let _ = writeln!(out, "<h3 lang=\"{OUR_LANG}\" dir=\"ltr\">{label}</h3>");
        }
        for block in &part.blocks {
            block_html(out, block);
        }
    }
    out.push_str("</article>\n");
}

fn block_html(out: &mut String, block: &Block) {
    match block {
        Block::Heading(run) => element(out, "h4", run),
        Block::Paragraph(run) => element(out, "p", run),
        Block::List { lead, items } => {
            if let Some(lead) = lead {
                element(out, "p", lead);
            }
            let dir = items.first().map_or("ltr", |item| item.dir.attribute());
            let lang = items.first().map_or(OUR_LANG, |item| item.lang.as_str());
            let _ = writeln!(out, "<ul {}>", attributes(lang, dir));
            for item in items {
                let _ = write!(out, "<li {}>", item_attributes(item));
                row_text(out, item);
                out.push_str("</li>\n");
            }
            out.push_str("</ul>\n");
        }
        Block::Quote { text, by } => {
            let _ = writeln!(
                out,
                "<blockquote {}>",
                attributes(&by.lang, by.dir.attribute())
            );
            for run in text {
                element(out, "p", run);
            }
            paragraph_row(out, by, "by");
            out.push_str("</blockquote>\n");
        }
    }
}

fn element(out: &mut String, tag: &str, run: &Run) {
    let _ = writeln!(
        out,
        "<{tag} {}>{}</{tag}>",
        run_attributes(run),
        escape(&run.text)
    );
}

fn paragraph_row(out: &mut String, row: &Row, class: &str) {
    let _ = write!(
        out,
        "<p class=\"{class}\" {}>",
        attributes(&row.lang, row.dir.attribute())
    );
    row_text(out, row);
    out.push_str("</p>\n");
}

/// A row's fields, each in a `bdi` of its own direction, so that one field's neutrals
/// never join its neighbour's run.
fn row_text(out: &mut String, row: &Row) {
    for (i, part) in row.parts.iter().enumerate() {
        if i > 0 {
            out.push_str(" · ");
        }
        let _ = write!(
            out,
            "<bdi {}>{}</bdi>",
            run_attributes(part),
            escape(&part.text)
        );
    }
}

/// A list item of one field takes that field's direction; of several, the row's.
fn item_attributes(row: &Row) -> String {
    match row.parts.as_slice() {
        [only] => run_attributes(only),
        _ => attributes(&row.lang, row.dir.attribute()),
    }
}

fn run_attributes(run: &Run) -> String {
    attributes(&run.lang, run.dir.attribute())
}

fn attributes(lang: &str, dir: &str) -> String {
    format!("lang=\"{}\" dir=\"{dir}\"", escape(lang))
}

/// Text as HTML character data or an attribute value: no markup can start or end in it.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
