//! Briefings handed on: as Markdown, a standalone HTML page or plain text, in logical order,
//! for mail and word processors (docs/EXPORT.md). Pure functions of briefings: the commands
//! (`brief export`, `brief digest`) and the reader call them alike.

mod digest;
mod direction;
mod document;
mod html;
mod markdown;
mod marks;
mod text;

pub use digest::{DigestEntry, digest, digest_order};
pub use direction::{Dir, Rule};
pub use document::{Block, Document, Part, Row, Run, Section};

use crate::briefing::Briefing;

/// The formats a briefing is exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Text,
}

impl Format {
    /// The file name extension that goes with the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Text => "txt",
        }
    }
}

/// Briefings whole, one after the other, in `format`.
pub fn export(briefings: &[&Briefing], format: Format) -> String {
    let title = match briefings {
        [only] => text_of(&only.headline),
        _ => "Briefings".to_owned(),
    };
    let document = Document {
        title,
        toc: false,
        sections: briefings
            .iter()
            .enumerate()
            .map(|(i, briefing)| Section::whole(briefing, i + 1))
            .collect(),
    };
    render(&document, format)
}

/// One briefing as Markdown: what the reader copies.
pub fn briefing_markdown(briefing: &Briefing) -> String {
    export(&[briefing], Format::Markdown)
}

/// A document in `format`.
pub fn render(document: &Document, format: Format) -> String {
    match format {
        Format::Markdown => markdown::render(document),
        Format::Html => html::render(document),
        Format::Text => text::render(document),
    }
}

/// A field on one line, controls made visible: a page title.
fn text_of(field: &str) -> String {
    crate::text::sanitize(field)
        .text
        .split('\n')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}
