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
pub mod translation;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PaneId {
    Headline,
    Body,
    Quotes,
    Points,
    Actors,
}

impl PaneId {
    /// Every pane in order, each at its `index()`; as many as there are variants, the last
    /// being `Actors`.
    pub const ALL: [PaneId; PaneId::Actors as usize + 1] = [
        PaneId::Headline,
        PaneId::Body,
        PaneId::Quotes,
        PaneId::Points,
        PaneId::Actors,
    ];

    pub const COUNT: usize = PaneId::ALL.len();

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
        Self::ALL[(self.index() + 1) % Self::COUNT]
    }

    pub fn prev(self) -> Self {
        Self::ALL[(self.index() + Self::COUNT - 1) % Self::COUNT]
    }
}

/// One value for each pane, looked up by `PaneId`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ByPane<T> {
    values: [T; PaneId::COUNT],
}

impl<T> ByPane<T> {
    pub fn from_fn(make: impl FnMut(PaneId) -> T) -> Self {
        Self {
            values: PaneId::ALL.map(make),
        }
    }

    /// Each pane with its value, in pane order.
    pub fn iter(&self) -> impl Iterator<Item = (PaneId, &T)> {
        PaneId::ALL.into_iter().zip(&self.values)
    }
}

impl<T> IntoIterator for ByPane<T> {
    type Item = (PaneId, T);
    type IntoIter = std::iter::Zip<
        std::array::IntoIter<PaneId, { PaneId::COUNT }>,
        std::array::IntoIter<T, { PaneId::COUNT }>,
    >;

    /// Each pane with its value, in pane order.
    fn into_iter(self) -> Self::IntoIter {
        PaneId::ALL.into_iter().zip(self.values)
    }
}

impl<T> Index<PaneId> for ByPane<T> {
    type Output = T;

    fn index(&self, pane: PaneId) -> &T {
        &self.values[pane.index()]
    }
}

impl<T> IndexMut<PaneId> for ByPane<T> {
    fn index_mut(&mut self, pane: PaneId) -> &mut T {
        &mut self.values[pane.index()]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pane_is_listed_once_at_its_index() {
        for (i, pane) in PaneId::ALL.into_iter().enumerate() {
            assert_eq!(pane.index(), i);
        }
        let panes: Vec<PaneId> = ByPane::from_fn(|p| p).into_iter().map(|(p, _)| p).collect();
        assert_eq!(panes, PaneId::ALL);
        assert!(
            ByPane::from_fn(|p| p)
                .iter()
                .all(|(pane, &value)| pane == value)
        );
    }
}
