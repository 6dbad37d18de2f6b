//! What a parsed query means, independent of how it was typed.

use super::names::KnownAs;

/// A whole query: every clause must hold (clauses marked `negated` must not), and text is
/// looked for in `scope`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// Where words and phrases are looked for (`in:quotes`, `in:headline`, `in:body`);
    /// every field when the query does not say.
    pub scope: Scope,
    /// Other names of the actors that `actor:` and `speaker:` name, from the whole library
    /// (`ActorGroups::widen`); empty as parsed. Not part of the query's text.
    pub known_as: KnownAs,
}

/// One condition of a query; `-` in front negates it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub negated: bool,
    pub filter: Filter,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// A word: matches a word of the text that contains it after normalisation.
    Word(String),
    /// `"a phrase"`: its words, normalised, in this order, each contained in consecutive
    /// words of the text.
    Phrase(Vec<String>),
    /// `actor:` an actor by id, name or any alias (normalised).
    Actor(String),
    /// `speaker:` a briefing quoting the actor or speaker so named (normalised).
    Speaker(String),
    /// `tag:` a tag, whole (normalised).
    Tag(String),
    /// `lang:` a language tag's primary subtag, lower case (`ar` matches `ar-EG`).
    Language(String),
    /// `class:` a classification, whole (normalised).
    Class(String),
    /// `date:FROM..TO`, either end open; a single day without `..`.
    Date(DateRange),
    /// `is:`, `has:note`, `reviewed-by:`: the review state, which the searcher is given.
    Review(Review),
}

/// What the review state is asked: `is:new`, `is:read`, `is:reviewed` and `is:flagged` and
/// `has:note` of the person searching; `reviewed-by:NAME` of anyone (any case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Review {
    New,
    Read,
    Reviewed,
    Flagged,
    HasNote,
    ReviewedBy(String),
}

/// Where words are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    Everywhere,
    Headline,
    Body,
    Quotes,
}

/// Inclusive calendar bounds: a briefing dated within them (by its date's first ten
/// characters, `YYYY-MM-DD`) matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<DateBound>,
    pub to: Option<DateBound>,
}

/// A day written `YYYY-MM-DD`, checked to be a real calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DateBound {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}
