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
    pub label: Option<String>,
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
    /// A briefing whole: headline, details, summary, body, key points, quotations, actors;
    /// then each translation, the same parts again as it gives them.
    pub fn whole(briefing: &Briefing, number: usize) -> Self {
        let mut section = Self::head(briefing, number);
        section.push_text(briefing, &Rule::of(briefing), None);
        for (index, translation) in briefing.translations.iter().enumerate() {
            let Some(translated) = briefing.translated(index) else {
                continue;
            };
            // As in the reader: a translation reads in its language's direction throughout,
            // names and untranslated parts it carries over included.
            let rule = Rule::of(&translated).throughout();
            let mut label = format!("Translation ({})", translation.language);
            if let Some(translator) = &translation.translator {
                label = format!("{label} — {}", line(&rule, translator).text);
            }
            let headline = Block::Heading(line(&rule, &translated.headline));
            let suffix = format!(" ({})", translation.language);
            section.push_text(&translated, &rule, Some((label, headline, suffix)));
        }
        section
    }

    /// The summary, body, points, quotations and actors of `briefing`; for a translation,
    /// under its label, headed by its headline, the other labels naming its language.
    fn push_text(
        &mut self,
        briefing: &Briefing,
        rule: &Rule,
        translation: Option<(String, Block, String)>,
    ) {
        let (label, mut main, suffix) = match translation {
            Some((label, headline, suffix)) => (Some(label), vec![headline], suffix),
            None => (None, Vec::new(), String::new()),
        };
        if let Some(summary) = &briefing.summary {
            main.extend(paragraphs(rule, summary).into_iter().map(Block::Paragraph));
        }
        for block in &briefing.body {
            match block {
                crate::briefing::Block::Paragraph(text) => {
                    main.extend(paragraphs(rule, text).into_iter().map(Block::Paragraph));
                }
                crate::briefing::Block::Heading(text) => {
                    main.push(Block::Heading(line(rule, text)))
                }
                crate::briefing::Block::Bullets { lead, items } => main.push(Block::List {
                    lead: lead.as_deref().map(|lead| line(rule, lead)),
                    items: items.iter().map(|item| row(rule, &[item])).collect(),
                }),
            }
        }
        self.push(label, main);
        let points = briefing.points.iter().map(|p| row(rule, &[p])).collect();
        let list = vec![Block::List {
            lead: None,
            items: points,
        }];
        self.push(Some(format!("Key points{suffix}")), list);
        self.push(Some(format!("Quotations{suffix}")), quotes(briefing, rule));
        self.push(Some(format!("Actors{suffix}")), actors(briefing, rule));
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
            section.push(Some("Note".to_owned()), blocks);
        }
        let lists = briefing
            .point_groups()
            .into_iter()
            .map(|group| Block::List {
                lead: group.lead.or(group.heading).map(|lead| line(&rule, lead)),
                items: group.items.iter().map(|item| row(&rule, &[item])).collect(),
            });
        section.push(Some("Key points".to_owned()), lists.collect());
        section.push(Some("Quotations".to_owned()), quotes(briefing, &rule));
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

    fn push(&mut self, label: Option<String>, mut blocks: Vec<Block>) {
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
        lang: rule.language_of(paragraph).to_owned(),
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
