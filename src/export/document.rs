//! What an export holds, in reading order, before it is written in a format: each piece of
//! briefing text sanitized (no control acts), split into paragraphs, and given its direction
//! and language by the reader's rule.

use super::direction::{Dir, Rule};
use crate::briefing::{Briefing, Quote};
use crate::text::sanitize;

/// One paragraph of briefing text, safe of controls, with no line break in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub dir: Dir,
    pub lang: String,
}

/// Several fields shown on one line (date · place · source; a speaker and role), each to be
/// isolated from the others, the line laid out in `dir`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub parts: Vec<Run>,
    pub dir: Dir,
    pub lang: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading of the briefing's own (`{"heading": …}` in its body).
    Heading(Run),
    Paragraph(Run),
    /// A list: its lead sentence, then its items.
    List {
        lead: Option<Run>,
        items: Vec<Row>,
    },
    /// A quotation's paragraphs and who said it, in what context.
    Quote {
        text: Vec<Run>,
        by: Row,
    },
}

/// A part of a briefing under a label of ours ("Key points"); the main text has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub label: Option<&'static str>,
    pub blocks: Vec<Block>,
}

/// One briefing as exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// `b1`, `b2`…: where a table of contents points.
    pub anchor: String,
    pub dir: Dir,
    pub lang: String,
    pub headline: Run,
    /// Date, place, source, classification, tags: whichever the briefing has.
    pub meta: Vec<Row>,
    pub parts: Vec<Part>,
}

/// Labels of ours: English, left to right.
pub const OUR_LANG: &str = "en";

impl Section {
    /// A briefing whole: headline, details, summary, body, key points, quotations, actors.
    pub fn whole(briefing: &Briefing, number: usize) -> Self {
        let mut section = Self::head(briefing, number);
        let rule = Rule::of(briefing);
        let mut main = Vec::new();
        if let Some(summary) = &briefing.summary {
            main.extend(paragraphs(&rule, summary).into_iter().map(Block::Paragraph));
        }
        for block in &briefing.body {
            match block {
                crate::briefing::Block::Paragraph(text) => {
                    main.extend(paragraphs(&rule, text).into_iter().map(Block::Paragraph));
                }
                crate::briefing::Block::Heading(text) => {
                    main.push(Block::Heading(line(&rule, text)))
                }
                crate::briefing::Block::Bullets { lead, items } => main.push(Block::List {
                    lead: lead.as_deref().map(|lead| line(&rule, lead)),
                    items: items.iter().map(|item| row(&rule, &[item])).collect(),
                }),
            }
        }
        section.push(None, main);
        let points = briefing.points.iter().map(|p| row(&rule, &[p])).collect();
        section.push(
            Some("Key points"),
            vec![Block::List {
                lead: None,
                items: points,
            }],
        );
        section.push(Some("Quotations"), quotes(briefing, &rule));
        section.push(Some("Actors"), actors(briefing, &rule));
        // Translations (a briefing's `translations`, when the model has them) go here, as a
        // part per language, each paragraph by the same rule.
        section
    }

    /// A briefing in a digest: headline, details, the reviewer's note, key points (the
    /// briefing's own, else its body's lists) and quotations.
    pub fn digest(briefing: &Briefing, number: usize, note: Option<&str>) -> Self {
        let mut section = Self::head(briefing, number);
        let rule = Rule::of(briefing);
        if let Some(note) = note {
            // The note is the reviewer's, in whatever script they wrote it.
            let blocks = paragraphs(&Rule::unknown(), note)
                .into_iter()
                .map(Block::Paragraph)
                .collect();
            section.push(Some("Note"), blocks);
        }
        let lists = briefing
            .point_groups()
            .into_iter()
            .map(|group| Block::List {
                lead: group.lead.or(group.heading).map(|lead| line(&rule, &lead)),
                items: group.items.iter().map(|item| row(&rule, &[item])).collect(),
            });
        section.push(Some("Key points"), lists.collect());
        section.push(Some("Quotations"), quotes(briefing, &rule));
        section
    }

