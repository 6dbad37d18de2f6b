//! Plain text for mail: briefing text with its controls already made visible symbols (see
//! `document`), paragraphs that need it started with a direction mark, rows isolated.

use super::document::{Block, Document, Row, Run, Section};
use super::marks::{isolated_row, with_mark};

pub fn render(document: &Document) -> String {
    let mut out = Vec::new();
    if document.toc {
        out.push(underlined(&document.title, '='));
        let mut contents = vec!["Contents".to_owned()];
        for (i, section) in document.sections.iter().enumerate() {
            let head = run_line(&section.headline);
            contents.push(match section.meta.first() {
                Some(details) => format!("  {}. {head} ({})", i + 1, isolated_row(details, plain)),
                None => format!("  {}. {head}", i + 1),
            });
        }
        out.push(contents.join("\n"));
    }
    for section in &document.sections {
        write_section(&mut out, section);
    }
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}

fn write_section(out: &mut Vec<String>, section: &Section) {
    let mut head = vec![underlined(&run_line(&section.headline), '-')];
    head.extend(section.meta.iter().map(row_line));
    out.push(head.join("\n"));
    for part in &section.parts {
        if let Some(label) = &part.label {
            out.push(underlined(label, '~'));
        }
        for block in &part.blocks {
            out.push(block_text(block));
        }
    }
}

fn block_text(block: &Block) -> String {
    match block {
        Block::Heading(run) => underlined(&run_line(run), '·'),
        Block::Paragraph(run) => run_line(run),
        Block::List { lead, items } => {
            let mut lines: Vec<String> = lead.iter().map(run_line).collect();
            lines.extend(items.iter().map(|item| format!("  • {}", row_line(item))));
            lines.join("\n")
        }
        Block::Quote { text, by } => {
            let mut lines: Vec<String> = text
                .iter()
                .map(|run| format!("    {}", run_line(run)))
                .collect();
            lines.push(format!("    — {}", row_line(by)));
            lines.join("\n")
        }
    }
}

fn underlined(line: &str, rule: char) -> String {
    let width = line.chars().filter(|c| !is_mark(*c)).count().max(3);
    format!("{line}\n{}", rule.to_string().repeat(width))
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}')
}

fn plain(text: &str) -> String {
    text.to_owned()
}

fn run_line(run: &Run) -> String {
    with_mark(run.dir, &run.text)
}

fn row_line(row: &Row) -> String {
    let dir = match row.parts.as_slice() {
        [only] => only.dir,
        _ => row.dir,
    };
    with_mark(dir, &isolated_row(row, plain))
}
