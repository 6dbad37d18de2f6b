//! The reference search: a plain loop over a briefing's fields with the normalisation. It
//! is the oracle the index is tested against, so it says what a query means as plainly as
//! it can: clarity first, then enough speed to scan ten thousand briefings in a test.

use std::slice;

use super::ast::{Filter, Query, Review, Scope};
use super::fields::{Part, fields};
use super::names::{ActorKeys, Names};
use super::normalize::normalize_text;
use super::terms::term_matches;
use crate::briefing::Briefing;

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

/// The review state of any briefing, for a searcher that reads briefings as it finds them
/// (the index): asked once for each briefing it checks against a query with review filters.
pub trait MarksOf: Sync {
    fn marks_of<'a>(&'a self, briefing: &Briefing) -> Box<dyn ReviewLookup + 'a>;
}

impl MarksOf for NoMarks {
    fn marks_of<'a>(&'a self, _: &Briefing) -> Box<dyn ReviewLookup + 'a> {
        Box::new(NoMarks)
    }
}

impl Query {
    /// Whether the query has `is:`, `has:` or `reviewed-by:`: only then are marks asked.
    pub fn asks_marks(&self) -> bool {
        self.clauses
            .iter()
            .any(|clause| matches!(clause.filter, Filter::Review(_)))
    }
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
    actors: Vec<ActorKeys>,
    /// Per quotation: its speaker normalised, and the keys of the actor it names.
    speakers: Vec<(String, Option<ActorKeys>)>,
    tags: Vec<String>,
    classification: Option<String>,
    language: Option<String>,
}

impl<'a> Searchable<'a> {
    pub fn new(briefing: &'a Briefing) -> Self {
        let normalized =
            |texts: &mut dyn Iterator<Item = &String>| texts.map(|t| normalize_text(t)).collect();
        let speakers = briefing.quotes.iter().map(|quote| {
            let actor = briefing.find_actor(&quote.speaker).map(ActorKeys::of);
            (normalize_text(&quote.speaker), actor)
        });
        Self {
            briefing,
            fields: fields(briefing)
                .into_iter()
                .map(|field| (field.part, normalize_text(&field.text)))
                .collect(),
            actors: briefing.actors.iter().map(ActorKeys::of).collect(),
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
            .all(|clause| self.holds(&clause.filter, query, marks) != clause.negated)
    }

    fn holds(&self, filter: &Filter, query: &Query, marks: &dyn ReviewLookup) -> bool {
        let scope = query.scope;
        match filter {
            Filter::Review(review) => marks.holds(review),
            Filter::Word(word) => self.has_text(slice::from_ref(word), scope),
            Filter::Phrase(words) => self.has_text(words, scope),
            Filter::Actor(name) => {
                let known = query.known_as.get(name);
                self.actors
                    .iter()
                    .any(|actor| actor_matches(actor, name, known))
            }
            Filter::Speaker(name) => {
                let known = query.known_as.get(name);
                self.speakers.iter().any(|(speaker, actor)| {
                    names_match(std::slice::from_ref(speaker), name)
                        || known.is_some_and(|known| known.has_name(speaker))
                        || actor
                            .as_ref()
                            .is_some_and(|actor| actor_matches(actor, name, known))
                })
            }
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

/// Whether the actor with `keys` is the one `actor:`/`speaker:` `name` asks for: one of its
/// keys matches it, or it is one of the merged actors the query was widened to (`known`).
fn actor_matches(keys: &ActorKeys, name: &str, known: Option<&Names>) -> bool {
    keys.all()
        .any(|key| names_match(std::slice::from_ref(key), name))
        || known.is_some_and(|known| known.has_actor(keys))
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
