//! A briefing seen through one of its translations, and which parts a translation covers.

use super::model::{Actor, ActorRole, Block, Briefing, Direction, Quote, QuoteText, Translation};

/// A piece of a briefing that a translation can translate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Headline,
    Summary,
    Block(usize),
    Point(usize),
    Quote(usize),
    Actor(usize),
}

impl Translation {
    /// Whether this translation gives a text for `unit`.
    pub fn covers(&self, unit: Unit) -> bool {
        let has = |list_item: Option<bool>| list_item.unwrap_or(false);
        match unit {
            Unit::Headline => self.headline.is_some(),
            Unit::Summary => self.summary.is_some(),
            Unit::Block(i) => has(self.body.get(i).map(Option::is_some)),
            Unit::Point(i) => has(self.points.get(i).map(Option::is_some)),
            Unit::Quote(i) => has(self.quotes.get(i).map(Option::is_some)),
            Unit::Actor(i) => has(self
                .actors
                .get(i)
                .map(|actor| actor.as_ref().is_some_and(|a| a.role.is_some()))),
        }
    }
}

/// `translated[i]` where given, else `original`.
fn or_original<T: Clone>(translated: Option<&Option<T>>, original: &T) -> T {
    translated
        .and_then(Option::as_ref)
        .unwrap_or(original)
        .clone()
}

impl Briefing {
    /// The briefing as its translation `index` gives it: every translated text in place
    /// of the original's, the original's where the translation has none; names, dates and
    /// the rest as they are. `None` when there is no such translation.
    pub fn translated(&self, index: usize) -> Option<Briefing> {
        let t = self.translations.get(index)?;
        let body = self
            .body
            .iter()
            .enumerate()
            .map(|(i, block)| translated_block(block, t.body.get(i).and_then(Option::as_ref)))
            .collect();
        let points = self
            .points
            .iter()
            .enumerate()
            .map(|(i, point)| or_original(t.points.get(i), point))
            .collect();
        let quotes = self
            .quotes
            .iter()
            .enumerate()
            .map(|(i, quote)| translated_quote(quote, t.quotes.get(i).and_then(Option::as_ref)))
            .collect();
        let actors = self
            .actors
            .iter()
            .enumerate()
            .map(|(i, actor)| translated_actor(actor, t.actors.get(i).and_then(Option::as_ref)))
            .collect();
        Some(Briefing {
            headline: t.headline.clone().unwrap_or_else(|| self.headline.clone()),
            summary: t.summary.clone().or_else(|| self.summary.clone()),
            language: Some(t.language.clone()),
            direction: Direction::Auto,
            body,
            points,
            quotes,
            actors,
            translations: Vec::new(),
            ..self.clone()
        })
    }

    /// The language tags of the translations, in order.
    pub fn translation_languages(&self) -> Vec<&str> {
        self.translations
            .iter()
            .map(|t| t.language.as_str())
            .collect()
    }
}

/// A bullet list keeps the original's lead when its translation gives none.
fn translated_block(block: &Block, translation: Option<&Block>) -> Block {
    match (block, translation) {
        (Block::Bullets { lead, .. }, Some(Block::Bullets { lead: None, items })) => {
            Block::Bullets {
                lead: lead.clone(),
                items: items.clone(),
            }
        }
        (_, Some(translated)) => translated.clone(),
        (_, None) => block.clone(),
    }
}

fn translated_quote(quote: &Quote, translation: Option<&QuoteText>) -> Quote {
    let Some(translation) = translation else {
        return quote.clone();
    };
    Quote {
        text: translation
            .text
            .clone()
            .unwrap_or_else(|| quote.text.clone()),
        speaker: quote.speaker.clone(),
        context: translation
            .context
            .clone()
            .or_else(|| quote.context.clone()),
    }
}

fn translated_actor(actor: &Actor, translation: Option<&ActorRole>) -> Actor {
    let role = translation.and_then(|t| t.role.clone());
    Actor {
        role: role.or_else(|| actor.role.clone()),
        ..actor.clone()
    }
}
