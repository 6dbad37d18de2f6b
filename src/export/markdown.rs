//! Markdown (CommonMark with GitHub's extensions in mind): every piece of briefing text has
//! its metacharacters escaped, so it makes no raw HTML, link, autolink, emphasis or block of
//! its own; paragraphs start with a direction mark where they need one.

use super::document::{Block, Document, Row, Run, Section};
use super::marks::{isolated_row, with_mark};

pub fn render(document: &Document) -> String {
    let mut out = Vec::new();
    let level = if document.toc {
        out.push(format!("# {}", escape(&document.title)));
        out.push("## Contents".to_owned());
        for (i, section) in document.sections.iter().enumerate() {
            out.push(toc_line(i + 1, section));
        }
        2
    } else {
        1
    };
    for section in &document.sections {
        write_section(&mut out, section, level);
    }
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}

fn toc_line(number: usize, section: &Section) -> String {
    let head = with_mark(section.headline.dir, &escape(&section.headline.text));
    match section.meta.first() {
        Some(details) => format!("{number}. {head} ({})", isolated_row(details, escape)),
        None => format!("{number}. {head}"),
    }
}

fn write_section(out: &mut Vec<String>, section: &Section, level: usize) {
    let hashes = "#".repeat(level);
    out.push(format!("{hashes} {}", run_line(&section.headline)));
    for row in &section.meta {
        out.push(row_line(row));
    }
    for part in &section.parts {
        if let Some(label) = &part.label {
            // Ours, though a translation's names its translator.
            out.push(format!("{hashes}# {}", escape(label)));
        }
        for block in &part.blocks {
            out.push(block_text(block, &hashes));
        }
    }
}

fn block_text(block: &Block, hashes: &str) -> String {
    match block {
        Block::Heading(run) => format!("{hashes}## {}", run_line(run)),
        Block::Paragraph(run) => run_line(run),
        Block::List { lead, items } => {
            let mut lines: Vec<String> = lead
                .iter()
                .map(|lead| format!("{}\n", run_line(lead)))
                .collect();
            lines.extend(items.iter().map(|item| format!("- {}", row_line(item))));
            lines.join("\n")
        }
        Block::Quote { text, by } => {
            let mut lines: Vec<String> = text
                .iter()
                .map(|run| format!("> {}", run_line(run)))
                .collect();
            lines.push(format!("> — {}", row_line(by)));
            lines.join("\n>\n")
        }
    }
}

fn run_line(run: &Run) -> String {
    with_mark(run.dir, &escape(&run.text))
}

fn row_line(row: &Row) -> String {
    let dir = match row.parts.as_slice() {
        [only] => only.dir,
        _ => row.dir,
    };
    with_mark(dir, &isolated_row(row, escape))
}

/// Briefing text as Markdown that shows it literally: each metacharacter backslash-escaped,
/// the starts of URLs and addresses broken so no autolink is made, and what would open a
/// block at the start of a line escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let escaped = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '!' | '#' | '{'
            | '}' | '@' | '$' | '^' => true,
            // `https://` and `www.` start GitHub's autolinks.
            ':' => chars.get(i + 1..i + 3) == Some(&['/', '/']),
            '.' => after_www(&chars[..i]) || ordinal(&chars[..i]),
            ')' => ordinal(&chars[..i]),
            '-' | '+' | '=' => i == 0,
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn after_www(before: &[char]) -> bool {
    before.len() >= 3
        && before[before.len() - 3..]
            .iter()
            .all(|c| c.eq_ignore_ascii_case(&'w'))
}

/// Digits alone before a `.` or `)`: at the start of a line, an ordered list's number.
fn ordinal(before: &[char]) -> bool {
    !before.is_empty() && before.iter().all(char::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn metacharacters_and_link_starts_are_escaped() {
        assert_eq!(escape("<b>*x*</b>"), r"\<b\>\*x\*\</b\>");
        assert_eq!(
            escape("see https://a.example and www.b.example"),
            r"see https\://a.example and www\.b.example"
        );
        assert_eq!(escape("a@b.example"), r"a\@b.example");
        assert_eq!(escape("- item"), r"\- item");
        assert_eq!(escape("1. first"), r"1\. first");
        assert_eq!(escape("x - y 1. z"), "x - y 1. z");
    }
}
