//! Plain text and Markdown into a headline and body blocks, every block's text kept as
//! written (only list and heading markers are taken off).

use super::draft::DraftBlock;

/// What the layout of an article gives: its headline, body and block quotations.
#[derive(Debug, Default)]
pub struct Layout {
    pub headline: Option<String>,
    /// The headline is the first sentence of the text, not a line of its own.
    pub headline_guessed: bool,
    pub body: Vec<DraftBlock>,
    /// Markdown `>` quotations, also kept in the body as paragraphs.
    pub block_quotes: Vec<BlockQuote>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockQuote {
    pub text: String,
    /// The body block it is.
    pub block: usize,
}

const HEADING_MAX_CHARS: usize = 100;
const HEADING_MAX_WORDS: usize = 14;
const FINAL_PUNCTUATION: &[char] = &[
    '.', '!', '?', '؟', '…', ':', '،', ',', ';', '؛', '"', '”', '»', '“', '«', ')', '۔',
];

#[derive(Debug)]
enum Line<'a> {
    Blank,
    Heading(&'a str),
    Item(&'a str),
    Quote(&'a str),
    Text(&'a str),
}

/// The text after a list marker: `-`, `•`, `*`, `1.`, `١.`, `1)`, `(أ)`, `(a)`.
pub fn list_item(line: &str) -> Option<&str> {
    for marker in ["- ", "• ", "* ", "– "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(rest.trim_start());
        }
    }
    if let Some(rest) = line.strip_prefix('(') {
        let (label, after) = rest.split_once(')')?;
        // One letter or digit of any script, or a small Roman numeral: (أ), (b), (2), (iv).
        let one = label.chars().count() == 1 && label.chars().all(char::is_alphanumeric);
        let roman = (1..=4).contains(&label.len()) && label.chars().all(|c| "ivx".contains(c));
        return ((one || roman) && after.starts_with(' ')).then(|| after.trim_start());
    }
    let digits = line.chars().take_while(|c| c.is_numeric()).count();
    if (1..=3).contains(&digits) {
        let rest: &str = &line[line
            .char_indices()
            .nth(digits)
            .map_or(line.len(), |(i, _)| i)..];
        for marker in [". ", ") ", "- "] {
            if let Some(after) = rest.strip_prefix(marker) {
                return Some(after.trim_start());
            }
        }
    }
    None
}

fn classify(line: &str, markdown: bool) -> Line<'_> {
    let line = line.trim();
    if line.is_empty() {
        return Line::Blank;
    }
    if markdown {
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
            return Line::Heading(line[hashes..].trim());
        }
        if let Some(rest) = line.strip_prefix('>') {
            return Line::Quote(rest.trim());
        }
    }
    match list_item(line) {
        Some(item) if !item.is_empty() => Line::Item(item),
        _ => Line::Text(line),
    }
}

/// A short line without final punctuation: a headline or a subheading.
pub fn is_title_like(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.chars().count() <= HEADING_MAX_CHARS
        && line.split_whitespace().count() <= HEADING_MAX_WORDS
        && !line.ends_with(FINAL_PUNCTUATION)
}

/// Markdown joins the lines of a paragraph; plain text takes each line as a paragraph.
pub fn layout(text: &str, markdown: bool) -> Layout {
    let lines: Vec<Line<'_>> = text.lines().map(|line| classify(line, markdown)).collect();
    let mut layout = Layout::default();
    let mut index = 0;
    while index < lines.len() {
        match lines[index] {
            Line::Blank => {}
            Line::Heading(text) => push_heading(&mut layout, text),
            Line::Quote(first) => {
                let mut text = first.to_owned();
                while let Some(Line::Quote(more)) = lines.get(index + 1) {
                    join(&mut text, more);
                    index += 1;
                }
                let block = layout.body.len();
                layout.block_quotes.push(BlockQuote {
                    text: text.clone(),
                    block,
                });
                layout.body.push(DraftBlock::Paragraph(text));
            }
            Line::Item(first) => {
                let mut bullets = vec![first.to_owned()];
                while let Some(Line::Item(more)) = lines.get(index + 1) {
                    bullets.push((*more).to_owned());
                    index += 1;
                }
                let lead = take_lead(&mut layout.body);
                layout.body.push(DraftBlock::Bullets { lead, bullets });
            }
            Line::Text(first) => {
                let mut text = first.to_owned();
                while let (true, Some(Line::Text(more))) = (markdown, lines.get(index + 1)) {
                    join(&mut text, more);
                    index += 1;
                }
                let more_follows = lines[index + 1..]
                    .iter()
                    .any(|line| !matches!(line, Line::Blank));
                push_text(&mut layout, text, more_follows, markdown);
            }
        }
        index += 1;
    }
    if layout.headline.is_none() {
        layout.headline = first_sentence(&layout.body);
        layout.headline_guessed = layout.headline.is_some();
    }
    layout
}

fn join(text: &mut String, more: &str) {
    text.push(' ');
    text.push_str(more);
}

fn push_heading(layout: &mut Layout, text: &str) {
    if layout.headline.is_none() && layout.body.is_empty() {
        layout.headline = Some(text.to_owned());
    } else {
        layout.body.push(DraftBlock::Heading {
            heading: text.to_owned(),
        });
    }
}

/// A title-like line is the headline when it opens the text; in plain text it is a
/// subheading when more text follows it (Markdown marks its subheadings with `#`).
fn push_text(layout: &mut Layout, text: String, more_follows: bool, markdown: bool) {
    let opens = layout.headline.is_none() && layout.body.is_empty();
    if is_title_like(&text) && (opens || (more_follows && !markdown)) {
        push_heading(layout, &text);
    } else {
        layout.body.push(DraftBlock::Paragraph(text));
    }
}

/// The paragraph just before a list becomes its lead when it ends with a colon.
pub(super) fn take_lead(body: &mut Vec<DraftBlock>) -> Option<String> {
    match body.last() {
        Some(DraftBlock::Paragraph(text)) if text.trim_end().ends_with([':', '：']) => {
            match body.pop() {
                Some(DraftBlock::Paragraph(text)) => Some(text),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The first sentence of the first paragraph, for a text with no title line.
fn first_sentence(body: &[DraftBlock]) -> Option<String> {
    let text = body.iter().find_map(|block| match block {
        DraftBlock::Paragraph(text) => Some(text.as_str()),
        _ => None,
    })?;
    let end = text
        .char_indices()
        .find(|&(at, c)| {
            matches!(c, '.' | '!' | '?' | '؟')
                && text[at + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map_or(text.len(), |(at, c)| at + c.len_utf8());
    let sentence = text[..end].trim();
    (!sentence.is_empty()).then(|| sentence.to_owned())
}
