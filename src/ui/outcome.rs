//! What a screen's `update` reads of the app, and what it asks the app to do, as values:
//! a slice changes its own state and leaves the rest to the app that routes to it.

use ratatui::layout::Rect;

use super::content::Engine;
use crate::briefing::{Library, Loaded};

/// What every screen's update may read: the library, the briefing open (as read from its
/// file when it was opened), the screen size, how text is laid out.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub library: &'a Library,
    pub open: Option<&'a Loaded>,
    pub area: Rect,
    pub engine: Engine,
}

/// Where the app goes after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Go {
    /// Open library entry `index` (a briefing).
    Open(usize),
    /// The briefing listed before or after briefing `from`.
    Neighbour {
        from: usize,
        forward: bool,
    },
    Library,
    /// The library, its detail pane focused on the open briefing's warnings.
    Warnings,
}

/// What an action did beyond the screen's own state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// For the status line; the last one said wins.
    pub message: Option<String>,
    /// Text for the clipboard.
    pub copy: Option<String>,
    pub go: Option<Go>,
}

impl Outcome {
    pub fn saying(message: impl Into<String>) -> Self {
        Self {
            message: Some(message.into()),
            ..Self::default()
        }
    }

    pub fn go(go: Go) -> Self {
        Self {
            go: Some(go),
            ..Self::default()
        }
    }
}
