//! Actors across briefings: an actor is the same one in two briefings when they give it the
//! same id, or the same name or alias (normalised; ids and names are separate key spaces,
//! so an id equal to someone's name is no link). `actor:` and `speaker:` then find every
//! briefing where the actor they name appears under any of its names, including a name that
//! only another briefing records as its alias (docs/QUERY.md). The index's actor screen
//! merges by the same rule (`briefing::index`).

use std::collections::{BTreeSet, HashMap};

use super::ast::{Filter, Query};
use super::names::{ActorKeys, KnownAs, Names};
use super::terms::term_matches;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Space {
    Id,
    Name,
}

type Key = (Space, String);

/// An actor's keys, each in its space; empty ones are no key.
fn keys(actor: &ActorKeys) -> impl Iterator<Item = Key> + '_ {
    let id = (!actor.id.is_empty()).then(|| (Space::Id, actor.id.clone()));
    let names = actor.names.iter().filter(|name| !name.is_empty());
    id.into_iter()
        .chain(names.map(|name| (Space::Name, name.clone())))
}

/// The library's actors merged: a union-find over their keys, each actor joining all of
/// its own. Built from every briefing's actors (`add`), then asked to widen a query.
#[derive(Debug, Clone, Default)]
pub struct ActorGroups {
    at: HashMap<Key, usize>,
    keys: Vec<Key>,
    parent: Vec<usize>,
}

impl ActorGroups {
    pub fn new() -> Self {
        Self::default()
    }

    /// The groups of the actors of every briefing given.
    pub fn of<'a>(briefings: impl IntoIterator<Item = &'a crate::briefing::Briefing>) -> Self {
        let mut groups = Self::new();
        for briefing in briefings {
            groups.add_briefing(briefing);
        }
        groups
    }

    pub fn add_briefing(&mut self, briefing: &crate::briefing::Briefing) {
        for actor in &briefing.actors {
            self.add(&ActorKeys::of(actor));
        }
    }

    /// One actor of one briefing: its keys become one group with any that share one.
    pub fn add(&mut self, actor: &ActorKeys) {
        let mut first = None;
        for key in keys(actor) {
            let node = self.node(key);
            match first {
                None => first = Some(node),
                Some(first) => self.join(first, node),
            }
        }
    }

    /// `query` with each `actor:` and `speaker:` value given the keys of every merged actor
    /// one of whose keys it matches (as it matches within a briefing): the searcher then
    /// also finds the briefings that list that actor under a name the value does not match.
    pub fn widen(&mut self, query: &Query) -> Query {
        let mut widened = query.clone();
        widened.known_as = KnownAs::default();
        for clause in &query.clauses {
            if let Filter::Actor(name) | Filter::Speaker(name) = &clause.filter
                && !widened.known_as.0.contains_key(name)
            {
                let keys = self.keys_of_groups_matching(name);
                widened.known_as.0.insert(name.clone(), keys);
            }
        }
        widened
    }

    fn keys_of_groups_matching(&mut self, name: &str) -> Names {
        let words: Vec<String> = name.split(' ').map(str::to_owned).collect();
        let mut roots = BTreeSet::new();
        for at in 0..self.keys.len() {
            if term_matches(&self.keys[at].1, &words) {
                roots.insert(self.root(at));
            }
        }
        let mut names = Names::default();
        for at in 0..self.keys.len() {
            if roots.contains(&self.root(at)) {
                let (space, key) = &self.keys[at];
                match space {
                    Space::Id => names.ids.insert(key.clone()),
                    Space::Name => names.names.insert(key.clone()),
                };
            }
        }
        names
    }

    fn node(&mut self, key: Key) -> usize {
        if let Some(&at) = self.at.get(&key) {
            return at;
        }
        let at = self.keys.len();
        self.at.insert(key.clone(), at);
        self.keys.push(key);
        self.parent.push(at);
        at
    }

    fn root(&mut self, mut at: usize) -> usize {
        while self.parent[at] != at {
            self.parent[at] = self.parent[self.parent[at]];
            at = self.parent[at];
        }
        at
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.parent[a.max(b)] = a.min(b);
        }
    }
}

impl Query {
    /// Whether the query has an `actor:` or `speaker:` clause: only such a query is widened.
    pub fn names_an_actor(&self) -> bool {
        self.clauses
            .iter()
            .any(|clause| matches!(clause.filter, Filter::Actor(_) | Filter::Speaker(_)))
    }

    /// Whether every `actor:` and `speaker:` value has been widened (`ActorGroups::widen`).
    pub fn is_widened(&self) -> bool {
        self.clauses.iter().all(|clause| match &clause.filter {
            Filter::Actor(name) | Filter::Speaker(name) => self.known_as.0.contains_key(name),
            _ => true,
        })
    }
}
