//! Every piece of a briefing that a search looks in, each with the part it belongs to, in
//! reading order: what the scan searches and what an index must hold to give the same
//! answers.

use std::borrow::Cow;

use super::ast::Scope;
use crate::briefing::{Block, Briefing, Translation};

/// What a piece of text is in its briefing, which decides the scopes it is searched in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Headline,
    Summary,
    /// A paragraph, a heading, a bullet list's lead or one of its items.
    Body,
    Point,
    Quote,
    QuoteContext,
    Speaker,
    /// An actor's id, name, alias, role, organization or country.
    Actor,
    Tag,
    Place,
    /// The source's name or address.
    Source,
    Date,
    Classification,
    Language,
    FileName,
}

impl Part {
    /// Whether words are looked for in this part under `scope`: `in:headline` is the
    /// headline alone; `in:body` the summary, the body and the points; `in:quotes` the
    /// quotations and their context.
    pub fn in_scope(self, scope: Scope) -> bool {
        match scope {
            Scope::Everywhere => true,
            Scope::Headline => self == Part::Headline,
            Scope::Body => matches!(self, Part::Summary | Part::Body | Part::Point),
            Scope::Quotes => matches!(self, Part::Quote | Part::QuoteContext),
        }
    }
}

/// One piece of a briefing's text, as written in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'a> {
    pub part: Part,
    pub text: Cow<'a, str>,
}

/// Every searchable piece of `briefing`, in reading order (the order a snippet is looked
/// for in): headline, summary, body, points, quotations, then what describes the briefing.
pub fn fields<'a>(briefing: &'a Briefing) -> Vec<Field<'a>> {
    let mut fields = Vec::new();
    let mut push = |part, text: &'a str| {
        fields.push(Field {
            part,
            text: Cow::Borrowed(text),
        })
    };
    push(Part::Headline, &briefing.headline);
    briefing.summary.iter().for_each(|s| push(Part::Summary, s));
    for block in &briefing.body {
        block_texts(block).for_each(|t| push(Part::Body, t));
    }
    briefing.points.iter().for_each(|p| push(Part::Point, p));
    for quote in &briefing.quotes {
        push(Part::Quote, &quote.text);
        quote
            .context
            .iter()
            .for_each(|c| push(Part::QuoteContext, c));
        push(Part::Speaker, &quote.speaker);
    }
    for actor in &briefing.actors {
        let described = [&actor.role, &actor.organization, &actor.country];
        [&actor.id, &actor.name]
            .into_iter()
            .chain(&actor.aliases)
            .chain(described.into_iter().flatten())
            .for_each(|t| push(Part::Actor, t));
    }
    for translation in &briefing.translations {
        translated_fields(translation, &mut push);
    }
    briefing.tags.iter().for_each(|t| push(Part::Tag, t));
    briefing.location.iter().for_each(|l| push(Part::Place, l));
    if let Some(source) = &briefing.source {
        source
            .name
            .iter()
            .chain(&source.url)
            .for_each(|s| push(Part::Source, s));
    }
    briefing.date.iter().for_each(|d| push(Part::Date, d));
    let classification = briefing.classification.iter();
    classification.for_each(|c| push(Part::Classification, c));
    briefing
        .language
        .iter()
        .for_each(|l| push(Part::Language, l));
    if let Some(name) = briefing.path.file_name() {
        fields.push(Field {
            part: Part::FileName,
            text: name.to_string_lossy(),
        });
    }
    fields
}

/// A translation's texts, each in the part of the original it translates: a search finds a
/// briefing by the words of any of its languages.
fn translated_fields<'a>(translation: &'a Translation, push: &mut impl FnMut(Part, &'a str)) {
    translation
        .headline
        .iter()
        .for_each(|h| push(Part::Headline, h));
    translation
        .summary
        .iter()
        .for_each(|s| push(Part::Summary, s));
    for block in translation.body.iter().flatten() {
        block_texts(block).for_each(|t| push(Part::Body, t));
    }
    translation
        .points
        .iter()
        .flatten()
        .for_each(|p| push(Part::Point, p));
    for quote in translation.quotes.iter().flatten() {
        quote.text.iter().for_each(|t| push(Part::Quote, t));
        quote
            .context
            .iter()
            .for_each(|c| push(Part::QuoteContext, c));
    }
    let roles = translation.actors.iter().flatten();
    roles
        .flat_map(|a| &a.role)
        .for_each(|r| push(Part::Actor, r));
}

/// A body block's texts: a paragraph's or heading's, or a list's lead and items.
fn block_texts(block: &Block) -> Box<dyn Iterator<Item = &str> + '_> {
    match block {
        Block::Paragraph(text) | Block::Heading(text) => Box::new(std::iter::once(text.as_str())),
        Block::Bullets { lead, items } => Box::new(lead.iter().chain(items).map(String::as_str)),
    }
}
