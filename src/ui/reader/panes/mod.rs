//! The five panes of an open briefing: one file each builds the pane's fields from the
//! briefing; `brief show` prints the same fields, chosen here for both.

use std::ops::{Index, IndexMut};

use crate::briefing::Briefing;
use crate::ui::content::{DirectionRule, Field};

pub mod actors;
pub mod body;
pub mod headline;
pub mod points;
pub mod quotes;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PaneId {
    Headline,
    Body,
    Quotes,
    Points,
    Actors,
}

impl PaneId {
    pub const ALL: [PaneId; 5] = [
        PaneId::Headline,
        PaneId::Body,
        PaneId::Quotes,
        PaneId::Points,
        PaneId::Actors,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn title(self) -> &'static str {
        match self {
            PaneId::Headline => "Headline",
            PaneId::Body => "Body",
            PaneId::Quotes => "Quotes",
            PaneId::Points => "Points",
            PaneId::Actors => "Actors",
        }
    }

    /// Panes whose j/k move a selection rather than scroll.
    pub fn selectable(self) -> bool {
        matches!(self, PaneId::Quotes | PaneId::Actors)
    }

    pub fn next(self) -> Self {
        Self::ALL[(self.index() + 1) % Self::ALL.len()]
    }

    pub fn prev(self) -> Self {
        Self::ALL[(self.index() + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}

/// One value for each pane, looked up by `PaneId`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ByPane<T>(pub [T; 5]);

impl<T> ByPane<T> {
    pub fn from_fn(mut make: impl FnMut(PaneId) -> T) -> Self {
        Self(PaneId::ALL.map(&mut make))
    }

    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.0.iter()
    }
}

impl<T> Index<PaneId> for ByPane<T> {
    type Output = T;

    fn index(&self, pane: PaneId) -> &T {
        &self.0[pane.index()]
    }
}

impl<T> IndexMut<PaneId> for ByPane<T> {
    fn index_mut(&mut self, pane: PaneId) -> &mut T {
        &mut self.0[pane.index()]
    }
}

/// The fields pane `pane` shows of `briefing`, the quotations only `actor`'s when given;
/// for the quotes pane also which quotations those are (`quotes::QuoteFields::shown`).
pub fn fields(
    pane: PaneId,
    briefing: &Briefing,
    rule: DirectionRule,
    actor: Option<usize>,
) -> (Vec<Field>, Vec<usize>) {
    match pane {
        PaneId::Headline => (headline::fields(briefing, rule), Vec::new()),
        PaneId::Body => (body::fields(briefing, rule), Vec::new()),
        PaneId::Quotes => {
            let quotes = quotes::fields(briefing, rule, actor);
            (quotes.fields, quotes.shown)
        }
        PaneId::Points => (points::fields(briefing, rule), Vec::new()),
        PaneId::Actors => (actors::fields(briefing, rule), Vec::new()),
    }
}
