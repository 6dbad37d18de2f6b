//! The names an actor goes by: one briefing's actor as merging compares it, and what a
//! query's `actor:` and `speaker:` values were widened to (`known.rs`).

use std::collections::{BTreeMap, BTreeSet};

use super::normalize::normalize_text;
use crate::briefing::Actor;

/// One actor's keys as merging compares them: its id, and its name and aliases, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActorKeys {
    pub id: String,
    pub names: Vec<String>,
}

impl ActorKeys {
    pub fn of(actor: &Actor) -> Self {
        Self {
            id: normalize_text(&actor.id),
            names: [&actor.name]
                .into_iter()
                .chain(&actor.aliases)
                .map(|name| normalize_text(name))
                .collect(),
        }
    }

    /// The index's stored form: the id, then the name and aliases, one per line.
    pub fn from_lines(lines: &str) -> Self {
        let mut lines = lines.split('\n');
        Self {
            id: lines.next().unwrap_or_default().to_owned(),
            names: lines.map(str::to_owned).collect(),
        }
    }

    /// Every key, id first: what `actor:` matches a name against within one briefing.
    pub fn all(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.id).chain(&self.names)
    }
}

/// What `ActorGroups::widen` found for each `actor:`/`speaker:` value of a query: the ids
/// and names of the merged actors it matches. Not part of the query's text: empty in a
/// parsed query, which then matches within each briefing alone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KnownAs(pub(super) BTreeMap<String, Names>);

/// The keys of the merged actors one value matches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Names {
    pub ids: BTreeSet<String>,
    pub names: BTreeSet<String>,
}

impl KnownAs {
    /// The keys found for the value `name`, if the query was widened.
    pub fn get(&self, name: &str) -> Option<&Names> {
        self.0.get(name)
    }

    pub fn is_empty(&self) -> bool {
        self.0.values().all(|names| names.is_empty())
    }
}

impl Names {
    /// Whether the actor with `keys` is one of these merged actors.
    pub fn has_actor(&self, keys: &ActorKeys) -> bool {
        self.ids.contains(&keys.id) || keys.names.iter().any(|name| self.names.contains(name))
    }

    pub fn has_name(&self, name: &str) -> bool {
        self.names.contains(name)
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty() && self.names.is_empty()
    }

    /// Every id and name, for selecting candidates.
    pub fn all(&self) -> impl Iterator<Item = &String> {
        self.ids.iter().chain(&self.names)
    }
}
