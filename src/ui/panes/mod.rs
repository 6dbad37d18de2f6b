//! The five panes of an open briefing: one file each builds the pane's fields from the
//! briefing; `brief show` prints the same fields.

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
