use serde::Deserialize;

use super::loading::Batch;

/// Everything that can change the reader's state. Keys map to the unit variants through
/// the key table (their snake_case names are what keys.toml binds); the other variants come
/// from the runtime (resize, the library loading in the background), the mouse, or typing
/// into the search prompt. Not `Copy`: a batch of loaded briefings moves in by value.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    /// Ctrl-Z: the runtime suspends to the shell and redraws on resume.
    Suspend,
    /// Ctrl-L: clear the screen and draw it whole (after line noise, or a message that
    /// another program wrote over it).
    Redraw,
    Help,
    Back,
    Select,
    FocusNext,
    FocusPrev,
    FocusHeadline,
    FocusBody,
    FocusQuotes,
    FocusPoints,
    FocusActors,
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    PrevBriefing,
    NextBriefing,
    CopyQuote,
    Zoom,
    SearchStart,
    SearchNext,
    SearchPrev,
    #[serde(skip)]
    Resize {
        width: u16,
        height: u16,
    },
    /// Wheel scrolling over whatever pane is at this cell.
    #[serde(skip)]
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    #[serde(skip)]
    SearchInput(char),
    #[serde(skip)]
    SearchBackspace,
    #[serde(skip)]
    SearchSubmit,
    #[serde(skip)]
    SearchCancel,
    /// The background load found this many files (and folders it could not read) to load.
    #[serde(skip)]
    LibraryFound(usize),
    /// More of the library has loaded.
    #[serde(skip)]
    LibraryLoaded(Batch),
    /// The background load has finished.
    #[serde(skip)]
    LibraryDone,
}

impl Action {
    /// The actions a key can be bound to, in the order the help screen lists them.
    pub const BINDABLE: [Action; 28] = [
        Action::Help,
        Action::Quit,
        Action::Suspend,
        Action::Redraw,
        Action::Back,
        Action::Select,
        Action::FocusNext,
        Action::FocusPrev,
        Action::FocusHeadline,
        Action::FocusBody,
        Action::FocusQuotes,
        Action::FocusPoints,
        Action::FocusActors,
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::PrevBriefing,
        Action::NextBriefing,
        Action::SearchStart,
        Action::SearchNext,
        Action::SearchPrev,
        Action::CopyQuote,
        Action::Zoom,
    ];

    pub fn describe(&self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Suspend => "suspend to the shell (fg resumes)",
            Action::Redraw => "clear and redraw the screen",
            Action::Help => "show or hide this help",
            Action::Back => "back: clear filter, search, zoom; then the library",
            Action::Select => "open; on an actor: filter quotes; on a quote: find it",
            Action::FocusNext => "focus the next pane",
            Action::FocusPrev => "focus the previous pane",
            Action::FocusHeadline => "focus the headline pane",
            Action::FocusBody => "focus the body pane",
            Action::FocusQuotes => "focus the quotes pane",
            Action::FocusPoints => "focus the points pane",
            Action::FocusActors => "focus the actors pane",
            Action::Down => "scroll down / next item",
            Action::Up => "scroll up / previous item",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::PrevBriefing => "previous briefing",
            Action::NextBriefing => "next briefing",
            Action::CopyQuote => "copy the quote (on actors: the actor; headline: a citation)",
            Action::Zoom => "zoom the focused pane to the whole screen",
            Action::SearchStart => "search the briefing; in the library: filter it",
            Action::SearchNext => "next match",
            Action::SearchPrev => "previous match",
            Action::Resize { .. }
            | Action::Wheel { .. }
            | Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchSubmit
            | Action::SearchCancel
            | Action::LibraryFound(_)
            | Action::LibraryLoaded(_)
            | Action::LibraryDone => "",
        }
    }
}
