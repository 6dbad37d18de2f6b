//! The reference search: a plain loop over a briefing's fields with the normalisation. It
//! is the oracle the index is tested against, so it says what a query means as plainly as
//! it can: clarity first, then enough speed to scan ten thousand briefings in a test.

use std::slice;

use super::ast::{Filter, Query, Review, Scope};
use super::fields::{Part, fields};
use super::normalize::normalize_text;
use super::terms::term_matches;
use crate::briefing::{Actor, Briefing};

/// Whether `briefing` matches `query`: every clause holds, and no negated one does. Review
/// filters see no marks: every briefing is new.
pub fn matches(briefing: &Briefing, query: &Query) -> bool {
    Searchable::new(briefing).matches(query)
}

/// Whether `briefing`, whose marks `marks` answers for, matches `query`.
pub fn matches_with(briefing: &Briefing, query: &Query, marks: &dyn ReviewLookup) -> bool {
    Searchable::new(briefing).matches_with(query, marks)
}

/// The answers to `is:`, `has:` and `reviewed-by:` for one briefing: the review state
/// (`briefing::state::SeenBy`) knows them, the query does not.
pub trait ReviewLookup {
    fn holds(&self, review: &Review) -> bool;
}

/// No review state: every briefing is new, and nothing else.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoMarks;

impl ReviewLookup for NoMarks {
    fn holds(&self, review: &Review) -> bool {
        *review == Review::New
    }
}

/// A briefing normalised once for any number of queries.
#[derive(Debug, Clone)]
pub struct Searchable<'a> {
    briefing: &'a Briefing,
    fields: Vec<(Part, String)>,
    /// Per actor: its id, name and aliases, normalised.
    actors: Vec<Vec<String>>,
    /// Per quotation: its speaker, and the names of the actor the speaker names.
    speakers: Vec<Vec<String>>,
    tags: Vec<String>,
    classification: Option<String>,
    language: Option<String>,
}

impl<'a> Searchable<'a> {
    pub fn new(briefing: &'a Briefing) -> Self {
        let normalized =
            |texts: &mut dyn Iterator<Item = &String>| texts.map(|t| normalize_text(t)).collect();
        let speakers = briefing.quotes.iter().map(|quote| {
            let actor = briefing.find_actor(&quote.speaker);
            let mut names: Vec<String> = actor.map(actor_names).unwrap_or_default();
            names.push(normalize_text(&quote.speaker));
            names
        });
        Self {
            briefing,
            fields: fields(briefing)
                .into_iter()
                .map(|field| (field.part, normalize_text(&field.text)))
                .collect(),
            actors: briefing.actors.iter().map(actor_names).collect(),
            speakers: speakers.collect(),
            tags: normalized(&mut briefing.tags.iter()),
            classification: briefing.classification.as_deref().map(normalize_text),
            language: briefing.language.as_deref().map(primary_subtag),
        }
    }

    pub fn matches(&self, query: &Query) -> bool {
        self.matches_with(query, &NoMarks)
    }

    pub fn matches_with(&self, query: &Query, marks: &dyn ReviewLookup) -> bool {
        query
            .clauses
            .iter()
            .all(|clause| self.holds(&clause.filter, query.scope, marks) != clause.negated)
    }

    fn holds(&self, filter: &Filter, scope: Scope, marks: &dyn ReviewLookup) -> bool {
        match filter {
            Filter::Review(review) => marks.holds(review),
            Filter::Word(word) => self.has_text(slice::from_ref(word), scope),
            Filter::Phrase(words) => self.has_text(words, scope),
            Filter::Actor(name) => self.actors.iter().any(|names| names_match(names, name)),
            Filter::Speaker(name) => self.speakers.iter().any(|names| names_match(names, name)),
            Filter::Tag(tag) => self.tags.contains(tag),
            Filter::Language(language) => self.language.as_ref() == Some(language),
            Filter::Class(class) => self.classification.as_ref() == Some(class),
            Filter::Date(range) => self
                .briefing
                .date
                .as_deref()
                .is_some_and(|d| range.contains(d)),
        }
    }

    fn has_text(&self, words: &[String], scope: Scope) -> bool {
        self.fields
            .iter()
            .any(|(part, text)| part.in_scope(scope) && term_matches(text, words))
    }
}

/// An actor's id, name and aliases, normalised: what `actor:` and `speaker:` look in.
fn actor_names(actor: &Actor) -> Vec<String> {
    [&actor.id, &actor.name]
        .into_iter()
        .chain(&actor.aliases)
        .map(|name| normalize_text(name))
        .collect()
}

/// Whether a name given to `actor:` or `speaker:` (normalised) matches one of `names` as a
/// phrase matches text: `تورك` finds `فولكر تورك`, `volker türk` finds `Volker Türk`.
pub(super) fn names_match(names: &[String], wanted: &str) -> bool {
    let words: Vec<String> = wanted.split(' ').map(str::to_owned).collect();
    names.iter().any(|name| term_matches(name, &words))
}

/// A language tag's primary subtag, lower case, as `lang:` compares it.
fn primary_subtag(tag: &str) -> String {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
    primary.to_ascii_lowercase()
}