    fn head(briefing: &Briefing, number: usize) -> Self {
        let rule = Rule::of(briefing);
        let mut details: Vec<&str> = Vec::new();
        let date = briefing.shown_date();
        details.extend(date.as_deref());
        details.extend(briefing.location.as_deref());
        if let Some(source) = &briefing.source {
            details.extend(source.name.as_deref());
            details.extend(source.url.as_deref());
        }
        let mut meta = vec![row(&rule, &details)];
        let class_and_tags: Vec<&str> = briefing
            .classification
            .iter()
            .chain(&briefing.tags)
            .map(String::as_str)
            .collect();
        meta.push(row(&rule, &class_and_tags));
        meta.retain(|row| !row.parts.is_empty());
        Self {
            anchor: format!("b{number}"),
            dir: rule.briefing,
            lang: rule.language(rule.briefing).to_owned(),
            headline: line(&rule, &briefing.headline),
            meta,
            parts: Vec::new(),
        }
    }

    fn push(&mut self, label: Option<&'static str>, mut blocks: Vec<Block>) {
        blocks.retain(
            |block| !matches!(block, Block::List { lead: None, items } if items.is_empty()),
        );
        if !blocks.is_empty() {
            self.parts.push(Part { label, blocks });
        }
    }
}

fn quotes(briefing: &Briefing, rule: &Rule) -> Vec<Block> {
    let quote = |quote: &Quote| {
        let mut by: Vec<&str> = Vec::new();
        match briefing.find_actor(&quote.speaker) {
            Some(actor) => {
                by.push(&actor.name);
                by.extend(actor.role.as_deref());
            }
            None => by.push(&quote.speaker),
        }
        by.extend(quote.context.as_deref());
        Block::Quote {
            text: paragraphs(rule, &quote.text),
            by: row(rule, &by),
        }
    };
    briefing.quotes.iter().map(quote).collect()
}

fn actors(briefing: &Briefing, rule: &Rule) -> Vec<Block> {
    let items: Vec<Row> = briefing
        .actors
        .iter()
        .map(|actor| {
            let mut parts = vec![actor.name.as_str()];
            parts.extend(actor.role.as_deref());
            parts.extend(actor.organization.as_deref());
            parts.extend(actor.country.as_deref());
            row(rule, &parts)
        })
        .collect();
    vec![Block::List { lead: None, items }]
}

/// A field's paragraphs, each with its direction; empty ones dropped.
fn paragraphs(rule: &Rule, field: &str) -> Vec<Run> {
    let clean = sanitize(field).text;
    clean
        .split('\n')
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| run(rule, &clean, paragraph))
        .collect()
}

/// A field shown on one line: its paragraphs joined by a space.
fn line(rule: &Rule, field: &str) -> Run {
    let clean = sanitize(field).text;
    let joined = clean
        .split('\n')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    run(rule, &clean, joined.trim())
}

/// Fields on one row in the briefing's direction; empty ones dropped.
fn row(rule: &Rule, fields: &[&str]) -> Row {
    Row {
        parts: fields
            .iter()
            .map(|field| line(rule, field))
            .filter(|run| !run.text.is_empty())
            .collect(),
        dir: rule.briefing,
        lang: rule.language(rule.briefing).to_owned(),
    }
}

fn run(rule: &Rule, field: &str, paragraph: &str) -> Run {
    let dir = rule.paragraph(field, paragraph);
    Run {
        text: paragraph.to_owned(),
        dir,
        lang: rule.language(dir).to_owned(),
    }
}

/// What is exported: one briefing, several, or a digest with its contents listed first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The page's title: a lone briefing's headline, else ours.
    pub title: String,
    /// Whether a table of contents comes first (a digest).
    pub toc: bool,
    pub sections: Vec<Section>,
}
